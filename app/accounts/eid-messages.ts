/**
 * What the e-ID pages say after the broker sent the person back (?meddelande=<code>), in klarspråk.
 * Browser-safe: no imports. Unknown codes show nothing (the code comes from the address bar).
 */
export interface EidNotice {
  kind: "success" | "error";
  text: string;
}

const TRY_AGAIN = "Försök igen.";

/** On Ditt konto, after asking to link an e-legitimation. */
const ACCOUNT_NOTICES: Record<string, EidNotice> = {
  kopplad: {
    kind: "success",
    text: "Din e-legitimation är kopplad till kontot. Nästa gång kan du logga in med den.",
  },
  "already-linked": {
    kind: "error",
    text: "Kontot har redan en e-legitimation kopplad. Den kan inte bytas här. Kontakta förvaltningen om den är fel.",
  },
  "identity-taken": {
    kind: "error",
    text: "Den e-legitimationen hör redan till ett annat konto i portalen, så den kopplades inte. Logga in med e-legitimation för att komma till det kontot.",
  },
  "not-allowed": { kind: "error", text: "Det här kontot kan inte kopplas till en e-legitimation." },
  cancelled: { kind: "error", text: `Du avbröt inloggningen med e-legitimation, så inget kopplades. ${TRY_AGAIN}` },
  "no-attempt": { kind: "error", text: `Kopplingen tog för lång tid eller avbröts, så inget kopplades. ${TRY_AGAIN}` },
  "state-mismatch": { kind: "error", text: `Svaret från e-legitimationen hörde inte till det här försöket, så inget kopplades. ${TRY_AGAIN}` },
  "invalid-response": { kind: "error", text: `Svaret från e-legitimationen kunde inte kontrolleras, så inget kopplades. ${TRY_AGAIN}` },
  unavailable: { kind: "error", text: "Tjänsten för e-legitimation svarar inte just nu. Försök igen om en stund." },
  "missing-claims": { kind: "error", text: "E-legitimationen skickade inte ditt personnummer och namn, så inget kopplades." },
  "not-configured": { kind: "error", text: "Inloggning med e-legitimation är inte inställd i portalen." },
};

/** On the e-ID sign-in page. */
const SIGN_IN_NOTICES: Record<string, EidNotice> = {
  "konto-avstangt": {
    kind: "error",
    text: "Kontot som hör till din e-legitimation är avstängt. Kontakta förvaltningen om du behöver komma åt det.",
  },
  "inbjudan-invitation-used": {
    kind: "error",
    text: "Inbjudan har redan använts eller är för gammal. Be föreningens kontaktperson om en ny.",
  },
  "inbjudan-identity-taken": {
    kind: "error",
    text: "Din e-legitimation hör redan till ett annat konto i portalen. Be föreningen bjuda in dig med e-postadressen för det kontot.",
  },
  "inbjudan-already-linked": {
    kind: "error",
    text: "Kontot som inbjudan gäller är kopplat till en annan e-legitimation. Be föreningens kontaktperson om hjälp.",
  },
  "inbjudan-not-allowed": { kind: "error", text: "Inbjudan gäller ett konto som inte kan använda e-legitimation." },
  "registrering-utgangen": {
    kind: "error",
    text: "Det tog för lång tid att registrera, så uppgifterna från e-legitimationen sparades inte. Logga in med e-legitimation igen för att fortsätta.",
  },
};

export function accountNotice(code: string | null): EidNotice | null {
  return (code && Object.hasOwn(ACCOUNT_NOTICES, code) ? ACCOUNT_NOTICES[code] : null) ?? null;
}

export function eidSignInNotice(code: string | null): EidNotice | null {
  return (code && Object.hasOwn(SIGN_IN_NOTICES, code) ? SIGN_IN_NOTICES[code] : null) ?? null;
}
