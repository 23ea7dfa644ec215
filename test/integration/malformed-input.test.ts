/**
 * Malformed ids and parameters never reach the database as a uuid: every route with an id in its path,
 * for every kind of visitor who could otherwise reach it, answers 404 (not a 500) for ids that merely
 * look like one, and odd queue/cursor parameters are dropped.
 */
import { describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";

const portal = setupPortal();
type Who = "forening" | "caseworker" | "admin";
const LOGINS: Record<Who, string> = {
  forening: "forening@demo.example",
  caseworker: "handlaggare@demo.example",
  admin: "admin@demo.example",
};
const visitors = signedIn(portal, LOGINS);

// Pass the loose 36-character pattern but are not uuids PostgreSQL accepts, plus plain junk.
const BAD_IDS = ["0".repeat(36), "a".repeat(36), "-".repeat(36), "inte-ett-id", "%00"];

const FORENING_CASE = [
  "", "/ansokan/grund", "/ansokan/granska", "/ansokan/bilagor", "/ansokan.pdf", "/bilagor.zip", "/aterta",
  "/komplettera", "/kvitto", "/overenskommelse", "/overenskommelse/underteckna", "/rapport", "/rapport/0",
  "/rapport/ekonomi", "/slutrapport", "/versioner/1", "/overenskommelse/versioner/1/overenskommelse.pdf",
];
const STAFF_CASE = [
  "", "/ansokan.pdf", "/attestering", "/bedomning", "/beslut", "/bilagor.zip", "/overenskommelse",
  "/slutrapport", "/slutrapport.docx", "/slutrapport.pdf", "/uppfoljning", "/utlatande", "/utlatande.docx",
  "/utlatande.pdf", "/overenskommelse/versioner/1/overenskommelse.pdf", "/overenskommelse/versioner/1/underskriven.pdf",
];
const ORGANISATION = ["", "/ny-ansokan", "/oversikt", "/personer"];

const ROUTES: { path: (id: string) => string; who: Who[] }[] = [
  ...FORENING_CASE.map((tail) => ({ path: (id: string) => `/forening/arenden/${id}${tail}`, who: ["forening", "caseworker"] as Who[] })),
  ...STAFF_CASE.map((tail) => ({ path: (id: string) => `/forvaltning/rk/arenden/${id}${tail}`, who: ["caseworker", "admin"] as Who[] })),
  ...ORGANISATION.map((tail) => ({ path: (id: string) => `/forening/${id}${tail}`, who: ["forening"] as Who[] })),
  { path: (id) => `/bilagor/${id}`, who: ["forening", "caseworker"] },
  { path: (id) => `/meddelanden/${id}`, who: ["forening", "caseworker"] },
];

const cases = ROUTES.flatMap((route) =>
  route.who.flatMap((who) => BAD_IDS.map((id) => ({ url: route.path(id), who }))),
);

describe("a malformed id in the path", () => {
  it.each(cases)("GET $url as $who is a 404", async ({ url, who }) => {
    const response = await visitors[who].get(url);
    expect(response.status).toBe(404);
  });

  it.each(cases.filter((c) => !/\.(pdf|zip|docx)$/.test(c.url)))("POST $url as $who is a 404", async ({ url, who }) => {
    const response = await visitors[who].post(url, { intent: "save", revision: "1" });
    expect(response.status).toBe(404);
  });

  it("shows the ordinary Swedish 404 page, also for a client-side data request", async () => {
    const page = await visitors.caseworker.get(`/forvaltning/rk/arenden/${"0".repeat(36)}/ansokan.pdf`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Sidan finns inte");
    expect((await visitors.forening.get(`/forening/arenden/${"a".repeat(36)}.data`)).status).toBe(404);
  });
});

describe("odd parameters", () => {
  const QUERIES = [
    "efter=2026-13-45T99:99:99Z&efterId=00000000-0000-0000-0000-000000000000",
    "efter=x&efterId=00000000-0000-0000-0000-000000000000&sortera=uppdaterad",
    "efter=%00&efterId=" + "a".repeat(36),
    "efter=" + "9".repeat(40) + "&efterId=00000000-0000-0000-0000-000000000000&sortera=frist",
    "fristFore=2026-99-99",
    "ar=0000",
    "handlaggare=" + "0".repeat(36),
    "sok=%00%ff",
    "ko=inte-en-ko&skede=%00",
  ];
  it.each(QUERIES)("the queue with ?%s answers 200", async (query) => {
    for (const queue of ["alla", "mina", "rapporter"]) {
      const response = await visitors.caseworker.get(`/forvaltning/rk/arenden?ko=${queue}&${query}`);
      expect(response.status, queue).toBe(200);
    }
    expect([200, 400, 404]).toContain((await visitors.caseworker.get(`/forvaltning/rk/export/arenden.csv?${query}`)).status);
  });

  it.each(["abc", "-1", "1e3", "99999999999999999999", "%00"])("?version=%s on a missing case is a 404, a year %s a 404", async (value) => {
    expect((await visitors.caseworker.get(`/forvaltning/rk/arenden/${"0".repeat(36)}/ansokan.pdf?version=${value}`)).status).toBe(404);
    expect((await visitors.caseworker.get(`/forvaltning/rk/arsrapporter/${value}`)).status).toBe(404);
    expect([200, 400, 404]).toContain((await visitors.caseworker.get(`/forvaltning/rk/export/uppfoljning.csv?ar=${value}`)).status);
  });
});
