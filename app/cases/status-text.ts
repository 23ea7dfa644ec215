/**
 * What a case's state means, in plain Swedish, for each side: a short status and what happens next.
 * The förening never sees the förvaltning's internal steps by name.
 */
import type { Outcome } from "../../workflows/partnership/types";

export type Side = "association" | "administration";

interface StatusText {
  label: string;
  next: string;
}

const TEXTS: Record<string, { association: StatusText; administration: StatusText }> = {
  "application.draft": {
    association: { label: "Utkast", next: "Skriv klart ansökan och skicka in den." },
    administration: { label: "Utkast hos föreningen", next: "Föreningen har inte skickat in ansökan än." },
  },
  "review.unassigned": {
    association: { label: "Inskickad", next: "Ansökan väntar på att en handläggare tar den." },
    administration: { label: "Ny, utan handläggare", next: "Ta ärendet eller fördela det till en handläggare." },
  },
  "review.assigned": {
    association: { label: "Handläggs", next: "En handläggare går igenom ansökan." },
    administration: { label: "Tilldelad", next: "Gå igenom ansökan, begär komplettering eller börja bedöma." },
  },
  "review.awaitingCompletion": {
    association: { label: "Komplettering behövs", next: "Komplettera ansökan och skicka in den igen." },
    administration: { label: "Väntar på komplettering", next: "Föreningen kompletterar ansökan." },
  },
  "review.assessment": {
    association: { label: "Handläggs", next: "Förvaltningen bedömer ansökan och skriver ett tjänsteutlåtande." },
    administration: { label: "Bedömning", next: "Bedöm ansökan och skriv tjänsteutlåtandet." },
  },
  "review.attestation.awaitingHeadOfUnit": {
    association: { label: "Handläggs", next: "Förvaltningen gör klart sitt förslag till nämnden." },
    administration: { label: "Attestering: avdelningschef", next: "Avdelningschefen attesterar utlåtandet." },
  },
  "review.attestation.awaitingDistrictDirector": {
    association: { label: "Handläggs", next: "Förvaltningen gör klart sitt förslag till nämnden." },
    administration: { label: "Attestering: stadsdelsdirektör", next: "Stadsdelsdirektören attesterar utlåtandet." },
  },
  "decision.awaitingBoard": {
    association: { label: "Väntar på nämndens beslut", next: "Nämnden beslutar på ett sammanträde." },
    administration: { label: "Väntar på nämndens beslut", next: "Registratorn registrerar nämndens beslut." },
  },
  "agreement.drafting": {
    association: { label: "Beviljad – överenskommelse skrivs", next: "Ni och förvaltningen skriver överenskommelsen." },
    administration: { label: "Överenskommelse skrivs", next: "Skriv överenskommelsen och skicka den för underskrift." },
  },
  "agreement.signing": {
    association: { label: "Överenskommelse att skriva under", next: "Firmatecknaren skriver under överenskommelsen." },
    administration: { label: "Underskrifter", next: "Båda parter skriver under." },
  },
  "followUp.reportDue": {
    association: { label: "Pågår – rapport ska lämnas", next: "Lämna rapporten om hur arbetet har gått." },
    administration: { label: "Pågår – väntar på rapport", next: "Föreningen lämnar sin rapport." },
  },
  "followUp.reportSubmitted": {
    association: { label: "Pågår – rapport inlämnad", next: "Förvaltningen granskar rapporten." },
    administration: { label: "Rapport att granska", next: "Granska rapporten." },
  },
  "followUp.reportCompletionRequested": {
    association: { label: "Rapporten behöver kompletteras", next: "Komplettera rapporten och skicka in den igen." },
    administration: { label: "Väntar på kompletterad rapport", next: "Föreningen kompletterar rapporten." },
  },
  "followUp.reportReviewed": {
    association: { label: "Pågår", next: "Alla rapporter är godkända. Slutrapporten lämnas när överenskommelsen har gått ut." },
    administration: { label: "Pågår", next: "Slutrapporten begärs när överenskommelsen har gått ut." },
  },
  "finalReport.due": {
    association: { label: "Slutrapport ska lämnas", next: "Lämna slutrapporten." },
    administration: { label: "Väntar på slutrapport", next: "Föreningen lämnar slutrapporten." },
  },
  "finalReport.submitted": {
    association: { label: "Slutrapport inlämnad", next: "Förvaltningen bedömer slutrapporten." },
    administration: { label: "Slutrapport att bedöma", next: "Bedöm slutrapporten." },
  },
  "finalReport.assessment": {
    association: { label: "Slutrapport inlämnad", next: "Förvaltningen bedömer slutrapporten." },
    administration: { label: "Bedömning av slutrapport", next: "Skriv utlåtandet om slutrapporten." },
  },
  "finalReport.attestation.awaitingHeadOfUnit": {
    association: { label: "Slutrapport inlämnad", next: "Förvaltningen gör klart sitt förslag till nämnden." },
    administration: { label: "Attestering: avdelningschef", next: "Avdelningschefen attesterar utlåtandet." },
  },
  "finalReport.attestation.awaitingDistrictDirector": {
    association: { label: "Slutrapport inlämnad", next: "Förvaltningen gör klart sitt förslag till nämnden." },
    administration: { label: "Attestering: stadsdelsdirektör", next: "Stadsdelsdirektören attesterar utlåtandet." },
  },
  "finalReport.awaitingBoard": {
    association: { label: "Väntar på nämndens beslut", next: "Nämnden behandlar slutrapporten." },
    administration: { label: "Väntar på nämndens beslut", next: "Registratorn registrerar nämndens beslut." },
  },
};

const CLOSED: Record<Outcome, string> = {
  withdrawn: "Återtagen",
  rejected: "Avslagen",
  completed: "Avslutad",
};

export function describeState(state: string, side: Side, outcome?: string | null): StatusText {
  if (state === "closed") {
    return { label: CLOSED[outcome as Outcome] ?? "Avslutad", next: "Ärendet är avslutat." };
  }
  return TEXTS[state]?.[side] ?? { label: state, next: "" };
}

/** The open states that have a text; a test holds this to the machine's states. */
export const KNOWN_STATES = Object.keys(TEXTS);
