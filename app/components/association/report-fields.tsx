import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { AgreementContent } from "../../domain/agreement";
import type { ReportRow } from "../../association/report-forms";
import { CheckboxGroup, ErrorSummary, fieldId, FieldHelp, PlainField, PlainTextArea, RowList } from "../form";

const FIGURE_HINT = "Ett antal, till exempel 12, eller ett spann, till exempel 4–12.";

type Errors = Record<string, string>;

/**
 * A report form with rows (ADR 0005, 0025): a plain post with several buttons, where the server checks
 * and answers per field. "Spara" saves (and with the box ticked sends in); the row buttons of RowList
 * save what was typed and show the form again without JavaScript, or change the rows in place with it.
 */
export function ReportRowsForm({
  errors,
  formError,
  order,
  children,
}: {
  errors: Errors;
  formError?: string;
  /** Field-name prefixes in the order they stand on the page, for the error summary. */
  order: string[];
  children: ReactNode;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <ErrorSummary errors={errors} formError={formError} order={order} />
      <Form method="post" noValidate className="stack">
        {/* Enter in a field saves: the first submit button in a form is the one Enter presses. */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          Spara
        </button>
        {children}
        <div>
          <button type="submit" name="intent" value="save" disabled={busy}>
            {busy ? "Sparar …" : "Spara"}
          </button>
        </div>
      </Form>
    </>
  );
}

/** One fieldset per activity, added and removed by intent. Rows are numbered in the names. */
export function ActivityRows({ rows, errors }: { rows: ReportRow[]; errors: Errors }) {
  const field = (i: number, name: string) => ({ name: `activities.${i}.${name}`, error: errors[`activities.${i}.${name}`] });
  return (
    <RowList list="activities" rows={rows} blank={() => blankActivity()} addLabel="för en aktivitet">
      {(row, { index: i, removeButton }) => (
        <fieldset className="repeat-row">
          <legend>{`Aktivitet ${i + 1}`}</legend>
          <PlainField {...field(i, "name")} label="Vad heter aktiviteten?" defaultValue={row.name} />
          <PlainField {...field(i, "sessions")} label="Antal tillfällen" hint={FIGURE_HINT} inputMode="numeric" defaultValue={row.sessions} />
          <fieldset className="figure-group">
            <legend>Antal deltagare</legend>
            <PlainField {...field(i, "women")} label="Kvinnor och flickor" inputMode="numeric" defaultValue={row.women} />
            <PlainField {...field(i, "men")} label="Män och pojkar" inputMode="numeric" defaultValue={row.men} />
            <PlainField {...field(i, "other")} label="Annat eller ej angivet" inputMode="numeric" defaultValue={row.other} />
          </fieldset>
          <PlainField {...field(i, "ageGroup")} label="Åldersgrupp" hint="Till exempel 13–22 år." defaultValue={row.ageGroup} />
          <PlainTextArea
            {...field(i, "comment")}
            label="Kommentar (frivilligt)"
            hint="Till exempel om siffrorna gäller per vecka eller totalt."
            rows={2}
            defaultValue={row.comment}
          />
          <div>{removeButton(`aktivitet ${i + 1}`)}</div>
        </fieldset>
      )}
    </RowList>
  );
}

const blankActivity = (): ReportRow => ({ name: "", sessions: "", women: "", men: "", other: "", ageGroup: "", comment: "" });

/** The posts of the ekonomisk redovisning, added and removed by intent. */
export function FinancialLineRows({ rows, errors }: { rows: ReportRow[]; errors: Errors }) {
  const field = (i: number, name: string) => ({ name: `lines.${i}.${name}`, error: errors[`lines.${i}.${name}`] });
  return (
    <RowList list="lines" rows={rows} blank={() => ({ description: "", budget: "", outcome: "" })} addLabel="för en post">
      {(row, { index: i, removeButton }) => (
        <fieldset className="repeat-row">
          <legend>{`Post ${i + 1}`}</legend>
          <PlainField {...field(i, "description")} label="Vad gäller posten?" hint="Till exempel Personal eller Lokalhyra." defaultValue={row.description} />
          <PlainField {...field(i, "budget")} label="Budget (kr)" inputMode="numeric" defaultValue={row.budget} />
          <PlainField {...field(i, "outcome")} label="Utfall (kr)" inputMode="numeric" defaultValue={row.outcome} />
          <div>{removeButton(`post ${i + 1}`)}</div>
        </fieldset>
      )}
    </RowList>
  );
}

export function GoalOutcomeRows({
  goals,
  values,
  errors,
}: {
  goals: NonNullable<AgreementContent["goals"]>;
  values: { outcome: string; comment: string }[];
  errors: Errors;
}) {
  return (
    <>
      {goals.map((g, i) => (
        <fieldset key={i} className="repeat-row">
          <legend>{`Mål ${i + 1}: ${g.description}`}</legend>
          <p>{`Målvärde: ${g.target}`}</p>
          <PlainField
            name={`goals.${i}.outcome`}
            label="Utfall"
            hint="Till exempel 70 % eller 210 aktiviteter."
            defaultValue={values[i]?.outcome ?? ""}
            error={errors[`goals.${i}.outcome`]}
          />
          <PlainTextArea name={`goals.${i}.comment`} label="Kommentar (frivilligt)" rows={2} defaultValue={values[i]?.comment ?? ""} error={errors[`goals.${i}.comment`]} />
        </fieldset>
      ))}
    </>
  );
}

/** Ticked: the save also sends the report in. Unticked: only the draft is saved. */
export function SendCheckbox({ label }: { label: string }) {
  return (
    <CheckboxGroup
      name="send"
      legend="Skicka in"
      hint={SEND_HINT}
      options={[{ value: "yes", label }]}
    />
  );
}

const SEND_HINT = "Utan kryss sparas bara utkastet, och du kan fortsätta senare.";

/** SendCheckbox for a plain report form (ReportRowsForm). */
export function PlainSendCheckbox({ label, checked }: { label: string; checked: boolean }) {
  const id = fieldId("send");
  return (
    <fieldset id={id} aria-describedby={`${id}-hint`}>
      <legend>Skicka in</legend>
      <FieldHelp id={id} hint={SEND_HINT} />
      <div className="checkbox">
        <input type="checkbox" id={`${id}-yes`} name="send" value="yes" defaultChecked={checked} />
        <label htmlFor={`${id}-yes`}>{label}</label>
      </div>
    </fieldset>
  );
}
