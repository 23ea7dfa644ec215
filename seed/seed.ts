import { count } from "drizzle-orm";
import type { Database, Executor } from "../db/client";
import { calls, districts, priorityAreas, userIdentities } from "../db/schema";
import { maskedPersonalNumber, personalNumberHash } from "../app/auth/personnummer.server";
import { devProviderActive } from "../app/auth/oidc/paths";
import { DEMO_EID_PERSONS } from "./demo-persons";
import { stockholmDate } from "../app/utils/time";
import {
  addDistrictRoles,
  addOrganisationRoles,
  createDistrict,
  createOrganisation,
  createUser,
  addConfirmedVerification,
} from "./factories";
import { seedDemoCases } from "./demo-cases";
import {
  demoCalls,
  DEMO_PRIORITY_AREAS,
  DEMO_DISTRICTS,
  DEMO_ORGANISATION_USERS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_STAFF,
} from "./demo-data";

export async function seedDemoData(db: Executor) {
  const districtIds = new Map<string, string>();
  for (const d of DEMO_DISTRICTS) districtIds.set(d.code, (await createDistrict(db, d)).id);
  const organisationIds = new Map<string, string>();
  for (const o of DEMO_ORGANISATIONS) {
    const row = await createOrganisation(db, {
      name: o.name,
      organisationNumber: o.organisationNumber,
      email: `info@${o.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.example`,
    });
    organisationIds.set(o.name, row.id);
  }
  for (const s of DEMO_STAFF) {
    const user = await createUser(db, { email: s.email, name: s.name, title: s.title, password: DEMO_PASSWORD });
    await addDistrictRoles(db, user.id, districtIds.get(s.district)!, s.roles);
  }
  for (const p of DEMO_ORGANISATION_USERS) {
    const user = await createUser(db, { email: p.email, name: p.name, password: DEMO_PASSWORD });
    await addOrganisationRoles(db, user.id, organisationIds.get(p.organisation)!, p.roles);
    // The demo e-ID persons with an account sign in with e-legitimation too (the others register),
    // wherever the development provider that knows them runs; the demo's firmatecknare among them are
    // named in a confirmed protokoll by that personnummer (ADR 0028).
    const person = devProviderActive("eid") ? DEMO_EID_PERSONS.find((e) => e.email === p.email) : undefined;
    if (person) {
      await db.insert(userIdentities).values({
        userId: user.id,
        personalNumberHash: personalNumberHash(person.personalNumber),
        personalNumberMasked: maskedPersonalNumber(person.personalNumber),
        givenName: person.givenName,
        familyName: person.familyName,
      });
      if (p.roles.includes("signatory")) {
        await addConfirmedVerification(db, organisationIds.get(p.organisation)!, [
          { fullName: `${person.givenName} ${person.familyName}`, personalNumber: person.personalNumber, userId: user.id },
        ]);
      }
    }
  }
  const areaIds: string[] = [];
  for (const area of DEMO_PRIORITY_AREAS) {
    const [row] = await db
      .insert(priorityAreas)
      .values({ districtId: districtIds.get(area.district)!, name: area.name, description: area.description })
      .returning({ id: priorityAreas.id });
    areaIds.push(row!.id);
  }
  for (const call of demoCalls(stockholmDate(new Date()))) {
    const { district, ...rest } = call;
    await db.insert(calls).values({ ...rest, districtId: districtIds.get(district)!, priorityAreaIds: areaIds });
  }
  return { districtIds, organisationIds };
}

/**
 * Seeds only a database with no districts at all, so restarts never duplicate or overwrite: the
 * districts, föreningar and people in one transaction, then the demo cases through the runtime, which
 * writes on the installed database (`db` must be it) in transactions of its own.
 */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(districts);
  if ((row?.n ?? 0) > 0) return false;
  const ids = await db.transaction((tx) => seedDemoData(tx));
  await seedDemoCases(ids, stockholmDate(new Date()));
  return true;
}
