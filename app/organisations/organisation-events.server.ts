/** The förening's own history (organisation_events, append-only): one writer for every step. */
import type { Executor } from "../../db/client";
import { organisationEvents, type OrganisationEventKind } from "../../db/schema";

export async function recordEvent(
  db: Executor,
  event: { organisationId: string; kind: OrganisationEventKind; actor: { id: string; name: string } | null; detail?: string | null },
) {
  await db.insert(organisationEvents).values({
    organisationId: event.organisationId,
    kind: event.kind,
    actorId: event.actor?.id ?? null,
    actorName: event.actor?.name ?? null,
    detail: event.detail ?? null,
  });
}
