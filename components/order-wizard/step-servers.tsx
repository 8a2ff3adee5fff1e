import { TextField } from "@/components/ui/field";
import { MAX_SERVERS } from "@/lib/order-wizard/draft";
import { nameKey, resizeNames } from "@/lib/order-wizard/names";
import { fieldsetClasses, legendClasses, SelectField, type StepProps } from "./controls";
import { SizeFields } from "./size-fields";

/** Step 1: how many servers, their names, the order's reference, and the size of each server. */
export function StepServers(props: StepProps) {
  const { draft, onChange, onBlur, errorOf, existingNames } = props;
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
            onChange("server-count", (d) => ({ ...d, names: resizeNames(d.names, n, existingNames ?? [], MAX_SERVERS), spread: n > 1 ? d.spread : false }));
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
            // A warning, not an error: the upstream allows two servers of one name, but a second
            // `web-1` is rarely what anybody meant.
            const inUse = existingNames !== null && nameKey(name) !== "" && existingNames.has(nameKey(name));
            return (
              <div key={i} className="space-y-1">
                <TextField
                  id={id}
                  label={`Name of server ${i + 1}`}
                  value={name}
                  autoComplete="off"
                  spellCheck={false}
                  error={errorOf(id)}
                  aria-describedby={`${id}-error${inUse ? ` ${id}-warning` : ""}`}
                  onChange={(event) => {
                    const value = event.target.value;
                    onChange(id, (d) => ({ ...d, namesChosen: true, names: d.names.map((n, j) => (j === i ? value : n)) }));
                  }}
                  onBlur={() => onBlur(id)}
                />
                {inUse ? (
                  <p id={`${id}-warning`} className="text-sm text-amber-900 dark:text-amber-200">
                    <span aria-hidden="true">⚠ </span>
                    <span className="sr-only">Warning: </span>A server named “{name.trim()}” already exists in your account. You can still order this one.
                  </p>
                ) : null}
              </div>
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

      <SizeFields {...props} />
    </div>
  );
}
