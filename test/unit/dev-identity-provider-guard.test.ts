/** When the development identity providers may answer at all (app/auth/oidc/paths.ts, ADR 0026). */
import { describe, expect, it } from "vitest";
import { devProviderActive } from "../../app/auth/oidc/paths";

describe("the development identity providers", () => {
  it("run in development and tests, where no real provider is configured", () => {
    expect(devProviderActive("eid", { NODE_ENV: "development" })).toBe(true);
    expect(devProviderActive("staff", { NODE_ENV: "test" })).toBe(true);
    expect(devProviderActive("staff", {})).toBe(true);
  });

  it("never run in production unless DEV_IDENTITY_PROVIDER=true (the npm start demo)", () => {
    expect(devProviderActive("eid", { NODE_ENV: "production" })).toBe(false);
    expect(devProviderActive("staff", { NODE_ENV: "production" })).toBe(false);
    expect(devProviderActive("staff", { NODE_ENV: "production", DEV_IDENTITY_PROVIDER: "1" })).toBe(false);
    expect(devProviderActive("staff", { NODE_ENV: "production", DEV_IDENTITY_PROVIDER: "true" })).toBe(true);
  });

  it("step aside for a configured issuer of their kind, even when asked for", () => {
    const staffConfigured = { NODE_ENV: "development", DEV_IDENTITY_PROVIDER: "true", STAFF_OIDC_ISSUER: "https://login.microsoftonline.com/x/v2.0" };
    expect(devProviderActive("staff", staffConfigured)).toBe(false);
    expect(devProviderActive("eid", staffConfigured)).toBe(true);
    const eidConfigured = { NODE_ENV: "production", DEV_IDENTITY_PROVIDER: "true", EID_ISSUER: "https://broker.example.se" };
    expect(devProviderActive("eid", eidConfigured)).toBe(false);
    expect(devProviderActive("staff", eidConfigured)).toBe(true);
  });

  it("can be turned off everywhere with DEV_IDENTITY_PROVIDER=false", () => {
    expect(devProviderActive("eid", { NODE_ENV: "development", DEV_IDENTITY_PROVIDER: "false" })).toBe(false);
  });
});
