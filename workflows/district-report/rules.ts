/**
 * The yearly report's rule table: null when allowed, otherwise the Swedish
 * reason. Guards are derived from it and explainRefusal reads it, as in the
 * partnership machine, so the machine and the UI always agree.
 */
import { attesterProblem } from "../partnership/attestation";
import { dayOf, isCalendarDate, isNonEmptyText, isTimestamp } from "../partnership/dates";
import { districtReportRefusal as refusal } from "./messages";
import type {
  DistrictReportContext,
  DistrictReportEvent,
  DistrictReportEventOf,
  DistrictReportEventType,
  DistrictReportStepParams,
} from "./types";

export interface DistrictReportRule<P> {
  check(context: DistrictReportContext, event: DistrictReportEvent, params: P): string | null;
}

function rule<T extends DistrictReportEventType, P = undefined>(
  events: readonly T[],
  check: (context: DistrictReportContext, event: DistrictReportEventOf<T>, params: P) => string | null,
): DistrictReportRule<P> {
  const isHandled = (event: DistrictReportEvent): event is DistrictReportEventOf<T> =>
    (events as readonly DistrictReportEventType[]).includes(event.type);
  return {
    check(context, event, params) {
      if (!event.actor || !isNonEmptyText(event.actor.userId) || !Array.isArray(event.actor.roles)) {
        return refusal.missingActor;
      }
      if (!isTimestamp(event.at)) return refusal.invalidAt;
      if (!isHandled(event)) return refusal.notPossible;
      return check(context, event, params);
    },
  };
}

function attester(context: DistrictReportContext, event: DistrictReportEvent, step: DistrictReportStepParams["step"], author: string) {
  if (context.authorId === null) return refusal.notPossible;
  return attesterProblem({ authorId: context.authorId, attestations: context.attestations }, event.actor, step, {
    author,
    headOfUnit: refusal.onlyHeadOfUnitAttests,
    districtDirector: refusal.onlyDistrictDirectorAttests,
    twice: refusal.attestedTwice,
  });
}

export const districtReportRules = {
  canSubmitReport: rule(["SUBMIT_FOR_ATTESTATION"], (_context, event) =>
    event.actor.roles.includes("caseworker") ? null : refusal.onlyCaseworkerSubmits,
  ),

  canAttestReport: rule<"ATTEST", DistrictReportStepParams>(["ATTEST"], (context, event, { step }) =>
    attester(context, event, step, refusal.authorCannotAttest),
  ),

  canReturnReport: rule<"RETURN", DistrictReportStepParams>(["RETURN"], (context, event, { step }) => {
    const problem = attester(context, event, step, refusal.authorCannotReturn);
    if (problem) return problem;
    return isNonEmptyText(event.comment) ? null : refusal.returnComment;
  }),

  canFileReport: rule(["FILE"], (context, event) => {
    if (!event.actor.roles.includes("registrar")) return refusal.onlyRegistrarFiles;
    if (!isCalendarDate(event.meetingDate)) return refusal.meetingDate;
    if (event.meetingDate > dayOf(event.at)) return refusal.meetingDateInFuture;
    const attested = context.attestations.at(-1)?.at;
    if (attested && event.meetingDate < dayOf(attested)) return refusal.meetingBeforeAttestation;
    return isNonEmptyText(event.paragraph) ? null : refusal.paragraph;
  }),
};

export type DistrictReportRuleName = keyof typeof districtReportRules;
