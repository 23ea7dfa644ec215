/**
 * Counting which state nodes and which transition definitions of the machine
 * a run has exercised. Transient states and eventless transitions happen
 * inside a macrostep, so they are read from xstate's microsteps.
 */
import { getMicrosteps, type AnyStateNode } from "xstate";
import { getStateNodes } from "xstate/graph";
import { partnershipMachine, type PartnershipEvent, type PartnershipSnapshot } from "../../workflows";

type TransitionDefinition = NonNullable<AnyStateNode["always"]>[number];

function transitionKey(definition: TransitionDefinition): string {
  const source = definition.source;
  const siblings = definition.eventType ? source.transitions.get(definition.eventType) : source.always;
  const index = siblings?.indexOf(definition) ?? -1;
  if (index < 0) throw new Error(`Transition not found on ${source.id}`);
  const targets = (definition.target ?? []).map((target) => target.id).join(",") || "(stays)";
  return `${source.id} --${definition.eventType || "always"}[${index}]--> ${targets}`;
}

export function allStateIds(): string[] {
  return getStateNodes(partnershipMachine.root).map((node) => node.id);
}

export function allTransitionKeys(): string[] {
  const nodes = [partnershipMachine.root, ...getStateNodes(partnershipMachine.root)];
  return nodes.flatMap((node) => [
    ...[...node.transitions.values()].flat().map(transitionKey),
    ...(node.always ?? []).map(transitionKey),
  ]);
}

export function initialStateIds(snapshot: PartnershipSnapshot): string[] {
  return snapshot._nodes.filter((node) => node !== partnershipMachine.root).map((node) => node.id);
}

/** State ids entered and transition keys taken while `event` is processed from `snapshot`. */
export function exercised(snapshot: PartnershipSnapshot, event: PartnershipEvent) {
  const states = new Set<string>();
  const transitions = new Set<string>();
  for (const definition of partnershipMachine.getTransitionData(snapshot, event)) {
    transitions.add(transitionKey(definition));
  }
  const microsteps = getMicrosteps(partnershipMachine, snapshot, event);
  let previous = snapshot;
  for (const [next] of microsteps) {
    for (const id of initialStateIds(next)) states.add(id);
    // An eventless transition from the previous microstep is the one whose target is now active.
    const taken = previous._nodes
      .flatMap((node) => node.always ?? [])
      .filter((definition) => previous !== snapshot && definition.target?.some((t) => next._nodes.includes(t)));
    for (const definition of taken) transitions.add(transitionKey(definition));
    previous = next;
  }
  return { states, transitions };
}
