/**
 * Changing one person's roles, or deactivating them, on the staff page. Plain forms with ids unique per
 * person, since the page holds one pair of forms per person.
 */
import { Form } from "@remix-run/react";
import { DISTRICT_ROLES, ROLE_LABELS, type DistrictRole } from "../../auth/roles";
import { DEACTIVATE_STAFF, RESET_SECOND_FACTOR, SET_STAFF_ROLES } from "../../accounts/staff-page-forms";

export function StaffRolesForm({
  person,
  isSelf,
  mayResetSecondFactor = false,
  error,
}: {
  person: { userId: string; name: string; roles: DistrictRole[]; disabled: boolean; secondFactor?: boolean };
  isSelf: boolean;
  mayResetSecondFactor?: boolean;
  error?: string;
}) {
  const id = `staff-${person.userId}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="staff-person">
      <h3 id={`${id}-heading`}>{person.name}</h3>
      <Form method="post">
        <input type="hidden" name="intent" value={SET_STAFF_ROLES} />
        <input type="hidden" name="userId" value={person.userId} />
        <fieldset id={`${id}-roles`} aria-describedby={error ? `${id}-error` : undefined}>
          <legend>{`Roller för ${person.name}`}</legend>
          {error ? (
            <p className="field-error" id={`${id}-error`}>
              <span className="visually-hidden">Fel: </span>
              {error}
            </p>
          ) : null}
          {DISTRICT_ROLES.map((role) => (
            <div className="checkbox" key={role}>
              <input type="checkbox" id={`${id}-${role}`} name="roles" value={role} defaultChecked={person.roles.includes(role)} />
              <label htmlFor={`${id}-${role}`}>{ROLE_LABELS[role]}</label>
            </div>
          ))}
        </fieldset>
        <p className="button-row">
          <button type="submit" className="secondary small">
            Spara roller <span className="visually-hidden">{`för ${person.name}`}</span>
          </button>
        </p>
      </Form>
      {!isSelf && mayResetSecondFactor && person.secondFactor ? (
        <Form method="post">
          <input type="hidden" name="intent" value={RESET_SECOND_FACTOR} />
          <input type="hidden" name="userId" value={person.userId} />
          <p className="hint" id={`${id}-reset-hint`}>
            {`Om ${person.name} har tappat bort telefonen: koderna slutar fungera, hen loggas ut och ställer in tvåstegsverifieringen igen vid nästa inloggning.`}
          </p>
          <button type="submit" className="secondary small" aria-describedby={`${id}-reset-hint`}>
            Återställ tvåstegsverifiering <span className="visually-hidden">{`för ${person.name}`}</span>
          </button>
        </Form>
      ) : null}
      {!isSelf && !person.disabled ? (
        <Form method="post">
          <input type="hidden" name="intent" value={DEACTIVATE_STAFF} />
          <input type="hidden" name="userId" value={person.userId} />
          <button type="submit" className="secondary small">
            Inaktivera <span className="visually-hidden">{person.name}</span>
          </button>
        </Form>
      ) : null}
    </section>
  );
}
