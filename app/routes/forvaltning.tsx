import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireStaffUser, requireUser } from "../auth/current-user.server";
import { RouteError } from "../components/route-error";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireStaffUser(user);
  return null;
}

export default function AdministrationArea() {
  return <Outlet />;
}

export const ErrorBoundary = RouteError;
