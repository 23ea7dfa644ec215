import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { requireOrganisationMember, requireUser } from "../auth/current-user.server";
import { getOrganisationProfile } from "../organisations/profile.server";
import { rolesText } from "../components/roles";
import { TableWrap } from "../components/table-wrap";
import { pageTitle } from "../utils/meta";

const Params = z.object({ organisationId: z.uuid() });

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.organisation.name ?? "Förening");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  requireOrganisationMember(user, parsed.data.organisationId, "organisation.view");
  const profile = await getOrganisationProfile(parsed.data.organisationId);
  if (!profile) throw new Response("Not found", { status: 404 });
  return profile;
}

export default function OrganisationProfilePage() {
  const { organisation, members } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{organisation.name}</h1>
      <dl>
        <dt>Organisationsnummer</dt>
        <dd>{organisation.organisationNumber}</dd>
        <dt>E-post</dt>
        <dd>{organisation.email}</dd>
        {organisation.phone ? (
          <>
            <dt>Telefon</dt>
            <dd>{organisation.phone}</dd>
          </>
        ) : null}
      </dl>
      <h2>Personer i portalen</h2>
      <TableWrap label={"Personer i portalen"}>
        <table>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Roll</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.email}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{rolesText(m.roles)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
