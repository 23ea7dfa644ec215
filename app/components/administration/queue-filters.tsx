import { Form, Link } from "@remix-run/react";
import { OPEN_STAGES, SORTS, STAGE_LABELS, type QueueQuery, type SortKey } from "../../administration/queue-definitions";

interface Option {
  value: string;
  label: string;
}

function Select({ name, label, value, options, empty }: { name: string; label: string; value?: string; options: Option[]; empty: string }) {
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Search, filters and sort as a plain GET form: the URL holds the whole view, so it can be shared. */
export function QueueFilters({
  base,
  query,
  sort,
  options,
}: {
  base: string;
  query: QueueQuery;
  sort: SortKey;
  options: { caseworkers: Option[]; calls: Option[]; priorityAreas: Option[] };
}) {
  return (
    <Form method="get" action={base} className="queue-filters" role="search" aria-label="Sök och filtrera ärenden">
      <input type="hidden" name="ko" value={query.ko} />
      <div className="field queue-search">
        <label htmlFor="filter-sok">Sök</label>
        <p className="hint" id="filter-sok-hint">
          Diarienummer, föreningens namn eller organisationsnummer.
        </p>
        <input id="filter-sok" type="text" name="sok" defaultValue={query.sok ?? ""} aria-describedby="filter-sok-hint" />
      </div>
      <details open={Boolean(query.skede || query.handlaggare || query.utlysning || query.omrade || query.ar || query.fristFore)}>
        <summary>Filter och sortering</summary>
        <div className="filter-grid">
          <Select
            name="skede"
            label="Skede"
            value={query.skede}
            empty="Alla skeden"
            options={OPEN_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          />
          <Select
            name="handlaggare"
            label="Handläggare"
            value={query.handlaggare}
            empty="Alla handläggare"
            options={[{ value: "ingen", label: "Ingen handläggare" }, ...options.caseworkers]}
          />
          <Select name="utlysning" label="Utlysning" value={query.utlysning} empty="Alla utlysningar" options={options.calls} />
          <Select name="omrade" label="Prioriterat område" value={query.omrade} empty="Alla områden" options={options.priorityAreas} />
          <div className="field">
            <label htmlFor="filter-ar">Period (år)</label>
            <input id="filter-ar" type="text" inputMode="numeric" name="ar" defaultValue={query.ar ?? ""} aria-describedby="filter-ar-hint" />
            <p className="hint" id="filter-ar-hint">
              Till exempel 2027: ärenden vars period omfattar året.
            </p>
          </div>
          <div className="field">
            <label htmlFor="filter-frist">Frist före</label>
            <input id="filter-frist" type="date" name="fristFore" defaultValue={query.fristFore ?? ""} />
          </div>
          <Select
            name="sortera"
            label="Sortera"
            value={sort}
            empty="Standard"
            options={Object.entries(SORTS).map(([value, s]) => ({ value, label: s.label }))}
          />
        </div>
      </details>
      <div className="filter-buttons">
        <button type="submit">Visa</button>
        <Link to={`${base}?ko=${query.ko ?? ""}`}>Rensa sökning och filter</Link>
      </div>
    </Form>
  );
}
