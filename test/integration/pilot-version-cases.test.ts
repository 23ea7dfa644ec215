/**
 * A case stored by the pilot (machine version 0) reads like any other on the pages: its snapshot is
 * migrated when it is read (readCaseContext), so the förening and the förvaltning see the Swedish
 * status of the current state, not the pilot's internal state name.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cases } from "../../db/schema";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { caseAt, caseRowOf, loggedIn, through } from "../support/forvaltning";

const portal = setupPortal();
let forening: Visitor, caseworker: Visitor;
let caseId: string;

/** The same case as the pilot stored it: the waiting state was `review.pendingCompletion` and rounds were counted. */
async function storeAsPilotCase(id: string) {
  const row = await caseRowOf(portal, id);
  const snapshot = row.snapshot as { value: Record<string, unknown>; context: Record<string, unknown> };
  const { applicationVersion, ...context } = snapshot.context;
  await portal.db
    .update(cases)
    .set({
      machineVersion: 0,
      state: "review.pendingCompletion",
      snapshot: {
        ...snapshot,
        value: { review: "pendingCompletion" },
        context: { ...context, completionRounds: Number(applicationVersion) - 1 },
      },
    })
    .where(eq(cases.id, id));
}

beforeAll(async () => {
  forening = await loggedIn(portal, "forening@demo.example");
  caseworker = await loggedIn(portal, "handlaggare@demo.example");
  ({ caseId } = await caseAt(portal, through("request completion"), { title: "Pilotärende i Husby" }));
  await storeAsPilotCase(caseId);
});

describe("a case stored by the pilot's machine version", () => {
  it("shows the förening the Swedish status and the komplettering asked for", async () => {
    const page = await forening.get(`/forening/arenden/${caseId}`);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain("Komplettering behövs");
    expect(text).toContain("Bifoga budget för 2025.");
    expect(text).not.toContain("pendingCompletion");
  });

  it("shows it in the förening's list of cases with the Swedish status", async () => {
    const text = textOf(await (await forening.get("/forening")).text());
    expect(text).toContain("Pilotärende i Husby");
    expect(text).not.toContain("pendingCompletion");
  });

  it("shows the handläggare the Swedish status on the case page", async () => {
    const page = await caseworker.get(`/forvaltning/rk/arenden/${caseId}`);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain("Väntar på komplettering");
    expect(text).not.toContain("pendingCompletion");
  });
});
