"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { NoticeList } from "@/lib/notifications/notice";
import { apiFetch } from "@/lib/queries/api-fetch";

export const notificationKeys = { all: ["notifications"] as const };

export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => apiFetch<NoticeList>("/api/notifications", { signal }),
    // New notices arrive through this tab's watcher (which refreshes the list), or on focus.
    staleTime: 30_000,
  });

/**
 * The bell's history and unread count. Reporting and marking read live in
 * notification-updates.ts, beside the lazily loaded watcher and panel that use them: this module
 * is in every page's first load, and useMutation would have brought its observer along.
 */
export function useNotificationsQuery() {
  return useQuery(notificationsQueryOptions());
}
