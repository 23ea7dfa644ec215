/**
 * The agreement draft as the form holds it (text, as typed) and as it is stored (AgreementContent).
 * Shared by the page and the action; pure, so the rules are unit-tested without a server.
 */
import { agreementDraftSchema, type AgreementContent } from "../domain/agreement";
import type { ApplicationContent } from "../domain/application";
import { budgetTotals } from "../domain/application";
import { periodProblems, readDate } from "../domain/dates";
import { kronorText, readKronor } from "../domain/money";
import { spreadOverAgreementYears } from "../domain/period-amounts";
import { issuesToFieldErrors, type FieldErrors } from "../utils/forms";
import { applyRowIntent, parseRowIntent, type RowIntent } from "../utils/form-rows";

export interface AgreementFormValues {
  purposeAndGoals: string;
  targetGroup: string;
  associationResources: string;
  administrationResources: string;
  yearlyAmounts: { year: string; amount: string }[];
  startDate: string;
  endDate: string;
  /** "yes", "no" or "" (not decided yet) */
  extensionAllowed: string;
  extensionTerms: string;
  steeringGroup: string;
  workingGroups: string;
  coordinator: string;
  reportDueDates: string[];
  finalReportDueDate: string;
  goals: { description: string; target: string }[];
}

/** The repeating lists of the form and what an empty row of each looks like. */
export const AGREEMENT_LISTS = {
  yearlyAmounts: () => ({ year: "", amount: "" }),
  reportDueDates: () => "",
  goals: () => ({ description: "", target: "" }),
} as const;
export type AgreementList = keyof typeof AGREEMENT_LISTS;

export const isAgreementList = (value: string): value is AgreementList => value in AGREEMENT_LISTS;

const str = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** What was posted (formDataToNested) as form values; anything missing becomes empty. */
export function formValuesFromPost(posted: Record<string, unknown>): AgreementFormValues {
  const row = (value: unknown) => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});
  return {
    purposeAndGoals: str(posted.purposeAndGoals),
    targetGroup: str(posted.targetGroup),
    associationResources: str(posted.associationResources),
    administrationResources: str(posted.administrationResources),
    yearlyAmounts: list(posted.yearlyAmounts).map((r) => ({ year: str(row(r).year), amount: str(row(r).amount) })),
    startDate: str(posted.startDate),
    endDate: str(posted.endDate),
    extensionAllowed: ["yes", "no"].includes(str(posted.extensionAllowed)) ? str(posted.extensionAllowed) : "",
    extensionTerms: str(posted.extensionTerms),
    steeringGroup: str(posted.steeringGroup),
    workingGroups: str(posted.workingGroups),
    coordinator: str(posted.coordinator),
    reportDueDates: list(posted.reportDueDates).map(str),
    finalReportDueDate: str(posted.finalReportDueDate),
    goals: list(posted.goals).map((r) => ({ description: str(row(r).description), target: str(row(r).target) })),
  };
}

export function formValuesFromContent(content: AgreementContent): AgreementFormValues {
  return {
    purposeAndGoals: content.purposeAndGoals ?? "",
    targetGroup: content.targetGroup ?? "",
    associationResources: content.associationResources ?? "",
    administrationResources: content.administrationResources ?? "",
    yearlyAmounts: (content.yearlyAmounts ?? []).map((y) => ({
      year: String(y.year),
      amount: kronorText(y.amount),
    })),
    startDate: content.startDate ?? "",
    endDate: content.endDate ?? "",
    extensionAllowed: content.extensionAllowed === undefined ? "" : content.extensionAllowed ? "yes" : "no",
    extensionTerms: content.extensionTerms ?? "",
    steeringGroup: content.steeringGroup ?? "",
    workingGroups: content.workingGroups ?? "",
    coordinator: content.coordinator ?? "",
    reportDueDates: [...(content.reportDueDates ?? [])],
    finalReportDueDate: content.finalReportDueDate ?? "",
    goals: (content.goals ?? []).map((g) => ({ description: g.description, target: g.target })),
  };
}

/** At least one row in every list, so there is always a place to start typing. */
export function withEmptyRows(values: AgreementFormValues): AgreementFormValues {
  const next = { ...values };
  for (const name of Object.keys(AGREEMENT_LISTS) as AgreementList[]) {
    if (next[name].length === 0) (next[name] as unknown[]) = [AGREEMENT_LISTS[name]()];
  }
  return next;
}

/** The row button pressed on the agreement form (utils/form-rows.ts), if any. */
export const parseAgreementRowIntent = (intent: string) => parseRowIntent(intent, Object.keys(AGREEMENT_LISTS));

/** The form after a row button: the posted rows plus or minus one, the rest as typed. */
export function withRowIntent(values: AgreementFormValues, intent: RowIntent | null): AgreementFormValues {
  if (!intent || !isAgreementList(intent.list)) return values;
  const name = intent.list;
  return { ...values, [name]: applyRowIntent(values[name] as unknown[], name, intent, AGREEMENT_LISTS[name]) };
}

export function addRow(values: AgreementFormValues, name: AgreementList): AgreementFormValues {
  return withRowIntent(values, { kind: "add-row", list: name });
}

export function removeRow(values: AgreementFormValues, name: AgreementList, index: number): AgreementFormValues {
  return withRowIntent(values, { kind: "remove-row", list: name, index });
}

const blank = (value: string) => value.trim() === "";

/**
 * Form values → content to save, or messages per field. A draft may be incomplete; what is there must
 * be right. Empty rows are left out; messages keep the row's place on the page.
 */
