/**
 * Every state a case or a yearly report can rest in has its Swedish status text, and every e-mail a
 * machine can ask for has its template, in the words of the side that receives it. Read from the
 * machines' own definitions, so a state or a notification added to a machine without its words
 * fails here (a person would otherwise see a raw state path such as "review.newStep", or the
 * förvaltning's instructions in the förening's e-mail).
 */
import { describe, expect, it } from "vitest";
import {
  ASSOCIATION_RECIPIENTS,
  DISTRICT_REPORT_TEMPLATES,
  INTERNAL_TEMPLATES,
  OUTCOMES,
  createInitialContext,
  districtReportMachine,
  partnershipMachine,
  type DistrictReportTemplate,
  type NotificationTemplate,
  type PartnershipContext,
  type ReceiptKind,
  type RecipientRole,
} from "../../workflows";
import { KNOWN_STATES, describeState } from "../../app/cases/status-text";
import { STATE_LABELS } from "../../app/district-reports/narrative-form";
import { CASE_TEXTS, caseNotificationEmail } from "../../emails/case-notifications";
import { districtReportEmail } from "../../emails/district-report";
import { RECEIPT_TEXTS, receiptEmail } from "../../emails/receipts";

/** The parts of an xstate v5 state node this test reads. */
interface Node {
  path: string[];
  type: string;
  states: Record<string, Node>;
  entry: unknown[];
  exit: unknown[];
  transitions: Map<string, { actions: unknown[]; guard?: unknown }[]>;
  always?: { actions: unknown[]; guard?: unknown }[];
  after: { actions: unknown[] }[];
}

const nodesOf = (node: Node): Node[] => [node, ...Object.values(node.states).flatMap(nodesOf)];

/** The states something can rest in: leaves, less the transient ones that move on at once. */
function restingStates(root: Node): string[] {
  return nodesOf(root)
    .filter((n) => Object.keys(n.states).length === 0)
    .filter((n) => !(n.always ?? []).some((t) => t.guard === undefined))
    .map((n) => n.path.join("."));
}

function actionsOf(root: Node): unknown[] {
  return nodesOf(root).flatMap((n) => [
    ...n.entry,
    ...n.exit,
    ...[...n.transitions.values()].flat().flatMap((t) => t.actions),
    ...(n.always ?? []).flatMap((t) => t.actions),
    ...n.after.flatMap((t) => t.actions),
  ]);
}

// Params computed from the case are asked with a fresh case and with one far along, so every
// recipient such a notification can have is seen.
const freshCase = createInitialContext();
const caseFarAlong: PartnershipContext = {
  ...freshCase,
  assignedCaseworkerId: "handlaggare",
  signatures: { association: { userId: "firmatecknare", at: "2025-03-01T10:00:00+01:00" }, administration: null },
  agreement: {
    startDate: "2025-01-01",
    endDate: "2026-12-31",
    reportDueDates: ["2025-12-31", "2026-12-31"],
    extensionAllowed: true,
    finalReportDueDate: null,
  },
};
const eventAt = { at: "2025-06-01T10:00:00+02:00" };

function paramsOf(action: unknown): Record<string, unknown>[] {
  const params = (action as { params?: unknown }).params;
  if (typeof params !== "function") return [params as Record<string, unknown>];
  return [freshCase, caseFarAlong].map((context) => params({ context, event: eventAt }));
}

function effectsOf(root: Node, type: string) {
  return actionsOf(root)
    .filter((a): a is { type: string } => typeof a === "object" && a !== null && (a as { type?: unknown }).type === type)
    .flatMap(paramsOf);
}

const partnership = partnershipMachine.root as unknown as Node;
const districtReport = districtReportMachine.root as unknown as Node;

const notifications = new Map<NotificationTemplate, Set<RecipientRole>>();
for (const p of effectsOf(partnership, "notify") as { template: NotificationTemplate; to: RecipientRole[] }[]) {
  const to = notifications.get(p.template) ?? new Set<RecipientRole>();
  for (const role of p.to) to.add(role);
  notifications.set(p.template, to);
}
const receipts = [...new Set((effectsOf(partnership, "receipt") as { kind: ReceiptKind }[]).map((p) => p.kind))];
const reportNotifications = [
  ...new Set((effectsOf(districtReport, "notify") as { template: DistrictReportTemplate }[]).map((p) => p.template)),
];

