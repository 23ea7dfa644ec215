/**
 * Which permission of the matrix each workflow event needs. The machine's guards then apply the
 * workflow rules (assigned handläggare, separation of duties, order of attestation).
 */
import type { PartnershipEventType } from "../../workflows";
import type { Permission } from "../auth/permissions";

export const EVENT_PERMISSIONS: Record<PartnershipEventType, readonly Permission[] | "system"> = {
  SUBMIT: ["application.submit"],
  WITHDRAW: ["application.withdraw"],
  TAKE: ["case.take"],
  ASSIGN: ["case.assign"],
  REASSIGN: ["case.assign"],
  REQUEST_COMPLETION: ["case.requestCompletion"],
  RESUBMIT: ["completion.respond"],
  START_ASSESSMENT: ["case.assess"],
  SUBMIT_FOR_ATTESTATION: ["statement.write"],
  ATTEST: ["statement.attestAsHeadOfUnit", "statement.attestAsDistrictDirector"],
  RETURN: ["statement.attestAsHeadOfUnit", "statement.attestAsDistrictDirector"],
  REGISTER_DECISION: ["decision.register"],
  SEND_FOR_SIGNING: ["agreement.draft"],
  RETURN_TO_DRAFTING: ["agreement.draft"],
  SIGN: ["agreement.signForOrganisation", "agreement.signForDistrict"],
  SUBMIT_REPORT: ["report.submit"],
  REQUEST_REPORT_COMPLETION: ["report.review"],
  RESUBMIT_REPORT: ["report.submit"],
  APPROVE_REPORT: ["report.review"],
  EXTEND: ["partnership.extend"],
  TERMINATE: ["partnership.terminate"],
  PERIOD_ELAPSED: "system",
  SUBMIT_FINAL_REPORT: ["report.submit"],
  START_FINAL_ASSESSMENT: ["case.assess"],
  REGISTER_FINAL_APPROVAL: ["decision.register"],
};
