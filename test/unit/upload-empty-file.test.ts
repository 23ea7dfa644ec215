/** A 0-byte file is named as such; only a post without any chosen file asks the user to choose one. */
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
    expect(result).toEqual({ ok: false, message: "Filen är tom. Välj en fil med innehåll." });
  });

  it("asks for a file when none was chosen", async () => {
    const result = await readUpload(post(new File([], "", { type: "application/octet-stream" })));
    expect(result).toEqual({ ok: false, message: "Välj en fil att ladda upp." });
  });

  it("reads a file with content", async () => {
    const result = await readUpload(post(new File(["hej"], "a.txt", { type: "text/plain" })));
    expect(result.ok).toBe(true);
  });
});
