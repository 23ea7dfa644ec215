import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { loadSubmittedPeriod } from "../association/period-report.server";
import { CaseHeading } from "../components/association/case-heading";
import { PeriodReportView } from "../components/period-report-view";
import { FinancialView } from "../components/report-financial-table";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `Rapport ${data.periodIndex + 1}` : "Rapport");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "organisation.view");
  const index = /^\d{1,3}$/.test(params.periodIndex ?? "") ? Number(params.periodIndex) : null;
  const page = index === null ? null : await loadSubmittedPeriod(caseRow, index);
  if (!page) throw new Response("Det finns ingen inskickad rapport för den perioden.", { status: 404 });
  return page;
}

export default function EarlierReportPage() {
  const page = useLoaderData<typeof loader>();
  const latest = page.versions.at(-1)!;
  return (
    <>
      <CaseHeading title={`Rapport ${page.periodIndex + 1}`} caseTitle={page.title} diaryNumber={page.diaryNumber} caseId={page.caseId} />
      <p>
        {page.dueDate ? `Skulle vara inskickad senast ${page.dueDate}. ` : ""}
        {`Inskickad ${latest.submittedAt?.slice(0, 10) ?? ""}${latest.version > 1 ? ` (version ${latest.version})` : ""}.`}
      </p>
      <PeriodReportView reader="association" content={latest.content} goals={page.goals} />
      <h2>Ekonomisk redovisning</h2>
      {latest.financial && latest.financialSubmittedAt ? (
        <FinancialView report={latest.financial} label="Ekonomisk redovisning" />
      ) : (
        <p>
          Inte inskickad än.{" "}
          <Link to={`/forening/arenden/${page.caseId}/rapport/ekonomi?period=${page.periodIndex}`}>
            Fyll i den ekonomiska redovisningen
          </Link>
        </p>
      )}
      {page.versions.length > 1 ? (
        <>
          <h2>Tidigare versioner</h2>
          {page.versions.slice(0, -1).map((v) => (
            <details key={v.version}>
              <summary>{`Version ${v.version}, inskickad ${v.submittedAt?.slice(0, 10) ?? ""}`}</summary>
              <PeriodReportView reader="association" content={v.content} goals={page.goals} headingLevel={3} />
            </details>
          ))}
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
