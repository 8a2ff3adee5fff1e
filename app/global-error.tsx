"use client";

import "./globals.css";

/** Last resort when the root layout itself fails: no stack trace, just a way back. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <main className="mx-auto max-w-xl px-4 py-16">
          <h1 className="text-2xl font-semibold">The dashboard could not start this page</h1>
          <p className="mt-2">Try again. If it keeps failing, check the server log.</p>
          <button type="button" onClick={reset} className="mt-4 rounded-md bg-blue-700 px-4 py-2 text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
