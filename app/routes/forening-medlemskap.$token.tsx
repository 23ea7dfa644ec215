/**
 * The answer to a förening's invitation for someone who already has an account (ADR 0024): signed in,
 * they see which förening invited them and choose "Gå med i föreningen" or "Avböj". Only the account
 * the link was sent to sees it; for anyone else the page does not exist.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/current-user.server";
import { RouteError } from "../components/route-error";
import { ROLE_LABELS } from "../auth/roles";
import { answerMembershipInvitation, findMembershipInvitation } from "../organisations/members.server";
import { membershipAnswerSchema, membershipTokenSchema } from "../organisations/schemas";
import { formDataToObject, parseForm } from "../utils/forms";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = () => pageTitle("Inbjudan till en förening");

const notFound = () => new Response("Not found", { status: 404 });

function tokenOf(params: LoaderFunctionArgs["params"]) {
  const parsed = membershipTokenSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.token;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const invitation = await findMembershipInvitation(tokenOf(params), user.id);
  if (!invitation) throw notFound();
  return { organisationName: invitation.organisationName, roles: invitation.roles, open: invitation.open };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const token = tokenOf(params);
  const parsed = parseForm(membershipAnswerSchema, formDataToObject(await request.formData()));
  if (!parsed.ok) return data({ answered: null }, { status: 400 });
  const answered = await answerMembershipInvitation({ token, userId: user.id, answer: parsed.data.answer });
  // Not this account's link, or already answered: the same as for a link that names nothing.
  if (!answered) throw notFound();
  if (answered.answer === "accept") throw redirect("/forening");
  return { answered: answered.organisationName };
}

export const ErrorBoundary = RouteError;

export default function MembershipInvitationPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.answered) {
    return (
      <>
        <h1>Du har tackat nej</h1>
        <p>Du har avböjt inbjudan till {result.answered}. Du är inte med i föreningen och får inga meddelanden om dess ärenden.</p>
        <p>
          <Link to="/">Till startsidan</Link>
        </p>
      </>
    );
  }
  if (!page.open) {
    return (
      <>
        <h1>Inbjudan gäller inte längre</h1>
        <p>
          Inbjudan till {page.organisationName} har redan besvarats, dragits tillbaka eller är för gammal. Vill du gå med? Be
          föreningens kontaktperson om en ny inbjudan.
        </p>
        <p>
          <Link to="/">Till startsidan</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Inbjudan till {page.organisationName}</h1>
      <p>
        {page.organisationName} har bjudit in dig att gå med i föreningen i IOP-portalen som {page.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(" och ")}.
      </p>
      <p>
        Går du med ser du föreningens ärenden och får e-post om dem. Du blir inte medlem om du avböjer, och ingen annan förening
        påverkas.
      </p>
      {result && result.answered === null ? (
        <div className="error-summary" role="alert">
          <p>Välj om du vill gå med i föreningen.</p>
        </div>
      ) : null}
      <Form method="post" className="button-row">
        <button type="submit" name="answer" value="accept">
          Gå med i föreningen
        </button>
        <button type="submit" name="answer" value="decline" className="secondary">
          Avböj
        </button>
      </Form>
    </>
  );
}
