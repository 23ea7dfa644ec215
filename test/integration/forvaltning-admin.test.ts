/** The district admin: roles and deactivation on the staff page, calls and priority areas. */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { calls, districtMemberships, priorityAreas, users } from "../../db/schema";
import { createStaffUser } from "../../seed/factories";
import { dayBefore, monthsFromNow } from "../support/dates";
import { setupPortal } from "../support/portal";
import { signedIn } from "../support/signed-in";
import { textOf } from "../support/visitor";

const portal = setupPortal();
const LOGINS = {
  admin: "admin@demo.example",
  caseworker: "handlaggare@demo.example",
  association: "forening@demo.example",
  otherDistrict: "handlaggare.jarva@demo.example",
} as const;
const as = signedIn(portal, LOGINS);

const rk = () => portal.districtIds.get("RK")!;
const userIdOf = async (email: string) => (await portal.db.select().from(users).where(eq(users.email, email)))[0]!.id;
const rolesOf = async (userId: string) =>
  (
    await portal.db
      .select({ role: districtMemberships.role })
      .from(districtMemberships)
      .where(and(eq(districtMemberships.userId, userId), eq(districtMemberships.districtId, rk())))
  )
    .map((r) => r.role)
    .sort();

// Relative to today, as a real call would be: opens next month, for two months; work from month 5, two years.
const CALL = {
  intent: "call",
  title: "IOP för unga",
  description: "Vi söker partner för fritid.",
  opensOn: monthsFromNow(1),
  closesOn: dayBefore(monthsFromNow(3)),
  periodEarliestStart: monthsFromNow(5),
  periodLatestEnd: dayBefore(monthsFromNow(29)),
};

describe("who may manage calls", () => {
  it.each([
    ["anonymous", 302],
    ["association", 403],
    ["otherDistrict", 403],
    ["caseworker", 403],
    ["admin", 200],
  ] as const)("GET /forvaltning/rk/utlysningar by %s answers %i", async (who, status) => {
    expect((await as[who].get("/forvaltning/rk/utlysningar")).status).toBe(status);
  });

  it.each(["association", "otherDistrict", "caseworker"] as const)("a call posted by %s is refused", async (who) => {
    expect((await as[who].post("/forvaltning/rk/utlysningar", { ...CALL, title: `Från ${who}` })).status).toBe(403);
    expect(await portal.db.select().from(calls).where(eq(calls.title, `Från ${who}`))).toHaveLength(0);
  });
});

