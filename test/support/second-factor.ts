/**
 * The authenticator app of the test suite: what a member of staff's phone would do in a staff password
 * sign-in (ADR 0027). It reads the secret from the set-up page as a person typing it by hand would,
 * remembers it per portal and account (module-level, so every Visitor and page in a test file shares
 * it), and makes the codes. A code opens one sign-in only, so for a quick second sign-in in the same
 * 30 seconds it uses the next step (inside the window the portal accepts), then a recovery code, and
 * only when those run out waits for the clock.
 */
import { checkTotpCode, timeStep, totpCodeAt, TOTP_PERIOD_SECONDS, TOTP_WINDOW } from "../../app/auth/totp.server";

interface Phone {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}

const phones = new Map<string, Phone>();
const keyOf = (origin: string, email: string) => `${origin} ${email.toLowerCase()}`;

export const SECOND_FACTOR_PATHS = {
  code: "/logga-in/kod",
  setUp: "/logga-in/tvastegsverifiering",
  recoveryCodes: "/logga-in/aterstallningskoder",
} as const;

/** The secret as the set-up page shows it for typing by hand, without the spaces. */
export function secretFromSetUpPage(html: string): string {
  const match = /<code[^>]*id="totp-secret"[^>]*>([\s\S]*?)<\/code>/u.exec(html);
  if (!match) throw new Error("no secret on the set-up page");
  return match[1]!.replace(/\s+/gu, "");
}

export function recoveryCodesFromPage(html: string): string[] {
  const list = /<ul[^>]*class="recovery-codes"[^>]*>([\s\S]*?)<\/ul>/u.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<code>([^<]+)<\/code>/gu)].map((m) => m[1]!);
}

/** Remembers a newly set-up account's secret (the step its confirming code used counts as spent). */
export function rememberSecret(origin: string, email: string, secret: string, usedStep: number) {
  phones.set(keyOf(origin, email), { secret, lastStep: usedStep, recoveryCodes: [] });
}

export function rememberRecoveryCodes(origin: string, email: string, codes: string[]) {
  const phone = phones.get(keyOf(origin, email));
  if (phone) phone.recoveryCodes = codes;
}

export function knownSecret(origin: string, email: string): string | undefined {
  return phones.get(keyOf(origin, email))?.secret;
}

/** Forget an account (its second factor was reset): the next sign-in sets it up again. */
export function forgetSecret(origin: string, email: string) {
  phones.delete(keyOf(origin, email));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits out the last second of a time step, so a code is not checked a step later than it was made. */
async function awayFromStepEdge() {
  const intoStep = Date.now() % (TOTP_PERIOD_SECONDS * 1000);
  if (intoStep > TOTP_PERIOD_SECONDS * 1000 - 1500) await sleep(TOTP_PERIOD_SECONDS * 1000 - intoStep + 50);
}

/** A code for a first confirmation: the one the app shows now. */
export async function setUpCode(secret: string): Promise<{ code: string; step: number }> {
  await awayFromStepEdge();
  const step = timeStep(Date.now());
  return { code: totpCodeAt(secret, step), step };
}

/** The next code the portal will take for this account: a fresh time step, or else a recovery code. */
export async function nextSignInCode(origin: string, email: string): Promise<string> {
  const phone = phones.get(keyOf(origin, email));
  if (!phone) throw new Error(`no second factor remembered for ${email}: was it set up in this test file?`);
  await awayFromStepEdge();
  let now = timeStep(Date.now());
  if (phone.lastStep >= now + TOTP_WINDOW) {
    const recovery = phone.recoveryCodes.shift();
    if (recovery) return recovery;
    await sleep((phone.lastStep - TOTP_WINDOW + 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now() + 50);
    now = timeStep(Date.now());
  }
  const step = Math.max(now - TOTP_WINDOW, phone.lastStep + 1);
  phone.lastStep = step;
  const code = totpCodeAt(phone.secret, step);
  // The portal's own check, as a guard against the helper drifting from it.
  if (!checkTotpCode({ secret: phone.secret, code, nowMs: Date.now(), lastUsedStep: step - 1 }).ok) {
    throw new Error("the test's authenticator made a code the portal would refuse");
  }
  return code;
}
