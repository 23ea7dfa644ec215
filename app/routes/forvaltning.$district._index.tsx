import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireDistrictRole, requireUser } from "../auth/current-user.server";
import { ROLE_LABELS, type DistrictRole } from "../auth/roles";
import { rolesText } from "../components/roles";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.districtName}` : "Förvaltning");

const ROLE_TASKS: Record<DistrictRole, string> = {
  caseworker: "Du tar ärenden ur kön, bereder dem, begär komplettering och skriver tjänsteutlåtanden.",
  coordinator: "Du samordnar partnerskapen: bokar styrgrupp och arbetsgrupper och för minnesanteckningar.",
  head_of_unit: "Du attesterar tjänsteutlåtanden först, eller skickar tillbaka dem med en kommentar.",
  district_director: "Du attesterar tjänsteutlåtanden efter avdelningschefen och skriver under överenskommelser.",
  registrar: "Du registrerar nämndens beslut: datum, paragraf och utfall.",
  admin: "Du bjuder in personal, ger dem roller och lägger upp utlysningar.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = requireDistrictRole(user, params.district ?? "", "district.view");
  return { userName: user.name, districtName: district.name, roles: district.roles };
}

export default function DistrictHome() {
  const { userName, districtName, roles } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{districtName}</h1>
      <p className="lead">
        Välkommen, {userName}. Du är inloggad som {rolesText(roles).toLowerCase()}.
      </p>
      {roles.map((role) => (
        <section key={role} aria-labelledby={`role-${role}`} className="panel">
          <h2 id={`role-${role}`}>{ROLE_LABELS[role]}</h2>
          <p>{ROLE_TASKS[role]}</p>
        </section>
      ))}
    </>
  );
}
