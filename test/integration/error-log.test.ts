/**
 * What a failing request leaves in the log (ADR 0018): its request id, never the
 * session cookie, the form's content or the failed statement's parameters.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";
import { captureOutput } from "../support/output";
import { textOf } from "../support/visitor";

const portal = setupPortal();


describe("the log of a failing request", () => {
  // A fault only this test's database has: inserting this person fails in PostgreSQL, whose error
  // carries the statement's parameters and the failing row.
  beforeAll(async () => {
    await portal.db.execute(
      sql.raw(`alter table users add constraint log_test_fault check (email not like '%@logg-test.example') not valid`),
    );
  });
  afterAll(async () => {
    await portal.db.execute(sql.raw(`alter table users drop constraint log_test_fault`));
  });

  it("names the request by its id and holds no cookie, form content or statement parameters", async () => {
    const visitor = portal.visitor();
    await visitor.logIn("forening@demo.example");
    const sessionId = visitor.cookie.split("=")[1]!;
    expect(sessionId.length).toBeGreaterThan(10);
    const organisationId = portal.organisationIds.get("Fryshuset") ?? [...portal.organisationIds.values()][0]!;
    const email = "anna.svensson@logg-test.example";
    const personnummer = "19850312-1234";
    let response: Response | undefined;
    let html = "";
    const output = await captureOutput(async () => {
      response = await visitor.post(`/forening/${organisationId}/personer`, {
        intent: "invite",
        name: `Anna Svensson ${personnummer}`,
        email,
        roles: "contact_person",
      });
      html = await response.text();
    });
    expect(response!.status).toBe(500);
    const requestId = response!.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9A-Z]{10}$/);
    // The visitor can quote it.
    expect(textOf(html)).toContain(requestId!);
    expect(output).toContain(requestId!);
    expect(output).toContain("/forening/:organisationId/personer");
    // The failure itself is there, by class and code.
    expect(output).toMatch(/ERROR .*request failed/);
    expect(output).toContain("code=23514");
    for (const secret of [sessionId, email, "anna.svensson", personnummer, "198503121234", "Anna Svensson", organisationId]) {
      expect(output).not.toContain(secret);
    }
  });
});
