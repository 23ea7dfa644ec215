import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { requireCaseForOrganisation } from "../cases/access.server";
import { openStep, runStepAction, type StepPost } from "../applications/step-action.server";
import { parseStepIntent } from "../applications/step-intent";
import { findStep } from "../applications/steps";
import { StepPage } from "../components/application/step-page";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data, params }) =>
  pageTitle(`${findStep(params.step)?.title ?? "Ansökan"}${data ? ` – ${data.caseTitle}` : ""}`);

async function authorise(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  const caseRow = await requireCaseForOrganisation(user, params.caseId ?? "", "application.draft");
  const step = findStep(params.step);
  if (!step) throw new Response("Not found", { status: 404 });
  return { user, caseRow, step };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRow, step } = await authorise(request, params);
  return openStep(caseRow, step);
}

async function readPost(request: Request): Promise<StepPost> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) return { kind: "upload", request };
  if (!type.startsWith("application/x-www-form-urlencoded")) return { kind: "unreadable" };
  const formData = await request.formData();
  return { kind: "form", intent: parseStepIntent(formData.get("intent") ?? undefined), formData };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow, step } = await authorise(request, params);
  return runStepAction({ user, caseRow, step, post: await readPost(request) });
}

export default function StepRoute() {
  const { step } = useLoaderData<typeof loader>();
  // A fresh page per step: the revision this page knows starts again from what the step loaded.
  return <StepPage key={step} />;
}

export const ErrorBoundary = RouteError;
