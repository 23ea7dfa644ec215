import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { devMailboxEnabled } from "../mail/config.server";
import { listDevMailbox } from "../mail/dev-mailbox.server";
import { TableWrap } from "../components/table-wrap";
import { formatDateTime } from "../components/mail-text";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Utvecklingsbrevlåda");

export async function loader(_args: LoaderFunctionArgs) {
  // Never in production without DEV_MAILBOX=true, never when real mail goes out over SMTP.
  if (!devMailboxEnabled()) throw new Response("Sidan finns inte.", { status: 404 });
  return { messages: await listDevMailbox() };
}

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Utvecklingsbrevlåda</h1>
      <p className="lead">
        Portalen har ingen e-postserver inställd (SMTP_URL). E-post som skulle ha skickats hamnar här i stället, nyaste
        först.
      </p>
      {messages.length === 0 ? (
        <p>Inga meddelanden ännu.</p>
      ) : (
        <TableWrap label="Meddelanden i utvecklingsbrevlådan">
          <table>
            <thead>
              <tr>
                <th scope="col">Ämne</th>
                <th scope="col">Till</th>
                <th scope="col">Skickat</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/dev/mail/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td>{m.to}</td>
                  <td>{m.sentAt ? formatDateTime(m.sentAt) : "–"}</td>
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
