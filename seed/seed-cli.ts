import { connect, disconnect } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedIfEmpty } from "./seed";

const handle = await connect();
await migrateDatabase(handle);
const seeded = await seedIfEmpty(handle.db);
console.info(seeded ? "Demodata inlagd." : "Databasen har redan data; inget ändrat.");
await disconnect();
