/**
 * The load: signed-in caseworkers on both app servers, each handing their cases back and forth
 * between two caseworkers (REASSIGN, two e-mails per transition) and reading case pages and the
 * queue. A small balancer in front does what a load balancer would: round robin over the servers it
 * believes are up, a connection refused takes a server out (and the request goes to the other one,
 * since it never arrived), /healthz brings it back.
 */
export type RequestKind = "read" | "write";

export interface RequestRecord {
  startedAt: number;
  endedAt: number;
  server: string;
  kind: RequestKind;
  ok: boolean;
  detail: string;
}

export interface Acknowledged {
  caseId: string;
  revision: number;
  at: number;
}

interface Upstream {
  name: string;
  origin: string;
  up: boolean;
  inFlight: Map<RequestKind, number>;
}

const errorCode = (error: unknown): string => {
  let current: unknown = error;
  for (let i = 0; i < 4 && current && typeof current === "object"; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.name : "error";
};

export class Balancer {
  readonly upstreams: Upstream[];
  readonly records: RequestRecord[] = [];
  private turn = 0;
  private probing: NodeJS.Timeout;

  constructor(servers: { name: string; origin: string }[]) {
    this.upstreams = servers.map((s) => ({ ...s, up: true, inFlight: new Map() }));
    this.probing = setInterval(() => void this.probe(), 500);
  }

  private async probe() {
    for (const u of this.upstreams.filter((x) => !x.up)) {
      try {
        const r = await fetch(`${u.origin}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (r.status === 200) u.up = true;
      } catch {
        // still down
      }
    }
  }

  inFlight(name: string, kind: RequestKind): number {
    return this.upstreams.find((u) => u.name === name)?.inFlight.get(kind) ?? 0;
  }

  private pick(exclude?: Upstream): Upstream {
    const candidates = this.upstreams.filter((u) => u.up && u !== exclude);
    const pool = candidates.length > 0 ? candidates : this.upstreams.filter((u) => u !== exclude);
    return pool[this.turn++ % pool.length]!;
  }

  /** One request through the balancer; `accept` says whether the answer is the one a user expects. */
  async send(
    kind: RequestKind,
    path: string,
    init: { cookie: string; form?: Record<string, string> },
    accept: (status: number, body: string) => boolean,
  ): Promise<{ ok: boolean; body: string; status: number }> {
    const startedAt = Date.now();
    let upstream = this.pick();
    for (let attempt = 0; ; attempt++) {
      const count = (d: number) => upstream.inFlight.set(kind, (upstream.inFlight.get(kind) ?? 0) + d);
      count(1);
      try {
        const headers: Record<string, string> = { cookie: init.cookie };
        let body: string | undefined;
        if (init.form) {
          headers["content-type"] = "application/x-www-form-urlencoded";
          headers.origin = upstream.origin;
          body = new URLSearchParams(init.form).toString();
        }
        const response = await fetch(`${upstream.origin}${path}`, {
          method: init.form ? "POST" : "GET",
          headers,
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        const ok = accept(response.status, text);
        this.records.push({ startedAt, endedAt: Date.now(), server: upstream.name, kind, ok, detail: ok ? "" : `HTTP ${response.status}` });
        return { ok, body: text, status: response.status };
      } catch (error) {
        const code = errorCode(error);
        // Refused: the request never reached a server, so it may go to another one (as a balancer does).
        if (code === "ECONNREFUSED") {
          upstream.up = false;
          if (attempt === 0 && this.upstreams.some((u) => u.up)) {
            upstream = this.pick(upstream);
            continue;
          }
        }
        this.records.push({ startedAt, endedAt: Date.now(), server: upstream.name, kind, ok: false, detail: code });
        return { ok: false, body: "", status: 0 };
      } finally {
        count(-1);
      }
    }
  }

  close() {
    clearInterval(this.probing);
  }
}

export interface Caseworker {
  cookie: string;
  districtCode: string;
  caseIds: string[];
}

const REVISION = /name="expectedRevision" value="(\d+)"/;
const OTHER_CASEWORKER = /<select[^>]*name="caseworkerId"[\s\S]*?<option value="([0-9a-f-]{36})"/;
const REASSIGNED = "Ärendet har fått en ny handläggare.";

/** One person working: read the case, hand it to the other caseworker, now and then look at the queue. */
export async function work(
  lb: Balancer,
  person: Caseworker,
  acknowledged: Acknowledged[],
  shouldStop: () => boolean,
  paceMs: number,
): Promise<void> {
  let i = 0;
  const base = `/forvaltning/${person.districtCode.toLowerCase()}/arenden`;
  while (!shouldStop()) {
    const caseId = person.caseIds[i++ % person.caseIds.length]!;
    const path = `${base}/${caseId}`;
    const page = await lb.send("read", path, { cookie: person.cookie }, (s, b) => s === 200 && REVISION.test(b));
    const revision = page.ok ? Number(REVISION.exec(page.body)![1]) : NaN;
    const other = page.ok ? OTHER_CASEWORKER.exec(page.body)?.[1] : undefined;
    if (page.ok && other) {
      const form = { intent: "reassign", expectedRevision: String(revision), caseworkerId: other };
      const post = await lb.send("write", path, { cookie: person.cookie, form }, (s, b) => s === 200 && b.includes(REASSIGNED));
      if (post.ok) acknowledged.push({ caseId, revision: revision + 1, at: Date.now() });
    }
    if (i % 5 === 0) await lb.send("read", base, { cookie: person.cookie }, (s) => s === 200);
    await new Promise((r) => setTimeout(r, paceMs));
  }
}
