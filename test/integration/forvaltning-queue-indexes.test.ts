/**
 * Each queue query can be answered from an index. With sequential scans switched off, the planner
 * must find an index for the cases table; if it cannot, the plan falls back to a "Seq Scan on cases"
 * anyway (disabled, not forbidden), and this test fails.
 */
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { QUEUE_KEYS } from "../../app/administration/queue-definitions";
import { explainQueue } from "../../app/administration/queues.server";
import { setupPortal } from "../support/portal";
import { caseAt, through, userIdOf } from "../support/forvaltning";

const portal = setupPortal();

describe("queue queries use indexes", () => {
  it.each(QUEUE_KEYS)("%s", async (queue) => {
    await caseAt(portal, through("take"));
    const viewer = {
      userId: await userIdOf(portal, "handlaggare@demo.example"),
      districtId: portal.districtIds.get("RK")!,
      roles: ["caseworker", "head_of_unit", "district_director", "registrar"] as const,
    };
    const plan = await portal.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return explainQueue(tx, { ...viewer, roles: [...viewer.roles] }, queue, { sok: "husby" });
    });
    if (process.env.SHOW_PLANS) console.log(`${queue}:\n${plan}`);
    expect(plan).not.toMatch(/Seq Scan on cases\b/);
    expect(plan).toMatch(/cases_queue_covering|cases_district_updated|cases_assigned/);
  });
});
