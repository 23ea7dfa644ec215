/**
 * Concrete events for the graph traversal: every valid event of the
 * lifecycle plus alternatives (other signers, returns, rejections) and
 * deliberately invalid ones, so that the traversal also checks refusals.
 */
import type { PartnershipEvent, PartnershipSnapshot } from "../../workflows";
import { A, E, ev } from "./helpers";

export const VALID_SAMPLES: PartnershipEvent[] = [
  ...Object.values(E),
  ev("REASSIGN", A.caseworker, "2025-06-02", { caseworkerId: "cw-1" }),
  ev("SIGN", A.director, "2025-04-06"),
  ev("WITHDRAW", A.signatory, "2025-02-02"),
  ev("SUBMIT_FOR_ATTESTATION", A.caseworker, "2026-08-01", { renegotiate: false }),
];

export const INVALID_SAMPLES: PartnershipEvent[] = [
  ev("SUBMIT", A.caseworker, "2025-02-01"),
  ev("TAKE", A.applicant, "2025-02-03"),
  ev("REQUEST_COMPLETION", A.otherCaseworker, "2025-02-04", { message: "Bifoga budget.", dueDate: "2025-02-18" }),
  ev("REQUEST_COMPLETION", A.caseworker, "2025-02-04", { message: "Bifoga budget.", dueDate: "2025-02-04" }),
  ev("ATTEST", actor2("cw-1", "caseworker", "head_of_unit", "district_director"), "2025-03-03"),
  ev("RETURN", A.headOfUnit, "2025-03-03", { comment: "  " }),
  ev("REGISTER_DECISION", A.registrar, "2025-03-20", { meetingDate: "2025-03-20", paragraph: "§ 13", outcome: "rejected" }),
  ev("SIGN", A.caseworker, "2025-04-05"),
  ev("EXTEND", A.caseworker, "2026-03-01", { newEndDate: "2027-04-30", addedReportDueDates: ["2027-03-31"] }),
  ev("PERIOD_ELAPSED", A.system, "2026-04-30"),
  ev("WITHDRAW", A.caseworker, "2025-03-10"),
  ev("REGISTER_FINAL_APPROVAL", A.registrar, "2026-09-15", { meetingDate: "2026-09-16", paragraph: "§ 7" }),
];

function actor2(userId: string, ...roles: PartnershipEvent["actor"]["roles"]) {
  return { userId, roles };
}

export const SAMPLES = [...VALID_SAMPLES, ...INVALID_SAMPLES];

/**
 * Graph vertices: the state value plus only what later guards can tell apart
 * (who holds the case, who has attested or signed, the agreement's dates and
 * periods). History such as timestamps, comments and version counters is left
 * out; otherwise every order of events would be its own vertex and the graph
 * would have tens of thousands of them. Paths stay real: each step is a real
 * transition from the snapshot stored for its vertex.
 */
export function serializeForGraph(snapshot: Pick<PartnershipSnapshot, "value" | "context" | "status">): string {
  const c = snapshot.context;
  if (snapshot.status !== "active") return JSON.stringify({ value: snapshot.value, outcome: c.outcome });
  const statement = (s: typeof c.applicationStatement) =>
    s && { author: s.authorId, attesters: s.attestations.map((a) => a.userId), renegotiate: s.renegotiate };
  return JSON.stringify({
    value: snapshot.value,
    assigned: c.assignedCaseworkerId,
    application: statement(c.applicationStatement),
    final: statement(c.finalStatement),
    signed: [c.signatures.association?.userId ?? null, c.signatures.administration?.userId ?? null],
    agreement: c.agreement && {
      endDate: c.agreement.endDate,
      periods: c.agreement.reportDueDates.length,
      extensionAllowed: c.agreement.extensionAllowed,
    },
    period: c.currentPeriodIndex,
    terminated: c.termination !== null,
  });
}
