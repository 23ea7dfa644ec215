/**
 * The förvaltning's queue page: a queue with its filters and counts, and the bulk take and assign.
 * The route checks the district role (queue.view) and hands over; take and assign are checked here.
 */
import { forbidden, type CurrentUser, type DistrictMembership } from "../auth/current-user.server";
import { rolesGrant } from "../auth/permissions";
import { formDataToObject } from "../utils/forms";
import { parseSelection, runBulk, type BulkOutcome } from "./bulk.server";
import { readQueueQuery } from "./queue-definitions";
import { BULK_TAKE, bulkFormSchema } from "./queue-forms";
import { countQueues, listQueue, loadQueueFilterOptions } from "./queues.server";

export async function loadQueuePage(user: CurrentUser, district: DistrictMembership, searchParams: URLSearchParams) {
  const query = readQueueQuery(searchParams);
  const viewer = { userId: user.id, districtId: district.id, roles: district.roles };
  const queue = query.ko ?? (district.roles.includes("caseworker") ? "mina" : "alla");
  const [page, counts, options] = await Promise.all([
    listQueue(viewer, queue, query),
    countQueues(viewer),
    loadQueueFilterOptions(district.id),
  ]);
  return {
    base: `/forvaltning/${district.code.toLowerCase()}/arenden`,
    districtName: district.name,
    query,
    page,
    counts,
    options,
    canTake: rolesGrant(district.roles, "case.take"),
    canAssign: rolesGrant(district.roles, "case.assign"),
  };
}

export type QueueBulkReply =
  | { status: 200; body: { ok: true; outcomes: BulkOutcome[] } }
  | { status: 400; body: { ok: false; message: string } };

/** Take or assign the marked cases; throws 403 when the person may not. */
export async function runQueueBulk(user: CurrentUser, district: DistrictMembership, formData: FormData): Promise<QueueBulkReply> {
  const form = bulkFormSchema.safeParse(formDataToObject(formData, ["case"]));
  if (!form.success) return { status: 400, body: { ok: false, message: "Okänd åtgärd." } };
  const selection = parseSelection(form.data.case);
  const permission = form.data.intent === BULK_TAKE ? "case.take" : "case.assign";
  if (!rolesGrant(district.roles, permission)) throw forbidden();
  const action = form.data.intent === BULK_TAKE ? { kind: "take" as const } : { kind: "assign" as const, caseworkerId: form.data.caseworkerId };
  const result = await runBulk({ user, districtId: district.id, selection, action });
  return result.ok ? { status: 200, body: result } : { status: 400, body: result };
}
