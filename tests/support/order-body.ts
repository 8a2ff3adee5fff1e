/**
 * A minimal valid order body (what the wizard sends to POST /api/orders), shared by the unit
 * tests of the order schema and the end-to-end tests. The simulator's conformance suite keeps its
 * own on purpose: it checks the contract independently of the dashboard's schema.
 */
export function orderBody(name = "api-test-1", { reference = "api test", cloudInitUrl }: { reference?: string; cloudInitUrl?: string } = {}) {
  return {
    reference,
    items: [
      {
        name,
        product: {
          name: "VPS",
          options: {
            quantity_ram_gb: 1,
            quantity_cpu: 1,
            quantity_storage_gb: 20,
            os: "Debian",
            os_version: "12",
            features: {
              ipv4: 1,
              sshd: { ip_allow: "192.0.2.0/24" },
              ...(cloudInitUrl === undefined ? {} : { cloud_init_url: cloudInitUrl }),
            } as { ipv4: number; sshd: { ip_allow: string }; cloud_init_url?: string },
          },
        },
      },
    ],
  };
}
