/** Refusals for the yearly report, in Swedish plain language, shared by the machine and the UI. */
export const districtReportRefusal = {
  closed: "Årsrapporten är lagd till handlingarna. Inget mer kan registreras.",
  notPossible: "Det går inte att göra det i årsrapportens nuvarande läge.",
  missingActor: "Det går inte att se vem som gjorde händelsen. Logga in igen och försök på nytt.",
  invalidAt: "Händelsen saknar en giltig tidpunkt.",
  onlyCaseworkerSubmits: "Bara en handläggare kan skicka årsrapporten till attestering.",
  authorCannotAttest: "Den som skickade årsrapporten till attestering kan inte attestera den.",
  authorCannotReturn: "Den som skickade årsrapporten till attestering kan inte skicka tillbaka den.",
  onlyHeadOfUnitAttests: "Bara en avdelningschef kan attestera i det här steget.",
  onlyDistrictDirectorAttests: "Bara stadsdelsdirektören kan attestera i det här steget.",
  attestedTwice: "Samma person kan inte attestera i båda stegen.",
  returnComment: "Skriv en kommentar om varför du skickar tillbaka årsrapporten.",
  onlyRegistrarFiles: "Bara registratorn kan registrera att nämnden har lagt årsrapporten till handlingarna.",
  meetingDate: "Ange sammanträdets datum.",
  meetingDateInFuture: "Sammanträdets datum kan inte ligga efter dagens datum.",
  meetingBeforeAttestation: "Sammanträdet kan inte ha varit innan årsrapporten blev attesterad.",
  paragraph: "Ange paragrafen (§) i nämndens protokoll.",
} as const;

export const districtReportRestoreError = {
  notAnObject: "Årsrapportens sparade läge kunde inte läsas: uppgifterna saknas eller har fel form.",
  unknownVersion: (found: unknown, current: number) =>
    `Årsrapporten sparades med arbetsflödesversion ${String(found)}, som den här versionen av portalen inte känner till (senaste kända version är ${current}).`,
} as const;
