/**
 * A check that a value has a schema's shape, compiled once from the zod schema itself, that
 * allocates nothing: for the strict fast path of ./schemas.ts, whose answer is the input itself.
 * zod builds an output copy of every object and array it checks (z.object strips into a new
 * object), which on a 20,000-server list was most of the check's time and a second copy of the
 * list in memory, only to be thrown away. Only the building blocks of the strict kit are
 * compiled (number, string, nullable, optional, array, object without refinements); for
 * anything else `compileShapeCheck` returns null and the caller keeps zod. schemas.test.ts checks
 * it agrees with zod's own safeParse.
 */
import type { z } from "zod";

export type ShapeCheck = (value: unknown) => boolean;

type Def = { type: string; checks?: unknown[]; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; catchall?: z.ZodType };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

export function compileShapeCheck(schema: z.ZodType): ShapeCheck | null {
  const def = defOf(schema);
  if (def.checks && def.checks.length > 0) return null;
  switch (def.type) {
    case "number":
      // zod 4's number refuses NaN and the infinities.
      return (value) => typeof value === "number" && Number.isFinite(value);
    case "string":
      return (value) => typeof value === "string";
    case "nullable": {
      const inner = compileShapeCheck(def.innerType!);
      return inner && ((value) => value === null || inner(value));
    }
    case "optional": {
      const inner = compileShapeCheck(def.innerType!);
      return inner && ((value) => value === undefined || inner(value));
    }
    case "array": {
      const item = compileShapeCheck(def.element!);
      if (!item) return null;
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i += 1) if (!item(value[i])) return false;
        return true;
      };
    }
    case "object": {
      // Strip (z.object) and loose objects ignore unknown keys; a strict object or a catchall does not.
      if (def.catchall && defOf(def.catchall).type !== "unknown") return null;
      const entries: [string, ShapeCheck][] = [];
      for (const [key, field] of Object.entries(def.shape!)) {
        const check = compileShapeCheck(field);
        if (!check) return null;
        entries.push([key, check]);
      }
      return (value) => {
        if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
        const record = value as Record<string, unknown>;
        for (const [key, check] of entries) if (!check(record[key])) return false;
        return true;
      };
    }
    default:
      return null;
  }
}
