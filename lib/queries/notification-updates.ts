"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Notice, NoticeReport } from "@/lib/notifications/notice";
import { apiFetch, withAccount } from "@/lib/queries/api-fetch";
import { notificationKeys, notificationsQueryOptions } from "@/lib/queries/notifications";

/** Reports a transition this tab saw; the answer is the notice as the server wrote it. */
/** `account`: the order's account (from the list), asked first by the server. */
export function reportTransition(report: NoticeReport, account?: string): Promise<{ notice: Notice; created: boolean }> {
  return apiFetch<{ notice: Notice; created: boolean }>(withAccount("/api/notifications", account), { method: "POST", body: report });
}

/** Marks some notices (or all, without ids) read; the bell's count drops at once. */
export function useMarkReadMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => apiFetch<{ changed: number }>("/api/notifications/read", { method: "POST", body: ids ? { ids } : {} }),
    onMutate: (ids) => {
      queryClient.setQueryData(notificationsQueryOptions().queryKey, (current) => {
        if (!current) return current;
        const notices = current.notices.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n));
        return { notices, unread: notices.filter((n) => !n.read).length };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
