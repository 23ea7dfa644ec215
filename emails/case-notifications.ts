/**
 * The message for each workflow notification and each side (förening or förvaltning): what happened,
 * what the recipient should do next and by when, and a link to the case. Rendered when the transition
 * writes its outbox rows.
 */
import type { NotificationTemplate } from "../workflows";
import { composeEmail } from "./layout";
import type { RenderedEmail } from "./types";

export type RecipientSide = "association" | "administration";

export interface CaseMailContext {
  diaryNumber: string | null;
  title: string;
  organisationName: string;
  recipientName: string;
  caseUrl: string;
  /** Which side the recipient is on; the förvaltning's text is the default. */
  side?: RecipientSide;
  /** Free text that belongs in the message: a komplettering request, a return comment, a motivation. */
  message?: string | null;
  dueDate?: string | null;
}

interface SideText {
  happened: (c: CaseMailContext) => string;
  next: (c: CaseMailContext) => string;
}
interface Text {
  subject: string;
  association?: SideText;
  administration?: SideText;
}

/**
 * Dates as the förvaltning writes them in its letters and in the portal: "2025-02-18" (SS-ISO 8601),
 * the same string the recipient sees on the case page.
 */
export function swedishDate(isoDate: string): string {
  return isoDate.slice(0, 10);
}
const due = (c: CaseMailContext) => (c.dueDate ? ` senast ${swedishDate(c.dueDate)}` : "");
const quoted = (c: CaseMailContext) => (c.message ? ` ”${c.message}”` : "");
const same = (text: SideText) => ({ association: text, administration: text });

