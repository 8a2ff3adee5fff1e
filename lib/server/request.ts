import "server-only";
import type { z } from "zod";
import { readCappedText } from "@/lib/http/capped-body";
import { firstIssueMessage, formatIssuePath } from "@/lib/klikk/contract/order-request";
import { HttpError } from "@/lib/server/http";

// Reading a request: its JSON body (size-capped and validated) and the ids in its path or query.

/** The largest request body a route handler reads. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A positive integer id from a path or query segment, or a 400 naming it. */
export function parseId(value: string | null | undefined, name: string): number {
  if (value === null || value === undefined || !/^[1-9]\d{0,14}$/.test(value)) {
    throw new HttpError(400, "validation", `${name} must be a positive whole number.`, { fields: { [name]: "must be a positive whole number" } });
  }
  return Number(value);
}

/**
 * Reads at most MAX_BODY_BYTES of the body, stopping early (413) whether or not a
 * Content-Length was sent, then parses JSON and validates it with the schema.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const body = await readCappedText(request.body, MAX_BODY_BYTES, { declaredLength: request.headers.get("content-length") });
  if (!body.ok) throw new HttpError(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  const { text } = body;
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    throw new HttpError(400, "validation", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[formatIssuePath(issue.path) || "body"] ??= issue.message;
    throw new HttpError(400, "validation", firstIssueMessage(parsed.error), { fields });
  }
  return parsed.data;
}
