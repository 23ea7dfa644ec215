/** Reminders the scheduler sends about deadlines and waiting attestations. */
import { composeEmail } from "./layout";
import { swedishDate, type RecipientSide } from "./case-notifications";
import type { RenderedEmail } from "./types";

export const REMINDER_TEMPLATES = [
  "report_due_soon",
  "report_overdue",
  "completion_due_soon",
  "attestation_waiting",
] as const;
export type ReminderTemplate = (typeof REMINDER_TEMPLATES)[number];

export interface ReminderContext {
  diaryNumber: string | null;
  title: string;
  organisationName: string;
  recipientName: string;
  caseUrl: string;
  side: RecipientSide;
  /** The deadline, or the day the statement was sent for attestation. */
  date: string;
  /** "report" | "finalReport" for report reminders. */
  deadlineKind?: string;
}

const reportName = (c: ReminderContext) => (c.deadlineKind === "finalReport" ? "slutrapporten" : "rapporten");

const TEXTS: Record<ReminderTemplate, { subject: (c: ReminderContext) => string; happened: (c: ReminderContext) => string; next: (c: ReminderContext) => string }> = {
  report_due_soon: {
    subject: (c) => (c.deadlineKind === "finalReport" ? "Påminnelse: slutrapporten ska lämnas snart" : "Påminnelse: rapporten ska lämnas snart"),
    happened: (c) => `Om två veckor, ${swedishDate(c.date)}, ska ${reportName(c)} vara inlämnad.`,
    next: (c) => `Lämna ${reportName(c)} senast ${swedishDate(c.date)}.`,
  },
  report_overdue: {
    subject: (c) => (c.deadlineKind === "finalReport" ? "Slutrapporten är försenad" : "Rapporten är försenad"),
    happened: (c) =>
      c.side === "association"
        ? `${reportName(c)[0]!.toUpperCase()}${reportName(c).slice(1)} skulle ha lämnats senast ${swedishDate(c.date)}.`
        : `${c.organisationName} har inte lämnat ${reportName(c)}, som skulle ha lämnats senast ${swedishDate(c.date)}.`,
    next: (c) =>
      c.side === "association"
        ? `Lämna ${reportName(c)} så snart som möjligt. Kontakta handläggaren om ni behöver mer tid.`
        : "Kontakta föreningen och hör hur det går.",
  },
  completion_due_soon: {
    subject: () => "Påminnelse: komplettering ska lämnas snart",
    happened: (c) => `Handläggaren väntar på er komplettering. Den ska lämnas senast ${swedishDate(c.date)}.`,
    next: (c) => `Komplettera och skicka in igen senast ${swedishDate(c.date)}.`,
  },
  attestation_waiting: {
    subject: () => "Påminnelse: tjänsteutlåtande väntar på attestering",
    happened: (c) => `Ett tjänsteutlåtande har väntat på din attestering sedan ${swedishDate(c.date)}, mer än fem arbetsdagar.`,
    next: () => "Läs utlåtandet och attestera det, eller skicka tillbaka det till handläggaren med en kommentar.",
  },
};

export function reminderEmail(template: ReminderTemplate, c: ReminderContext): Promise<RenderedEmail> {
  const text = TEXTS[template];
  const reference = c.diaryNumber ? `${c.diaryNumber} ` : "";
  return composeEmail({
    template,
    subject: `${reference}${text.subject(c)} – ${c.title}`,
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
