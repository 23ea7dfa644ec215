import { composeEmail } from "./layout";

/** To the förening's contact persons (a receipt) and to the handläggare of its cases (to check it). */
export function verificationRequestedEmail(input: { name: string; organisationName: string; url: string; forStaff?: boolean }) {
  return composeEmail({
    template: "verification_requested",
    subject: `Verifiering av ${input.organisationName} – IOP-portalen`,
    greeting: `Hej ${input.name}!`,
    paragraphs: input.forStaff
      ? [
          `${input.organisationName} har skickat sitt protokollsutdrag och namngett sina firmatecknare.`,
          "Jämför namnen med dokumentet och bekräfta eller avslå verifieringen. Föreningen kan inte skriva under en överenskommelse förrän den är verifierad.",
        ]
      : [
          `Vi har tagit emot protokollsutdraget för ${input.organisationName}.`,
          "En handläggare på förvaltningen jämför det med de firmatecknare ni har namngett. Ni får ett meddelande när det är klart.",
        ],
    link: { label: input.forStaff ? "Granska verifieringen" : "Se verifieringen", url: input.url },
  });
}

export function verificationDecidedEmail(input: {
  name: string;
  organisationName: string;
  confirmed: boolean;
  message: string | null;
  url: string;
}) {
  return composeEmail({
    template: input.confirmed ? "verification_confirmed" : "verification_refused",
    subject: input.confirmed
      ? `${input.organisationName} är verifierad – IOP-portalen`
      : `Verifieringen av ${input.organisationName} behöver kompletteras – IOP-portalen`,
    greeting: `Hej ${input.name}!`,
    paragraphs: [
      input.confirmed
        ? `Förvaltningen har verifierat ${input.organisationName}. De firmatecknare som protokollet namnger kan skriva under överenskommelser när de har loggat in med e-legitimation.`
        : `Förvaltningen kunde inte verifiera ${input.organisationName} med det dokument som skickades.`,
      ...(input.message ? [`Förvaltningens meddelande: ${input.message}`] : []),
    ],
    next: input.confirmed ? undefined : "Skicka ett nytt protokollsutdrag i portalen.",
    link: { label: "Öppna verifieringen", url: input.url },
  });
}

/** To the förening's firmatecknare: someone registered the förening again and asks to join it. */
export function joinRequestedEmail(input: { name: string; organisationName: string; requesterName: string; url: string }) {
  return composeEmail({
    template: "join_requested",
    subject: `${input.requesterName} vill gå med i ${input.organisationName} – IOP-portalen`,
    greeting: `Hej ${input.name}!`,
    paragraphs: [
      `${input.requesterName} försökte registrera ${input.organisationName}, som redan finns i IOP-portalen, och ber nu om att få gå med i föreningen som kontaktperson.`,
      "Känner ni till personen? Godkänn eller avslå förfrågan. Godkänner ni, ser personen föreningens ärenden.",
    ],
    link: { label: "Svara på förfrågan", url: input.url },
  });
}

/** To the person who asked to join. */
export function joinAnsweredEmail(input: { name: string; organisationName: string; accepted: boolean; url: string }) {
  return composeEmail({
    template: input.accepted ? "join_accepted" : "join_refused",
    subject: input.accepted ? `Du är med i ${input.organisationName} – IOP-portalen` : `Förfrågan om ${input.organisationName} – IOP-portalen`,
    greeting: `Hej ${input.name}!`,
    paragraphs: [
      input.accepted
        ? `Din förfrågan är godkänd: du är kontaktperson för ${input.organisationName} i IOP-portalen.`
        : `Din förfrågan att gå med i ${input.organisationName} godkändes inte. Kontakta föreningen om du tror att det är fel.`,
    ],
    link: { label: "Logga in", url: input.url },
  });
}