describe("calls and priority areas", () => {
  it("refuses a window that closes before it opens, and a period that ends before it starts, at the fields", async () => {
    const response = await as.admin.post("/forvaltning/rk/utlysningar", {
      ...CALL,
      title: "Fel datum",
      closesOn: dayBefore(CALL.opensOn),
      periodLatestEnd: dayBefore(CALL.periodEarliestStart),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="field-closesOn-error"');
    expect(html).toContain('id="field-periodLatestEnd-error"');
    expect(textOf(html)).toContain("Ansökan kan inte stänga före den öppnar.");
    expect(textOf(html)).toContain("Periodens slut kan inte vara före periodens början.");
    expect(html).toContain('value="Fel datum"');
    expect(await portal.db.select().from(calls).where(eq(calls.title, "Fel datum"))).toHaveLength(0);
  });

  it("creates a priority area and a call linked to it, then edits both", async () => {
    expect(
      (await as.admin.post("/forvaltning/rk/utlysningar", { intent: "area", areaName: "Trygghet i Husby", areaDescription: "Trygga miljöer.", areaActive: "yes" })).status,
    ).toBe(200);
    const [area] = await portal.db.select().from(priorityAreas).where(eq(priorityAreas.name, "Trygghet i Husby"));
    expect(area).toMatchObject({ districtId: rk(), active: true });

    expect((await as.admin.post("/forvaltning/rk/utlysningar", { ...CALL, priorityAreaIds: [area!.id] })).status).toBe(200);
    const [call] = await portal.db.select().from(calls).where(eq(calls.title, CALL.title));
    expect(call).toMatchObject({ districtId: rk(), opensOn: CALL.opensOn, closesOn: CALL.closesOn, priorityAreaIds: [area!.id] });
    const list = textOf(await (await as.admin.get("/forvaltning/rk/utlysningar")).text());
    expect(list).toContain(`IOP för unga ${CALL.opensOn} – ${CALL.closesOn} ${CALL.periodEarliestStart} – ${CALL.periodLatestEnd} Trygghet i Husby`);

    expect(
      (await as.admin.post("/forvaltning/rk/utlysningar", { ...CALL, id: call!.id, closesOn: dayBefore(monthsFromNow(4)), priorityAreaIds: [] })).status,
    ).toBe(200);
    const [edited] = await portal.db.select().from(calls).where(eq(calls.id, call!.id));
    expect(edited).toMatchObject({ closesOn: dayBefore(monthsFromNow(4)), priorityAreaIds: [] });

    expect((await as.admin.post("/forvaltning/rk/utlysningar", { intent: "area", id: area!.id, areaName: "Trygghet i Husby" })).status).toBe(200);
    const [inactive] = await portal.db.select().from(priorityAreas).where(eq(priorityAreas.id, area!.id));
    expect(inactive!.active).toBe(false);
  });

  it("cannot edit another district's call", async () => {
    const [other] = await portal.db
      .insert(calls)
      .values({ districtId: portal.districtIds.get("JA")!, title: "Järvas utlysning", opensOn: CALL.opensOn, closesOn: CALL.closesOn })
      .returning();
    const response = await as.admin.post("/forvaltning/rk/utlysningar", { ...CALL, id: other!.id, title: "Kapad" });
    expect(response.status).toBe(404);
    const [unchanged] = await portal.db.select().from(calls).where(eq(calls.id, other!.id));
    expect(unchanged!.title).toBe("Järvas utlysning");
  });
});

describe("roles and deactivation on the staff page", () => {
  it("changes a person's roles, but never to none", async () => {
    const coordinatorId = await userIdOf("samordnare@demo.example");
    const none = await as.admin.post("/forvaltning/rk/personal", { intent: "roles", userId: coordinatorId });
    expect(none.status).toBe(400);
    expect(textOf(await none.text())).toContain("Välj minst en roll.");
    expect(await rolesOf(coordinatorId)).toEqual(["coordinator"]);

    const changed = await as.admin.post("/forvaltning/rk/personal", { intent: "roles", userId: coordinatorId, roles: ["coordinator", "caseworker"] });
    expect(changed.status).toBe(200);
    expect(await rolesOf(coordinatorId)).toEqual(["caseworker", "coordinator"]);
  });

  it("does not let an admin remove their own admin role", async () => {
    const adminId = await userIdOf("admin@demo.example");
    const response = await as.admin.post("/forvaltning/rk/personal", { intent: "roles", userId: adminId, roles: ["caseworker"] });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Du kan inte ta bort din egen roll som administratör.");
    expect(await rolesOf(adminId)).toEqual(["admin"]);
  });

  it("refuses role changes posted by others than the district's admin", async () => {
    const coordinatorId = await userIdOf("samordnare@demo.example");
    const before = await rolesOf(coordinatorId);
    for (const who of ["caseworker", "otherDistrict", "association"] as const) {
      expect((await as[who].post("/forvaltning/rk/personal", { intent: "roles", userId: coordinatorId, roles: ["admin"] })).status).toBe(403);
    }
    expect(await rolesOf(coordinatorId)).toEqual(before);
  });

  it("deactivates a person, who can then no longer log in", async () => {
    const person = await createStaffUser(portal.db, { districtId: rk(), roles: ["caseworker"], email: "slutar@example.test", name: "Sluta Snart" });
    const visitor = portal.visitor();
    expect((await visitor.logIn("slutar@example.test")).status).toBe(302);
    expect((await as.admin.post("/forvaltning/rk/personal", { intent: "deactivate", userId: person.id })).status).toBe(200);
    expect((await visitor.get("/forvaltning/rk")).status).toBe(302);
    expect((await portal.visitor().logIn("slutar@example.test")).status).not.toBe(302);
    expect(textOf(await (await as.admin.get("/forvaltning/rk/personal")).text())).toMatch(/Sluta Snart .*Inaktiverad/);
  });

  it("refuses to deactivate the admin themself or someone in another district", async () => {
    expect((await as.admin.post("/forvaltning/rk/personal", { intent: "deactivate", userId: await userIdOf("admin@demo.example") })).status).toBe(400);
    const jarva = await userIdOf("handlaggare.jarva@demo.example");
    expect((await as.admin.post("/forvaltning/rk/personal", { intent: "deactivate", userId: jarva })).status).toBe(400);
    expect((await portal.db.select().from(users).where(eq(users.id, jarva)))[0]!.disabledAt).toBeNull();
  });
});

describe("a form that is not the utlysningar page's own", () => {
  it.each([
    ["no intent", { ...CALL, intent: undefined, title: "Utan avsikt" }],
    ["an unknown intent", { ...CALL, intent: "radera", title: "Okänd avsikt" }],
  ])("with %s is a 400 with a message, and saves nothing", async (_, form) => {
    const response = await as.admin.post("/forvaltning/rk/utlysningar", Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined)) as Record<string, string>);
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Formuläret kunde inte läsas. Ladda om sidan och försök igen.");
    expect(await portal.db.select().from(calls).where(eq(calls.title, form.title))).toHaveLength(0);
  });
});

describe("a form that is not the staff page's own", () => {
  it.each([
    ["no intent", { name: "Utan Avsikt", email: "utan.avsikt@stad.example", roles: ["caseworker"] }],
    ["an unknown intent", { intent: "promote", name: "Utan Avsikt", email: "utan.avsikt@stad.example", roles: ["caseworker"] }],
    ["no person to change", { intent: "deactivate" }],
  ])("with %s is a 400 with a message, and changes nothing", async (_, form) => {
    const response = await as.admin.post("/forvaltning/rk/personal", form);
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Formuläret kunde inte läsas. Ladda om sidan och försök igen.");
    expect(await portal.db.select().from(users).where(eq(users.email, "utan.avsikt@stad.example"))).toHaveLength(0);
  });
});
