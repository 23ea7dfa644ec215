import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/current-user.server";
import { requireOrganisationForDistrict } from "../cases/access.server";
import { verificationDocument } from "../organisations/verification.server";
import { isId } from "../domain/ids";

/** The förening's protokollsutdrag, for the staff who check it: it names people, so only they. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireOrganisationForDistrict(user, params, "organisation.verify");
  const document = isId(params.verificationId ?? "") ? await verificationDocument(found.organisation.id, params.verificationId!) : null;
  if (!document) throw new Response("Sidan finns inte.", { status: 404 });
  const ascii = document.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(document.bytes), {
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(document.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
