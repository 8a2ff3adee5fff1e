/**
 * The public types of the klikk client (./client.ts), which re-exports them: how it signs in,
 * its options, and one method per action of the API. Types only, so importing them costs nothing
 * at run time and pulls in no Node module.
 */
import type { OrderCreateBody } from "./contract/order-request.ts";
import type { DigestChallengeCache } from "./digest.ts";
import type { ListBody } from "./pass-through.ts";
import type { OrderCreateResult, OrderStatus, Server } from "./schemas.ts";

/** How the dashboard signs in to the action API. */
export type KlikkAuth =
  | { method: "token"; token: string }
  | { method: "basic"; username: string; password: string }
  | { method: "digest"; username: string; password: string };

export type KlikkClientOptions = {
  /** The action API's one URL, e.g. `https://my.klikk.com/api`. Every call POSTs to it. */
  baseUrl: string | URL;
  auth: KlikkAuth;
  /** The deadline of one call, retries included. Default 10 000 ms. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** The largest answer read; past it the call fails with upstream_invalid. Default 64 MiB. */
  maxBodyBytes?: number;
  /** Retries of a read after its first attempt. Default 2. */
  maxRetries?: number;
  /** Where Digest keeps the last challenge per (origin, username). Default: process-wide. */
  digestCache?: DigestChallengeCache;
};

/** Per-call options. */
export type RequestOptions = {
  /** The incoming request's signal: aborting it ends the call (no retry). */
  signal?: AbortSignal;
};

export type KlikkClient = {
  readonly authMethod: KlikkAuth["method"];
  /**
   * Places an order (`order_create`). Never retried. A 2xx with `status` 100 is a success that
   * asks for payment (the invoice exists). On `upstream_timeout` or `upstream_unavailable` with
   * reason `outcome_unknown`, the order may have been placed: check `orderList` first.
   */
  orderCreate(body: OrderCreateBody, opts?: RequestOptions): Promise<OrderCreateResult>;
  /** One order with its items (`order_status`); not_found when it is not visible to the caller. */
  orderStatus(orderId: number, opts?: RequestOptions): Promise<OrderStatus>;
  /**
   * Every order of the profile (`order_list`), `{orders}` and bare arrays alike. Also the
   * sign-in check: it is the cheapest call that every valid credential may make.
   */
  orderList(opts?: RequestOptions): Promise<OrderStatus[]>;
  /**
   * Cancels a whole order, or one item of it (`order_cancel`). Never retried. Resolves on the
   * upstream's empty 200; not_found when the order or item does not exist.
   */
  orderCancel(orderId: number, itemId?: number, opts?: RequestOptions): Promise<void>;
  /** The servers (`server_list`): all of them, or those of one order item when given. */
  serverList(orderItemId?: number, opts?: RequestOptions): Promise<Server[]>;
  /**
   * The same answer, checked as serverList checks it, as the JSON body `{"servers": [...]}`
   * ready to send (a stream, read once): the upstream's own bytes when they are valid as they
   * came, so that a large list is not parsed into objects and serialised again (./pass-through.ts).
   */
  serverListBody(orderItemId?: number, opts?: RequestOptions): Promise<ListBody>;
  /** `{"orders": [...]}` of every order, read like serverListBody's list (the account's, as the upstream sent it). */
  orderListBody(opts?: RequestOptions): Promise<ListBody>;
};
