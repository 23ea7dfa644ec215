/** Who has signed the agreement, for which party, and when. */
export function SignatureList({
  signatures,
}: {
  signatures: { side: "association" | "administration"; name: string; title: string | null; at: string }[];
}) {
  const of = (side: "association" | "administration") => signatures.find((s) => s.side === side);
  const line = (side: "association" | "administration", party: string) => {
    const s = of(side);
    return (
      <div>
        <dt>{party}</dt>
        <dd>
          {s ? `Underskrivet av ${s.name}${s.title ? `, ${s.title}` : ""}, ${s.at.slice(0, 10)}` : "Inte underskrivet än"}
        </dd>
      </div>
    );
  };
  return (
    <section aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">Underskrifter</h2>
      <dl className="facts">
        {line("association", "Föreningen")}
        {line("administration", "Förvaltningen")}
      </dl>
    </section>
  );
}
