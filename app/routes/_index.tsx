import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { pageTitle } from "../utils/meta";
import { RouteError } from "../components/route-error";

export const meta: MetaFunction = () => pageTitle("Idéburet offentligt partnerskap");

export default function StartPage() {
  return (
    <>
      {/* The soft hyphen lets the compound break where a Swede would break it, on a phone. */}
      <h1>Samverka med stadsdels­förvaltningen genom IOP</h1>
      <p className="lead">
        Ett idéburet offentligt partnerskap (IOP) är ett långsiktigt samarbete mellan en förening och en
        stadsdelsförvaltning kring en samhällsutmaning som ni vill lösa tillsammans.
      </p>
      <p>
        Här ansöker föreningen om partnerskap, svarar på frågor från förvaltningen, skriver under
        överenskommelsen och lämnar sina rapporter – allt på ett ställe. Förvaltningen handlägger, beslutar och
        följer upp i samma portal.
      </p>

      <h2>Så går det till</h2>
      <ol>
        <li>
          <strong>Registrera föreningen.</strong> Du behöver föreningens organisationsnummer och en e-postadress.
        </li>
        <li>
          <strong>Skriv ansökan.</strong> Beskriv syftet, målgruppen, aktiviteterna och budgeten. Det du skriver
          sparas hela tiden, så du kan fortsätta en annan dag.
        </li>
        <li>
          <strong>Förvaltningen går igenom ansökan.</strong> Handläggaren kan be er komplettera. Sedan skriver
          förvaltningen ett tjänsteutlåtande och nämnden beslutar.
        </li>
        <li>
          <strong>Skriv under överenskommelsen.</strong> Vid bifall skriver ni en överenskommelse tillsammans med
          mål, resurser och hur ni följer upp arbetet.
        </li>
        <li>
          <strong>Rapportera.</strong> Varje år berättar föreningen vad ni har gjort och hur det har gått. När
          partnerskapet är slut lämnar ni en slutrapport.
        </li>
      </ol>

      <h2>Vad krävs för ett IOP?</h2>
      <p>Stockholms stads riktlinjer säger att ett IOP passar när</p>
      <ul>
        <li>det inte finns en marknad eller konkurrens att ta hänsyn till,</li>
        <li>verksamheten är föreningens eget initiativ,</li>
        <li>verksamheten hjälper till att genomföra ett politiskt program eller en plan där idéburna organisationer nämns,</li>
        <li>det inte är en del av det vanliga föreningsbidraget,</li>
        <li>båda parter bidrar med pengar eller andra insatser,</li>
        <li>staden inte styr verksamheten i detalj, och</li>
        <li>verksamheten ska pågå under en längre tid.</li>
      </ul>

      <div className="panel">
        <p>
          <Link to="/registrera">Registrera din förening</Link> eller <Link to="/logga-in">logga in</Link> om du
          redan har ett konto.
        </p>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteError;
