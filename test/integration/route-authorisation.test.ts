/**
 * Every route of the built app, every kind of visitor: the list of routes comes from the build's
 * route manifest, so a new route that is neither public (listed below with its reason) nor covered
 * here fails the suite by name. For every loader (GET) and every action (POST) the test asks as
 * förening A's member, förening B's member, staff of district X and of district Y, X's admin and a
 * visitor, with the path's parameters filled from seeded records (A's cases in X), and checks the
 * answer: a visitor goes to the login page, another förening or another district gets the same 404 as
 * for an unknown id (ADR 0004), the wrong side or role a 403, the right party the page. A refused post
 * changes nothing: every table but sessions and the login throttle reads the same afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import type { ServerBuild } from "@remix-run/node";
import { applicationVersions, attachments, cases, emailOutbox, organisationVerifications, users } from "../../db/schema";
import { seedDemoCases } from "../../seed/demo-cases";
import { storeFile } from "../../app/attachments/storage.server";
import { stockholmDate } from "../../app/utils/time";
import { linkIn, setupPortal } from "../support/portal";
import { createUser } from "../../seed/factories";
import type { Visitor } from "../support/visitor";

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-routes-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const portal = setupPortal();

// ---------------------------------------------------------------------------------------------
// Who asks

const PARTIES = ["visitor", "foreningA", "foreningB", "staffX", "adminX", "staffY", "staffYinX"] as const;
type Party = (typeof PARTIES)[number];
const LOGINS: Record<Exclude<Party, "visitor">, string> = {
  foreningA: "forening@demo.example", // Fryshuset, whose cases these are
  foreningB: "iogt@demo.example", // IOGT-NTO Spånga
  staffX: "handlaggare@demo.example", // Rinkeby-Kista, where the cases are
  adminX: "admin@demo.example",
  staffY: "handlaggare.jarva@demo.example", // Järva, in its own district's addresses
  staffYinX: "handlaggare.jarva@demo.example", // Järva, in Rinkeby-Kista's addresses
};
/** The :district each party puts in the address. */
/** Stands in for förening B on the invitation answer: someone invited into A, not yet a member. */
const INVITEE = "inbjuden@route-test.example";
const DISTRICT_OF: Record<Party, string> = {
  visitor: "rk", foreningA: "rk", foreningB: "rk", staffX: "rk", adminX: "rk", staffY: "ja", staffYinX: "rk",
};

/**
 * ok: 200 · login: 302 to /logga-in · forbidden: 403 · missing: 404 · redirect: 302 elsewhere ·
 * accepted: past every check (anything but a login redirect, 401, 403, 404 or 5xx).
 */
type Outcome = "ok" | "login" | "forbidden" | "missing" | "redirect" | "accepted";
type Expectation = Record<Party, Outcome>;

// ---------------------------------------------------------------------------------------------
// The records that fill the parameters

type CaseKey = "draft" | "completion" | "followUp" | "closed";
interface World {
  caseIds: Map<CaseKey, string>;
  organisationA: string;
  attachmentId: string;
  messageIdOfA: string;
  outboxIdInX: string;
  year: string;
  membershipToken: string;
  verificationId: string;
}
const world = {} as World;
const visitors = {} as Record<Party, Visitor>;
/** The people who stand in for a party on one route (`as`), by e-mail. */
const standIns = new Map<string, Visitor>();
const visitorFor = (party: Party, spec: Spec) => {
  const email = spec.as?.[party];
  return email ? standIns.get(email)! : visitors[party];
};

async function revisionOf(caseId: string) {
  const [row] = await portal.db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, caseId));
  return String(row!.revision);
}

