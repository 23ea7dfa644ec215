/**
 * Bankgiro and plusgiro numbers, where the förvaltning pays the yearly contribution. Both end in a
 * Luhn check digit. Bankgiro: 7 or 8 digits, shown NNN-NNNN or NNNN-NNNN. Plusgiro: 2 to 8 digits,
 * shown with a dash before the check digit (e.g. 90 01 22-3 is written 900122-3).
 */
import { luhnIsValid } from "./organisation-number";

export type PaymentAccountType = "bankgiro" | "plusgiro";

export type PaymentAccountResult = { ok: true; value: string } | { ok: false; message: string };

export function parsePaymentAccount(type: PaymentAccountType, input: string): PaymentAccountResult {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(digits)) {
    return { ok: false, message: "Skriv numret med siffror, till exempel 5050-1055." };
  }
  if (type === "bankgiro" && (digits.length < 7 || digits.length > 8)) {
    return { ok: false, message: "Ett bankgironummer har sju eller åtta siffror, till exempel 5050-1055." };
  }
  if (type === "plusgiro" && (digits.length < 2 || digits.length > 8)) {
    return { ok: false, message: "Ett plusgironummer har mellan två och åtta siffror, till exempel 90 01 22-3." };
  }
  if (!luhnIsValid(digits)) {
    return { ok: false, message: `Numret stämmer inte. Kontrollera att du har skrivit rätt ${type}nummer.` };
  }
  const value =
    type === "bankgiro"
      ? `${digits.slice(0, digits.length - 4)}-${digits.slice(-4)}`
      : `${digits.slice(0, -1)}-${digits.slice(-1)}`;
  return { ok: true, value };
}
