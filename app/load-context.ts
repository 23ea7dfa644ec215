/** What the HTTP server hands every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address as the server sees it (after TRUST_PROXY), for the login throttle. */
    clientAddress: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
