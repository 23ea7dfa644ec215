/**
 * The error page every route shows in its own place (exported as each route's ErrorBoundary), so the
 * header and the area's navigation above it stay, and the Swedish message a loader or action gave
 * (`forbidden("Den här delen av portalen är för föreningar.")`, "Det finns ingen inskickad rapport för
 * den perioden.") is what the visitor reads. A bare "Not found" from a record check says nothing more
 * than the heading and is left out, so another förening's case reads exactly like an unknown one.
 */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { RequestIdNote } from "../utils/request-id";

const ERROR_TEXTS: Record<number, { title: string; text: string }> = {
  403: {
    title: "Du har inte behörighet",
    text: "Sidan hör till en annan förening, en annan stadsdelsförvaltning eller en annan roll än din.",
  },
  404: { title: "Sidan finns inte", text: "Kontrollera adressen, eller gå tillbaka till startsidan." },
  500: {
    title: "Något gick fel",
    text: "Ett fel uppstod hos oss. Det du redan har sparat finns kvar. Försök igen om en stund.",
  },
};

/** HTTP's own English words, which some checks throw as the body: no message of ours. */
const PLACEHOLDERS = new Set(["not found", "forbidden", "method not allowed", "bad request", "internal server error"]);

/** The message given with the error, when it is one written for the visitor. */
export function visitorMessage(data: unknown, title: string): string | null {
  if (typeof data !== "string") return null;
  const message = data.trim();
  if (message === "" || message.length > 300 || PLACEHOLDERS.has(message.toLowerCase())) return null;
  // "Sidan finns inte." under the heading "Sidan finns inte" says it twice.
  if (message.replace(/\.$/u, "") === title) return null;
  return message;
}

export function RouteError() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, text } = ERROR_TEXTS[status] ?? ERROR_TEXTS[500]!;
  // Only statuses we answer on purpose carry a message; a crash's text is never shown.
  const message = isRouteErrorResponse(error) && status < 500 ? visitorMessage(error.data, title) : null;
  return (
    <>
      <title>{`${title} – IOP-portalen`}</title>
      <h1>{title}</h1>
      <p>{message ?? text}</p>
      {status >= 500 ? <RequestIdNote /> : null}
      <p>
        <Link to="/">Till startsidan</Link>
      </p>
    </>
  );
}
