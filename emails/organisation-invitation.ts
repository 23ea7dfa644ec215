import { composeEmail } from "./layout";

export function organisationInvitationEmail(input: {
  name: string;
  organisationName: string;
  invitedBy: string;
  roles: string;
  url: string;
}) {
  return composeEmail({
    template: "organisation_invitation",
    subject: `Inbjudan till IOP-portalen – ${input.organisationName}`,
    greeting: `Hej ${input.name}!`,
    paragraphs: [
      `${input.invitedBy} har bjudit in dig till IOP-portalen för ${input.organisationName} som ${input.roles}.`,
      "I portalen sköter föreningen sitt partnerskap med stadsdelsförvaltningen: ansökan, överenskommelse och rapporter.",
      "Öppna länken och välj ett lösenord. Länken gäller i 7 dagar.",
    ],
    link: { label: "Välj lösenord och logga in", url: input.url },
    after: ["Känner du inte till föreningen? Då kan du bortse från det här meddelandet."],
  });
}
