/**
 * The migrated database holds exactly the roles of workflows/roles.ts. A role added to the list
 * without a migration (`ALTER TYPE … ADD VALUE`) would type-check everywhere and then fail on the
 * first membership saved with it; this test fails first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/rows";
import { DISTRICT_ROLES, ORGANISATION_ROLES } from "../../workflows/roles";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function labelsOf(type: string): Promise<string[]> {
  const result = await database.handle.db.execute(sql`
    select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid
    where t.typname = ${type} order by e.enumsortorder`);
  return rowsOf<{ label: string }>(result).map((r) => r.label);
}

describe("roles in the migrated database", () => {
  it("are the förening roles of the one list", async () => {
    expect(await labelsOf("organisation_role")).toEqual([...ORGANISATION_ROLES]);
  });
  it("are the förvaltning roles of the one list", async () => {
    expect(await labelsOf("district_role")).toEqual([...DISTRICT_ROLES]);
  });
});
