/**
 * The one setup() of the partnership machine: types, and every guard and
 * action by name. State configs elsewhere are built with
 * `partnershipSetup.createStateConfig` so they are type-checked against it.
 */
import { setup } from "xstate";
import { actions } from "./actions";
import { guards } from "./guards";
import type { PartnershipContext, PartnershipEvent } from "./types";

export const partnershipSetup = setup({
  types: {
    context: {} as PartnershipContext,
    events: {} as PartnershipEvent,
  },
  guards,
  actions,
});
