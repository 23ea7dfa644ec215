/**
 * Every protected route, every kind of visitor: the wrong side, the wrong förening, the wrong district
 * and the wrong role are refused on the server, by URL and by form post.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import type { Visitor } from "../support/visitor";

const portal = setupPortal();

type Who =
  | "anonymous"
  | "fryshusetContact"
  | "otherForening"
  | "rkCaseworker"
  | "rkAdmin"
  | "jarvaCaseworker";
const LOGINS: Record<Exclude<Who, "anonymous">, string> = {
  fryshusetContact: "forening@demo.example",
  otherForening: "iogt@demo.example",
  rkCaseworker: "handlaggare@demo.example",
  rkAdmin: "admin@demo.example",
  jarvaCaseworker: "handlaggare.jarva@demo.example",
};
const visitors = {} as Record<Who, Visitor>;

beforeAll(async () => {
  visitors.anonymous = portal.visitor();
  for (const [who, email] of Object.entries(LOGINS)) {
    const visitor = portal.visitor();
    expect((await visitor.logIn(email)).status).toBe(302);
    visitors[who as Who] = visitor;
  }
});

const fryshuset = () => `/forening/${portal.organisationIds.get("Fryshuset")}`;

// Expected outcome per visitor: "ok" (200), "login" (302 to /logga-in), "forbidden" (403).
const READS: [string, () => string, Partial<Record<Who, "ok" | "login" | "forbidden">>][] = [
  ["förening overview", () => "/forening", {
    anonymous: "login", fryshusetContact: "ok", otherForening: "ok", rkCaseworker: "forbidden", rkAdmin: "forbidden",
  }],
  ["förening profile", fryshuset, {
    anonymous: "login", fryshusetContact: "ok", otherForening: "forbidden", rkCaseworker: "forbidden", jarvaCaseworker: "forbidden",
  }],
  ["förvaltning district home", () => "/forvaltning/rk", {
    anonymous: "login", fryshusetContact: "forbidden", rkCaseworker: "ok", rkAdmin: "ok", jarvaCaseworker: "forbidden",
  }],
  ["district staff admin", () => "/forvaltning/rk/personal", {
    anonymous: "login", fryshusetContact: "forbidden", rkCaseworker: "forbidden", rkAdmin: "ok", jarvaCaseworker: "forbidden",
  }],
];

const cases = READS.flatMap(([name, path, expected]) =>
  Object.entries(expected).map(([who, outcome]) => ({ name, path, who: who as Who, outcome })),
);

describe("reading protected pages", () => {
  it.each(cases)("$name: $who gets $outcome", async ({ path, who, outcome }) => {
    const response = await visitors[who].get(path());
    if (outcome === "ok") expect(response.status).toBe(200);
    if (outcome === "forbidden") {
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("Du har inte behörighet");
    }
    if (outcome === "login") {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
    }
  });

  it("sends staff with one district straight to it, and förening users away from /forvaltning", async () => {
    expect((await visitors.rkCaseworker.get("/forvaltning")).headers.get("location")).toBe("/forvaltning/rk");
    expect((await visitors.fryshusetContact.get("/forvaltning")).status).toBe(403);
  });

  it("answers an unknown förening id or page with 404, in Swedish", async () => {
    const response = await visitors.fryshusetContact.get("/forening/inte-ett-id");
    expect(response.status).toBe(404);
    const missing = await visitors.anonymous.get("/finns/inte");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Sidan finns inte");
  });
});

describe("posting to protected actions", () => {
  const invite = { name: "Mallory", email: "mallory@evil.example", roles: ["admin"] };

  it.each(["fryshusetContact", "rkCaseworker", "jarvaCaseworker"] as const)(
    "refuses a staff invitation posted by %s",
    async (who) => {
      const response = await visitors[who].post("/forvaltning/rk/personal", invite);
      expect(response.status).toBe(403);
      expect(await portal.lastEmailTo("mallory@evil.example")).toBeUndefined();
    },
  );

  it("sends an anonymous post to the login page", async () => {
    const response = await visitors.anonymous.post("/forvaltning/rk/personal", invite);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/logga-in/);
  });

  it("refuses an admin of one district inviting into another", async () => {
    const response = await visitors.rkAdmin.post("/forvaltning/ja/personal", invite);
    expect(response.status).toBe(403);
  });
});
