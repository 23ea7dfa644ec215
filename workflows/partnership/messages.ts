/**
 * Refusal reasons shown to users, in Swedish plain language (klarspråk).
 * Kept in one place so that tests and the UI can refer to the same sentences.
 */
export const refusal = {
  closed: "Ärendet är avslutat. Inga fler händelser kan registreras.",
  notPossible: "Händelsen är inte möjlig i ärendets nuvarande läge.",
  withdrawAfterDecision:
    "Ansökan kan inte dras tillbaka efter att nämnden har fattat beslut. Kontakta handläggaren om ni vill avsluta partnerskapet.",
  missingActor: "Det går inte att se vem som gjorde händelsen. Logga in igen och försök på nytt.",
  invalidAt: "Händelsen saknar en giltig tidpunkt.",

  onlyApplicantSubmits: "Bara föreningens kontaktperson kan skicka in ansökan.",
  onlyAssociationWithdraws: "Bara föreningen kan dra tillbaka ansökan.",
  onlyCaseworkerTakes: "Bara en handläggare kan ta ärendet.",
  onlyCaseworkerOrAdminAssigns: "Bara en handläggare eller administratör kan fördela ärendet.",
  chooseCaseworker: "Välj vilken handläggare som ska ha ärendet.",
  noCaseworkerYet: "Ärendet har ingen handläggare ännu. Fördela det först.",
  sameCaseworker: "Ärendet har redan den handläggaren.",

  onlyAssignedRequestsCompletion: "Bara den handläggare som har ärendet kan begära komplettering.",
  describeCompletion: "Skriv vad föreningen behöver komplettera.",
  completionDueDate: "Sista dag för kompletteringen måste vara ett datum efter dagens datum.",
  onlyApplicantResubmits: "Bara föreningens kontaktperson kan skicka in kompletteringen.",
  onlyAssignedAssesses: "Bara den handläggare som har ärendet kan börja bedöma det.",

  onlyAssignedSubmitsStatement:
    "Bara den handläggare som har ärendet kan skicka tjänsteutlåtandet till attestering.",
  chooseProposal: "Välj förvaltningens förslag till beslut: bifall eller avslag.",
  chooseRenegotiation: "Ange om partnerskapet ska omförhandlas eller inte.",
  authorCannotAttest: "Den som har skrivit tjänsteutlåtandet kan inte attestera det.",
  authorCannotReturn: "Den som har skrivit tjänsteutlåtandet kan inte skicka tillbaka det i attesteringen.",
  onlyHeadOfUnitAttests: "Bara en avdelningschef kan attestera i det här steget.",
  onlyDistrictDirectorAttests: "Bara stadsdelsdirektören kan attestera i det här steget.",
  attestedTwice: "Samma person kan inte attestera i båda stegen.",
  returnComment: "Skriv en kommentar om varför du skickar tillbaka utlåtandet.",

  onlyRegistrarRegisters: "Bara registratorn kan registrera nämndens beslut.",
  meetingDate: "Ange sammanträdets datum.",
  meetingDateInFuture: "Sammanträdets datum kan inte ligga efter dagens datum.",
  paragraph: "Ange paragrafen (§) i nämndens protokoll.",
  decisionOutcome: "Ange om nämnden biföll eller avslog ansökan.",
  rejectionMotivation: "Skriv nämndens motivering till avslaget. Föreningen får läsa den.",

  onlyAssignedSendsAgreement:
    "Bara den handläggare som har ärendet kan skicka överenskommelsen för underskrift.",
  agreementStartDate: "Ange överenskommelsens startdatum.",
  agreementEndDate: "Överenskommelsens slutdatum måste vara efter startdatumet.",
  reportDueDates: "Ange minst ett datum då föreningen ska lämna rapport.",
  reportDueDatesOrder:
    "Datumen för rapporterna måste vara giltiga, komma efter startdatumet och stå i tidsordning.",
  extensionAllowed: "Ange om överenskommelsen får förlängas.",
  finalReportDueDate: "Sista dag för slutrapporten kan inte vara före överenskommelsens slutdatum.",
  onlyAssignedReturnsAgreement: "Bara den handläggare som har ärendet kan ta tillbaka överenskommelsen.",
  agreementReturnComment: "Skriv varför överenskommelsen behöver ändras.",
  onlySignatoriesSign:
    "Bara föreningens firmatecknare eller en chef på förvaltningen kan skriva under överenskommelsen.",
  associationAlreadySigned: "Föreningen har redan skrivit under överenskommelsen.",
  administrationAlreadySigned: "Förvaltningen har redan skrivit under överenskommelsen.",
  signBothSides: "Samma person kan inte skriva under för båda parter.",

  onlyApplicantReports: "Bara föreningens kontaktperson kan lämna rapporten.",
  onlyAssignedRequestsReportCompletion: "Bara den handläggare som har ärendet kan begära komplettering av rapporten.",
  onlyApplicantResubmitsReport: "Bara föreningens kontaktperson kan skicka in den kompletterade rapporten.",
  onlyAssignedApprovesReport: "Bara den handläggare som har ärendet kan godkänna rapporten.",

  onlyManagementExtends: "Bara en chef eller registratorn kan registrera ett beslut om förlängning.",
  extensionNotAllowed: "Överenskommelsen ger ingen möjlighet till förlängning.",
  newEndDate: (currentEndDate: string) =>
    `Det nya slutdatumet måste vara efter det nuvarande slutdatumet ${currentEndDate}.`,
  addedReportDueDates:
    "Ange minst ett nytt rapportdatum. Datumen ska komma efter de rapportdatum som redan finns och stå i tidsordning.",
  onlyManagementTerminates: "Bara en chef eller registratorn kan registrera ett beslut om att överenskommelsen upphör.",
  terminationReason: "Skriv varför överenskommelsen upphör.",
  terminationDate: (endDate: string) =>
    `Ange ett giltigt datum för när överenskommelsen upphör, senast slutdatumet ${endDate}.`,
  onlySystemEndsPeriod: "Bara systemet kan markera att överenskommelsens tid har gått ut.",
  reportPeriodNotBegun: (startDate: string) =>
    `Rapporten kan skickas in från och med ${startDate}, när perioden den gäller har börjat.`,
  periodNotEnded: (endDate: string) => `Överenskommelsen gäller till och med ${endDate}.`,

  onlyApplicantSubmitsFinalReport: "Bara föreningens kontaktperson kan lämna slutrapporten.",
  onlyAssignedAssessesFinalReport: "Bara den handläggare som har ärendet kan börja bedöma slutrapporten.",
  onlyRegistrarRegistersFinalApproval: "Bara registratorn kan registrera nämndens beslut om slutrapporten.",
} as const;

/** Errors when a stored case cannot be opened. These reach logs and admins, so they say what to do. */
export const restoreError = {
  notAnObject: "Ärendets sparade läge kunde inte läsas: uppgifterna saknas eller har fel form.",
  noVersion: "Ärendets sparade läge saknar versionsnummer för arbetsflödet och kan inte öppnas.",
  unknownVersion: (found: number, current: number) =>
    `Ärendet sparades med arbetsflödesversion ${found}, som den här versionen av portalen inte känner till (senaste kända version är ${current}). Uppdatera portalen innan ärendet öppnas.`,
  invalidState: (detail: string) => `Ärendets sparade läge kunde inte läsas: ${detail}`,
} as const;
