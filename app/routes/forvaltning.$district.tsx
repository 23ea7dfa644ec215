import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import { RouteError } from "../components/route-error";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "district.view");
  return {
    base: `/forvaltning/${district.code.toLowerCase()}`,
    name: district.name,
    canManageStaff: rolesGrant(district.roles, "staff.manage"),
    canViewQueues: rolesGrant(district.roles, "queue.view"),
    canManageCalls: rolesGrant(district.roles, "calls.manage"),
    canViewOutbox: rolesGrant(district.roles, "outbox.view"),
    canViewYearlyReports: rolesGrant(district.roles, "documents.generate"),
    canViewDashboard: rolesGrant(district.roles, "case.view"),
  };
}

export default function DistrictArea() {
  const { base, name, canManageStaff, canViewQueues, canManageCalls, canViewOutbox, canViewYearlyReports, canViewDashboard } =
    useLoaderData<typeof loader>();
  return (
    <>
      <nav className="sub-nav" aria-label={`${name}: förvaltningens sidor`}>
        <ul>
          <li>
            <NavLink to={base} end>
              Översikt
            </NavLink>
          </li>
          {canViewQueues ? (
            <li>
              <NavLink to={`${base}/arenden`}>Ärenden</NavLink>
            </li>
          ) : null}
          {canViewDashboard ? (
            <li>
              <NavLink to={`${base}/oversikt`}>Nyckeltal</NavLink>
            </li>
          ) : null}
          {canViewYearlyReports ? (
            <li>
              <NavLink to={`${base}/arsrapporter`}>Årsrapporter</NavLink>
            </li>
          ) : null}
          {canManageStaff ? (
            <li>
              <NavLink to={`${base}/personal`}>Personal och roller</NavLink>
            </li>
          ) : null}
          {canManageCalls ? (
            <li>
              <NavLink to={`${base}/utlysningar`}>Utlysningar</NavLink>
            </li>
          ) : null}
          {canViewOutbox ? (
            <li>
              <NavLink to={`${base}/utskick`}>Utskick</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = RouteError;
