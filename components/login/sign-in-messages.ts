import { isApiError } from "@/lib/queries/api-fetch";

/*
 * What a refused sign-in says, by the error's code. Loaded when a sign-in or an added account is
 * submitted (see credentials-form.tsx): only a failure needs it, and the form is the whole first
 * load of /login and the largest part of the accounts page's.
 */

/** The title and text of the alert for a failed sign-in. */
export function messageFor(error: unknown, dashboardAddress: string | null): { title: string; text: string } {
  if (!isApiError(error)) return { title: "Sign-in failed", text: "Something unexpected happened. Try again." };
  switch (error.code) {
    case "invalid_credentials":
      return { title: "Not signed in", text: error.message };
    case "two_factor_required":
      return { title: "2-factor login required", text: error.message };
    case "token_address_refused":
      return {
        title: "Token refused from this address",
        text: dashboardAddress && !error.message.includes(dashboardAddress) ? `${error.message} (${dashboardAddress})` : error.message,
      };
    case "rate_limited":
      return { title: "Too many attempts", text: error.message };
    case "upstream_unavailable":
    case "upstream_timeout":
    case "upstream_invalid":
    case "network":
      return { title: "klikk API unreachable", text: error.message };
    default:
      return { title: "Sign-in failed", text: error.message };
  }
}
