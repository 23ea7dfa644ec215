/**
 * Searching the förvaltning's queues: a search looks through the whole district whatever tab is open,
 * says which queue each hit is in, and forgives how people type a diarienummer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cases } from "../../db/schema";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";
import { caseAt, loggedIn, through } from "../support/forvaltning";

const portal = setupPortal();
let newCase: string;
let boardCase: string;

const diaryOf = async (caseId: string) => {
  const [row] = await portal.db.select({ d: cases.diaryNumber }).from(cases).where(eq(cases.id, caseId));
  return row!.d!;
};

beforeAll(async () => {
  newCase = await diaryOf((await caseAt(portal, through("submit"), { organisation: "Stockholms Stadsmission" })).caseId);
  boardCase = await diaryOf((await caseAt(portal, through("director attests"))).caseId);
});

async function search(tab: string, q: string) {
  const visitor = await loggedIn(portal, "handlaggare@demo.example");
  const response = await visitor.get(`/forvaltning/rk/arenden?ko=${tab}&sok=${encodeURIComponent(q)}`);
  return { status: response.status, text: textOf(await response.text()) };
}

describe("queue search", () => {
  it("finds a case outside the current tab and says which queue it is in", async () => {
    // The new case waits for a handläggare, so it is not in "Mina ärenden".
    const { status, text } = await search("mina", newCase);
    expect(status).toBe(200);
    expect(text).toContain(newCase);
    expect(text).toContain("Finns i");
    expect(text).toMatch(new RegExp(`${newCase.replace("/", "\\/")}.*Nya`));
    expect(text).not.toContain(`${boardCase} `);
  });

  it("finds a diarienummer typed without the space and in lower case", async () => {
    expect(boardCase).toMatch(/^RK \d{4}\/\d+$/);
    const typed = boardCase.replace(" ", "").toLowerCase();
    const { text } = await search("komplettering", typed);
    expect(text).toContain(boardCase);
    expect(text).toMatch(/Väntar på nämndens beslut/);
    expect(text).not.toContain(`${newCase} `);
  });

  it("answers a NUL byte in the search with the page, not an error", async () => {
    const visitor = await loggedIn(portal, "handlaggare@demo.example");
    const response = await visitor.get("/forvaltning/rk/arenden?ko=alla&sok=%00");
    expect(response.status).toBe(200);
    const nulInside = await visitor.get(`/forvaltning/rk/arenden?ko=alla&sok=${encodeURIComponent(boardCase)}%00`);
    expect(nulInside.status).toBe(200);
    expect(textOf(await nulInside.text())).toContain(boardCase);
  });
});
