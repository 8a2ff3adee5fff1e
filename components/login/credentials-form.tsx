"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button-core";
import { TextField } from "@/components/ui/field";
import type { Credentials } from "@/lib/accounts/accounts";
import { isApiError } from "@/lib/queries/api-fetch";

type Method = "token" | "password";
type PasswordScheme = "digest" | "basic";

/** The sign-in method last used in this browser (the method only, never a credential). */
const METHOD_KEY = "klikk-sign-in-method";

function readRemembered(): { method: Method; scheme: PasswordScheme } | null {
  try {
    const stored = localStorage.getItem(METHOD_KEY);
    if (stored === "token") return { method: "token", scheme: "digest" };
    if (stored === "digest" || stored === "basic") return { method: "password", scheme: stored };
  } catch {
    // Storage disabled: start with the default.
  }
  return null;
}

export function remember(method: Method, scheme: PasswordScheme) {
  try {
    localStorage.setItem(METHOD_KEY, method === "token" ? "token" : scheme);
  } catch {
    // Storage disabled: nothing to remember.
  }
}

const radioCard =
  "flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 p-3 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 dark:border-slate-600 dark:has-[:checked]:border-blue-400 dark:has-[:checked]:bg-blue-950";

const loadMessages = () => import("./sign-in-messages");

/** The alert for a failure; should its wording fail to load too (the dashboard is unreachable), the error's own message. */
async function failureAlert(error: unknown, dashboardAddress: string | null): Promise<{ title: string; text: string }> {
  try {
    return (await loadMessages()).messageFor(error, dashboardAddress);
  } catch {
    return { title: "Sign-in failed", text: isApiError(error) ? error.message : "Something unexpected happened. Try again." };
  }
}

type CredentialsFormProps = {
  dashboardAddress: string | null;
  submitLabel: string;
  pendingLabel: string;
  legend?: string;
  /** More fields below the credentials (adding an account asks for a name). */
  extra?: ReactNode;
  /** "leave" keeps the button pending while the page navigates away; "stay" empties the form. */
  onSubmit: (credentials: Credentials) => Promise<"leave" | "stay">;
};

/**
 * The token or username-and-password fields with their checks and the upstream's refusals
 * explained: signing in and adding an account to a session (issue 15) use the same form.
 */
export function CredentialsForm({ dashboardAddress, submitLabel, pendingLabel, legend = "Sign in with", extra, onSubmit }: CredentialsFormProps) {
  const formId = useId();
  const [method, setMethod] = useState<Method>("token");
  const [scheme, setScheme] = useState<PasswordScheme>("digest");
  const [token, setToken] = useState("");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ title: string; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // The stored choice is only readable in the browser, after hydration.
    const remembered = readRemembered();
    if (!remembered) return;
    setMethod(remembered.method);
    setScheme(remembered.scheme);
  }, []);

  function validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (method === "token") {
      if (!token.trim()) errors.token = "Enter the account token.";
    } else {
      if (!username.trim()) errors.username = "Enter your username.";
      if (!password) errors.password = "Enter your password.";
    }
    return errors;
  }

  function handleBlur(field: string) {
    const errors = validate();
    setFieldErrors((current) => {
      const { [field]: _removed, ...rest } = current;
      void _removed;
      return errors[field] ? { ...rest, [field]: errors[field] } : rest;
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const errors = validate();
    setFieldErrors(errors);
    if (errors.token) return tokenRef.current?.focus();
    if (errors.username) return usernameRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    setPending(true);
    // The wording of a refusal loads beside the request, so it is there when an answer needs it.
    void loadMessages();
    try {
      const outcome = await onSubmit(method === "token" ? { method: "token", token } : { method: scheme, username, password });
      if (outcome === "stay") {
        setPending(false);
        setToken("");
        setUsername("");
        setPassword("");
      }
    } catch (error) {
      const alert = await failureAlert(error, dashboardAddress);
      setPending(false);
      setFailure(alert);
      if (isApiError(error) && error.fields) setFieldErrors(error.fields);
      // The password is the likeliest culprit; clear it so the next try starts clean.
      setPassword("");
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="mt-6 space-y-5" aria-describedby={failure ? `${formId}-failure` : undefined}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{legend}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <label className={radioCard}>
            <input type="radio" name="method" value="token" checked={method === "token"} onChange={() => setMethod("token")} className="mt-1" />
            <span>
              <span className="block font-medium">Account token</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">Works with 2-factor accounts; IP-filtered.</span>
            </span>
          </label>
          <label className={radioCard}>
            <input type="radio" name="method" value="password" checked={method === "password"} onChange={() => setMethod("password")} className="mt-1" />
            <span>
              <span className="block font-medium">Username and password</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">Not for 2-factor accounts.</span>
            </span>
          </label>
        </div>
      </fieldset>

      {method === "token" ? (
        <TextField
          ref={tokenRef}
          id={`${formId}-token`}
          label="Account token"
          hint="Created in the provider's portal. Pasted tokens are never shown again."
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          onBlur={() => handleBlur("token")}
          error={fieldErrors.token}
          required
        />
      ) : (
        <>
          <TextField
            ref={usernameRef}
            id={`${formId}-username`}
            label="Username"
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            onBlur={() => handleBlur("username")}
            error={fieldErrors.username}
            required
          />
          <TextField
            ref={passwordRef}
            id={`${formId}-password`}
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            onBlur={() => handleBlur("password")}
            error={fieldErrors.password}
            required
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">HTTP authentication</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="scheme" value="digest" checked={scheme === "digest"} onChange={() => setScheme("digest")} />
                Digest (recommended)
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="scheme" value="basic" checked={scheme === "basic"} onChange={() => setScheme("basic")} />
                Basic
              </label>
            </div>
          </fieldset>
        </>
      )}

      {extra}

      {failure ? (
        <Alert id={`${formId}-failure`} tone="error" title={failure.title}>
          <p>{failure.text}</p>
        </Alert>
      ) : null}

      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
