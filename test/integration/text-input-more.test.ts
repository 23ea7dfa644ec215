/**
 * The text rule in the förvaltning's and the förening's remaining forms: a NUL byte anywhere, or a line
 * break in a one-line field, gives the form back with a message at the field and what was typed, never a 500.
 */
import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER_MESSAGE, LINE_BREAK_MESSAGE } from "../../app/domain/text";
import { setupPortal } from "../support/portal";
import { fieldErrorOf } from "../support/visitor";
import { fryshusetCase } from "../support/forening-after-decision";
import { caseAfter, stepIndex } from "../support/forvaltning-agreement";
import { caseAt, caseInAttestation, caseRowOf, loggedIn, through } from "../support/forvaltning";

const portal = setupPortal();
const world = () => ({ organisationIds: portal.organisationIds, districtIds: portal.districtIds });
const revisionOf = async (caseId: string) => String((await caseRowOf(portal, caseId)).revision);
const caseUrl = (caseId: string, page = "") => `/forvaltning/rk/arenden/${caseId}${page}`;

/** A form shown in a state where it can be posted: who posts, where, and the rest of a valid form. */
type Form = { email: string; path: string; values: Record<string, string> };

const AGREEMENT_FORM = {
  intent: "save",
  agreementRevision: "0",
  purposeAndGoals: "Att stärka unga i Husby.",
  targetGroup: "Unga 13–22 år",
  associationResources: "Två fritidsledare.",
  administrationResources: "Samordnare och lokal.",
  "yearlyAmounts.0.year": "2025",
  "yearlyAmounts.0.amount": "250 000",
  startDate: "2025-05-01",
  endDate: "2026-04-30",
  extensionAllowed: "yes",
  extensionTerms: "Möjlighet till ett års förlängning.",
  steeringGroup: "Verksamhetschefer från båda parter.",
  workingGroups: "Fritidsledare, en gång i månaden.",
  coordinator: "Sami Samordnare",
  "reportDueDates.0": "2025-09-30",
  finalReportDueDate: "2026-06-30",
  "goals.0.description": "Andel deltagare som upplever en ökad framtidstro",
  "goals.0.target": "55 %",
};

const FORMS: Record<string, () => Promise<Form>> = {
  decision: async () => {
    const { caseId } = await caseAt(portal, through("director attests"));
    return {
      email: "registrator@demo.example",
      path: caseUrl(caseId, "/beslut"),
      values: { expectedRevision: await revisionOf(caseId), meetingDate: "2025-03-20", paragraph: "§ 12", outcome: "rejected", motivation: "Verksamheten finns redan." },
    };
  },
  completion: async () => {
    const { caseId } = await caseAt(portal, through("take"));
    return {
      email: "handlaggare@demo.example",
      path: `${caseUrl(caseId)}?index`,
      values: { intent: "requestCompletion", expectedRevision: await revisionOf(caseId), message: "Bifoga stadgar.", dueDate: "2099-01-31" },
    };
  },
  note: async () => {
    const { caseId } = await caseAt(portal, through("take"));
    return { email: "handlaggare@demo.example", path: `${caseUrl(caseId)}?index`, values: { intent: "note", body: "En anteckning." } };
  },
  attestation: async () => {
    const { caseId } = await caseInAttestation(portal);
    return {
      email: "avdelningschef@demo.example",
      path: caseUrl(caseId, "/attestering"),
      values: { intent: "return", expectedRevision: await revisionOf(caseId), comment: "Utveckla analysen." },
    };
  },
  agreement: async () => {
    const { caseId } = await caseAfter(portal.db, world(), stepIndex("send for signing"));
    return { email: "handlaggare@demo.example", path: caseUrl(caseId, "/overenskommelse"), values: AGREEMENT_FORM };
  },
  staffAgreementComment: async () => {
    const { caseId } = await caseAfter(portal.db, world(), stepIndex("send for signing"));
    return { email: "handlaggare@demo.example", path: caseUrl(caseId, "/overenskommelse"), values: { intent: "comment", body: "Lördagar också?" } };
  },
  agreementReturn: async () => {
    const { caseId } = await caseAfter(portal.db, world(), stepIndex("send for signing") + 1);
    return {
      email: "handlaggare@demo.example",
      path: caseUrl(caseId, "/overenskommelse"),
      values: { intent: "return", expectedRevision: await revisionOf(caseId), comment: "Ändra beloppet." },
    };
  },
  agreementComment: async () => {
    const { caseId } = await fryshusetCase(portal.db, portal, { through: "bifall registered" });
    return { email: "forening@demo.example", path: `/forening/arenden/${caseId}/overenskommelse`, values: { body: "Kan vi lägga till lördagar?" } };
  },
  member: async () => ({
    email: "forening@demo.example",
    path: `/forening/${portal.organisationIds.get("Fryshuset")!}/personer`,
    values: { intent: "invite", name: "Nora Ny", email: "nora.text@test.example", roles: "contact_person" },
  }),
};

describe("text that cannot be stored, in the remaining forms", () => {
  it.each([
    ["decision", "paragraph"],
    ["decision", "motivation"],
    ["completion", "message"],
    ["note", "body"],
    ["attestation", "comment"],
    ["agreement", "coordinator"],
    ["agreementComment", "body"],
    ["staffAgreementComment", "body"],
    ["agreementReturn", "comment"],
    ["member", "name"],
  ])("%s form: a NUL byte in %s gets a message at the field and the text back", async (form, field) => {
    const { email, path, values } = await FORMS[form]!();
    const response = await (await loggedIn(portal, email)).post(path, { ...values, [field]: "Början7q\u0000 och slutet" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrorOf(html, field)).toContain(CONTROL_CHARACTER_MESSAGE);
    expect(html).toContain("Början7q");
    expect(html).toContain("och slutet");
  });

  it.each([
    ["decision", "paragraph"],
    ["agreement", "coordinator"],
    ["member", "name"],
  ])("%s form: %s is one line, a line break gets a message at the field and the text back", async (form, field) => {
    const { email, path, values } = await FORMS[form]!();
    const response = await (await loggedIn(portal, email)).post(path, { ...values, [field]: "Första7q\nandra raden" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrorOf(html, field)).toContain(LINE_BREAK_MESSAGE);
    expect(html).toContain("Första7q");
    expect(html).toContain("andra raden");
  });
});
