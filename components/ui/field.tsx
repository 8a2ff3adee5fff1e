import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from "react";
import { inputClasses } from "@/components/ui/input-classes";


type FieldFrameProps = { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; children: ReactNode; className?: string };

/**
 * Label, hint and error around one control. The error region is always in the DOM and
 * aria-live, so a message that appears is read aloud; the control points at it via
 * aria-describedby (see fieldDescribedBy).
 */
export function FieldFrame({ id, label, hint, error, children, className = "" }: FieldFrameProps) {
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </p>
      ) : null}
      {children}
      <p id={`${id}-error`} aria-live="polite" className="text-sm font-medium text-red-700 empty:hidden dark:text-red-300">
        {error ?? ""}
      </p>
    </div>
  );
}

export function fieldDescribedBy(id: string, hasHint: boolean): string {
  return hasHint ? `${id}-hint ${id}-error` : `${id}-error`;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; ref?: Ref<HTMLInputElement> };

export function TextField({ id, label, hint, error, className = "", ...rest }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input id={id} className={inputClasses} aria-invalid={error ? true : undefined} aria-describedby={fieldDescribedBy(id, Boolean(hint))} {...rest} />
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; ref?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ id, label, hint, error, className = "", ...rest }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} className={`${inputClasses} font-mono`} aria-invalid={error ? true : undefined} aria-describedby={fieldDescribedBy(id, Boolean(hint))} {...rest} />
    </FieldFrame>
  );
}
