/**
 * What changed between two versions of an application: per field, the text before and after, so a
 * handläggare (and the förening) sees exactly what a komplettering changed.
 */
import type { ApplicationContent } from "../domain/application";
import { budgetTotals } from "../domain/application";
import { formatKronor } from "../domain/money";
import { APPLICATION_FIELD_LABELS, APPLICATION_FIELD_ORDER } from "./labels";

export interface FieldChange {
  field: keyof ApplicationContent;
  label: string;
  before: string;
  after: string;
}

/** A field's value as readable text, the same way on both sides. */
export function fieldText(content: ApplicationContent, field: keyof ApplicationContent): string {
  switch (field) {
    case "targetGroups":
      return (content.targetGroups ?? [])
        .map((g) => {
          const ages = g.ageFrom != null || g.ageTo != null ? ` (${g.ageFrom ?? "?"}–${g.ageTo ?? "?"} år)` : "";
          return `${g.description}${ages}`;
        })
        .join("\n");
    case "activities":
      return (content.activities ?? []).map((a) => (a.description ? `${a.name}: ${a.description}` : a.name)).join("\n");
    case "budgetLines": {
      const lines = content.budgetLines ?? [];
      if (lines.length === 0) return "";
      const totals = budgetTotals(lines);
      return [
        ...lines.map(
          (l) =>
            `${l.description}: föreningen ${formatKronor(l.associationAmount)}, förvaltningen ${formatKronor(l.administrationAmount)}`,
        ),
        `Totalt ${formatKronor(totals.total)} (föreningen ${totals.associationShare} %, förvaltningen ${totals.administrationShare} %)`,
      ].join("\n");
    }
    default: {
      const value = content[field];
      return value === undefined || value === null ? "" : String(value);
    }
  }
}

export function diffApplications(before: ApplicationContent, after: ApplicationContent): FieldChange[] {
  return APPLICATION_FIELD_ORDER.flatMap((field) => {
    const a = fieldText(before, field);
    const b = fieldText(after, field);
    return a === b ? [] : [{ field, label: APPLICATION_FIELD_LABELS[field], before: a, after: b }];
  });
}
