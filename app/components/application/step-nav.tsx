/**
 * Where in the application you are. Inside a step's form the steps are buttons, so moving on saves what
 * was typed even without JavaScript; elsewhere they are links.
 */
import { Link } from "@remix-run/react";
import { STEPS, stepPath, type StepSlug } from "../../applications/steps";

export function StepNav({ caseId, current, asButtons = false }: { caseId: string; current: StepSlug; asButtons?: boolean }) {
  return (
    <nav aria-label="Ansökans steg" className="step-nav">
      <ol>
        {STEPS.map((s, i) => (
          <li key={s.slug}>
            {s.slug === current ? (
              <span aria-current="step">
                {i + 1}. {s.title}
              </span>
            ) : asButtons ? (
              <button type="submit" name="intent" value={`goto:${s.slug}`} className="link-button">
                {i + 1}. {s.title}
              </button>
            ) : (
              <Link to={stepPath(caseId, s.slug)}>
                {i + 1}. {s.title}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
