import { totalFunding, type AgreementContent } from "../../domain/agreement";
import { formatKronor } from "../../domain/money";
import { TableWrap } from "../table-wrap";

const orDash = (value: string | null | undefined) => (value && value.trim() !== "" ? value : "–");

function Text({ value }: { value: string | null | undefined }) {
  return <dd className="prewrap">{orDash(value)}</dd>;
}

/** The agreement as both parties read it: the same order as the municipal agreements. */
export function AgreementView({ content }: { content: AgreementContent }) {
  const years = content.yearlyAmounts ?? [];
  const goals = content.goals ?? [];
  const extension =
    content.extensionAllowed === undefined ? "Inte angivet" : content.extensionAllowed ? "Ja" : "Nej";
  return (
    <div className="agreement-view">
      <h2>Syfte, mål och målgrupp</h2>
      <dl className="facts stacked">
        <div>
          <dt>Syfte och mål</dt>
          <Text value={content.purposeAndGoals} />
        </div>
        <div>
          <dt>Målgrupp</dt>
          <Text value={content.targetGroup} />
        </div>
      </dl>
      <h2>Parternas resurser och åtaganden</h2>
      <dl className="facts stacked">
        <div>
          <dt>Föreningen</dt>
          <Text value={content.associationResources} />
        </div>
        <div>
          <dt>Förvaltningen</dt>
          <Text value={content.administrationResources} />
        </div>
      </dl>
      <h3>Ekonomiskt bidrag per år</h3>
      {years.length === 0 ? (
        <p>Inga belopp är angivna.</p>
      ) : (
        <TableWrap label="Ekonomiskt bidrag per år">
          <table>
            <thead>
              <tr>
                <th scope="col">År</th>
                <th scope="col" className="num">
                  Belopp
                </th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <td>{y.year}</td>
                  <td className="num">{formatKronor(y.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Summa</th>
                <td className="num">{formatKronor(totalFunding(content))}</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}
      <h2>Giltighetstid och rapportering</h2>
      <dl className="facts">
        <div>
          <dt>Gäller från</dt>
          <dd>{orDash(content.startDate)}</dd>
        </div>
        <div>
          <dt>Gäller till och med</dt>
          <dd>{orDash(content.endDate)}</dd>
        </div>
        <div>
          <dt>Möjlighet till förlängning</dt>
          <dd>{extension}</dd>
        </div>
        <div>
          <dt>Villkor för förlängning</dt>
          <dd>{orDash(content.extensionTerms)}</dd>
        </div>
        <div>
          <dt>Rapporter lämnas senast</dt>
          <dd>{(content.reportDueDates ?? []).length > 0 ? (content.reportDueDates ?? []).join(", ") : "–"}</dd>
        </div>
        <div>
          <dt>Slutrapport lämnas senast</dt>
          <dd>{orDash(content.finalReportDueDate ?? content.endDate)}</dd>
        </div>
      </dl>
      <h2>Samverkan</h2>
      <dl className="facts stacked">
        <div>
          <dt>Styrgrupp</dt>
          <Text value={content.steeringGroup} />
        </div>
        <div>
          <dt>Arbetsgrupper</dt>
          <Text value={content.workingGroups} />
        </div>
        <div>
          <dt>Samordnare</dt>
          <Text value={content.coordinator} />
        </div>
      </dl>
      <h2>Verksamhetsplanens mål</h2>
      {goals.length === 0 ? (
        <p>Inga mål är angivna.</p>
      ) : (
        <TableWrap label="Verksamhetsplanens mål">
          <table>
            <thead>
              <tr>
                <th scope="col">Mål</th>
                <th scope="col">Målvärde</th>
              </tr>
            </thead>
            <tbody>
              {goals.map((g, i) => (
                <tr key={i}>
                  <td>{g.description}</td>
                  <td>{g.target}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
