/** Names shared by the scale seed (seed/seed-scale*.ts) and the queue benchmark (bench/queues.ts). */
import { DEFAULT_TEST_PASSWORD } from "./factories";

/** Every scale user's e-mail ends so: the marker that tells scale data from anything else. */
export const SCALE_EMAIL_DOMAIN = "skala.example";
export const SCALE_PASSWORD = DEFAULT_TEST_PASSWORD;

export const SCALE_DISTRICTS = [
  ["RK", "Rinkeby-Kista"],
  ["ST", "Spånga-Tensta"],
  ["HV", "Hässelby-Vällingby"],
  ["BR", "Bromma"],
  ["KU", "Kungsholmen"],
  ["NO", "Norrmalm"],
  ["OM", "Östermalm"],
  ["SO", "Södermalm"],
  ["EAV", "Enskede-Årsta-Vantör"],
  ["SK", "Skarpnäck"],
  ["FA", "Farsta"],
  ["AL", "Älvsjö"],
  ["HL", "Hägersten-Liljeholmen"],
  ["SH", "Skärholmen"],
] as const;

/** Staff e-mail addresses, so the benchmark can log in: handlaggare1.rk@skala.example … */
export const staffEmail = (role: "handlaggare" | "avdelningschef" | "direktor" | "registrator", n: number, code: string) =>
  `${role}${n}.${code.toLowerCase()}@${SCALE_EMAIL_DOMAIN}`;

/** Words the föreningar's names and the cases' titles are made of. */
export const PLACES = ["Husby", "Kista", "Rinkeby", "Tensta", "Akalla", "Hjulsta", "Vällingby", "Hässelby", "Bromma", "Fruängen", "Farsta", "Rågsved", "Hagsätra", "Skärholmen", "Bredäng", "Vårberg", "Årsta", "Enskede", "Högdalen", "Bagarmossen"];
const KINDS = ["Idrottsförening", "Kulturförening", "Föräldraförening", "Ungdomsförening", "Kvinnoförening", "Seniorförening", "Läxhjälpsförening", "Musikförening", "Schackklubb", "Boxningsklubb", "Fotbollsklubb", "Hyresgästförening", "Folkets hus", "Studieförbund", "Stödförening"];
export const ACTIVITIES = ["Mötesplats för unga", "Läxhjälp", "Språkcafé", "Sommarlovsaktiviteter", "Föräldrastöd", "Seniorträffar", "Nattvandring", "Kvällsfotboll", "Tjejgrupp", "Digital delaktighet", "Kulturskola", "Simskola"];

export function organisationName(district: number, n: number) {
  const place = PLACES[(n + district * 7) % PLACES.length]!;
  const kind = KINDS[Math.floor(n / PLACES.length) % KINDS.length]!.toLowerCase();
  const round = Math.floor(n / (PLACES.length * KINDS.length));
  return `${place} ${kind}${round > 0 ? ` ${round + 1}` : ""}`;
}
