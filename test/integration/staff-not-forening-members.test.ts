/** A förening cannot pull förvaltning staff in as its members; the form does not tell that they are staff (ADR 0017). */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organisationMemberships, users } from "../../db/schema";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";

const portal = setupPortal();
const STAFF = "handlaggare@demo.example";

describe("inviting förvaltning staff to a förening", () => {
  it("answers as for a new person, adds no membership, and the staff member still cannot open the förening's pages", async () => {
    const fryshuset = portal.organisationIds.get("Fryshuset")!;
    const contact = portal.visitor();
    expect((await contact.logIn("forening@demo.example")).status).toBe(302);
    const invite = (email: string) =>
      contact.post(`/forening/${fryshuset}/personer`, { intent: "invite", name: "Någon", email, roles: ["contact_person"] });

    const unknown = await invite("ny-i-foreningen@test.example");
    const staff = await invite(STAFF);
    expect(staff.status).toBe(unknown.status);
    expect(staff.headers.get("location")).toBe(unknown.headers.get("location")!.replace(encodeURIComponent("ny-i-foreningen@test.example"), encodeURIComponent(STAFF)));
    const notice = async (location: string) => textOf(await (await contact.get(location)).text());
    expect(await notice(staff.headers.get("location")!)).toContain(`En inbjudan har skickats till ${STAFF}`);

    const [staffUser] = await portal.db.select().from(users).where(eq(users.email, STAFF));
    expect(await portal.db.select().from(organisationMemberships).where(eq(organisationMemberships.userId, staffUser!.id))).toEqual([]);
    const staffVisitor = portal.visitor();
    expect((await staffVisitor.logIn(STAFF)).status).toBe(302);
    for (const path of [`/forening/${fryshuset}`, `/forening/${fryshuset}/personer`, `/forening/${fryshuset}/oversikt`]) {
      // 403, as for any förvaltning user (ADR 0004): the role has no förening rights, and no membership was added.
      expect((await staffVisitor.get(path)).status).toBe(403);
    }
  });
});
