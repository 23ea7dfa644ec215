/**
 * The yearly report to the nämnd per district and year (seeds 001, 002): create it, save the narrative
 * (revision-checked), and run it through the pure machine in workflows/district-report. Every write
 * is one transaction: the report row (only if its revision is still the one the page showed), the
 * history event and the outbox rows, so nothing is half done and nothing is mailed for a refused step.
 *
 * Figures are never typed: while the report is a draft they are read from the agreements and reports
 * when the page or file is made; sending it to attestering freezes them in the row, so what the
 * chefer attest is what the nämnd files. A return clears them and they are live again.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import {
  applyDistrictReportEvent,
  districtReportState,
  explainDistrictReportRefusal,
  restoreDistrictReport,
  startDistrictReport,
  storeDistrictReport,
  type DistrictReportEvent,
  districtReportRolesOf,
} from "../../workflows";
import { getDb } from "../../db/client";
import { districtReportEvents, districtReports, districts, emailOutbox, users } from "../../db/schema";
import { forbidden, requireDistrictRole, type CurrentUser } from "../auth/current-user.server";
import { rolesGrant, type DistrictPermission } from "../auth/permissions";
import { yearlyReportTotal } from "../documents/yearly-report";
import { loadYearlyReportIops } from "../documents/yearly-report-data.server";
import { renderDocx } from "../documents/docx.server";
import { renderPdf } from "../documents/pdf.server";
import { fileResponse } from "../documents/file-response";
import type { NamndDocument } from "../documents/model";
import { appUrl } from "../utils/config.server";
import { formFailure, parseForm, type FormFailure } from "../utils/forms";
import { stockholmDate, stockholmIsoString } from "../utils/time";
import {
  NARRATIVE_SECTIONS,
  REQUIRED_SECTIONS,
  STATE_LABELS,
  createFormSchema,
  fileFormSchema,
  narrativeFormSchema,
  narrativeOf,
  prefillNarrative,
  returnFormSchema,
  type Narrative,
} from "./narrative-form";
import { buildDocument } from "./document.server";
import { outboxRows } from "./mail.server";

export const STALE_REPORT =
  "Årsrapporten har ändrats från en annan flik eller av någon annan medan du arbetade. Det du skrev finns kvar nedan: ladda om sidan i en ny flik, jämför och spara igen.";
const NOT_DRAFT = "Årsrapporten är skickad till attestering och kan inte ändras nu.";
const NO_REVISION = "Sidan saknar årsrapportens version. Ladda om sidan och försök igen.";

const notFound = () => new Response("Not found", { status: 404 });
class StaleReport extends Error {}

/** Which permissions may send each event; the machine then checks the role for the exact step. */
const EVENT_PERMISSIONS: Record<DistrictReportEvent["type"], DistrictPermission[]> = {
  SUBMIT_FOR_ATTESTATION: ["statement.write"],
  ATTEST: ["statement.attestAsHeadOfUnit", "statement.attestAsDistrictDirector"],
  RETURN: ["statement.attestAsHeadOfUnit", "statement.attestAsDistrictDirector"],
  FILE: ["decision.register"],
};


async function requireDistrict(user: CurrentUser, districtParam: string, permission: DistrictPermission) {
  const membership = requireDistrictRole(user, districtParam, permission);
  const db = await getDb();
  const [district] = await db.select().from(districts).where(eq(districts.id, membership.id));
  if (!district) throw notFound();
  return { membership, district, base: `/forvaltning/${district.code.toLowerCase()}/arsrapporter` };
}

function yearOf(param: string): number {
  if (!/^\d{4}$/.test(param)) throw notFound();
  return Number(param);
}

async function findReport(districtId: string, year: number) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(districtReports)
    .where(and(eq(districtReports.districtId, districtId), eq(districtReports.year, year)));
  if (!row) throw notFound();
  return row;
}

export type ReportRow = typeof districtReports.$inferSelect;
export type DistrictRow = typeof districts.$inferSelect;

const snapshotOf = (row: ReportRow) => restoreDistrictReport({ machineVersion: row.machineVersion, snapshot: row.snapshot });

const intOf = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && String(value ?? "").trim() !== "" ? n : null;
};

