/**
 * The page Ny ansökan: choose a district (a plain GET, ?distrikt=), then the call, area and name, and the
 * post that starts the application. The route checks the membership (application.draft) and hands over.
 */
import { redirect } from "@remix-run/node";
import type { CurrentUser, OrganisationMembership } from "../auth/current-user.server";
import { formDataToObject, formFailure, parseForm, NOT_THIS_FORM, type FormFailure } from "../utils/forms";
import { newApplicationIntentSchema, newApplicationSchema } from "./new-application-schema";
import { callChoices, createApplication, districtExists, districtPriorityAreas, hasPreviousApplication, listDistricts } from "./new-application.server";
import { stepPath } from "./steps";

/** `chosen` is the ?distrikt= of the address (null before one is chosen). */
export async function loadNewApplicationPage(organisation: OrganisationMembership, chosen: string | null) {
  const districts = await listDistricts();
  const district = chosen ? districts.find((d) => d.id === chosen) : undefined;
  return {
    organisation: { id: organisation.id, name: organisation.name },
    districts,
    districtError: chosen !== null && !district ? "Välj vilken stadsdel ni söker hos." : null,
    district: district ?? null,
    calls: district ? await callChoices(district.id) : [],
    areas: district ? await districtPriorityAreas(district.id) : [],
    hasPrevious: await hasPreviousApplication(organisation.id),
  };
}

export type NewApplicationReply = { status: number; body: FormFailure };

/** Start the application; on success its first step (a redirect is thrown). */
export async function startApplicationFromForm(
  user: CurrentUser,
  organisation: OrganisationMembership,
  formData: FormData,
): Promise<NewApplicationReply> {
  const values = formDataToObject(formData, ["startFromPrevious"]);
  const refuse = (failure: FormFailure): NewApplicationReply => ({ status: 400, body: failure });
  if (!newApplicationIntentSchema.safeParse(values).success) return refuse(formFailure({}, values, NOT_THIS_FORM));
  const parsed = parseForm(newApplicationSchema, values);
  if (!parsed.ok) return refuse(parsed);
  const { districtId, title } = parsed.data;
  if (!(await districtExists(districtId))) return refuse(formFailure({ districtId: "Välj en stadsdel i listan." }, values));
  const calls = await callChoices(districtId);
  const callId = parsed.data.callId && parsed.data.callId !== "none" ? parsed.data.callId : null;
  const call = callId ? calls.find((c) => c.id === callId) : null;
  if (callId && !call) return refuse(formFailure({ callId: "Utlysningen är inte öppen. Välj en annan eller eget initiativ." }, values));
  const areas = call ? call.priorityAreas : await districtPriorityAreas(districtId);
  const priorityAreaId = parsed.data.priorityAreaId || null;
  if (priorityAreaId && !areas.some((a) => a.id === priorityAreaId)) {
    return refuse(formFailure({ priorityAreaId: "Välj ett av områdena i listan, eller inget." }, values));
  }
  const caseId = await createApplication({
    organisationId: organisation.id,
    districtId,
    title,
    callId,
    priorityAreaId,
    startFromPrevious: (parsed.data.startFromPrevious ?? []).includes("yes"),
    userId: user.id,
  });
  throw redirect(stepPath(caseId, "grund"));
}
