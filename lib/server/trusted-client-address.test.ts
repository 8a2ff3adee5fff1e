import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, installTrustedClientAddress } from "./trusted-client-address";

describe("the socket's address stamped on every request", () => {
  let server: http.Server;
  let port: number;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    installTrustedClientAddress();
    server = http.createServer((request, response) => {
      response.end(JSON.stringify({ stamped: request.headers[CLIENT_ADDRESS_HEADER], socketPort: request.socket.remotePort }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const ask = (headers: Record<string, string> = {}) =>
    new Promise<{ stamped: string; socketPort: number }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/api/x", agent, headers }, (response) => {
          let body = "";
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => resolve(JSON.parse(body)));
        })
        .on("error", reject);
    });

  it("overwrites an address the client sent, on every request of a kept-alive connection", async () => {
    const first = await ask({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" });
    const second = await ask({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7" });
    expect(second.socketPort).toBe(first.socketPort); // the same socket: its address was remembered
    expect(first.stamped).toBe("127.0.0.1");
    expect(second.stamped).toBe("127.0.0.1");
  });
});
