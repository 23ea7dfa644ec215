/**
 * The ten recovery codes, right after the set-up of two-step verification: shown once (the cookie
 * that carries them is cleared by this page, and only their hashes are kept; ADR 0027).
 */
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { homePathFor, requireUser } from "../auth/current-user.server";
import { clearRecoveryCodesCookie, readRecoveryCodes } from "../auth/second-factor-cookies.server";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Spara dina återställningskoder");
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const shown = readRecoveryCodes(request);
  const body = { codes: shown?.codes ?? null, next: shown?.returnTo ?? homePathFor(user) };
  // Shown once: the cookie that carried them goes with this answer.
  return shown ? data(body, { headers: { "Set-Cookie": clearRecoveryCodesCookie() } }) : body;
}

export default function RecoveryCodesPage() {
  const { codes, next } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Spara dina återställningskoder</h1>
      {codes ? (
        <>
          <div className="panel success" role="status">
            <p>Tvåstegsverifieringen är klar och du är inloggad.</p>
          </div>
          <p>
            Om du tappar bort telefonen kan du logga in med en av de här koderna i stället för koden från appen. Varje
            kod fungerar en gång. Skriv ut dem eller skriv ned dem och förvara dem säkert. Koderna visas bara nu.
          </p>
          <ul className="recovery-codes" aria-label="Återställningskoder">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          Koderna visas bara en gång, direkt efter att du har ställt in tvåstegsverifieringen. Har du inte sparat dem
          kan en administratör i din förvaltning återställa tvåstegsverifieringen, så att du får nya koder.
        </p>
      )}
      <p>
        <Link to={next}>{codes ? "Jag har sparat koderna – fortsätt" : "Fortsätt"}</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
