// Filled in by the database test harness (see test/setup/database.ts).
export default async function setup() {}
