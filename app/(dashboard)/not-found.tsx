import { NotFoundPanel } from "@/components/shell/not-found-panel";

export default function NotFound() {
  return (
    <NotFoundPanel title="Page not found" backHref="/" backLabel="Go to the overview">
      There is nothing at this address. It may have moved, or the link may be mistyped.
    </NotFoundPanel>
  );
}
