/**
 * The agreement draft form. Rows are added and removed by submit buttons with an `intent`, which the
 * server answers with the form as typed plus or minus a row: the same with and without JavaScript.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { formatKronor, typedTotal } from "../../domain/money";
import type { AgreementFormValues } from "../../partnership/agreement-form";
import { PlainField, PlainRadios, PlainTextArea } from "../form";

type Errors = Record<string, string>;

function RemoveButton({ list, index, label }: { list: string; index: number; label: string }) {
  return (
    <button type="submit" name="intent" value={`remove:${list}:${index}`} className="secondary small">
      Ta bort <span className="visually-hidden">{label}</span>
    </button>
  );
}

function AddButton({ list, label }: { list: string; label: string }) {
  return (
    <button type="submit" name="intent" value={`add:${list}`} className="secondary small">
      Lägg till rad <span className="visually-hidden">{label}</span>
    </button>
  );
}

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
        {values.yearlyAmounts.map((row, i) => (
          <div className="row-group" key={i}>
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
            <RemoveButton list="yearlyAmounts" index={i} label={`beloppet på rad ${i + 1}`} />
          </div>
        ))}
        <p className="total" aria-live="polite">
          Summa: <strong>{total === null ? "kan inte räknas ut förrän alla belopp är hela kronor" : formatKronor(total)}</strong>
        </p>
        <AddButton list="yearlyAmounts" label="för ett år till" />
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
        {values.reportDueDates.map((date, i) => (
          <div className="row-group" key={i}>
            <PlainField
              name={`reportDueDates.${i}`}
              label={`Rapport ${i + 1} lämnas senast`}
              type="date"
              defaultValue={date}
              error={errors[`reportDueDates.${i}`]}
            />
            <RemoveButton list="reportDueDates" index={i} label={`rapportdatum ${i + 1}`} />
          </div>
        ))}
        <AddButton list="reportDueDates" label="för ett rapportdatum till" />
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
        {values.goals.map((goal, i) => (
          <div className="row-group" key={i}>
            <PlainField name={`goals.${i}.description`} label={`Mål ${i + 1}`} defaultValue={goal.description} error={errors[`goals.${i}.description`]} />
            <PlainField name={`goals.${i}.target`} label={`Målvärde för mål ${i + 1}`} defaultValue={goal.target} error={errors[`goals.${i}.target`]} className="narrow" />
            <RemoveButton list="goals" index={i} label={`mål ${i + 1}`} />
          </div>
        ))}
        <AddButton list="goals" label="för ett mål till" />
      </fieldset>
      <div>
        <button type="submit" name="intent" value="save" disabled={busy}>
          {busy ? "Sparar …" : "Spara utkastet"}
        </button>
      </div>
    </Form>
  );
}