beforeAll(async () => {
  const today = stockholmDate(new Date());
  const demo = await seedDemoCases({ districtIds: portal.districtIds, organisationIds: portal.organisationIds }, today);
  for (const key of ["draft", "completion", "followUp", "closed"] as const) world.caseIds = (world.caseIds ?? new Map()).set(key, demo.get(key)!);
  world.organisationA = portal.organisationIds.get("Fryshuset")!;
  world.year = today.slice(0, 4);

  // An attachment sent in with A's application, and a message in A's member's inbox.
  const followUp = world.caseIds.get("followUp")!;
  const [version] = await portal.db
    .select({ id: applicationVersions.id })
    .from(applicationVersions)
    .where(and(eq(applicationVersions.caseId, followUp), eq(applicationVersions.status, "submitted")))
    .orderBy(desc(applicationVersions.version))
    .limit(1);
  const bytes = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
  const [file] = await portal.db
    .insert(attachments)
    .values({
      caseId: followUp, ownerKind: "application", ownerId: version!.id, fileName: "budget.pdf", mediaType: "application/pdf",
      sizeBytes: bytes.byteLength, sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
      storageKey: await storeFile(new Uint8Array(bytes)), side: "association",
    })
    .returning({ id: attachments.id });
  world.attachmentId = file!.id;
  // A protokollsutdrag A has sent, waiting for X's answer.
  const [verification] = await portal.db
    .insert(organisationVerifications)
    .values({ organisationId: world.organisationA, documentKey: await storeFile(new Uint8Array(bytes)), documentName: "protokoll.pdf", documentSize: bytes.byteLength })
    .returning({ id: organisationVerifications.id });
  world.verificationId = verification!.id;
  const [userA] = await portal.db.select({ id: users.id }).from(users).where(eq(users.email, LOGINS.foreningA));
  const [mail] = await portal.db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.recipientUserId, userA!.id)).limit(1);
  world.messageIdOfA = mail!.id;
  const [anyMail] = await portal.db.select({ id: emailOutbox.id }).from(emailOutbox).limit(1);
  world.outboxIdInX = anyMail!.id;

  await createUser(portal.db, { email: INVITEE, name: "Inbjuden Person" });
  visitors.visitor = portal.visitor();
  for (const [party, email] of Object.entries(LOGINS)) {
    const visitor = portal.visitor();
    expect((await visitor.logIn(email)).status).toBe(302);
    visitors[party as Party] = visitor;
  }
  for (const email of new Set(Object.values(COVERED).flatMap((spec) => Object.values(spec.as ?? {})))) {
    const visitor = portal.visitor();
    expect((await visitor.logIn(email)).status).toBe(302);
    standIns.set(email, visitor);
  }
  // A person with an account of their own, invited into A by A's member: the invitation is theirs alone.
  const invited = await visitors.foreningA.post(`/forening/${world.organisationA}/personer`, { intent: "invite", name: "Inbjuden Person", email: INVITEE, roles: ["contact_person"] });
  expect(invited.status).toBe(302);
  world.membershipToken = linkIn((await portal.lastEmailTo(INVITEE))!.textBody, "/forening-medlemskap/").split("/").at(-1)!;
  // This year's report to the nämnd, for the yearly report's pages.
  expect((await visitors.staffX.post("/forvaltning/rk/arsrapporter", { intent: "create", year: world.year })).status).toBe(302);
});

// ---------------------------------------------------------------------------------------------
// What each route should answer

/** Routes anyone may use, and why. */
const PUBLIC: Record<string, string> = {
  root: "the layout: reads the signed-in user, or none",
  "routes/_index": "the start page",
  "routes/logga-in": "signing in",
  "routes/logga-in_.kod": "a staff sign-in's second step: the pending cookie of a right password is the authorisation (staff-totp.test.ts)",
  "routes/logga-in_.tvastegsverifiering": "setting up the second factor: the pending cookie of a right password is the authorisation (staff-totp.test.ts)",
  "routes/logga-ut": "signing out ends whatever session the cookie names, or none",
  "routes/logga-in_.stad": "starting a sign-in with the city's SSO (oidc-staff-sso.test.ts)",
  "routes/logga-in_.stad_.klar": "the SSO's callback: the verified e-mail must match a staff account (oidc-security.test.ts)",
  "routes/registrera": "a new förening registers itself",
  "routes/registrera_.klar": "the confirmation after registering",
  "routes/logga-in_.e-legitimation": "starting an e-ID sign-in; the broker proves who the person is (eid-sign-in.test.ts)",
  "routes/logga-in_.e-legitimation.klar": "the broker's callback: this browser's attempt and the verified ID token are the authorisation (eid-sign-in.test.ts)",
  "routes/registrera_.e-legitimation": "only with the sealed identity an e-ID sign-in left; without it a redirect (eid-registration.test.ts)",
  "routes/glomt-losenord": "asking for a reset link; the same answer for every address (no-enumeration.test.ts)",
  "routes/aterstall-losenord.$token": "the reset link's token is the authorisation (reset-tokens.test.ts)",
  "routes/bekrafta-epost.$token": "the confirmation link's token is the authorisation (registration.test.ts)",
  "routes/inbjudan.$token": "the staff invitation's token is the authorisation (password-and-invitation.test.ts)",
  "routes/forening-inbjudan.$token": "the förening invitation's token is the authorisation (mail-invited-members.test.ts)",
  "routes/healthz": "the load balancer's health check, no data",
  "routes/$": "the 404 page for every unknown address",
  "routes/dev.mail._index": "the development mailbox: off in production, only on localhost (mail-pages.test.ts)",
  "routes/dev.mail.$id": "the development mailbox: off in production, only on localhost (mail-pages.test.ts)",
};

