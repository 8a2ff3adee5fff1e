import { backLinkClasses, NotFoundFrame } from "@/components/shell/not-found-frame";

/**
 * Outside the signed-in shell (rare: the shell's own catch-all answers signed-in visitors). The
 * way back is a plain link, a whole page load: next/link here would ride on every page's first load.
 */
export default function NotFound() {
  return (
    <main id="main" className="px-4 py-16">
      <NotFoundFrame
        title="Page not found"
        back={
          // A whole page load on purpose (see above); this page is seldom seen.
          // eslint-disable-next-line @next/next/no-html-link-for-pages
          <a href="/" className={backLinkClasses}>
            Go to the overview
          </a>
        }
      >
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </NotFoundFrame>
    </main>
  );
}
