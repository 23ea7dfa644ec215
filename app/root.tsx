import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import styles from "./styles/app.css";
import { getCurrentUser, homePathFor } from "./auth/current-user.server";
import { unreadCount } from "./mail/inbox.server";
import { NotificationCount } from "./components/notification-count";
import { useNonce } from "./utils/nonce";
import { RequestIdMeta } from "./utils/request-id";
import { RouteError } from "./components/route-error";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  // No favicon file to fetch (and 404 on) for now.
  { rel: "icon", href: "data:," },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    user: user && {
      name: user.name,
      home: homePathFor(user),
      isOrganisationUser: user.organisations.length > 0,
      staffDistricts: user.districts.map((d) => ({ code: d.code.toLowerCase(), name: d.name })),
      unread: await unreadCount(user.id),
    },
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to={user?.home ?? "/"} className="brand">
          IOP-portalen
        </Link>
        <nav aria-label="Huvudmeny">
          <ul className="nav-list">
            {user ? (
              <>
                {user.isOrganisationUser ? (
                  <li>
                    <NavLink to="/forening">Förening</NavLink>
                  </li>
                ) : null}
                {user.staffDistricts.length > 0 ? (
                  <li>
                    <NavLink to="/forvaltning">Förvaltning</NavLink>
                  </li>
                ) : null}
                <li>
                  <NotificationCount unread={user.unread} />
                </li>
                <li className="nav-user">
                  <NavLink to="/konto">
                    <span className="visually-hidden">Ditt konto: </span>
                    {user.name}
                  </NavLink>
                </li>
                <li>
                  <Form method="post" action="/logga-ut">
                    <button type="submit" className="link-button">
                      Logga ut
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/logga-in">Logga in</NavLink>
                </li>
                <li>
                  <NavLink to="/registrera">Registrera förening</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <RequestIdMeta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Hoppa till innehållet
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>
              IOP-portalen – för idéburet offentligt partnerskap mellan föreningar och stadsdelsförvaltningar.
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Errors in the root itself; every route shows its own in place (components/route-error.tsx). */
export const ErrorBoundary = RouteError;
