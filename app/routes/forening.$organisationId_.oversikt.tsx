import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { requireOrganisationMember, requireUser } from "../auth/current-user.server";
import { getOrganisationProfile } from "../organisations/profile.server";
import { loadOrganisationDashboard } from "../dashboards/organisation.server";
import { ChartFigure, DataTable } from "../components/charts/chart-figure";
import { formatCount, formatKronorShort, formatRange } from "../components/charts/format";
import { formatKronor } from "../domain/money";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

const Params = z.object({ organisationId: z.uuid() });

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Föreningens siffror – ${data.name}` : "Föreningens siffror");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const organisationId = parsed.data.organisationId;
  requireOrganisationMember(user, organisationId, "organisation.view");
  const profile = await getOrganisationProfile(organisationId);
  if (!profile) throw new Response("Not found", { status: 404 });
  return { id: organisationId, name: profile.organisation.name, ...(await loadOrganisationDashboard(organisationId)) };
}

const GENDER_SERIES = [
  { key: "women", label: "Kvinnor och flickor" },
  { key: "men", label: "Män och pojkar" },
  { key: "other", label: "Annat eller ej angivet" },
] as const;

export default function OrganisationDashboardPage() {
  const d = useLoaderData<typeof loader>();
  const hasRanges = d.figures.some((f) => [...GENDER_SERIES.map((g) => f[g.key]), f.sessions].some((r) => r.low !== r.high));
  return (
    <>
      <h1>Föreningens siffror</h1>
      <p className="lead">
        {d.name}: bidrag, deltagare, tillfällen och mål år för år, ur era överenskommelser och årsrapporter. Diagrammen har tabeller
        med samma siffror.
      </p>
      {d.years.length === 0 ? (
        <p>
          Föreningen har ingen överenskommelse med bidrag ännu. Siffrorna visas här när en överenskommelse finns.{" "}
          <Link to="/forening">Till föreningens ärenden</Link>
        </p>
      ) : (
        <>
          <ChartFigure
            id="bidrag"
            title="Bidrag per år"
            note="Förvaltningens bidrag enligt era överenskommelser."
            chart={{
              data: d.funding.map((f) => ({ label: String(f.year), values: { amount: f.amount } })),
              series: [{ key: "amount", label: "Bidrag" }],
              summary: `Stapeldiagram: bidrag per år. ${d.funding.map((f) => `${f.year}: ${formatKronor(f.amount)}`).join(", ")}.`,
              format: formatKronor,
              shortFormat: formatKronorShort,
            }}
          >
            <DataTable
              caption="Bidrag per år"
              headers={["År", "Antal överenskommelser", "Bidrag"]}
              numeric={[false, true, true]}
              rows={d.funding.map((f) => [String(f.year), formatCount(f.iops), formatKronor(f.amount)])}
              footer={["Totalt", "", formatKronor(d.funding.reduce((sum, f) => sum + f.amount, 0))]}
            />
          </ChartFigure>

          <ChartFigure
            id="deltagare"
            title="Deltagare per kön och år"
            note={
              <>
                Summan av deltagarna i era årsrapporter.
                {hasRanges ? " Där ni angett ett spann visar diagrammet det lägsta talet och tabellen hela spannet." : null}
              </>
            }
            chart={{
              data: d.figures.map((f) => ({
                label: String(f.year),
                values: Object.fromEntries(GENDER_SERIES.map((g) => [g.key, f[g.key].low])),
              })),
              series: GENDER_SERIES,
              summary: `Stapeldiagram: deltagare per kön och år. ${d.figures
                .map((f) => `${f.year}: ${GENDER_SERIES.map((g) => `${formatRange(f[g.key])} ${g.label.toLowerCase()}`).join(", ")}`)
                .join(". ")}.`,
              format: formatCount,
            }}
          >
            <DataTable
              caption="Deltagare per kön och år"
              headers={["År", ...GENDER_SERIES.map((g) => g.label)]}
              numeric={[false, true, true, true]}
              rows={d.figures.map((f) => [String(f.year), ...GENDER_SERIES.map((g) => formatRange(f[g.key]))])}
            />
          </ChartFigure>

          <ChartFigure
            id="tillfallen"
            title="Tillfällen per år"
            note="Antal tillfällen för alla aktiviteter i årsrapporterna."
            chart={{
              data: d.figures.map((f) => ({ label: String(f.year), values: { sessions: f.sessions.low } })),
              series: [{ key: "sessions", label: "Tillfällen" }],
              summary: `Stapeldiagram: tillfällen per år. ${d.figures.map((f) => `${f.year}: ${formatRange(f.sessions)}`).join(", ")}.`,
              format: formatCount,
            }}
          >
            <DataTable
              caption="Tillfällen per år"
              headers={["År", "Tillfällen"]}
              numeric={[false, true]}
              rows={d.figures.map((f) => [String(f.year), formatRange(f.sessions)])}
            />
          </ChartFigure>

          <section className="chart-figure" aria-labelledby="mal">
            <h2 id="mal">Mål och utfall</h2>
            {d.goals.length === 0 ? (
              <p>Överenskommelserna har inga mål med målvärden.</p>
            ) : (
              <>
                <p className="hint">Målen i verksamhetsplanen med målvärdet och det utfall ni rapporterat för året.</p>
                <DataTable
                  caption="Mål, målvärde och utfall per år"
                  headers={["Mål", "År", "Överenskommelse", "Målvärde", "Utfall"]}
                  rows={d.goals.map((g) => [g.description, String(g.year), g.diaryNumber ?? g.title, g.target, g.outcome || "Inte rapporterat"])}
                />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
