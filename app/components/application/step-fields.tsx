/** The fields of each editable step of the application. */
import { LIMITS } from "../../domain/application";
import { blankRow, rowsToShow, type StepFormValues } from "../../applications/step-form";
import type { FieldErrors } from "../../utils/forms";
import { RowFieldset, RowList } from "../form";
import { Field, Select, TextArea } from "./fields";

interface Props {
  values: StepFormValues;
  errors: FieldErrors;
  /** With JavaScript: a row was added or removed in place (the page saves then). */
  onRowsChange?: () => void;
}
const v = (values: StepFormValues, name: string) => {
  const value = values[name];
  return typeof value === "string" ? value : "";
};

export function GrundFields({
  values,
  errors,
  calls,
  areas,
}: Props & { calls: { id: string; title: string; closesOn: string }[]; areas: { id: string; name: string }[] }) {
  return (
    <>
      <Field name="title" label="Namn på ansökan" hint="Ett kort namn som beskriver verksamheten." errors={errors} value={v(values, "title")} maxLength={LIMITS.title + 50} />
      <Field name="periodStart" label="Verksamheten börjar" hint="Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-01." type="date" errors={errors} value={v(values, "periodStart")} />
      <Field name="periodEnd" label="Verksamheten slutar" hint="Sista dagen, till exempel 2029-12-31." type="date" errors={errors} value={v(values, "periodEnd")} />
      <Select
        name="callId"
        label="Utlysning"
        hint="Ni kan söka inom en utlysning eller på eget initiativ."
        errors={errors}
        value={v(values, "callId")}
        options={[
          { value: "", label: "Ingen utlysning – vi söker på eget initiativ" },
          ...calls.map((c) => ({ value: c.id, label: `${c.title} (sista dag ${c.closesOn})` })),
        ]}
      />
      <Select
        name="priorityAreaId"
        label="Prioriterat område"
        hint="Det område i stadsdelen som verksamheten hör till, om något."
        errors={errors}
        value={v(values, "priorityAreaId")}
        options={[{ value: "", label: "Inget särskilt område" }, ...areas.map((a) => ({ value: a.id, label: a.name }))]}
      />
    </>
  );
}

export function SyfteFields({ values, errors }: Props) {
  return (
    <>
      <TextArea name="purpose" label="Syfte" hint="Vad vill ni uppnå med partnerskapet?" errors={errors} value={v(values, "purpose")} />
      <TextArea name="societalChallenge" label="Samhällsutmaning" hint="Vilket problem i samhället vill ni vara med och lösa?" errors={errors} value={v(values, "societalChallenge")} />
      <TextArea
        name="policyLink"
        label="Koppling till politiskt program eller plan"
        hint="Vilket program eller vilken plan från staden hör verksamheten till? Där ska idéburna organisationer vara nämnda."
        errors={errors}
        value={v(values, "policyLink")}
      />
    </>
  );
}

export function MalgruppFields({ values, errors, onRowsChange }: Props) {
  return (
    <>
      <p>Beskriv vilka verksamheten är till för. Lägg till en rad för varje grupp.</p>
      <RowList list="targetGroups" rows={rowsToShow(values, "targetGroups")} blank={() => blankRow("targetGroups")} addLabel="för en målgrupp" onRowsChange={onRowsChange}>
        {(row, { index: i, removeButton }) => (
        <RowFieldset legend={`Målgrupp ${i + 1}`} remove={removeButton(`målgrupp ${i + 1}`)}>
          <Field name={`targetGroups.${i}.description`} label="Vilka är de?" hint="Till exempel: unga som inte går i skolan." errors={errors} value={row.description ?? ""} />
          <div className="application-ages">
            <Field name={`targetGroups.${i}.ageFrom`} label="Ålder från (år)" inputMode="numeric" errors={errors} value={row.ageFrom ?? ""} />
            <Field name={`targetGroups.${i}.ageTo`} label="Ålder till (år)" inputMode="numeric" errors={errors} value={row.ageTo ?? ""} />
          </div>
        </RowFieldset>
        )}
      </RowList>
    </>
  );
}

export function AktiviteterFields({ values, errors, onRowsChange }: Props) {
  return (
    <>
      <p>Beskriv vad ni planerar att göra. Lägg till en rad för varje aktivitet.</p>
      <RowList list="activities" rows={rowsToShow(values, "activities")} blank={() => blankRow("activities")} addLabel="för en aktivitet" onRowsChange={onRowsChange}>
        {(row, { index: i, removeButton }) => (
        <RowFieldset legend={`Aktivitet ${i + 1}`} remove={removeButton(`aktivitet ${i + 1}`)}>
          <Field name={`activities.${i}.name`} label="Namn på aktiviteten" errors={errors} value={row.name ?? ""} />
          <TextArea name={`activities.${i}.description`} label="Beskrivning" rows={3} errors={errors} value={row.description ?? ""} />
        </RowFieldset>
        )}
      </RowList>
      <TextArea
        name="complementsOperations"
        label="Vilka av förvaltningens verksamheter kompletterar ni?"
        hint="Partnerskapet ska komplettera förvaltningens arbete, inte konkurrera med det."
        errors={errors}
        value={v(values, "complementsOperations")}
      />
      <TextArea name="cooperation" label="Hur ska ni och förvaltningen samverka?" hint="Till exempel möten, gemensamma aktiviteter, uppföljning." errors={errors} value={v(values, "cooperation")} />
    </>
  );
}

export function BudgetFields({ values, errors, onRowsChange }: Props) {
  return (
    <>
      <p><strong>Belopp för hela perioden.</strong> Skriv vad varje post kostar under hela tiden verksamheten pågår, inte per år. Skriv beloppen i hela kronor, till exempel 250 000. Summorna räknas ut åt er.</p>
      <RowList list="budgetLines" rows={rowsToShow(values, "budgetLines")} blank={() => blankRow("budgetLines")} addLabel="för en budgetpost" onRowsChange={onRowsChange}>
        {(row, { index: i, removeButton }) => (
        <RowFieldset legend={`Budgetpost ${i + 1}`} remove={removeButton(`budgetpost ${i + 1}`)}>
          <Field name={`budgetLines.${i}.description`} label="Vad gäller posten?" hint="Till exempel: lön för projektledare." errors={errors} value={row.description ?? ""} />
          <Field name={`budgetLines.${i}.associationAmount`} label="Föreningens insats för hela perioden (kr)" inputMode="numeric" errors={errors} value={row.associationAmount ?? ""} />
          <Field name={`budgetLines.${i}.administrationAmount`} label="Förvaltningens bidrag för hela perioden (kr)" inputMode="numeric" errors={errors} value={row.administrationAmount ?? ""} />
        </RowFieldset>
        )}
      </RowList>
      <TextArea
        name="otherContributions"
        label="Andra insatser från föreningen"
        hint="Till exempel ideella timmar, lokaler eller material som inte syns i beloppen."
        errors={errors}
        value={v(values, "otherContributions")}
      />
    </>
  );
}
