import { describe, expect, it } from "vitest";
import {
  canonicalPersonalNumber,
  maskedPersonalNumber,
  personalNumberHash,
} from "../../app/auth/personnummer.server";

describe("personnummer", () => {
  it.each([
    ["198001011234", null], // wrong check digit
    ["198001011231", "198001011231"],
    ["19800101-0001", "198001010001"],
    ["800101-0001", "198001010001"],
    ["19800161-0008", "198001610008"], // samordningsnummer: day + 60
    ["19801301-0007", null],
    ["abc", null],
  ])("reads %s as %s", (input, expected) => {
    expect(canonicalPersonalNumber(input)).toBe(expected);
  });

  it("shows only the date of birth", () => {
    expect(maskedPersonalNumber("198001010001")).toBe("19800101-XXXX");
  });

  it("matches the same person however the number is written, and never contains the number", () => {
    const hash = personalNumberHash("19800101-0001");
    expect(personalNumberHash("800101-0001")).toBe(hash);
    expect(hash).not.toContain("198001010001");
    expect(hash).not.toBe(personalNumberHash("19800101-0019"));
  });

  it("depends on its own secret, so a leaked table cannot be matched without it", () => {
    const before = personalNumberHash("198001010001");
    process.env.PERSONAL_NUMBER_HASH_SECRET = "another-key";
    try {
      expect(personalNumberHash("198001010001")).not.toBe(before);
    } finally {
      delete process.env.PERSONAL_NUMBER_HASH_SECRET;
    }
  });
});
