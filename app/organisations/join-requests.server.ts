/**
 * A second registration of a förening already in the portal becomes a request to join it (ADR 0028),
 * instead of a refusal: the förening's verified firmatecknare, or a district it has applied to,
 * answers. Accepting makes the person a kontaktperson (they asked, so the membership counts at once);
 * every step is in the förening's history, with e-mails.
 */
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { getDb } from "../../db/client";
import { organisationJoinRequests, organisationMemberships, organisations, userIdentities, users } from "../../db/schema";
import { joinAnsweredEmail, joinRequestedEmail } from "../../emails/organisation-verification";
import type { CurrentUser } from "../auth/current-user.server";
import { announceDemoMail, enqueueEmail } from "../mail/outbox.server";
import { appUrl } from "../utils/config.server";
import { recordEvent } from "./organisation-events.server";

/** In the registration's transaction: the request, the history, a mail to each firmatecknare. Mail ids to announce after commit. */
export async function requestToJoin(db: Executor, input: { organisationId: string; userId: string; requesterName: string }): Promise<string[]> {
  await db.insert(organisationJoinRequests).values({ organisationId: input.organisationId, userId: input.userId }).onConflictDoNothing();
  await recordEvent(db, { organisationId: input.organisationId, kind: "join_requested", actor: { id: input.userId, name: input.requesterName } });
  const [org] = await db.select({ name: organisations.name, verifiedAt: organisations.verifiedAt }).from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org?.verifiedAt) return [];
  const signatories = await db
    .selectDistinct({ id: users.id, email: users.email, name: users.name })
    .from(organisationMemberships)
    .innerJoin(users, eq(users.id, organisationMemberships.userId))
    .where(
      and(
        eq(organisationMemberships.organisationId, input.organisationId),
        eq(organisationMemberships.role, "signatory"),
        isNotNull(organisationMemberships.acceptedAt),
        isNull(users.disabledAt),
      ),
    );
  const ids: string[] = [];
  for (const person of signatories) {
    const email = await joinRequestedEmail({
      name: person.name,
      organisationName: org.name,
      requesterName: input.requesterName,
      url: `${appUrl()}/forening/${input.organisationId}/forfragningar`,
    });
    ids.push(await enqueueEmail(db, { userId: person.id, email: person.email }, email));
  }
  return ids;
}

export interface JoinRequestView {
  id: string;
  name: string;
  email: string;
  emailConfirmed: boolean;
  /** The masked personnummer when the person registered with e-legitimation. */
  identity: string | null;
  at: string;
}

export async function listJoinRequests(organisationId: string): Promise<JoinRequestView[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: organisationJoinRequests.id,
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      identity: userIdentities.personalNumberMasked,
      at: organisationJoinRequests.createdAt,
    })
    .from(organisationJoinRequests)
    .innerJoin(users, eq(users.id, organisationJoinRequests.userId))
    .leftJoin(userIdentities, eq(userIdentities.userId, users.id))
    .where(and(eq(organisationJoinRequests.organisationId, organisationId), eq(organisationJoinRequests.status, "pending")))
    .orderBy(asc(organisationJoinRequests.createdAt));
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, emailConfirmed: r.emailVerifiedAt !== null, identity: r.identity, at: r.at.toISOString() }));
}

export type JoinAnswerResult = { ok: true } | { ok: false; message: string };

export async function answerJoinRequest(input: { user: CurrentUser; organisationId: string; requestId: string; accept: boolean }): Promise<JoinAnswerResult> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: organisationJoinRequests.id, status: organisationJoinRequests.status, userId: users.id, name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt })
      .from(organisationJoinRequests)
      .innerJoin(users, eq(users.id, organisationJoinRequests.userId))
      .where(and(eq(organisationJoinRequests.id, input.requestId), eq(organisationJoinRequests.organisationId, input.organisationId)))
      .for("update", { of: organisationJoinRequests });
    if (!row || row.status !== "pending") return { ok: false as const, message: "Förfrågan är redan besvarad. Ladda om sidan." };
    // An address nobody has confirmed could be anyone's: it gets no access to the förening's cases.
    if (input.accept && !row.emailVerifiedAt) {
      return { ok: false as const, message: `${row.name} har inte bekräftat sin e-postadress än. Förfrågan kan godkännas när adressen är bekräftad.` };
    }
    await tx
      .update(organisationJoinRequests)
      .set({ status: input.accept ? "accepted" : "refused", decidedBy: input.user.id, decidedAt: new Date() })
      .where(eq(organisationJoinRequests.id, row.id));
    if (input.accept) {
      await tx
        .insert(organisationMemberships)
        .values({ userId: row.userId, organisationId: input.organisationId, role: "contact_person", acceptedAt: new Date() })
        .onConflictDoNothing();
    }
    await recordEvent(tx, {
      organisationId: input.organisationId,
      kind: input.accept ? "join_accepted" : "join_refused",
      actor: { id: input.user.id, name: input.user.name },
      detail: row.name,
    });
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId));
    const email = await joinAnsweredEmail({ name: row.name, organisationName: org!.name, accepted: input.accept, url: `${appUrl()}/logga-in` });
    return { ok: true as const, mailId: await enqueueEmail(tx, { userId: row.userId, email: row.email }, email) };
  });
  if (!outcome.ok) return outcome;
  announceDemoMail(outcome.mailId);
  return { ok: true };
}
