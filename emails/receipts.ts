/**
 * The receipt (kvittens) for everything a förening sends in: what arrived, when, and the diarienummer
 * to quote. One template for all of them, because the förening needs the same proof each time (that
 * the report was in before its due date, which version the förvaltning has).
 */
import type { ReceiptKind, ReceiptParams } from "../workflows";
import type { CaseMailContext } from "./case-notifications";
import { composeEmail } from "./layout";
import type { RenderedEmail } from "./types";

/** The outbox template name of every receipt, whatever was received. */
export const RECEIPT_TEMPLATE = "submission_receipt";

const reportName = (p: ReceiptParams) => (p.report ? `rapport ${p.report.index + 1} av ${p.report.count}` : "rapporten");

interface ReceiptText {
  subject: string;
  /** What arrived, as a noun phrase starting in lower case. */
  what: (p: ReceiptParams) => string;
  next: string;
}

export const RECEIPT_TEXTS: Record<ReceiptKind, ReceiptText> = {
  application: {
    subject: "Vi har tagit emot er ansökan",
    what: (p) => `ansökan (version ${p.version})`,
    next: "Ni behöver inte göra något nu. En handläggare går igenom ansökan, och ni får ett meddelande om vi behöver veta mer.",
  },
  completion: {
    subject: "Vi har tagit emot er komplettering",
    what: (p) => `den kompletterade ansökan (version ${p.version})`,
    next: "Ni behöver inte göra något nu. Handläggaren går igenom den nya versionen, och ni får ett meddelande om vi behöver veta mer.",
  },
  report: {
    subject: "Vi har tagit emot er rapport",
    what: (p) => reportName(p),
    next: "Ni behöver inte göra något nu. Handläggaren granskar rapporten, och ni får ett meddelande när den är godkänd eller om något behöver kompletteras.",
  },
  reportCompletion: {
    subject: "Vi har tagit emot er kompletterade rapport",
    what: (p) => `den kompletterade ${reportName(p)} (version ${p.version})`,
    next: "Ni behöver inte göra något nu. Handläggaren granskar den nya versionen, och ni får ett meddelande när rapporten är godkänd.",
  },
  finalReport: {
    subject: "Vi har tagit emot er slutrapport",
    what: () => "slutrapporten",
    next: "Ni behöver inte göra något nu. Förvaltningen bedömer slutrapporten och lämnar den till nämnden, och ni får ett meddelande när nämnden har beslutat.",
  },
};

/** "2026-03-20T10:00:00.000+01:00" → "2026-03-20 kl. 10:00", as the receipt page shows it. */
export function receivedTime(at: string): string {
  return at.slice(0, 16).replace("T", " kl. ");
}

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

export function receiptEmail(receipt: ReceiptParams, c: CaseMailContext): Promise<RenderedEmail> {
  const text = RECEIPT_TEXTS[receipt.kind];
  const reference = c.diaryNumber ? `${c.diaryNumber} ` : "";
  const what = text.what(receipt);
  const when = receivedTime(receipt.receivedAt);
  return composeEmail({
    template: RECEIPT_TEMPLATE,
    subject: `${reference}${text.subject} – ${c.title}`,
    greeting: `Hej ${c.recipientName}!`,
    heading: `${reference}${c.title}`,
    facts: [
      ["Diarienummer", c.diaryNumber ?? "ännu inget"],
      ["Ärende", c.title],
      ["Förening", c.organisationName],
      ["Mottaget", capitalised(what)],
      ["Inkom", when],
    ],
    paragraphs: [
      `Det här är ett kvitto på att förvaltningen har tagit emot ${what} från ${c.organisationName} ${when}.`,
      c.diaryNumber ? `Ange diarienummer ${c.diaryNumber} om ni kontaktar förvaltningen om ärendet.` : "Spara det här meddelandet.",
    ],
    next: text.next,
    link: { label: "Öppna ärendet i IOP-portalen", url: c.caseUrl },
  });
}
