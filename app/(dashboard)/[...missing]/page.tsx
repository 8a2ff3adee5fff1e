import { notFound } from "next/navigation";

/**
 * Any address the dashboard does not have, for a signed-in user: answered 404 inside the app
 * shell (header and tabs), so it looks like every other not-found page and offers the way on.
 */
export default function MissingPage() {
  notFound();
}
