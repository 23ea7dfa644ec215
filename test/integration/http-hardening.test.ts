import { describe, expect, it } from "vitest";
import http from "node:http";
import { setupPortal } from "../support/portal";

const portal = setupPortal();

describe("request bodies are limited before anything parses them", () => {
  it("answers a huge login form with 413 and does not echo it back", async () => {
    const huge = `email=${"a".repeat(5 * 1024 * 1024)}&password=x`;
    const response = await fetch(`${portal.server.origin}/logga-in`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: portal.server.origin,
      },
      body: huge,
    });
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text.length).toBeLessThan(10_000);
    expect(text).toContain("för stort");
  });

  it("answers a huge JSON body with 413", async () => {
    const response = await fetch(`${portal.server.origin}/logga-in`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: portal.server.origin,
      },
      body: JSON.stringify({ email: "a".repeat(3 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it("answers a huge multipart upload with 413", async () => {
    const form = new FormData();
    form.set("fil", new Blob([new Uint8Array(40 * 1024 * 1024)]), "stor.pdf");
    const response = await fetch(`${portal.server.origin}/logga-in`, {
      method: "POST",
      headers: { origin: portal.server.origin },
      body: form,
    });
    expect(response.status).toBe(413);
  });
});

describe("after login, the redirect never leaves the portal", () => {
  for (const target of [
    "/%09/evil.example/x",
    "//evil.example",
    "/\\evil.example",
    "/\u3000/evil.example",
    "/%5Cevil.example",
    "/%2F/evil.example",
  ]) {
    it(`falls back to the home page for ${JSON.stringify(
      target
    )}`, async () => {
      const response = await portal.visitor().post("/logga-in", {
        email: "forening@demo.example",
        password: "Demo-losenord-2026",
        redirectTo: target,
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/forening");
    });
  }

  it("still follows a redirect to a page of the portal", async () => {
    const response = await portal.visitor().post("/logga-in", {
      email: "forening@demo.example",
      password: "Demo-losenord-2026",
      redirectTo: "/forening/profil?flik=1",
    });
    expect(response.headers.get("location")).toBe("/forening/profil?flik=1");
  });
});

describe("the development mailbox is for the person at the machine only", () => {
  function getWithHeaders(path: string, headers: Record<string, string>): Promise<number> {
    const url = new URL(path, portal.server.origin);
    return new Promise((resolve, reject) => {
      const request = http.get({ host: "127.0.0.1", port: url.port, path, headers }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
    });
  }

  it("opens on localhost", async () => {
    expect(await getWithHeaders("/dev/mail", { host: "localhost" })).toBe(200);
  });

  it("is not there when reached through another name or through a proxy", async () => {
    expect(await getWithHeaders("/dev/mail", { host: "portal.example.se" })).toBe(404);
    expect(await getWithHeaders("/dev/mail", { host: "localhost", "x-forwarded-for": "203.0.113.9" })).toBe(404);
  });
});

describe("signed-in pages are not cached", () => {
  it("sends Cache-Control: no-store", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("handlaggare@demo.example");
    const response = await visitor.get("/forvaltning/rk");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
