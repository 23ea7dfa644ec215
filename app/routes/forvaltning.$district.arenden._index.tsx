import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import type { BulkOutcome } from "../administration/bulk.server";
import { QUEUE_KEYS, QUEUE_LABELS, queueHref, type QueueQuery } from "../administration/queue-definitions";
import { BULK_ASSIGN, BULK_TAKE } from "../administration/queue-forms";
import { loadQueuePage, runQueueBulk } from "../administration/queue-page.server";
import { QueueFilters } from "../components/administration/queue-filters";
import { QueueTable } from "../components/administration/queue-table";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `${QUEUE_LABELS[data.page.queue].label} – ärenden` : "Ärenden");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "queue.view");
  return loadQueuePage(user, district, new URL(request.url).searchParams);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "queue.view");
  const reply = await runQueueBulk(user, district, await request.formData());
  return reply.status === 200 ? reply.body : data(reply.body, { status: reply.status });
}

export default function QueuePage() {
  const { base, districtName, query, page, counts, options, canTake, canAssign } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const label = QUEUE_LABELS[page.queue];
  const canBulk = canTake || canAssign;
  return (
    <>
      <h1>Ärenden</h1>
      <nav aria-label="Köer" className="queue-tabs">
        <ul>
          {QUEUE_KEYS.map((key) => (
            <li key={key}>
              <Link
                to={queueHref(base, {}, { ko: key })}
                aria-current={key === page.queue ? "page" : undefined}
                prefetch="none"
              >
                {QUEUE_LABELS[key].label} <span className="count">({counts[key]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="queue-heading">
        {query.sok ? `Sökträffar i hela ${districtName}` : `${label.label} i ${districtName}`}
      </h2>
      {query.sok ? <p className="hint">Sökningen letar i alla ärenden i stadsdelen, oavsett vilken kö som är vald.</p> : null}
      <QueueFilters base={base} query={{ ...query, ko: page.queue }} sort={page.sort} options={options} />
      <p>
        {"Ladda ner listan med filtren ovan, alla sidor: "}
        <a href={queueHref(base.replace(/\/arenden$/, "/export/arenden.csv"), query, { ko: page.queue, efter: null, efterId: null })} download>
          CSV
        </a>
        {" / "}
        <a href={queueHref(base.replace(/\/arenden$/, "/export/arenden.xlsx"), query, { ko: page.queue, efter: null, efterId: null })} download>
          Excel
        </a>
      </p>
      {result ? <BulkResult result={result} /> : null}
      {page.rows.length === 0 ? (
        <p className="panel">{isFiltered(query) ? "Inga ärenden matchar sökningen och filtren." : label.empty}</p>
      ) : (
        <Form method="post" className="queue-form">
          <QueueTable rows={page.rows} selectable={canBulk} caption={`${query.sok ? "Sökträffar" : label.label}: ${page.rows.length} ärenden på sidan`}
            caseBase={base}
            showQueues={Boolean(query.sok)}
          />
          {canBulk ? (
            <fieldset className="bulk-actions">
              <legend>Gör med markerade ärenden</legend>
              {canTake ? (
                <button type="submit" name="intent" value={BULK_TAKE} disabled={busy}>
                  Ta valda
                </button>
              ) : null}
              {canAssign ? (
                <div className="bulk-assign">
                  <label htmlFor="bulk-caseworker">Fördela valda till</label>
                  <select id="bulk-caseworker" name="caseworkerId" defaultValue="">
                    <option value="">Välj handläggare …</option>
                    {options.caseworkers.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" name="intent" value={BULK_ASSIGN} className="secondary" disabled={busy}>
                    Fördela valda
                  </button>
                </div>
              ) : null}
            </fieldset>
          ) : null}
        </Form>
      )}
      <nav aria-label="Sidor i listan" className="pager">
        {query.efter ? <Link to={queueHref(base, query, { ko: page.queue, efter: null, efterId: null })}>Första sidan</Link> : null}
        {page.next ? (
          <Link to={queueHref(base, query, { ko: page.queue, efter: page.next.efter, efterId: page.next.efterId })}>Nästa sida</Link>
        ) : null}
      </nav>
    </>
  );
}

const isFiltered = (query: QueueQuery) =>
  Boolean(query.sok || query.skede || query.handlaggare || query.utlysning || query.omrade || query.ar || query.fristFore || query.efter);

type BulkAnswer = { ok: true; outcomes: BulkOutcome[] } | { ok: false; message: string };

function BulkResult({ result: value }: { result: BulkAnswer }) {
  if (!value.ok) {
    return (
      <div className="error-summary" role="alert">
        <h2>Inget gjordes</h2>
        <p>{value.message}</p>
      </div>
    );
  }
  const done = value.outcomes.filter((o) => o.ok).length;
  return (
    <div className={done === value.outcomes.length ? "panel success" : "panel"} role="status">
      <h2>
        {done} av {value.outcomes.length} ärenden klara
      </h2>
      <ul className="bulk-outcomes">
        {value.outcomes.map((o) => (
          <li key={o.caseId}>
            <strong>{o.label}:</strong> {o.ok ? "Klart." : "Inte gjort."} {o.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const ErrorBoundary = RouteError;
