import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaffUser, requireUser } from "../auth/current-user.server";
import { rolesText } from "../components/roles";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Välj förvaltning");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireStaffUser(user);
  const [only] = user.districts;
  if (only && user.districts.length === 1) throw redirect(`/forvaltning/${only.code.toLowerCase()}`);
  return { districts: user.districts };
}

export default function ChooseDistrict() {
  const { districts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Välj förvaltning</h1>
      <ul className="card-list">
        {districts.map((d) => (
          <li key={d.id}>
            <Link to={`/forvaltning/${d.code.toLowerCase()}`}>{d.name}</Link>
            <p className="hint">Din roll: {rolesText(d.roles)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export const ErrorBoundary = RouteError;
