/**
 * One step of the förening's application: the step's fields, saved as you go (one save at a time,
 * each with the revision the one before gave), what was typed before a logout restored, and the
 * attachments and review steps.
 */
import { Form, Link, useActionData, useFetcher, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type FocusEvent } from "react";
import type { openStep, runStepAction } from "../../applications/step-action.server";
import { STEPS, stepPath } from "../../applications/steps";
import { readTypedAmounts } from "../../domain/money";
import type { FieldErrors } from "../../utils/forms";
import { ErrorSummary } from "../form";
import { AttachmentsStep } from "./attachments-step";
import { BudgetTotals } from "./budget-totals";
import { ReviewStep } from "./review-step";
import { AktiviteterFields, BudgetFields, GrundFields, MalgruppFields, SyfteFields } from "./step-fields";
import { StepNav } from "./step-nav";
import { clearUnsaved, restoreUnsaved, stashUnsaved } from "./unsaved-stash";

export function StepPage() {
  const page = useLoaderData<typeof openStep>();
  const actionData = useActionData<typeof runStepAction>();
  const fetcher = useFetcher<typeof runStepAction>();
  const save = actionData?.kind === "save" ? actionData : null;
  const failure = save && !save.ok ? save : null;
  // The revision this person's page was built from; only their own saves move it on.
  const [revision, setRevision] = useState(save?.revision ?? page.revision);
  const [savedAt, setSavedAt] = useState<string | null>(save?.savedAt ?? null);
  const [liveLines, setLiveLines] = useState<BudgetAmounts[] | null>(page.budgetLines);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [restored, setRestored] = useState(false);
  const autosave = fetcher.data?.kind === "autosave" ? fetcher.data : null;
  // The newest revision this page has seen, derived while rendering: a button pressed right after a
  // save on blur came back must not post the revision from before it (the effect below lags a render).
  // Every answer carries the revision to hold from now on, also one that refused a field.
  const currentRevision = Math.max(revision, autosave?.revision ?? 0, save?.revision ?? 0);
  const submit = useSubmit();
  // Saves go one at a time, each with the revision the one before gave.
  const waiting = useRef<FormData | null>(null);
  const queuedAutosave = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (save) {
      setRevision(save.revision);
      if (save.savedAt) setSavedAt(save.savedAt);
    }
  }, [save]);
  useEffect(() => {
    if (!autosave) return;
    // A refused field leaves the stored revision alone; the good fields may have moved it on.
    setRevision((known) => Math.max(known, autosave.revision));
    if (autosave.savedAt) setSavedAt(autosave.savedAt);
  }, [autosave]);
  useEffect(() => {
    if (failure || actionData?.kind === "submit") summaryRef.current?.focus();
  }, [failure, actionData]);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Amounts typed before the scripts had loaded (or restored below) count from the start.
  useEffect(() => {
    if (page.step === "budget" && formRef.current) setLiveLines(typedBudgetLines(formRef.current));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [restored]);
  useEffect(() => {
    if (formRef.current && !failure && restoreUnsaved(page.caseId, page.step, page.revision, formRef.current)) {
      dirty.current = true;
      setRestored(true);
    }
    // Once, when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (autosave?.ok || (save?.ok ?? false)) {
      clearUnsaved(page.caseId, page.step);
      setRestored(false);
    }
  }, [autosave, save, page.caseId, page.step]);
  // A button pressed while a save on blur is on its way is sent after it, with the revision it gave.
  useEffect(() => {
    if (fetcher.state !== "idle") return;
    const latest = currentRevision;
    if (waiting.current) {
      const formData = waiting.current;
      waiting.current = null;
      queuedAutosave.current = null;
      formData.set("revision", String(latest));
      submit(formData, { method: "post" });
    } else if (queuedAutosave.current) {
      const form = queuedAutosave.current;
      queuedAutosave.current = null;
      saveNow(form, latest);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, autosave]);

  // Without JavaScript a row button's answer shows the form from what was posted (never an older copy).
  const values = { ...page.values, ...(save?.values ?? {}) };
  const errors: FieldErrors = failure?.errors ?? {};
  // An autosave that refused a field says so at the field; the summary is for a pressed button.
  const autosaveRefused = autosave && !autosave.ok && !autosave.formError ? autosave : null;
  const fieldErrors: FieldErrors = failure ? errors : (autosaveRefused?.errors ?? {});
  const autosaveProblem =
    autosave && !autosave.ok
      ? autosave.formError ||
        (autosave.savedAt ? `Sparat ${autosave.savedAt}, utom det som är markerat nedan. Rätta det, så sparas det också.` : "Rätta det som är markerat nedan, så sparas det.")
      : null;
  const editable = !["bilagor", "granska"].includes(page.step);

  function saveNow(form: HTMLFormElement, knownRevision = currentRevision) {
    if (!dirty.current) return;
    if (fetcher.state !== "idle") {
      queuedAutosave.current = form;
      return;
    }
    dirty.current = false;
    const formData = new FormData(form);
    formData.set("intent", "autosave");
    formData.set("revision", String(knownRevision));
    fetcher.submit(formData, { method: "post" });
  }
  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const next = event.relatedTarget as HTMLElement | null;
    // Leaving for one of the form's own buttons: that post saves, a second one would collide.
    if (next && event.currentTarget.contains(next) && next.tagName === "BUTTON") return;
    const form = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => saveNow(form), next ? 0 : 300);
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    clearTimeout(timer.current);
    dirty.current = false;
    if (fetcher.state === "idle") return; // Remix's Form posts it as usual
    event.preventDefault();
    waiting.current = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
  }
  // With JavaScript a row button changes the list in place; then what is on the page is saved.
  function onRowsChange() {
    const form = formRef.current;
    if (!form) return;
    dirty.current = true;
    stashUnsaved(page.caseId, page.step, revision, form);
    if (page.step === "budget") setLiveLines(typedBudgetLines(form));
    saveNow(form);
  }
  function onInput(event: FormEvent<HTMLFormElement>) {
    dirty.current = true;
    stashUnsaved(page.caseId, page.step, revision, event.currentTarget);
    if (page.step === "budget") setLiveLines(typedBudgetLines(event.currentTarget));
  }

  const title = STEPS.find((s) => s.slug === page.step)!.title;
  return (
    <div className="application-step">
      <p className="hint">
        {page.isCompletion ? "Komplettering av ansökan" : "Ansökan"} · {page.caseTitle} · {page.districtName}
        {page.diaryNumber ? ` · Diarienummer ${page.diaryNumber}` : ""}
      </p>
      <h1>{title}</h1>
      <p className="save-status" aria-live="polite" role="status">
        {fetcher.state !== "idle"
          ? "Sparar …"
          : autosaveProblem
            ? autosaveProblem
            : restored
              ? "Det du skrev innan du loggades ut är ifyllt igen. Det är inte sparat än."
              : savedAt
                ? `Sparat ${savedAt}`
                : ""}
      </p>
      {editable ? (
        <>
          <ErrorSummary errors={errors} formError={failure?.formError} focusRef={summaryRef} />
          {failure?.formError ? (
            <p>
              <a href={stepPath(page.caseId, page.step)}>
                Ladda om sidan och se den senaste versionen
              </a>
            </p>
          ) : null}
          <Form
            method="post"
            noValidate
            className="stack application-form"
            ref={formRef}
            onInput={onInput}
            onBlur={onBlur}
            onSubmit={onSubmit}
          >
            {/* The default button: Enter in a field saves and goes on, never removes a row. */}
            <button type="submit" name="intent" value="next" className="visually-hidden" tabIndex={-1} aria-hidden="true">
              Spara och fortsätt
            </button>
            <input type="hidden" name="revision" value={currentRevision} />
            <StepNav caseId={page.caseId} current={page.step} asButtons />
            {page.step === "grund" && "calls" in page ? <GrundFields values={values} errors={fieldErrors} calls={page.calls} areas={page.areas} /> : null}
            {page.step === "syfte" ? <SyfteFields values={values} errors={fieldErrors} /> : null}
            {page.step === "malgrupp" ? <MalgruppFields values={values} errors={fieldErrors} onRowsChange={onRowsChange} /> : null}
            {page.step === "aktiviteter" ? <AktiviteterFields values={values} errors={fieldErrors} onRowsChange={onRowsChange} /> : null}
            {page.step === "budget" ? (
              <>
                <BudgetFields values={values} errors={fieldErrors} onRowsChange={onRowsChange} />
                <BudgetTotals lines={liveLines} />
              </>
            ) : null}
            <div className="button-row">
              <button type="submit" name="intent" value="next">
                Spara och fortsätt
              </button>
              <button type="submit" name="intent" value="save" className="secondary">
                Spara
              </button>
            </div>
          </Form>
        </>
      ) : (
        <StepNav caseId={page.caseId} current={page.step} />
      )}
      {page.step === "bilagor" && "attachments" in page && "maxBytes" in page ? (
        <AttachmentsStep
          caseId={page.caseId}
          attachments={page.attachments}
          maxBytes={page.maxBytes}
          result={actionData?.kind === "upload" ? actionData : null}
        />
      ) : null}
      {page.step === "granska" && "sections" in page ? (
        <ReviewStep
          caseId={page.caseId}
          sections={page.sections}
          problems={page.problems}
          attachments={page.attachments}
          revision={currentRevision}
          isCompletion={page.isCompletion}
          formError={actionData?.kind === "submit" ? actionData.formError : undefined}
          summaryRef={summaryRef}
        />
      ) : null}
      <p>
        <Link to={`/forening/arenden/${page.caseId}`}>Till ärendet</Link>
      </p>
    </div>
  );
}

type BudgetAmounts = { associationAmount: number; administrationAmount: number };

/** The amounts as typed, read as the server reads them; null while one of them would be refused. */
function typedBudgetLines(form: HTMLFormElement): BudgetAmounts[] | null {
  const formData = new FormData(form);
  const lines: BudgetAmounts[] = [];
  for (let i = 0; formData.has(`budgetLines.${i}.description`); i++) {
    const amounts = readTypedAmounts(["associationAmount", "administrationAmount"].map((key) => String(formData.get(`budgetLines.${i}.${key}`) ?? "")));
    if (amounts === null) return null;
    const [associationAmount, administrationAmount] = amounts as [number, number];
    lines.push({ associationAmount, administrationAmount });
  }
  return lines;
}

