import { describe, expect, it } from "vitest";
import { primaryAddresses, sshCommand } from "./addresses";

const net = (ifindex: number, ipv4: string, ipv6: string) => ({ id: ifindex + 1, ifindex, name: "", ipv4, ipv6 });

describe("a server's primary addresses", () => {
  it("prefer the public network over a private one, whatever the interface order", () => {
    const server = { networks: [net(0, "10.10.0.1", "fd00:10::1"), net(1, "203.0.114.7", "2a00:1450::7")] };
    expect(primaryAddresses(server)).toEqual({ ipv4: "203.0.114.7", ipv6: "2a00:1450::7" });
  });

  it("fall back to the first address, and say ssh with IPv4 first", () => {
    const addresses = primaryAddresses({ networks: [net(1, "", "fd00::2"), net(0, "10.0.0.5", "")] });
    expect(addresses).toEqual({ ipv4: "10.0.0.5", ipv6: "fd00::2" });
    expect(sshCommand(addresses)).toBe("ssh root@10.0.0.5");
    expect(sshCommand({ ipv4: "", ipv6: "2001:db8::1" })).toBe("ssh root@2001:db8::1");
    expect(sshCommand({ ipv4: "", ipv6: "" })).toBeNull();
  });
});
