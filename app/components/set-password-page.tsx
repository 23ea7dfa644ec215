import { Link } from "@remix-run/react";
import { newPasswordSchema, PASSWORD_HINT } from "../accounts/schemas";
import type { FormFailure } from "../utils/forms";
import { TextField, ValidatedForm } from "./form";

/** The page behind a reset or invitation link. */
export function SetPasswordPage({
  usable,
  title,
  intro,
  failure,
}: {
  usable: boolean;
  title: string;
  intro: string;
  failure?: FormFailure | null;
}) {
  if (!usable) {
    return (
      <>
        <h1>Länken fungerar inte</h1>
        <p>
          Länken har redan använts eller är för gammal. <Link to="/glomt-losenord">Be om en ny länk</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{title}</h1>
      <p>{intro}</p>
      <ValidatedForm schema={newPasswordSchema} failure={failure} submitLabel="Spara lösenordet">
        <TextField
          name="password"
          label="Nytt lösenord"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
        />
      </ValidatedForm>
    </>
  );
}
