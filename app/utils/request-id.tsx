import { createContext, useContext } from "react";
import { useLocation } from "@remix-run/react";

/**
 * The id of the request that rendered this document (server/app.ts, also in X-Request-Id), so an
 * error page can show it and a visitor can quote it. The browser reads the same id back from the
 * page's meta tag, so hydration agrees with the server.
 */
export const RequestIdContext = createContext<string>("");

export function RequestIdMeta() {
  const id = useContext(RequestIdContext);
  return id ? <meta name="request-id" content={id} /> : null;
}

/** The id, as long as the page shown is the one the server rendered (not after navigating on). */
export function RequestIdNote() {
  const id = useContext(RequestIdContext);
  const location = useLocation();
  if (!id || location.key !== "default") return null;
  return (
    <p>
      Felkod: <strong>{id}</strong>. Uppge den om du kontaktar oss.
    </p>
  );
}

export function requestIdFromDocument(): string {
  return document.querySelector('meta[name="request-id"]')?.getAttribute("content") ?? "";
}
