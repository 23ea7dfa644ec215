/**
 * Demo data from the seed documents (shared/seeds): the three districts and the föreningar they name.
 * Organisationsnummer are the real ones where a seed prints one; Convictus' is printed with eleven
 * digits (8002012-1581) and is entered corrected to 802012-1581. Föreningar without a printed number
 * get a fictitious one in the 899… range (marked `fictitious`).
 */
import type { DistrictRole, OrganisationRole } from "../app/auth/roles";
import { demoCallDates } from "./demo-dates";

export const DEMO_DISTRICTS = [
  { code: "JA", name: "Järva", boardName: "Järva stadsdelsnämnd", administrationName: "Järva stadsdelsförvaltning" },
  {
    code: "RK",
    name: "Rinkeby-Kista",
    boardName: "Rinkeby-Kista stadsdelsnämnd",
    administrationName: "Rinkeby-Kista stadsdelsförvaltning",
  },
  {
    code: "EAV",
    name: "Enskede-Årsta-Vantör",
    boardName: "Enskede-Årsta-Vantörs stadsdelsnämnd",
    administrationName: "Enskede-Årsta-Vantör stadsdelsförvaltning",
  },
] as const;

export type DemoDistrictCode = (typeof DEMO_DISTRICTS)[number]["code"];

export const DEMO_ORGANISATIONS: { name: string; organisationNumber: string; fictitious?: true }[] = [
  // Seed 002, Enskede-Årsta-Vantör
  { name: "Convictus", organisationNumber: "802012-1581" },
  { name: "Drömstort", organisationNumber: "802461-9168" },
  { name: "Svenska kyrkan, Farsta församling", organisationNumber: "252000-0676" },
  { name: "Stiftelsen Stora Sköndal", organisationNumber: "802012-7562" },
  { name: "Inkluderande Enskede", organisationNumber: "802519-4302" },
  { name: "Rågsveds IF", organisationNumber: "802005-6175" },
  { name: "Stacken", organisationNumber: "802400-5954" },
  { name: "Street Minds", organisationNumber: "802524-2879" },
  // Seed 003, Enskede-Årsta-Vantör
  { name: "Nya Rågsveds Folkets Hus", organisationNumber: "899900-0105", fictitious: true },
  // Seed 001, Rinkeby-Kista
  { name: "Folkets Husby", organisationNumber: "899900-0204", fictitious: true },
  { name: "Fryshuset", organisationNumber: "899900-0303", fictitious: true },
  { name: "Husby Konst & Hantverksförening", organisationNumber: "899900-0402", fictitious: true },
  { name: "Kista Sports Club", organisationNumber: "899900-0501", fictitious: true },
  { name: "Löparakademin", organisationNumber: "899900-0600", fictitious: true },
  { name: "Rinkeby Folkets Hus", organisationNumber: "899900-0709", fictitious: true },
  { name: "Shanta IF", organisationNumber: "899900-0808", fictitious: true },
  { name: "Somaliska Mediaföreningen", organisationNumber: "899900-0907", fictitious: true },
  { name: "Studiefrämjandet", organisationNumber: "899900-1004", fictitious: true },
  // Seed 004, Rinkeby-Kista
  { name: "Stockholms Stadsmission", organisationNumber: "899900-1103", fictitious: true },
  // Seed 000, Järva
  { name: "IOGT-NTO Spånga", organisationNumber: "899900-1202", fictitious: true },
];

export const DEMO_PASSWORD = "Demo-losenord-2026";

/** One demo person per role (fictional names), documented in the README. */
export const DEMO_STAFF: {
  email: string;
  name: string;
  title: string;
  district: DemoDistrictCode;
  roles: DistrictRole[];
}[] = [
  { email: "handlaggare@demo.example", name: "Hanna Handläggare", title: "Handläggare", district: "RK", roles: ["caseworker"] },
  { email: "samordnare@demo.example", name: "Sami Samordnare", title: "Samordnare", district: "RK", roles: ["coordinator"] },
  { email: "avdelningschef@demo.example", name: "Alva Avdelningschef", title: "Avdelningschef", district: "RK", roles: ["head_of_unit"] },
  { email: "direktor@demo.example", name: "Dan Direktör", title: "Stadsdelsdirektör", district: "RK", roles: ["district_director"] },
  { email: "registrator@demo.example", name: "Rut Registrator", title: "Nämndsekreterare", district: "RK", roles: ["registrar"] },
  { email: "admin@demo.example", name: "Adam Admin", title: "Systemförvaltare", district: "RK", roles: ["admin"] },
  { email: "handlaggare.jarva@demo.example", name: "Jonna Järva", title: "Handläggare", district: "JA", roles: ["caseworker"] },
  { email: "handlaggare.eav@demo.example", name: "Erik Enskede", title: "Handläggare", district: "EAV", roles: ["caseworker"] },
];

export const DEMO_ORGANISATION_USERS: {
  email: string;
  name: string;
  organisation: string;
  roles: OrganisationRole[];
}[] = [
  { email: "forening@demo.example", name: "Fatima Förening", organisation: "Fryshuset", roles: ["contact_person"] },
  { email: "firmatecknare@demo.example", name: "Filip Firmatecknare", organisation: "Fryshuset", roles: ["contact_person", "signatory"] },
  { email: "iogt@demo.example", name: "Ingrid Spånga", organisation: "IOGT-NTO Spånga", roles: ["contact_person", "signatory"] },
];

/** Rinkeby-Kista's prioriterade områden (seed 004) and an open call for the demo. */
export const DEMO_PRIORITY_AREAS: { district: DemoDistrictCode; name: string; description: string }[] = [
  {
    district: "RK",
    name: "Stöd och insatser för egen försörjning",
    description: "Prioriterad grupp är kvinnor som står långt utanför arbetsmarknaden.",
  },
  {
    district: "RK",
    name: "Förebyggande stöd och tidiga insatser",
    description: "Prioriterad grupp är barn och unga och barn och unga med funktionsvariationer.",
  },
];

/** The demo's calls as of `today` (a Stockholm date): see demo-dates.ts. */
export function demoCalls(today: string): {
  district: DemoDistrictCode;
  title: string;
  description: string;
  opensOn: string;
  closesOn: string;
  periodEarliestStart: string;
  periodLatestEnd: string;
}[] {
  const { startYear, endYear, ...dates } = demoCallDates(today);
  return [
    {
      district: "RK",
      title: `IOP ${startYear}–${endYear} i Rinkeby-Kista`,
      description: "Ansök om idéburet offentligt partnerskap inom nämndens prioriterade områden.",
      ...dates,
    },
  ];
}
