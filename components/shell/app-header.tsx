import { AppLink as Link } from "@/components/ui/app-link";
import { LazyHeaderTools } from "@/components/shell/lazy-header-tools";
import { MainNav } from "@/components/shell/main-nav";
import type { AccountInfo } from "@/lib/session/account-label";

export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-blue-700 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      Skip to content
    </a>
  );
}

/**
 * One row (name, demo badge, search, bell, theme, account menu) and the tabs below it, at every width: on a
 * phone the words that do not fit become icons or short forms, never a second row.
 */
export function AppHeader({ account, demoMode }: { account: AccountInfo; demoMode: boolean }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto max-w-7xl px-4 pt-2 pb-1">
        <div className="flex items-center gap-2 sm:gap-4" data-testid="header-row">
          <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight">
            <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-blue-700 text-sm font-bold text-white">
              k
            </span>
            <span>
              klikk<span className="hidden sm:inline"> dashboard</span>
            </span>
          </Link>
          {demoMode ? (
            <span
              className="shrink-0 rounded-full border border-amber-400 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
              title="This dashboard talks to the built-in simulator"
            >
              Demo<span className="hidden sm:inline"> mode: simulator</span>
            </span>
          ) : null}
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <LazyHeaderTools account={account} />
          </div>
        </div>
        <div className="mt-1">
          <MainNav />
        </div>
      </div>
    </header>
  );
}
