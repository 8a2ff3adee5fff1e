/**
 * The toasts on screen: a tiny store outside React, so the app-wide watcher can add one from any
 * page and the one toast region shows it. The bell keeps the history; toasts are only the news.
 */
import type { Notice } from "@/lib/notifications/notice";

/** More would cover the page on a phone; older ones are in the bell. */
const MAX_TOASTS = 3;

let toasts: readonly Notice[] = [];
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function showToast(notice: Notice) {
  if (toasts.some((t) => t.id === notice.id)) return;
  toasts = [...toasts, notice].slice(-MAX_TOASTS);
  emit();
}

export function dismissToast(id: string) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function subscribeToasts(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const getToasts = () => toasts;
const none: readonly Notice[] = [];
export const getServerToasts = () => none;
