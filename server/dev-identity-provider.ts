/**
 * The development identity providers (ADR 0026): a real OpenID Connect provider (oidc-provider,
 * panva) per kind, in this process, so the portal's relying party (app/auth/oidc/) runs the same
 * authorization code flow, PKCE, state, nonce and ID-token checks against it as against the
 * kommun's e-legitimation broker and the city's SSO. Nothing is faked on the portal's side: only the
 * person is chosen from a list (seed/demo-persons.ts) instead of proving who they are.
 *
 *   /dev/e-legitimation  for föreningar: a demo person with personnummer, "BankID" or "Freja"
 *   /dev/stads-sso       for förvaltning staff: a demo staff member by e-mail
 *
 * Safe because (a) it answers only while devProviderActive(kind): no real issuer of that kind is
 * configured, and in production only with DEV_IDENTITY_PROVIDER=true (the `npm start` demo); and
 * (b) only visitors at this machine reach it (the development mailbox's rule,
 * server/dev-mailbox-guard.ts), so nobody can sign in as a demo person from elsewhere.
 *
 * The issuer is the portal's origin (APP_URL, or the one the local visitor used) + the path; one
 * provider per origin, created on first use. Signing keys are generated at start and live only in
 * memory, as do sessions, codes and grants: a restart signs everyone out of the provider.
 */
import crypto from "node:crypto";
import express, { type NextFunction, type Request, type Response } from "express";
// Types only: the library itself is loaded on first use (loadLibrary), so a portal without the
// development providers never loads it (and never prints its runtime notice).
import type Provider from "oidc-provider";
import type { Adapter, AdapterPayload, Configuration, KoaContextWithOIDC } from "oidc-provider";
import {
  AUTHN_PROVIDER_CLAIM,
  CALLBACK_PATHS,
  DEV_CLIENTS,
  DEV_PROVIDER_PATHS,
  devProviderActive,
  IDENTITY_KINDS,
  PERSONAL_NUMBER_CLAIM,
  PERSONAL_NUMBER_SCOPE,
  POST_LOGOUT_PATH,
  type IdentityKind,
} from "../app/auth/oidc/paths";
import { isCrossSiteRequest } from "../app/utils/csrf";
import { logWarn } from "../app/utils/log.server";
import { DEMO_EID_PERSONS, DEMO_STAFF_PERSONS, type DemoEidPerson } from "../seed/demo-persons";
import { isLocalVisitor } from "./dev-mailbox-guard";
import { publicOrigin } from "./origin";

export interface DevProviderOptions {
  kind: IdentityKind;
  /** The issuer identifier: an origin + DEV_PROVIDER_PATHS[kind] (or any path, for a test's own provider). */
  issuer: string;
  /** The portal's origin, where the client's redirect URIs are. */
  portalOrigin: string;
  /** Staff only: what email_verified says (false only in a test of the refusal). */
  emailVerified?: boolean;
  /** Private signing keys (JWK, with kid and alg); by default the process's own, generated at start. */
  jwks?: { keys: crypto.JsonWebKey[] };
}

const KIND_NAMES: Record<IdentityKind, string> = { eid: "e-legitimation", staff: "stadens inloggning" };
const ID_TOKEN_ALGORITHMS: Record<IdentityKind, "ES256" | "RS256"> = { eid: "ES256", staff: "RS256" };

// ---------------------------------------------------------------------------------------------
// Keys and storage: generated and kept in this process only.

let signingKeys: { keys: crypto.JsonWebKey[] } | undefined;
/** An RS256 and an ES256 key pair as private JWKs (exported for a test's own provider). */
export function generateSigningKeys(): { keys: crypto.JsonWebKey[] } {
  const rsa = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const ec = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
  return {
    keys: [
      { ...rsa, kid: `dev-rs256-${crypto.randomBytes(4).toString("hex")}`, alg: "RS256", use: "sig" },
      { ...ec, kid: `dev-es256-${crypto.randomBytes(4).toString("hex")}`, alg: "ES256", use: "sig" },
    ],
  };
}
function jwks() {
  signingKeys ??= generateSigningKeys();
  return signingKeys;
}

const cookieKeys = [crypto.randomBytes(32).toString("base64url")];

