/**
 * The förvaltning's utlysningar page: what it lists, and saving an område or an utlysning.
 * The route checks the district role (calls.manage) and hands over.
 */
import { NOT_THIS_FORM, formDataToObject, formFailure, parseForm, type FormFailure } from "../utils/forms";
import type { DistrictMembership } from "../auth/current-user.server";
import { AREA_INTENT, CALL_INTENT, callSchema, callsPageFormSchema, idsOf, priorityAreaSchema } from "./call-forms";
import { listCalls, listPriorityAreas, saveCall, savePriorityArea } from "./calls.server";

export async function loadCallsPage(district: DistrictMembership, searchParams: URLSearchParams) {
  const areas = await listPriorityAreas(district.id);
  const calls = await listCalls(district.id);
  return {
    districtName: district.name,
    areas,
    calls,
    editArea: areas.find((a) => a.id === searchParams.get("omrade")) ?? null,
    editCall: calls.find((c) => c.id === searchParams.get("utlysning")) ?? null,
  };
}

const NOT_FOUND = "Det du försökte ändra finns inte i stadsdelen. Ladda om sidan.";
/** A form that is not one of the page's own (no intent, or an unknown one). */

type Intent = typeof AREA_INTENT | typeof CALL_INTENT;
export type CallsPageReply =
  | { status: 200; body: { ok: true; intent: Intent; message: string } }
  | { status: 400 | 404; body: FormFailure & { intent: Intent | null } };

export async function saveFromCallsPage(district: DistrictMembership, formData: FormData): Promise<CallsPageReply> {
  const values = formDataToObject(formData, ["priorityAreaIds"]);
  const form = callsPageFormSchema.safeParse(values);
  if (!form.success) return { status: 400, body: { ...formFailure({}, values, NOT_THIS_FORM), intent: null } };
  const { intent } = form.data;
  const id = form.data.id ? form.data.id : undefined;
  if (intent === AREA_INTENT) {
    const parsed = parseForm(priorityAreaSchema, values);
    if (!parsed.ok) return { status: 400, body: { ...parsed, intent } };
    const saved = await savePriorityArea({
      districtId: district.id,
      id,
      name: parsed.data.areaName,
      description: parsed.data.areaDescription || null,
      active: parsed.data.areaActive === "yes",
    });
    if (!saved) return { status: 404, body: { ...formFailure({}, values, NOT_FOUND), intent } };
    return { status: 200, body: { ok: true, intent, message: `Området ”${parsed.data.areaName}” är sparat.` } };
  }
  const parsed = parseForm(callSchema, values);
  if (!parsed.ok) return { status: 400, body: { ...parsed, intent } };
  const saved = await saveCall({
    districtId: district.id,
    id,
    title: parsed.data.title,
    description: parsed.data.description || null,
    opensOn: parsed.data.opensOn,
    closesOn: parsed.data.closesOn,
    periodEarliestStart: parsed.data.periodEarliestStart || null,
    periodLatestEnd: parsed.data.periodLatestEnd || null,
    priorityAreaIds: idsOf(parsed.data.priorityAreaIds),
  });
  if (!saved) return { status: 404, body: { ...formFailure({}, values, NOT_FOUND), intent } };
  return { status: 200, body: { ok: true, intent, message: `Utlysningen ”${parsed.data.title}” är sparad.` } };
}
