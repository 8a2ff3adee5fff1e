import { NotFoundPanel } from "@/components/shell/not-found-panel";

/** Outside the signed-in shell (rare: the shell's own catch-all answers signed-in visitors). */
export default function NotFound() {
  return (
    <main id="main" className="px-4 py-16">
      <NotFoundPanel title="Page not found" backHref="/" backLabel="Go to the overview">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </NotFoundPanel>
    </main>
  );
}
