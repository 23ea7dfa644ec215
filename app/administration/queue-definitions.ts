/**
 * The förvaltning's work queues and the filters in their URL, shared by the page and the queries.
 * Pure: no database, so the route and the unit tests can use it.
 */
import * as z from "zod/mini";
import type { DistrictRole } from "../auth/roles";
import { ID_PATTERN } from "../domain/ids";

export const QUEUE_KEYS = ["ny", "mina", "komplettering", "attestering", "beslut", "rapporter", "alla"] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

/** One case as a queue page lists it (the query builds it, the table shows it). */
export interface QueueRow {
  id: string;
  revision: number;
  diaryNumber: string | null;
  title: string;
  state: string;
  status: string;
  organisationName: string;
  organisationNumber: string;
  /** False until a district has confirmed who signs for the förening (ADR 0028). */
  organisationVerified: boolean;
  assigneeName: string | null;
  updatedAt: string;
  nextDue: string | null;
  overdue: boolean;
  /** The queues the case is in, e.g. ["ny"]; empty for a closed case. */
  queues: QueueKey[];
  closed: boolean;
}

export const QUEUE_LABELS: Record<QueueKey, { label: string; empty: string }> = {
  ny: { label: "Nya", empty: "Inga nya ärenden väntar på en handläggare." },
  mina: { label: "Mina ärenden", empty: "Du har inga öppna ärenden." },
  komplettering: { label: "Väntar på komplettering", empty: "Inga ärenden väntar på komplettering." },
  attestering: { label: "Att attestera", empty: "Inga utlåtanden väntar på din attestering." },
  beslut: { label: "Väntar på nämndens beslut", empty: "Inga ärenden väntar på nämndens beslut." },
  rapporter: { label: "Rapporter", empty: "Inga rapporter ska lämnas." },
  alla: { label: "Alla öppna", empty: "Det finns inga öppna ärenden." },
};

/** Stages where a case is open and visible to the förvaltning (a draft is still the förening's). */
export const OPEN_STAGES = ["review", "decision", "agreement", "followUp", "finalReport"] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];

export const STAGE_LABELS: Record<OpenStage, string> = {
  review: "Beredning",
  decision: "Beslut",
  agreement: "Överenskommelse",
  followUp: "Uppföljning",
  finalReport: "Slutrapport",
};

/**
 * Which states each state-based queue holds. The stages are listed too: every queue query filters on
 * (district_id, stage), which the index cases_queue_covering serves.
 */
export const QUEUE_STATES = {
  ny: { stages: ["review"], states: ["review.unassigned"] },
  komplettering: {
    stages: ["review", "followUp"],
    states: ["review.awaitingCompletion", "followUp.reportCompletionRequested"],
  },
  beslut: { stages: ["decision", "finalReport"], states: ["decision.awaitingBoard", "finalReport.awaitingBoard"] },
  rapporter: { stages: ["followUp", "finalReport"], states: null },
} as const;

/** The attestation states that wait for one of the person's roles. */
export function attestationStatesFor(roles: readonly DistrictRole[]): string[] {
  const states: string[] = [];
  if (roles.includes("head_of_unit")) {
    states.push("review.attestation.awaitingHeadOfUnit", "finalReport.attestation.awaitingHeadOfUnit");
  }
  if (roles.includes("district_director")) {
    states.push("review.attestation.awaitingDistrictDirector", "finalReport.attestation.awaitingDistrictDirector");
  }
  return states;
}

export const REPORT_DEADLINE_KINDS = ["report", "finalReport"] as const;

export const SORTS = {
  uppdaterad: { label: "Senast ändrad först", direction: "desc" },
  diarienummer: { label: "Diarienummer", direction: "asc" },
  frist: { label: "Närmaste frist först", direction: "asc" },
} as const;
export type SortKey = keyof typeof SORTS;

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Skriv datumet som ÅÅÅÅ-MM-DD."));
const uuid = z.string().check(z.regex(ID_PATTERN, "Okänt val."));

/** What the URL's query may say. Anything unknown or malformed is dropped, never an error page. */
export const queueQuerySchema = z.object({
  ko: z.optional(z.enum(QUEUE_KEYS)),
  skede: z.optional(z.enum(OPEN_STAGES)),
  handlaggare: z.optional(z.union([uuid, z.literal("ingen")])),
  utlysning: z.optional(uuid),
  omrade: z.optional(uuid),
  ar: z.optional(z.string().check(z.regex(/^\d{4}$/))),
  fristFore: z.optional(date),
  sok: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  sortera: z.optional(z.enum(Object.keys(SORTS) as [SortKey, ...SortKey[]])),
  efter: z.optional(z.string().check(z.maxLength(40))),
  efterId: z.optional(uuid),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/** Reads the query string field by field, so one bad value does not throw away the others. */
export function readQueueQuery(params: URLSearchParams): QueueQuery {
  const query: Record<string, string> = {};
  for (const key of Object.keys(queueQuerySchema.shape)) {
    // NUL and other control characters cannot be in any value we look for (PostgreSQL refuses NUL in
    // text outright), so they are dropped rather than turned into an error page.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const value = params.get(key)?.replace(/[\u0000-\u001f\u007f]/g, "") ?? null;
    if (value === null || value.trim() === "") continue;
    const single = queueQuerySchema.shape[key as keyof QueueQuery].safeParse(value);
    if (single.success && single.data !== undefined) query[key] = String(single.data);
  }
  return query as QueueQuery;
}

/** The default sort of a queue: reports by due date, everything else by last change. */
export const defaultSort = (queue: QueueKey): SortKey => (queue === "rapporter" ? "frist" : "uppdaterad");

/** A query string for a link: the current filters with some keys changed or removed. */
export function queueHref(base: string, query: QueueQuery, change: Partial<Record<keyof QueueQuery, string | null>>) {
  const params = new URLSearchParams();
  const merged: Record<string, string | null | undefined> = { ...query, ...change };
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
