/**
 * The application's attachments as the förvaltning should read them: once each, with the version they
 * came with. A komplettering copies the earlier version's files to the new version (so the förening can
 * remove one), which made every file appear once per version.
 */
import { stockholmDate } from "../utils/time";

export type StoredFile = {
  id: string;
  fileName: string;
  ownerKind: string;
  ownerId: string | null;
  sha256: string;
  sizeBytes: number;
  side: string;
};
export type SubmittedVersion = { id: string; version: number; submittedAt: Date | null };
export type ListedFile = { id: string; fileName: string; sizeBytes: number; side: string; label: string | null };

const sameFile = (f: StoredFile) => `${f.sha256}\u0000${f.fileName}`;

/**
 * Files of submitted application versions, each once: the copy in the latest version it is in (the one
 * the ZIP of that version holds), labelled with the first version it was sent with. Files not in the
 * latest version stay listed, named by the version they were last in. Other files are listed as they are.
 */
export function listCaseFiles(files: StoredFile[], submitted: SubmittedVersion[]): ListedFile[] {
  const versionOf = new Map(submitted.map((v) => [v.id, v]));
  const first = submitted[0]?.version;
  const latest = submitted.at(-1)?.version;
  const byFile = new Map<string, { copy: StoredFile; firstIn: SubmittedVersion; lastIn: SubmittedVersion }>();
  const others: ListedFile[] = [];
  for (const f of files) {
    if (f.ownerKind !== "application") {
      others.push({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, side: f.side, label: null });
      continue;
    }
    const version = f.ownerId ? versionOf.get(f.ownerId) : undefined;
    if (!version) continue; // a draft's files are still the förening's own
    const seen = byFile.get(sameFile(f));
    if (!seen) byFile.set(sameFile(f), { copy: f, firstIn: version, lastIn: version });
    else {
      if (version.version < seen.firstIn.version) seen.firstIn = version;
      if (version.version >= seen.lastIn.version) Object.assign(seen, { copy: f, lastIn: version });
    }
  }
  const day = (v: SubmittedVersion) => (v.submittedAt ? ` ${stockholmDate(v.submittedAt)}` : "");
  const application = [...byFile.values()]
    .sort((a, b) => a.firstIn.version - b.firstIn.version)
    .map(({ copy, firstIn, lastIn }) => {
      const came = firstIn.version === first ? `Inskickad med ansökan${day(firstIn)}` : `Tillagd i kompletteringen${day(firstIn)} (version ${firstIn.version})`;
      const gone = lastIn.version !== latest ? `, finns inte med i version ${latest}` : "";
      return { id: copy.id, fileName: copy.fileName, sizeBytes: copy.sizeBytes, side: copy.side, label: `${came}${gone}` };
    });
  return [...application, ...others];
}
