/**
 * The workflow runtime on a real database: every transition is one transaction of snapshot, audit
 * event, outbox rows and deadlines — or nothing.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { INTERNAL_TEMPLATES, REFUSAL_MESSAGES } from "../../workflows";
import { caseDeadlines, caseEvents, cases, diarySequences, emailOutbox, users } from "../../db/schema";
import { createDistrict, createOrganisation, addDistrictRoles, createStaffUser, createUser } from "../../seed/factories";
import { LIFECYCLE, createCast, createDraftCase, dayTime, driveCase, type Cast } from "../../seed/case-factory";
import { MESSAGES, transitionCase } from "../../app/cases/transition.server";
import { userActor } from "../../app/cases/case-roles";
import { loadCaseRow } from "../../app/cases/access.server";
import { setupPortal } from "../support/portal";

const portal = setupPortal();

async function freshWorld(code?: string) {
  const district = await createDistrict(portal.db, code ? { code } : {});
  const organisation = await createOrganisation(portal.db);
  const parties = { organisationId: organisation.id, districtId: district.id };
  const cast = await createCast(portal.db, parties);
  return { district, organisation, parties, cast };
}

async function auditOf(caseId: string) {
  return portal.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.revision));
}

const userId = (cast: Cast, role: keyof Cast) => {
  const actor = cast[role];
  return actor.kind === "user" ? actor.id : "system";
};

describe("a full lifecycle on the database", () => {
  it("keeps every step in the audit trail, in order, with who, from and to", async () => {
    const { cast, parties, district } = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    await driveCase(caseId, cast);

    const audit = await auditOf(caseId);
    expect(audit.map((e) => e.eventType)).toEqual(["CREATED", ...LIFECYCLE.map((s) => s.command.type)]);
    expect(audit.map((e) => e.revision)).toEqual(audit.map((_, i) => i + 1));
    expect(audit.slice(1).map((e) => e.toState)).toEqual(LIFECYCLE.map((s) => s.state));
    for (let i = 1; i < audit.length; i++) expect(audit[i]!.fromState).toBe(audit[i - 1]!.toState);
    expect(audit.slice(1).map((e) => e.actorUserId)).toEqual(LIFECYCLE.map((s) => (s.actor === "system" ? null : userId(cast, s.actor))));
    const returned = audit.find((e) => e.eventType === "RETURN")!;
    expect(returned.comment).toBe("Komplettera jämställdhetsanalysen.");
    expect(returned.actorRoles).toEqual(["head_of_unit"]);

    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({
      state: "closed",
      stage: "closed",
      outcome: "completed",
      revision: audit.length,
      diaryNumber: `${district.code} 2025/1`,
      assignedCaseworkerId: userId(cast, "caseworker"),
    });
    expect(row!.closedAt).toEqual(dayTime("2026-09-15"));

    // Every deadline the lifecycle set was cleared again.
    const open = await portal.db
      .select()
      .from(caseDeadlines)
      .where(and(eq(caseDeadlines.caseId, caseId), isNull(caseDeadlines.clearedAt)));
    expect(open).toEqual([]);

    // Renegotiation opened a new, linked case in draft.
    const [next] = await portal.db.select().from(cases).where(eq(cases.previousCaseId, caseId));
    expect(next).toMatchObject({ state: "application.draft", organisationId: parties.organisationId, diaryNumber: null });
    expect((await auditOf(next!.id)).map((e) => e.eventType)).toEqual(["RENEGOTIATION_OPENED"]);
  });

  it("writes the messages people should get, with the diarienummer and a link, and nothing internal to the förening", async () => {
    const { cast, parties, district } = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    await driveCase(caseId, cast);
    const mail = await portal.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.caseId, caseId))
      .orderBy(asc(emailOutbox.position));
    const to = (role: keyof Cast) => mail.filter((m) => m.recipientUserId === userId(cast, role)).map((m) => m.template);

    // Everything the förening sends in is acknowledged with a receipt (kvittens).
    expect(to("applicant")).toEqual([
      "submission_receipt",
      "case_assigned",
      "completion_requested",
      "submission_receipt",
      "decision_approved",
      "agreement_ready_to_sign",
      "agreement_in_force",
      // No "report_due" at the signing: the agreement's first period has not begun then.
      "submission_receipt",
      "report_returned",
      "submission_receipt",
      "report_approved",
      "report_due",
      "submission_receipt",
      "report_approved",
      "final_report_due",
      "submission_receipt",
      "final_report_approved",
      "renegotiation_opened",
    ]);
    expect(to("signatory")).toEqual(["decision_approved", "agreement_ready_to_sign", "agreement_in_force", "final_report_approved", "renegotiation_opened"]);
    expect(to("headOfUnit")).toEqual([
      "statement_ready_for_attestation",
      "statement_ready_for_attestation",
      "agreement_ready_to_sign",
      "agreement_signed_by_other_party",
      "statement_ready_for_attestation",
    ]);
    expect(to("registrar")).toEqual(["statement_attested", "statement_attested"]);
    const association = new Set([userId(cast, "applicant"), userId(cast, "signatory")]);
    // The renegotiation mail leads to the new case the decision opened; every other to this case.
    const [next] = await portal.db.select({ id: cases.id }).from(cases).where(eq(cases.previousCaseId, caseId));
    for (const m of mail.filter((m) => association.has(m.recipientUserId!))) {
      expect(INTERNAL_TEMPLATES).not.toContain(m.template);
      expect(m.textBody).toContain(`/forening/arenden/${m.template === "renegotiation_opened" ? next!.id : caseId}`);
    }
    const completion = mail.find((m) => m.template === "completion_requested")!;
    expect(completion.subject).toBe(`${district.code} 2025/1 Komplettera ansökan – Mötesplats för unga i Husby`);
    expect(completion.textBody).toContain("Bifoga budget för 2025.");
    expect(completion.textBody).toContain("senast 2025-02-18");
    // No message to anyone outside the case.
    const expected = new Set(Object.values(cast).flatMap((a) => (a.kind === "user" ? [a.id] : [])));
    for (const m of mail) expect(expected.has(m.recipientUserId!)).toBe(true);
  });

  it("writes nothing to a disabled account: of two registratorer only the active one is told", async () => {
    const { cast, parties } = await freshWorld();
    const departed = await createStaffUser(portal.db, { districtId: parties.districtId, roles: ["registrar"], name: "Slutat" });
    await portal.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, departed.id));
    const caseId = await createDraftCase(parties, cast);
    await driveCase(caseId, cast);
    const mail = await portal.db.select().from(emailOutbox).where(eq(emailOutbox.caseId, caseId));
    const templatesTo = (id: string) => mail.filter((m) => m.recipientUserId === id).map((m) => m.template);
    expect(templatesTo(userId(cast, "registrar"))).toEqual(["statement_attested", "statement_attested"]);
    expect(templatesTo(departed.id)).toEqual([]);
  });
});

describe("refusals", () => {
  it("refuses the wrong side, the wrong förening and the wrong district before the machine runs", async () => {
    const { cast, parties } = await freshWorld();
    const other = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    for (const actor of [other.cast.applicant, cast.caseworker, cast.signatory]) {
      expect(await transitionCase({ caseId, command: { type: "SUBMIT" }, actor })).toEqual({
        ok: false,
        kind: "forbidden",
        message: MESSAGES.forbidden,
      });
    }
    await transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant });
    expect((await transitionCase({ caseId, command: { type: "TAKE" }, actor: other.cast.caseworker })).ok).toBe(false);
    expect((await transitionCase({ caseId, command: { type: "PERIOD_ELAPSED" }, actor: cast.caseworker })).ok).toBe(false);
    expect((await auditOf(caseId)).map((e) => e.eventType)).toEqual(["CREATED", "SUBMIT"]);
  });

  it("passes the machine's reason on: the author of a statement cannot attest it, even holding both roles", async () => {
    const { cast, parties, district } = await freshWorld();
    const both = await createUser(portal.db, { name: "Dubbelroll", password: null });
    await addDistrictRoles(portal.db, both.id, district.id, ["caseworker", "head_of_unit"]);
    const actor = userActor({ id: both.id, organisations: [], districts: [{ id: district.id, roles: ["caseworker", "head_of_unit"] }] });
    const caseId = await createDraftCase(parties, cast);
    await transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant });
    for (const command of [{ type: "TAKE" }, { type: "START_ASSESSMENT" }, { type: "SUBMIT_FOR_ATTESTATION", proposal: "approve" }] as const) {
      expect((await transitionCase({ caseId, command, actor })).ok).toBe(true);
    }
    const before = await auditOf(caseId);
    const refused = await transitionCase({ caseId, command: { type: "ATTEST" }, actor });
    expect(refused).toEqual({ ok: false, kind: "refused", message: REFUSAL_MESSAGES.authorCannotAttest });
    expect(await auditOf(caseId)).toHaveLength(before.length);
  });
});

describe("concurrency", () => {
  it("lets exactly one of two conflicting transitions win; the other gets the conflict message and writes nothing", async () => {
    const { cast, parties, district } = await freshWorld();
    const second = await createUser(portal.db, { name: "Andra handläggaren", password: null });
    await addDistrictRoles(portal.db, second.id, district.id, ["caseworker"]);
    const secondActor = userActor({ id: second.id, organisations: [], districts: [{ id: district.id, roles: ["caseworker"] }] });
    const caseId = await createDraftCase(parties, cast);
    await transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant });
    const [{ revision }] = (await portal.db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, caseId))) as [{ revision: number }];

    const results = await Promise.all(
      [cast.caseworker, secondActor].map((actor) =>
        transitionCase({ caseId, command: { type: "TAKE" }, actor, expectedRevision: revision }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, kind: "conflict", message: MESSAGES.conflict }]);
    const takes = (await auditOf(caseId)).filter((e) => e.eventType === "TAKE");
    expect(takes).toHaveLength(1);
    const assigned = await portal.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.caseId, caseId), eq(emailOutbox.template, "case_assigned")));
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.caseEventId).toBe(takes[0]!.id);
  });

  it("refuses a save from a page that shows an old revision", async () => {
    const { cast, parties } = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    await transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant });
    const stale = await transitionCase({ caseId, command: { type: "TAKE" }, actor: cast.caseworker, expectedRevision: 1 });
    expect(stale).toEqual({ ok: false, kind: "conflict", message: MESSAGES.conflict });
  });

  it("runs on the case as the record check loaded it, and still refuses it when someone changed the case since", async () => {
    const { cast, parties, district } = await freshWorld();
    const second = await createUser(portal.db, { name: "Andra handläggaren", password: null });
    await addDistrictRoles(portal.db, second.id, district.id, ["caseworker"]);
    const secondActor = userActor({ id: second.id, organisations: [], districts: [{ id: district.id, roles: ["caseworker"] }] });
    const caseId = await createDraftCase(parties, cast);
    await transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant });
    const loaded = (await loadCaseRow(caseId))!;
    // Between the check and the click, the other handläggare takes the case.
    expect(await transitionCase({ caseId, command: { type: "TAKE" }, actor: secondActor })).toMatchObject({ ok: true });
    const stale = await transitionCase({ loaded, command: { type: "TAKE" }, actor: cast.caseworker });
    expect(stale).toEqual({ ok: false, kind: "conflict", message: MESSAGES.conflict });
    const takes = (await auditOf(caseId)).filter((e) => e.eventType === "TAKE");
    expect(takes.map((e) => e.actorUserId)).toEqual([second.id]);
    // Loaded afresh, the same row goes through.
    const fresh = await transitionCase({
      loaded: (await loadCaseRow(caseId))!,
      command: { type: "START_ASSESSMENT" },
      actor: secondActor,
    });
    expect(fresh).toMatchObject({ ok: true });
  });

  it("gives 50 parallel first submissions in one district 50 distinct, gapless diarienummer", async () => {
    const { cast, parties, district } = await freshWorld();
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => createDraftCase(parties, cast, `Ansökan ${i}`)));
    const results = await Promise.all(
      ids.map((caseId) => transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant, now: dayTime("2025-02-01") })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = results.map((r) => (r.ok ? r.diaryNumber : null));
    expect(new Set(numbers).size).toBe(50);
    const sequence = numbers.map((n) => Number(n!.split("/")[1])).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(numbers.every((n) => n!.startsWith(`${district.code} 2025/`))).toBe(true);
  });
});

describe("failure", () => {
  it("rolls the whole transition back when the outbox insert fails after the snapshot was written", async () => {
    const { cast, parties, district } = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    await portal.db.execute(sql.raw(`create or replace function fail_outbox() returns trigger as $$
      begin raise exception 'injected outbox failure'; end; $$ language plpgsql`));
    await portal.db.execute(
      sql.raw(`create trigger outbox_fails before insert on email_outbox for each row execute function fail_outbox()`),
    );
    try {
      await expect(transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant })).rejects.toThrow();
    } finally {
      await portal.db.execute(sql.raw(`drop trigger outbox_fails on email_outbox`));
      await portal.db.execute(sql.raw(`drop function fail_outbox()`));
    }
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ state: "application.draft", revision: 1, diaryNumber: null, submittedAt: null });
    expect((await auditOf(caseId)).map((e) => e.eventType)).toEqual(["CREATED"]);
    expect(await portal.db.select().from(emailOutbox).where(eq(emailOutbox.caseId, caseId))).toEqual([]);
    expect(await portal.db.select().from(diarySequences).where(eq(diarySequences.districtId, district.id))).toEqual([]);

    // The number was not used up: the retry gets number 1.
    const retried = await transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant, now: dayTime("2025-02-01") });
    expect(retried).toMatchObject({ ok: true, diaryNumber: `${district.code} 2025/1` });
  });

  it("keeps the audit trail append-only in the database itself", async () => {
    const { cast, parties } = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    await expect(portal.db.update(caseEvents).set({ comment: "ändrat" }).where(eq(caseEvents.caseId, caseId))).rejects.toThrow();
    await expect(portal.db.delete(caseEvents).where(eq(caseEvents.caseId, caseId))).rejects.toThrow();
    expect(await auditOf(caseId)).toHaveLength(1);
  });
});

describe("stored snapshots from earlier machine versions", () => {
  const fixture = (name: string) => JSON.parse(fs.readFileSync(`test/workflows/fixtures/${name}`, "utf8"));

  it("migrates a version-0 snapshot on the next transition and carries on", async () => {
    const { cast, parties } = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    const stored = fixture("partnership-v0.json");
    stored.snapshot.context.assignedCaseworkerId = userId(cast, "caseworker");
    await portal.db
      .update(cases)
      .set({ machineVersion: 0, snapshot: stored.snapshot, state: "review.pendingCompletion", stage: "review" })
      .where(eq(cases.id, caseId));
    const result = await transitionCase({ caseId, command: { type: "RESUBMIT" }, actor: cast.applicant, now: dayTime("2024-11-25") });
    expect(result).toMatchObject({ ok: true, state: "review.assigned" });
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.machineVersion).toBe(1);
    expect((row!.snapshot as { context: { applicationVersion: number } }).context.applicationVersion).toBe(4);
  });

  it("refuses a snapshot from an unknown, newer machine with a clear message and changes nothing", async () => {
    const { cast, parties } = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    const stored = fixture("partnership-v999.json");
    await portal.db.update(cases).set({ machineVersion: 999, snapshot: stored.snapshot }).where(eq(cases.id, caseId));
    const result = await transitionCase({ caseId, command: { type: "SUBMIT" }, actor: cast.applicant });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/version 999/);
    expect(await auditOf(caseId)).toHaveLength(1);
  });
});

describe("writes that belong to a transition", () => {
  it("commit with it, and roll back with it when they fail", async () => {
    const { cast, parties } = await freshWorld();
    const caseId = await createDraftCase(parties, cast);
    await expect(
      transitionCase({
        caseId,
        command: { type: "SUBMIT" },
        actor: cast.applicant,
        alsoWrite: async () => {
          throw new Error("the application could not be marked as submitted");
        },
      }),
    ).rejects.toThrow("could not be marked");
    expect((await auditOf(caseId)).map((e) => e.eventType)).toEqual(["CREATED"]);

    let seenRevision = 0;
    const ok = await transitionCase({
      caseId,
      command: { type: "SUBMIT" },
      actor: cast.applicant,
      alsoWrite: async (tx, written) => {
        seenRevision = written.revision;
        await tx.update(cases).set({ title: "Ny titel vid inskick" }).where(eq(cases.id, caseId));
      },
    });
    expect(ok).toMatchObject({ ok: true, revision: 2 });
    expect(seenRevision).toBe(2);
    const [row] = await portal.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ title: "Ny titel vid inskick", state: "review.unassigned" });
  });
});
