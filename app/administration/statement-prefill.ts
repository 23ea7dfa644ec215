/**
 * The first draft of a tjänsteutlåtande, written from what the portal already knows: the latest
 * submitted application and the handläggare's assessment. The handläggare edits from there; nothing
 * here is saved until they save.
 */
import { budgetTotals, type ApplicationContent } from "../domain/application";
import { formatKronor } from "../domain/money";
import type { Assessment, StatementContent } from "../domain/statement";
import { defaultProposalText } from "../documents/statement-document";

export interface PrefillFacts {
  stage: "application" | "finalReport";
  organisationName: string;
  boardName: string;
  /** The call the application answered, if any. */
  callTitle: string | null;
  /** cases.submitted_at as YYYY-MM-DD: when the application came in. */
  submittedOn: string | null;
}

const sentence = (text: string | undefined) => {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

function targetGroupText(application: ApplicationContent): string {
  return (application.targetGroups ?? [])
    .filter((g) => g.description.trim() !== "")
    .map((g) => {
      const ages = g.ageFrom != null && g.ageTo != null ? ` (${g.ageFrom}–${g.ageTo} år)` : g.ageFrom != null ? ` (från ${g.ageFrom} år)` : "";
      return `${g.description.trim()}${ages}`;
    })
    .join(", ");
}

function periodText(application: ApplicationContent): string {
  return application.periodStart && application.periodEnd ? `${application.periodStart} – ${application.periodEnd}` : "";
}

function budgetText(application: ApplicationContent): string {
  const lines = application.budgetLines ?? [];
  if (lines.length === 0) return "";
  const totals = budgetTotals(lines);
  return `Budgeten är totalt ${formatKronor(totals.total)}, varav ${formatKronor(totals.administration)} från förvaltningen och ${formatKronor(totals.association)} från föreningen.`;
}

export function prefillStatement(facts: PrefillFacts, application: ApplicationContent | null, assessment: Assessment | null): StatementContent {
  const app = application ?? {};
  const name = facts.organisationName;
  const period = periodText(app);
  const budget = budgetText(app);
  const purpose = sentence(app.purpose);
  const summary = [
    facts.stage === "finalReport"
      ? `${name} har lämnat slutrapport för det idéburna offentliga partnerskapet (IOP)${app.title ? `: ${app.title.trim()}` : ""}.`
      : `${name} har ansökt om ett idéburet offentligt partnerskap (IOP)${app.title ? `: ${app.title.trim()}` : ""}.`,
    purpose ? `Syftet är: ${purpose}` : "",
    period ? `Partnerskapet avses gälla ${period}.` : "",
    budget,
  ];
  const matter = [
    purpose ? `Syfte: ${purpose}` : "",
    app.societalChallenge?.trim() ? `Samhällsutmaning: ${sentence(app.societalChallenge)}` : "",
    targetGroupText(app) ? `Målgrupp: ${targetGroupText(app)}.` : "",
    period ? `Period: ${period}.` : "",
    budget,
  ];
  const background = [
    `${name} kom in med ${facts.callTitle ? `en ansökan inom utlysningen ”${facts.callTitle}”` : "en ansökan"}${facts.submittedOn ? ` den ${facts.submittedOn}` : ""}.`,
  ];
  const views = [assessment?.complementsNote?.trim() ?? "", assessment?.notProcurementReason?.trim() ?? ""];
  const join = (parts: string[]) => parts.filter((p) => p !== "").join("\n\n");
  return {
    summary: join(summary),
    background: join(background),
    matter: join(matter),
    preparation: "",
    views: join(views),
    genderAnalysis: assessment?.genderAnalysis?.trim() ?? "",
    childRights: assessment?.childRights?.trim() ?? "",
    proposalText: defaultProposalText({ stage: facts.stage, organisationName: name, boardName: facts.boardName, content: {} }),
  };
}

/**
 * A decision text the handläggare never touched follows the proposal: "bifaller" becomes "avslår"
 * when they choose avslag. Text they wrote themselves is kept.
 */
export function proposalTextFor(
  facts: Pick<PrefillFacts, "stage" | "organisationName" | "boardName">,
  content: Pick<StatementContent, "proposal" | "proposalText">,
): string {
  const defaults = (["approve", "reject"] as const).map((proposal) => defaultProposalText({ ...facts, content: { proposal } }));
  const typed = content.proposalText?.trim() ?? "";
  if (typed === "" || defaults.includes(typed)) return defaultProposalText({ ...facts, content: { proposal: content.proposal } });
  return typed;
}
