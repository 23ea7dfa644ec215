/**
 * Values worked out once per HTTP request and shared by every loader of that request. A page runs
 * four or five nested loaders, each of which needs the signed-in user; without this each one would
 * check the session and load the user again (bench/queues.ts: about 12 queries a page).
 *
 * The Express server opens the scope; the Remix build is a separate bundle, so the store lives on
 * a global symbol that both copies of this module find.
 */
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = Map<string, Promise<unknown>>;
const KEY = Symbol.for("iop-portalen.request-scope");
const global = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Scope> };
const storage = (global[KEY] ??= new AsyncLocalStorage<Scope>());

/** Runs one request's handling with its own, empty scope. */
export function runInRequestScope<T>(handle: () => T): T {
  return storage.run(new Map(), handle);
}

/**
 * The value for `key` in this request, computed on first use. Outside a request scope (tests calling
 * use cases directly, scripts) nothing is kept.
 */
export function oncePerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  if (!scope) return compute();
  let value = scope.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    scope.set(key, value);
  }
  return value;
}
