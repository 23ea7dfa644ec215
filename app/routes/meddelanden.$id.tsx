import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { requireUser } from "../auth/current-user.server";
import { openMessage } from "../mail/inbox.server";
import { MailText, formatDateTime } from "../components/mail-text";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.message.subject ?? "Meddelande");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = z.uuid().safeParse(params.id);
  // Someone else's message answers like one that does not exist.
  const message = id.success ? await openMessage(user.id, id.data) : null;
  if (!message) throw new Response("Meddelandet finns inte.", { status: 404 });
  return { message };
}

export default function InboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/meddelanden">Tillbaka till meddelanden</Link>
      </p>
      <h1>{message.subject}</h1>
      <p className="hint">Skickat {formatDateTime(message.createdAt)}</p>
      <MailText text={message.text} />
    </>
  );
}

export const ErrorBoundary = RouteError;
