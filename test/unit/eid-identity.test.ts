import { afterEach, describe, expect, it, vi } from "vitest";
import { identityFromClaims } from "../../app/accounts/eid-identity.server";
import {
  linkIntentCookie,
  pendingRegistrationCookie,
  readLinkIntent,
  readPendingRegistration,
} from "../../app/accounts/eid-cookies.server";
import { accountNotice, eidSignInNotice } from "../../app/accounts/eid-messages";
import { clearCookie, openCookie, sealCookie } from "../../app/auth/sealed-cookie.server";
import type { VerifiedClaims } from "../../app/auth/oidc/claims";
import type { SignInFailure } from "../../app/auth/oidc/index.server";

const nora: VerifiedClaims = {
  subject: "nora",
  issuer: "http://localhost/dev/e-legitimation",
  personalNumber: "200001010156",
  givenName: "Nora",
  familyName: "Nyström",
  method: "freja",
};

/** A browser sending back what the portal set. */
function requestWith(setCookie: string): Request {
  return new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0]! } });
}

afterEach(() => vi.useRealTimers());

describe("an identity from the broker's claims", () => {
  it("keeps the keyed hash, the masked form, the names and the method, never the personnummer", () => {
    const identity = identityFromClaims(nora)!;
    expect(identity).toMatchObject({ personalNumberMasked: "20000101-XXXX", givenName: "Nora", familyName: "Nyström", method: "freja" });
    expect(identity.personalNumberHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(identity)).not.toContain("200001010156");
    expect(JSON.stringify(identity)).not.toContain("0156");
  });

  it("matches the same person whichever way the broker writes the number", () => {
    expect(identityFromClaims({ ...nora, personalNumber: "20000101-0156" })!.personalNumberHash).toBe(
      identityFromClaims(nora)!.personalNumberHash,
    );
  });

  it("refuses an invalid personnummer, missing names and a method that is not e-legitimation", () => {
    expect(identityFromClaims({ ...nora, personalNumber: "200001010157" })).toBeNull();
    expect(identityFromClaims({ ...nora, personalNumber: undefined })).toBeNull();
    expect(identityFromClaims({ ...nora, familyName: "" })).toBeNull();
    expect(identityFromClaims({ ...nora, method: "password" })).toBeNull();
    expect(identityFromClaims({ ...nora, method: "staff_sso" })).toBeNull();
  });
});

describe("sealed cookies", () => {
  const cookie = { name: "iop_test", path: "/test", seconds: 60 };

  it("come back as they were sent, on their path only, httpOnly", () => {
    const header = sealCookie(cookie, { a: 1 });
    expect(header).toMatch(/^iop_test=[\w-]+; Path=\/test; Max-Age=60; HttpOnly; SameSite=Lax/);
    expect(openCookie(cookie, requestWith(header))).toEqual({ a: 1 });
    expect(clearCookie(cookie)).toContain("Max-Age=0");
  });

  it("cannot be read in the browser: the value is not in the cookie", () => {
    const identity = identityFromClaims(nora)!;
    const header = pendingRegistrationCookie(identity);
    expect(header).not.toContain(identity.personalNumberHash);
    expect(header).not.toContain("Nora");
    expect(header).not.toContain("20000101");
    expect(header).toContain("Path=/registrera/e-legitimation; Max-Age=900");
    expect(readPendingRegistration(requestWith(header))).toEqual(identity);
  });

  it("are refused when changed, expired, or sealed for another purpose", () => {
    const header = sealCookie(cookie, { a: 1 });
    const value = header.split(";")[0]!.split("=")[1]!;
    const flipped = `${value.slice(0, 20)}${value[20] === "A" ? "B" : "A"}${value.slice(21)}`;
    expect(openCookie(cookie, requestWith(`iop_test=${flipped}`))).toBeNull();
    expect(openCookie({ ...cookie, name: "iop_other" }, requestWith(`iop_other=${value}`))).toBeNull();
    expect(openCookie(cookie, requestWith("iop_test=not-a-cookie"))).toBeNull();
    vi.useFakeTimers();
    vi.setSystemTime(Date.now() + 61_000);
    expect(openCookie(cookie, requestWith(header))).toBeNull();
  });

  it("a link intent is not a registration, and the other way round", () => {
    const link = linkIntentCookie("user-1");
    expect(readLinkIntent(requestWith(link))).toBe("user-1");
    const registration = pendingRegistrationCookie(identityFromClaims(nora)!);
    const swapped = registration.split(";")[0]!.replace("iop_eid_registration", "iop_eid_link");
    expect(readLinkIntent(requestWith(swapped))).toBeNull();
  });

  it("a pending registration lasts fifteen minutes", () => {
    const header = pendingRegistrationCookie(identityFromClaims(nora)!);
    vi.useFakeTimers();
    vi.setSystemTime(Date.now() + 14 * 60_000);
    expect(readPendingRegistration(requestWith(header))).not.toBeNull();
    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect(readPendingRegistration(requestWith(header))).toBeNull();
  });
});

describe("what the e-ID pages say", () => {
  it("has a message on Ditt konto for every way a link can fail", () => {
    const failures: SignInFailure[] = ["not-configured", "no-attempt", "state-mismatch", "cancelled", "invalid-response", "unavailable", "missing-claims"];
    for (const code of [...failures, "already-linked", "identity-taken", "not-allowed", "kopplad"]) {
      expect(accountNotice(code), code).not.toBeNull();
    }
    expect(accountNotice("kopplad")!.kind).toBe("success");
  });

  it("shows nothing for codes it does not know", () => {
    expect(accountNotice("toString")).toBeNull();
    expect(accountNotice(null)).toBeNull();
    expect(eidSignInNotice("__proto__")).toBeNull();
    expect(eidSignInNotice("konto-avstangt")).not.toBeNull();
  });
});
