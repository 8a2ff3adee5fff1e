import { Alert } from "@/components/ui/alert";
import { READ_ONLY_NOTICE } from "@/lib/api-errors";

/** The read-only notice's text; see read-only-notice.tsx. */
export function ReadOnlyAlert() {
  return (
    <Alert tone="info" title={READ_ONLY_NOTICE} className="mb-4">
      <p>The klikk API refused an order or a cancellation for this account because it may only read. Ask an account owner in the klikk portal for more rights.</p>
    </Alert>
  );
}
