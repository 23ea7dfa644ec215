import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { listInbox, markAllRead } from "../mail/inbox.server";
import { formatDateTime } from "../components/mail-text";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Meddelanden");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { messages: await listInbox(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") === "markAllRead") await markAllRead(user.id);
  throw redirect("/meddelanden");
}

export default function Inbox() {
  const { messages } = useLoaderData<typeof loader>();
  const unread = messages.filter((m) => !m.read).length;
  return (
    <>
      <h1>Meddelanden</h1>
      <p className="lead">
        Här finns meddelandena som portalen har skickat till dig med e-post.{" "}
        {unread === 0 ? "Du har inga olästa meddelanden." : unread === 1 ? "Du har 1 oläst meddelande." : `Du har ${unread} olästa meddelanden.`}
      </p>
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="markAllRead" />
          <button type="submit" className="secondary">
            Markera alla som lästa
          </button>
        </Form>
      ) : null}
      {messages.length === 0 ? (
        <p>Du har inga meddelanden ännu.</p>
      ) : (
        <ul className="inbox-list">
          {messages.map((m) => (
            <li key={m.id} className={m.read ? "read" : "unread"}>
              <Link to={`/meddelanden/${m.id}`}>
                {m.read ? null : <strong className="unread-label">Oläst: </strong>}
                {m.subject}
              </Link>
              <span className="hint"> {formatDateTime(m.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
