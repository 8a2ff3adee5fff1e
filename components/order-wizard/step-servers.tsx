import { TextField } from "@/components/ui/field";
import { MAX_SERVERS, resizeNames } from "@/lib/order-wizard/draft";
import { fieldsetClasses, legendClasses, SelectField, type StepProps } from "./controls";

export function StepServers({ draft, onChange, onBlur, errorOf }: StepProps) {
  const count = draft.names.length;
  return (
    <div className="space-y-6">
      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>How many servers</legend>
        <SelectField
          id="server-count"
          label="Number of servers"
          hint={`Up to ${MAX_SERVERS} servers in one order; all get the same size, image and access.`}
          value={String(count)}
          error={errorOf("server-count")}
          onChange={(event) => {
            const n = Number(event.target.value);
            onChange("server-count", (d) => ({ ...d, names: resizeNames(d.names, n), spread: n > 1 ? d.spread : false }));
          }}
          onBlur={() => onBlur("server-count")}
          className="max-w-xs"
        >
          {Array.from({ length: MAX_SERVERS }, (_, i) => (
            <option key={i + 1} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Server names</legend>
        <p className="text-sm text-slate-600 dark:text-slate-300">Letters, digits and hyphens, up to 63 characters.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {draft.names.map((name, i) => {
            const id = `server-name-${i}` as const;
            return (
              <TextField
                key={i}
                id={id}
                label={`Name of server ${i + 1}`}
                value={name}
                autoComplete="off"
                spellCheck={false}
                error={errorOf(id)}
                onChange={(event) => {
                  const value = event.target.value;
                  onChange(id, (d) => ({ ...d, names: d.names.map((n, j) => (j === i ? value : n)) }));
                }}
                onBlur={() => onBlur(id)}
              />
            );
          })}
        </div>
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Order reference</legend>
        <TextField
          id="order-reference"
          label="Reference (optional)"
          hint="Shown in your order list and on the invoice, e.g. a project or ticket name."
          value={draft.reference}
          error={errorOf("order-reference")}
          onChange={(event) => {
            const value = event.target.value;
            onChange("order-reference", (d) => ({ ...d, reference: value }));
          }}
          onBlur={() => onBlur("order-reference")}
        />
      </fieldset>
    </div>
  );
}
