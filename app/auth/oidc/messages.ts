/**
 * Why a sign-in with e-legitimation or the city's SSO did not finish, as the `?meddelande=` code the
 * login page shows in Swedish. Codes only in the URL: never a name, an e-mail or a personnummer.
 * Browser-safe (the login page reads it).
 */
import type { SignInFailure } from "./index.server";

export const SIGN_IN_NOTICES = {
  "inloggning-avbruten": { tone: "info", text: "Du avbröt inloggningen. Du är inte inloggad." },
  "inloggning-gick-ut": {
    tone: "error",
    text: "Inloggningen hann gå ut eller påbörjades i en annan webbläsare. Börja om genom att välja ett sätt att logga in.",
  },
  "inloggning-ogiltig": {
    tone: "error",
    text: "Inloggningen kunde inte kontrolleras, så du är inte inloggad. Börja om. Händer det igen, kontakta förvaltningen.",
  },
  "inloggning-svarar-inte": {
    tone: "error",
    text: "Inloggningstjänsten svarar inte just nu. Försök igen om en stund.",
  },
  "inloggning-uppgifter-saknas": {
    tone: "error",
    text: "Inloggningstjänsten skickade inte de uppgifter portalen behöver för att veta vem du är. Du är inte inloggad.",
  },
  "inloggning-ej-installd": { tone: "error", text: "Det här sättet att logga in är inte inställt i portalen." },
  "stad-inget-konto": {
    tone: "error",
    text: "Du är inloggad hos staden, men har inget konto i IOP-portalen. Be förvaltningens administratör att bjuda in dig med din e-postadress i staden.",
  },
  "stad-epost-ej-bekraftad": {
    tone: "error",
    text: "Stadens inloggning bekräftade inte din e-postadress, så portalen kan inte veta vilket konto som är ditt. Kontakta förvaltningens administratör.",
  },
  utloggad: { tone: "success", text: "Du är utloggad." },
} as const satisfies Record<string, { tone: "info" | "error" | "success"; text: string }>;

export type SignInNoticeCode = keyof typeof SIGN_IN_NOTICES;

/** The notice for a `?meddelande=` code: one of these, or completeSignIn's reason as it is (the e-ID callback sends those). */
export function signInNotice(code: string | null): { tone: "info" | "error" | "success"; text: string } | null {
  if (code === null) return null;
  if (Object.hasOwn(SIGN_IN_NOTICES, code)) return SIGN_IN_NOTICES[code as SignInNoticeCode];
  if (Object.hasOwn(FAILURE_NOTICES, code)) return SIGN_IN_NOTICES[FAILURE_NOTICES[code as SignInFailure]];
  return null;
}

/** The notice for a failure of completeSignIn. */
export const FAILURE_NOTICES: Record<SignInFailure, SignInNoticeCode> = {
  "not-configured": "inloggning-ej-installd",
  "no-attempt": "inloggning-gick-ut",
  "state-mismatch": "inloggning-ogiltig",
  cancelled: "inloggning-avbruten",
  "invalid-response": "inloggning-ogiltig",
  unavailable: "inloggning-svarar-inte",
  "missing-claims": "inloggning-uppgifter-saknas",
};

export function loginPathWithNotice(code: SignInNoticeCode): string {
  return `/logga-in?meddelande=${code}`;
}
