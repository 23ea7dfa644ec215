type Signer = { name: string; date: string } | null;

/** Who has signed for each party and when; "not yet" in words, not by colour. */
export function SignatureList({
  signatures,
  organisationName,
  administrationName,
}: {
  signatures: { association: Signer; administration: Signer };
  organisationName: string;
  administrationName: string;
}) {
  const line = (s: Signer) => (s ? `Underskriven av ${s.name} ${s.date}` : "Inte underskriven än");
  return (
    <dl className="facts">
      <dt>{organisationName}</dt>
      <dd>{line(signatures.association)}</dd>
      <dt>{administrationName}</dt>
      <dd>{line(signatures.administration)}</dd>
    </dl>
  );
}
