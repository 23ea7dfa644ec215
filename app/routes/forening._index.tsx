import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrganisationUser, requireUser } from "../auth/current-user.server";
import { rolesText } from "../components/roles";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = () => pageTitle("Föreningens översikt");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationUser(user);
  return { name: user.name, organisations: user.organisations };
}

export default function OrganisationHome() {
  const { name, organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Välkommen, {name}</h1>
      <p>Här ser du föreningarna du företräder och vad du kan göra för dem.</p>
      <h2>Dina föreningar</h2>
      <ul className="card-list">
        {organisations.map((o) => (
          <li key={o.id}>
            <Link to={`/forening/${o.id}`}>{o.name}</Link>
            <p className="hint">
              Organisationsnummer {o.organisationNumber} · Din roll: {rolesText(o.roles)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
