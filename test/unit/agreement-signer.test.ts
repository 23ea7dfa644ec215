/** What a signature records about the signer: e-ID proves name and personnummer, a password only the account. */
import { describe, expect, it } from "vitest";
import { signerOf } from "../../app/signing/signer";
import { SIGN_IN_METHOD_LABELS } from "../../app/auth/sign-in-method";

const identity = { personalNumberMasked: "19800101-XXXX", givenName: "Filip", familyName: "Firmatecknare" };

describe("the signer's identity", () => {
  it("takes the name and masked personnummer from e-legitimation", () => {
    expect(signerOf({ name: "Filip F", signInMethod: "bankid", identity })).toEqual({
      name: "Filip Firmatecknare",
      personalNumberMasked: "19800101-XXXX",
      method: "bankid",
    });
    expect(signerOf({ name: "Filip F", signInMethod: "freja", identity }).personalNumberMasked).toBe("19800101-XXXX");
  });

  it("records no personnummer for a password session, even with a linked e-ID, and says it was a password", () => {
    expect(signerOf({ name: "Filip F", signInMethod: "password", identity })).toEqual({ name: "Filip F", personalNumberMasked: null, method: "password" });
    expect(signerOf({ name: "Alva Avdelningschef", signInMethod: "staff_sso", identity: null }).personalNumberMasked).toBeNull();
    expect(SIGN_IN_METHOD_LABELS.password).toBe("lösenord (demo)");
  });

  it("falls back to the account's name when an e-ID session has no stored identity", () => {
    expect(signerOf({ name: "Nora Ny", signInMethod: "bankid", identity: null })).toEqual({ name: "Nora Ny", personalNumberMasked: null, method: "bankid" });
  });
});
