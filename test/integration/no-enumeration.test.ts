/** Reset and registration answer the same whether or not an address has an account (ADR 0017). */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema";
import { createUser } from "../../seed/factories";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";

const portal = setupPortal();

/** What a visitor can see of an answer: status, where it sends them, and the page (or the page it sends them to). */
async function seen(response: Response) {
  const location = response.headers.get("location");
  const page = location ? await portal.visitor().get(location) : response;
  // The request id in the page differs per request and says nothing about accounts.
  return { status: response.status, location, text: textOf(await page.text()) };
}

describe("no account enumeration", () => {
  it("the reset form answers a known and an unknown address identically", async () => {
    const known = await createUser(portal.db, { email: "finns@test.example" });
    const a = await seen(await portal.visitor().post("/glomt-losenord", { email: known.email }));
    const b = await seen(await portal.visitor().post("/glomt-losenord", { email: "finns-inte@test.example" }));
    expect(a).toEqual(b);
    expect((await portal.lastEmailTo(known.email))?.template).toBe("password_reset");
    expect(await portal.lastEmailTo("finns-inte@test.example")).toBeUndefined();
  });

  it("registration with an address that has an account looks like a new one, and the owner is told by mail", async () => {
    const owner = await createUser(portal.db, { email: "har-konto@test.example", name: "Kim Konto" });
    const form = (organisationNumber: string, email: string) => ({
      organisationName: "Ny förening",
      organisationNumber,
      organisationEmail: "info@ny.example",
      contactName: "Någon",
      email,
      password: "ett långt och bra lösenord",
    });
    const fresh = await seen(await portal.visitor().post("/registrera", form("802500-0004", "ny-person@test.example")));
    const taken = await seen(await portal.visitor().post("/registrera", form("802500-0012", owner.email)));
    expect(taken).toEqual(fresh);
    expect(fresh.location).toBe("/registrera/klar");

    const mail = await portal.lastEmailTo(owner.email);
    expect(mail?.template).toBe("registration_attempt");
    expect(mail?.textBody).toContain("Någon har försökt registrera en förening i IOP-portalen med din e-postadress");
    // Nothing was created in the owner's name.
    expect(await portal.db.select().from(organisations).where(eq(organisations.organisationNumber, "802500-0012"))).toEqual([]);
  });
});
