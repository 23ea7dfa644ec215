import { describe, expect, it } from "vitest";
import { parseOrganisationNumber } from "../../app/domain/organisation-number";
import { registrationSchema } from "../../app/accounts/schemas";

describe("organisationsnummer", () => {
  it.each([
    ["802461-9168", "802461-9168"],
    ["8024619168", "802461-9168"],
    [" 802519-4302 ", "802519-4302"],
    ["252000-0676", "252000-0676"],
    ["802012-7562", "802012-7562"],
    ["802005-6175", "802005-6175"],
    ["802400-5954", "802400-5954"],
    ["802524-2879", "802524-2879"],
  ])("accepts the seeds' number %s as %s", (input, canonical) => {
    expect(parseOrganisationNumber(input)).toEqual({ ok: true, value: canonical });
  });

  it("refuses seed 002's eleven-digit 8002012-1581 and says how many digits were typed", () => {
    const result = parseOrganisationNumber("8002012-1581");
    expect(result).toEqual({
      ok: false,
      message: "Organisationsnumret ska ha tio siffror, till exempel 802461-9168. Du har skrivit 11.",
    });
  });

  it("refuses a wrong check digit", () => {
    const result = parseOrganisationNumber("802461-9167");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/stämmer inte/);
  });

  it.each(["80246-9168", "802461-91", "12345678901"])("refuses the wrong length %s", (input) => {
    const result = parseOrganisationNumber(input);
    expect(!result.ok && result.message).toMatch(/tio siffror/);
  });

  it.each(["80246A-9168", "abc", "802461–9168x"])("refuses letters and other characters in %s", (input) => {
    const result = parseOrganisationNumber(input);
    expect(!result.ok && result.message).toMatch(/bara innehålla siffror/);
  });

  it("asks for the number when the field is empty", () => {
    expect(parseOrganisationNumber("  ")).toEqual({ ok: false, message: "Skriv föreningens organisationsnummer." });
  });

  it("puts the same message on the registration form's field", () => {
    const result = registrationSchema.safeParse({
      organisationName: "Convictus",
      organisationNumber: "8002012-1581",
      organisationEmail: "info@convictus.example",
      contactName: "Kim",
      email: "kim@convictus.example",
      password: "ett långt lösenord",
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === "organisationNumber");
    expect(issue?.message).toMatch(/tio siffror/);
  });
});
