/**
 * Organisationsnummer: ten digits shown NNNNNN-NNNN whose last digit is a Luhn check digit.
 * Shared by the browser (inline messages) and the server (the same check before anything is saved).
 */
export type OrganisationNumberResult =
  | { ok: true; value: string }
  | { ok: false; message: string };

export function luhnIsValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function parseOrganisationNumber(input: string): OrganisationNumberResult {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, message: "Skriv föreningens organisationsnummer." };
  if (!/^[\d\s-]+$/.test(trimmed)) {
    return {
      ok: false,
      message: "Organisationsnumret får bara innehålla siffror och bindestreck, till exempel 802461-9168.",
    };
  }
  const match = /^(\d{6})-?(\d{4})$/.exec(trimmed.replace(/\s/g, ""));
  if (!match) {
    const count = trimmed.replace(/\D/g, "").length;
    return {
      ok: false,
      message: `Organisationsnumret ska ha tio siffror, till exempel 802461-9168. Du har skrivit ${count}.`,
    };
  }
  const digits = `${match[1]}${match[2]}`;
  if (!luhnIsValid(digits)) {
    return {
      ok: false,
      message: "Organisationsnumret stämmer inte. Kontrollera att du har skrivit rätt siffror.",
    };
  }
  return { ok: true, value: `${match[1]}-${match[2]}` };
}

/** Appends the Luhn digit to nine digits: used to make fictitious demo numbers that validate. */
export function withCheckDigit(nineDigits: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${nineDigits}${d}`;
    if (luhnIsValid(candidate)) return `${candidate.slice(0, 6)}-${candidate.slice(6)}`;
  }
  throw new Error("unreachable");
}
