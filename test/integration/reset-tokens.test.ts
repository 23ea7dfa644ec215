/** A password-reset link is good for one use only, and only while it is the account's newest. */
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "../../db/schema";
import { linkIn, setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";

const portal = setupPortal();
const EMAIL = "avdelningschef@demo.example";

async function resetLinks() {
  const rows = await portal.db.select().from(emailOutbox).where(eq(emailOutbox.recipientEmail, EMAIL)).orderBy(asc(emailOutbox.createdAt));
  return rows.map((r) => linkIn(r.textBody, "/aterstall-losenord/"));
}

describe("password-reset links", () => {
  it("an older unused link stops working once a newer one is asked for or used", async () => {
    const visitor = portal.visitor();
    await visitor.post("/glomt-losenord", { email: EMAIL });
    await visitor.post("/glomt-losenord", { email: EMAIL });
    const [older, newer] = await resetLinks();
    expect(older && newer && older !== newer).toBe(true);

    const saved = await visitor.post(newer!, { password: "ett helt nytt lösenord" });
    expect(saved.headers.get("location")).toBe("/logga-in?meddelande=losenord-bytt");
    const stale = await visitor.post(older!, { password: "angriparens lösenord" });
    expect(textOf(await stale.text())).toContain("Länken har redan använts eller är för gammal");
    expect((await portal.visitor().logIn(EMAIL, "angriparens lösenord")).status).toBe(400);
    expect((await portal.visitor().logIn(EMAIL, "ett helt nytt lösenord")).status).toBe(302);
  });
});
