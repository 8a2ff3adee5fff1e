/**
 * A notice as the browser sees it (the bell, the toasts, desktop notifications). Shared by the
 * route handlers and the browser; the server composes every word of it from the upstream's own
 * answers, so a page can only report that something happened, never what it says.
 */
import type { NoticeKind } from "./transitions";

export type Notice = {
  id: string;
  at: number;
  kind: NoticeKind;
  title: string;
  /** A dashboard path: the server page for a ready server, else the order page. */
  href: string;
  read: boolean;
  orderId: number;
  itemId?: number;
  serverId?: number;
  /** The address to reach a ready server, and the command to log in there. */
  address?: string;
  ssh?: string;
};

export type NoticeList = { notices: Notice[]; unread: number };

/** What a page reports: the event's ids and the status it saw. */
export type NoticeReport = { orderId: number; itemId?: number; status: number };
