import { describe, expect, it } from "vitest";
import { formDataToNested, formFailure, issuesToFieldErrors } from "../../app/utils/forms";

describe("form posts", () => {
  it("turns dotted names from repeating rows into nested objects and arrays", () => {
    const data = new FormData();
    data.append("title", "Läxhjälp");
    data.append("budgetLines.0.description", "Lokalhyra");
    data.append("budgetLines.0.administrationAmount", "120 000");
    data.append("budgetLines.1.description", "Material");
    data.append("roles", "caseworker");
    data.append("roles", "admin");
    expect(formDataToNested(data, ["roles"])).toEqual({
      title: "Läxhjälp",
      roles: ["caseworker", "admin"],
      budgetLines: [{ description: "Lokalhyra", administrationAmount: "120 000" }, { description: "Material" }],
    });
  });

  it("keeps the first message per field, by dotted path", () => {
    expect(
      issuesToFieldErrors([
        { path: ["budgetLines", 0, "description"], message: "Skriv vad posten gäller." },
        { path: ["budgetLines", 0, "description"], message: "Andra meddelandet" },
        { path: [], message: "Hela formuläret" },
      ]),
    ).toEqual({ "budgetLines.0.description": "Skriv vad posten gäller.", form: "Hela formuläret" });
  });

  it("never sends a password back to the page", () => {
    expect(formFailure({}, { email: "a@b.se", password: "hemligt", newPassword: "x" }).values).toEqual({ email: "a@b.se" });
  });
});
