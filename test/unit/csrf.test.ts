import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "../../app/utils/csrf";

const base = { host: "portal.example", origin: undefined, secFetchSite: undefined };

describe("CSRF check", () => {
  it("lets reads through", () => {
    expect(isCrossSiteRequest({ ...base, method: "GET" })).toBe(false);
  });
  it("accepts a same-origin post", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "https://portal.example" })).toBe(false);
  });
  it("refuses posts from other sites", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "null" })).toBe(true);
  });
  it("refuses a post that names neither", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST" })).toBe(true);
  });
  it("accepts the configured public origin behind a proxy", () => {
    expect(
      isCrossSiteRequest({
        method: "POST",
        host: "10.0.0.5:3000",
        origin: "https://iop.stockholm.example",
        secFetchSite: undefined,
        allowedOrigins: ["https://iop.stockholm.example"],
      }),
    ).toBe(false);
  });
});
