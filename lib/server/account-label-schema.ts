import "server-only";
import { z } from "zod";
import { MAX_LABEL_LENGTH } from "@/lib/accounts/accounts";
import { unsafeTextProblem } from "@/lib/klikk/contract/validators";

/** A name a person gives an account: shown in the header, lists and exports, so plain text only. */
export const accountLabelSchema = z
  .string({ error: "label must be text." })
  .trim()
  .min(1, "Enter a name for the account.")
  .max(MAX_LABEL_LENGTH, `The name is longer than ${MAX_LABEL_LENGTH} characters.`)
  .superRefine((value, context) => {
    const problem = unsafeTextProblem(value);
    if (problem) context.addIssue({ code: "custom", message: `The name contains ${problem}; type it again.` });
  });
