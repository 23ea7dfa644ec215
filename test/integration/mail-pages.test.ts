/** /dev/mail, /meddelanden and /forvaltning/:district/utskick. */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { DEMO_PASSWORD } from "../../seed/demo-data";
import { emailOutbox, users } from "../../db/schema";
import { enqueueEmail } from "../../app/mail/outbox.server";
import { createMailWorker } from "../../app/mail/worker.server";
import { unreadCount } from "../../app/mail/inbox.server";
import { createDistrict, createOrganisation } from "../../seed/factories";
import { LIFECYCLE, createCast, createDraftCase, driveCase } from "../../seed/case-factory";

const portal = setupPortal();
const saved = { NODE_ENV: process.env.NODE_ENV, SMTP_URL: process.env.SMTP_URL, DEV_MAILBOX: process.env.DEV_MAILBOX };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const logIn = async (email: string) => {
  const visitor = portal.visitor();
  const response = await visitor.logIn(email, DEMO_PASSWORD);
  expect(response.status).toBe(302);
  return visitor;
};
const userId = async (email: string) =>
  (await portal.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const message = (subject: string) => ({ template: "test", subject, text: `Text för ${subject}`, html: `<p>${subject}</p>` });

describe("the development mailbox", () => {
  let id: string;
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    id = await enqueueEmail(portal.db, { email: "nagon@test.example" }, message("Hej från utvecklingsbrevlådan"));
    await createMailWorker({ reminderIntervalMs: 0, log: () => {} }).drain();
  });

  it("shows delivered messages, newest first, and each as the recipient sees it", async () => {
    const [row] = await portal.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: "sent", payload: { delivery: "dev-mailbox" } });
    const list = await portal.visitor().get("/dev/mail");
    expect(list.status).toBe(200);
    expect(textOf(await list.text())).toContain("Hej från utvecklingsbrevlådan nagon@test.example");
    const one = await portal.visitor().get(`/dev/mail/${id}`);
    const html = await one.text();
    expect(html).toMatch(/<iframe[^>]*sandbox=""[^>]*srcDoc=|<iframe[^>]*srcdoc=[^>]*sandbox=""/i);
    expect(textOf(html)).toContain("Text för Hej från utvecklingsbrevlådan");
  });

  it("is off in production unless DEV_MAILBOX=true, and always off when SMTP_URL is set", async () => {
    process.env.NODE_ENV = "production";
    expect((await portal.visitor().get("/dev/mail")).status).toBe(404);
    expect((await portal.visitor().get(`/dev/mail/${id}`)).status).toBe(404);
    process.env.DEV_MAILBOX = "true";
    expect((await portal.visitor().get("/dev/mail")).status).toBe(200);
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    expect((await portal.visitor().get("/dev/mail")).status).toBe(404);
    expect((await portal.visitor().get(`/dev/mail/${id}`)).status).toBe(404);
    process.env.NODE_ENV = saved.NODE_ENV;
    expect((await portal.visitor().get("/dev/mail")).status).toBe(404);
  });
});

describe("the notification centre", () => {
  it("asks a visitor to log in", async () => {
    const response = await portal.visitor().get("/meddelanden");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    const post = await portal.visitor().post("/meddelanden", { intent: "markAllRead" });
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toMatch(/^\/logga-in/);
  });

  it("shows a user only their own messages and marks them read", async () => {
    const me = await userId("forening@demo.example");
    const other = await userId("iogt@demo.example");
    const mine = await enqueueEmail(portal.db, { userId: me, email: "forening@demo.example" }, message("Till mig först"));
    await enqueueEmail(portal.db, { userId: me, email: "forening@demo.example" }, message("Till mig sedan"));
    const theirs = await enqueueEmail(portal.db, { userId: other, email: "iogt@demo.example" }, message("Till någon annan"));
    const before = await unreadCount(me);
    expect(before).toBeGreaterThanOrEqual(2);

    const visitor = await logIn("forening@demo.example");
    const page = textOf(await (await visitor.get("/meddelanden")).text());
    expect(page).not.toContain("Till någon annan");
    expect(page.indexOf("Till mig sedan")).toBeLessThan(page.indexOf("Till mig först"));
    expect(page).toContain("Oläst: Till mig först");

    expect((await visitor.get(`/meddelanden/${theirs}`)).status).toBe(404);
    const opened = await visitor.get(`/meddelanden/${mine}`);
    expect(opened.status).toBe(200);
    expect(textOf(await opened.text())).toContain("Text för Till mig först");
    expect(await unreadCount(me)).toBe(before - 1);
    expect(textOf(await (await visitor.get("/meddelanden")).text())).not.toContain("Oläst: Till mig först");

    const marked = await visitor.post("/meddelanden", { intent: "markAllRead" });
    expect(marked.status).toBe(302);
    expect(await unreadCount(me)).toBe(0);
    expect(await unreadCount(other)).toBeGreaterThanOrEqual(1);
  });
});

