import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "bench/baseline/.next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".cache/**"],
  },
];

export default config;
