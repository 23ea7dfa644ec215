/**
 * Renegotiation goes on: after the nämnd decides to renegotiate, the new case holds a prefilled draft
 * the förening can open and edit, the two cases link each other, the e-mail leads to the new case, and
 * the förvaltning's first agreement draft there keeps the old agreement's goals.
 */
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { driveCase, LIFECYCLE } from "../../seed/case-factory";
import { applicationVersions, cases, emailOutbox } from "../../db/schema";
import { createMailWorker } from "../../app/mail/worker.server";
import { loadAgreementDraft } from "../../app/partnership/agreement.server";
import { startTestSmtp } from "../support/smtp";
import { linkIn, setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { AGREEMENT_CONTENT, fryshusetCase, stepsThrough } from "../support/forening-after-decision";
import { loggedIn } from "../support/forvaltning";

const portal = setupPortal();

const OLD_APPLICATION = {
  title: "Mötesplats för unga i Husby",
  periodStart: "2025-05-01",
  periodEnd: "2026-04-30",
  purpose: "Unga i Husby ska ha en trygg mötesplats efter skolan.",
  societalChallenge: "Få trygga mötesplatser på kvällar.",
  targetGroups: [{ description: "Unga 13–22 år i Husby", ageFrom: 13, ageTo: 22 }],
  activities: [{ name: "Kvällsöppet", description: "Fyra kvällar i veckan." }],
  policyLink: "Barn- och ungdomsprogrammet.",
  complementsOperations: "Fritidsgården.",
  cooperation: "Styrgrupp fyra gånger om året.",
  budgetLines: [{ description: "Fritidsledare", associationAmount: 200_000, administrationAmount: 600_000 }],
};

/** A Fryshuset case with a submitted application, driven to the nämnd's decision to renegotiate. */
async function renegotiated() {
  const { caseId, cast } = await fryshusetCase(portal.db, { organisationIds: portal.organisationIds, districtIds: portal.districtIds });
  await portal.db.insert(applicationVersions).values({ caseId, version: 1, status: "submitted", content: OLD_APPLICATION });
  await driveCase(caseId, cast, LIFECYCLE.slice(0, stepsThrough("nämnd approves final report")));
  const [next] = await portal.db.select().from(cases).where(eq(cases.previousCaseId, caseId));
  return { oldId: caseId, newId: next!.id };
}

describe("after the nämnd decides to renegotiate", () => {
  it("the new case holds an editable draft carried over from the old application, its period after the old agreement", async () => {
    const { oldId, newId } = await renegotiated();
    const versions = await portal.db.select().from(applicationVersions).where(eq(applicationVersions.caseId, newId)).orderBy(asc(applicationVersions.version));
    expect(versions.map((v) => v.status)).toEqual(["draft"]);
    expect(versions[0]!.content).toMatchObject({
      purpose: OLD_APPLICATION.purpose,
      budgetLines: OLD_APPLICATION.budgetLines,
      targetGroups: OLD_APPLICATION.targetGroups,
      // Decided 2026-09-15, after the old agreement ended 2026-04-30: from the next month, a year long.
      periodStart: "2026-10-01",
      periodEnd: "2027-09-30",
    });

    const forening = await loggedIn(portal, "forening@demo.example");
    const step = await forening.get(`/forening/arenden/${newId}/ansokan/syfte`);
    expect(step.status).toBe(200);
    expect(textOf(await step.text())).toContain(OLD_APPLICATION.purpose);
    const saved = await forening.post(`/forening/arenden/${newId}/ansokan/syfte`, {
      revision: String(versions[0]!.revision),
      intent: "save",
      purpose: "Ett nytt syfte för den nya perioden.",
      societalChallenge: OLD_APPLICATION.societalChallenge,
      policyLink: OLD_APPLICATION.policyLink,
    });
    expect(saved.status).toBeLessThan(400);
    const [after] = await portal.db.select().from(applicationVersions).where(eq(applicationVersions.caseId, newId));
    expect(after!.content).toMatchObject({ purpose: "Ett nytt syfte för den nya perioden." });
    const [old] = await portal.db.select().from(applicationVersions).where(eq(applicationVersions.caseId, oldId));
    expect(old!.content).toMatchObject({ purpose: OLD_APPLICATION.purpose });
  });

  it("the förening's and the förvaltning's case pages link the two cases both ways", async () => {
    const { oldId, newId } = await renegotiated();
    const forening = await loggedIn(portal, "forening@demo.example");
    const oldPage = await (await forening.get(`/forening/arenden/${oldId}`)).text();
    expect(oldPage).toContain(`href="/forening/arenden/${newId}"`);
    expect(textOf(oldPage)).toContain("Fortsätter i ärendet");
    const newPage = await (await forening.get(`/forening/arenden/${newId}`)).text();
    expect(newPage).toContain(`href="/forening/arenden/${oldId}"`);
    expect(textOf(newPage)).toContain("Fortsättning på ärendet");

    const staff = await loggedIn(portal, "handlaggare@demo.example");
    const staffOld = await (await staff.get(`/forvaltning/rk/arenden/${oldId}`)).text();
    // The new case is the förening's draft until it is sent in: named for staff, not yet a link.
    expect(staffOld).not.toContain(`href="/forvaltning/rk/arenden/${newId}"`);
    expect(textOf(staffOld)).toContain("Föreningen har inte skickat in ansökan än.");
    expect((await staff.get(`/forvaltning/rk/arenden/${newId}`)).status).toBe(404);
  });

  it("another förening cannot open the new case", async () => {
    const { newId } = await renegotiated();
    const other = await loggedIn(portal, "iogt@demo.example");
    for (const path of [`/forening/arenden/${newId}`, `/forening/arenden/${newId}/ansokan/syfte`]) {
      expect([403, 404]).toContain((await other.get(path)).status);
    }
  });
});

describe("the e-mail ”Ny överenskommelse kan förhandlas”", () => {
  it("reaches the förening through the SMTP server, and its link opens the new case for that förening only", async () => {
    // Only this test's messages: what the demo data and earlier tests queued counts as delivered.
    await portal.db.update(emailOutbox).set({ status: "sent" });
    const smtp = await startTestSmtp();
    try {
      const { oldId, newId } = await renegotiated();
      const mailer = createMailWorker({ mode: "smtp", smtpUrl: smtp.url, reminderIntervalMs: 0, log: () => {} });
      await mailer.drain();
      await mailer.stop();
      const mail = smtp.received.find((m) => m.to.includes("forening@demo.example") && m.subject?.includes("Ny överenskommelse kan förhandlas"));
      expect(mail, "the renegotiation e-mail to the förening").toBeDefined();
      const path = linkIn(mail!.text, "/forening/arenden/");
      expect(path).toBe(`/forening/arenden/${newId}`);

      const forening = await loggedIn(portal, "forening@demo.example");
      const opened = await forening.get(path);
      expect(opened.status).toBe(200);
      const html = await opened.text();
      expect(textOf(html)).toContain("Fortsättning på ärendet");
      expect(html).toContain(`href="/forening/arenden/${oldId}"`);
      // Another förening gets the 404 of an unknown case (its existence is not revealed) and learns nothing of it.
      const refused = await (await loggedIn(portal, "iogt@demo.example")).get(path);
      expect(refused.status).toBe(404);
      expect(textOf(await refused.text())).not.toContain(OLD_APPLICATION.title);
    } finally {
      await smtp.close();
    }
  });
});

describe("the new case's agreement", () => {
  it("is first drafted with the old agreement's goals and target values, once the new application is in", async () => {
    const { newId } = await renegotiated();
    const [draft] = await portal.db.select().from(applicationVersions).where(eq(applicationVersions.caseId, newId));
    await portal.db.update(applicationVersions).set({ status: "submitted", submittedAt: new Date() }).where(eq(applicationVersions.id, draft!.id));
    const agreement = await loadAgreementDraft(newId);
    expect(agreement.prefilled).toBe(true);
    expect(agreement.content.goals).toEqual(AGREEMENT_CONTENT.goals);
    expect(agreement.content).toMatchObject({ purposeAndGoals: OLD_APPLICATION.purpose, startDate: "2026-10-01", endDate: "2027-09-30" });
  });
});
