import { sql } from "drizzle-orm";
import { connect } from "../../db/client";

/** True when the database answers within `timeoutMs`; a load balancer stops routing here otherwise. */
export async function databaseAnswers(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const probe = connect().then(({ db }) => db.execute(sql`select 1`)).then(() => true as const);
    return await Promise.race([probe, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
