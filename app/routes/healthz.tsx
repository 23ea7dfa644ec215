import { databaseAnswers } from "~/health/readiness.server";

// Readiness for load balancers: no personal data, only whether the database answers.
export async function loader() {
  const ready = await databaseAnswers();
  return new Response(ready ? "ok" : "Databasen svarar inte", {
    status: ready ? 200 : 503,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...(ready ? {} : { "retry-after": "5" }) },
  });
}
