import "server-only";
import { HttpError } from "@/lib/server/http";

/** A positive integer id from a path or query segment, or a 400 naming it. */
export function parseId(value: string | null | undefined, name: string): number {
  if (value === null || value === undefined || !/^[1-9]\d{0,14}$/.test(value)) {
    throw new HttpError(400, "validation", `${name} must be a positive whole number.`, { fields: { [name]: "must be a positive whole number" } });
  }
  return Number(value);
}
