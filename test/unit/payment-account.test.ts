import { describe, expect, it } from "vitest";
import { parsePaymentAccount } from "../../app/domain/payment-account";

describe("bankgiro and plusgiro", () => {
  it.each([
    ["bankgiro", "5050-1055", "5050-1055"],
    ["bankgiro", "50501055", "5050-1055"],
    ["bankgiro", "902-0900", "902-0900"],
    ["plusgiro", "90 01 22-3", "900122-3"],
  ] as const)("accepts %s %s as %s", (type, input, value) => {
    expect(parsePaymentAccount(type, input)).toEqual({ ok: true, value });
  });

  it("refuses a wrong check digit, the wrong length and letters, saying what is wrong", () => {
    expect(parsePaymentAccount("bankgiro", "5050-1056")).toMatchObject({ ok: false, message: expect.stringMatching(/stämmer inte/) });
    expect(parsePaymentAccount("bankgiro", "505-105")).toMatchObject({ ok: false, message: expect.stringMatching(/sju eller åtta/) });
    expect(parsePaymentAccount("plusgiro", "12A-3")).toMatchObject({ ok: false, message: expect.stringMatching(/siffror/) });
  });
});
