import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { confirmEmail } from "../accounts/login.server";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Länken fungerar inte");

export async function loader({ params }: LoaderFunctionArgs) {
  if (await confirmEmail(params.token ?? "")) throw redirect("/logga-in?meddelande=epost-bekraftad");
  return null;
}

export default function ConfirmEmailFailed() {
  return (
    <>
      <h1>Länken fungerar inte</h1>
      <p>
        Länken har redan använts eller är för gammal. Försök <Link to="/logga-in">logga in</Link> – om adressen
        inte är bekräftad skickar vi en ny länk.
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
