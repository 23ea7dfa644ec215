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
  | { ok: false; message: string; fields?: FormData };

export async function readUpload(request: Request, fieldName = "file"): Promise<ReadUpload> {
  const maxBytes = maxAttachmentBytes();
  // A post that is not multipart carries no file (a hand-made or scripted request): answer at the
  // field with what it did send, rather than the parser's TypeError as a 500.
  if (!/^multipart\/form-data/iu.test(request.headers.get("content-type") ?? "")) {
    return { ok: false, message: "Välj en fil att ladda upp.", fields: await request.formData().catch(() => new FormData()) };
  }
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
  // `fields` on a refusal too, so that a form with other fields keeps what was typed.
  if (!file || typeof file === "string" || (file.size === 0 && file.name === "")) return { ok: false, message: "Välj en fil att ladda upp.", fields: form };
  if (file.size === 0) return { ok: false, message: "Filen är tom. Välj en fil med innehåll.", fields: form };
  return { ok: true, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), fields: form };
}