/** oidc-provider's storage in a Map (its own in-memory adapter warns on every start). */
function memoryAdapterClass() {
  const MAX_ENTRIES = 5000;
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string) => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  return class MemoryAdapter implements Adapter {
    constructor(private readonly name: string) {}
    private key(id: string) {
      return `${this.name}:${id}`;
    }
    upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      // Oldest first out, so a burst of abandoned attempts cannot grow this without bound.
      if (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value!);
      store.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
      return Promise.resolve();
    }
    find(id: string) {
      return Promise.resolve(live(this.key(id)));
    }
    findByUid(uid: string) {
      for (const [key, entry] of store) {
        if (key.startsWith(`${this.name}:`) && entry.payload.uid === uid) return Promise.resolve(live(key));
      }
      return Promise.resolve(undefined);
    }
    findByUserCode(userCode: string) {
      for (const [key, entry] of store) {
        if (key.startsWith(`${this.name}:`) && entry.payload.userCode === userCode) return Promise.resolve(live(key));
      }
      return Promise.resolve(undefined);
    }
    consume(id: string) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    }
    destroy(id: string) {
      store.delete(this.key(id));
      return Promise.resolve();
    }
    revokeByGrantId(grantId: string) {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
      return Promise.resolve();
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Accounts: the demo persons, by an account id that is never the personnummer.

interface StaffAccount {
  email: string;
  givenName: string;
  familyName: string;
}

function eidAccountId(person: DemoEidPerson) {
  return `eid-${person.key}`;
}

/** Staff: the e-mail is the account (also one not on the list, typed on the page for a test). */
function staffAccountId(email: string) {
  return `staff-${Buffer.from(email.toLowerCase(), "utf8").toString("base64url")}`;
}

function staffAccount(accountId: string): StaffAccount | undefined {
  if (!accountId.startsWith("staff-")) return undefined;
  const email = Buffer.from(accountId.slice("staff-".length), "base64url").toString("utf8");
  const listed = DEMO_STAFF_PERSONS.find((p) => p.email === email);
  if (listed) return listed;
  // Someone in the city's directory without a demo entry: a name from the address.
  const [first = "", ...rest] = (email.split("@")[0] ?? "").split(/[._-]+/u).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return { email, givenName: first || "Anställd", familyName: rest.join(" ") || "Stad" };
}

function claimsFor(kind: IdentityKind, accountId: string, options: DevProviderOptions): Record<string, unknown> | undefined {
  if (kind === "eid") {
    const person = DEMO_EID_PERSONS.find((p) => eidAccountId(p) === accountId);
    if (!person) return undefined;
    return {
      sub: accountId,
      given_name: person.givenName,
      family_name: person.familyName,
      name: `${person.givenName} ${person.familyName}`,
      [PERSONAL_NUMBER_CLAIM]: person.personalNumber,
      [AUTHN_PROVIDER_CLAIM]: person.method,
    };
  }
  const person = staffAccount(accountId);
  if (!person) return undefined;
  return {
    sub: accountId,
    email: person.email,
    email_verified: options.emailVerified ?? true,
    given_name: person.givenName,
    family_name: person.familyName,
    name: `${person.givenName} ${person.familyName}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Pages: Swedish, no JavaScript, one form each.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
fieldset{border:1px solid #767676;padding:1rem;margin:0 0 1rem}legend{font-weight:600;padding:0 .25rem}
label{display:block;padding:.35rem 0}input[type=radio]{margin-right:.5rem;width:1.1rem;height:1.1rem}
input[type=email]{display:block;padding:.4rem;font-size:1rem;width:100%;max-width:24rem;border:1px solid #767676}
button{font-size:1rem;padding:.5rem 1.25rem;margin:.25rem .5rem .25rem 0;border:2px solid #0b5394;border-radius:4px;cursor:pointer}
button.primary{background:#0b5394;color:#fff}button.secondary{background:#fff;color:#0b5394}
:focus-visible{outline:3px solid #d35400;outline-offset:2px}.note{background:#fff4ce;border-left:4px solid #8a6d00;padding:.5rem 1rem}`;

function page(kind: IdentityKind, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${KIND_NAMES[kind]} (test)</title><style>${STYLE}</style></head>
<body><main>
<p class="note"><strong>Testinloggning.</strong> Den här sidan finns bara för utveckling och demo. Ingen riktig ${
    kind === "eid" ? "e-legitimation" : "inloggning"
  } används, och den går bara att nå från den här datorn.</p>
${body}
</main></body></html>`;
}

function loginPage(kind: IdentityKind, action: string): string {
  if (kind === "eid") {
    const choices = DEMO_EID_PERSONS.map((p, i) => {
      const number = `${p.personalNumber.slice(0, 8)}-${p.personalNumber.slice(8)}`;
      const method = p.method === "bankid" ? "BankID" : "Freja eID";
      return `<label><input type="radio" name="person" value="${escapeHtml(p.key)}"${i === 0 ? " checked" : ""}>${escapeHtml(
        `${p.givenName} ${p.familyName}`,
      )}, ${number}, ${method}</label>`;
    }).join("\n");
    return page(
      kind,
      "Legitimera dig",
      `<h1>Legitimera dig med e-legitimation</h1>
<p>Välj vem du vill logga in som. I den riktiga tjänsten legitimerar du dig med BankID eller Freja eID.</p>
<form method="post" action="${escapeHtml(action)}">
<fieldset><legend>Testperson</legend>
${choices}
</fieldset>
<button type="submit" class="primary">Legitimera</button>
</form>
<form method="post" action="${escapeHtml(action)}/avbryt"><button type="submit" class="secondary">Avbryt</button></form>`,
    );
  }
  const choices = DEMO_STAFF_PERSONS.map(
    (p, i) =>
      `<label><input type="radio" name="person" value="${escapeHtml(p.email)}"${i === 0 ? " checked" : ""}>${escapeHtml(
        `${p.givenName} ${p.familyName}`,
      )}, ${escapeHtml(p.email)}</label>`,
  ).join("\n");
  return page(
    kind,
    "Logga in",
    `<h1>Logga in med stadens inloggning</h1>
<p>Välj vem du vill logga in som. I den riktiga tjänsten loggar du in med ditt konto i staden.</p>
<form method="post" action="${escapeHtml(action)}">
<fieldset><legend>Anställd</legend>
${choices}
<label><input type="radio" name="person" value="annan">Någon annan i stadens katalog</label>
<label for="other-email">E-postadress (bara för ”Någon annan”)</label>
<input type="email" id="other-email" name="email" autocomplete="off" spellcheck="false">
</fieldset>
<button type="submit" class="primary">Logga in</button>
</form>
<form method="post" action="${escapeHtml(action)}/avbryt"><button type="submit" class="secondary">Avbryt</button></form>`,
  );
}

function logoutPage(kind: IdentityKind, form: string): string {
  // `form` is oidc-provider's own hidden form (with its xsrf token); the buttons submit it.
  return page(
    kind,
    "Logga ut",
    `<h1>Logga ut från ${KIND_NAMES[kind]}</h1>
<p>Du har loggat ut från IOP-portalen. Vill du logga ut från ${KIND_NAMES[kind]} också?</p>
${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout" class="primary">Ja, logga ut</button>
<button type="submit" form="op.logoutForm" class="secondary">Nej, fortsätt vara inloggad</button>`,
  );
}

function errorPage(kind: IdentityKind, error: string): string {
  return page(
    kind,
    "Något gick fel",
    `<h1>Inloggningen kunde inte genomföras</h1>
<p>Tjänsten kunde inte hantera begäran (${escapeHtml(error)}).</p>
<p><a href="/logga-in">Tillbaka till inloggningen i IOP-portalen</a> för att börja om.</p>`,
  );
}

// ---------------------------------------------------------------------------------------------
// The provider.

let library: Promise<typeof import("oidc-provider")> | undefined;
function loadLibrary() {
  library ??= import("oidc-provider");
  return library;
}

/** One provider (exported for tests that need one of their own, e.g. behind a rewriting proxy). */
export async function createDevIdentityProvider(options: DevProviderOptions): Promise<Provider> {
  const { kind } = options;
  const { default: ProviderClass, interactionPolicy } = await loadLibrary();
  const clientId = DEV_CLIENTS[kind].clientId;
  const scopes = kind === "eid" ? ["openid", "profile", PERSONAL_NUMBER_SCOPE] : ["openid", "profile", "email"];

  const policy = interactionPolicy.base();
  if (kind === "eid") {
    // Like BankID at a broker: the person proves who they are at every sign-in, so the next person
    // at the same browser is asked again (no single sign-on between two föreningar's people).
    policy
      .get("login")!
      .checks.add(
        new interactionPolicy.Check("every_time", "e-legitimation is asked for every sign-in", (ctx) =>
          ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
        ),
      );
  }

  const configuration: Configuration = {
    adapter: memoryAdapterClass(),
    jwks: (options.jwks ?? jwks()) as Configuration["jwks"],
    cookies: {
      keys: cookieKeys,
      // Both providers share the portal's origin: their cookies must not collide.
      names: { session: `_dev_${kind}_session`, interaction: `_dev_${kind}_interaction`, resume: `_dev_${kind}_resume` },
    },
    clients: [
      {
        client_id: clientId,
        client_secret: DEV_CLIENTS[kind].clientSecret,
        client_name: "IOP-portalen",
        redirect_uris: [`${options.portalOrigin}${CALLBACK_PATHS[kind]}`],
        post_logout_redirect_uris: [`${options.portalOrigin}${POST_LOGOUT_PATH}`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: ID_TOKEN_ALGORITHMS[kind],
      },
    ],
    pkce: { required: () => true },
    scopes,
    claims: {
      openid: ["sub"],
      profile: ["given_name", "family_name", "name"],
      ...(kind === "eid" ? { [PERSONAL_NUMBER_SCOPE]: [PERSONAL_NUMBER_CLAIM, AUTHN_PROVIDER_CLAIM] } : { email: ["email", "email_verified"] }),
    },
    // The portal reads the ID token only (it keeps no access token): the claims go in it.
    conformIdTokenClaims: false,
    enabledJWA: { idTokenSigningAlgValues: ["RS256", "ES256"] },
    findAccount: (_ctx, sub) => {
      const claims = claimsFor(kind, sub, options);
      if (!claims) return undefined;
      return { accountId: sub, claims: () => claims as { sub: string } };
    },
    // The portal is the dev provider's own first-party client: consent is given with the sign-in.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) {
        const found = await ctx.oidc.provider.Grant.find(grantId);
        if (found) return found;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope(scopes.join(" "));
      await grant.save();
      return grant;
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `${new URL(options.issuer).pathname.replace(/\/$/u, "")}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutPage(kind, form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = page(kind, "Utloggad", `<h1>Du är utloggad</h1><p>Du är utloggad från ${KIND_NAMES[kind]}.</p>`);
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(kind, String(out.error ?? "fel"));
    },
    ttl: {
      Session: 8 * 60 * 60,
      Interaction: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 10 * 60,
      AccessToken: 10 * 60,
      Grant: 8 * 60 * 60,
    },
  };
  const provider = new ProviderClass(options.issuer, configuration);
  // Only the error's name: descriptions may quote parameters.
  provider.on("server_error", (_ctx, error) => logWarn(`dev identity provider error kind=${kind} name=${error.name}`));
  return provider;
}

/** The person the interaction form chose, as an account id; undefined for none or an unknown one. */
function chosenAccount(kind: IdentityKind, body: Record<string, unknown>): string | undefined {
  const person = typeof body.person === "string" ? body.person : "";
  if (kind === "eid") {
    const found = DEMO_EID_PERSONS.find((p) => p.key === person);
    return found ? eidAccountId(found) : undefined;
  }
  const email = person === "annan" ? (typeof body.email === "string" ? body.email.trim() : "") : person;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email) && email.length <= 254 ? staffAccountId(email) : undefined;
}

/**
 * The interaction pages and the provider behind one path, for a provider made by
 * createDevIdentityProvider (the server's own, or a test's). The interaction posts are checked to
 * come from this site (the portal's CSRF rule), since the provider is mounted before that check:
 * its token endpoint is called by the portal's server, which sends no Origin.
 */
export function devProviderHandler(kind: IdentityKind, providerFor: (req: Request) => Promise<Provider | undefined>) {
  const router = express.Router();
  const callbacks = new WeakMap<Provider, ReturnType<Provider["callback"]>>();
  const form = express.urlencoded({ extended: false, limit: "10kb" });
  const sameSite = (req: Request, res: Response, next: NextFunction) => {
    const cross = isCrossSiteRequest({
      method: req.method,
      requestOrigin: `${req.protocol}://${req.get("host") ?? ""}`,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (cross) {
      res.status(403).type("text/plain; charset=utf-8").send("Formuläret kom inte från den här webbplatsen.");
      return;
    }
    next();
  };
  const withProvider = (handle: (provider: Provider, req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => {
    const run = async () => {
      const provider = await providerFor(req);
      if (!provider) {
        res.status(404).type("text/plain; charset=utf-8").send("Sidan finns inte.");
        return;
      }
      await handle(provider, req, res);
    };
    run().catch((error: unknown) => {
      // An expired or foreign interaction: the person starts again at the portal.
      logWarn(`dev identity provider interaction failed kind=${kind} name=${error instanceof Error ? error.name : "unknown"}`);
      if (!res.headersSent) res.status(400).type("text/html; charset=utf-8").send(errorPage(kind, "inloggningen har gått ut"));
    });
  };
  router.get(
    "/interaction/:uid",
    withProvider(async (provider, req, res) => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name !== "login") {
        // Consent is given with the sign-in (loadExistingGrant); anything else finishes as it is.
        await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
        return;
      }
      res
        .status(200)
        .set("Cache-Control", "no-store")
        .type("text/html; charset=utf-8")
        .send(loginPage(kind, `${req.baseUrl}/interaction/${encodeURIComponent(details.uid)}`));
    }),
  );
  router.post(
    "/interaction/:uid",
    sameSite,
    form,
    withProvider(async (provider, req, res) => {
      await provider.interactionDetails(req, res);
      const accountId = chosenAccount(kind, req.body as Record<string, unknown>);
      if (!accountId) {
        res.redirect(303, `${req.baseUrl}/interaction/${encodeURIComponent(req.params.uid!)}`);
        return;
      }
      const person = kind === "eid" ? DEMO_EID_PERSONS.find((p) => eidAccountId(p) === accountId) : undefined;
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId, ...(person ? { amr: [person.method] } : {}) } },
        { mergeWithLastSubmission: false },
      );
    }),
  );
  router.post(
    "/interaction/:uid/avbryt",
    sameSite,
    withProvider(async (provider, req, res) => {
      await provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "Inloggningen avbröts." },
        { mergeWithLastSubmission: false },
      );
    }),
  );
  router.use((req, res, next) => {
    providerFor(req).then((provider) => {
      if (!provider) {
        res.status(404).type("text/plain; charset=utf-8").send("Sidan finns inte.");
        return;
      }
      let handle = callbacks.get(provider);
      if (!handle) callbacks.set(provider, (handle = provider.callback()));
      return handle(req, res);
    }, next);
  });
  return router;
}

