/** A nämnd document (app/documents/model.ts) on screen, as it will be printed: what the chefer attest. */
import { ATTESTED_INTRO, type NamndDocument } from "../../documents/model";
import { TableWrap } from "../table-wrap";

export function DocumentView({ document, headingLevel = 2 }: { document: NamndDocument; headingLevel?: 2 | 3 }) {
  const Title = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const { header } = document;
  return (
    <article className="document-view" aria-label={document.title}>
      <dl className="facts document-header">
        <dt>Handläggare</dt>
        <dd>
          {header.caseworker || "–"}
          {header.phone ? `, telefon ${header.phone}` : ""}
        </dd>
        <dt>Till</dt>
        <dd>{header.to}</dd>
        <dt>Datum</dt>
        <dd>{header.date}</dd>
        {header.diaryNumber ? (
          <>
            <dt>Diarienummer</dt>
            <dd>{header.diaryNumber}</dd>
          </>
        ) : null}
      </dl>
      <Title>{document.title}</Title>
      {document.blocks.map((block, i) => {
        switch (block.type) {
          case "heading":
            return <Sub key={i}>{block.text}</Sub>;
          case "paragraph":
            return (
              <p key={i} className="pre-line">
                {block.text}
              </p>
            );
          case "table":
            return (
              <TableWrap key={i} label={block.caption ?? "Tabell"}>
                <table>
                  {block.caption ? <caption>{block.caption}</caption> : null}
                  <thead>
                    <tr>
                      {block.headers.map((h) => (
                        <th key={h} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, c) => (
                          <td key={c}>{cell}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            );
          case "signatures":
            return (
              <ul key={i} className="signatures">
                {block.people.map((p) => (
                  <li key={`${p.name}-${p.title}`}>
                    {`${p.name}, ${p.title}, ${p.organisation}`}
                  </li>
                ))}
              </ul>
            );
          case "attestations":
            return <AttestedBy key={i} rows={block.rows} headingLevel={headingLevel === 2 ? 3 : 4} />;
        }
      })}
    </article>
  );
}

/** The seeds' closing table: who approved the document digitally, and when. */
export function AttestedBy({ rows, headingLevel = 3 }: { rows: AttestationRow[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <>
      <Heading>Attesterat av</Heading>
      <p>{ATTESTED_INTRO}</p>
      <AttestationTable rows={rows} caption="Attesterat av" hideCaption />
    </>
  );
}

interface AttestationRow {
  name: string;
  title: string;
  date: string;
}

/** Name and title, and the date: as the seeds' "Attesterat av" table has them. */
export function AttestationTable({ rows, caption, hideCaption = false }: { rows: AttestationRow[]; caption: string; hideCaption?: boolean }) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Datum</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.name}-${r.date}`}>
              <td>{`${r.name}, ${r.title}`}</td>
              <td>{r.date}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
