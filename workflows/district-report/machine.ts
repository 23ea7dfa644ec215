/**
 * The yearly report to the nämnd (seeds 001, 002): draft → attestering (the
 * same two steps as a tjänsteutlåtande) → awaiting the nämnd → filed
 * ("lagd till handlingarna"). Pure: the server drives it with
 * `transition()` and carries out the notify effects itself. The narrative
 * and the figures live in the database; the machine only keeps who did what.
 */
import { assertEvent, assign, setup } from "xstate";
import { ATTESTER_ROLE, twoStepAttestation } from "../partnership/attestation";
import type { AttestationStep } from "../partnership/types";
import { districtReportRules, type DistrictReportRule, type DistrictReportRuleName } from "./rules";
import type {
  DistrictReportContext,
  DistrictReportEvent,
  DistrictReportNotify,
  DistrictReportRecipient,
  DistrictReportStepParams,
  DistrictReportTemplate,
} from "./types";

export const DISTRICT_REPORT_MACHINE_VERSION = 1;

type GuardInput = { context: DistrictReportContext; event: DistrictReportEvent };
type RuleParams<K extends DistrictReportRuleName> = (typeof districtReportRules)[K] extends DistrictReportRule<infer P> ? P : never;

function ruleGuard<K extends DistrictReportRuleName>(name: K) {
  const rule = districtReportRules[name] as DistrictReportRule<RuleParams<K>>;
  return ({ context, event }: GuardInput, params: RuleParams<K>) => rule.check(context, event, params) === null;
}

type Reducer<P> = (context: DistrictReportContext, event: DistrictReportEvent, params: P) => Partial<DistrictReportContext>;
const update = <P = undefined>(reducer: Reducer<P>) =>
  assign<DistrictReportContext, DistrictReportEvent, P, DistrictReportEvent, never>(({ context, event }, params) =>
    reducer(context, event, params),
  );

export const districtReportSetup = setup({
  types: {
    context: {} as DistrictReportContext,
    events: {} as DistrictReportEvent,
  },
  guards: {
    canSubmitReport: ruleGuard("canSubmitReport"),
    canAttestReport: ruleGuard("canAttestReport"),
    canReturnReport: ruleGuard("canReturnReport"),
    canFileReport: ruleGuard("canFileReport"),
  },
  actions: {
    // Carried out by the server from the returned action objects; nothing here touches the world.
    notify: (_args: unknown, _params: DistrictReportNotify) => {},

    recordSubmission: update((_context, event) => {
      assertEvent(event, "SUBMIT_FOR_ATTESTATION");
      return { authorId: event.actor.userId, submittedAt: event.at, attestations: [] };
    }),
    recordAttestation: update<DistrictReportStepParams>((context, event, { step }) => {
      assertEvent(event, "ATTEST");
      return { attestations: [...context.attestations, { role: ATTESTER_ROLE[step], userId: event.actor.userId, at: event.at }] };
    }),
    // A returned report is attested again from the first step.
    recordReturn: update<DistrictReportStepParams>((_context, event, { step }) => {
      assertEvent(event, "RETURN");
      return {
        attestations: [],
        lastReturn: { role: ATTESTER_ROLE[step], userId: event.actor.userId, comment: event.comment.trim(), at: event.at },
      };
    }),
    recordFiling: update((_context, event) => {
      assertEvent(event, "FILE");
      return {
        filing: { meetingDate: event.meetingDate, paragraph: event.paragraph.trim(), registeredBy: event.actor.userId, registeredAt: event.at },
      };
    }),
  },
});

const notify = (template: DistrictReportTemplate, ...to: DistrictReportRecipient[]) =>
  ({ type: "notify", params: { template, to } }) as const;

type StepGuard = { type: "canAttestReport" | "canReturnReport"; params: DistrictReportStepParams };
type StepAction = { type: "recordAttestation" | "recordReturn"; params: DistrictReportStepParams } | ReturnType<typeof notify>;

export function createDistrictReportContext(): DistrictReportContext {
  return { authorId: null, submittedAt: null, attestations: [], lastReturn: null, filing: null };
}

export const districtReportMachine = districtReportSetup.createMachine({
  id: "districtReport",
  version: String(DISTRICT_REPORT_MACHINE_VERSION),
  context: createDistrictReportContext,
  initial: "draft",
  states: {
    draft: {
      on: {
        SUBMIT_FOR_ATTESTATION: {
          guard: "canSubmitReport",
          target: "attestation",
          actions: ["recordSubmission", notify("district_report_ready_for_attestation", "headOfUnit")],
        },
      },
    },
    attestation: districtReportSetup.createStateConfig(
      twoStepAttestation<StepGuard, StepAction>(
        {
          attestGuard: (step: AttestationStep) => ({ type: "canAttestReport", params: { step } }),
          returnGuard: (step: AttestationStep) => ({ type: "canReturnReport", params: { step } }),
          onAttest: (step, last) => [
            { type: "recordAttestation", params: { step } },
            last
              ? notify("district_report_attested", "author", "registrar")
              : notify("district_report_ready_for_attestation", "districtDirector"),
          ],
          onReturn: (step) => [{ type: "recordReturn", params: { step } }, notify("district_report_returned", "author")],
        },
        { assessment: "#districtReport.draft", attested: "#districtReport.awaitingBoard" },
      ),
    ),
    awaitingBoard: {
      on: {
        FILE: {
          guard: "canFileReport",
          target: "filed",
          actions: ["recordFiling", notify("district_report_filed", "author")],
        },
      },
    },
    filed: { type: "final" },
  },
});

export type DistrictReportMachine = typeof districtReportMachine;