const all = (outcome: Outcome, rest: Partial<Expectation> = {}): Expectation =>
  ({ ...Object.fromEntries(PARTIES.map((p) => [p, outcome])), ...rest }) as Expectation;

/** A förening's page about one of A's cases. Staff meet the förening area's 403 first. */
const FORENING_CASE_PAGE = all("forbidden", { visitor: "login", foreningA: "ok", foreningB: "missing" });
/** A förening's file about one of A's cases: no layout runs, so the case check answers everyone. */
const FORENING_CASE_FILE = all("missing", { visitor: "login", foreningA: "ok" });
/** A staff page about one of X's cases. Y's staff in Y's addresses meet the case check's 404. */
const STAFF_CASE_PAGE = all("forbidden", { visitor: "login", staffX: "ok", adminX: "ok", staffY: "missing" });
const STAFF_CASE_FILE = all("missing", { visitor: "login", staffX: "ok", adminX: "ok" });
/** A staff page of district X, not about a case. */
const DISTRICT_PAGE = all("forbidden", { visitor: "login", staffX: "ok", adminX: "ok", staffY: "ok" });
const YEARLY_REPORT: Expectation = { ...DISTRICT_PAGE, staffY: "missing" };
const FORENING_PAGE = all("forbidden", { visitor: "login", foreningA: "ok" });
/** A post runs its action alone (no layout's loader first), so the case check answers everyone. */
const FORENING_CASE_POST = all("missing", { visitor: "login", foreningA: "accepted" });
const STAFF_CASE_POST = all("missing", { visitor: "login", staffX: "accepted", adminX: "accepted" });
/** Admin works the district's staff and calls, not its cases' documents. */
const notAdmin = (expectation: Expectation): Expectation => ({ ...expectation, adminX: "forbidden" });

interface Post {
  /** The form a party would send to change something; every party sends the same. */
  body: (caseId: string) => Promise<Record<string, string | string[]>> | Record<string, string | string[]>;
  expect: Expectation;
  /** Parties whose post is answered but must still change nothing. */
  unchangedFor?: Party[];
}
interface Spec {
  case?: CaseKey;
  get?: Expectation;
  post?: Post;
  /** Search part of the address. */
  query?: string;
  /** Who asks as that party here, when the party's usual person lacks the role the page is for. */
  as?: Partial<Record<Party, string>>;
}

const withRevision = async (caseId: string, fields: Record<string, string | string[]> = {}) => {
  const revision = await revisionOf(caseId);
  return { revision, expectedRevision: revision, caseRevision: revision, ...fields };
};
const refusedFor = (expectation: Expectation, right: Partial<Expectation>): Expectation => {
  const result = { ...expectation };
  for (const party of PARTIES) if (result[party] === "ok") result[party] = "accepted";
  return { ...result, ...right };
};

