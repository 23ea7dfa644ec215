/** Reads one uploaded file from a multipart post, in memory, never more than the limit. */
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { maxAttachmentBytes } from "./storage.server";
import { tooBigMessage } from "./types";

export type ReadUpload =
  | { ok: true; fileName: string; bytes: Uint8Array; fields: FormData }
  | { ok: false; message: string };

export async function readUpload(request: Request, fieldName = "file"): Promise<ReadUpload> {
  const maxBytes = maxAttachmentBytes();
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes, filter: ({ name, filename }) => name === fieldName || filename === undefined }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, message: tooBigMessage(maxBytes) };
    throw error;
  }
  const file = form.get(fieldName);
  // A browser posts an unnamed empty part when no file was chosen; a named empty part is a real, empty file.
  if (!file || typeof file === "string" || (file.size === 0 && file.name === "")) return { ok: false, message: "Välj en fil att ladda upp." };
  if (file.size === 0) return { ok: false, message: "Filen är tom. Välj en fil med innehåll." };
  return { ok: true, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), fields: form };
}
