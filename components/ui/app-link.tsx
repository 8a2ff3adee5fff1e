"use client";

import type NextLink from "next/link";
import { type ComponentProps, Suspense } from "react";
import { eagerLazy } from "./eager-lazy";

export type AppLinkProps = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string };

/** The <a> Next renders, without the client-side navigation: followed as an ordinary page load. */
function PlainLink({ prefetch: _prefetch, replace: _replace, scroll: _scroll, shallow: _shallow, passHref: _passHref, legacyBehavior: _legacy, locale: _locale, onNavigate: _onNavigate, ...rest }: AppLinkProps) {
  return <a {...rest} />;
}

/**
 * next/link, with its code (about 3 kB gzip with the URL helpers it brings) out of every page's
 * first load. A link needs no script to be painted or followed: the server renders Next's own
 * <a>, which works as a plain link, and the code that turns a click into a client-side
 * navigation arrives beside hydration (requested as this module is evaluated), when the
 * boundary hydrates. A click in between is an ordinary page load. Should that code not load (the
 * dashboard unreachable right then), the links stay plain links rather than failing the page.
 */
const LazyLink = eagerLazy<AppLinkProps>(() => import("next/link").then((module) => module.default), PlainLink);

export function AppLink(props: AppLinkProps) {
  return (
    // Shown only if a link mounts on the client before the code has arrived: the same <a>.
    <Suspense fallback={<PlainLink {...props} />}>
      <LazyLink {...props} />
    </Suspense>
  );
}