const COVERED: Record<string, Spec> = {
  // The förening's side
  "routes/forening": { get: all("forbidden", { visitor: "login", foreningA: "ok", foreningB: "ok" }) },
  "routes/forening._index": { get: all("forbidden", { visitor: "login", foreningA: "ok", foreningB: "ok" }) },
  "routes/forening.$organisationId": {
    get: FORENING_PAGE,
    post: { body: () => ({ name: "Intrång AB", email: "intrang@evil.example", phone: "070-000 00 00" }), expect: refusedFor(FORENING_PAGE, { foreningA: "accepted" }) },
  },
  "routes/forening.$organisationId_.oversikt": { get: FORENING_PAGE },
  "routes/forening.$organisationId_.forfragningar": {
    get: FORENING_PAGE,
    // A's kontaktperson reads the requests; only a verified firmatecknare answers them.
    post: { body: () => ({ intent: "acceptJoin", requestId: crypto.randomUUID() }), expect: all("forbidden", { visitor: "login" }) },
  },
  "routes/forening.$organisationId_.verifiering": {
    get: FORENING_PAGE,
    // Without the document the förening's own post is answered at the field and changes nothing.
    post: { body: () => ({ intent: "request", "signatories.0.fullName": "Mallory", "signatories.0.personalNumber": "198507129297" }), expect: refusedFor(FORENING_PAGE, {}), unchangedFor: ["foreningA"] },
  },
  "routes/forening.$organisationId_.personer": {
    get: FORENING_PAGE,
    post: { body: () => ({ intent: "invite", name: "Mallory", email: "mallory@evil.example", roles: ["contact_person"] }), expect: refusedFor(FORENING_PAGE, {}) },
  },
  "routes/forening.$organisationId_.ny-ansokan": {
    get: FORENING_PAGE,
    post: { body: () => ({ intent: "start", districtId: portal.districtIds.get("RK")!, title: "Intrång", callId: "none" }), expect: refusedFor(FORENING_PAGE, {}) },
  },
  "routes/forening.arenden.$caseId._index": { get: FORENING_CASE_PAGE },
  "routes/forening.arenden.$caseId.ansokan.$step": {
    case: "draft",
    get: FORENING_CASE_PAGE,
    post: { body: (id) => withRevision(id, { intent: "save", purpose: "Intrång" }), expect: FORENING_CASE_POST },
  },
  "routes/forening.arenden.$caseId.ansokan[.]pdf": { get: FORENING_CASE_FILE },
  "routes/forening.arenden.$caseId.bilagor[.]zip": { get: FORENING_CASE_FILE },
  "routes/forening.arenden.$caseId.aterta": {
    case: "completion",
    get: FORENING_CASE_PAGE,
    post: { body: (id) => withRevision(id, { intent: "withdraw", reason: "Intrång" }), expect: FORENING_CASE_POST },
  },
  "routes/forening.arenden.$caseId.komplettera": {
    case: "completion",
    // Starting a komplettering is a post; the address itself leads back to the case.
    get: { ...FORENING_CASE_FILE, foreningA: "redirect" },
    post: { body: () => ({}), expect: FORENING_CASE_POST },
  },
  "routes/forening.arenden.$caseId.kvitto": { get: FORENING_CASE_PAGE },
  "routes/forening.arenden.$caseId.versioner.$version": { get: FORENING_CASE_PAGE },
  "routes/forening.arenden.$caseId.overenskommelse": {
    get: FORENING_CASE_PAGE,
    post: { body: () => ({ body: "Intrång" }), expect: FORENING_CASE_POST },
  },
  "routes/forening.arenden.$caseId.overenskommelse[.]pdf": { get: FORENING_CASE_FILE },
  // The followUp case's agreement was signed by both: version 1 and its sealed copy exist.
  "routes/forening.arenden.$caseId.overenskommelse_.versioner.$version.$file": { get: FORENING_CASE_FILE },
  "routes/forening.arenden.$caseId.overenskommelse_.underteckna": {
    as: { foreningA: "firmatecknare@demo.example" },
    get: FORENING_CASE_PAGE,
    post: { body: (id) => withRevision(id, { confirm: "yes" }), expect: FORENING_CASE_POST },
  },
  "routes/forening.arenden.$caseId.rapport": {
    get: FORENING_CASE_PAGE,
    post: { body: (id) => withRevision(id, { intent: "save", summary: "Intrång" }), expect: FORENING_CASE_POST },
  },
  "routes/forening.arenden.$caseId.rapport_.$periodIndex": { get: FORENING_CASE_PAGE },
  "routes/forening.arenden.$caseId.rapport_.ekonomi": {
    get: FORENING_CASE_PAGE,
    post: { body: () => ({ intent: "save", send: "yes", income: "1", costs: "1" }), expect: FORENING_CASE_POST },
  },
  "routes/forening.arenden.$caseId.slutrapport": {
    case: "closed",
    get: FORENING_CASE_PAGE,
    post: { body: (id) => withRevision(id, { intent: "save", summary: "Intrång" }), expect: FORENING_CASE_POST },
  },
  "routes/bilagor.$attachmentId": { get: all("missing", { visitor: "login", foreningA: "ok", staffX: "ok", adminX: "ok" }) },
  // Only the account the link was sent to (in förening B's place here) sees the invitation.
  "routes/forening-medlemskap.$token": {
    as: { foreningB: INVITEE },
    get: all("missing", { visitor: "login", foreningB: "ok" }),
    post: { body: () => ({ answer: "accept" }), expect: all("missing", { visitor: "login", foreningB: "redirect" }) },
  },
  // Everyone's own account; linking an e-legitimation is for a förening's people (A and B are linked already).
  "routes/konto": {
    get: all("ok", { visitor: "login" }),
    post: { body: () => ({ intent: "linkEid" }), expect: all("forbidden", { visitor: "login", foreningA: "redirect", foreningB: "redirect" }) },
  },
  "routes/meddelanden._index": {
    get: all("ok", { visitor: "login" }),
    // Marks only the sender's own messages read.
    post: { body: () => ({ intent: "markAllRead" }), expect: all("redirect", { visitor: "login" }) },
  },
  "routes/meddelanden.$id": { get: all("missing", { visitor: "login", foreningA: "ok" }) },

  // The förvaltning's side
  "routes/forvaltning": { get: all("redirect", { visitor: "login", foreningA: "forbidden", foreningB: "forbidden" }) },
  "routes/forvaltning._index": { get: all("redirect", { visitor: "login", foreningA: "forbidden", foreningB: "forbidden" }) },
  "routes/forvaltning.$district": { get: DISTRICT_PAGE },
  "routes/forvaltning.$district._index": { get: DISTRICT_PAGE },
  "routes/forvaltning.$district.arenden._index": {
    get: DISTRICT_PAGE,
    post: {
      body: (id) => ({ intent: "take", case: [id] }),
      // Y's queue answers, but takes nothing of X's.
      expect: refusedFor(DISTRICT_PAGE, { adminX: "forbidden", staffY: "accepted" }),
      unchangedFor: ["staffY"],
    },
  },
  "routes/forvaltning.$district.arenden.$caseId._index": {
    get: STAFF_CASE_PAGE,
    // An internal note is the handläggare's; admin may look, not write.
    post: { body: (id) => withRevision(id, { intent: "note", body: "Intrång" }), expect: notAdmin(STAFF_CASE_POST) },
  },
  "routes/forvaltning.$district.arenden.$caseId.ansokan[.]pdf": { get: STAFF_CASE_FILE },
  "routes/forvaltning.$district.arenden.$caseId.bilagor[.]zip": { get: STAFF_CASE_FILE },
  "routes/forvaltning.$district.arenden.$caseId.bedomning": {
    get: notAdmin(STAFF_CASE_PAGE),
    post: { body: (id) => withRevision(id, { intent: "save", summary: "Intrång" }), expect: notAdmin(STAFF_CASE_POST) },
  },
  "routes/forvaltning.$district.arenden.$caseId.utlatande": {
    get: notAdmin(STAFF_CASE_PAGE),
    post: { body: (id) => withRevision(id, { intent: "save", summary: "Intrång" }), expect: notAdmin(STAFF_CASE_POST) },
  },
  "routes/forvaltning.$district.arenden.$caseId.utlatande[.]pdf": { get: notAdmin(STAFF_CASE_FILE) },
  "routes/forvaltning.$district.arenden.$caseId.utlatande[.]docx": { get: notAdmin(STAFF_CASE_FILE) },
  "routes/forvaltning.$district.arenden.$caseId.attestering": {
    as: { staffX: "avdelningschef@demo.example" },
    get: notAdmin(STAFF_CASE_PAGE),
    post: { body: (id) => withRevision(id, { intent: "approve" }), expect: notAdmin(STAFF_CASE_POST) },
  },
  "routes/forvaltning.$district.arenden.$caseId.beslut": {
    as: { staffX: "registrator@demo.example" },
    get: notAdmin(STAFF_CASE_PAGE),
    post: { body: (id) => withRevision(id, { outcome: "approve", decidedOn: "2025-01-01", paragraph: "§ 1" }), expect: notAdmin(STAFF_CASE_POST) },
  },
  "routes/forvaltning.$district.arenden.$caseId.overenskommelse": {
    get: notAdmin(STAFF_CASE_PAGE),
    post: { body: (id) => withRevision(id, { intent: "comment", body: "Intrång" }), expect: notAdmin(STAFF_CASE_POST) },
  },
  "routes/forvaltning.$district.arenden.$caseId.overenskommelse[.]pdf": { get: notAdmin(STAFF_CASE_FILE) },
  "routes/forvaltning.$district.arenden.$caseId.overenskommelse[.]docx": { get: notAdmin(STAFF_CASE_FILE) },
  "routes/forvaltning.$district.arenden.$caseId.overenskommelse_.versioner.$version.$file": { get: notAdmin(STAFF_CASE_FILE) },
  "routes/forvaltning.$district.arenden.$caseId.uppfoljning": {
    get: notAdmin(STAFF_CASE_PAGE),
    post: { body: (id) => withRevision(id, { intent: "meeting", kind: "steering", heldOn: "2025-01-01", notes: "Intrång" }), expect: notAdmin(STAFF_CASE_POST) },
  },
  "routes/forvaltning.$district.arenden.$caseId.slutrapport": {
    get: STAFF_CASE_PAGE,
    post: { body: (id) => withRevision(id, { intent: "startFinalAssessment" }), expect: notAdmin(STAFF_CASE_POST) },
  },
  "routes/forvaltning.$district.arenden.$caseId.slutrapport[.]pdf": { case: "closed", get: notAdmin(STAFF_CASE_FILE) },
  "routes/forvaltning.$district.arenden.$caseId.slutrapport[.]docx": { case: "closed", get: notAdmin(STAFF_CASE_FILE) },
  "routes/forvaltning.$district.arsrapporter._index": {
    get: notAdmin(DISTRICT_PAGE),
    post: { body: () => ({ intent: "create", year: "2020" }), expect: notAdmin(refusedFor(DISTRICT_PAGE, {})) },
  },
  // X's report for the year, which Y does not have: a 404 in Y's own addresses.
  "routes/forvaltning.$district.arsrapporter.$year": {
    get: notAdmin(YEARLY_REPORT),
    post: { body: () => ({ intent: "save", summary: "Intrång" }), expect: notAdmin(refusedFor(YEARLY_REPORT, {})) },
  },
  "routes/forvaltning.$district.arsrapporter.$year[.]pdf": { get: notAdmin(YEARLY_REPORT) },
  "routes/forvaltning.$district.arsrapporter.$year[.]docx": { get: notAdmin(YEARLY_REPORT) },
  "routes/forvaltning.$district.export.arenden[.]csv": { get: DISTRICT_PAGE },
  "routes/forvaltning.$district.export.arenden[.]xlsx": { get: DISTRICT_PAGE },
  "routes/forvaltning.$district.export.uppfoljning[.]csv": { get: notAdmin(DISTRICT_PAGE), query: "?ar=2025" },
  "routes/forvaltning.$district.export.uppfoljning[.]xlsx": { get: notAdmin(DISTRICT_PAGE), query: "?ar=2025" },
  "routes/forvaltning.$district.oversikt": { get: DISTRICT_PAGE },
  "routes/forvaltning.$district.foreningar.$organisationId": {
    get: STAFF_CASE_PAGE,
    // An id that waits for no answer: X's staff are past every check (409), nothing is confirmed.
    post: { body: () => ({ intent: "confirm", verificationId: crypto.randomUUID() }), expect: STAFF_CASE_POST },
  },
  "routes/forvaltning.$district.foreningar.$organisationId_.protokoll.$verificationId": { get: STAFF_CASE_FILE },
  // The recovery codes are shown to whoever just set up their second factor; anyone else signed in sees none.
  "routes/logga-in_.aterstallningskoder": { get: all("ok", { visitor: "login" }) },
  "routes/forvaltning.$district.personal": {
    get: all("forbidden", { visitor: "login", adminX: "ok" }),
    post: { body: () => ({ name: "Mallory", email: "mallory@evil.example", roles: ["admin"] }), expect: all("forbidden", { visitor: "login", adminX: "accepted" }) },
  },
  "routes/forvaltning.$district.utlysningar": {
    get: all("forbidden", { visitor: "login", adminX: "ok" }),
    post: { body: () => ({ intent: "area", areaName: "Intrång", areaActive: "yes" }), expect: all("forbidden", { visitor: "login", adminX: "accepted" }) },
  },
  "routes/forvaltning.$district.utskick": {
    get: all("forbidden", { visitor: "login", adminX: "ok" }),
    post: { body: () => ({ id: world.outboxIdInX }), expect: all("forbidden", { visitor: "login", adminX: "accepted" }) },
  },
};

