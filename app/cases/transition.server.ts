/**
 * Runs one workflow event on one case: check the permission matrix and the record, let the pure
 * machine decide, then write the new snapshot (with a revision check), the audit event, the outbox
 * rows (notifications, and the förening's receipt for anything it sent in) and the deadlines in ONE
 * transaction. Nothing is sent before commit.
 */
import { eq } from "drizzle-orm";
import {
  applyEvent,
  RECEIPT_RECIPIENTS,
  restoreSnapshot,
  statePath,
  toStored,
  type CaseRole,
  type NotificationTemplate,
  type PartnershipEffect,
  type PartnershipEvent,
  type PartnershipSnapshot,
  type ReceiptParams,
  type RecipientRole,
} from "../../workflows";
import { getDb, type Executor, type Transaction } from "../../db/client";
import { cases, districts, organisations } from "../../db/schema";
import { caseNotificationEmail } from "../../emails/case-notifications";
import { receiptEmail } from "../../emails/receipts";
import { rolesGrant } from "../auth/permissions";
import { appUrl } from "../utils/config.server";
import { stockholmIsoString } from "../utils/time";
import { caseRolesOf, membershipRolesOnCase, type Memberships } from "./case-roles";
import { allocateDiaryNumber } from "./diary-number.server";
import { EVENT_PERMISSIONS } from "./event-permissions";
import { loadRecipients } from "./recipients.server";
import { openRenegotiationCase } from "./renegotiation.server";
import { writeTransition, type TransitionWrite } from "./transition-write.server";
import { prepareAgreementStep, type SignerIdentity } from "../signing/versions.server";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as the UI sends it: the runtime adds who and when. */
export type CaseCommand = DistributiveOmit<PartnershipEvent, "actor" | "at">;

export type CaseActor = ({ kind: "user"; id: string } & Memberships) | { kind: "system" };

export type TransitionResult =
  | { ok: true; caseId: string; revision: number; state: string; diaryNumber: string | null; newCaseId?: string }
  | { ok: false; kind: "not_found" | "forbidden" | "refused" | "conflict"; message: string };

export const MESSAGES = {
  notFound: "Ärendet finns inte.",
  forbidden: "Du har inte behörighet att göra det här i ärendet.",
  conflict: "Någon annan har ändrat ärendet medan du arbetade. Ladda om sidan och försök igen.",
} as const;

class ConflictError extends Error {}

