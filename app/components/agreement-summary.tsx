import type { ReactNode } from "react";
import { totalFunding, type AgreementContent } from "../domain/agreement";
import { formatKronor } from "../domain/money";
import { TableWrap } from "./table-wrap";

interface Terms {
  startDate: string;
  endDate: string;
  reportDueDates: string[];
  extensionAllowed: boolean;
  finalReportDueDate: string | null;
}

const notYet = "Inte ifyllt än.";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="agreement-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

const Paragraphs = ({ text }: { text: string | undefined }) =>
  text?.trim() ? (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="pre-line">
          {p}
        </p>
      ))}
    </>
  ) : (
    <p className="hint">{notYet}</p>
  );

/** The agreement's content, section by section, as the förvaltning has written it. */
export function AgreementSummary({ content, terms }: { content: AgreementContent; terms: Terms | null }) {
  const start = terms?.startDate ?? content.startDate;
  const end = terms?.endDate ?? content.endDate;
  const dueDates = terms?.reportDueDates ?? content.reportDueDates ?? [];
  const finalDue = terms?.finalReportDueDate ?? content.finalReportDueDate;
  const extension = terms?.extensionAllowed ?? content.extensionAllowed;
  const years = content.yearlyAmounts ?? [];
  return (
    <div className="agreement">
      <Section title="Syfte och mål">
        <Paragraphs text={content.purposeAndGoals} />
      </Section>
      <Section title="Målgrupp">
        <Paragraphs text={content.targetGroup} />
      </Section>
      <Section title="Föreningens resurser och åtaganden">
        <Paragraphs text={content.associationResources} />
      </Section>
      <Section title="Förvaltningens resurser och åtaganden">
        <Paragraphs text={content.administrationResources} />
      </Section>
      <Section title="Ekonomiskt bidrag">
        {years.length === 0 ? (
          <p className="hint">{notYet}</p>
        ) : (
          <TableWrap label="Ekonomiskt bidrag per år">
            <table>
              <thead>
                <tr>
                  <th scope="col">År</th>
                  <th scope="col" className="number">
                    Belopp
                  </th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year}>
                    <td>{y.year}</td>
                    <td className="number">{formatKronor(y.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Totalt</th>
                  <td className="number">
                    <strong>{formatKronor(totalFunding(content))}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        )}
      </Section>
      <Section title="Giltighetstid">
        <dl className="facts">
          <dt>Period</dt>
          <dd>{start && end ? `${start} – ${end}` : notYet}</dd>
          <dt>Förlängning</dt>
          <dd>
            {extension === undefined
              ? notYet
              : extension
                ? content.extensionTerms?.trim() || "Överenskommelsen kan förlängas."
                : "Överenskommelsen kan inte förlängas."}
          </dd>
        </dl>
      </Section>
      <Section title="Samverkan">
        <dl className="facts">
          <dt>Styrgrupp</dt>
          <dd className="pre-line">{content.steeringGroup?.trim() || notYet}</dd>
          <dt>Arbetsgrupper</dt>
          <dd className="pre-line">{content.workingGroups?.trim() || notYet}</dd>
          <dt>Samordnare</dt>
          <dd>{content.coordinator?.trim() || notYet}</dd>
        </dl>
      </Section>
      <Section title="Rapporter">
        {dueDates.length === 0 ? (
          <p className="hint">{notYet}</p>
        ) : (
          <ul>
            {dueDates.map((d, i) => (
              <li key={d}>
                {`Rapport ${i + 1}: senast ${d}`}
              </li>
            ))}
            {finalDue ? <li>Slutrapport: senast {finalDue}</li> : null}
          </ul>
        )}
      </Section>
      <Section title="Mål i verksamhetsplanen">
        {(content.goals ?? []).length === 0 ? (
          <p className="hint">{notYet}</p>
        ) : (
          <TableWrap label="Mål och målvärden">
            <table>
              <thead>
                <tr>
                  <th scope="col">Mål</th>
                  <th scope="col">Målvärde</th>
                </tr>
              </thead>
              <tbody>
                {(content.goals ?? []).map((g, i) => (
                  <tr key={i}>
                    <td>{g.description}</td>
                    <td>{g.target}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
    </div>
  );
}
