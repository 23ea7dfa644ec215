import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "../../app/utils/csrf";

const base = { requestOrigin: "https://portal.example", origin: undefined, secFetchSite: undefined };

describe("CSRF check", () => {
  it("lets reads through", () => {
    expect(isCrossSiteRequest({ ...base, method: "GET" })).toBe(false);
  });
  it("accepts a same-origin post", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "https://portal.example" })).toBe(false);
    expect(
      isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-origin", origin: "https://portal.example" }),
    ).toBe(false);
  });
  it("refuses posts from other sites", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "null" })).toBe(true);
  });
  it("refuses a post that claims to be same-origin but names another site as its origin", () => {
    expect(
      isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-origin", origin: "https://evil.example" }),
    ).toBe(true);
  });
  it("refuses a post that names neither", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST" })).toBe(true);
  });
  it("accepts the configured public origin behind a proxy that rewrites Host", () => {
    expect(
      isCrossSiteRequest({
        method: "POST",
        requestOrigin: "http://10.0.0.5:3000",
        origin: "https://iop.stockholm.example",
        secFetchSite: undefined,
        appOrigin: "https://iop.stockholm.example",
      }),
    ).toBe(false);
  });
  it("with APP_URL set, accepts no other origin, not even the request's own host", () => {
    const behindProxy = { method: "POST", secFetchSite: undefined, appOrigin: "https://iop.stockholm.example" };
    expect(
      isCrossSiteRequest({ ...behindProxy, requestOrigin: "http://10.0.0.5:3000", origin: "http://10.0.0.5:3000" }),
    ).toBe(true);
    expect(
      isCrossSiteRequest({ ...behindProxy, requestOrigin: "http://iop.stockholm.example", origin: "http://iop.stockholm.example" }),
    ).toBe(true);
  });
});
