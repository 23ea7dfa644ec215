/** The scheduler: reminders sent once per deadline, and agreement periods ended by the system. */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { setupPortal } from "../support/portal";
import { createDistrict, createOrganisation } from "../../seed/factories";
import { LIFECYCLE, createCast, createDraftCase, driveCase, dayTime } from "../../seed/case-factory";
import { cases, emailOutbox, users } from "../../db/schema";
import { runReminders } from "../../app/mail/reminders.server";

const portal = setupPortal();

async function caseUpTo(stepName: string) {
  const district = await createDistrict(portal.db);
  const organisation = await createOrganisation(portal.db);
  const parties = { organisationId: organisation.id, districtId: district.id };
  const cast = await createCast(portal.db, parties);
  const caseId = await createDraftCase(parties, cast);
  const last = LIFECYCLE.findIndex((s) => s.name === stepName);
  await driveCase(caseId, cast, LIFECYCLE.slice(0, last + 1));
  const email = async (role: keyof typeof cast) => {
    const actor = cast[role];
    if (actor.kind !== "user") throw new Error("no user");
    const [u] = await portal.db.select({ email: users.email }).from(users).where(eq(users.id, actor.id));
    return u!.email;
  };
  return { caseId, email };
}

const remindersOf = async (caseId: string, template: string) =>
  portal.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.caseId, caseId), eq(emailOutbox.template, template)));

describe("reminders", () => {
  it("reminds about a report two weeks ahead and when it is late, once each, even when run twice at once", async () => {
    const { caseId, email } = await caseUpTo("chef signs"); // first report due 2025-09-30
    await runReminders(dayTime("2025-09-15"));
    expect(await remindersOf(caseId, "report_due_soon")).toHaveLength(0);
    await Promise.all([runReminders(dayTime("2025-09-16")), runReminders(dayTime("2025-09-16"))]);
    await runReminders(dayTime("2025-09-20"));
    const soon = await remindersOf(caseId, "report_due_soon");
    expect(soon.map((r) => r.recipientEmail)).toEqual([await email("applicant")]);
    expect(soon[0]!.textBody).toContain("senast 2025-09-30");
    expect(soon[0]!.textBody).toContain(`/forening/arenden/${caseId}`);

    await runReminders(dayTime("2025-10-01"));
    await runReminders(dayTime("2025-10-02"));
    const late = await remindersOf(caseId, "report_overdue");
    expect(late.map((r) => r.recipientEmail).sort()).toEqual([await email("applicant"), await email("caseworker")].sort());
  });

  it("reminds about a komplettering three days before its deadline", async () => {
    const { caseId, email } = await caseUpTo("request completion"); // due 2025-02-18
    await runReminders(dayTime("2025-02-14"));
    expect(await remindersOf(caseId, "completion_due_soon")).toHaveLength(0);
    await runReminders(dayTime("2025-02-15"));
    await runReminders(dayTime("2025-02-16"));
    const rows = await remindersOf(caseId, "completion_due_soon");
    expect(rows.map((r) => r.recipientEmail)).toEqual([await email("applicant")]);
  });

  it("reminds the chef when a statement has waited more than five working days", async () => {
    const { caseId, email } = await caseUpTo("statement to attestation"); // Saturday 2025-03-01
    await runReminders(dayTime("2025-03-07")); // five working days
    expect(await remindersOf(caseId, "attestation_waiting")).toHaveLength(0);
    await runReminders(dayTime("2025-03-10"));
    await runReminders(dayTime("2025-03-11"));
    const rows = await remindersOf(caseId, "attestation_waiting");
    expect(rows.map((r) => r.recipientEmail)).toEqual([await email("headOfUnit")]);
    expect(rows[0]!.textBody).toMatch(/\/forvaltning\/[a-z0-9]+\/arenden\//);
  });

  it("ends the agreement period the day after its end date", async () => {
    const { caseId, email } = await caseUpTo("second report approved"); // agreement ends 2026-04-30
    await runReminders(dayTime("2026-04-30"));
    const [before] = await portal.db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
    expect(before!.state).toBe("followUp.reportReviewed");
    await runReminders(dayTime("2026-05-01"));
    await runReminders(dayTime("2026-05-01"));
    const [after] = await portal.db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
    expect(after!.state).toBe("finalReport.due");
    const due = await remindersOf(caseId, "final_report_due");
    expect(due.map((r) => r.recipientEmail).sort()).toEqual([await email("applicant"), await email("caseworker")].sort());
  });
});
