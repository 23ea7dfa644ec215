import { COMMITMENT_LABELS } from "../../association/schemas";
import type { FinalReportContent } from "../../domain/reports";

const dash = (v: string | undefined) => (v?.trim() ? v : "–");

export function FinalReportView({ content }: { content: FinalReportContent }) {
  const commitment = (v: FinalReportContent["associationCommitmentsMet"]) => (v ? COMMITMENT_LABELS[v] : "–");
  return (
    <dl className="facts stacked">
      <dt>Måluppfyllelse</dt>
      <dd className="pre-line">{dash(content.goalFulfilment)}</dd>
      <dt>Avvikelser i tid</dt>
      <dd className="pre-line">{dash(content.timeDeviations)}</dd>
      <dt>Avvikelser i budget</dt>
      <dd className="pre-line">{dash(content.budgetDeviations)}</dd>
      <dt>Har föreningen gjort det den lovade?</dt>
      <dd className="pre-line">{`${commitment(content.associationCommitmentsMet)}. ${content.associationCommitmentsComment ?? ""}`}</dd>
      <dt>Har förvaltningen gjort det den lovade?</dt>
      <dd className="pre-line">{`${commitment(content.administrationCommitmentsMet)}. ${content.administrationCommitmentsComment ?? ""}`}</dd>
      <dt>Lärdomar</dt>
      <dd className="pre-line">{dash(content.lessonsLearned)}</dd>
    </dl>
  );
}
