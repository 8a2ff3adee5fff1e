import type { ReactNode } from "react";

/**
 * The one not-found design: an unknown address, order or server all look alike, with the heading
 * focusable (the page title) and one way back (`back`, a link). Free of next/link so the root
 * not-found can use it: Turbopack bundles that segment's client code apart and loads it on every
 * page, so next/link there was a second copy (3 kB gzip) in every page's first load.
 */
export function NotFoundFrame({ title, children, back }: { title: string; children: ReactNode; back: ReactNode }) {
  return (
    <section aria-labelledby="page-title" className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">404</p>
      <h1 id="page-title" tabIndex={-1} className="mt-2 text-2xl font-semibold focus:outline-none">
        {title}
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">{children}</p>
      <p className="mt-6">{back}</p>
    </section>
  );
}

export const backLinkClasses = "font-medium text-blue-700 underline dark:text-blue-300";
