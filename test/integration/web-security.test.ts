import { describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";

const portal = setupPortal();

describe("web security", () => {
  it("sends a strict Content-Security-Policy and the other security headers on pages", async () => {
    const response = await portal.visitor().get("/");
    const csp = response.headers.get("content-security-policy") ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src ")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[^']+'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("puts the nonce on the scripts the page writes", async () => {
    const response = await portal.visitor().get("/");
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")![1];
    const html = await response.text();
    const inlineScripts = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const tag of inlineScripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("refuses a form post from another site, and one with no origin at all", async () => {
    const fromElsewhere = await portal.visitor().post(
      "/logga-in",
      { email: "handlaggare@demo.example", password: "Demo-losenord-2026" },
      { origin: "https://evil.example" },
    );
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.headers.get("set-cookie")).toBeNull();
    const noOrigin = await portal.visitor().post(
      "/logga-in",
      { email: "handlaggare@demo.example", password: "Demo-losenord-2026" },
      { origin: null },
    );
    expect(noOrigin.status).toBe(403);
  });

  it("logs out only by post, so a link on another site cannot log anyone out", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("handlaggare@demo.example");
    await visitor.get("/logga-ut");
    expect((await visitor.get("/forvaltning/rk")).status).toBe(200);
  });
});
