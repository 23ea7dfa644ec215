/**
 * The förvaltning's page for one case: status, what the person may do now, the förening, the
 * application and its versions, files, deadlines, events and internal notes.
 */
import { Form, Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import type { loadStaffCaseView } from "../../administration/case-page-view.server";
import type { CaseIntent, runCaseIntent } from "../../administration/case-commands.server";
import { chooseCaseworkerSchema, completionRequestSchema, noteSchema } from "../../administration/case-forms";
import { CaseLinks } from "../case-links";
import { HiddenField, Notice, SelectField, TextAreaField, TextField, ValidatedForm } from "../form";
import { ApplicationView, FileList, Section, Timeline, VersionHistory } from "./case-sections";

export type StaffCaseViewData = SerializeFrom<typeof loadStaffCaseView>;
export type StaffCaseIntentResult = SerializeFrom<typeof runCaseIntent>;

function Revision({ value }: { value: number }) {
  return <HiddenField name="expectedRevision" value={String(value)} />;
}

export function StaffCaseView({ page, result }: { page: StaffCaseViewData; result: StaffCaseIntentResult | undefined }) {
  const failureFor = (intent: CaseIntent) => (result && !result.ok && result.intent === intent ? result : null);
  const plainFailure = result && !result.ok && ["take", "startAssessment", "startFinalAssessment", null].includes(result.intent) ? result : null;
  const { allowed } = page;
  const anyAction = Object.values(allowed).some(Boolean);
  return (
    <>
      <p>
        <Link to={page.base.replace(/\/[^/]+$/, "")}>Till ärendelistan</Link>
      </p>
      <h1>
        {page.diaryNumber ? `${page.diaryNumber}: ` : ""}
        {page.title}
      </h1>
      <CaseLinks base={page.base.replace(/\/[^/]+$/, "")} {...page.linked} draftsHidden />
      <div className="panel case-status">
        <p>
          <strong>Status:</strong> {page.status.label}
        </p>
        <p>{page.status.next}</p>
        {page.organisation && !page.organisation.verified ? (
          <p>
            <strong className="tag-unverified">Föreningen är inte verifierad</strong> Ingen överenskommelse kan skickas för underskrift förrän
            förvaltningen har bekräftat föreningens firmatecknare.{" "}
            <Link to={`${page.base.replace(/\/arenden\/.*$/, "")}/foreningar/${page.organisation.id}`}>Till verifieringen</Link>
          </p>
        ) : null}
        {page.completionRequest ? (
          <p>
            <strong>Begärd komplettering</strong> (senast {page.completionRequest.dueDate}): {page.completionRequest.message}
          </p>
        ) : null}
        {page.lastReturn && page.state.endsWith("assessment") ? (
          <p>
            <strong>Utlåtandet skickades tillbaka:</strong> {page.lastReturn.comment}
          </p>
        ) : null}
      </div>
      <Notice message={result?.ok ? result.message : null} />
      {plainFailure ? (
        <div className="error-summary" role="alert">
          <h2>Det gick inte</h2>
          <p>{plainFailure.formError}</p>
        </div>
      ) : null}

      <Section id="actions" title="Att göra">
        {!anyAction ? <p>Du har inget att göra i ärendet just nu.</p> : null}
        <div className="case-actions">
          {allowed.take ? (
            <Form method="post">
              <input type="hidden" name="intent" value="take" />
              <Revision value={page.revision} />
              <button type="submit">Ta ärendet</button>
            </Form>
          ) : null}
          {page.partnershipLinks.length > 0 ? (
            <nav aria-label="Partnerskapet">
              <ul>
                {page.partnershipLinks.map((link) => (
                  <li key={link.href}>
                    <Link to={link.href}>{link.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {allowed.startAssessment ? (
            <Form method="post">
              <input type="hidden" name="intent" value="startAssessment" />
              <Revision value={page.revision} />
              <button type="submit">Börja bedöma</button>
            </Form>
          ) : null}
          {allowed.startFinalAssessment ? (
            <Form method="post">
              <input type="hidden" name="intent" value="startFinalAssessment" />
              <Revision value={page.revision} />
              <button type="submit">Börja bedöma slutrapporten</button>
            </Form>
          ) : null}
          {page.state === "review.assessment" || page.state === "review.assigned" ? (
            allowed.statement || allowed.startAssessment ? (
              <p>
                <Link to={`${page.base}/bedomning`}>Bedömning</Link>
              </p>
            ) : null
          ) : null}
          {allowed.statement ? (
            <p>
              <Link to={`${page.base}/utlatande?skede=${page.state.startsWith("finalReport") ? "slutrapport" : "ansokan"}`}>
                Skriv tjänsteutlåtande
              </Link>
            </p>
          ) : null}
          {allowed.attest ? (
            <p>
              <Link to={`${page.base}/attestering`}>Attestera utlåtandet</Link>
            </p>
          ) : null}
          {allowed.decision ? (
            <p>
              <Link to={`${page.base}/beslut`}>Registrera nämndens beslut</Link>
            </p>
          ) : null}
        </div>
        {allowed.assign || allowed.reassign ? (
          <>
            <h3>{allowed.assign ? "Fördela ärendet" : "Byt handläggare"}</h3>
            <ValidatedForm
              schema={chooseCaseworkerSchema}
              failure={failureFor(allowed.assign ? "assign" : "reassign")}
              submitLabel={allowed.assign ? "Fördela" : "Byt handläggare"}
            >
              <HiddenField name="intent" value={allowed.assign ? "assign" : "reassign"} />
              <Revision value={page.revision} />
              <SelectField
                name="caseworkerId"
                label="Handläggare"
                placeholder="Välj handläggare …"
                options={page.caseworkers.filter((c) => c.value !== page.assignedCaseworkerId)}
              />
            </ValidatedForm>
          </>
        ) : null}
        {allowed.requestCompletion ? (
          <>
            <h3>Begär komplettering</h3>
            <ValidatedForm schema={completionRequestSchema} failure={failureFor("requestCompletion")} submitLabel="Skicka begäran till föreningen">
              <HiddenField name="intent" value="requestCompletion" />
              <Revision value={page.revision} />
              <TextAreaField name="message" label="Vad ska föreningen komplettera?" hint="Föreningen får texten i ett e-postmeddelande." rows={4} />
              <TextField name="dueDate" label="Sista dag att komplettera" hint="ÅÅÅÅ-MM-DD" type="date" />
            </ValidatedForm>
          </>
        ) : null}
      </Section>

      <Section id="forening" title="Föreningen">
        {page.organisation ? (
          <dl className="facts">
            <dt>Namn</dt>
            <dd>{page.organisation.name}</dd>
            <dt>Organisationsnummer</dt>
            <dd>{page.organisation.organisationNumber}</dd>
            <dt>Verifiering</dt>
            <dd>
              {page.organisation.verified ? "Verifierad" : "Inte verifierad"} –{" "}
              <Link to={`${page.base.replace(/\/arenden\/.*$/, "")}/foreningar/${page.organisation.id}`}>firmatecknare och protokoll</Link>
            </dd>
            <dt>E-post</dt>
            <dd>{page.organisation.email}</dd>
            {page.organisation.phone ? (
              <>
                <dt>Telefon</dt>
                <dd>{page.organisation.phone}</dd>
              </>
            ) : null}
            {page.organisation.address ? (
              <>
                <dt>Adress</dt>
                <dd>{page.organisation.address}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
      </Section>

      <Section id="ansokan" title="Ansökan">
        {page.application ? (
          <>
            <p className="hint">{`Version ${page.application.version}, den senast inskickade.`}</p>
            <ApplicationView content={page.application.content} />
            {page.latestDownload ? (
              <p>
                <a href={`${page.base}/ansokan.pdf?version=${page.latestDownload.version}`} download>
                  {`Ladda ner ansökan (version ${page.latestDownload.version}) som PDF`}
                </a>
                {page.latestDownload.attachments > 0 ? (
                  <>
                    {" · "}
                    <a href={`${page.base}/bilagor.zip?version=${page.latestDownload.version}`} download>
                      {`Ladda ner bilagorna (${page.latestDownload.attachments}) som ZIP`}
                    </a>
                  </>
                ) : null}
              </p>
            ) : null}
          </>
        ) : (
          <p>Föreningen har inte skickat in någon ansökan än.</p>
        )}
        <h3>Versioner</h3>
        <VersionHistory history={page.history} />
      </Section>

      <Section id="bilagor" title="Bilagor">
        <FileList files={page.files} />
      </Section>

      <Section id="frister" title="Öppna frister">
        {page.deadlines.length === 0 ? (
          <p>Inga öppna frister.</p>
        ) : (
          <ul>
            {page.deadlines.map((d) => (
              <li key={`${d.kind}-${d.dueOn}`}>
                {d.label}: senast {d.dueOn}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="historik" title="Händelser">
        <Timeline entries={page.timeline} />
      </Section>

      {page.canNote ? (
        <Section id="anteckningar" title="Interna anteckningar">
          <p className="hint">Bara förvaltningen ser anteckningarna. De visas aldrig för föreningen.</p>
          {page.notes.length === 0 ? (
            <p>Inga anteckningar än.</p>
          ) : (
            <ul className="notes">
              {page.notes.map((n) => (
                <li key={n.id}>
                  <p className="hint">
                    {n.authorName}, {n.createdAt.slice(0, 10)}
                  </p>
                  <p className="pre-line">{n.body}</p>
                </li>
              ))}
            </ul>
          )}
          <ValidatedForm
            key={result?.ok && result.intent === "note" ? page.notes.length : "note"}
            schema={noteSchema}
            failure={failureFor("note")}
            submitLabel="Spara anteckningen"
          >
            <HiddenField name="intent" value="note" />
            <TextAreaField name="body" label="Ny anteckning" rows={3} />
          </ValidatedForm>
        </Section>
      ) : null}
    </>
  );
}

