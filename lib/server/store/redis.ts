import type { Store } from "./types";
import { RedisConnection } from "./redis/connection";
import { redisHistory } from "./redis/history";
import { redisLimits } from "./redis/limits";
import { redisSessions } from "./redis/sessions";

export type RedisStore = Store & { readonly engine: "redis" };

/**
 * The engine for several instances behind a load balancer: Redis through the official client.
 * Every key is namespaced and carries a TTL. Each kind of record has its module under ./redis/,
 * all on one connection (./redis/connection.ts says how it fails while Redis is down).
 */
export function openRedisStore(url: string, options: { onError?: (error: Error) => void } = {}): RedisStore {
  const conn = new RedisConnection(url, options);
  return {
    engine: "redis",
    ...redisSessions(conn),
    ...redisLimits(conn),
    ...redisHistory(conn),
    ping() {
      return conn.run(async (client) => {
        await client.ping();
      });
    },
    close() {
      return conn.close();
    },
  };
}
