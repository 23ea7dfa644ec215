/**
 * Model-based tests with xstate/graph. The model is the machine; the system
 * under test is the server's loop around it: restore the stored JSON, check
 * the event with explainRefusal, transition, store again. Paths are the
 * shortest path to every reachable vertex plus, for every transition of the
 * machine, a path that ends by taking it. Coverage is measured on the system
 * under test and must be 100 %.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { transition } from "xstate";
import { createTestModel, type StatePath } from "xstate/graph";
import {
  ASSOCIATION_RECIPIENTS,
  DEADLINE_KINDS,
  RECEIPT_KINDS,
  INTERNAL_TEMPLATES,
  NOTIFICATION_TEMPLATES,
  applyEvent,
  explainRefusal,
  partnershipMachine,
  restoreSnapshot,
  statePath,
  toStored,
  type PartnershipEffect,
  type PartnershipEvent,
  type PartnershipSnapshot,
} from "../../workflows";
import { isCalendarDate } from "../../workflows/partnership/dates";
import { allStateIds, allTransitionKeys, exercised, initialStateIds } from "./coverage";
import { SAMPLES, serializeForGraph } from "./graph-samples";
import { start } from "./helpers";

type Path = StatePath<PartnershipSnapshot, PartnershipEvent>;

/** The events by which something arrives from the förening. */
const SENT_IN_BY_ASSOCIATION = new Set<string>(["SUBMIT", "RESUBMIT", "SUBMIT_REPORT", "RESUBMIT_REPORT", "SUBMIT_FINAL_REPORT"]);

/** Every effect seen in any replayed path, as "notify:template", "setDeadline:kind" and so on. */
const seenEffects = new Set<string>();

const model = createTestModel(partnershipMachine, {
  events: SAMPLES,
  serializeState: (snapshot) => serializeForGraph(snapshot),
});

/** The server's loop, one event at a time, through stored JSON. */
class ServerLoop {
  stored = JSON.stringify(toStored(start()));
  effects: PartnershipEffect[] = [];
  openDeadlines = new Set<string>();

  send(event: PartnershipEvent, coverage: Coverage) {
    const snapshot = restoreSnapshot(JSON.parse(this.stored));
    const result = applyEvent(snapshot, event);
    if (!result.accepted) throw new Error(`${event.type} refused in ${statePath(snapshot)}: ${result.reason}`);
    coverage.add(exercised(snapshot, event));
    // Whatever the förening sends in, on every path, gets exactly one receipt; nothing else does.
    const receipts = result.effects.filter((effect) => effect.type === "receipt");
    expect(receipts, `receipts for ${event.type} in ${statePath(snapshot)}`).toHaveLength(SENT_IN_BY_ASSOCIATION.has(event.type) ? 1 : 0);
    this.check(result.effects);
    this.stored = JSON.stringify(toStored(result.snapshot));
    return result.snapshot;
  }

  private check(effects: PartnershipEffect[]) {
    for (const effect of effects) {
      seenEffects.add(effect.type === "notify" ? `notify:${effect.params.template}` : effect.type === "openRenegotiation" ? effect.type : `${effect.type}:${effect.params.kind}`);
      if (effect.type === "notify" && INTERNAL_TEMPLATES.includes(effect.params.template)) {
        expect(effect.params.to.filter((role) => ASSOCIATION_RECIPIENTS.includes(role))).toEqual([]);
      }
      if (effect.type === "setDeadline") {
        expect(isCalendarDate(effect.params.dueAt), `deadline ${effect.params.kind}`).toBe(true);
        expect(this.openDeadlines.has(effect.params.kind), `${effect.params.kind} set twice`).toBe(false);
        this.openDeadlines.add(effect.params.kind);
      }
      if (effect.type === "clearDeadline") {
        expect(this.openDeadlines.delete(effect.params.kind), `${effect.params.kind} cleared but not set`).toBe(true);
      }
    }
    this.effects.push(...effects);
  }
}

class Coverage {
  states = new Set<string>(initialStateIds(start()));
  transitions = new Set<string>();
  add(step: { states: Set<string>; transitions: Set<string> }) {
    step.states.forEach((id) => this.states.add(id));
    step.transitions.forEach((key) => this.transitions.add(key));
  }
}

