import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { loadAttachmentForDownload } from "../attachments/attachments.server";

/**
 * A download for both sides; the file is sent as an attachment with the type found in its content.
 * X-Content-Type-Options: nosniff comes from the server's helmet on every response (a second copy here
 * would be sent twice); the test checks it is there.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await loadAttachmentForDownload(user, params.attachmentId ?? "");
  const ascii = found.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": found.mediaType,
      "Content-Length": String(found.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
