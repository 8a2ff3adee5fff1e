/**
 * Desktop notifications: only when the user pressed "Notify me" in this browser and granted the
 * permission then (never asked unprompted), and only while the choice stands.
 */
import type { Notice } from "@/lib/notifications/notice";

const STORAGE_KEY = "klikk-desktop-notices";

export function desktopSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

export function desktopWanted(): boolean {
  try {
    return desktopSupported() && localStorage.getItem(STORAGE_KEY) === "on" && Notification.permission === "granted";
  } catch {
    return false;
  }
}

/** Asks for the permission (call it from a click) and remembers the choice; true when granted. */
export async function enableDesktop(): Promise<boolean> {
  if (!desktopSupported()) return false;
  const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
  const granted = permission === "granted";
  try {
    if (granted) localStorage.setItem(STORAGE_KEY, "on");
  } catch {
    // Without storage the choice lasts for this page only; the permission itself stays.
  }
  return granted;
}

export function disableDesktop() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

export function showDesktop(notice: Notice) {
  if (!desktopWanted()) return;
  try {
    // The tag makes a second tab's copy of the same notice replace this one, not stack.
    const shown = new Notification(notice.title, { tag: `klikk-${notice.id}`, body: notice.ssh ?? "" });
    shown.onclick = () => {
      window.focus();
      window.location.assign(notice.href);
    };
  } catch {
    // Some browsers (Android Chrome) allow notifications only from a service worker: the toast is enough.
  }
}
