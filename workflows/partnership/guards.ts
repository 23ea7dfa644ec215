/**
 * Named guards for setup(). Every rule in the table becomes a guard of the
 * same name. The few extra guards either pick between branches of an already
 * allowed event (and include the rule, so a branch is never more permissive
 * than its rule) or are eventless conditions that refuse nobody.
 */
import { hasNextReportingPeriod } from "./context";
import { rules, type Rule, type RuleName } from "./rules";
import type { PartnershipContext, PartnershipEvent } from "./types";

interface GuardInput {
  context: PartnershipContext;
  event: PartnershipEvent;
}

type RuleParams<K extends RuleName> = (typeof rules)[K] extends Rule<infer P> ? P : never;
type RuleGuards = { [K in RuleName]: (args: GuardInput, params: RuleParams<K>) => boolean };

function deriveRuleGuards(): RuleGuards {
  const derived: Record<string, (args: GuardInput, params: unknown) => boolean> = {};
  for (const name of Object.keys(rules) as RuleName[]) {
    const rule = rules[name] as Rule<unknown>;
    derived[name] = ({ context, event }, params) => rule.check(context, event, params) === null;
  }
  return derived as RuleGuards;
}

const ruleGuards = deriveRuleGuards();

/** Guards that are not in the rule table; explainRefusal skips them and reads the plain rule branch instead. */
export const BRANCH_GUARDS = [
  "decisionIsApproval",
  "signatureCompletesAgreement",
  "approvalOpensRenegotiation",
  "hasNextReportingPeriod",
] as const;

export const guards = {
  ...ruleGuards,

  decisionIsApproval: (args: GuardInput) =>
    ruleGuards.canRegisterDecision(args, undefined) &&
    args.event.type === "REGISTER_DECISION" &&
    args.event.outcome === "approved",

  /** The signature being given is the second one. */
  signatureCompletesAgreement: (args: GuardInput) => {
    const { association, administration } = args.context.signatures;
    return ruleGuards.canSign(args, undefined) && (association !== null || administration !== null);
  },

  approvalOpensRenegotiation: (args: GuardInput) =>
    ruleGuards.canRegisterFinalApproval(args, undefined) && args.context.finalStatement?.renegotiate === true,

  /**
   * Eventless, and deliberately reads only the context: xstate evaluates
   * eventless guards even after a refused event, so a condition on the
   * event's time here would let a refused event move the case.
   */
  hasNextReportingPeriod: ({ context }: GuardInput) => hasNextReportingPeriod(context),
};
