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

/** To someone who already has an account: they join the förening only if they answer yes (ADR 0024). */
export function organisationMembershipEmail(input: {
  name: string;
  organisationName: string;
  invitedBy: string;
  roles: string;
  url: string;
}) {
  return composeEmail({
    template: "organisation_membership",
    subject: `Inbjudan att gå med i ${input.organisationName} – IOP-portalen`,
    greeting: `Hej ${input.name}!`,
    paragraphs: [
      `${input.invitedBy} har bjudit in dig att gå med i ${input.organisationName} i IOP-portalen som ${input.roles}.`,
      "Du blir inte medlem förrän du själv har tackat ja. Öppna länken, logga in med ditt konto och välj om du vill gå med. Länken gäller i 7 dagar.",
    ],
    link: { label: "Svara på inbjudan", url: input.url },
    after: ["Känner du inte till föreningen? Då kan du bortse från det här meddelandet. Ingenting ändras i ditt konto."],
  });
}
