import { composeEmail } from "./layout";

export function registrationConfirmationEmail(input: { name: string; organisationName: string; url: string; joinRequested?: boolean }) {
  return composeEmail({
    template: "registration_confirmation",
    subject: "Bekräfta din e-postadress – IOP-portalen",
    greeting: `Hej ${input.name}!`,
    paragraphs: input.joinRequested
      ? [
          `Föreningen finns redan i IOP-portalen. Vi har frågat föreningens firmatecknare om du får gå med som kontaktperson.`,
          "Du får ett meddelande när de har svarat.",
        ]
      : [`Du har registrerat ${input.organisationName} i IOP-portalen.`],
    next: "Bekräfta din e-postadress genom att öppna länken nedan inom 72 timmar. Sedan kan du logga in och börja skriva en ansökan.",
    link: { label: "Bekräfta e-postadressen", url: input.url },
    after: ["Har du inte registrerat dig? Då kan du bortse från det här meddelandet."],
  });
}

/** After registering with e-legitimation: signed in already; the link confirms the address case mail goes to. */
export function eidRegistrationEmail(input: { name: string; organisationName: string; url: string }) {
  return composeEmail({
    template: "eid_registration",
    subject: "Bekräfta din e-postadress – IOP-portalen",
    greeting: `Hej ${input.name}!`,
    paragraphs: [
      `Du har registrerat ${input.organisationName} i IOP-portalen med e-legitimation.`,
      "Du loggar in med din e-legitimation. Hit skickar vi meddelanden om föreningens ärenden.",
    ],
    next: "Bekräfta din e-postadress genom att öppna länken nedan inom 72 timmar.",
    link: { label: "Bekräfta e-postadressen", url: input.url },
    after: ["Har du inte registrerat dig? Då kan du bortse från det här meddelandet."],
  });
}

export function staffInvitationEmail(input: { name: string; districtName: string; roles: string; url: string }) {
  return composeEmail({
    template: "staff_invitation",
    subject: `Inbjudan till IOP-portalen – ${input.districtName}`,
    greeting: `Hej ${input.name}!`,
    paragraphs: [`Du är inbjuden till IOP-portalen för ${input.districtName} som ${input.roles}.`],
    next: "Öppna länken och välj ett lösenord inom 7 dagar. Sedan kan du logga in.",
    link: { label: "Välj lösenord och logga in", url: input.url },
  });
}

export function passwordResetEmail(input: { name: string; url: string }) {
  return composeEmail({
    template: "password_reset",
    subject: "Återställ ditt lösenord – IOP-portalen",
    greeting: `Hej ${input.name}!`,
    paragraphs: ["Någon har bett om att få återställa lösenordet till ditt konto i IOP-portalen."],
    next: "Öppna länken och välj ett nytt lösenord inom en timme. Länken kan bara användas en gång.",
    link: { label: "Välj nytt lösenord", url: input.url },
    after: ["Har du inte bett om detta? Då kan du bortse från meddelandet. Ditt lösenord är oförändrat."],
  });
}

/** Sent instead of telling the registration form that the address already has an account. */
export function registrationAttemptEmail(input: { name: string; url: string }) {
  return composeEmail({
    template: "registration_attempt",
    subject: "Någon försökte registrera sig med din e-postadress – IOP-portalen",
    greeting: `Hej ${input.name}!`,
    paragraphs: [
      "Någon har försökt registrera en förening i IOP-portalen med din e-postadress. Du har redan ett konto, så inget nytt konto skapades.",
    ],
    next: "Var det du? Logga in med ditt konto. Har du glömt lösenordet kan du välja ett nytt från inloggningssidan.",
    link: { label: "Logga in", url: input.url },
    after: ["Var det inte du? Då kan du bortse från det här meddelandet. Ditt konto är oförändrat."],
  });
}

/** Sent when an admin resets a member of staff's second factor: they set it up again at next sign-in. */
export function secondFactorResetEmail(input: { name: string; districtName: string; url: string }) {
  return composeEmail({
    template: "second_factor_reset",
    subject: "Din tvåstegsverifiering är återställd – IOP-portalen",
    greeting: `Hej ${input.name}!`,
    paragraphs: [
      `En administratör i ${input.districtName} har återställt tvåstegsverifieringen för ditt konto i IOP-portalen. Koderna i din app och dina gamla återställningskoder fungerar inte längre.`,
    ],
    next: "Nästa gång du loggar in med lösenord får du ställa in tvåstegsverifieringen igen med appen i din telefon.",
    link: { label: "Logga in", url: input.url },
    after: ["Har du inte bett om detta? Kontakta din administratör eller stadens IT-support."],
  });
}
