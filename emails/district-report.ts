/**
 * Messages about the yearly report to the nämnd, in the style of case-notifications: what happened,
 * what the recipient should do next, one link to the report. Internal to the förvaltning.
 */
import type { DistrictReportTemplate } from "../workflows";
import { composeEmail } from "./layout";
import type { RenderedEmail } from "./types";

export interface DistrictReportMailContext {
  year: number;
  districtName: string;
  recipientName: string;
  reportUrl: string;
  /** A return comment, or the filing's meeting date and paragraph. */
  message?: string | null;
}

const TEXTS: Record<DistrictReportTemplate, { subject: string; happened: (c: DistrictReportMailContext) => string; next: string }> = {
  district_report_ready_for_attestation: {
    subject: "Årsrapport att attestera",
    happened: (c) => `Årsrapporten om IOP ${c.year} väntar på din attestering.`,
    next: "Läs rapporten och attestera den, eller skicka tillbaka den med en kommentar.",
  },
  district_report_returned: {
    subject: "Årsrapporten har skickats tillbaka",
    happened: (c) => `Årsrapporten om IOP ${c.year} har skickats tillbaka från attesteringen${c.message ? `: ”${c.message}”` : "."}`,
    next: "Ändra texten, spara och skicka rapporten till attestering igen.",
  },
  district_report_attested: {
    subject: "Årsrapporten är attesterad",
    happened: (c) => `Årsrapporten om IOP ${c.year} är attesterad av avdelningschefen och stadsdelsdirektören.`,
    next: "Rapporten kan nu tas upp i nämnden. Registratorn registrerar när nämnden har lagt den till handlingarna.",
  },
  district_report_filed: {
    subject: "Årsrapporten är lagd till handlingarna",
    happened: (c) => `Nämnden har lagt årsrapporten om IOP ${c.year} till handlingarna${c.message ? ` (${c.message})` : ""}.`,
    next: "Du behöver inte göra något mer.",
  },
};

export function districtReportEmail(template: DistrictReportTemplate, c: DistrictReportMailContext): Promise<RenderedEmail> {
  const text = TEXTS[template];
  const title = `Årsrapport om IOP ${c.year}`;
  return composeEmail({
    template,
    subject: `${text.subject} – ${title}, ${c.districtName}`,
    greeting: `Hej ${c.recipientName}!`,
    heading: title,
    facts: [
      ["Rapport", title],
      ["Stadsdelsförvaltning", c.districtName],
    ],
    paragraphs: [text.happened(c)],
    next: text.next,
    link: { label: "Öppna årsrapporten i IOP-portalen", url: c.reportUrl },
  });
}
