/** The frozen agreement's hash on the signing pages, and every version with its signatures. */
import type { VersionView } from "../signing/version-view.server";

/** "Kontrollsumma (SHA-256)" and a link to exactly that PDF: what the signer signs. */
export function SigningVersion({ number, sha256, href }: { number: number; sha256: string; href: string }) {
  return (
    <dl className="facts">
      <div>
        <dt>Version</dt>
        <dd>{number}</dd>
      </div>
      <div>
        <dt>Kontrollsumma (SHA-256)</dt>
        <dd>
          <code className="hash" data-sha256={sha256}>
            {sha256}
          </code>
        </dd>
      </div>
      <div>
        <dt>Dokumentet du skriver under</dt>
        <dd>
          <a href={href} download>
            {`Ladda ner version ${number} som PDF`}
          </a>
        </dd>
      </div>
    </dl>
  );
}

export function AgreementVersions({ versions }: { versions: VersionView[] }) {
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versioner</h2>
      <p>Varje gång överenskommelsen skickas för underskrift sparas den som en ny version. Underskrifter gäller bara den version de gjordes på.</p>
      <ol className="version-list" reversed>
        {versions.map((v) => (
          <li key={v.number}>
            <h3>{`Version ${v.number}, skickad ${v.frozenAt}`}</h3>
            <p>{v.status}</p>
            <p>
              {"Kontrollsumma (SHA-256): "}
              <code className="hash">{v.sha256}</code>
            </p>
            {v.signatures.length === 0 ? (
              <p>Ingen har skrivit under den här versionen.</p>
            ) : (
              <ul>
                {v.signatures.map((s) => (
                  <li key={`${s.party}-${s.signedAt}`}>
                    {`${s.party}: ${s.name}${s.personalNumberMasked ? ` (${s.personalNumberMasked})` : ""}, ${s.method}, ${s.signedAt}`}
                  </li>
                ))}
              </ul>
            )}
            <ul className="link-list">
              {v.files.map((f) => (
                <li key={f.href}>
                  <a href={f.href} download>
                    {f.label}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
