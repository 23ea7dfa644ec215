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
