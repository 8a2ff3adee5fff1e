import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { FieldFrame, fieldDescribedBy } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input-classes";
import type { Draft } from "@/lib/order-wizard/draft";
import type { FieldId } from "@/lib/order-wizard/steps";
import type { PriceList } from "@/lib/pricing";

/** What every step gets from the wizard: the draft, how to change it, and the errors to show. */
export type StepProps = {
  draft: Draft;
  /** Change the draft; `field` names what changed, so an upstream error on it is cleared. */
  onChange: (field: FieldId, change: (draft: Draft) => Draft) => void;
  /** A field lost focus: from now on its error is shown. */
  onBlur: (field: FieldId) => void;
  errorOf: (field: FieldId) => string | undefined;
  /** The operator's price list; null means no prices are shown anywhere. */
  prices: PriceList | null;
  /** Names of the account's servers (lower case), or null while they load. */
  existingNames: ReadonlySet<string> | null;
};

export const legendClasses = "text-base font-semibold";
export const fieldsetClasses = "min-w-0 space-y-4";

/** An error region for controls FieldFrame does not wrap (checkboxes, radio groups). */
export function ErrorText({ id, error }: { id: string; error?: string }) {
  return (
    <p id={`${id}-error`} aria-live="polite" className="text-sm font-medium text-red-700 empty:hidden dark:text-red-300">
      {error ?? ""}
    </p>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & { id: string; label: ReactNode; hint?: ReactNode; error?: string };

export function CheckboxField({ id, label, hint, error, ...rest }: CheckboxProps) {
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          className="mt-0.5 size-4 shrink-0 accent-blue-700 dark:accent-blue-400"
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy(id, Boolean(hint))}
          {...rest}
        />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="ml-6 text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </p>
      ) : null}
      <div className="ml-6">
        <ErrorText id={id} error={error} />
      </div>
    </div>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { id: string; label: ReactNode; hint?: ReactNode; error?: string };

export function SelectField({ id, label, hint, error, children, className = "", ...rest }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <select id={id} className={inputClasses} aria-invalid={error ? true : undefined} aria-describedby={fieldDescribedBy(id, Boolean(hint))} {...rest}>
        {children}
      </select>
    </FieldFrame>
  );
}

export const radioCardClasses =
  "flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 p-3 text-sm has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 dark:border-slate-600 dark:has-[:checked]:border-blue-400 dark:has-[:checked]:bg-blue-950";
