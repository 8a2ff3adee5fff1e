/**
 * The bench's baseline (bench/README.md): the least a Next.js 16 app can do to forward the
 * dashboard's two reads. Built with the project's own `next` (no install of its own) and served
 * the way the dashboard is: the standalone server, no compression.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  compress: false,
  // Resolve `next` and `react` from the project's node_modules, and keep the traced server inside it.
  outputFileTracingRoot: projectRoot,
  turbopack: { root: projectRoot },
};

export default nextConfig;
