/** A minimal valid order body (the wizard's output shape). */
export function orderBody(name = "api-test-1") {
  return {
    reference: "api test",
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
            features: { ipv4: 1, sshd: { ip_allow: "192.0.2.0/24" } },
          },
        },
      },
    ],
  };
}
