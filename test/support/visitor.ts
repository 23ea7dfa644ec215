/** A browser-like client for the HTTP tests: keeps its cookie, posts forms from this site. */
import { DEFAULT_TEST_PASSWORD } from "../../seed/factories";

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

  async logIn(email: string, password = DEFAULT_TEST_PASSWORD): Promise<Response> {
    return this.post("/logga-in", { email, password });
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
