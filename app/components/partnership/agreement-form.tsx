/**
 * The agreement draft form. Rows are added and removed by intent (RowList): without JavaScript the
 * button posts, and the server saves what was typed and shows it again plus or minus the row; with
 * JavaScript the list changes in place and what is typed stays until "Spara utkastet".
 */
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { formatKronor, typedTotal } from "../../domain/money";
import { AGREEMENT_LISTS, type AgreementFormValues } from "../../partnership/agreement-form";
import { PlainField, PlainRadios, PlainTextArea, RowList } from "../form";

type Errors = Record<string, string>;

export function AgreementForm({
  values,
  errors,
  agreementRevision,
}: {
  values: AgreementFormValues;
  errors: Errors;
  agreementRevision: number;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [total, setTotal] = useState(() => typedTotal(values.yearlyAmounts.map((y) => y.amount)));
  const amounts = useRef<HTMLFieldSetElement>(null);
  // With JavaScript the total follows what is typed; without it, it is computed at the next save.
  function recompute() {
    const inputs = amounts.current?.querySelectorAll<HTMLInputElement>("input[data-amount]") ?? [];
    setTotal(typedTotal([...inputs].map((i) => i.value)));
  }
  // Amounts typed before the scripts had loaded count from the start.
  useEffect(recompute, []);
  return (
    <Form method="post" noValidate className="agreement-form">
      {/* Enter in a field saves: the first submit button in a form is the one Enter presses. */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        Spara
      </button>
      <input type="hidden" name="agreementRevision" value={agreementRevision} />
      <fieldset>
        <legend>Syfte, mål och målgrupp</legend>
        <PlainTextArea name="purposeAndGoals" label="Syfte och mål" defaultValue={values.purposeAndGoals} error={errors.purposeAndGoals} rows={6} />
        <PlainTextArea name="targetGroup" label="Målgrupp" defaultValue={values.targetGroup} error={errors.targetGroup} />
      </fieldset>
      <fieldset>
        <legend>Parternas resurser och åtaganden</legend>
        <PlainTextArea
          name="associationResources"
          label="Föreningens resurser och åtaganden"
          hint="Till exempel personal, ideella timmar och lokaler."
          defaultValue={values.associationResources}
          error={errors.associationResources}
        />
        <PlainTextArea
          name="administrationResources"
          label="Förvaltningens resurser och åtaganden"
          hint="Till exempel samordning, personal från kärnverksamheten och lokaler."
          defaultValue={values.administrationResources}
          error={errors.administrationResources}
        />
      </fieldset>
      <fieldset ref={amounts} onChange={recompute}>
        <legend>Ekonomiskt bidrag från förvaltningen per år</legend>
        <p className="hint">Hela kronor. Summan räknas ut av portalen.</p>
        <RowList list="yearlyAmounts" rows={values.yearlyAmounts} blank={AGREEMENT_LISTS.yearlyAmounts} addLabel="för ett år till" addClassName="secondary small" onRowsChange={recompute}>
          {(row, { index: i, removeButton }) => (
          <div className="row-group">
            <PlainField
              name={`yearlyAmounts.${i}.year`}
              label={`År, rad ${i + 1}`}
              inputMode="numeric"
              defaultValue={row.year}
              error={errors[`yearlyAmounts.${i}.year`]}
              className="narrow"
            />
            <PlainField
              name={`yearlyAmounts.${i}.amount`}
              label={`Belopp i kronor, rad ${i + 1}`}
              inputMode="numeric"
              defaultValue={row.amount}
              error={errors[`yearlyAmounts.${i}.amount`]}
              data-amount=""
            />
            {removeButton(`beloppet på rad ${i + 1}`, "secondary small")}
          </div>
          )}
        </RowList>
        <p className="total" aria-live="polite">
          Summa: <strong>{total === null ? "kan inte räknas ut förrän alla belopp är hela kronor" : formatKronor(total)}</strong>
        </p>
      </fieldset>
      <fieldset>
        <legend>Giltighetstid</legend>
        <PlainField name="startDate" label="Gäller från" type="date" defaultValue={values.startDate} error={errors.startDate} />
        <PlainField name="endDate" label="Gäller till och med" type="date" defaultValue={values.endDate} error={errors.endDate} />
        <PlainRadios
          name="extensionAllowed"
          legend="Får överenskommelsen förlängas?"
          options={[
            { value: "yes", label: "Ja" },
            { value: "no", label: "Nej" },
          ]}
          defaultValue={values.extensionAllowed}
          error={errors.extensionAllowed}
        />
        <PlainField
          name="extensionTerms"
          label="Villkor för förlängning (frivilligt)"
          hint="Till exempel: möjlighet till ett års förlängning."
          defaultValue={values.extensionTerms}
          error={errors.extensionTerms}
        />
      </fieldset>
      <fieldset>
        <legend>Rapportering</legend>
        <p className="hint">Datum då föreningen senast ska lämna sina årsrapporter (eller tertialrapporter).</p>
        <RowList list="reportDueDates" rows={values.reportDueDates} blank={AGREEMENT_LISTS.reportDueDates} addLabel="för ett rapportdatum till" addClassName="secondary small">
          {(date, { index: i, removeButton }) => (
          <div className="row-group">
            <PlainField
              name={`reportDueDates.${i}`}
              label={`Rapport ${i + 1} lämnas senast`}
              type="date"
              defaultValue={date}
              error={errors[`reportDueDates.${i}`]}
            />
            {removeButton(`rapportdatum ${i + 1}`, "secondary small")}
          </div>
          )}
        </RowList>
        <PlainField
          name="finalReportDueDate"
          label="Slutrapporten lämnas senast (frivilligt)"
          hint="Utan datum gäller överenskommelsens slutdatum."
          type="date"
          defaultValue={values.finalReportDueDate}
          error={errors.finalReportDueDate}
        />
      </fieldset>
      <fieldset>
        <legend>Samverkan</legend>
        <PlainTextArea name="steeringGroup" label="Styrgrupp" hint="Vilka som ingår och hur ofta den möts." defaultValue={values.steeringGroup} error={errors.steeringGroup} rows={3} />
        <PlainTextArea name="workingGroups" label="Arbetsgrupper" defaultValue={values.workingGroups} error={errors.workingGroups} rows={3} />
        <PlainField name="coordinator" label="Förvaltningens samordnare" defaultValue={values.coordinator} error={errors.coordinator} />
      </fieldset>
      <fieldset>
        <legend>Verksamhetsplanens mål</legend>
        <p className="hint">Till exempel: Andel deltagare som upplever en ökad framtidstro, målvärde 55 %.</p>
        <RowList list="goals" rows={values.goals} blank={AGREEMENT_LISTS.goals} addLabel="för ett mål till" addClassName="secondary small">
          {(goal, { index: i, removeButton }) => (
          <div className="row-group">
            <PlainField name={`goals.${i}.description`} label={`Mål ${i + 1}`} defaultValue={goal.description} error={errors[`goals.${i}.description`]} />
            <PlainField name={`goals.${i}.target`} label={`Målvärde för mål ${i + 1}`} defaultValue={goal.target} error={errors[`goals.${i}.target`]} className="narrow" />
            {removeButton(`mål ${i + 1}`, "secondary small")}
          </div>
          )}
        </RowList>
      </fieldset>
      <div>
        <button type="submit" name="intent" value="save" disabled={busy}>
          {busy ? "Sparar …" : "Spara utkastet"}
        </button>
      </div>
    </Form>
  );
}
