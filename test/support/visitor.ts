/** A browser-like client for the HTTP tests: keeps its cookie, posts forms from this site. */
import { DEFAULT_TEST_PASSWORD } from "../../seed/factories";
import {
  nextSignInCode,
  recoveryCodesFromPage,
  rememberRecoveryCodes,
  rememberSecret,
  SECOND_FACTOR_PATHS,
  secretFromSetUpPage,
  setUpCode,
} from "./second-factor";

export class Visitor {
  cookie = "";
  constructor(readonly origin: string) {}

  private remember(response: Response) {
    const set = response.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.origin}${path}`, {
      redirect: "manual",
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    this.remember(response);
    return response;
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { origin?: string | null } = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    if (this.cookie) headers.cookie = this.cookie;
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (origin) headers.origin = origin;
    const response = await fetch(`${this.origin}${path}`, { method: "POST", redirect: "manual", headers, body });
    this.remember(response);
    return response;
  }

  /**
   * Signs in with a password, and for a member of staff also passes the second step as the person
   * with the app would (test/support/second-factor.ts): the first time it sets the app up from the
   * set-up page. The answer is the last step's: 302 when signed in, whatever refused it otherwise.
   */
  async logIn(email: string, password = DEFAULT_TEST_PASSWORD): Promise<Response> {
    return this.passSecondStep(email, await this.post("/logga-in", { email, password }));
  }

  /** After a post that may have sent a staff sign-in to its second step: passes it (or returns the response as it was). */
  async passSecondStep(email: string, response: Response): Promise<Response> {
    const location = response.status === 302 ? (response.headers.get("location") ?? "") : "";
    if (location === SECOND_FACTOR_PATHS.code) {
      return this.post(SECOND_FACTOR_PATHS.code, { intent: "code", code: await nextSignInCode(this.origin, email) });
    }
    if (location !== SECOND_FACTOR_PATHS.setUp) return response;
    const setUpPage = await this.get(SECOND_FACTOR_PATHS.setUp);
    if (setUpPage.status !== 200) return setUpPage;
    const secret = secretFromSetUpPage(await setUpPage.text());
    const { code, step } = await setUpCode(secret);
    const confirmed = await this.post(SECOND_FACTOR_PATHS.setUp, { intent: "confirm", code });
    if (confirmed.status !== 302) return confirmed;
    rememberSecret(this.origin, email, secret, step);
    // The recovery codes are shown once, to the browser that has the cookie carrying them.
    const shown = await fetch(`${this.origin}${SECOND_FACTOR_PATHS.recoveryCodes}`, {
      redirect: "manual",
      headers: { cookie: confirmed.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ") },
    });
    rememberRecoveryCodes(this.origin, email, recoveryCodesFromPage(await shown.text()));
    return confirmed;
  }
}

/** Visible text of an HTML page, for asserting what a person would read. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The message shown at one field ("budgetLines.0.associationAmount"), or "" when it has none. */
export function fieldErrorOf(html: string, name: string): string {
  const id = `field-${name.replace(/\./g, "-")}-error`;
  const match = new RegExp(`<p[^>]*id="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return match ? textOf(match[1]!).replace(/^Fel: /, "") : "";
}
