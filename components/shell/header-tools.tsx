"use client";

import { useEffect } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { PaletteButton } from "@/components/palette/palette-button";
import type { AccountInfo } from "@/lib/session/account-label";
import { AccountSwitcher } from "./account-switcher";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

/**
 * The header's buttons: search, notifications, the account to order for, theme, account menu.
 * `onReady` once they have hydrated (lazy-header-tools.tsx gives them a click held until then).
 */
export function HeaderTools({ account, onReady }: { account: AccountInfo; onReady: () => void }) {
  useEffect(onReady, [onReady]);
  return (
    <>
      <PaletteButton />
      <NotificationBell />
      <AccountSwitcher />
      <ThemeToggle />
      <UserMenu account={account} />
    </>
  );
}
