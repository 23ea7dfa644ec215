/**
 * The message for each workflow notification: what happened, what the recipient should do next and by
 * when, and a link to the case. Rendered when the transition writes its outbox rows.
 */
import type { NotificationTemplate } from "../workflows";
import { composeEmail } from "./layout";
import type { RenderedEmail } from "./types";

export interface CaseMailContext {
  diaryNumber: string | null;
  title: string;
  organisationName: string;
  recipientName: string;
  caseUrl: string;
  /** Free text that belongs in the message: a komplettering request, a return comment, a motivation. */
  message?: string | null;
  dueDate?: string | null;
}

type Text = { subject: string; happened: (c: CaseMailContext) => string; next: (c: CaseMailContext) => string };

const due = (c: CaseMailContext) => (c.dueDate ? ` senast ${c.dueDate}` : "");

const TEXTS: Record<NotificationTemplate, Text> = {
  application_received: {
    subject: "Ansökan har kommit in",
    happened: (c) => `Ansökan från ${c.organisationName} har kommit in och fått diarienummer ${c.diaryNumber}.`,
    next: () => "En handläggare går igenom ansökan. Du får ett meddelande om vi behöver veta mer.",
  },
  application_withdrawn: {
    subject: "Ansökan har dragits tillbaka",
    happened: (c) => `${c.organisationName} har dragit tillbaka ansökan.`,
    next: () => "Ärendet är avslutat. Du behöver inte göra något mer.",
  },
  case_assigned: {
    subject: "Ärendet har en handläggare",
    happened: () => "Ärendet har fått en handläggare.",
    next: () => "Öppna ärendet för att se vad som behöver göras.",
  },
  completion_requested: {
    subject: "Komplettera ansökan",
    happened: (c) => `Handläggaren behöver mer information: ${c.message ?? ""}`,
    next: (c) => `Komplettera ansökan och skicka in den igen${due(c)}.`,
  },
  completion_resubmitted: {
    subject: "Kompletteringen har kommit in",
    happened: (c) => `${c.organisationName} har kompletterat ansökan.`,
    next: () => "Gå igenom den nya versionen av ansökan.",
  },
  statement_ready_for_attestation: {
    subject: "Tjänsteutlåtande att attestera",
    happened: () => "Ett tjänsteutlåtande väntar på din attestering.",
    next: () => "Läs utlåtandet och attestera det, eller skicka tillbaka det med en kommentar.",
  },
  statement_attested: {
    subject: "Tjänsteutlåtandet är attesterat",
    happened: () => "Tjänsteutlåtandet är attesterat.",
    next: () => "Ärendet går vidare enligt rutinen.",
  },
  attestation_returned: {
    subject: "Tjänsteutlåtandet har skickats tillbaka",
    happened: (c) => `Tjänsteutlåtandet har skickats tillbaka med kommentaren: ${c.message ?? ""}`,
    next: () => "Ändra utlåtandet och skicka det till attestering igen.",
  },
  decision_approved: {
    subject: "Nämnden har beviljat ansökan",
    happened: () => "Nämnden har beslutat att bifalla ansökan om idéburet offentligt partnerskap.",
    next: () => "Nästa steg är att skriva överenskommelsen tillsammans med förvaltningen.",
  },
  decision_rejected: {
    subject: "Nämnden har avslagit ansökan",
    happened: (c) => `Nämnden har beslutat att avslå ansökan. Motivering: ${c.message ?? ""}`,
    next: () => "Ärendet är avslutat. Kontakta förvaltningen om du har frågor om beslutet.",
  },
  agreement_ready_to_sign: {
    subject: "Överenskommelsen är klar att skriva under",
    happened: () => "Överenskommelsen är klar att skriva under.",
    next: () => "Läs överenskommelsen och skriv under den.",
  },
  agreement_returned_to_drafting: {
    subject: "Överenskommelsen behöver ändras",
    happened: (c) => `Överenskommelsen har tagits tillbaka för ändringar: ${c.message ?? ""}`,
    next: () => "Du får ett nytt meddelande när den är klar att skriva under.",
  },
  agreement_signed_by_other_party: {
    subject: "Den andra parten har skrivit under",
    happened: () => "Den andra parten har skrivit under överenskommelsen.",
    next: () => "Skriv under överenskommelsen du också, så börjar den gälla.",
  },
  agreement_in_force: {
    subject: "Överenskommelsen gäller",
    happened: () => "Båda parter har skrivit under. Överenskommelsen gäller nu.",
    next: (c) => `Nästa rapport ska lämnas${due(c)}.`,
  },
  report_due: {
    subject: "Dags att rapportera",
    happened: () => "Det är dags att rapportera hur arbetet har gått.",
    next: (c) => `Lämna rapporten${due(c)}.`,
  },
  report_submitted: {
    subject: "Rapporten har kommit in",
    happened: (c) => `${c.organisationName} har lämnat sin rapport.`,
    next: () => "Granska rapporten och godkänn den, eller begär komplettering.",
  },
  report_returned: {
    subject: "Komplettera rapporten",
    happened: (c) => `Handläggaren behöver mer information i rapporten: ${c.message ?? ""}`,
    next: (c) => `Komplettera rapporten och skicka in den igen${due(c)}.`,
  },
  report_resubmitted: {
    subject: "Den kompletterade rapporten har kommit in",
    happened: (c) => `${c.organisationName} har kompletterat rapporten.`,
    next: () => "Granska den nya versionen.",
  },
  report_approved: {
    subject: "Rapporten är godkänd",
    happened: () => "Förvaltningen har godkänt rapporten.",
    next: () => "Du behöver inte göra något mer med den här rapporten.",
  },
  extension_decided: {
    subject: "Överenskommelsen har förlängts",
    happened: () => "Förvaltningen har beslutat att förlänga överenskommelsen.",
    next: () => "Öppna ärendet för att se det nya slutdatumet och när rapporterna ska lämnas.",
  },
  termination_decided: {
    subject: "Överenskommelsen upphör",
    happened: (c) => `Förvaltningen har beslutat att överenskommelsen upphör: ${c.message ?? ""}`,
    next: (c) => `Lämna en slutrapport${due(c)}.`,
  },
  final_report_due: {
    subject: "Dags för slutrapport",
    happened: () => "Partnerskapet är slut och det är dags för slutrapporten.",
    next: (c) => `Lämna slutrapporten${due(c)}.`,
  },
  final_report_submitted: {
    subject: "Slutrapporten har kommit in",
    happened: (c) => `${c.organisationName} har lämnat slutrapporten.`,
    next: () => "Bedöm slutrapporten.",
  },
  final_report_approved: {
    subject: "Slutrapporten är godkänd",
    happened: () => "Nämnden har godkänt slutrapporten och lagt den till handlingarna.",
    next: () => "Partnerskapet är avslutat. Tack för samarbetet!",
  },
  renegotiation_opened: {
    subject: "Ny överenskommelse kan förhandlas",
    happened: () => "Nämnden vill förhandla om partnerskapet. Ett nytt ärende har öppnats.",
    next: () => "Öppna det nya ärendet och börja skriva ansökan.",
  },
};

export function caseNotificationEmail(template: NotificationTemplate, c: CaseMailContext): RenderedEmail {
  const text = TEXTS[template];
  const reference = c.diaryNumber ? `${c.diaryNumber} ` : "";
  return composeEmail({
    template,
    subject: `${reference}${text.subject} – ${c.title}`,
    greeting: `Hej ${c.recipientName}!`,
    paragraphs: [`Ärende: ${reference}${c.title} (${c.organisationName})`, text.happened(c), `Nästa steg: ${text.next(c)}`],
    link: { label: "Öppna ärendet", url: c.caseUrl },
  });
}
