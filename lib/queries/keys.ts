/**
 * Query keys, shared by the browser's hooks and the server's prefetch (lib/server/prefetch.ts).
 * Not a client module: a server component importing from a "use client" file gets a reference,
 * not these values.
 */
export const orderKeys = {
  all: ["orders"] as const,
  list: () => [...orderKeys.all, "list"] as const,
  detail: (orderId: number) => [...orderKeys.all, "detail", orderId] as const,
};

export const serverKeys = {
  all: ["servers"] as const,
  list: (orderItemId?: number) => [...serverKeys.all, "list", orderItemId ?? "all"] as const,
};

/**
 * Accounts whose list could not be read in the last answer (issue 15): set by the lists' own
 * query functions beside their data, never fetched on their own.
 */
export const accountFailureKeys = {
  orders: ["account-failures", "orders"] as const,
  servers: ["account-failures", "servers"] as const,
};

/** The session and its accounts (GET /api/session). */
export const sessionKey = ["session"] as const;
