/**
 * The demo persons of the development identity providers (/dev/e-legitimation, /dev/stads-sso), in
 * one list: the providers show them, the seed links them to the demo accounts, the tests sign in as
 * them. Invented people with valid-Luhn personnummer; no real person has them on purpose.
 * Browser-safe and dependency-free: the server (the providers) and the Remix build both read it.
 */
import type { SignInMethod } from "../app/auth/sign-in-method";

export interface DemoEidPerson {
  /** Stable key for tests and the provider's account id (never the personnummer). */
  key: string;
  givenName: string;
  familyName: string;
  /** Twelve digits, valid Luhn. */
  personalNumber: string;
  /** Which e-legitimation the person "uses" at the broker. */
  method: Extract<SignInMethod, "bankid" | "freja">;
  /** The demo account this person is, once linked (seed); undefined: no account yet (registration). */
  email?: string;
}

export const DEMO_EID_PERSONS: readonly DemoEidPerson[] = [
  { key: "fatima", givenName: "Fatima", familyName: "Förening", personalNumber: "198507129297", method: "bankid", email: "forening@demo.example" },
  { key: "filip", givenName: "Filip", familyName: "Firmatecknare", personalNumber: "199203034344", method: "bankid", email: "firmatecknare@demo.example" },
  { key: "ingrid", givenName: "Ingrid", familyName: "Spånga", personalNumber: "197811240402", method: "freja", email: "iogt@demo.example" },
  { key: "nora", givenName: "Nora", familyName: "Nyström", personalNumber: "200001010156", method: "freja" },
  { key: "olle", givenName: "Olle", familyName: "Olsson", personalNumber: "196512307072", method: "bankid" },
];

export interface DemoStaffPerson {
  email: string;
  givenName: string;
  familyName: string;
}

/** The city's SSO knows these staff; each is a demo staff account (seed/demo-data.ts) by e-mail. */
export const DEMO_STAFF_PERSONS: readonly DemoStaffPerson[] = [
  { email: "handlaggare@demo.example", givenName: "Hanna", familyName: "Handläggare" },
  { email: "samordnare@demo.example", givenName: "Sami", familyName: "Samordnare" },
  { email: "avdelningschef@demo.example", givenName: "Alva", familyName: "Avdelningschef" },
  { email: "direktor@demo.example", givenName: "Dan", familyName: "Direktör" },
  { email: "registrator@demo.example", givenName: "Rut", familyName: "Registrator" },
  { email: "admin@demo.example", givenName: "Adam", familyName: "Admin" },
  { email: "handlaggare.jarva@demo.example", givenName: "Jonna", familyName: "Järva" },
  { email: "handlaggare.eav@demo.example", givenName: "Erik", familyName: "Enskede" },
];

export function demoEidPerson(keyOrPersonalNumber: string): DemoEidPerson | undefined {
  const compact = keyOrPersonalNumber.replace(/\D/gu, "");
  return DEMO_EID_PERSONS.find((p) => p.key === keyOrPersonalNumber || (compact.length === 12 && p.personalNumber === compact));
}
