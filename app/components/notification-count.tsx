/**
 * The header's link to the notification centre with the number of unread messages, in words as well
 * as in the badge so that it does not rest on colour. The loader gets the number from
 * `unreadCount(user.id)` in app/mail/inbox.server.ts.
 */
import { NavLink } from "@remix-run/react";

export function NotificationCount({ unread }: { unread: number }) {
  return (
    <NavLink to="/meddelanden" className="notification-count">
      Meddelanden
      {unread > 0 ? (
        <>
          {" "}
          <span className="notification-badge" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
          <span className="visually-hidden">({unread === 1 ? "1 oläst" : `${unread} olästa`})</span>
        </>
      ) : null}
    </NavLink>
  );
}
