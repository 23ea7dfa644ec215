/** A generated file as a download: the right type, a harmless name, never cached by a shared proxy. */
const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  zip: "application/zip",
};

/** "RK 2026/12" → "RK-2026-12": only letters, digits and hyphens reach a file name. */
export const safeFileStem = (text: string) => text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "fil";

export function fileResponse(body: Uint8Array, fileName: string): Response {
  const extension = fileName.split(".").pop() ?? "";
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": TYPES[extension] ?? "application/octet-stream",
      "content-length": String(body.byteLength),
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