export function readAgreementForm(
  values: AgreementFormValues,
): { ok: true; content: AgreementContent } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = (name: string, value: string) => {
    const reading = readDate(value);
    if (reading.ok) return reading.value;
    if (!reading.blank) errors[name] = reading.message;
    return null;
  };
  const startDate = date("startDate", values.startDate);
  const endDate = date("endDate", values.endDate);
  const period = periodProblems(startDate, endDate);
  if (period.end) errors.endDate = period.end;
  const finalReportDueDate = date("finalReportDueDate", values.finalReportDueDate);

  const yearlyAmounts: { year: number; amount: number }[] = [];
  values.yearlyAmounts.forEach((row, i) => {
    if (blank(row.year) && blank(row.amount)) return;
    const year = /^\d{4}$/.test(row.year.trim()) ? Number(row.year.trim()) : null;
    if (year === null || year < 2000 || year > 2100) errors[`yearlyAmounts.${i}.year`] = "Skriv året med fyra siffror, till exempel 2026.";
    const reading = readKronor(row.amount);
    const amount = reading.ok ? reading.value : null;
    if (!reading.ok) errors[`yearlyAmounts.${i}.amount`] = reading.message;
    if (year !== null && amount !== null) {
      if (yearlyAmounts.some((y) => y.year === year)) errors[`yearlyAmounts.${i}.year`] = `Året ${year} finns redan på en annan rad.`;
      yearlyAmounts.push({ year, amount });
    }
  });

  const reportDueDates: string[] = [];
  values.reportDueDates.forEach((value, i) => {
    const d = date(`reportDueDates.${i}`, value);
    if (d) reportDueDates.push(d);
  });

  const goals = values.goals
    .map((g, index) => ({ description: g.description.trim(), target: g.target.trim(), index }))
    .filter((g) => g.description !== "" || g.target !== "");
  for (const g of goals) {
    if (g.description === "") errors[`goals.${g.index}.description`] = "Skriv målet, eller ta bort raden.";
  }

  const content: AgreementContent = {
    purposeAndGoals: values.purposeAndGoals.trim(),
    targetGroup: values.targetGroup.trim(),
    associationResources: values.associationResources.trim(),
    administrationResources: values.administrationResources.trim(),
    yearlyAmounts: yearlyAmounts.sort((a, b) => a.year - b.year),
    startDate,
    endDate,
    ...(values.extensionAllowed === "" ? {} : { extensionAllowed: values.extensionAllowed === "yes" }),
    extensionTerms: values.extensionTerms.trim(),
    steeringGroup: values.steeringGroup.trim(),
    workingGroups: values.workingGroups.trim(),
    coordinator: values.coordinator.trim(),
    reportDueDates: [...reportDueDates].sort(),
    finalReportDueDate,
    goals: goals.map(({ description, target }) => ({ description, target })),
  };
  const checked = agreementDraftSchema.safeParse(content);
  if (!checked.success) {
    for (const [path, message] of Object.entries(issuesToFieldErrors(checked.error.issues))) errors[path] ??= message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, content };
}

export interface SigningTerms {
  startDate: string;
  endDate: string;
  reportDueDates: string[];
  extensionAllowed: boolean;
  finalReportDueDate?: string;
}

/** What SEND_FOR_SIGNING needs from the saved agreement; each missing piece named at its field. */
export function signingTerms(content: AgreementContent): { ok: true; terms: SigningTerms } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!content.startDate) errors.startDate = "Skriv när överenskommelsen börjar gälla.";
  if (!content.endDate) errors.endDate = "Skriv när överenskommelsen slutar gälla.";
  const dates = content.reportDueDates ?? [];
  if (dates.length === 0) errors["reportDueDates.0"] = "Skriv minst ett datum då föreningen ska lämna rapport.";
  else if (content.startDate && dates.some((d) => d <= content.startDate!)) {
    errors["reportDueDates.0"] = "Rapportdatumen måste komma efter startdatumet.";
  }
  if (content.extensionAllowed === undefined) errors.extensionAllowed = "Välj om överenskommelsen får förlängas.";
  if (content.finalReportDueDate && content.endDate && content.finalReportDueDate < content.endDate) {
    errors.finalReportDueDate = "Sista dag för slutrapporten kan inte vara före slutdatumet.";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    terms: {
      startDate: content.startDate!,
      endDate: content.endDate!,
      reportDueDates: dates,
      extensionAllowed: content.extensionAllowed!,
      ...(content.finalReportDueDate ? { finalReportDueDate: content.finalReportDueDate } : {}),
    },
  };
}

/**
 * The first draft, from the latest submitted application: syfte, målgrupper, period and the förvaltning's
 * share of the budget. The application's budget is for the whole applied period, so it is shared over
 * the agreement's years (twelve months from the start) by days (never repeated per year); the handläggare adjusts it.
 */
export function prefillFromApplication(application: ApplicationContent): AgreementContent {
  const start = application.periodStart ?? null;
  const end = application.periodEnd ?? null;
  const administrationTotal = budgetTotals(application.budgetLines ?? []).administration;
  const targetGroup = (application.targetGroups ?? [])
    .filter((g) => g.description.trim() !== "")
    .map((g) => {
      const ages =
        g.ageFrom != null && g.ageTo != null ? ` (${g.ageFrom}–${g.ageTo} år)` : g.ageFrom != null ? ` (från ${g.ageFrom} år)` : "";
      return `${g.description.trim()}${ages}`;
    })
    .join("\n");
  const otherContributions = application.otherContributions?.trim();
  return {
    purposeAndGoals: application.purpose?.trim() ?? "",
    targetGroup,
    associationResources: otherContributions ?? "",
    startDate: start,
    endDate: end,
    yearlyAmounts:
      start && administrationTotal > 0 ? spreadOverAgreementYears(administrationTotal, start, end) : [],
    reportDueDates: [],
    goals: [],
  };
}
