import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-blue-700 underline dark:text-blue-300">
          Go to the overview
        </Link>
      </p>
    </main>
  );
}
