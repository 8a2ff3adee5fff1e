import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActivityList } from "@/components/activity/activity-list";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button-core";
import { ACTIVITY_KINDS, isActivityKind } from "@/lib/activity/kinds";
import { listSessionActivity } from "@/lib/server/activity";
import { publicAccounts } from "@/lib/server/session-accounts";
import { getSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Activity" };
export const dynamic = "force-dynamic";

/** The account's own activity, read from the store on every visit; the filter is a plain GET form. */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await getSession();
  if (!session) redirect("/login?reason=expired");
  const raw = (await searchParams).kind;
  const kind = typeof raw === "string" && isActivityKind(raw) ? raw : null;
  const entries = await listSessionActivity(session, await publicAccounts(session), { kinds: kind ? [kind] : undefined });
  return (
    <>
      <PageHeader
        title="Activity"
        description="Sign-ins, sign-outs, orders and cancellations of this session's klikk accounts through this dashboard (every browser), kept for a limited time."
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="grid gap-1 text-sm font-medium">
          Kind of event
          <select
            name="kind"
            defaultValue={kind ?? ""}
            className="min-h-10 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="">All events</option>
            {Object.entries(ACTIVITY_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses("secondary")}>
          Show
        </button>
      </form>
      <ActivityList entries={entries} kind={kind} />
    </>
  );
}
