import type { ReactNode } from "react";

// Apart from card.tsx: client lists use Card, while PageHeader is mostly rendered by the server
// pages, and Turbopack kept it in every client chunk that imported Card (about 0.1 kB gzip).

export function PageHeader({ title, description, actions, id = "page-title" }: { title: string; description?: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 id={id} tabIndex={-1} className="text-2xl font-semibold tracking-tight focus:outline-none">
          {title}
        </h1>
        {description ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
