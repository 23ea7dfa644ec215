/**
 * The förening's report forms (yearly and final) post alike: save the draft, or save and send it in.
 * One place reads the form, picks the use case and answers, so both pages behave the same. A form
 * with rows also takes the row buttons (utils/form-rows.ts): the draft is saved with the list as it
 * stands after the button, and the form is shown again from the post, never from an older copy.
 */
import { data, redirect } from "@remix-run/node";
import type { CurrentUser } from "../auth/current-user.server";
import { formDataToNested, formFailure, parseForm, type FieldErrors } from "../utils/forms";
import type { RowIntent } from "../utils/form-rows";
import type { AssociationCase } from "./case.server";

type Revisions = { report: number | null; case: number | null };
type Parser<T> = Parameters<typeof parseForm<T>>[0];
type Saved = { ok: true; revision: number } | { ok: false; formError: string };

export interface ReportForm<Form, Content> {
  schema: Parser<Form>;
  toContent: (form: Form) => Content;
  save: (caseRow: AssociationCase, user: CurrentUser, content: Content, expectedRevision: number | null) => Promise<Saved>;
  submit: (
    caseRow: AssociationCase,
    user: CurrentUser,
    content: Content,
    revisions: Revisions,
  ) => Promise<{ ok: true } | { ok: false; formError?: string; errors?: FieldErrors }>;
  /** The page's own path; `?sparad=1` or `?inskickad=1` tells the person what happened. */
  path: string;
  /** For a form with rows: the row button pressed, and the post as it stands after it. */
  rows?: {
    parse: (intent: unknown) => RowIntent | null;
    apply: (values: Record<string, unknown>, intent: RowIntent) => Record<string, unknown>;
  };
}

/** What a post answers when the page is shown again: what was typed, the messages, the revision to carry. */
export interface ReportFormAnswer {
  ok: boolean;
  errors: FieldErrors;
  formError?: string;
  values: Record<string, unknown>;
}

const numberOrNull = (v: unknown) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null);

export async function postReportForm<Form extends { send?: unknown; reportRevision?: unknown; caseRevision?: unknown }, Content>(
  request: Request,
  caseRow: AssociationCase,
  user: CurrentUser,
  form: ReportForm<Form, Content>,
) {
  const posted = formDataToNested(await request.formData());
  const rowIntent = form.rows?.parse(posted.intent) ?? null;
  const { intent: _intent, ...rest } = posted;
  const values = rowIntent && form.rows ? form.rows.apply(rest, rowIntent) : rest;
  const answer = (status: number, errors: FieldErrors, shown: Record<string, unknown>, formError?: string) =>
    data<ReportFormAnswer>({ ...formFailure(errors, shown, formError), ok: status < 400 }, { status });
  const parsed = parseForm(form.schema, values);
  if (!parsed.ok) return answer(400, parsed.errors, values);
  const content = form.toContent(parsed.data);
  const revisions = { report: numberOrNull(parsed.data.reportRevision), case: numberOrNull(parsed.data.caseRevision) };
  if (rowIntent) {
    // A row button saves what was typed first, then shows the form again from the post plus or minus
    // the row, with the revision the page holds from now on. It never sends the report in.
    const saved = await form.save(caseRow, user, content, revisions.report);
    if (!saved.ok) return answer(400, {}, values, saved.formError);
    return answer(200, {}, { ...values, send: undefined, reportRevision: String(saved.revision) });
  }
  if (parsed.data.send === "yes" || parsed.data.send === true) {
    const sent = await form.submit(caseRow, user, content, revisions);
    if (!sent.ok) return answer(400, sent.errors ?? {}, values, sent.formError);
    throw redirect(`${form.path}?inskickad=1`);
  }
  const saved = await form.save(caseRow, user, content, revisions.report);
  if (!saved.ok) return answer(400, {}, values, saved.formError);
  throw redirect(`${form.path}?sparad=1`);
}