const mailContext = {
  diaryNumber: "RK 2026/12",
  title: "Läxhjälp i Husby",
  organisationName: "Fryshuset",
  recipientName: "Moa Edin",
  caseUrl: "http://localhost:3000/arenden/1",
};
const sideOf = (role: RecipientRole) => (ASSOCIATION_RECIPIENTS.includes(role) ? "association" : "administration");

describe("every state has a Swedish status text", () => {
  const states = restingStates(partnership);

  it("reads the partnership machine's states", () => {
    expect(states).toContain("review.attestation.awaitingHeadOfUnit");
    expect(states).toContain("closed");
    expect(states).not.toContain("application.submitted"); // transient: moves on to review at once
  });

  it("has one status text per open state of a case, and none for a state that is gone", () => {
    expect([...KNOWN_STATES].sort()).toEqual(states.filter((s) => s !== "closed").sort());
  });

  it.each(states.filter((s) => s !== "closed"))("%s: a status and a next step for both sides", (state) => {
    for (const side of ["association", "administration"] as const) {
      const text = describeState(state, side);
      expect(text.label).not.toBe(state);
      expect(text.label).toMatch(/^[A-ZÅÄÖ]/);
      expect(text.next).toMatch(/^[A-ZÅÄÖ].*\.$/);
    }
  });

  it("says how a closed case ended, each outcome in its own word", () => {
    const labels = OUTCOMES.map((outcome) => describeState("closed", "association", outcome).label);
    expect(new Set(labels).size).toBe(OUTCOMES.length);
    for (const label of labels) expect(label).toMatch(/^[A-ZÅÄÖ][a-zåäö]+$/);
  });

  it("has a Swedish label for every state of the yearly report", () => {
    const reportStates = restingStates(districtReport);
    expect(reportStates).toContain("filed");
    expect(Object.keys(STATE_LABELS).sort()).toEqual([...reportStates].sort());
  });
});

describe("every notification a machine can emit has an e-mail template", () => {
  it("reads the machines' notifications", () => {
    expect(notifications.get("case_assigned")).toEqual(new Set(["applicant", "assignedCaseworker"]));
    expect(notifications.get("application_withdrawn")).toContain("districtCaseworkers");
    expect(receipts).toContain("finalReport");
    expect(reportNotifications).toContain("district_report_filed");
  });

  it.each([...notifications.keys()])("%s: words for each side it is sent to, rendered", async (template) => {
    const entry = CASE_TEXTS[template];
    expect(entry, `no template in emails/case-notifications.ts for ${template}`).toBeDefined();
    for (const side of new Set([...notifications.get(template)!].map(sideOf))) {
      expect(entry[side], `${template} goes to the ${side} side but has no text for it`).toBeDefined();
      const mail = await caseNotificationEmail(template, { ...mailContext, side });
      expect(mail.subject).toContain("RK 2026/12");
      expect(mail.text).toContain(mailContext.caseUrl);
      expect(mail.html).toContain(mailContext.caseUrl);
    }
  });

  it("never tells the förening about the förvaltning's internal steps", () => {
    for (const template of INTERNAL_TEMPLATES) {
      for (const role of notifications.get(template) ?? []) expect(sideOf(role), template).toBe("administration");
    }
  });

  it.each(receipts)("the receipt for %s has its template, rendered", async (kind) => {
    expect(RECEIPT_TEXTS[kind], `no receipt text for ${kind}`).toBeDefined();
    const mail = await receiptEmail(
      { kind, receivedAt: eventAt.at, version: 1, report: kind.startsWith("report") ? { index: 0, count: 2 } : null },
      { ...mailContext, side: "association" },
    );
    expect(mail.text).toContain(mailContext.caseUrl);
  });

  it("has a template for every notification of the yearly report, rendered", async () => {
    expect([...reportNotifications].sort()).toEqual([...DISTRICT_REPORT_TEMPLATES].sort());
    for (const template of reportNotifications) {
      const mail = await districtReportEmail(template, {
        year: 2026,
        districtName: "Rinkeby-Kista",
        recipientName: "Moa Edin",
        reportUrl: "http://localhost:3000/forvaltning/rk/arsrapporter/2026",
      });
      expect(mail.subject).not.toBe("");
      expect(mail.text).toContain("/arsrapporter/2026");
    }
  });
});
