/**
 * CSRF defence in depth on top of SameSite=Lax cookies: a state-changing request must come from
 * this site, as the browser tells us through Sec-Fetch-Site and Origin. Both are checked when both
 * are sent: "Sec-Fetch-Site: same-origin" with a foreign Origin is a forgery, not a same-site post.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteRequest(input: {
  method: string;
  /** The origin the request was made to (forwarded headers only from a trusted proxy). */
  requestOrigin: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** APP_URL's origin: when set, Origin must be exactly this (scheme, host and port). */
  appOrigin?: string | null;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (input.secFetchSite && input.secFetchSite !== "same-origin") return true;
  if (input.origin) return !originMatches(input.origin, input.requestOrigin, input.appOrigin ?? null);
  // Every current browser sends one of the two on a POST; a request with neither is not a
  // browser form post from this site.
  return !input.secFetchSite;
}

function originMatches(origin: string, requestOrigin: string | undefined, appOrigin: string | null): boolean {
  if (appOrigin) return origin === appOrigin;
  if (!requestOrigin) return false;
  try {
    // The host alone, as before APP_URL existed: a proxy that ends TLS without TRUST_PROXY still
    // makes the request look like plain http.
    return new URL(origin).host === new URL(requestOrigin).host;
  } catch {
    // "null" (a sandboxed frame, a redirect from elsewhere) or garbage.
    return false;
  }
}
