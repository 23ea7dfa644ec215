import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { loadDistrictDashboard } from "../dashboards/district.server";
import { periodFrom } from "../dashboards/period";
import { ChartFigure, DataTable } from "../components/charts/chart-figure";
import { formatCount, formatDays, formatKronorShort, formatRange } from "../components/charts/format";
import { formatKronor } from "../domain/money";
import { stockholmDate } from "../utils/time";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Nyckeltal – ${data.districtName}` : "Nyckeltal");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "case.view");
  const thisYear = Number(stockholmDate(new Date()).slice(0, 4));
  const asked = periodFrom(new URL(request.url).searchParams, thisYear);
  const period = asked ?? periodFrom(new URLSearchParams(), thisYear)!;
  const dashboard = await loadDistrictDashboard(district.id, period);
  return {
    districtName: district.name,
    base: `/forvaltning/${district.code.toLowerCase()}`,
    invalidPeriod: asked === null,
    ...dashboard,
  };
}

const GENDER_SERIES = [
  { key: "women", label: "Kvinnor och flickor" },
  { key: "men", label: "Män och pojkar" },
  { key: "other", label: "Annat eller ej angivet" },
] as const;

export default function DistrictDashboardPage() {
  const d = useLoaderData<typeof loader>();
  const span = d.period.from === d.period.to ? String(d.period.from) : `${d.period.from}–${d.period.to}`;
  const yearCols = d.years.map(String);
  const hasRanges = d.participants.some((p) => GENDER_SERIES.some((g) => p[g.key].low !== p[g.key].high));
  const stageTotal = d.stages.reduce((sum, s) => sum + s.count, 0);
  return (
    <>
      <h1>Nyckeltal för {d.districtName}</h1>
      <p className="lead">Bidrag, deltagare, ärenden och handläggningstider {span}. Diagrammen har tabeller med samma siffror.</p>
      <Form method="get" className="dashboard-filter" aria-label="Välj period">
        {d.invalidPeriod ? (
          <p className="field-error" role="alert">
            Skriv år mellan 2000 och 2100. Sidan visar de senaste fem åren i stället.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="fran">Från år</label>
          <input id="fran" name="fran" type="text" inputMode="numeric" size={6} defaultValue={d.period.from} />
        </div>
        <div className="field">
          <label htmlFor="till">Till och med år</label>
          <input id="till" name="till" type="text" inputMode="numeric" size={6} defaultValue={d.period.to} />
        </div>
        <button type="submit" className="secondary">
          Visa perioden
        </button>
      </Form>

      <ChartFigure
        id="bidrag"
        title={`Bidrag per IOP och år, ${span}`}
        note="Förvaltningens bidrag enligt överenskommelserna, samma belopp som i årsredovisningen till nämnden."
        chart={
          d.funding.iops.length > 0
            ? {
                data: d.years.map((y) => ({ label: String(y), values: { amount: d.funding.totals[y] ?? 0 } })),
                series: [{ key: "amount", label: "Bidrag totalt" }],
                summary: `Stapeldiagram: förvaltningens bidrag totalt per år. ${d.years
                  .map((y) => `${y}: ${formatKronor(d.funding.totals[y] ?? 0)}`)
                  .join(", ")}.`,
                format: formatKronor,
                shortFormat: formatKronorShort,
              }
            : null
        }
      >
        {d.funding.iops.length === 0 ? (
          <p>Inga överenskommelser har bidrag under perioden.</p>
        ) : (
          <DataTable
            caption={`Bidrag per IOP och år, ${span}`}
            headers={["IOP", ...yearCols, "Summa"]}
            numeric={[false, ...yearCols.map(() => true), true]}
            rows={d.funding.iops.map((iop) => [
              <>
                {iop.label}
                {iop.diaryNumber ? <span className="hint"> {iop.diaryNumber}</span> : null}
              </>,
              ...d.years.map((y) => (iop.amounts[y] !== undefined ? formatKronor(iop.amounts[y]!) : "–")),
              formatKronor(iop.total),
            ])}
            footer={["Totalt", ...d.years.map((y) => formatKronor(d.funding.totals[y] ?? 0)), formatKronor(d.funding.total)]}
          />
        )}
      </ChartFigure>

      <ChartFigure
        id="deltagare"
        title={`Deltagare per kön och år, ${span}`}
        note={
          <>
            Summan av deltagarna i föreningarnas årsrapporter.
            {hasRanges ? " Där en förening angett ett spann visar diagrammet det lägsta talet och tabellen hela spannet." : null}
          </>
        }
        chart={{
          data: d.participants.map((p) => ({
            label: String(p.year),
            values: Object.fromEntries(GENDER_SERIES.map((g) => [g.key, p[g.key].low])),
          })),
          series: GENDER_SERIES,
          summary: `Stapeldiagram: deltagare per kön och år. ${d.participants
            .map((p) => `${p.year}: ${GENDER_SERIES.map((g) => `${formatRange(p[g.key])} ${g.label.toLowerCase()}`).join(", ")}`)
            .join(". ")}.`,
          format: formatCount,
        }}
      >
        <DataTable
          caption={`Deltagare per kön och år, ${span}`}
          headers={["År", ...GENDER_SERIES.map((g) => g.label), "Tillfällen"]}
          numeric={[false, true, true, true, true]}
          rows={d.participants.map((p) => [String(p.year), ...GENDER_SERIES.map((g) => formatRange(p[g.key])), formatRange(p.sessions)])}
        />
      </ChartFigure>

      <ChartFigure
        id="arenden"
        title={`Ärenden per steg, inlämnade ${span}`}
        note="Var ärendena som lämnades in under perioden befinner sig nu."
        chart={
          stageTotal > 0
            ? {
                data: d.stages.map((s) => ({ label: s.label, values: { count: s.count } })),
                series: [{ key: "count", label: "Antal ärenden" }],
                summary: `Stapeldiagram: ärenden per steg. ${d.stages.map((s) => `${s.label}: ${s.count}`).join(", ")}.`,
                format: formatCount,
                horizontal: true,
              }
            : null
        }
      >
        <DataTable
          caption={`Ärenden per steg, inlämnade ${span}`}
          headers={["Steg", "Antal ärenden"]}
          numeric={[false, true]}
          rows={d.stages.map((s) => [s.label, formatCount(s.count)])}
          footer={["Totalt", formatCount(stageTotal)]}
        />
      </ChartFigure>

      <ChartFigure
        id="handlaggningstid"
        title={`Handläggningstider, ${span}`}
        note="Median i dagar, räknat ur ärendenas händelselogg. Ett ärende räknas det år steget blev klart."
        chart={
          d.leadTimes.some((l) => l.medianDays !== null)
            ? {
                data: d.leadTimes.map((l) => ({ label: l.short, values: { median: l.medianDays ?? 0 } })),
                series: [{ key: "median", label: "Median, dagar" }],
                summary: `Stapeldiagram: median handläggningstid i dagar. ${d.leadTimes
                  .map((l) => `${l.label}: ${l.medianDays === null ? "inga ärenden" : `${formatDays(l.medianDays)} dagar`}`)
                  .join(". ")}.`,
                format: formatDays,
                horizontal: true,
              }
            : null
        }
      >
        <DataTable
          caption={`Handläggningstider, median i dagar, ${span}`}
          headers={["Steg", "Antal ärenden", "Median, dagar"]}
          numeric={[false, true, true]}
          rows={d.leadTimes.map((l) => [l.label, formatCount(l.cases), l.medianDays === null ? "–" : formatDays(l.medianDays)])}
        />
      </ChartFigure>

      <section className="chart-figure" aria-labelledby="forsenade">
        <h2 id="forsenade">Försenade rapporter</h2>
        {d.overdueCount === 0 ? (
          <p>Inga rapporter är försenade.</p>
        ) : (
          <>
            <p>
              {d.overdueCount === 1 ? "1 rapport är försenad." : `${formatCount(d.overdueCount)} rapporter är försenade.`}
              {d.overdueCount > d.overdue.length ? ` De ${d.overdue.length} äldsta visas.` : null}{" "}
              <Link to={`${d.base}/arenden?ko=rapporter`}>Se alla i kön Rapporter</Link>
            </p>
            <DataTable
              caption="Försenade rapporter, äldst först"
              headers={["Förening", "Diarienummer", "Vad", "Skulle lämnas senast", "Dagar sen"]}
              numeric={[false, false, false, false, true]}
              rows={d.overdue.map((o) => [
                o.organisationName,
                <Link key="l" to={`${d.base}/arenden/${o.caseId}`}>
                  {o.diaryNumber ?? "Ärendet"}
                </Link>,
                o.label,
                o.dueOn,
                formatCount(o.daysLate),
              ])}
            />
          </>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
