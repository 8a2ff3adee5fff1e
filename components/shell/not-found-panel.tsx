import { AppLink as Link } from "@/components/ui/app-link";
import type { ReactNode } from "react";
import { backLinkClasses, NotFoundFrame } from "./not-found-frame";

/** Not-found inside the app shell (an unknown address, order or server), with one way back. */
export function NotFoundPanel({ title, children, backHref, backLabel }: { title: string; children: ReactNode; backHref: string; backLabel: string }) {
  return (
    <NotFoundFrame
      title={title}
      back={
        <Link href={backHref} className={backLinkClasses}>
          {backLabel}
        </Link>
      }
    >
      {children}
    </NotFoundFrame>
  );
}
