import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The one not-found design: an unknown address, order or server all look alike, inside the app
 * shell, with the heading focusable (the page title) and one way back.
 */
export function NotFoundPanel({ title, children, backHref, backLabel }: { title: string; children: ReactNode; backHref: string; backLabel: string }) {
  return (
    <section aria-labelledby="page-title" className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">404</p>
      <h1 id="page-title" tabIndex={-1} className="mt-2 text-2xl font-semibold focus:outline-none">
        {title}
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">{children}</p>
      <p className="mt-6">
        <Link href={backHref} className="font-medium text-blue-700 underline dark:text-blue-300">
          {backLabel}
        </Link>
      </p>
    </section>
  );
}
