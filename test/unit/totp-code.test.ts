/** The code check of the staff second factor (ADR 0027): RFC 6238 codes, the time-step window, no replay. */
import { describe, expect, it } from "vitest";
import { URI } from "otpauth";
import {
  checkTotpCode,
  newTotpSecret,
  otpauthUri,
  timeStep,
  totpCodeAt,
  TOTP_PERIOD_SECONDS,
} from "../../app/auth/totp.server";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const now = Date.UTC(2026, 11, 4, 12, 0, 10);
const step = timeStep(now);
const at = (delta: number) => totpCodeAt(secret, step + delta);

describe("the TOTP code check", () => {
  it("makes the codes of RFC 6238's SHA-1 test vector", () => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", T = 59 s, 8 digits 94287082; the
    // 6-digit code is its last six digits.
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCodeAt(rfcSecret, timeStep(59_000))).toBe("287082");
    expect(totpCodeAt(rfcSecret, timeStep(1_111_111_109_000))).toBe("081804");
  });

  it("accepts the code of now and of one step either side, nothing further", () => {
    for (const delta of [-1, 0, 1]) {
      expect(checkTotpCode({ secret, code: at(delta), nowMs: now, lastUsedStep: null })).toEqual({ ok: true, step: step + delta });
    }
    for (const delta of [-3, -2, 2, 3]) {
      if ([-1, 0, 1].some((d) => at(d) === at(delta))) continue;
      expect(checkTotpCode({ secret, code: at(delta), nowMs: now, lastUsedStep: null })).toEqual({ ok: false, reason: "wrong" });
    }
  });

  it("refuses a code for the last used step or an earlier one as replayed", () => {
    expect(checkTotpCode({ secret, code: at(0), nowMs: now, lastUsedStep: step })).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotpCode({ secret, code: at(-1), nowMs: now, lastUsedStep: step })).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotpCode({ secret, code: at(1), nowMs: now, lastUsedStep: step })).toEqual({ ok: true, step: step + 1 });
    // 29 seconds later, still the same step: the same code is still a replay.
    expect(checkTotpCode({ secret, code: at(0), nowMs: now + 19_000, lastUsedStep: step })).toEqual({ ok: false, reason: "replayed" });
  });

  it("reads codes as people type them and refuses anything that is not six digits", () => {
    const code = at(0);
    expect(checkTotpCode({ secret, code: `${code.slice(0, 3)} ${code.slice(3)}`, nowMs: now, lastUsedStep: null }).ok).toBe(true);
    for (const typed of ["", "12345", "1234567", "abcdef", `${code}0`]) {
      expect(checkTotpCode({ secret, code: typed, nowMs: now, lastUsedStep: null })).toEqual({ ok: false, reason: "wrong" });
    }
  });

  it("agrees with what an authenticator app computes from the otpauth address", () => {
    const fresh = newTotpSecret();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    const uri = otpauthUri(fresh, "handlaggare@stad.example");
    expect(uri).toContain("issuer=IOP-portalen");
    expect(uri).toContain(`period=${TOTP_PERIOD_SECONDS}`);
    // The app's side: the address parsed as an authenticator does, its code for now taken by the check.
    const app = URI.parse(uri);
    const code = app.generate({ timestamp: now });
    expect(checkTotpCode({ secret: fresh, code, nowMs: now, lastUsedStep: null })).toEqual({ ok: true, step });
  });
});
