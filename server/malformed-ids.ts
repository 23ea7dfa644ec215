/**
 * One check for every route param that names a record (`caseId`, `organisationId`, `attachmentId`,
 * `id`): a value that is not a uuid PostgreSQL accepts is answered as an unknown page (404) before
 * any loader, action or authorisation runs. Without it each route had to remember `isId` itself, and
 * one that forgot turned `/forening/arenden/<36 zeros>` into a 500. Checking the shape first reveals
 * nothing: a malformed id cannot name anything, whoever asks.
 */
import type { NextFunction, Request, Response } from "express";
import type { ServerBuild } from "@remix-run/node";
import { isId } from "../app/domain/ids";

const ID_PARAM = /^(id|[a-z]+Id)$/;
/** A path no route has: the splat route renders the Swedish "Sidan finns inte" page with 404. */
export const NOT_FOUND_PATH = "/finns-inte/felaktig-adress";

type Segment = { param: string } | { literal: string };

function fullPath(routes: ServerBuild["routes"], id: string): string {
  const route = routes[id];
  if (!route) return "";
  const own = route.path ?? "";
  const parent = route.parentId ? fullPath(routes, route.parentId) : "";
  return [parent, own].filter(Boolean).join("/");
}

export function idRoutePatterns(routes: ServerBuild["routes"]): Segment[][] {
  const patterns = new Map<string, Segment[]>();
  for (const id of Object.keys(routes)) {
    const path = fullPath(routes, id);
    if (path.includes("*") || path.includes("?")) continue;
    const segments = path.split("/").filter(Boolean).map((s): Segment => (s.startsWith(":") ? { param: s.slice(1) } : { literal: s }));
    patterns.set(path, segments);
  }
  return [...patterns.values()];
}

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/** True when the best-matching route (most literal segments, as Remix ranks them) has a malformed id. */
export function hasMalformedId(patterns: Segment[][], pathname: string): boolean {
  const segments = pathname.replace(/\.data$/, "").split("/").filter(Boolean).map(decode);
  let best: { literals: number; bad: boolean } | null = null;
  for (const pattern of patterns) {
    if (pattern.length !== segments.length) continue;
    let literals = 0;
    let bad = false;
    let matches = true;
    pattern.forEach((part, i) => {
      const value = segments[i];
      if ("literal" in part) {
        if (value?.toLowerCase() === part.literal.toLowerCase()) literals += 1;
        else matches = false;
      } else if (ID_PARAM.test(part.param) && !isId(value)) bad = true;
    });
    if (matches && (!best || literals > best.literals)) best = { literals, bad };
  }
  return best?.bad ?? false;
}

export function malformedIdGuard(build: ServerBuild) {
  const patterns = idRoutePatterns(build.routes).filter((p) => p.some((s) => "param" in s && ID_PARAM.test(s.param)));
  return (req: Request, _res: Response, next: NextFunction) => {
    if (hasMalformedId(patterns, req.path)) {
      // Answered by the app's own 404 page (status, layout and text as for any unknown address).
      const target = req.path.endsWith(".data") ? `${NOT_FOUND_PATH}.data` : NOT_FOUND_PATH;
      req.url = target;
      req.originalUrl = target;
    }
    next();
  };
}