/** Free text an event carries, kept as the audit event's comment. */
function commentOf(command: CaseCommand): string | null {
  for (const key of ["comment", "message", "motivation", "reason"] as const) {
    const value = (command as Record<string, unknown>)[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
}

/** The case as the record check loaded it (app/cases/access.server.ts): what a transition needs of it. */
export interface LoadedCase {
  case: typeof cases.$inferSelect;
  organisationName: string;
  districtCode: string;
}

async function loadForTransition(db: Executor, caseId: string): Promise<LoadedCase | null> {
  const [found] = await db
    .select({ case: cases, organisationName: organisations.name, districtCode: districts.code })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(eq(cases.id, caseId));
  return found ?? null;
}

export async function transitionCase(
  input: (
    | {
        /**
         * The case as the record check already read it: not read again. The write is revision-checked,
         * so if the case changed since it was read, nothing is written and the answer is a conflict.
         */
        loaded: LoadedCase;
        caseId?: never;
      }
    | { caseId: string; loaded?: never }
  ) & {
    command: CaseCommand;
    actor: CaseActor;
    /** The revision the person saw; without it, the one the case was read with. */
    expectedRevision?: number;
    now?: Date;
    /**
     * Writes that belong to the same change (e.g. marking the application version submitted), run in
     * the transition's transaction after the case is written: all of it commits, or none.
     */
    alsoWrite?: (tx: Transaction, written: { revision: number; diaryNumber: string | null }) => Promise<void>;
    /** Who signs, as this session proved it (SIGN from a page); without it, the account's name (signing/versions.server.ts). */
    signer?: SignerIdentity;
  },
): Promise<TransitionResult> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const found = input.loaded ?? (await loadForTransition(db, input.caseId));
  const row = found && { ...found.case, organisationName: found.organisationName, districtCode: found.districtCode };
  if (!row) return { ok: false, kind: "not_found", message: MESSAGES.notFound };

  const rule = EVENT_PERMISSIONS[input.command.type];
  let roles: CaseRole[];
  let actorUserId: string | null = null;
  if (input.actor.kind === "system") {
    if (rule !== "system") return { ok: false, kind: "forbidden", message: MESSAGES.forbidden };
    roles = ["system"];
  } else {
    const held = membershipRolesOnCase(input.actor, row);
    if (rule === "system" || !rule.some((permission) => rolesGrant(held, permission))) {
      return { ok: false, kind: "forbidden", message: MESSAGES.forbidden };
    }
    roles = caseRolesOf(held);
    actorUserId = input.actor.id;
  }

  const revision = input.expectedRevision ?? row.revision;
  if (revision !== row.revision) return { ok: false, kind: "conflict", message: MESSAGES.conflict };
  let snapshot: PartnershipSnapshot;
  try {
    snapshot = restoreSnapshot({ machineVersion: row.machineVersion, snapshot: row.snapshot });
  } catch (error) {
    return { ok: false, kind: "refused", message: (error as Error).message };
  }
  const event = {
    ...input.command,
    actor: { userId: actorUserId ?? "system", roles },
    at: stockholmIsoString(now),
  } as PartnershipEvent;
  const result = applyEvent(snapshot, event);
  if (!result.accepted) return { ok: false, kind: "refused", message: result.reason };

  const fromState = row.state;
  const toState = statePath(result.snapshot);
  const stored = toStored(result.snapshot);
  const context = result.snapshot.context;
  const comment = commentOf(input.command);
  const effects = result.effects;
  const newDeadlines = effects.flatMap((e) => (e.type === "setDeadline" ? [e.params] : []));
  const mailFor = (executor: Executor, diaryNumber: string | null, renegotiationCaseId?: string) =>
    renderNotifications(executor, effects, {
      caseRow: { ...row, diaryNumber, assignedCaseworkerId: context.assignedCaseworkerId },
      comment,
      dueDate: newDeadlines[0]?.dueAt ?? null,
      renegotiationCaseId,
    });
  const write = (diaryNumber: string | null, mail: TransitionWrite["mail"]): TransitionWrite => ({
    caseId: row.id,
    expectedRevision: revision,
    snapshot: stored.snapshot,
    machineVersion: stored.machineVersion,
    state: toState,
    assignedCaseworkerId: context.assignedCaseworkerId,
    outcome: context.outcome,
    diaryNumber,
    submittedAt: row.submittedAt ?? (input.command.type === "SUBMIT" ? now : null),
    closedAt: toState === "closed" ? now : null,
    now,
    audit: {
      actorUserId,
      actorRoles: roles,
      eventType: input.command.type,
      fromState,
      comment,
      payload: Object.fromEntries(Object.entries(input.command).filter(([key]) => key !== "type")),
    },
    // A new deadline of a kind replaces the open one of that kind.
    clearDeadlineKinds: effects.flatMap((e) =>
      e.type === "clearDeadline" || e.type === "setDeadline" ? [e.params.kind] : [],
    ),
    newDeadlines: newDeadlines.map((d) => ({ kind: d.kind, due_on: d.dueAt })),
    mail,
  });
  // The agreement's frozen versions and signatures change with the case, in its transaction.
  const agreementStep = await prepareAgreementStep({
    caseId: row.id,
    command: input.command,
    actorUserId,
    signer: input.signer,
    before: snapshot.context,
    after: context,
    stored,
    toState,
    now,
  });
  if (!agreementStep.ok) return { ok: false, kind: "conflict", message: agreementStep.message };
  const agreementWrite = agreementStep.write;
  const alsoWrite =
    agreementWrite || input.alsoWrite
      ? async (tx: Transaction, written: { revision: number; diaryNumber: string | null }) => {
          await agreementWrite?.(tx);
          await input.alsoWrite?.(tx, written);
        }
      : undefined;
  const success = (written: { revision: number }, diaryNumber: string | null, newCaseId?: string) =>
    ({ ok: true as const, caseId: row.id, revision: written.revision, state: toState, diaryNumber, newCaseId });

  const needsDiaryNumber = input.command.type === "SUBMIT" && !row.diaryNumber;
  const renegotiation = effects.find((e) => e.type === "openRenegotiation");
  if (!needsDiaryNumber && !renegotiation && !alsoWrite) {
    // The common case: one atomic statement, no explicit transaction.
    const written = await writeTransition(db, write(row.diaryNumber, await mailFor(db, row.diaryNumber)));
    return written ? success(written, row.diaryNumber) : { ok: false, kind: "conflict", message: MESSAGES.conflict };
  }
  try {
    return await db.transaction(async (tx) => {
      const diaryNumber = needsDiaryNumber
        ? await allocateDiaryNumber(
            tx,
            { id: row.districtId, code: row.districtCode },
            Number(stockholmIsoString(now).slice(0, 4)),
          )
        : row.diaryNumber;
      // The new case comes first, so the mail about it can link to it; a conflict below rolls it back.
      const newCaseId = renegotiation ? await openRenegotiationCase(tx, row, actorUserId, now) : undefined;
      const written = await writeTransition(tx, write(diaryNumber, await mailFor(tx, diaryNumber, newCaseId)));
      // Rolling back returns the diarienummer, so numbers stay gapless.
      if (!written) throw new ConflictError();
      await alsoWrite?.(tx, { revision: written.revision, diaryNumber });
      return success(written, diaryNumber, newCaseId);
    });
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, kind: "conflict", message: MESSAGES.conflict };
    throw error;
  }
}

