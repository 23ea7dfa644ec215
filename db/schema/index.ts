export * from "./accounts";
export * from "./cases";
export * from "./documents";
export * from "./district-reports";
export * from "./signing";
export * from "./verification";
