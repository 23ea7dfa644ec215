import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxGroup, HiddenField, RadioGroup, TextAreaField, TextField, ValidatedForm } from "../components/form";
import { CaseSummary } from "../components/partnership/case-summary";
import { Notice } from "../components/form";
import { MeetingList } from "../components/partnership/meeting-list";
import { PeriodReportView } from "../components/period-report-view";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForDistrict } from "../cases/access.server";
import { loadFollowUpPage } from "../partnership/follow-up-page.server";
import { handleFollowUpAction } from "../partnership/follow-up-actions.server";
import {
  approveReportSchema,
  extendSchema,
  meetingSchema,
  reportCompletionSchema,
  terminateSchema,
} from "../partnership/follow-up-forms";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Uppföljning");

const PAGE_PERMISSIONS = ["report.review", "meeting.record", "partnership.extend", "partnership.terminate"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadFollowUpPage(await requireCaseForDistrict(user, params, PAGE_PERMISSIONS));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireCaseForDistrict(user, params, PAGE_PERMISSIONS);
  const reply = await handleFollowUpAction(user, found, await request.formData());
  return reply.status === 200 ? reply.body : data(reply.body, { status: reply.status });
}

export default function FollowUpPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { header, can, terms } = loaded;
  const state = header.state;
  const inFollowUp = state.startsWith("followUp.");
  const failureOf = (intent: string) => (result && !result.ok && result.intent === intent ? result : null);
  const formKey = (intent: string) => (result?.ok ? `${intent}-${header.revision}` : intent);
  const revision = String(header.revision);
  const current = loaded.reports.find((r) => r.periodIndex === loaded.currentPeriodIndex);
  const dueDate = (index: number) => terms?.reportDueDates[index] ?? "–";
  return (
    <>
      <h1>Uppföljning</h1>
      <CaseSummary base={loaded.base} header={header} />
      <Notice message={result?.ok ? result.notice : null} />
      {terms ? (
        <p>
          Överenskommelsen gäller {terms.startDate} – {terms.endDate}. Rapporter lämnas senast {terms.reportDueDates.join(", ")}.
          {loaded.termination ? ` Överenskommelsen upphör ${loaded.termination.effectiveDate}.` : ""}
        </p>
      ) : (
        <p>Överenskommelsen är inte underskriven än. Uppföljningen börjar när båda parter har skrivit under.</p>
      )}

      <h2>Rapporter</h2>
      {loaded.reports.length === 0 ? <p>Föreningen har inte lämnat någon rapport än.</p> : null}
      {loaded.reports.map((report) => (
        <section key={report.id} aria-labelledby={`report-${report.periodIndex}`} className="report-section">
          <h2 id={`report-${report.periodIndex}`} className="h3-size">
            {`Rapport ${report.periodIndex + 1} (lämnas senast ${dueDate(report.periodIndex)})`}
          </h2>
          <p className="hint">
            {`Version ${report.version}${report.submittedAt ? `, inskickad ${report.submittedAt.slice(0, 10)}` : ""}`}
          </p>
          <PeriodReportView
            reader="administration"
            id={`rapport ${report.periodIndex + 1}`}
            content={report.content}
            financial={report.financial}
            goals={loaded.goals}
            addedValue={report.addedValue}
          />
        </section>
      ))}

      {state === "followUp.reportSubmitted" && can.review && current ? (
        <section aria-labelledby="review-heading" className="panel">
          <h2 id="review-heading">{`Granska rapport ${loaded.currentPeriodIndex + 1}`}</h2>
          <h3>Godkänn rapporten</h3>
          <ValidatedForm key={formKey("approve")} schema={approveReportSchema} failure={failureOf("approve")} submitLabel="Godkänn rapporten">
            <HiddenField name="intent" value="approve" />
            <HiddenField name="expectedRevision" value={revision} />
            <TextAreaField
              name="addedValue"
              label="Förvaltningens bedömning av mervärdet"
              hint="Vad har partnerskapet gett som förvaltningen inte hade kunnat åstadkomma själv? Texten hör till rapporten."
            />
          </ValidatedForm>
          <h3>Begär komplettering</h3>
          <ValidatedForm
            key={formKey("requestCompletion")}
            schema={reportCompletionSchema}
            failure={failureOf("requestCompletion")}
            submitLabel="Begär komplettering"
          >
            <HiddenField name="intent" value="requestCompletion" />
            <HiddenField name="expectedRevision" value={revision} />
            <TextAreaField name="completionMessage" label="Vad behöver föreningen komplettera?" rows={4} />
            <TextField name="completionDueDate" label="Sista dag för kompletteringen" type="date" />
          </ValidatedForm>
        </section>
      ) : null}

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Möten i styrgrupp och arbetsgrupper</h2>
        <MeetingList meetings={loaded.meetings} />
        {can.meeting ? (
          <>
            <h3>Lägg till ett möte</h3>
            <ValidatedForm key={formKey("meeting")} schema={meetingSchema} failure={failureOf("meeting")} submitLabel="Spara mötet">
              <HiddenField name="intent" value="meeting" />
              <RadioGroup
                name="meetingKind"
                legend="Vilket slags möte?"
                options={[
                  { value: "styrgrupp", label: "Styrgrupp" },
                  { value: "arbetsgrupp", label: "Arbetsgrupp" },
                ]}
              />
              <TextField name="heldOn" label="Datum" type="date" />
              <TextAreaField name="participants" label="Deltagare" rows={3} />
              <TextAreaField name="minutes" label="Minnesanteckningar" rows={6} />
            </ValidatedForm>
          </>
        ) : null}
      </section>

      {inFollowUp && can.extend ? (
        <section aria-labelledby="extend-heading">
          <h2 id="extend-heading">Förläng överenskommelsen</h2>
          <p>
            {terms?.extensionAllowed
              ? "Överenskommelsen ger möjlighet till förlängning. Registrera beslutet här när det är fattat."
              : "Överenskommelsen ger ingen möjlighet till förlängning."}
          </p>
          <ValidatedForm key={formKey("extend")} schema={extendSchema} failure={failureOf("extend")} submitLabel="Registrera förlängningen">
            <HiddenField name="intent" value="extend" />
            <HiddenField name="expectedRevision" value={revision} />
            <TextField name="newEndDate" label="Nytt slutdatum" type="date" />
            <TextField
              name="addedReportDueDates"
              label="Nya rapportdatum"
              hint="Skriv datumen som ÅÅÅÅ-MM-DD, åtskilda med kommatecken, till exempel 2026-09-30, 2027-03-31."
            />
            <TextField
              name="extensionFinalReportDueDate"
              label="Ny sista dag för slutrapporten (frivilligt)"
              hint="Utan datum gäller det nya slutdatumet."
              type="date"
            />
            <CheckboxGroup
              name="confirmExtension"
              legend="Bekräfta"
              options={[{ value: "yes", label: "Beslutet om förlängning är fattat och ska registreras." }]}
            />
          </ValidatedForm>
        </section>
      ) : null}

      {inFollowUp && can.terminate ? (
        <section aria-labelledby="terminate-heading">
          <h2 id="terminate-heading">Avsluta överenskommelsen i förtid</h2>
          <p>När beslutet är registrerat ska föreningen lämna slutrapport.</p>
          <ValidatedForm key={formKey("terminate")} schema={terminateSchema} failure={failureOf("terminate")} submitLabel="Registrera att överenskommelsen upphör">
            <HiddenField name="intent" value="terminate" />
            <HiddenField name="expectedRevision" value={revision} />
            <TextAreaField name="reason" label="Varför upphör överenskommelsen?" rows={4} />
            <TextField name="effectiveDate" label="Upphör från och med" type="date" />
            <TextField name="terminationFinalReportDueDate" label="Sista dag för slutrapporten (frivilligt)" type="date" />
            <CheckboxGroup
              name="confirmTermination"
              legend="Bekräfta"
              options={[{ value: "yes", label: "Beslutet om att överenskommelsen upphör är fattat och ska registreras." }]}
            />
          </ValidatedForm>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteError;
