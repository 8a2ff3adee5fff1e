/** @type {import('next').NextConfig} */

// Headers that do not depend on the request. The Content-Security-Policy of pages carries a
// per-request nonce and is set in proxy.ts; API answers get a policy that allows nothing.
const commonHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // Compression belongs to the TLS-terminating reverse proxy in front (see the README); done here
  // it cost about 5% of the CPU of every API answer and far more for a 20,000-server list.
  compress: false,
  reactStrictMode: true,
  experimental: {
    // Next loads every route's module graph when the server starts unless told not to: about
    // 60 MB resident for routes a session may never open. Each route now loads on its first
    // request instead (a one-time cost of tens of milliseconds).
    preloadEntriesOnStart: false,
  },
  async headers() {
    return [
      { source: "/:path*", headers: commonHeaders },
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
