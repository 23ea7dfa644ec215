/**
 * The förvaltning's queues as staff meet them: each queue holds the right cases, search and filters
 * narrow them, pages follow each other without gaps or repeats, and "Ta valda" takes each case once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { cases } from "../../db/schema";
import { addDistrictRoles, createDistrict, createOrganisation, createUser } from "../../seed/factories";
import { createCast, createDraftCase, driveCase, LIFECYCLE } from "../../seed/case-factory";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { caseAt, through, userIdOf } from "../support/forvaltning";

const portal = setupPortal();
const diary = new Map<string, string>();
const ids = new Map<string, string>();
let callId: string;

async function loggedIn(email: string) {
  const visitor = portal.visitor();
  expect((await visitor.logIn(email)).status).toBe(302);
  return visitor;
}

async function pageText(visitor: Visitor, path: string) {
  const response = await visitor.get(path);
  expect(response.status).toBe(200);
  return textOf(await response.text());
}

beforeAll(async () => {
  const { calls } = await import("../../db/schema");
  const [call] = await portal.db.select({ id: calls.id }).from(calls).limit(1);
  callId = call!.id;
  const make = async (name: string, steps: number, options: Parameters<typeof caseAt>[2] = {}) => {
    const { caseId } = await caseAt(portal, steps, options);
    ids.set(name, caseId);
    const [row] = await portal.db.select({ d: cases.diaryNumber }).from(cases).where(eq(cases.id, caseId));
    diary.set(name, row!.d!);
  };
  await make("new", through("submit"), { organisation: "Stockholms Stadsmission", content: { callId } });
  await make("taken", through("take"));
  await make("completion", through("request completion"));
  await make("headOfUnit", through("statement to attestation"));
  await make("director", through("head of unit attests"));
  await make("board", through("director attests"));
  await make("reports", through("chef signs"));
});

const inQueue = async (email: string, queue: string) => pageText(await loggedIn(email), `/forvaltning/rk/arenden?ko=${queue}`);

describe("the queues", () => {
  const expectations: [string, string, string[]][] = [
    ["handlaggare@demo.example", "ny", ["new"]],
    ["handlaggare@demo.example", "mina", ["taken", "completion", "headOfUnit", "director", "board", "reports"]],
    ["handlaggare@demo.example", "komplettering", ["completion"]],
    ["avdelningschef@demo.example", "attestering", ["headOfUnit"]],
    ["direktor@demo.example", "attestering", ["director"]],
    ["handlaggare@demo.example", "attestering", []],
    ["registrator@demo.example", "beslut", ["board"]],
    ["handlaggare@demo.example", "rapporter", ["reports"]],
    ["samordnare@demo.example", "alla", [...["new", "taken", "completion", "headOfUnit", "director", "board", "reports"]]],
  ];
  it.each(expectations)("%s sees in %s exactly %j", async (email, queue, expected) => {
    const text = await inQueue(email, queue);
    for (const [name, number] of diary) {
      if (expected.includes(name)) expect(text, `${name} in ${queue}`).toContain(number);
      else expect(text, `${name} not in ${queue}`).not.toContain(`${number} `);
    }
  });

  it("shows counts per queue and marks an overdue report", async () => {
    const text = await inQueue("handlaggare@demo.example", "rapporter");
    expect(text).toMatch(/Nya \( 1 \)/);
    expect(text).toMatch(/Mina ärenden \( 6 \)/);
    expect(text).toMatch(/Alla öppna \( 7 \)/);
    expect(text).toContain("2025-09-30 Försenad");
  });

  it("shows the counts on the district home page too", async () => {
    const text = await pageText(await loggedIn("handlaggare@demo.example"), "/forvaltning/rk");
    expect(text).toMatch(/6 Mina ärenden/);
    expect(text).toMatch(/1 Nya/);
  });

  it("finds cases by diarienummer, förening name and organisationsnummer", async () => {
    const visitor = await loggedIn("handlaggare@demo.example");
    const search = (q: string) => pageText(visitor, `/forvaltning/rk/arenden?ko=alla&sok=${encodeURIComponent(q)}`);
    const byNumber = await search(diary.get("board")!);
    expect(byNumber).toContain(diary.get("board"));
    expect(byNumber).not.toContain(`${diary.get("taken")} `);
    const byName = await search("stadsmission");
    expect(byName).toContain(diary.get("new"));
    expect(byName).not.toContain(`${diary.get("taken")} `);
    for (const q of ["899900-1103", "8999001103"]) {
      const byOrgNumber = await search(q);
      expect(byOrgNumber).toContain(diary.get("new"));
      expect(byOrgNumber).not.toContain(`${diary.get("taken")} `);
    }
    expect(await search("finns-inte-alls")).toContain("Inga ärenden matchar sökningen");
  });

  it("filters by call, stage and handläggare", async () => {
    const visitor = await loggedIn("handlaggare@demo.example");
    const byCall = await pageText(visitor, `/forvaltning/rk/arenden?ko=alla&utlysning=${callId}`);
    expect(byCall).toContain(diary.get("new"));
    expect(byCall).not.toContain(`${diary.get("taken")} `);
    const byStage = await pageText(visitor, `/forvaltning/rk/arenden?ko=alla&skede=decision`);
    expect(byStage).toContain(diary.get("board"));
    expect(byStage).not.toContain(`${diary.get("reports")} `);
    const unassigned = await pageText(visitor, `/forvaltning/rk/arenden?ko=alla&handlaggare=ingen`);
    expect(unassigned).toContain(diary.get("new"));
    expect(unassigned).not.toContain(`${diary.get("board")} `);
    const byYear = await pageText(visitor, `/forvaltning/rk/arenden?ko=alla&ar=2026`);
    expect(byYear).toContain("Inga ärenden matchar");
    const dueBefore = await pageText(visitor, `/forvaltning/rk/arenden?ko=alla&fristFore=2025-12-31`);
    expect(dueBefore).toContain(diary.get("reports"));
    expect(dueBefore).not.toContain(`${diary.get("new")} `);
  });
});

describe("paging", () => {
  it("walks every page of a long queue without duplicates or gaps, in each sort order", async () => {
    const district = await createDistrict(portal.db, { code: "PG", name: "Sidstaden" });
    const organisation = await createOrganisation(portal.db, { name: "Sidföreningen" });
    const parties = { organisationId: organisation.id, districtId: district.id };
    const cast = await createCast(portal.db, parties);
    const made: string[] = [];
    for (let i = 0; i < 57; i++) {
      const id = await createDraftCase(parties, cast, `Ärende ${i}`);
      await driveCase(id, cast, LIFECYCLE.slice(0, i % 3 === 0 ? 3 : 1));
      made.push(id);
    }
    const person = await createUser(portal.db, { email: "sida@test.example", name: "Sid Handläggare" });
    await addDistrictRoles(portal.db, person.id, district.id, ["caseworker"]);
    const visitor = await loggedIn("sida@test.example");
    const rows = await portal.db.select({ id: cases.id, d: cases.diaryNumber }).from(cases).where(inArray(cases.id, made));
    const numberOf = new Map(rows.map((r) => [r.d!, r.id]));

    for (const sort of ["uppdaterad", "diarienummer", "frist"]) {
      const seen: string[] = [];
      let path: string | null = `/forvaltning/pg/arenden?ko=alla&sortera=${sort}`;
      let pages = 0;
      while (path) {
        const html = await (await visitor.get(path)).text();
        const numbers = [...html.matchAll(/>(PG 2025\/\d+)</g)].map((m) => m[1]!);
        seen.push(...numbers);
        const next = /href="([^"]+)"[^>]*>Nästa sida</.exec(html);
        path = next ? next[1]!.replace(/&amp;/g, "&") : null;
        pages++;
      }
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(57);
      expect(seen.length).toBe(57);
      expect([...seen].sort()).toEqual([...numberOf.keys()].sort());
      if (sort === "diarienummer") {
        expect(seen.map((n) => Number(n.split("/")[1]))).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
      }
    }
  });
});

describe("bulk actions", () => {
  it("takes each selected case once and reports per case, refusing a stale one", async () => {
    const a = await caseAt(portal, through("submit"));
    const b = await caseAt(portal, through("submit"));
    const c = await caseAt(portal, through("take"));
    const revisions = await portal.db.select({ id: cases.id, revision: cases.revision, d: cases.diaryNumber }).from(cases).where(inArray(cases.id, [a.caseId, b.caseId, c.caseId]));
    const rev = (id: string) => revisions.find((r) => r.id === id)!;
    const visitor = await loggedIn("handlaggare@demo.example");
    const response = await visitor.post("/forvaltning/rk/arenden?index&ko=ny", {
      intent: "take",
      case: [`${a.caseId}:${rev(a.caseId).revision}`, `${b.caseId}:${rev(b.caseId).revision - 1}`, `${c.caseId}:${rev(c.caseId).revision}`],
    });
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain("1 av 3 ärenden klara");
    expect(text).toContain(`${rev(a.caseId).d}`);
    expect(text).toContain("Någon annan har ändrat ärendet");
    const me = await userIdOf(portal, "handlaggare@demo.example");
    const after = await portal.db.select({ id: cases.id, state: cases.state, who: cases.assignedCaseworkerId }).from(cases).where(inArray(cases.id, [a.caseId, b.caseId]));
    expect(after.find((r) => r.id === a.caseId)).toMatchObject({ state: "review.assigned", who: me });
    expect(after.find((r) => r.id === b.caseId)).toMatchObject({ state: "review.unassigned", who: null });
  });

  it("assigns selected cases to a chosen handläggare of the district, and refuses one from elsewhere", async () => {
    const a = await caseAt(portal, through("submit"));
    const [row] = await portal.db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, a.caseId));
    const visitor = await loggedIn("admin@demo.example");
    const jarva = await userIdOf(portal, "handlaggare.jarva@demo.example");
    const wrong = await visitor.post("/forvaltning/rk/arenden?index", { intent: "assign", caseworkerId: jarva, case: `${a.caseId}:${row!.revision}` });
    expect(wrong.status).toBe(400);
    expect(textOf(await wrong.text())).toContain("Välj en handläggare i stadsdelen");
    const hanna = await userIdOf(portal, "handlaggare@demo.example");
    const ok = await visitor.post("/forvaltning/rk/arenden?index", { intent: "assign", caseworkerId: hanna, case: `${a.caseId}:${row!.revision}` });
    expect(textOf(await ok.text())).toContain("Fördelat till Hanna Handläggare");
    const [after] = await portal.db.select({ who: cases.assignedCaseworkerId }).from(cases).where(eq(cases.id, a.caseId));
    expect(after!.who).toBe(hanna);
  });

  it("says so when nothing was selected", async () => {
    const visitor = await loggedIn("handlaggare@demo.example");
    const response = await visitor.post("/forvaltning/rk/arenden?index", { intent: "take" });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Markera minst ett ärende");
  });
});

describe("who may use the queues", () => {
  it.each([
    ["forening@demo.example", 403],
    ["handlaggare.jarva@demo.example", 403],
    ["registrator@demo.example", 200],
  ] as const)("%s reading /forvaltning/rk/arenden gets %i", async (email, status) => {
    const response = await (await loggedIn(email)).get("/forvaltning/rk/arenden");
    expect(response.status).toBe(status);
  });

  it("sends a visitor who is not logged in to the login page, by URL and by post", async () => {
    const anonymous = portal.visitor();
    const read = await anonymous.get("/forvaltning/rk/arenden");
    expect(read.status).toBe(302);
    expect(read.headers.get("location")).toMatch(/^\/logga-in/);
    const post = await anonymous.post("/forvaltning/rk/arenden?index", { intent: "take", case: `${ids.get("new")}:2` });
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toMatch(/^\/logga-in/);
  });

  it.each([
    ["forening@demo.example", "take"],
    ["handlaggare.jarva@demo.example", "take"],
    ["samordnare@demo.example", "take"],
    ["registrator@demo.example", "assign"],
    ["avdelningschef@demo.example", "take"],
  ] as const)("refuses a bulk post by %s (%s) and changes nothing", async (email, intent) => {
    const hanna = await userIdOf(portal, "handlaggare@demo.example");
    const [row] = await portal.db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, ids.get("new")!));
    const response = await (await loggedIn(email)).post("/forvaltning/rk/arenden?index", {
      intent,
      caseworkerId: hanna,
      case: `${ids.get("new")}:${row!.revision}`,
    });
    expect(response.status).toBe(403);
    const [after] = await portal.db.select({ state: cases.state }).from(cases).where(eq(cases.id, ids.get("new")!));
    expect(after!.state).toBe("review.unassigned");
  });
});
