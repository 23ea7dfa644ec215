import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { devMailboxEnabled } from "../mail/config.server";
import { readDevMail } from "../mail/dev-mailbox.server";
import { MailText, formatDateTime } from "../components/mail-text";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.message.subject ?? "Meddelande");

const notFound = () => new Response("Sidan finns inte.", { status: 404 });

export async function loader({ params }: LoaderFunctionArgs) {
  if (!devMailboxEnabled()) throw notFound();
  const id = z.uuid().safeParse(params.id);
  const message = id.success ? await readDevMail(id.data) : null;
  if (!message) throw notFound();
  return { message };
}

export default function DevMailMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dev/mail">Tillbaka till utvecklingsbrevlådan</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="mail-meta">
        <dt>Till</dt>
        <dd>{message.to}</dd>
        <dt>Skickat</dt>
        <dd>{message.sentAt ? formatDateTime(message.sentAt) : "–"}</dd>
      </dl>
      {message.html ? (
        <section aria-labelledby="html-heading">
          <h2 id="html-heading">Som mottagaren ser det</h2>
          {/* sandbox without permissions: the message cannot run scripts or reach the portal's origin */}
          <iframe className="mail-frame" sandbox="" srcDoc={message.html} title={`Meddelandet: ${message.subject}`} />
        </section>
      ) : null}
      <section aria-labelledby="text-heading">
        <h2 id="text-heading">Textversion</h2>
        <MailText text={message.text} />
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
