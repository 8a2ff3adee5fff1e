"use client";

import { NotificationBell } from "@/components/notifications/notification-bell";
import { PaletteButton } from "@/components/palette/palette-button";
import type { AccountInfo } from "@/lib/session/account-label";
import { AccountSwitcher } from "./account-switcher";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

/** The header's buttons: search, notifications, the account to order for, theme, account menu. */
export function HeaderTools({ account }: { account: AccountInfo }) {
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
