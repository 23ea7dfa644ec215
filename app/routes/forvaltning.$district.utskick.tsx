import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { listDistrictOutbox, OUTBOX_STATUSES, resendFailed } from "../mail/admin-outbox.server";
import { TableWrap } from "../components/table-wrap";
import { formatDateTime } from "../components/mail-text";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Utskick");

const STATUS_LABELS: Record<(typeof OUTBOX_STATUSES)[number], string> = {
  queued: "Väntar",
  sending: "Skickas",
  sent: "Skickat",
  failed: "Misslyckades",
};

const filterSchema = z.object({
  status: z.optional(z.enum(OUTBOX_STATUSES)),
  template: z.optional(z.string().check(z.maxLength(100))),
});
const resendSchema = z.object({ intent: z.literal("resend"), id: z.uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "outbox.view");
  const query = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = filterSchema.safeParse(query);
  const filter = parsed.success ? parsed.data : {};
  const { rows, templates } = await listDistrictOutbox(district.id, filter);
  const resent = new URL(request.url).searchParams.get("skickat") === "1";
  return { districtName: district.name, rows, templates, filter, resent };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "outbox.view");
  const parsed = resendSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success || !(await resendFailed(district.id, parsed.data.id))) {
    return data({ error: "Utskicket kunde inte köas igen. Det kan redan ha skickats. Ladda om sidan." }, { status: 400 });
  }
  throw redirect(`/forvaltning/${district.code.toLowerCase()}/utskick?skickat=1`);
}

export default function OutboxPage() {
  const { districtName, rows, templates, filter, resent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Utskick</h1>
      <p>E-post om {districtName}s ärenden och till förvaltningens personal, nyaste först.</p>
      {result?.error ? (
        <div className="error-summary" role="alert">
          <p>{result.error}</p>
        </div>
      ) : null}
      {resent ? (
        <div className="panel success" role="status">
          <p>Utskicket är köat och skickas igen inom kort.</p>
        </div>
      ) : null}
      <Form method="get" className="outbox-filter">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Alla</option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="template">Mall</label>
          <select id="template" name="template" defaultValue={filter.template ?? ""}>
            <option value="">Alla</option>
            {templates.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          Visa
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>Inga utskick matchar filtret.</p>
      ) : (
        <TableWrap label="Utskick">
          <table>
            <thead>
              <tr>
                <th scope="col">Ämne</th>
                <th scope="col">Till</th>
                <th scope="col">Status</th>
                <th scope="col">Skapat</th>
                <th scope="col">Åtgärd</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.subject}
                    <br />
                    <span className="hint">{r.template}</span>
                  </td>
                  <td>{r.to}</td>
                  <td>
                    {STATUS_LABELS[r.status]}
                    {r.attempts > 0 ? <span className="hint"> ({r.attempts} försök)</span> : null}
                    {r.lastError ? <span className="hint"> Fel: {r.lastError}</span> : null}
                  </td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>
                    {r.status === "failed" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="resend" />
                        <input type="hidden" name="id" value={r.id} />
                        <button type="submit" className="secondary" aria-label={`Skicka igen: ${r.subject} till ${r.to}`}>
                          Skicka igen
                        </button>
                      </Form>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
