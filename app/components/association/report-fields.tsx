import type { AgreementContent } from "../../domain/agreement";
import { CheckboxGroup, TextAreaField, TextField } from "../form";

const FIGURE_HINT = "Ett antal, till exempel 12, eller ett spann, till exempel 4–12.";

/** One fieldset per activity. Rows are numbered in the names, so the form works without JavaScript. */
export function ActivityRows({ count }: { count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="repeat-row">
          <legend>{`Aktivitet ${i + 1}`}</legend>
          <TextField name={`activities.${i}.name`} label="Vad heter aktiviteten?" />
          <TextField name={`activities.${i}.sessions`} label="Antal tillfällen" hint={FIGURE_HINT} inputMode="numeric" />
          <fieldset className="figure-group">
            <legend>Antal deltagare</legend>
            <TextField name={`activities.${i}.women`} label="Kvinnor och flickor" inputMode="numeric" />
            <TextField name={`activities.${i}.men`} label="Män och pojkar" inputMode="numeric" />
            <TextField name={`activities.${i}.other`} label="Annat eller ej angivet" inputMode="numeric" />
          </fieldset>
          <TextField name={`activities.${i}.ageGroup`} label="Åldersgrupp" hint="Till exempel 13–22 år." />
          <TextAreaField
            name={`activities.${i}.comment`}
            label="Kommentar (frivilligt)"
            hint="Till exempel om siffrorna gäller per vecka eller totalt."
            rows={2}
          />
        </fieldset>
      ))}
      <p className="hint">
        Behöver du fler rader? Spara utkastet, så kommer en ny tom rad. Töm alla fält i en rad för att ta bort den.
      </p>
    </>
  );
}

export function GoalOutcomeRows({ goals }: { goals: NonNullable<AgreementContent["goals"]> }) {
  return (
    <>
      {goals.map((g, i) => (
        <fieldset key={i} className="repeat-row">
          <legend>{`Mål ${i + 1}: ${g.description}`}</legend>
          <p>{`Målvärde: ${g.target}`}</p>
          <TextField name={`goals.${i}.outcome`} label="Utfall" hint="Till exempel 70 % eller 210 aktiviteter." />
          <TextAreaField name={`goals.${i}.comment`} label="Kommentar (frivilligt)" rows={2} />
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
      hint="Utan kryss sparas bara utkastet, och du kan fortsätta senare."
      options={[{ value: "yes", label }]}
    />
  );
}
