"use client";

import { useEffect, useMemo } from "react";
import type { Draft } from "@/lib/order-wizard/draft";
import { defaultNames, nameKey } from "@/lib/order-wizard/names";
import { useServersQuery } from "@/lib/queries/servers";
import { updateDraft } from "./draft-store";

/**
 * The names of the account's servers (normalised), or null while they load. Until the person
 * types a name, the suggested names move to the next free ones as soon as the servers are known,
 * so accepting the defaults never orders a second `web-1`.
 */
export function useServerNames(draft: Draft): ReadonlySet<string> | null {
  const servers = useServersQuery();
  const existing = useMemo(() => (servers.data ? new Set(servers.data.map((server) => nameKey(server.name))) : null), [servers.data]);
  const stale = existing !== null && !draft.namesChosen && defaultNames(draft.names.length, existing).join("\n") !== draft.names.join("\n");
  useEffect(() => {
    if (!existing || !stale) return;
    updateDraft((d) => (d.namesChosen ? d : { ...d, names: defaultNames(d.names.length, existing) }));
  }, [existing, stale]);
  return existing;
}
