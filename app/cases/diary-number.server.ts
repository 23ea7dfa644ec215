import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { diarySequences } from "../../db/schema";

/**
 * The next diarienummer for a district and year, e.g. "RK 2026/7". The upsert takes the row lock, so
 * concurrent submissions queue behind each other, and a rolled-back transaction gives its number back:
 * the numbers stay unique and gapless.
 */
export async function allocateDiaryNumber(
  tx: Transaction,
  district: { id: string; code: string },
  year: number,
): Promise<string> {
  const [row] = await tx
    .insert(diarySequences)
    .values({ districtId: district.id, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [diarySequences.districtId, diarySequences.year],
      set: { lastNumber: sql`${diarySequences.lastNumber} + 1`, updatedAt: new Date() },
    })
    .returning({ lastNumber: diarySequences.lastNumber });
  return `${district.code} ${year}/${row!.lastNumber}`;
}
