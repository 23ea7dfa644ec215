import { connect, disconnect } from "./client";
import { migrateDatabase } from "./migrate";

await migrateDatabase(await connect());
console.info("Migreringar klara.");
await disconnect();