export async function listYearlyReports(user: CurrentUser, districtParam: string) {
  const { membership, district, base } = await requireDistrict(user, districtParam, "documents.generate");
  const db = await getDb();
  const rows = await db
    .select({ year: districtReports.year, state: districtReports.state, updatedAt: districtReports.updatedAt })
    .from(districtReports)
    .where(eq(districtReports.districtId, district.id))
    .orderBy(desc(districtReports.year));
  return {
    base,
    districtName: district.name,
    canCreate: rolesGrant(membership.roles, "statement.write"),
    suggestedYear: String(Number(stockholmDate(new Date()).slice(0, 4)) - 1),
    reports: rows.map((r) => ({ year: r.year, state: STATE_LABELS[r.state] ?? r.state, updatedOn: stockholmDate(r.updatedAt) })),
  };
}

/** Creating a year that exists already just opens it: a double-click makes nothing twice. */
export async function createYearlyReport(
  user: CurrentUser,
  districtParam: string,
  values: Record<string, unknown>,
): Promise<{ ok: true; redirectTo: string } | FormFailure> {
  const { membership, district, base } = await requireDistrict(user, districtParam, "statement.write");
  const parsed = parseForm(createFormSchema, values);
  if (!parsed.ok) return parsed;
  const year = Number(parsed.data.year);
  const latest = Number(stockholmDate(new Date()).slice(0, 4));
  if (year < 2000 || year > latest) {
    return formFailure({ year: `Välj ett år mellan 2000 och ${latest}.` }, values);
  }
  const db = await getDb();
  const stored = storeDistrictReport(startDistrictReport());
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(districtReports)
      .values({
        districtId: district.id,
        year,
        state: "draft",
        machineVersion: stored.machineVersion,
        snapshot: stored.snapshot,
        revision: 1,
        narrative: prefillNarrative({ year, boardName: district.boardName, administrationName: district.administrationName }),
        createdById: user.id,
        editedById: user.id,
      })
      .onConflictDoNothing()
      .returning({ id: districtReports.id });
    if (row) {
      await tx.insert(districtReportEvents).values({
        reportId: row.id,
        revision: 1,
        actorUserId: user.id,
        actorRoles: membership.roles,
        eventType: "CREATE",
        toState: "draft",
      });
    }
  });
  return { ok: true, redirectTo: `${base}/${year}` };
}

const HISTORY_LABELS: Record<string, string> = {
  CREATE: "Årsrapporten skapades",
  SAVE: "Utkastet sparades",
  SUBMIT_FOR_ATTESTATION: "Skickad till attestering",
  ATTEST: "Attesterad",
  RETURN: "Skickad tillbaka från attesteringen",
  FILE: "Registrerad som lagd till handlingarna",
};

export async function loadYearlyReportPage(user: CurrentUser, districtParam: string, yearParam: string) {
  const { membership, district, base } = await requireDistrict(user, districtParam, "documents.generate");
  const row = await findReport(district.id, yearOf(yearParam));
  const snapshot = snapshotOf(row);
  const state = districtReportState(snapshot);
  const context = snapshot.context;
  const actor = { userId: user.id, roles: districtReportRolesOf(membership.roles) };
  const at = stockholmIsoString(new Date());
  const may = (event: DistrictReportEvent) =>
    EVENT_PERMISSIONS[event.type].some((p) => rolesGrant(membership.roles, p)) && explainDistrictReportRefusal(snapshot, event) === null;
  const { document, iops, attestations } = await buildDocument(row, district, snapshot);

  const db = await getDb();
  const events = await db
    .select({
      eventType: districtReportEvents.eventType,
      createdAt: districtReportEvents.createdAt,
      comment: districtReportEvents.comment,
      payload: districtReportEvents.payload,
      actorName: users.name,
    })
    .from(districtReportEvents)
    .leftJoin(users, eq(users.id, districtReportEvents.actorUserId))
    .where(eq(districtReportEvents.reportId, row.id))
    .orderBy(asc(districtReportEvents.revision));
  const inAttestation = state.startsWith("attestation");
  return {
    base,
    year: row.year,
    districtName: district.name,
    state,
    stateLabel: STATE_LABELS[state] ?? state,
    revision: row.revision,
    canEdit: state === "draft" && rolesGrant(membership.roles, "statement.write"),
    canSubmit: may({ type: "SUBMIT_FOR_ATTESTATION", actor, at }),
    canAttest: may({ type: "ATTEST", actor, at }),
    canReturn: may({ type: "RETURN", comment: "–", actor, at }),
    canFile: may({ type: "FILE", meetingDate: at.slice(0, 10), paragraph: "§", actor, at }),
    isAuthor: inAttestation && context.authorId === user.id,
    narrative: Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s.key, narrativeOf(row.narrative)[s.key] ?? ""])),
    figuresFrozenOn: row.figuresFrozenAt ? stockholmDate(row.figuresFrozenAt) : null,
    total: yearlyReportTotal(iops),
    iopCount: iops.length,
    document,
    attestations,
    lastReturn: state === "draft" && context.lastReturn ? { comment: context.lastReturn.comment, on: context.lastReturn.at.slice(0, 10) } : null,
    filing: context.filing ? { meetingDate: context.filing.meetingDate, paragraph: context.filing.paragraph } : null,
    history: events.map((e) => {
      const payload = e.payload as { meetingDate?: string; paragraph?: string };
      const filed = e.eventType === "FILE" && payload.meetingDate ? ` (sammanträdet ${payload.meetingDate}, ${payload.paragraph ?? ""})` : "";
      return {
        label: (HISTORY_LABELS[e.eventType] ?? e.eventType) + filed,
        at: stockholmIsoString(e.createdAt).slice(0, 16).replace("T", " "),
        actorName: e.actorName ?? "Systemet",
        comment: e.comment,
      };
    }),
  };
}

