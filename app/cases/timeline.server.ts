/** A case's history from the audit trail, as each side may read it. */
import { asc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { caseEvents, users } from "../../db/schema";
import type { Side } from "./status-text";

/** Steps only the förvaltning sees: its internal preparation and attestation. */
const INTERNAL_EVENTS = new Set(["START_ASSESSMENT", "SUBMIT_FOR_ATTESTATION", "ATTEST", "RETURN", "START_FINAL_ASSESSMENT", "TAKE", "ASSIGN", "REASSIGN"]);

const LABELS: Record<string, string> = {
  CREATED: "Ansökan påbörjades",
  RENEGOTIATION_OPENED: "Nytt ärende öppnat för omförhandling",
  SUBMIT: "Ansökan skickades in",
  WITHDRAW: "Ansökan drogs tillbaka",
  TAKE: "Handläggare tog ärendet",
  ASSIGN: "Ärendet fördelades till en handläggare",
  REASSIGN: "Ärendet fick en ny handläggare",
  REQUEST_COMPLETION: "Komplettering begärdes",
  RESUBMIT: "Kompletterad ansökan skickades in",
  START_ASSESSMENT: "Bedömningen påbörjades",
  SUBMIT_FOR_ATTESTATION: "Tjänsteutlåtandet skickades till attestering",
  ATTEST: "Tjänsteutlåtandet attesterades",
  RETURN: "Tjänsteutlåtandet skickades tillbaka",
  REGISTER_DECISION: "Nämndens beslut registrerades",
  SEND_FOR_SIGNING: "Överenskommelsen skickades för underskrift",
  RETURN_TO_DRAFTING: "Överenskommelsen togs tillbaka för ändringar",
  SIGN: "Överenskommelsen skrevs under",
  SUBMIT_REPORT: "Rapporten lämnades",
  REQUEST_REPORT_COMPLETION: "Komplettering av rapporten begärdes",
  RESUBMIT_REPORT: "Kompletterad rapport lämnades",
  APPROVE_REPORT: "Rapporten godkändes",
  EXTEND: "Överenskommelsen förlängdes",
  TERMINATE: "Beslut om att överenskommelsen upphör",
  PERIOD_ELAPSED: "Överenskommelsens period gick ut",
  SUBMIT_FINAL_REPORT: "Slutrapporten lämnades",
  START_FINAL_ASSESSMENT: "Bedömningen av slutrapporten påbörjades",
  REGISTER_FINAL_APPROVAL: "Nämnden godkände slutrapporten",
};

export interface TimelineEntry {
  revision: number;
  at: Date;
  eventType: string;
  label: string;
  actorName: string | null;
  comment: string | null;
}

export async function loadTimeline(caseId: string, side: Side): Promise<TimelineEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({
      revision: caseEvents.revision,
      at: caseEvents.createdAt,
      eventType: caseEvents.eventType,
      comment: caseEvents.comment,
      actorName: users.name,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.revision));
  return rows
    .filter((r) => side === "administration" || !INTERNAL_EVENTS.has(r.eventType))
    .map((r) => ({
      revision: r.revision,
      at: r.at,
      eventType: r.eventType,
      label: LABELS[r.eventType] ?? r.eventType,
      // The förening sees who at the förvaltning acted only by role, not by name.
      actorName: side === "administration" ? r.actorName : null,
      comment: r.comment,
    }));
}
