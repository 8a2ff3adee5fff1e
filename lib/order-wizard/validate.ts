/**
 * The wizard's validation: the route handler's own `orderCreateBodySchema` over the body the
 * draft would send. This module (and with it zod and the contract schema) is kept out of the
 * wizard's first load and fetched once the page is up; see ./validate-loader.ts.
 */
import { formatIssuePath, orderCreateBodySchema } from "@/lib/klikk/contract/order-request";
import { buildOrderBody } from "./body";
import { MAX_SERVERS, type Draft } from "./draft";
import { fieldForPath, fieldMessage, type DraftErrors } from "./fields";

/**
 * Every problem of the draft, keyed by field: friendly checks the contract cannot express
 * (duplicate names, an empty anti-affinity number), then the contract schema itself.
 */
export function validateDraft(draft: Draft): DraftErrors {
  const errors: DraftErrors = {};
  const seen = new Map<string, number>();
  draft.names.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const first = seen.get(name);
    if (name !== "" && first !== undefined) {
      errors[`server-name-${i}`] = `Server ${first + 1} already has this name: give each server its own name.`;
    } else seen.set(name, i);
  });
  if (draft.names.length < 1 || draft.names.length > MAX_SERVERS) {
    errors["server-count"] = `Choose from 1 to ${MAX_SERVERS} servers.`;
  }
  if (draft.spread && draft.antiaffinity.trim() === "") {
    errors.antiaffinity = "Enter an anti-affinity group number (a positive whole number), or untick \"Spread across hosts\".";
  }
  const parsed = orderCreateBodySchema.safeParse(buildOrderBody(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForPath(formatIssuePath(issue.path));
      if (errors[field] === undefined) errors[field] = fieldMessage(field, issue.message);
    }
  }
  return errors;
}

export type ValidateDraft = typeof validateDraft;
