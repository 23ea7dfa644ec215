import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./utils/nonce";
import { noteIfDatabaseUnavailable } from "./utils/database-unavailable.server";
import { connectionErrorCode } from "../db/errors";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = htmlBody();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

// Errors are logged with their message and stack only: request data (forms, cookies) never is.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  // The server answers 503 for these; one line, not a stack per request during an outage.
  if (noteIfDatabaseUnavailable(error)) {
    console.error(`Databasen kunde inte nås (${connectionErrorCode(error) ?? "okänt fel"})`);
    return;
  }
  if (error instanceof Error) console.error(`${error.name}: ${error.message}\n${error.stack ?? ""}`);
  else if (!(error instanceof Response)) console.error("Unknown error");
};

/**
 * The HTML on its way out, with two fixes. React 18's streaming renderer flushes its whole 2 KB buffer
 * even when a multi-byte character (ö, –) did not fit at the end, so NUL bytes leak into the page
 * (facebook/react#26228, fixed only in React 19); HTML never contains NUL, so they are dropped. And
 * React writes a page as some twenty 2 KB pieces in one go, each of which would otherwise pass through
 * gzip with a flush of its own and leave in a socket write of its own (a queue page cost 3 ms more
 * that way, bench/queues.ts): pieces written in the same turn of the event loop leave together.
 */
function htmlBody() {
  let pending: Uint8Array[] = [];
  let scheduled = false;
  const sendPending = (stream: Transform) => {
    if (pending.length > 0) stream.push(pending.length === 1 ? pending[0] : Buffer.concat(pending));
    pending = [];
  };
  const body = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      pending.push(chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          sendPending(body);
        });
      }
      callback();
    },
    flush(callback) {
      sendPending(body);
      callback();
    },
  });
  return body;
}
