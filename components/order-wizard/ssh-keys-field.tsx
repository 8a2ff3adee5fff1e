"use client";

import { useEffect, useId, useState, type ChangeEvent } from "react";
import { TextAreaField } from "@/components/ui/field";
import { looksLikePrivateKey, parseOpenSshPublicKey, PRIVATE_KEY_MESSAGE, sshKeyFingerprintSha256 } from "@/lib/klikk/contract/validators";
import { CheckboxField, type StepProps } from "./controls";

/** The largest key file read; a public key line is well under 1 KiB, a few of them fit easily. */
const MAX_KEY_FILE_BYTES = 16 * 1024;

const privateKeyWarning = `Refused: ${PRIVATE_KEY_MESSAGE}.`;

type KeyLine = { line: number; ok: true; type: string; comment: string; fingerprint: string | null } | { line: number; ok: false; message: string };

function parseLines(text: string): { line: number; parsed: ReturnType<typeof parseOpenSshPublicKey> }[] {
  return text
    .split(/\r?\n/)
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter(({ raw }) => raw !== "" && !raw.startsWith("#"))
    .map(({ raw, line }) => ({ line, parsed: parseOpenSshPublicKey(raw) }));
}

/** Fingerprints are computed with WebCrypto (async), so they arrive a moment after the text. */
function useKeyLines(text: string): KeyLine[] {
  const [fingerprints, setFingerprints] = useState<{ text: string; values: (string | null)[] }>({ text: "", values: [] });
  const lines = parseLines(text);
  useEffect(() => {
    let alive = true;
    const parsed = parseLines(text);
    void Promise.all(parsed.map(({ parsed: p }) => (p.ok ? sshKeyFingerprintSha256(p.value.blob) : Promise.resolve(null)))).then((values) => {
      if (alive) setFingerprints({ text, values });
    });
    return () => {
      alive = false;
    };
  }, [text]);
  return lines.map(({ line, parsed }, i) =>
    parsed.ok
      ? { line, ok: true, type: parsed.value.type, comment: parsed.value.comment, fingerprint: fingerprints.text === text ? (fingerprints.values[i] ?? null) : null }
      : { line, ok: false, message: parsed.message },
  );
}

export function SshKeysField({ draft, onChange, onBlur, errorOf }: StepProps) {
  const fileId = useId();
  // A refused private key is never put into the draft (nor into storage); only this warning stays.
  const [warning, setWarning] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const lines = useKeyLines(draft.sshKeys);

  function accept(text: string) {
    setWarning(null);
    onChange("ssh-keys", (d) => ({ ...d, sshKeys: text }));
    // Keys are pasted, not typed, and the list below checks them live anyway: show the field's
    // error at once too, rather than on blur, where it would shift the page under the pointer.
    onBlur("ssh-keys");
  }

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    const value = event.target.value;
    if (looksLikePrivateKey(value)) {
      setWarning(privateKeyWarning);
      onBlur("ssh-keys");
      return;
    }
    accept(value);
  }

  function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    input.value = ""; // Loading the same file again must fire change again.
    if (!file) return;
    setFileNote(null);
    if (file.size > MAX_KEY_FILE_BYTES) {
      setWarning(`The file ${file.name} is larger than 16 KiB: choose a public key file (.pub).`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const text = typeof reader.result === "string" ? reader.result : "";
      if (looksLikePrivateKey(text)) {
        setWarning(`Refused: ${file.name} holds a private key. ${PRIVATE_KEY_MESSAGE.replace(/^this is a PRIVATE key: /, "")}.`);
        return;
      }
      const current = draft.sshKeys.trimEnd();
      const added = text.trim();
      if (added === "") {
        setWarning(`The file ${file.name} is empty.`);
        return;
      }
      accept(current === "" ? added : `${current}\n${added}`);
      setFileNote(`Added the key from ${file.name}.`);
    };
    reader.onerror = () => setWarning(`The file ${file.name} could not be read. Try again or paste the key.`);
    reader.readAsText(file);
  }

  const error = warning ?? errorOf("ssh-keys");

  return (
    <div className="space-y-3">
      <TextAreaField
        id="ssh-keys"
        label="SSH public keys (optional)"
        hint="One OpenSSH public key per line, e.g. the contents of ~/.ssh/id_ed25519.pub. Never paste a private key."
        rows={4}
        spellCheck={false}
        autoComplete="off"
        value={draft.sshKeys}
        error={error}
        onChange={handleChange}
        onBlur={() => onBlur("ssh-keys")}
        className="[&_textarea]:text-xs"
      />
      <div className="flex flex-wrap items-center gap-3">
        <label
          htmlFor={fileId}
          className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
        >
          Load a public key from a file
          <input id={fileId} type="file" accept=".pub,text/plain" className="sr-only" onChange={handleFile} />
        </label>
        <p role="status" className="text-sm text-slate-700 empty:hidden dark:text-slate-300">
          {fileNote ?? ""}
        </p>
      </div>
      {lines.length > 0 ? (
        <ul aria-label="Keys found" className="space-y-1 text-sm">
          {lines.map((k) =>
            k.ok ? (
              <li key={k.line} className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
                <span className="font-medium">{k.type}</span>
                {k.comment ? <span> · {k.comment}</span> : null}
                <span className="block font-mono text-xs break-all text-slate-700 dark:text-slate-300">
                  {k.fingerprint ?? "Computing fingerprint…"}
                </span>
              </li>
            ) : (
              <li key={k.line} className="rounded-md border border-red-300 px-3 py-2 text-red-800 dark:border-red-800 dark:text-red-200">
                <span className="font-medium">Line {k.line}: not a public key.</span> {k.message.charAt(0).toUpperCase() + k.message.slice(1)}.
              </li>
            ),
          )}
        </ul>
      ) : null}
      <CheckboxField
        id="remember-keys"
        label="Remember these keys in this browser"
        hint="Kept in this browser's local storage for your next order. Untick to forget them."
        checked={draft.rememberKeys}
        onChange={(event) => {
          const checked = event.target.checked;
          onChange("ssh-keys", (d) => ({ ...d, rememberKeys: checked }));
        }}
      />
    </div>
  );
}
