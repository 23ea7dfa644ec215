/** Names shared by the scale seed (db/seed-scale.ts) and the queue benchmark (bench/queues.ts). */
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
