/**
 * The machine's definition: named guards and actions only, every guard
 * backed by the rule table, exact Swedish refusal sentences for the cases
 * the UI shows most.
 */
import { describe, expect, it } from "vitest";
import { getStateNodes } from "xstate/graph";
import { explainRefusal, partnershipMachine, rules } from "../../workflows";
import { BRANCH_GUARDS } from "../../workflows/partnership/guards";
import { A, E, ev, reach, start } from "./helpers";

const nodes = [partnershipMachine.root, ...getStateNodes(partnershipMachine.root)];
const definitions = nodes.flatMap((node) => [...[...node.transitions.values()].flat(), ...(node.always ?? [])]);

function guardName(guard: unknown): string | undefined {
  if (typeof guard === "string") return guard;
  if (guard && typeof guard === "object" && "type" in guard) return String(guard.type);
  return undefined;
}

describe("machine definition", () => {
  it("has exactly the seven top-level states", () => {
    expect(Object.keys(partnershipMachine.root.states)).toEqual([
      "application", "review", "decision", "agreement", "followUp", "finalReport", "closed",
    ]);
    expect(partnershipMachine.root.states.closed?.type).toBe("final");
  });

  it("uses only named guards, and every event transition is guarded by a rule", () => {
    for (const definition of definitions) {
      const name = guardName(definition.guard);
      if (definition.eventType === "") continue; // eventless: unconditional or a context condition
      expect(typeof definition.guard, `${definition.source.id} ${definition.eventType}`).not.toBe("function");
      expect(name && (name in rules || (BRANCH_GUARDS as readonly string[]).includes(name))).toBeTruthy();
    }
  });

  it("ends every multi-branch event with a plain rule branch, so a refusal always has a reason", () => {
    for (const node of nodes) {
      for (const [eventType, branches] of node.transitions) {
        const last = guardName(branches[branches.length - 1]?.guard);
        expect(last !== undefined && last in rules, `${node.id} ${eventType}`).toBe(true);
      }
    }
  });

  it("uses every rule of the table somewhere", () => {
    const used = new Set(definitions.map((definition) => guardName(definition.guard)));
    expect(Object.keys(rules).filter((name) => !used.has(name))).toEqual([]);
  });

  it("has no anonymous inline actions", () => {
    const actions = [
      ...nodes.flatMap((node) => [...node.entry, ...node.exit]),
      ...definitions.flatMap((definition) => definition.actions),
    ];
    expect(actions.length).toBeGreaterThan(30);
    for (const action of actions) expect(typeof action, JSON.stringify(action)).not.toBe("function");
  });
});

describe("refusal sentences, word for word", () => {
  it("komplettering by someone other than the assigned caseworker", () => {
    expect(explainRefusal(reach("review.assigned"), { ...E.requestCompletion, actor: A.otherCaseworker })).toBe(
      "Bara den handläggare som har ärendet kan begära komplettering.",
    );
  });

  it("the author attesting", () => {
    const author = { userId: "cw-1", roles: ["caseworker", "head_of_unit"] as const };
    expect(explainRefusal(reach("review.attestation.awaitingHeadOfUnit"), ev("ATTEST", { ...author, roles: [...author.roles] }, "2025-03-03"))).toBe(
      "Den som har skrivit tjänsteutlåtandet kan inte attestera det.",
    );
  });

  it("a return without comment", () => {
    expect(explainRefusal(reach("review.attestation.awaitingDistrictDirector"), { ...E.returnDirector, comment: "" })).toBe(
      "Skriv en kommentar om varför du skickar tillbaka utlåtandet.",
    );
  });

  it("an event the state does not have", () => {
    expect(explainRefusal(start(), E.approve)).toBe("Händelsen är inte möjlig i ärendets nuvarande läge.");
  });

  it("avslag without motivation", () => {
    expect(explainRefusal(reach("decision.awaitingBoard"), { ...E.reject, motivation: undefined })).toBe(
      "Skriv nämndens motivering till avslaget. Föreningen får läsa den.",
    );
  });

  it("an extension that does not move the end date", () => {
    expect(explainRefusal(reach("followUp.reportDue"), { ...E.extend, newEndDate: "2026-01-01" })).toBe(
      "Det nya slutdatumet måste vara efter det nuvarande slutdatumet 2026-04-30.",
    );
  });

  it("an event without a valid time or actor", () => {
    expect(explainRefusal(start(), { ...E.submit, at: "igår" })).toBe("Händelsen saknar en giltig tidpunkt.");
    expect(explainRefusal(start(), { ...E.submit, actor: { userId: "", roles: ["applicant"] } })).toBe(
      "Det går inte att se vem som gjorde händelsen. Logga in igen och försök på nytt.",
    );
  });
});
