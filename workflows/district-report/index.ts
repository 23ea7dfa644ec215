/** The yearly report to the nämnd: a small pure machine reusing the partnership's attestation part. */
export { districtReportMachine, DISTRICT_REPORT_MACHINE_VERSION, createDistrictReportContext } from "./machine";
export {
  applyDistrictReportEvent,
  districtReportState,
  explainDistrictReportRefusal,
  restoreDistrictReport,
  startDistrictReport,
  storeDistrictReport,
  type DistrictReportResult,
  type DistrictReportSnapshot,
  type StoredDistrictReport,
} from "./runtime";
export { districtReportRefusal } from "./messages";
export { districtReportRules, type DistrictReportRuleName } from "./rules";
export * from "./types";
