/** One test file's world: its own database with the demo data, the real HTTP stack, visitors. */
import { afterAll, beforeAll } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { emailOutbox } from "../../db/schema";
import { seedDemoData } from "../../seed/seed";
import { createTestDatabase, type TestDatabase } from "./database";
import { startTestServer, type TestServer } from "./server";
import { Visitor } from "./visitor";

export interface Portal {
  db: Database;
  server: TestServer;
  districtIds: Map<string, string>;
  organisationIds: Map<string, string>;
  visitor(): Visitor;
  /** The newest e-mail queued for an address: what the person would receive. */
  lastEmailTo(address: string): Promise<typeof emailOutbox.$inferSelect | undefined>;
}

export function setupPortal(): Portal {
  let database: TestDatabase;
  const portal = {} as Portal;
  beforeAll(async () => {
    database = await createTestDatabase();
    portal.db = database.handle.db;
    const seeded = await seedDemoData(portal.db);
    portal.districtIds = seeded.districtIds;
    portal.organisationIds = seeded.organisationIds;
    portal.server = await startTestServer();
    portal.visitor = () => new Visitor(portal.server.origin);
    portal.lastEmailTo = async (address) => {
      const rows = await portal.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.recipientEmail, address.toLowerCase()));
      return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1);
    };
  });
  afterAll(async () => {
    await portal.server?.close();
    await database?.drop();
  });
  return portal;
}

export function linkIn(text: string, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s]+(${pathPrefix}[^\\s]+)`).exec(text);
  if (!match) throw new Error(`no ${pathPrefix} link in e-mail`);
  return match[1]!;
}
