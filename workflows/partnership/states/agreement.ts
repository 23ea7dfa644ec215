/** Överenskommelse: drafted outside the machine, then signed by both parties in either order. */
import { notify, notifyOtherParty, PARTIES } from "../effects";
import { partnershipSetup } from "../setup";
import { reassign } from "./shared";

const SIGNERS = ["signatory", "applicant", "headOfUnit", "districtDirector"] as const;

export const agreementState = partnershipSetup.createStateConfig({
  initial: "drafting",
  on: { REASSIGN: reassign },
  states: {
    drafting: {
      on: {
        SEND_FOR_SIGNING: {
          guard: "canSendForSigning",
          target: "signing",
          actions: ["recordAgreementTerms", notify("agreement_ready_to_sign", ...SIGNERS)],
        },
      },
    },
    signing: {
      on: {
        SIGN: [
          {
            guard: "signatureCompletesAgreement",
            target: "#partnership.followUp",
            actions: ["recordSignature", notify("agreement_in_force", ...PARTIES)],
          },
          { guard: "canSign", actions: ["recordSignature", notifyOtherParty] },
        ],
        RETURN_TO_DRAFTING: {
          guard: "canReturnToDrafting",
          target: "drafting",
          actions: ["clearSignatures", notify("agreement_returned_to_drafting", ...SIGNERS)],
        },
      },
    },
  },
});