// ---------------------------------------------------------------------------------------------
// The routes of the build

interface BuiltRoute {
  id: string;
  pattern: string;
  hasLoader: boolean;
  hasAction: boolean;
}

async function builtRoutes(): Promise<BuiltRoute[]> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const patternOf = (id: string): string => {
    const route = build.routes[id]!;
    const parent = route.parentId ? patternOf(route.parentId) : "";
    return route.path ? `${parent.replace(/\/$/, "")}/${route.path}` : parent || "/";
  };
  return Object.values(build.routes).map((route) => ({
    id: route.id,
    pattern: patternOf(route.id),
    hasLoader: Boolean(route.module.loader),
    hasAction: Boolean(route.module.action),
  }));
}

function addressFor(route: BuiltRoute, spec: Spec, party: Party): string {
  const caseId = world.caseIds.get(spec.case ?? "followUp")!;
  const values: Record<string, string> = {
    district: DISTRICT_OF[party],
    caseId,
    organisationId: world.organisationA,
    step: "syfte",
    version: "1",
    file: "underskriven.pdf",
    periodIndex: "0",
    year: world.year,
    attachmentId: world.attachmentId,
    id: world.messageIdOfA,
    token: world.membershipToken,
    verificationId: world.verificationId,
  };
  const filled = route.pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${route.id}: no seeded value for :${name}`);
    return values[name]!;
  });
  return filled + (spec.query ?? "");
}

function check(response: Response, outcome: Outcome, label: string) {
  const location = response.headers.get("location") ?? "";
  const seen = `${label}: ${response.status}${location ? ` → ${location}` : ""}`;
  switch (outcome) {
    case "ok": return expect(response.status, seen).toBe(200);
    case "forbidden": return expect(response.status, seen).toBe(403);
    case "missing": return expect(response.status, seen).toBe(404);
    case "login":
      expect(response.status, seen).toBe(302);
      return expect(location, seen).toMatch(/^\/logga-in\?redirectTo=/);
    case "redirect":
      expect([302, 303], seen).toContain(response.status);
      return expect(location, seen).not.toMatch(/^\/logga-in/);
    case "accepted":
      expect([401, 403, 404], seen).not.toContain(response.status);
      expect(response.status, seen).toBeLessThan(500);
      return expect(location, seen).not.toMatch(/^\/logga-in/);
  }
}

/** Everything the app keeps, but the sessions and the login throttle that any request may touch. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = (await portal.db.execute(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('sessions', 'login_failures', 'password_reset_requests')
      and table_name not like '%drizzle%'
    order by table_name`)) as unknown as { rows?: { name: string }[] } & { name: string }[];
  const names = (tables.rows ?? tables).map((t) => t.name);
  const selects = names.map((n) => `select '${n}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${n}" t`);
  const result = (await portal.db.execute(sql.raw(selects.join(" union all ")))) as unknown as { rows?: { name: string; sum: string }[] } & { name: string; sum: string }[];
  return Object.fromEntries((result.rows ?? result).map((r) => [r.name, r.sum]));
}

