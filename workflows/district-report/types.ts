/**
 * Types of the yearly report to the nämnd over all of a district's IOPs
 * (seeds 001 and 002). One report per district and year. Plain JSON data, so
 * snapshots can be stored as they are.
 */
import type { AttestationStep, CalendarDate } from "../partnership/types";
import type { AttesterRole, DistrictReportRole } from "../roles";

/** The actor's roles IN THE REPORT'S DISTRICT, computed by the server. */
export interface DistrictReportActor {
  userId: string;
  roles: DistrictReportRole[];
}

interface Envelope {
  actor: DistrictReportActor;
  /** ISO 8601 with the Swedish offset; its date part is the day used in date rules. */
  at: string;
}

export type DistrictReportEvent =
  | ({ type: "SUBMIT_FOR_ATTESTATION" } & Envelope)
  | ({ type: "ATTEST" } & Envelope)
  | ({ type: "RETURN"; comment: string } & Envelope)
  /** The nämnd "lägger rapporten till handlingarna", registered by the registrator. */
  | ({ type: "FILE"; meetingDate: CalendarDate; paragraph: string } & Envelope);

export type DistrictReportEventType = DistrictReportEvent["type"];
export type DistrictReportEventOf<T extends DistrictReportEventType> = Extract<DistrictReportEvent, { type: T }>;

export interface DistrictReportAttestation {
  role: AttesterRole;
  userId: string;
  at: string;
}

export interface DistrictReportContext {
  /** Who sent the current round to attestering; null while it has never been sent. */
  authorId: string | null;
  submittedAt: string | null;
  /** Attestations of the current round; a return empties the list. */
  attestations: DistrictReportAttestation[];
  lastReturn: { role: AttesterRole; userId: string; comment: string; at: string } | null;
  filing: { meetingDate: CalendarDate; paragraph: string; registeredBy: string; registeredAt: string } | null;
}

export interface DistrictReportStepParams {
  step: AttestationStep;
}

export const DISTRICT_REPORT_TEMPLATES = [
  "district_report_ready_for_attestation",
  "district_report_returned",
  "district_report_attested",
  "district_report_filed",
] as const;
export type DistrictReportTemplate = (typeof DISTRICT_REPORT_TEMPLATES)[number];

/** Who is told, as a role in the district; `author` is whoever sent the report to attestering. */
export type DistrictReportRecipient = "author" | "headOfUnit" | "districtDirector" | "registrar";

export interface DistrictReportNotify {
  template: DistrictReportTemplate;
  to: DistrictReportRecipient[];
}

export type DistrictReportEffect = { type: "notify"; params: DistrictReportNotify };
