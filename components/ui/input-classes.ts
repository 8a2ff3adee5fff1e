/**
 * The look of every text input and select. Its own module, not field.tsx: the lists' filters
 * (servers, orders, the account filter) need only these classes, and importing them from
 * field.tsx kept its field components in those pages' first load (Turbopack does not drop a
 * module's unused exports here).
 */
export const inputClasses =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 dark:aria-[invalid=true]:border-red-400";