export const CASE_TEXTS: Record<NotificationTemplate, Text> = {
  // The förening's side of a submission is its receipt (emails/receipts.ts).
  application_received: {
    subject: "Ansökan har kommit in",
    administration: {
      happened: (c) => `En ny ansökan från ${c.organisationName} har kommit in och fått diarienummer ${c.diaryNumber}.`,
      next: () => "Ta ärendet, eller fördela det till en handläggare.",
    },
  },
  application_withdrawn: {
    subject: "Ansökan har dragits tillbaka",
    association: {
      happened: () => "Ni har dragit tillbaka ansökan.",
      next: () => "Ärendet är avslutat. Ni behöver inte göra något mer.",
    },
    administration: {
      happened: (c) => `${c.organisationName} har dragit tillbaka ansökan.`,
      next: () => "Ärendet är avslutat. Ni behöver inte göra något mer.",
    },
  },
  case_assigned: {
    subject: "Ärendet har en handläggare",
    association: {
      happened: () => "Er ansökan har fått en handläggare som nu går igenom den.",
      next: () => "Ni behöver inte göra något nu. Ni får ett meddelande om handläggaren behöver veta mer.",
    },
    administration: {
      happened: () => "Du är handläggare för ärendet.",
      next: () => "Gå igenom ansökan. Begär komplettering om något saknas, annars påbörja bedömningen.",
    },
  },
  completion_requested: {
    subject: "Komplettera ansökan",
    association: {
      happened: (c) => `Handläggaren behöver mer information innan ansökan kan bedömas:${quoted(c)}`,
      next: (c) => `Komplettera ansökan och skicka in den igen${due(c)}.`,
    },
  },
  completion_resubmitted: {
    subject: "Kompletteringen har kommit in",
    administration: {
      happened: (c) => `${c.organisationName} har kompletterat ansökan.`,
      next: () => "Gå igenom den nya versionen av ansökan och fortsätt handläggningen.",
    },
  },
  statement_ready_for_attestation: {
    subject: "Tjänsteutlåtande att attestera",
    administration: {
      happened: () => "Ett tjänsteutlåtande väntar på din attestering.",
      next: () => "Läs utlåtandet och attestera det, eller skicka tillbaka det till handläggaren med en kommentar.",
    },
  },
  statement_attested: {
    subject: "Tjänsteutlåtandet är attesterat",
    administration: {
      happened: () => "Tjänsteutlåtandet är attesterat av stadsdelsdirektören.",
      next: () => "Ärendet ska till nämnden. Registratorn för in nämndens beslut när det är fattat.",
    },
  },
  attestation_returned: {
    subject: "Tjänsteutlåtandet har skickats tillbaka",
    administration: {
      happened: (c) => `Tjänsteutlåtandet har skickats tillbaka med kommentaren:${quoted(c)}`,
      next: () => "Ändra utlåtandet och skicka det till attestering igen.",
    },
  },
  decision_approved: {
    subject: "Nämnden har beviljat ansökan",
    association: {
      happened: () => "Nämnden har beslutat att bevilja er ansökan om idéburet offentligt partnerskap.",
      next: () => "Förvaltningen skriver ett förslag till överenskommelse. Ni får ett meddelande när den är klar att skriva under.",
    },
    administration: {
      happened: (c) => `Nämnden har beviljat ansökan från ${c.organisationName}.`,
      next: () => "Skriv överenskommelsen och skicka den för underskrift.",
    },
  },
  decision_rejected: {
    subject: "Nämnden har avslagit ansökan",
    association: {
      happened: (c) => `Nämnden har beslutat att avslå er ansökan. Motivering:${quoted(c)}`,
      next: () => "Ärendet är avslutat. Kontakta förvaltningen om ni har frågor om beslutet.",
    },
    administration: {
      happened: (c) => `Nämnden har avslagit ansökan från ${c.organisationName}.`,
      next: () => "Ärendet är avslutat. Ni behöver inte göra något mer.",
    },
  },
  agreement_ready_to_sign: {
    subject: "Överenskommelsen är klar att skriva under",
    ...same({
      happened: () => "Överenskommelsen är klar att skriva under.",
      next: () => "Läs överenskommelsen och skriv under den. Den börjar gälla när båda parter har skrivit under.",
    }),
  },
  agreement_returned_to_drafting: {
    subject: "Överenskommelsen behöver ändras",
    ...same({
      happened: (c) => `Överenskommelsen har tagits tillbaka för ändringar:${quoted(c)} Underskrifter som redan gjorts gäller inte längre.`,
      next: () => "Ni behöver inte göra något nu. Ni får ett nytt meddelande när den är klar att skriva under.",
    }),
  },
  agreement_signed_by_other_party: {
    subject: "Den andra parten har skrivit under",
    ...same({
      happened: () => "Den andra parten har skrivit under överenskommelsen.",
      next: () => "Skriv under överenskommelsen ni också, så börjar den gälla.",
    }),
  },
  agreement_in_force: {
    subject: "Överenskommelsen gäller",
    association: {
      happened: () => "Båda parter har skrivit under. Överenskommelsen gäller nu.",
      next: (c) => `Lämna nästa rapport om hur arbetet går${due(c)}.`,
    },
    administration: {
      happened: () => "Båda parter har skrivit under. Överenskommelsen gäller nu.",
      next: (c) => `Följ upp partnerskapet. Föreningen ska lämna nästa rapport${due(c)}.`,
    },
  },
  report_due: {
    subject: "Dags att rapportera",
    association: {
      happened: () => "Det är dags att rapportera hur arbetet i partnerskapet har gått.",
      next: (c) => `Lämna rapporten${due(c)}.`,
    },
  },
  report_submitted: {
    subject: "Rapporten har kommit in",
    administration: {
      happened: (c) => `${c.organisationName} har lämnat sin rapport.`,
      next: () => "Granska rapporten och godkänn den, eller begär komplettering.",
    },
  },
  report_returned: {
    subject: "Komplettera rapporten",
    association: {
      happened: (c) => `Handläggaren behöver mer information i rapporten:${quoted(c)}`,
      next: (c) => `Komplettera rapporten och skicka in den igen${due(c)}.`,
    },
  },
  report_resubmitted: {
    subject: "Den kompletterade rapporten har kommit in",
    administration: {
      happened: (c) => `${c.organisationName} har kompletterat rapporten.`,
      next: () => "Granska den nya versionen och godkänn den, eller begär komplettering igen.",
    },
  },
  report_approved: {
    subject: "Rapporten är godkänd",
    association: {
      happened: () => "Förvaltningen har godkänt er rapport.",
      next: () => "Ni behöver inte göra något mer med den här rapporten. Ni får ett meddelande när nästa rapport ska lämnas.",
    },
  },
  extension_decided: {
    subject: "Överenskommelsen har förlängts",
    ...same({
      happened: () => "Förvaltningen har beslutat att förlänga överenskommelsen.",
      next: () => "Öppna ärendet för att se det nya slutdatumet och när rapporterna ska lämnas.",
    }),
  },
  termination_decided: {
    subject: "Överenskommelsen upphör",
    association: {
      happened: (c) => `Förvaltningen har beslutat att överenskommelsen upphör:${quoted(c)}`,
      next: (c) => `Lämna en slutrapport${due(c)}.`,
    },
    administration: {
      happened: (c) => `Överenskommelsen med ${c.organisationName} upphör:${quoted(c)}`,
      next: (c) => `Föreningen ska lämna en slutrapport${due(c)}.`,
    },
  },
  final_report_due: {
    subject: "Dags för slutrapport",
    association: {
      happened: () => "Avtalsperioden är slut och det är dags för slutrapporten.",
      next: (c) => `Lämna slutrapporten${due(c)}.`,
    },
    administration: {
      happened: () => "Avtalsperioden är slut. Föreningen ska nu lämna en slutrapport.",
      next: (c) => `Vänta på slutrapporten. Den ska lämnas${due(c)}.`,
    },
  },
  final_report_submitted: {
    subject: "Slutrapporten har kommit in",
    administration: {
      happened: (c) => `${c.organisationName} har lämnat slutrapporten.`,
      next: () => "Påbörja bedömningen av slutrapporten och skriv ett tjänsteutlåtande.",
    },
  },
  final_report_approved: {
    subject: "Slutrapporten är godkänd",
    association: {
      happened: () => "Nämnden har godkänt slutrapporten och lagt den till handlingarna.",
      next: () => "Partnerskapet är avslutat. Ni behöver inte göra något mer. Tack för samarbetet!",
    },
    administration: {
      happened: () => "Nämnden har godkänt slutrapporten och lagt den till handlingarna.",
      next: () => "Ärendet är avslutat. Ni behöver inte göra något mer.",
    },
  },
  renegotiation_opened: {
    subject: "Ny överenskommelse kan förhandlas",
    association: {
      happened: () => "Nämnden vill fortsätta partnerskapet. Ett nytt ärende har öppnats för en ny överenskommelse.",
      next: () => "Logga in och börja skriva ansökan i det nya ärendet.",
    },
    administration: {
      happened: () => "Nämnden vill fortsätta partnerskapet. Ett nytt ärende har öppnats.",
      next: () => "Vänta på föreningens nya ansökan.",
    },
  },
};

export function caseNotificationEmail(template: NotificationTemplate, c: CaseMailContext): Promise<RenderedEmail> {
  const entry = CASE_TEXTS[template];
  const text = (c.side === "association" ? entry.association : entry.administration) ?? entry.administration ?? entry.association!;
  const reference = c.diaryNumber ? `${c.diaryNumber} ` : "";
  return composeEmail({
    template,
    subject: `${reference}${entry.subject} – ${c.title}`,
    greeting: `Hej ${c.recipientName}!`,
    heading: `${reference}${c.title}`,
    facts: [
      ["Diarienummer", c.diaryNumber ?? "ännu inget"],
      ["Ärende", c.title],
      ["Förening", c.organisationName],
    ],
    paragraphs: [text.happened(c)],
    next: text.next(c),
    link: { label: "Öppna ärendet i IOP-portalen", url: c.caseUrl },
  });
}
