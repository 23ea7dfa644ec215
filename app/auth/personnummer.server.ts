/**
 * Personnummer: checked, matched by a keyed hash, shown masked; never stored or logged in clear.
 *
 * The hash key is PERSONAL_NUMBER_HASH_SECRET, its own secret (not APP_SECRET): rotating the session
 * secret must not unlink every e-legitimation, and a leaked database alone cannot be searched for a
 * known personnummer without it (a plain SHA-256 of 10^10 numbers is brute-forced in minutes).
 * Without the variable outside production a fixed development key is used, so the demo and tests
 * work unconfigured; in production a missing key is an error at first use.
 */
import crypto from "node:crypto";

const DEVELOPMENT_KEY = "iop-portalen-development-personal-number-key";

function hashKey(): string {
  // Through a variable: the Remix build inlines a literal process.env.NODE_ENV as "production".
  const env = process.env;
  const key = env.PERSONAL_NUMBER_HASH_SECRET;
  if (key) return key;
  if (env.NODE_ENV === "production" && env.DEV_IDENTITY_PROVIDER !== "true") {
    throw new Error("PERSONAL_NUMBER_HASH_SECRET is not set");
  }
  return DEVELOPMENT_KEY;
}

/**
 * The canonical 12-digit form YYYYMMDDNNNN, or null when the input is not a valid personnummer
 * (or samordningsnummer, day + 60). Accepts "198001011234", "19800101-1234", "800101-1234".
 */
export function canonicalPersonalNumber(input: string): string | null {
  const compact = input.trim().replace(/[\s+-]/gu, "");
  let digits: string;
  if (/^\d{12}$/u.test(compact)) digits = compact;
  else if (/^\d{10}$/u.test(compact)) {
    // Ten digits: the century is the one that makes the person at most 100 years old ("+" is not kept).
    const yy = Number(compact.slice(0, 2));
    const nowYear = new Date().getFullYear();
    const century = yy > nowYear % 100 ? Math.floor(nowYear / 100) - 1 : Math.floor(nowYear / 100);
    digits = `${century}${compact}`;
  } else return null;
  const month = Number(digits.slice(4, 6));
  const rawDay = Number(digits.slice(6, 8));
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (!luhnValid(digits.slice(2))) return null;
  return digits;
}

function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i += 1) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The keyed hash stored for matching (user_identities, named firmatecknare). Input: any accepted form. */
export function personalNumberHash(personalNumber: string): string {
  const canonical = canonicalPersonalNumber(personalNumber);
  if (!canonical) throw new Error("not a personnummer");
  return crypto.createHmac("sha256", hashKey()).update(canonical).digest("hex");
}

/** "19800101-XXXX": the date of birth, never the last four. */
export function maskedPersonalNumber(personalNumber: string): string {
  const canonical = canonicalPersonalNumber(personalNumber);
  if (!canonical) throw new Error("not a personnummer");
  return `${canonical.slice(0, 8)}-XXXX`;
}