export type ReportActionResult = { ok: true; intent: string; message: string } | (FormFailure & { intent: string | null });

export async function saveYearlyNarrative(user: CurrentUser, districtParam: string, yearParam: string, values: Record<string, unknown>): Promise<ReportActionResult> {
  const { membership, district } = await requireDistrict(user, districtParam, "statement.write");
  const row = await findReport(district.id, yearOf(yearParam));
  const fail = (message: string, errors = {}) => ({ ...formFailure(errors, values, message), intent: "save" });
  if (row.state !== "draft") return fail(NOT_DRAFT);
  const expectedRevision = intOf(values.revision);
  if (expectedRevision === null) return fail(NO_REVISION);
  const parsed = parseForm(narrativeFormSchema, values);
  if (!parsed.ok) return { ...parsed, intent: "save" };
  const narrative: Narrative = {};
  for (const { key } of NARRATIVE_SECTIONS) narrative[key] = parsed.data[key] ?? "";
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const [written] = await tx
        .update(districtReports)
        .set({ narrative, editedById: user.id, revision: sql`${districtReports.revision} + 1`, updatedAt: new Date() })
        .where(and(eq(districtReports.id, row.id), eq(districtReports.revision, expectedRevision), eq(districtReports.state, "draft")))
        .returning({ revision: districtReports.revision });
      if (!written) throw new StaleReport();
      await tx.insert(districtReportEvents).values({
        reportId: row.id,
        revision: written.revision,
        actorUserId: user.id,
        actorRoles: membership.roles,
        eventType: "SAVE",
        fromState: "draft",
        toState: "draft",
      });
    });
  } catch (error) {
    if (error instanceof StaleReport) return fail(STALE_REPORT);
    throw error;
  }
  return { ok: true, intent: "save", message: "Årsrapporten är sparad." };
}

const SUCCESS: Record<DistrictReportEvent["type"], string> = {
  SUBMIT_FOR_ATTESTATION: "Årsrapporten är skickad till attestering. Avdelningschefen får ett meddelande.",
  ATTEST: "Du har attesterat årsrapporten.",
  RETURN: "Årsrapporten är skickad tillbaka till handläggaren.",
  FILE: "Det är registrerat att nämnden har lagt årsrapporten till handlingarna.",
};
const INTENTS = { submit: "SUBMIT_FOR_ATTESTATION", attest: "ATTEST", return: "RETURN", file: "FILE" } as const;

