/**
 * Remembers, for one request, that the database could not be reached. Remix catches a loader's
 * error and renders an error page with status 500 before the server sees it; the server then
 * answers 503 "try again shortly" instead (server/app.ts). The Remix build is a separate bundle,
 * so the store lives on a global symbol that both copies of this module find.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { isConnectionError } from "../../db/errors";

interface Outage {
  unavailable: boolean;
}
const KEY = Symbol.for("iop-portalen.database-outage");
const global = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Outage> };
const storage = (global[KEY] ??= new AsyncLocalStorage<Outage>());

export function runWatchingForOutage<T>(handle: () => T): T {
  return storage.run({ unavailable: false }, handle);
}

/** Called with every error Remix catches; notes connection errors. */
export function noteIfDatabaseUnavailable(error: unknown): boolean {
  if (!isConnectionError(error)) return false;
  const outage = storage.getStore();
  if (outage) outage.unavailable = true;
  return true;
}

export function databaseWasUnavailable(): boolean {
  return storage.getStore()?.unavailable ?? false;
}

export const RETRY_AFTER_SECONDS = 15;

export const UNAVAILABLE_PAGE = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tjänsten är tillfälligt otillgänglig – IOP-portalen</title>
</head>
<body>
<main>
<h1>Tjänsten är tillfälligt otillgänglig</h1>
<p>IOP-portalen kan inte nå sina uppgifter just nu. Försök igen om en liten stund.</p>
<p>Det du redan har sparat finns kvar. Skickade du in ett formulär nyss, kontrollera efteråt att det kom fram.</p>
</main>
</body>
</html>
`;
