/**
 * The route pattern a path belongs to ("/inbjudan/:token"), for the log: a path may carry a token
 * that signs someone in or an id, a pattern never does. Paths no route has are logged as "/*".
 */
import type { ServerBuild } from "@remix-run/node";
import { idRoutePatterns } from "./malformed-ids";

export function routePatternFinder(build: ServerBuild): (path: string) => string {
  const patterns = idRoutePatterns(build.routes);
  return (path) => {
    if (path.startsWith("/build/")) return "/build/*";
    const segments = path.split("/").filter(Boolean);
    let best: { pattern: string; literals: number } | undefined;
    for (const pattern of patterns) {
      if (pattern.length !== segments.length) continue;
      let literals = 0;
      const fits = pattern.every((segment, i) => {
        if ("param" in segment) return true;
        literals++;
        return segment.literal === segments[i];
      });
      if (fits && (!best || literals > best.literals)) {
        best = {
          pattern: `/${pattern.map((s) => ("param" in s ? `:${s.param}` : s.literal)).join("/")}`,
          literals,
        };
      }
    }
    return best?.pattern ?? "/*";
  };
}