/** Sends one event to the report's machine for the person, with the revision the page showed. */
export async function runYearlyReportAction(user: CurrentUser, districtParam: string, yearParam: string, values: Record<string, unknown>): Promise<ReportActionResult> {
  const intent = typeof values.intent === "string" && values.intent in INTENTS ? (values.intent as keyof typeof INTENTS) : null;
  if (!intent) return { ...formFailure({}, values, "Okänd åtgärd."), intent: null };
  const type = INTENTS[intent];
  const { membership, district, base } = await requireDistrict(user, districtParam, "documents.generate");
  if (!EVENT_PERMISSIONS[type].some((p) => rolesGrant(membership.roles, p))) throw forbidden();
  const row = await findReport(district.id, yearOf(yearParam));
  const fail = (message: string | undefined, errors = {}) => ({ ...formFailure(errors, values, message), intent });
  const expectedRevision = intOf(values.revision);
  if (expectedRevision === null) return fail(NO_REVISION);
  if (expectedRevision !== row.revision) return fail(STALE_REPORT);

  const now = new Date();
  const envelope = { actor: { userId: user.id, roles: districtReportRolesOf(membership.roles) }, at: stockholmIsoString(now) };
  let event: DistrictReportEvent;
  if (intent === "return") {
    const parsed = parseForm(returnFormSchema, values);
    if (!parsed.ok) return { ...parsed, intent };
    event = { type: "RETURN", comment: parsed.data.comment, ...envelope };
  } else if (intent === "file") {
    const parsed = parseForm(fileFormSchema, values);
    if (!parsed.ok) return { ...parsed, intent };
    event = { type: "FILE", meetingDate: parsed.data.meetingDate, paragraph: parsed.data.paragraph, ...envelope };
  } else if (intent === "submit") {
    const narrative = narrativeOf(row.narrative);
    const missing = REQUIRED_SECTIONS.filter((key) => !narrative[key]?.trim());
    if (missing.length > 0) {
      const errors = Object.fromEntries(
        missing.map((key) => [key, `Skriv ${NARRATIVE_SECTIONS.find((s) => s.key === key)!.title.toLowerCase()} innan du skickar rapporten.`]),
      );
      return { ...formFailure(errors, { ...narrative, revision: String(row.revision) }, "Årsrapporten är inte klar att skicka. Skriv det som saknas, spara och skicka igen."), intent };
    }
    event = { type: "SUBMIT_FOR_ATTESTATION", ...envelope };
  } else {
    event = { type: "ATTEST", ...envelope };
  }

  const result = applyDistrictReportEvent(snapshotOf(row), event);
  if (!result.accepted) return fail(result.reason);
  const toState = districtReportState(result.snapshot);
  const stored = storeDistrictReport(result.snapshot);
  // Frozen when sent, live again after a return; attesting and filing keep what was sent.
  const figures =
    type === "SUBMIT_FOR_ATTESTATION"
      ? { figures: await loadYearlyReportIops(district.id, row.year), figuresFrozenAt: now }
      : type === "RETURN"
        ? { figures: null, figuresFrozenAt: null }
        : {};
  const comment = event.type === "RETURN" ? event.comment.trim() : null;
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const [written] = await tx
        .update(districtReports)
        .set({ snapshot: stored.snapshot, machineVersion: stored.machineVersion, state: toState, revision: sql`${districtReports.revision} + 1`, updatedAt: now, ...figures })
        .where(and(eq(districtReports.id, row.id), eq(districtReports.revision, expectedRevision)))
        .returning({ revision: districtReports.revision });
      if (!written) throw new StaleReport();
      const [audit] = await tx
        .insert(districtReportEvents)
        .values({
          reportId: row.id,
          revision: written.revision,
          actorUserId: user.id,
          actorRoles: membership.roles,
          eventType: type,
          fromState: row.state,
          toState,
          comment,
          payload: event.type === "FILE" ? { meetingDate: event.meetingDate, paragraph: event.paragraph.trim() } : {},
          createdAt: now,
        })
        .returning({ id: districtReportEvents.id });
      const filing = result.snapshot.context.filing;
      const mail = await outboxRows(tx, {
        districtId: district.id,
        districtName: district.name,
        year: row.year,
        authorId: result.snapshot.context.authorId,
        reportUrl: `${appUrl()}${base}/${row.year}`,
        message: comment ?? (filing ? `sammanträdet ${filing.meetingDate}, ${filing.paragraph}` : null),
        effects: result.effects.map((e) => e.params),
        auditId: audit!.id,
      });
      if (mail.length > 0) await tx.insert(emailOutbox).values(mail);
    });
  } catch (error) {
    if (error instanceof StaleReport) return fail(STALE_REPORT);
    throw error;
  }
  const message =
    type === "ATTEST"
      ? toState === "awaitingBoard"
        ? `${SUCCESS.ATTEST} Den är nu klar för nämnden, och registratorn får ett meddelande.`
        : `${SUCCESS.ATTEST} Stadsdelsdirektören får ett meddelande.`
      : SUCCESS[type];
  return { ok: true, intent, message };
}

export async function yearlyReportDocument(user: CurrentUser, districtParam: string, yearParam: string): Promise<{ document: NamndDocument; code: string; year: number }> {
  const { district } = await requireDistrict(user, districtParam, "documents.generate");
  const row = await findReport(district.id, yearOf(yearParam));
  const { document } = await buildDocument(row, district, snapshotOf(row));
  return { document, code: district.code, year: row.year };
}

export async function yearlyReportFile(user: CurrentUser, districtParam: string, yearParam: string, format: "pdf" | "docx") {
  const { document, code, year } = await yearlyReportDocument(user, districtParam, yearParam);
  const body = format === "pdf" ? await renderPdf(document) : await renderDocx(document);
  return fileResponse(body, `arsrapport-iop-${code.toLowerCase()}-${year}.${format}`);
}
