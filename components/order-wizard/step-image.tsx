import { osCatalog } from "@/lib/klikk/contract/catalog";
import { ErrorText, fieldsetClasses, legendClasses, radioCardClasses, SelectField, type StepProps } from "./controls";

export function StepImage({ draft, onChange, onBlur, errorOf }: StepProps) {
  const entry = osCatalog.find((e) => e.os === draft.os);
  const osError = errorOf("image-os");
  return (
    <div className="space-y-6">
      <fieldset id="image-os" tabIndex={-1} className={fieldsetClasses} aria-describedby="image-os-error">
        <legend className={legendClasses}>Operating system</legend>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {osCatalog.map((os) => (
            <label key={os.os} className={radioCardClasses}>
              <input
                type="radio"
                name="image-os"
                className="mt-0.5 accent-blue-700 dark:accent-blue-400"
                checked={draft.os === os.os}
                onChange={() => onChange("image-os", (d) => ({ ...d, os: os.os, osVersion: os.versions[0] ?? "" }))}
                onBlur={() => onBlur("image-os")}
              />
              <span>
                <span className="block font-medium">{os.label ?? os.os}</span>
                <span className="block text-slate-700 dark:text-slate-300">Versions {os.versions.join(", ")}</span>
              </span>
            </label>
          ))}
        </div>
        <ErrorText id="image-os" error={osError} />
      </fieldset>

      <SelectField
        id="image-version"
        label={`Version of ${entry?.label ?? draft.os ?? "the system"}`}
        value={draft.osVersion}
        error={errorOf("image-version")}
        className="max-w-xs"
        onChange={(event) => {
          const value = event.target.value;
          onChange("image-version", (d) => ({ ...d, osVersion: value }));
        }}
        onBlur={() => onBlur("image-version")}
      >
        {entry && !entry.versions.includes(draft.osVersion) ? <option value={draft.osVersion}>Choose a version</option> : null}
        {(entry?.versions ?? []).map((v, i) => (
          <option key={v} value={v}>
            {v}
            {i === 0 ? " (newest)" : ""}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
