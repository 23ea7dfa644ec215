import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { HiddenField, TextField, ValidatedForm } from "../components/form";
import { TableWrap } from "../components/table-wrap";
import { createYearlyReport, listYearlyReports } from "../district-reports/district-reports.server";
import { createFormSchema } from "../district-reports/narrative-form";
import { formDataToObject } from "../utils/forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Årsrapporter om IOP");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return listYearlyReports(user, params.district ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formDataToObject(await request.formData());
  if (values.intent !== "create") return data({ ok: false as const, errors: {}, formError: "Okänd åtgärd.", values }, { status: 400 });
  const result = await createYearlyReport(user, params.district ?? "", values);
  return result.ok ? redirect(result.redirectTo) : data(result, { status: 400 });
}

export default function YearlyReportsPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <h1>Årsrapporter om IOP till nämnden</h1>
      <p>
        En rapport per år över alla {page.districtName}s idéburna offentliga partnerskap: finansiering, aktiviteter, deltagare och
        resultat hämtas från överenskommelserna och föreningarnas rapporter. Handläggaren skriver texten, cheferna attesterar och
        registratorn registrerar när nämnden har lagt rapporten till handlingarna.
      </p>
      {page.reports.length > 0 ? (
        <TableWrap label="Årsrapporter">
          <table>
            <caption>Årsrapporter</caption>
            <thead>
              <tr>
                <th scope="col">År</th>
                <th scope="col">Läge</th>
                <th scope="col">Senast ändrad</th>
              </tr>
            </thead>
            <tbody>
              {page.reports.map((report) => (
                <tr key={report.year}>
                  <th scope="row">
                    <Link to={`${page.base}/${report.year}`}>Årsrapport {report.year}</Link>
                  </th>
                  <td>{report.state}</td>
                  <td>{report.updatedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>Det finns inga årsrapporter än.</p>
      )}
      {page.canCreate ? (
        <section aria-labelledby="ny-rapport" className="case-section">
          <h2 id="ny-rapport">Börja på en årsrapport</h2>
          <ValidatedForm schema={createFormSchema} failure={failure ?? null} defaultValues={{ year: page.suggestedYear }} submitLabel="Börja på rapporten">
            <HiddenField name="intent" value="create" />
            <TextField name="year" label="År" hint="Året som rapporten gäller, till exempel 2026. Finns rapporten redan öppnas den." inputMode="numeric" />
          </ValidatedForm>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
