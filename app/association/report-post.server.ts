/**
 * The förening's report forms (yearly and final) post alike: save the draft, or save and send it in.
 * One place reads the form, picks the use case and answers, so both pages behave the same.
 */
import { data, redirect } from "@remix-run/node";
import type { CurrentUser } from "../auth/current-user.server";
import { formDataToNested, formFailure, parseForm, type FieldErrors } from "../utils/forms";
import type { AssociationCase } from "./case.server";

type Revisions = { report: number | null; case: number | null };
type Parser<T> = Parameters<typeof parseForm<T>>[0];

export interface ReportForm<Form, Content> {
  schema: Parser<Form>;
  toContent: (form: Form) => Content;
  save: (
    caseRow: AssociationCase,
    user: CurrentUser,
    content: Content,
    expectedRevision: number | null,
  ) => Promise<{ ok: true } | { ok: false; formError: string }>;
  submit: (
    caseRow: AssociationCase,
    user: CurrentUser,
    content: Content,
    revisions: Revisions,
  ) => Promise<{ ok: true } | { ok: false; formError?: string; errors?: FieldErrors }>;
  /** The page's own path; `?sparad=1` or `?inskickad=1` tells the person what happened. */
  path: string;
}

const numberOrNull = (v: unknown) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null);

export async function postReportForm<Form extends { send?: unknown; reportRevision?: unknown; caseRevision?: unknown }, Content>(
  request: Request,
  caseRow: AssociationCase,
  user: CurrentUser,
  form: ReportForm<Form, Content>,
) {
  const values = formDataToNested(await request.formData());
  const parsed = parseForm(form.schema, values);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const content = form.toContent(parsed.data);
  const revisions = { report: numberOrNull(parsed.data.reportRevision), case: numberOrNull(parsed.data.caseRevision) };
  if (parsed.data.send === "yes" || parsed.data.send === true) {
    const sent = await form.submit(caseRow, user, content, revisions);
    if (!sent.ok) return data(formFailure(sent.errors ?? {}, values, sent.formError), { status: 400 });
    throw redirect(`${form.path}?inskickad=1`);
  }
  const saved = await form.save(caseRow, user, content, revisions.report);
  if (!saved.ok) return data(formFailure({}, values, saved.formError), { status: 400 });
  throw redirect(`${form.path}?sparad=1`);
}
