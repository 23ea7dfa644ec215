import { connect, disconnect } from "./client";
import { migrateDatabase } from "./migrate";
import { seedIfEmpty } from "./seed";

const handle = await connect();
await migrateDatabase(handle);
const seeded = await seedIfEmpty(handle.db);
console.info(seeded ? "Demodata inlagd." : "Databasen har redan data; inget ändrat.");
await disconnect();