/**
 * Both kinds' development providers, for server/app.ts. Each answers only while
 * devProviderActive(kind) (read per request, like the relying party does) and only to a visitor at
 * this machine; otherwise the request goes on (to the portal's 404 page).
 */
export function devIdentityProviders(appOrigin: string | null) {
  const router = express.Router();
  for (const kind of IDENTITY_KINDS) {
    const providers = new Map<string, Promise<Provider>>();
    const providerFor = (req: Request) => {
      const origin = publicOrigin(req, appOrigin);
      if (!origin) return Promise.resolve(undefined);
      let provider = providers.get(origin);
      if (!provider) {
        // Only local hosts get here (isLocalVisitor): a handful of origins at most.
        if (providers.size > 8) providers.clear();
        provider = createDevIdentityProvider({ kind, issuer: `${origin}${DEV_PROVIDER_PATHS[kind]}`, portalOrigin: origin });
        provider.catch(() => providers.delete(origin));
        providers.set(origin, provider);
      }
      return provider;
    };
    const handler = devProviderHandler(kind, providerFor);
    router.use(DEV_PROVIDER_PATHS[kind], (req, res, next) => {
      if (!devProviderActive(kind)) return next();
      if (!isLocalVisitor(req)) {
        res.status(404).type("text/plain; charset=utf-8").send("Sidan finns inte.");
        return;
      }
      handler(req, res, next);
    });
  }
  return router;
}
