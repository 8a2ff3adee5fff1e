import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // A leading underscore marks a parameter kept for the callers' sake (the e2e simulator helpers
    // take the test's request context although they call the simulator directly).
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }] },
  },
  {
    ignores: [".next/**", "bench/baseline/.next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".cache/**"],
  },
];

export default config;
