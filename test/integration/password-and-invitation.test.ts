import { describe, expect, it } from "vitest";
import { linkIn, setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";

const portal = setupPortal();

describe("password reset", () => {
  it("mails a one-time link; the new password works, the old one and other sessions do not", async () => {
    const other = portal.visitor();
    await other.logIn("registrator@demo.example");
    const visitor = portal.visitor();
    const asked = await visitor.post("/glomt-losenord", { email: "registrator@demo.example" });
    expect(textOf(await asked.text())).toContain("Om det finns ett konto med den adressen");
    const link = linkIn((await portal.lastEmailTo("registrator@demo.example"))!.textBody, "/aterstall-losenord/");

    const saved = await visitor.post(link, { password: "ett helt nytt lösenord" });
    expect(saved.headers.get("location")).toBe("/logga-in?meddelande=losenord-bytt");
    expect((await other.get("/forvaltning/rk")).status).toBe(302);
    expect((await portal.visitor().logIn("registrator@demo.example")).status).toBe(400);
    expect((await portal.visitor().logIn("registrator@demo.example", "ett helt nytt lösenord")).status).toBe(302);

    const reused = await visitor.post(link, { password: "ännu ett nytt lösenord" });
    expect(textOf(await reused.text())).toContain("Länken har redan använts eller är för gammal");
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const response = await portal.visitor().post("/glomt-losenord", { email: "ingen@demo.example" });
    expect(textOf(await response.text())).toContain("Om det finns ett konto med den adressen");
    expect(await portal.lastEmailTo("ingen@demo.example")).toBeUndefined();
  });
});

describe("staff invitation", () => {
  it("lets a district admin invite a handläggare, who sets a password and lands in the district", async () => {
    const admin = portal.visitor();
    await admin.logIn("admin@demo.example");
    const invited = await admin.post("/forvaltning/rk/personal", {
      intent: "invite",
      name: "Nora Ny",
      email: "nora.ny@stad.example",
      title: "Handläggare",
      roles: ["caseworker", "coordinator"],
    });
    expect(invited.status).toBe(200);
    expect(textOf(await invited.text())).toContain("En inbjudan har skickats till nora.ny@stad.example");
    const staffPage = textOf(await (await admin.get("/forvaltning/rk/personal")).text());
    expect(staffPage).toContain("Nora Ny");
    expect(staffPage).toContain("Inbjuden");

    const email = await portal.lastEmailTo("nora.ny@stad.example");
    expect(email?.textBody).toContain("handläggare, samordnare");
    const nora = portal.visitor();
    const accepted = await nora.post(linkIn(email!.textBody, "/inbjudan/"), { password: "noras eget lösenord" });
    // A new password is a staff password sign-in: the app for two-step verification is set up first.
    expect(accepted.headers.get("location")).toBe("/logga-in/tvastegsverifiering");
    const signedIn = await nora.passSecondStep("nora.ny@stad.example", accepted);
    expect(signedIn.headers.get("location")).toBe("/logga-in/aterstallningskoder");
    const home = textOf(await (await nora.get("/forvaltning/rk")).text());
    expect(home).toContain("Välkommen, Nora Ny");
    expect(home).toContain("handläggare, samordnare");
  });

  it("asks for at least one role and a valid address, keeping what was typed", async () => {
    const admin = portal.visitor();
    await admin.logIn("admin@demo.example");
    const response = await admin.post("/forvaltning/rk/personal", { intent: "invite", name: "Utan Roll", email: "inte-en-adress" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Välj minst en roll.");
    expect(textOf(html)).toContain("Skriv en e-postadress i formatet namn@exempel.se.");
    expect(html).toContain('value="Utan Roll"');
  });
});
