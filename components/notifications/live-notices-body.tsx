"use client";

import { OrderWatcher } from "./order-watcher";
import { Toaster } from "./toaster";

/** One watcher for the whole signed-in app (a server ready on any page is news on every page), and its toasts. */
export function LiveNoticesBody() {
  return (
    <>
      <OrderWatcher />
      <Toaster />
    </>
  );
}