// ---------------------------------------------------------------------------------------------

const routes = await builtRoutes();

describe("the route list", () => {
  it("names every route of the build as public (with a reason) or covered here", () => {
    const unlisted = routes.map((r) => r.id).filter((id) => !(id in PUBLIC) && !(id in COVERED));
    expect(unlisted, "routes neither public nor covered by this test").toEqual([]);
    const stale = [...Object.keys(PUBLIC), ...Object.keys(COVERED)].filter((id) => !routes.some((r) => r.id === id));
    expect(stale, "listed here but not in the build").toEqual([]);
  });

  it("covers every loader and every action of the covered routes", () => {
    const missing = routes.flatMap((route) => {
      const spec = COVERED[route.id];
      if (!spec) return [];
      return [
        ...(route.hasLoader && !spec.get ? [`${route.id} loader`] : []),
        ...(route.hasAction && !spec.post ? [`${route.id} action`] : []),
        ...(!route.hasAction && spec.post ? [`${route.id} has no action`] : []),
      ];
    });
    expect(missing).toEqual([]);
  });
});

const covered = routes.filter((r) => r.id in COVERED);
const partiesFor = (route: BuiltRoute) =>
  // Without :district in the address, Järva's handläggare asks once.
  PARTIES.filter((p) => p !== "staffYinX" || route.pattern.includes(":district"));

