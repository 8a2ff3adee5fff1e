import Link from "next/link";
import { MainNav } from "@/components/shell/main-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { SignOutEverywhereButton } from "@/components/shell/sign-out-everywhere-button";
import { ThemeToggle } from "@/components/shell/theme-toggle";

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

export function AppHeader({ account, demoMode }: { account: string; demoMode: boolean }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-blue-700 text-sm font-bold text-white">
            k
          </span>
          klikk dashboard
        </Link>
        {demoMode ? (
          <span className="rounded-full border border-amber-400 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
            Demo mode: simulator
          </span>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <p className="max-w-48 truncate text-sm text-slate-700 dark:text-slate-300" title={account}>
            <span className="sr-only">Signed in as </span>
            {account}
          </p>
          <ThemeToggle />
          <Link href="/sessions" className="rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
            Sessions
          </Link>
          <SignOutEverywhereButton />
          <SignOutButton />
        </div>
        <div className="w-full">
          <MainNav />
        </div>
      </div>
    </header>
  );
}
