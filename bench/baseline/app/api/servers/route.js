import { forward } from "../upstream.js";

export const dynamic = "force-dynamic";

export function GET() {
  return forward("server_list");
}
