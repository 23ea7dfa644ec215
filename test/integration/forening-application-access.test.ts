/**
 * Who may use the application pages and the attachments: by URL and by form post. Also uploads: the type
 * is judged from the content, the size is capped, files are removed only from a draft, and a download
 * is an attachment with the detected type for the case's förening and its district's staff only.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { attachments } from "../../db/schema";
import { createOrganisationUser } from "../../seed/factories";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { textOf, Visitor } from "../support/visitor";
import { fillComplete, latestVersion, startApplication, submit } from "../support/forening-application";

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-uploads-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const portal = setupPortal();
type Who = "anonymous" | "owner" | "signatoryOnly" | "otherForening" | "rkCaseworker" | "jarvaCaseworker";
const signedInVisitors = signedIn(portal, {
  owner: "forening@demo.example",
  otherForening: "iogt@demo.example",
  rkCaseworker: "handlaggare@demo.example",
  jarvaCaseworker: "handlaggare.jarva@demo.example",
});
// The signatory without contact-person role is made in this file's beforeAll.
const visitors = signedInVisitors as Record<Who, Visitor>;
let caseId: string;
let draftCaseId: string;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e2b9d30000000049454e44ae426082", "hex");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(200)]);

async function upload(visitor: Visitor, id: string, name: string, bytes: Buffer) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${visitor.origin}/forening/arenden/${id}/ansokan/bilagor`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: visitor.cookie, origin: visitor.origin },
    body: form,
  });
}

beforeAll(async () => {
  const { user } = await createOrganisationUser(portal.db, {
    organisationId: portal.organisationIds.get("Fryshuset"),
    roles: ["signatory"],
    email: "bara-firmatecknare@test.example",
  });
  visitors.signatoryOnly = portal.visitor();
  expect((await visitors.signatoryOnly.logIn(user.email)).status).toBe(302);
  caseId = await startApplication(portal, visitors.owner, "Ärende med bilagor");
  draftCaseId = await startApplication(portal, visitors.owner, "Utkast");
});

const org = () => portal.organisationIds.get("Fryshuset")!;
type Outcome = "ok" | "login" | "forbidden" | "hidden" | "refused";
const expectOutcome = async (response: Response, outcome: Outcome) => {
  if (outcome === "login") {
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
  } else if (outcome === "forbidden") {
    expect(response.status).toBe(403);
  } else if (outcome === "hidden") {
    // Not the visitor's case: the same 404 as an unknown id.
    expect(response.status).toBe(404);
  } else if (outcome === "refused") {
    // Staff on the förening's side: the layout's 403 for a page, a 404 for an action on the case.
    expect([403, 404]).toContain(response.status);
  } else expect([200, 302]).toContain(response.status);
};

const REFUSED: Record<"anonymous" | "otherForening" | "rkCaseworker", Outcome> = {
  anonymous: "login",
  otherForening: "forbidden",
  rkCaseworker: "forbidden",
};
/** On a case's own addresses: another förening gets a 404, as for an unknown case. */
const refusedOn = (route: { caseRoute?: false }): typeof REFUSED =>
  route.caseRoute === false ? REFUSED : { anonymous: "login", otherForening: "hidden", rkCaseworker: "refused" };
const ROUTES: { name: string; path: () => string; post?: Record<string, string>; signatory: Outcome; caseRoute?: false }[] = [
  { name: "new application", path: () => `/forening/${org()}/ny-ansokan`, post: { intent: "start", title: "X", districtId: "RK", callId: "none" }, signatory: "forbidden", caseRoute: false },
  { name: "application step", path: () => `/forening/arenden/${draftCaseId}/ansokan/syfte`, post: { intent: "save", revision: "1", purpose: "Intrång" }, signatory: "forbidden" },
  { name: "submit", path: () => `/forening/arenden/${draftCaseId}/ansokan/granska`, post: { intent: "submit", revision: "1" }, signatory: "forbidden" },
  { name: "case page", path: () => `/forening/arenden/${draftCaseId}`, signatory: "ok" },
  { name: "receipt", path: () => `/forening/arenden/${draftCaseId}/kvitto`, signatory: "ok" },
  { name: "version", path: () => `/forening/arenden/${draftCaseId}/versioner/1`, signatory: "ok" },
  { name: "withdraw", path: () => `/forening/arenden/${draftCaseId}/aterta`, post: { intent: "withdraw", reason: "", revision: "1" }, signatory: "forbidden" },
  { name: "komplettering", path: () => `/forening/arenden/${draftCaseId}/komplettera`, post: {}, signatory: "forbidden" },
];

describe("authorisation of the application pages", () => {
  const reads = ROUTES.flatMap((r) => [
    ...Object.entries(refusedOn(r)).map(([who, outcome]) => ({ ...r, who: who as Who, outcome })),
    { ...r, who: "signatoryOnly" as Who, outcome: r.signatory },
    { ...r, who: "owner" as Who, outcome: "ok" as Outcome },
  ]);
  it.each(reads)("GET $name: $who → $outcome", async ({ path, who, outcome }) => {
    await expectOutcome(await visitors[who].get(path()), outcome);
  });

  const posts = ROUTES.filter((r) => r.post).flatMap((r) => [
    ...Object.entries(refusedOn(r)).map(([who, outcome]) => ({ ...r, who: who as Who, outcome })),
    { ...r, who: "signatoryOnly" as Who, outcome: r.signatory },
  ]);
  it.each(posts)("POST $name: $who → $outcome, nothing changes", async ({ path, post, who, outcome }) => {
    const before = await latestVersion(portal, draftCaseId);
    const fields = { ...post!, ...(post!.districtId ? { districtId: portal.districtIds.get("RK")! } : {}) };
    await expectOutcome(await visitors[who].post(path(), fields), outcome);
    const after = await latestVersion(portal, draftCaseId);
    expect(after.revision).toBe(before.revision);
    expect(after.status).toBe("draft");
  });
});

