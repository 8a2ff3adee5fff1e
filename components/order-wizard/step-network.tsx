"use client";

import { Button } from "@/components/ui/button-core";
import { TextField } from "@/components/ui/field";
import { normalizeAddress } from "@/lib/ip/ip";
import { useSessionQuery } from "@/lib/queries/session";
import { CloudInitField } from "./cloud-init-field";
import { CheckboxField, ErrorText, fieldsetClasses, legendClasses, type StepProps } from "./controls";
import { SshKeysField } from "./ssh-keys-field";

/** An anti-affinity number unlikely to collide with groups someone numbered by hand (1, 2, 7...). */
function suggestGroup(): string {
  return String(1000 + Math.floor(Math.random() * 9000));
}

export function StepNetwork(props: StepProps) {
  const { draft, onChange, onBlur, errorOf } = props;
  const session = useSessionQuery();
  const count = draft.names.length;
  // Without an IPv4-mapped IPv6 prefix, which firewalls do not expect (the IP module's form).
  const myAddress = session.data ? normalizeAddress(session.data.clientAddress) : null;
  const listed = draft.ipAllow
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");

  function addMyAddress() {
    if (!myAddress) return;
    onChange("ip-allow", (d) => {
      const entries = d.ipAllow
        .split(",")
        .map((e) => e.trim())
        .filter((e) => e !== "");
      return entries.includes(myAddress) ? d : { ...d, ipAllow: [...entries, myAddress].join(", ") };
    });
    onBlur("ip-allow");
  }

  return (
    <div className="space-y-8">
      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>SSH access</legend>
        <div className="space-y-2">
          <TextField
            id="ip-allow"
            label="Addresses allowed to reach SSH (required)"
            hint="IP addresses or CIDR ranges, comma separated, e.g. 192.0.2.10, 198.51.100.0/24, 2001:db8::/32."
            required
            aria-required="true"
            autoComplete="off"
            spellCheck={false}
            value={draft.ipAllow}
            error={errorOf("ip-allow")}
            onChange={(event) => {
              const value = event.target.value;
              onChange("ip-allow", (d) => ({ ...d, ipAllow: value }));
            }}
            onBlur={() => onBlur("ip-allow")}
          />
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" size="sm" onClick={addMyAddress} disabled={!myAddress || listed.includes(myAddress)}>
              {myAddress ? `Add my address (${myAddress})` : session.isError ? "Your address is unknown" : "Finding your address…"}
            </Button>
            {myAddress && listed.includes(myAddress) ? (
              <span className="text-xs text-slate-600 dark:text-slate-300">Your address is in the list.</span>
            ) : (
              <span className="text-xs text-slate-600 dark:text-slate-300">The address this dashboard sees for you.</span>
            )}
          </div>
        </div>
        <TextField
          id="public-ports"
          label="Public ports (optional)"
          hint="Ports open to everyone, comma separated; a range is from:to, e.g. 80,443,12000:12010."
          autoComplete="off"
          spellCheck={false}
          value={draft.publicPorts}
          error={errorOf("public-ports")}
          onChange={(event) => {
            const value = event.target.value;
            onChange("public-ports", (d) => ({ ...d, publicPorts: value }));
          }}
          onBlur={() => onBlur("public-ports")}
        />
        <SshKeysField {...props} />
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Addresses</legend>
        <CheckboxField
          id="ipv4"
          label="Public IPv4 address"
          hint="Every server gets an IPv6 address; tick this for an IPv4 address as well."
          checked={draft.ipv4}
          error={errorOf("ipv4")}
          onChange={(event) => {
            const checked = event.target.checked;
            onChange("ipv4", (d) => ({ ...d, ipv4: checked }));
          }}
        />
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Firewall</legend>
        <TextField
          id="firewall-id"
          label="Firewall group id (optional)"
          hint="The servers become members of this group of your profile."
          inputMode="numeric"
          autoComplete="off"
          value={draft.firewallId}
          error={errorOf("firewall-id")}
          className="max-w-xs"
          onChange={(event) => {
            const value = event.target.value;
            onChange("firewall-id", (d) => ({ ...d, firewallId: value }));
          }}
          onBlur={() => onBlur("firewall-id")}
        />
        <CheckboxField
          id="firewall-addme"
          label="Add this server's address to the group"
          hint="Needs a firewall group id."
          checked={draft.firewallAddme}
          error={errorOf("firewall-addme")}
          onChange={(event) => {
            const checked = event.target.checked;
            onChange("firewall-addme", (d) => ({ ...d, firewallAddme: checked }));
          }}
          onBlur={() => onBlur("firewall-addme")}
        />
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Placement</legend>
        <CheckboxField
          id="spread"
          label="Spread across hosts"
          hint={
            count > 1
              ? `Gives all ${count} servers one anti-affinity group, so no two of them run on the same host.`
              : "Keeps this server off the hosts of other servers with the same anti-affinity group number."
          }
          checked={draft.spread}
          error={errorOf("spread")}
          onChange={(event) => {
            const checked = event.target.checked;
            onChange("spread", (d) => ({ ...d, spread: checked, antiaffinity: checked && d.antiaffinity.trim() === "" ? suggestGroup() : d.antiaffinity }));
          }}
        />
        {draft.spread ? (
          <TextField
            id="antiaffinity"
            label="Anti-affinity group number"
            hint="Any positive whole number; use an existing group's number to keep these servers apart from it too."
            inputMode="numeric"
            autoComplete="off"
            value={draft.antiaffinity}
            error={errorOf("antiaffinity")}
            className="max-w-xs"
            onChange={(event) => {
              const value = event.target.value;
              onChange("antiaffinity", (d) => ({ ...d, antiaffinity: value }));
            }}
            onBlur={() => onBlur("antiaffinity")}
          />
        ) : null}
      </fieldset>

      <CloudInitField {...props} />

      <div id="network-general" tabIndex={-1} className="focus:outline-none">
        <ErrorText id="network-general" error={errorOf("network-general")} />
      </div>
    </div>
  );
}
