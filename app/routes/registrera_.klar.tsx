// `registrera_`: a page of its own, not a child of the registration form's route (which has no Outlet
// and would show the empty form again under this URL).
import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Bekräfta din e-postadress");

export default function RegistrationDone() {
  return (
    <>
      <h1>Bekräfta din e-postadress</h1>
      <div className="panel success" role="status">
        <p>Tack! Vi har skickat ett meddelande till din e-postadress.</p>
      </div>
      <p>Öppna länken i meddelandet för att bekräfta adressen. Sedan kan du logga in. Länken gäller i 72 timmar.</p>
      <p>Hittar du inte meddelandet? Titta i skräpposten.</p>
    </>
  );
}

export const ErrorBoundary = RouteError;