type CaseForMail = typeof cases.$inferSelect & { organisationName: string; districtCode: string };
type OutgoingMessage =
  | { to: RecipientRole[]; template: NotificationTemplate; receipt: null }
  | { to: RecipientRole[]; template: null; receipt: ReceiptParams };

/**
 * The outbox rows for a transition's notifications and receipts, rendered for each person they reach.
 * A receipt is addressed like a notification (to roles on the case), so both come from one recipient list.
 */
async function renderNotifications(
  db: Executor,
  effects: PartnershipEffect[],
  ctx: { caseRow: CaseForMail; comment: string | null; dueDate: string | null; renegotiationCaseId?: string },
): Promise<TransitionWrite["mail"]> {
  const { caseRow } = ctx;
  const messages = effects.flatMap((e): OutgoingMessage[] =>
    e.type === "notify"
      ? [{ to: e.params.to, template: e.params.template, receipt: null }]
      : e.type === "receipt"
        ? [{ to: [...RECEIPT_RECIPIENTS], template: null, receipt: e.params }]
        : [],
  );
  if (messages.length === 0) return [];
  const recipients = await loadRecipients(db, caseRow, messages.flatMap((m) => m.to));
  const pending = messages.flatMap((message) =>
    recipients
      .filter((r) => message.to.some((role) => r.matches.has(role)))
      .map(async (recipient) => {
        // "Ny överenskommelse kan förhandlas" is about the new case: that is where the förening works on.
        // Staff cannot open a draft (private until submitted), so theirs leads to the decided case,
        // which names the new one.
        const linkedId =
          message.template === "renegotiation_opened" && ctx.renegotiationCaseId && recipient.side === "association"
            ? ctx.renegotiationCaseId
            : caseRow.id;
        const caseUrl =
          recipient.side === "association"
            ? `${appUrl()}/forening/arenden/${linkedId}`
            : `${appUrl()}/forvaltning/${caseRow.districtCode.toLowerCase()}/arenden/${linkedId}`;
        const mailContext = {
          side: recipient.side,
          diaryNumber: caseRow.diaryNumber,
          title: caseRow.title,
          organisationName: caseRow.organisationName,
          recipientName: recipient.name,
          caseUrl,
          message: ctx.comment,
          dueDate: ctx.dueDate,
        };
        const email = message.receipt
          ? await receiptEmail(message.receipt, mailContext)
          : await caseNotificationEmail(message.template, mailContext);
        return {
          template: email.template,
          recipient_user_id: recipient.userId,
          recipient_email: recipient.email,
          subject: email.subject,
          text_body: email.text,
          html_body: email.html,
          payload: { side: recipient.side },
        };
      }),
  );
  return Promise.all(pending);
}
