/** The yearly report as a document: the narrative, the figures (live or frozen), the attestations, the filing. */
import { inArray } from "drizzle-orm";
import type { DistrictReportSnapshot } from "../../workflows";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { buildYearlyReport, type YearlyReportIop } from "../documents/yearly-report";
import { loadYearlyReportIops } from "../documents/yearly-report-data.server";
import { stockholmDate } from "../utils/time";
import { narrativeOf } from "./narrative-form";
import type { DistrictRow, ReportRow } from "./district-reports.server";

const TITLE_OF_ROLE = { head_of_unit: "Avdelningschef", district_director: "Stadsdelsdirektör" } as const;

export async function figuresOf(row: ReportRow): Promise<YearlyReportIop[]> {
  if (row.figures) return row.figures as YearlyReportIop[];
  return loadYearlyReportIops(row.districtId, row.year);
}

async function peopleById(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map<string, { name: string; title: string | null; phone: string | null }>();
  const db = await getDb();
  const rows = await db.select({ id: users.id, name: users.name, title: users.title, phone: users.phone }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The document as it is printed and attested: the narrative, the figures, the attestations, the decision. */
export async function buildDocument(row: ReportRow, district: DistrictRow, snapshot: DistrictReportSnapshot) {
  const context = snapshot.context;
  const iops = await figuresOf(row);
  const authorId = context.authorId ?? row.editedById ?? row.createdById;
  const people = await peopleById([authorId, ...context.attestations.map((a) => a.userId)]);
  const author = authorId ? people.get(authorId) : undefined;
  const narrative = narrativeOf(row.narrative);
  const attestations = context.attestations.map((a) => {
    const person = people.get(a.userId);
    return { name: person?.name ?? "Okänd", title: person?.title ?? TITLE_OF_ROLE[a.role], date: a.at.slice(0, 10) };
  });
  const document = buildYearlyReport({
    boardName: district.boardName,
    administrationName: district.administrationName,
    year: row.year,
    caseworker: { name: author?.name ?? "", phone: author?.phone ?? null },
    date: context.submittedAt?.slice(0, 10) ?? stockholmDate(new Date()),
    diaryNumber: null,
    narrative: {
      proposal: narrative.proposal,
      summary: narrative.summary ?? "",
      background: narrative.background,
      preparation: narrative.preparation,
      views: narrative.views ?? "",
      genderAnalysis: narrative.genderAnalysis ?? "",
    },
    iops,
    attestations,
    decision: context.filing ? { meetingDate: context.filing.meetingDate, paragraph: context.filing.paragraph } : null,
  });
  return { document, iops, attestations };
}
