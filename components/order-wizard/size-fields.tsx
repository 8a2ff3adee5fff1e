import type { ChangeEvent } from "react";
import { TextField } from "@/components/ui/field";
import { formatDecimal } from "@/lib/format/sizes";
import { applyPreset, limits, sizePresets, sizeTotals, type Draft } from "@/lib/order-wizard/draft";
import type { FieldId } from "@/lib/order-wizard/steps";
import { fieldsetClasses, legendClasses, radioCardClasses, type StepProps } from "./controls";
import { OrderEstimate, ServerPrice } from "./price";

/** Size presets as cards (each with its price when there is a price list), custom values, totals. */
export function SizeFields({ draft, onChange, onBlur, errorOf, prices }: StepProps) {
  const totals = sizeTotals(draft);
  const n = draft.names.length;
  const custom = (field: FieldId, key: "ramGb" | "cpu" | "storageGb") => ({
    value: draft[key],
    error: errorOf(field),
    inputMode: key === "ramGb" ? ("decimal" as const) : ("numeric" as const),
    autoComplete: "off",
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.target.value;
      // Typing a value of its own makes the size custom; a preset is only a shortcut.
      onChange(field, (d): Draft => ({ ...d, [key]: value, sizePreset: "custom" }));
    },
    onBlur: () => onBlur(field),
  });

  return (
    <>
      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Size of each server</legend>
        {prices ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Prices are estimates {draft.ipv4 ? "with" : "without"} a public IPv4 address, before tax; the invoice decides.
          </p>
        ) : null}
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
          {sizePresets.map((preset) => (
            <label key={preset.id} className={radioCardClasses}>
              <input
                type="radio"
                name="size-preset"
                id={`size-preset-${preset.id}`}
                className="mt-0.5 accent-blue-700 dark:accent-blue-400"
                checked={draft.sizePreset === preset.id}
                onChange={() => onChange("size-preset", (d) => applyPreset(d, preset.id))}
              />
              <span>
                <span className="block font-medium">{preset.label}</span>
                <span className="block text-slate-700 dark:text-slate-300">
                  {formatDecimal(preset.ramGb, 1)} GB RAM, {preset.cpu} CPU, {formatDecimal(preset.storageGb, 1)} GB
                </span>
                {prices ? <ServerPrice size={{ ...preset, ipv4: draft.ipv4 }} prices={prices} /> : null}
              </span>
            </label>
          ))}
          <label className={radioCardClasses}>
            <input
              type="radio"
              name="size-preset"
              id="size-preset-custom"
              className="mt-0.5 accent-blue-700 dark:accent-blue-400"
              checked={draft.sizePreset === "custom"}
              onChange={() => onChange("size-preset", (d) => ({ ...d, sizePreset: "custom" }))}
            />
            <span>
              <span className="block font-medium">Custom</span>
              <span className="block text-slate-700 dark:text-slate-300">Your own values below</span>
            </span>
          </label>
        </div>
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Values per server</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id="size-ram"
            label="RAM (GB)"
            hint={`${limits.ramGb.min} to ${limits.ramGb.max} GB, in steps of ${limits.ramGb.step}`}
            {...custom("size-ram", "ramGb")}
          />
          <TextField id="size-cpu" label="CPU cores" hint={`${limits.cpu.min} to ${limits.cpu.max}`} {...custom("size-cpu", "cpu")} />
          <TextField
            id="size-storage"
            label="Storage (GB)"
            hint={`${limits.storageGb.min} to ${limits.storageGb.max} GB`}
            {...custom("size-storage", "storageGb")}
          />
        </div>
      </fieldset>

      <section aria-labelledby="size-totals-title" className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
        <h3 id="size-totals-title" className="font-semibold">
          Totals for {n} {n === 1 ? "server" : "servers"}
        </h3>
        {totals ? (
          <>
            <dl className="mt-1 grid grid-cols-3 gap-2">
              <div>
                <dt className="text-slate-700 dark:text-slate-300">RAM</dt>
                <dd className="font-medium">{formatDecimal(totals.ramGb, 1)} GB</dd>
              </div>
              <div>
                <dt className="text-slate-700 dark:text-slate-300">CPU cores</dt>
                <dd className="font-medium">{formatDecimal(totals.cpu, 1)}</dd>
              </div>
              <div>
                <dt className="text-slate-700 dark:text-slate-300">Storage</dt>
                <dd className="font-medium">{formatDecimal(totals.storageGb, 1)} GB</dd>
              </div>
            </dl>
            <OrderEstimate draft={draft} prices={prices} className="mt-2" />
          </>
        ) : (
          <p className="mt-1">Enter numbers for RAM, CPU and storage to see the totals.</p>
        )}
      </section>
    </>
  );
}
