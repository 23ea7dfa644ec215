/**
 * An error page says what the server said, in Swedish, in the page's own place: the header and the
 * area's navigation stay, so the visitor can go on from there.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { textOf, type Visitor } from "../support/visitor";
import { caseAt, loggedIn, through } from "../support/forvaltning";

const portal = setupPortal();
let forening: Visitor, registrar: Visitor, headOfUnit: Visitor;
let caseId: string;

beforeAll(async () => {
  forening = await loggedIn(portal, "forening@demo.example");
  registrar = await loggedIn(portal, "registrator@demo.example");
  headOfUnit = await loggedIn(portal, "avdelningschef@demo.example");
  ({ caseId } = await caseAt(portal, through("submit")));
});

const DISTRICT_NAV = 'aria-label="Rinkeby-Kista: förvaltningens sidor"';

describe("a refusal shows its own message", () => {
  it("a page the role may not see: the message, under the district's navigation", async () => {
    const response = await registrar.get(`/forvaltning/rk/arenden/${caseId}/uppfoljning`);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(textOf(html)).toContain("Du har inte behörighet att se den här sidan.");
    expect(html).toContain(DISTRICT_NAV);
    expect(textOf(html)).toContain("Logga ut");
  });

  it("a button the role may not use: the action's message, under the district's navigation", async () => {
    const response = await headOfUnit.post(`/forvaltning/rk/arenden/${caseId}/overenskommelse`, {
      intent: "comment",
      body: "Får jag skriva här?",
    });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(textOf(html)).toContain("Du har inte behörighet att göra det här i ärendet.");
    expect(html).toContain(DISTRICT_NAV);
  });

  it("the wrong part of the portal: says which part it is, with the header's links", async () => {
    const response = await forening.get("/forvaltning/rk");
    expect(response.status).toBe(403);
    const text = textOf(await response.text());
    expect(text).toContain("Den här delen av portalen är för förvaltningen.");
    expect(text).toContain("Förening");
    expect(text).toContain("Logga ut");
  });

  it("a missing message says so", async () => {
    const response = await forening.get("/meddelanden/3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    expect(response.status).toBe(404);
    expect(textOf(await response.text())).toContain("Meddelandet finns inte.");
  });

  it("a bare 'Not found' from a record check shows the ordinary Swedish page, no English", async () => {
    const response = await registrar.get(`/forvaltning/rk/arenden/3f2504e0-4f89-41d3-9a0c-0305e82c3301`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(textOf(html)).toContain("Sidan finns inte Kontrollera adressen");
    expect(textOf(html)).not.toContain("Not found");
    expect(html).toContain(DISTRICT_NAV);
  });
});

describe("every page has its own error boundary", () => {
  it("each route that renders a page exports one, so a new page cannot forget it", async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const pages = Object.entries(build.routes).filter(([, route]) => route.module.default);
    expect(pages.length).toBeGreaterThan(40);
    const without = pages.filter(([, route]) => !route.module.ErrorBoundary).map(([id]) => id);
    expect(without).toEqual([]);
  });
});