describe("the förvaltning's outbox", () => {
  let failedId: string;
  let otherDistrictFailed: string;
  beforeAll(async () => {
    const rk = portal.districtIds.get("RK")!;
    const organisationId = portal.organisationIds.values().next().value!;
    const parties = { organisationId, districtId: rk };
    const cast = await createCast(portal.db, parties);
    const caseId = await createDraftCase(parties, cast, "Utskickstest");
    await driveCase(caseId, cast, LIFECYCLE.slice(0, 2));
    const rows = await portal.db.select().from(emailOutbox).where(eq(emailOutbox.caseId, caseId));
    failedId = rows[0]!.id;
    await portal.db.update(emailOutbox).set({ status: "failed", attempts: 8, lastError: "550 avvisad" }).where(eq(emailOutbox.id, failedId));

    const district = await createDistrict(portal.db);
    const organisation = await createOrganisation(portal.db);
    const elsewhere = { organisationId: organisation.id, districtId: district.id };
    const otherCast = await createCast(portal.db, elsewhere);
    const otherCase = await createDraftCase(elsewhere, otherCast, "Annan stadsdel");
    await driveCase(otherCase, otherCast, LIFECYCLE.slice(0, 1));
    otherDistrictFailed = (await portal.db.select().from(emailOutbox).where(eq(emailOutbox.caseId, otherCase)))[0]!.id;
    await portal.db.update(emailOutbox).set({ status: "failed" }).where(eq(emailOutbox.id, otherDistrictFailed));
  });

  it("is refused to visitors, the förening, staff without the permission and other districts' admins", async () => {
    const anonymous = portal.visitor();
    for (const response of [await anonymous.get("/forvaltning/rk/utskick"), await anonymous.post("/forvaltning/rk/utskick", { intent: "resend", id: failedId })]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in/);
    }
    for (const email of ["forening@demo.example", "handlaggare@demo.example", "avdelningschef@demo.example", "handlaggare.jarva@demo.example"]) {
      const visitor = await logIn(email);
      expect((await visitor.get("/forvaltning/rk/utskick")).status, email).toBe(403);
      expect((await visitor.post("/forvaltning/rk/utskick", { intent: "resend", id: failedId })).status, email).toBe(403);
    }
    const admin = await logIn("admin@demo.example");
    expect((await admin.get("/forvaltning/ja/utskick")).status).toBe(403);
    expect((await admin.post("/forvaltning/ja/utskick", { intent: "resend", id: failedId })).status).toBe(403);
    const [row] = await portal.db.select().from(emailOutbox).where(eq(emailOutbox.id, failedId));
    expect(row!.status).toBe("failed");
  });

  it("lists the district's messages with filters and queues a failed one again", async () => {
    const admin = await logIn("admin@demo.example");
    const all = textOf(await (await admin.get("/forvaltning/rk/utskick")).text());
    expect(all).toContain("Ansökan har kommit in – Utskickstest");
    expect(all).not.toContain("Annan stadsdel");
    const rowsText = async (query: string) =>
      textOf(await (await admin.get(`/forvaltning/rk/utskick${query}`)).text()).split("Åtgärd")[1] ?? "";
    const failed = await rowsText("?status=failed");
    expect(failed).toContain("Misslyckades");
    expect(failed).toContain("Skicka igen");
    expect(failed).not.toContain("Ärendet har en handläggare");
    const byTemplate = await rowsText("?template=case_assigned");
    expect(byTemplate).toContain("Ärendet har en handläggare");
    expect(byTemplate).not.toContain("Ansökan har kommit in");

    const refused = await admin.post("/forvaltning/rk/utskick", { intent: "resend", id: otherDistrictFailed });
    expect(refused.status).toBe(400);
    const resent = await admin.post("/forvaltning/rk/utskick", { intent: "resend", id: failedId });
    expect(resent.status).toBe(302);
    const rows = await portal.db.select().from(emailOutbox).where(inArray(emailOutbox.id, [failedId, otherDistrictFailed]));
    expect(rows.find((r) => r.id === failedId)).toMatchObject({ status: "queued", attempts: 0, lastError: null });
    expect(rows.find((r) => r.id === otherDistrictFailed)!.status).toBe("failed");
  });
});
