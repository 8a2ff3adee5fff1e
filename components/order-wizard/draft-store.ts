"use client";

import { useSyncExternalStore } from "react";
import { newDraft, parseStoredDraft, type Draft } from "@/lib/order-wizard/draft";

/**
 * The wizard's draft lives in sessionStorage: it survives a reload and the back button, stays in
 * this tab only, and is gone when the tab closes. SSH public keys are kept in localStorage as well,
 * but only while the person ticks "Remember these keys in this browser".
 */
const DRAFT_KEY = "klikk-order-draft";
const KEYS_KEY = "klikk-ssh-public-keys";

let current: Draft | null = null;
const listeners = new Set<() => void>();

function newKey(): string {
  return globalThis.crypto.randomUUID();
}

function read(storage: "session" | "local", key: string): string | null {
  try {
    return (storage === "session" ? sessionStorage : localStorage).getItem(key);
  } catch {
    return null; // Storage can be disabled; the wizard then works without persistence.
  }
}

function write(storage: "session" | "local", key: string, value: string | null) {
  try {
    const s = storage === "session" ? sessionStorage : localStorage;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
  } catch {
    // Quota or privacy mode: keep going with the in-memory draft.
  }
}

function load(): Draft {
  if (current) return current;
  const stored = parseStoredDraft(read("session", DRAFT_KEY));
  if (stored) {
    current = stored;
  } else {
    const remembered = read("local", KEYS_KEY);
    current = { ...newDraft(newKey()), ...(remembered ? { sshKeys: remembered, rememberKeys: true } : {}) };
    write("session", DRAFT_KEY, JSON.stringify(current));
  }
  return current;
}

/** The draft as it is now, for work that resumes after a wait (a render's copy may be older). */
export function currentDraft(): Draft {
  return load();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The draft, or null while rendering on the server (storage exists only in the browser). */
export function useDraft(): Draft | null {
  return useSyncExternalStore(subscribe, load, () => null);
}

export function updateDraft(change: (draft: Draft) => Draft) {
  const next = change(load());
  current = next;
  write("session", DRAFT_KEY, JSON.stringify(next));
  write("local", KEYS_KEY, next.rememberKeys && next.sshKeys.trim() !== "" ? next.sshKeys : null);
  for (const listener of listeners) listener();
}

/** A new Idempotency-Key, after an answer that says the order was certainly not placed. */
export function renewIdempotencyKey() {
  updateDraft((draft) => ({ ...draft, idempotencyKey: newKey() }));
}

/**
 * Forget the draft after the order was placed. Listeners are not told: the wizard is about to
 * leave (or shows its handoff), and a fresh draft is made the next time it opens.
 */
export function discardDraft() {
  write("session", DRAFT_KEY, null);
  current = null;
}

/** Start over: a fresh draft (remembered keys included) now. */
export function resetDraft() {
  discardDraft();
  load();
  for (const listener of listeners) listener();
}
