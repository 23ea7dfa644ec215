/** drizzle wraps driver errors ("Failed query: …"); the PostgreSQL code sits on `cause` (or on the error). */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const c = current as { constraint?: unknown; constraint_name?: unknown };
    const name = c.constraint ?? c.constraint_name;
    if (typeof name === "string") return name;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = "23505";

// The database cannot be reached or dropped the connection: nothing the request did wrong, so the
// visitor gets "try again shortly" (503), and a read may be tried once more.
const CONNECTION_ERROR_CODES = new Set([
  // Node sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // PostgreSQL: admin/crash shutdown, cannot connect now, connection failures
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** The code that made `isConnectionError` true (for the log: a code, never a query or its parameters). */
export function connectionErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return code;
    if (current instanceof AggregateError) return current.errors.map(connectionErrorCode).find(Boolean);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
    // Several connection attempts failing together (IPv4 and IPv6) arrive as one AggregateError.
    if (current instanceof AggregateError && current.errors.some((e) => isConnectionError(e))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs an idempotent read, and once more if the first try lost its connection: after a PostgreSQL
 * restart the pool's first query often meets a connection that died, while a fresh one works.
 */
export async function retryReadOnConnectionError<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return read();
  }
}
