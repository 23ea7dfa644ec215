// `registrera_`: a page of its own, not a child of the registration form's route (which has no Outlet
// and would show the empty form again under this URL).
import type { MetaFunction } from "@remix-run/node";
import { useSearchParams } from "@remix-run/react";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Bekräfta din e-postadress");

export default function RegistrationDone() {
  const [search] = useSearchParams();
  return (
    <>
      <h1>Bekräfta din e-postadress</h1>
      <div className="panel success" role="status">
        <p>Tack! Vi har skickat ett meddelande till din e-postadress.</p>
      </div>
      {search.get("forfragan") ? (
        // The same page whether or not the address had an account (ADR 0017): the förening's
        // registration is public, the address's is not.
        <p>
          Föreningen finns redan i portalen. Din registrering blir en förfrågan om att gå med i föreningen, som föreningens
          firmatecknare eller förvaltningen svarar på.
        </p>
      ) : null}
      <p>Öppna länken i meddelandet för att bekräfta adressen. Sedan kan du logga in. Länken gäller i 72 timmar.</p>
      <p>Hittar du inte meddelandet? Titta i skräpposten.</p>
    </>
  );
}

export const ErrorBoundary = RouteError;
