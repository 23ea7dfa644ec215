/**
 * What the seeds do beside each transition, written once for the demo cases (seed/demo-cases.ts) and the
 * scale seed's templates (seed/seed-scale-templates.ts): the dates of LIFECYCLE moved to another day,
 * and the rows the förening's pages write with an event (submitted application versions and reports, the
 * caseworker's review of a report).
 */
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { applicationVersions, reports } from "../db/schema";
import type { LifecycleStep } from "./case-factory";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const shiftDay = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** Every date in a command (due dates, meeting dates, the agreement's period) moved by `days`. */
export function shiftDates<T>(value: T, days: number): T {
  if (typeof value === "string") return (ISO_DAY.test(value) ? shiftDay(value, days) : value) as T;
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)])) as T;
  }
  return value;
}
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);

const REPORT_CONTENT = {
  narrative: "Verksamheten har haft öppet tre kvällar i veckan, med fler tjejer än väntat.",
  // As the report form stores them (app/domain/reports.ts): figures as typed, split by gender.
  activities: [
    { name: "Öppen verksamhet", sessions: "120", women: "40", men: "52", other: "3", ageGroup: "13–19 år", comment: "Unika deltagare under perioden." },
    { name: "Tjejkvällar", sessions: "30", women: "12–18", men: "", other: "1", ageGroup: "13–16 år", comment: "Per kväll." },
  ],
};
const FINAL_REPORT_CONTENT = {
  goalFulfilment: "Målen för deltagande har nåtts.",
  lessonsLearned: "Fler tjejer kom när vi hade egna kvällar.",
};

/**
 * The förening's side of one case as its pages would have written it: call `after(command, now)`
 * once the transition has gone through. It keeps the application version and the report period the
 * case has reached.
 */
export function pageWrites(
  db: Executor,
  input: { caseId: string; applicantId: string | null; caseworkerId: string | null; application: Record<string, unknown> },
) {
  const { caseId, applicantId, caseworkerId, application } = input;
  let version = 1;
  let periodIndex = 0;
  const period = (kind: "period" | "final") =>
    and(eq(reports.caseId, caseId), eq(reports.kind, kind), eq(reports.periodIndex, kind === "final" ? 0 : periodIndex));
  return {
    async after(command: LifecycleStep["command"], now: Date): Promise<void> {
      switch (command.type) {
        case "SUBMIT":
        case "RESUBMIT":
          await db
            .update(applicationVersions)
            .set({ status: "submitted", submittedAt: now, submittedById: applicantId, updatedAt: now })
            .where(and(eq(applicationVersions.caseId, caseId), eq(applicationVersions.version, version)));
          break;
        case "REQUEST_COMPLETION":
          version++;
          await db.insert(applicationVersions).values({ caseId, version, content: application, updatedById: applicantId, createdAt: now, updatedAt: now });
          break;
        case "SUBMIT_REPORT":
          await db.insert(reports).values({
            caseId, kind: "period", periodIndex, version: 1, status: "submitted", content: REPORT_CONTENT,
            updatedById: applicantId, submittedAt: now, createdAt: now, updatedAt: now,
          });
          break;
        case "REQUEST_REPORT_COMPLETION":
          await db.insert(reports).values({
            caseId, kind: "period", periodIndex, version: 2, content: REPORT_CONTENT, updatedById: applicantId, createdAt: now, updatedAt: now,
          });
          break;
        case "RESUBMIT_REPORT":
          await db.update(reports).set({ status: "submitted", submittedAt: now, updatedAt: now }).where(and(period("period"), eq(reports.version, 2)));
          break;
        case "APPROVE_REPORT":
          await db
            .update(reports)
            .set({ review: { addedValue: "Verksamheten når unga som förvaltningen inte når.", reviewedBy: caseworkerId }, updatedAt: now })
            .where(period("period"));
          periodIndex++;
          break;
        case "SUBMIT_FINAL_REPORT":
          await db.insert(reports).values({
            caseId, kind: "final", periodIndex: 0, version: 1, status: "submitted", content: FINAL_REPORT_CONTENT,
            updatedById: applicantId, submittedAt: now, createdAt: now, updatedAt: now,
          });
          break;
      }
    },
  };
}
