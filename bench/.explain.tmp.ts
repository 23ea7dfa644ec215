import postgres from "postgres";
const url = process.env.DATABASE_URL!;
const { connect, getDb } = await import("/work/wt-scale/db/client");
const { queueStatements } = await import("/work/wt-scale/app/administration/queues.server");
await connect(); const db = await getDb();
const pg = postgres(url, { max: 1 });
const [d] = await pg`select id from districts where code='ST'`;
const [u] = await pg`select id from users where email='handlaggare1.st@skala.example'`;
const viewer = { userId: u!.id, districtId: d!.id, roles: ["caseworker", "head_of_unit"] as any };
const which = (process.env.Q ?? "alla").split(",");
for (const q of which) {
  const query = JSON.parse(process.env.QUERY ?? "{}");
  const s = queueStatements(db, viewer, q as any, query);
  const target = process.env.COUNTS ? s.counts : s.page;
  if (process.env.SHOWSQL) console.log(target.sql, target.params);
  const rows = await pg.unsafe(`explain (analyze, buffers) ${target.sql}`, target.params as any);
  console.log(`--- ${q}`); console.log(rows.map((r: any) => r["QUERY PLAN"]).join("\n"));
}
await pg.end(); process.exit(0);
