/**
 * Bulk actions from a queue: "Ta valda" and "Fördela valda till …". Each case goes through
 * transitionCase on its own, with the revision the person saw, and the answer says per case what
 * happened: one refused case does not stop the others, and nothing is done twice.
 */
import { inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { cases } from "../../db/schema";
import type { CurrentUser } from "../auth/current-user.server";
import { userActor } from "../cases/case-roles";
import { transitionCase, type CaseCommand } from "../cases/transition.server";
import { listCaseworkers } from "./queues.server";

export interface BulkOutcome {
  caseId: string;
  label: string;
  ok: boolean;
  message: string;
}

/** A checkbox's value is "caseId:revision", so a case changed since the page was read is refused. */
export function parseSelection(values: readonly string[]): { caseId: string; revision: number }[] {
  const seen = new Set<string>();
  return values.flatMap((value) => {
    const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d+)$/i.exec(value);
    if (!match || seen.has(match[1]!)) return [];
    seen.add(match[1]!);
    return [{ caseId: match[1]!, revision: Number(match[2]) }];
  });
}

export async function runBulk(input: {
  user: CurrentUser;
  districtId: string;
  selection: { caseId: string; revision: number }[];
  action: { kind: "take" } | { kind: "assign"; caseworkerId: string };
}): Promise<{ ok: true; outcomes: BulkOutcome[] } | { ok: false; message: string }> {
  const { user, districtId, selection, action } = input;
  if (selection.length === 0) return { ok: false, message: "Markera minst ett ärende i listan." };
  let caseworkerName = "";
  if (action.kind === "assign") {
    const chosen = (await listCaseworkers(districtId)).find((c) => c.value === action.caseworkerId);
    if (!chosen) return { ok: false, message: "Välj en handläggare i stadsdelen att fördela ärendena till." };
    caseworkerName = chosen.label;
  }
  const db = await getDb();
  const rows = await db
    .select({ id: cases.id, districtId: cases.districtId, diaryNumber: cases.diaryNumber, title: cases.title, assigned: cases.assignedCaseworkerId })
    .from(cases)
    .where(inArray(cases.id, selection.map((s) => s.caseId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const actor = userActor(user);
  const outcomes: BulkOutcome[] = [];
  for (const { caseId, revision } of selection) {
    const row = byId.get(caseId);
    // Another district's case is reported as missing: its existence is not this person's business.
    if (!row || row.districtId !== districtId) {
      outcomes.push({ caseId, label: "Okänt ärende", ok: false, message: "Ärendet finns inte i stadsdelen." });
      continue;
    }
    const label = row.diaryNumber ? `${row.diaryNumber} ${row.title}` : row.title;
    const command: CaseCommand =
      action.kind === "take"
        ? { type: "TAKE" }
        : row.assigned
          ? { type: "REASSIGN", caseworkerId: action.caseworkerId }
          : { type: "ASSIGN", caseworkerId: action.caseworkerId };
    const result = await transitionCase({ caseId, command, actor, expectedRevision: revision });
    outcomes.push(
      result.ok
        ? { caseId, label, ok: true, message: action.kind === "take" ? "Du har tagit ärendet." : `Fördelat till ${caseworkerName}.` }
        : { caseId, label, ok: false, message: result.message },
    );
  }
  return { ok: true, outcomes };
}
