import { createHash } from "node:crypto";
import { createClient } from "redis";
import { StoreUnavailableError } from "../types";

/** Every key starts with this, so the dashboard can share a Redis with other software. */
export const PREFIX = "klikk:";
/** A command that takes longer than this fails as "store unavailable" instead of hanging a request. */
const COMMAND_TIMEOUT_MS = 2_000;

/** Identities can hold a username: keys carry a hash of it instead. */
export function identityKey(identity: string): string {
  return createHash("sha256").update(identity).digest("hex").slice(0, 32);
}

export type RedisClient = ReturnType<typeof createClient>;

/**
 * The Redis client and what the code of every kind of record needs of it: `run`, which connects
 * on first use, bounds a command's time and turns any failure into StoreUnavailableError. The
 * offline queue is off, so while Redis is down commands fail at once (503 `store_unavailable`)
 * instead of piling up; the client reconnects by itself and the next request works again.
 */
export class RedisConnection {
  private readonly client: RedisClient;
  private connecting: Promise<unknown> | null = null;

  constructor(url: string, { onError }: { onError?: (error: Error) => void } = {}) {
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: COMMAND_TIMEOUT_MS, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
    });
    // Without a listener a connection error would be thrown as an uncaught 'error' event.
    this.client.on("error", (error: Error) => onError?.(error));
  }

  /** Connects on first use; a failed first connection is retried by the client in the background. */
  private async ready() {
    if (!this.client.isOpen) {
      this.connecting ??= this.client.connect().catch(() => undefined);
      await Promise.race([this.connecting, new Promise((resolve) => setTimeout(resolve, COMMAND_TIMEOUT_MS).unref())]);
    }
    if (!this.client.isReady) throw new StoreUnavailableError(new Error("redis is not connected"));
    return this.client;
  }

  async run<T>(work: (client: RedisClient) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const client = await this.ready();
      return await Promise.race([
        work(client),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("redis command timed out")), COMMAND_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => undefined);
  }
}
