/**
 * A 0-byte file is named as such; only a post without any chosen file asks the user to choose one.
 * A refusal carries the post's other fields, so a form with more than the file keeps what was typed.
 */
import { describe, expect, it } from "vitest";
import { readUpload } from "../../app/attachments/upload.server";

function post(file: File) {
  const form = new FormData();
  form.set("file", file);
  return new Request("http://127.0.0.1/upload", { method: "POST", body: form });
}

describe("reading an uploaded file", () => {
  it("tells the user an empty chosen file is empty", async () => {
    const result = await readUpload(post(new File([], "budget.pdf", { type: "application/pdf" })));
    expect(result).toMatchObject({ ok: false, message: "Filen är tom. Välj en fil med innehåll." });
  });

  it("asks for a file when none was chosen", async () => {
    const result = await readUpload(post(new File([], "", { type: "application/octet-stream" })));
    expect(result).toMatchObject({ ok: false, message: "Välj en fil att ladda upp." });
  });

  it("answers a post that is not multipart at the field, keeping what it sent", async () => {
    const result = await readUpload(
      new Request("http://127.0.0.1/upload", { method: "POST", body: new URLSearchParams({ name: "Sara" }), headers: { "content-type": "application/x-www-form-urlencoded" } }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe("Välj en fil att ladda upp.");
    expect(!result.ok && result.fields?.get("name")).toBe("Sara");
  });

  it("reads a file with content", async () => {
    const result = await readUpload(post(new File(["hej"], "a.txt", { type: "text/plain" })));
    expect(result.ok).toBe(true);
  });
});
