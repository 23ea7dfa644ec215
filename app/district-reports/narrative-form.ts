/**
 * The yearly report's narrative: the only part the handläggare writes. Shared by the browser
 * (react-hook-form) and the action. Figures are never fields here; they come from the data.
 */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";
import { dateField } from "../domain/dates";

export const NARRATIVE_SECTIONS = [
  { key: "proposal", title: "Förslag till beslut", rows: 2, max: 1000, hint: "Det nämnden ska besluta, till exempel att lägga redovisningen till handlingarna." },
  { key: "summary", title: "Sammanfattning", rows: 6, max: 8000, hint: "Antal IOP och den sammanlagda finansieringen läggs till automatiskt från uppgifterna." },
  { key: "background", title: "Bakgrund", rows: 6, max: 8000, hint: undefined },
  { key: "preparation", title: "Ärendets beredning", rows: 3, max: 2000, hint: undefined },
  { key: "views", title: "Förvaltningens synpunkter och förslag", rows: 8, max: 8000, hint: "Förvaltningens samlade bedömning, bland annat av mervärdet." },
  { key: "genderAnalysis", title: "Jämställdhetsanalys", rows: 6, max: 8000, hint: undefined },
] as const;
export type NarrativeKey = (typeof NARRATIVE_SECTIONS)[number]["key"];
export type Narrative = Partial<Record<NarrativeKey, string>>;

/** Must be written before the report goes to attestering. */
export const REQUIRED_SECTIONS: readonly NarrativeKey[] = ["proposal", "summary", "views", "genderAnalysis"];

const text = (max: number, label: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${label} får vara högst ${max} tecken.`), textCheck("multiLine")));

export const narrativeFormSchema = z.object(
  Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s.key, text(s.max, s.title)])) as Record<NarrativeKey, ReturnType<typeof text>>,
);

export const createFormSchema = z.object({
  year: z.string().check(z.trim(), z.regex(/^\d{4}$/, "Skriv året med fyra siffror, till exempel 2026.")),
});

export const returnFormSchema = z.object({
  comment: z.string().check(
    z.trim(),
    z.minLength(1, "Skriv en kommentar om varför du skickar tillbaka årsrapporten."),
    z.maxLength(4000, "Kommentaren får vara högst 4 000 tecken."),
    textCheck("multiLine"),
  ),
});

export const fileFormSchema = z.object({
  meetingDate: dateField("Skriv sammanträdets datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-20."),
  paragraph: z.string().check(
    z.trim(),
    z.minLength(1, "Skriv paragrafen (§) i nämndens protokoll, till exempel § 12."),
    z.maxLength(40, "Paragrafen får vara högst 40 tecken."),
    textCheck("oneLine"),
  ),
});

/** Where data allows, the seeds' own sentences, so the handläggare starts from something (seeds 001, 002). */
export function prefillNarrative(facts: { year: number; boardName: string; administrationName: string }): Narrative {
  return {
    proposal: `${facts.boardName} lägger redovisningen till handlingarna.`,
    summary: `Förvaltningen har begärt en redovisning av varje IOP-förening av den verksamhet de har genomfört under ${facts.year}. Redovisningen omfattar genomförd verksamhet. Ekonomisk uppföljning i form av bokslut kan komma in senare under våren.`,
    background: `${facts.boardName} har ingått långsiktiga samarbeten med ett antal föreningar i form av idéburet offentligt partnerskap (IOP). Syftet är att öka samverkan med civilsamhället och på så sätt nå ut till fler invånare.`,
    preparation: `Ärendet har beretts inom ${facts.administrationName} i samverkan med berörda avdelningar.`,
    views: "",
    genderAnalysis: "Alla IOP-föreningar ska föra könsuppdelad statistik. Deltagarna redovisas nedan per förening som kvinnor/flickor, män/pojkar och annat eller ej angivet.",
  };
}

export function narrativeOf(value: unknown): Narrative {
  const source = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const narrative: Narrative = {};
  for (const { key } of NARRATIVE_SECTIONS) {
    if (typeof source[key] === "string") narrative[key] = source[key];
  }
  return narrative;
}

/** Plain-language state names for the list and the page. */
export const STATE_LABELS: Record<string, string> = {
  draft: "Utkast",
  "attestation.awaitingHeadOfUnit": "Väntar på avdelningschefens attestering",
  "attestation.awaitingDistrictDirector": "Väntar på stadsdelsdirektörens attestering",
  awaitingBoard: "Attesterad, väntar på nämnden",
  filed: "Lagd till handlingarna",
};
