import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireOrganisationUser, requireUser } from "../auth/current-user.server";
import { RouteError } from "../components/route-error";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationUser(user);
  return { organisations: user.organisations.map((o) => ({ id: o.id, name: o.name })) };
}

export default function OrganisationArea() {
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <nav className="sub-nav" aria-label="Föreningens sidor">
        <ul>
          <li>
            <NavLink to="/forening" end>
              Översikt
            </NavLink>
          </li>
          {organisations.map((o) => (
            <li key={o.id}>
              <NavLink to={`/forening/${o.id}`}>{o.name}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = RouteError;
