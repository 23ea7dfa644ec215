/** A refusal from the server when the page no longer shows the form it came from (e.g. already signed). */
export function ActionMessage({ failure }: { failure?: { formError?: string } | null }) {
  if (!failure?.formError) return null;
  return (
    <div className="error-summary" role="alert">
      <p>{failure.formError}</p>
    </div>
  );
}