describe("the check for changes", () => {
  it("sees a change in any table", async () => {
    const before = await fingerprint();
    const organisationB = portal.organisationIds.get("IOGT-NTO Spånga")!;
    await portal.db.execute(sql`update organisations set name = name || ' ' where id = ${organisationB}`);
    const after = await fingerprint();
    await portal.db.execute(sql`update organisations set name = rtrim(name) where id = ${organisationB}`);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(after.organisations).not.toBe(before.organisations);
    expect(await fingerprint()).toEqual(before);
  });
});

describe("every loader", () => {
  it.each(covered.filter((r) => r.hasLoader).map((r) => [r.id, r] as const))("GET %s", async (_, route) => {
    const spec = COVERED[route.id]!;
    for (const party of partiesFor(route)) {
      const address = addressFor(route, spec, party);
      check(await visitorFor(party, spec).get(address), spec.get![party], `GET ${address} as ${party}`);
    }
  });
});

describe("every action", () => {
  it.each(covered.filter((r) => r.hasAction).map((r) => [r.id, r] as const))("POST %s", async (_, route) => {
    const spec = COVERED[route.id]!;
    const caseId = world.caseIds.get(spec.case ?? "followUp")!;
    const parties = partiesFor(route);
    const refused = parties.filter(
      (p) => !["accepted", "redirect", "ok"].includes(spec.post!.expect[p]) || spec.post!.unchangedFor?.includes(p),
    );
    const before = await fingerprint();
    for (const party of refused) {
      const address = addressFor(route, spec, party);
      check(await visitorFor(party, spec).post(address, await spec.post!.body(caseId)), spec.post!.expect[party], `POST ${address} as ${party}`);
    }
    expect(await fingerprint(), `a refused POST to ${route.id} changed something`).toEqual(before);
    for (const party of parties.filter((p) => !refused.includes(p))) {
      const address = addressFor(route, spec, party);
      check(await visitorFor(party, spec).post(address, await spec.post!.body(caseId)), spec.post!.expect[party], `POST ${address} as ${party}`);
    }
  });
});

describe("between districts", () => {
  it("an admin of X cannot invite staff into Y, and no e-mail goes out", async () => {
    const response = await visitors.adminX.post("/forvaltning/ja/personal", { intent: "invite", name: "Mallory", email: "mallory.ja@evil.example", roles: ["admin"] });
    expect(response.status).toBe(403);
    expect(await portal.lastEmailTo("mallory.ja@evil.example")).toBeUndefined();
  });

  it("staff of one district land on it; a förening's member is refused the förvaltning", async () => {
    expect((await visitors.staffX.get("/forvaltning")).headers.get("location")).toBe("/forvaltning/rk");
    expect((await visitors.foreningA.get("/forvaltning")).status).toBe(403);
  });
});
