/**
 * How a person proved who they are when the session began. Stored on the session
 * (sessions.sign_in_method), shown where it matters (a signature records it) and never inferred.
 * Browser-safe: no imports.
 */
export const SIGN_IN_METHODS = ["password", "password_totp", "bankid", "freja", "eid_other", "staff_sso"] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = {
  password: "lösenord (demo)",
  password_totp: "lösenord och engångskod",
  bankid: "BankID",
  freja: "Freja eID",
  eid_other: "e-legitimation",
  staff_sso: "stadens inloggning",
};

/** The methods that prove a person's identity with e-legitimation (what a firmatecknare signs with). */
export const E_IDENTIFICATION_METHODS: readonly SignInMethod[] = ["bankid", "freja", "eid_other"];

export function isSignInMethod(value: unknown): value is SignInMethod {
  return typeof value === "string" && (SIGN_IN_METHODS as readonly string[]).includes(value);
}
