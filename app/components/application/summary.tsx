/** An application as text, field by field: the review step, the versions page and the receipt use it. */
export interface SummarySection {
  slug: string;
  title: string;
  fields: { field: string; label: string; text: string }[];
}

export function ApplicationSummary({ sections, editHref }: { sections: SummarySection[]; editHref?: (slug: string) => string }) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.slug} aria-labelledby={`summary-${s.slug}`} className="application-summary">
          <h2 id={`summary-${s.slug}`}>{s.title}</h2>
          <dl>
            {s.fields.map((f) => (
              <div key={f.field}>
                <dt>{f.label}</dt>
                <dd className="preserve-lines">{f.text || <span className="hint">Inte ifyllt</span>}</dd>
              </div>
            ))}
          </dl>
          {editHref ? (
            <p>
              <a href={editHref(s.slug)}>
                Ändra <span className="visually-hidden">{s.title.toLowerCase()}</span>
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
