import { TextField } from "@/components/ui/field";
import { fieldsetClasses, legendClasses, type StepProps } from "./controls";

/** The optional cloud-init URL, the last part of the network and access step. */
export function CloudInitField({ draft, onChange, onBlur, errorOf }: StepProps) {
  return (
    <fieldset className={fieldsetClasses}>
      <legend className={legendClasses}>First boot</legend>
      <TextField
        id="cloud-init-url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        label="Cloud-init URL (optional)"
        hint="An https:// address each new server fetches its cloud-init configuration from. Leave empty to skip."
        value={draft.cloudInitUrl}
        error={errorOf("cloud-init-url")}
        onChange={(event) => {
          const value = event.target.value;
          onChange("cloud-init-url", (d) => ({ ...d, cloudInitUrl: value }));
        }}
        onBlur={() => onBlur("cloud-init-url")}
      />
    </fieldset>
  );
}