function pathsCoveringEveryTransition(): Path[] {
  const toVertex = new Map<string, Path>();
  for (const path of model.getShortestPaths({ allowDuplicatePaths: true })) {
    toVertex.set(serializeForGraph(path.state), path);
  }
  const byTransition = new Map<string, Path>();
  const vertices = [...toVertex.values()].sort((a, b) => a.steps.length - b.steps.length);
  for (const path of vertices) {
    for (const event of SAMPLES) {
      if (explainRefusal(path.state, event) !== null) continue;
      for (const key of exercised(path.state, event).transitions) {
        if (byTransition.has(key)) continue;
        const [next] = transition(partnershipMachine, path.state, event);
        byTransition.set(key, { state: next, steps: [...path.steps, { event, state: next }], weight: path.weight + 1 });
      }
    }
  }
  const deduplicated = model.getShortestPaths().map((path): Path => path);
  return [...deduplicated, ...byTransition.values()];
}

describe("model-based: every state and every transition through the server loop", () => {
  const coverage = new Coverage();
  let paths: Path[] = [];

  beforeAll(() => {
    paths = pathsCoveringEveryTransition();
  });

  it("replays every path with persistence between steps and lands where the model says", async () => {
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const loop = new ServerLoop();
      let last = start();
      await model.testPath(path, {
        events: Object.fromEntries(
          SAMPLES.map((sample) => [sample.type, ({ event }: { event: PartnershipEvent }) => void (last = loop.send(event, coverage))]),
        ),
        states: {
          "*": (state: PartnershipSnapshot) => {
            // Vertices merge snapshots that differ only in history, so compare what the model tells apart.
            expect(statePath(last)).toBe(statePath(state));
            expect(serializeForGraph(last)).toBe(serializeForGraph(state));
          },
        },
      });
      if (last.status === "done") expect([...loop.openDeadlines]).toEqual([]);
    }
  });

  it("reaches 100 % of the states and takes 100 % of the transitions", () => {
    const states = allStateIds();
    const transitions = allTransitionKeys();
    const missingStates = states.filter((id) => !coverage.states.has(id));
    const missingTransitions = transitions.filter((key) => !coverage.transitions.has(key));
    console.log(
      `workflow coverage: states ${states.length - missingStates.length}/${states.length}` +
        ` (${((100 * (states.length - missingStates.length)) / states.length).toFixed(1)} %),` +
        ` transitions ${transitions.length - missingTransitions.length}/${transitions.length}` +
        ` (${((100 * (transitions.length - missingTransitions.length)) / transitions.length).toFixed(1)} %),` +
        ` paths ${paths.length}`,
    );
    expect(missingStates).toEqual([]);
    expect(missingTransitions).toEqual([]);
    expect(coverage.transitions.size).toBe(transitions.length);
  });

  it("emits every notification template, every receipt, every deadline kind and the renegotiation", () => {
    const expected = [
      ...NOTIFICATION_TEMPLATES.map((template) => `notify:${template}`),
      ...DEADLINE_KINDS.flatMap((kind) => [`setDeadline:${kind}`, `clearDeadline:${kind}`]),
      ...RECEIPT_KINDS.map((kind) => `receipt:${kind}`),
      "openRenegotiation",
    ];
    expect([...seenEffects].sort()).toEqual(expected.sort());
  });
});

describe("model-based: refusal and transition agree in every reachable state", () => {
  it("an event is refused with a reason exactly when transition() leaves the snapshot untouched", () => {
    const adjacency = model.getAdjacencyMap();
    const vertices = Object.values(adjacency);
    let accepted = 0;
    let refused = 0;
    for (const { state } of vertices) {
      for (const event of SAMPLES) {
        const reason = explainRefusal(state, event);
        const [next, actions] = transition(partnershipMachine, state, event);
        if (reason === null) {
          accepted++;
          expect(next, `${event.type} in ${statePath(state)}`).not.toBe(state);
          const moved = JSON.stringify(next.value) !== JSON.stringify(state.value);
          expect(moved || actions.length > 0, `${event.type} in ${statePath(state)} should do something`).toBe(true);
        } else {
          refused++;
          expect(next, `${event.type} in ${statePath(state)}: ${reason}`).toBe(state);
          expect(actions).toEqual([]);
          expect(reason).toMatch(/^[A-ZÅÄÖ].*\.$/);
        }
      }
    }
    console.log(`refusal agreement: ${vertices.length} vertices, ${accepted} accepted and ${refused} refused checks`);
    expect(accepted).toBeGreaterThan(vertices.length);
    expect(refused).toBeGreaterThan(accepted);
  });
});
