/** The "Versioner" list as both agreement pages show it: plain, serialisable rows with their download links. */
import { signedAtText } from "../documents/agreement-pdf.server";
import type { VersionSummary } from "./versions.server";

export interface VersionView {
  number: number;
  sha256: string;
  frozenAt: string;
  status: string;
  signatures: { party: string; name: string; personalNumberMasked: string | null; method: string; signedAt: string }[];
  files: { label: string; href: string }[];
}

export function versionViews(versions: VersionSummary[], base: string, side: "association" | "administration"): VersionView[] {
  return versions.map((v) => ({
    number: v.version,
    sha256: v.sha256,
    frozenAt: signedAtText(v.frozenAt),
    status: v.sealed
      ? "Underskriven av båda parter."
      : v.withdrawnAt
        ? `Togs tillbaka för ändringar ${signedAtText(v.withdrawnAt)}. Underskrifterna på den här versionen gäller inte för en senare version.`
        : "Skickad för underskrift.",
    signatures: v.signatures.map((s) => ({
      party: s.party === "association" ? "Föreningen" : "Förvaltningen",
      name: s.name,
      personalNumberMasked: s.personalNumberMasked,
      method: s.method,
      signedAt: signedAtText(s.signedAt),
    })),
    files: [
      { label: `Version ${v.version} som PDF`, href: `${base}/${v.version}/overenskommelse.pdf` },
      ...(side === "administration" ? [{ label: `Version ${v.version} som Word`, href: `${base}/${v.version}/overenskommelse.docx` }] : []),
      ...(v.sealed ? [{ label: `Den underskrivna överenskommelsen (PDF med sigill)`, href: `${base}/${v.version}/underskriven.pdf` }] : []),
    ],
  }));
}