describe("the case list", () => {
  it("offers Ny ansökan only to roles that may draft, and lists the förening's own cases only", async () => {
    const own = textOf(await (await visitors.owner.get("/forening")).text());
    expect(own).toContain("Ny ansökan för Fryshuset");
    expect(own).toContain("Ärende med bilagor");
    const signatory = textOf(await (await visitors.signatoryOnly.get("/forening")).text());
    expect(signatory).toContain("Ärende med bilagor");
    expect(signatory).not.toContain("Ny ansökan");
    expect(textOf(await (await visitors.otherForening.get("/forening")).text())).not.toContain("Ärende med bilagor");
  });
});

describe("attachments", () => {
  let attachmentId: string;

  it("accepts a PDF and a PNG, judged by content, and lists them", async () => {
    const response = await upload(visitors.owner, caseId, "verksamhetsplan.pdf", PDF);
    const uploadedHtml = await response.text();
    expect(response.status, textOf(uploadedHtml)).toBe(200);
    expect(textOf(uploadedHtml)).toContain("Filen ”verksamhetsplan.pdf” är uppladdad.");
    expect((await upload(visitors.owner, caseId, "bild-utan-andelse", PNG)).status).toBe(200);
    const rows = await portal.db.select().from(attachments).where(eq(attachments.caseId, caseId));
    expect(rows.map((r) => r.mediaType).sort()).toEqual(["application/pdf", "image/png"]);
    expect(rows.every((r) => r.side === "association" && r.ownerKind === "application")).toBe(true);
    attachmentId = rows.find((r) => r.mediaType === "application/pdf")!.id;
    expect(fs.existsSync(path.join(uploadDir, rows[0]!.storageKey.slice(0, 2), rows[0]!.storageKey))).toBe(true);
    expect(textOf(await (await visitors.owner.get(`/forening/arenden/${caseId}/ansokan/bilagor`)).text())).toContain("verksamhetsplan.pdf");
  });

  it("refuses a program renamed .pdf and an empty post, with a message at the field", async () => {
    const response = await upload(visitors.owner, caseId, "faktura.pdf", EXE);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Filen går inte att ladda upp. Du kan ladda upp PDF");
    expect(html).toMatch(/aria-invalid="true"/);
    const rows = await portal.db.select().from(attachments).where(eq(attachments.caseId, caseId));
    expect(rows.some((r) => r.fileName === "faktura.pdf")).toBe(false);
  });

  it("refuses a file over the size limit with a clear message", async () => {
    process.env.ATTACHMENT_MAX_BYTES = "1000";
    try {
      const response = await upload(visitors.owner, caseId, "stor.pdf", Buffer.concat([PDF, Buffer.alloc(2000)]));
      expect(response.status).toBe(400);
      expect(textOf(await response.text())).toContain("Filen är för stor. Den får vara högst 1000 byte.");
    } finally {
      delete process.env.ATTACHMENT_MAX_BYTES;
    }
  });

  it("refuses uploads from another förening, staff and a visitor", async () => {
    expect((await upload(visitors.otherForening, caseId, "x.pdf", PDF)).status).toBe(404);
    expect((await upload(visitors.rkCaseworker, caseId, "x.pdf", PDF)).status).toBe(404);
    expect((await upload(visitors.anonymous, caseId, "x.pdf", PDF)).status).toBe(302);
  });

  it.each([
    ["owner", "ok"],
    ["signatoryOnly", "ok"],
    // Still a draft: the förvaltning has not received it, so to staff it does not exist.
    ["rkCaseworker", "hidden"],
    ["jarvaCaseworker", "hidden"],
    ["otherForening", "hidden"],
    ["anonymous", "login"],
  ] as [Who, Outcome][])("download: %s → %s", async (who, outcome) => {
    const response = await visitors[who].get(`/bilagor/${attachmentId}`);
    await expectOutcome(response, outcome);
    if (outcome === "ok") {
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="verksamhetsplan.pdf"/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    }
  });

  it("removes a file from the draft (kept on disk, gone from the list and downloads)", async () => {
    const [png] = await portal.db.select().from(attachments).where(eq(attachments.mediaType, "image/png"));
    const response = await visitors.owner.post(`/forening/arenden/${caseId}/ansokan/bilagor`, { intent: `removeAttachment:${png!.id}` });
    expect(response.status).toBe(200);
    const [row] = await portal.db.select().from(attachments).where(eq(attachments.id, png!.id));
    expect(row!.deletedAt).not.toBeNull();
    expect((await visitors.owner.get(`/bilagor/${png!.id}`)).status).toBe(404);
  });

  it("keeps the files of a submitted version: no upload, no removal", async () => {
    await fillComplete(portal, visitors.owner, caseId);
    expect((await submit(portal, visitors.owner, caseId)).status).toBe(302);
    const response = await upload(visitors.owner, caseId, "sen.pdf", PDF);
    expect(response.status).toBe(302);
    await visitors.owner.post(`/forening/arenden/${caseId}/ansokan/bilagor`, { intent: `removeAttachment:${attachmentId}` });
    const [row] = await portal.db.select().from(attachments).where(eq(attachments.id, attachmentId));
    expect(row!.deletedAt).toBeNull();
    expect(textOf(await (await visitors.owner.get(`/forening/arenden/${caseId}/versioner/1`)).text())).toContain("Ansökan, version 1");
  });
});
