// Any unknown address, read or posted to, is the Swedish "Sidan finns inte" page with 404.
import { RouteError } from "../components/route-error";
const notFound = () => {
  throw new Response("Not found", { status: 404 });
};
export const loader = notFound;
export const action = notFound;

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RouteError;
