import { expect, type APIRequestContext } from "@playwright/test";
import { orderBody } from "../../tests/support/order-body";
import { sameOrigin } from "./fixtures";

export { orderBody };

/**
 * Places a one-server order through the dashboard's API, as the wizard would (the shared sample
 * body, a fresh Idempotency-Key), and returns the upstream's answer. `origin` is the dashboard's
 * for a test that runs an instance of its own.
 */
export async function placeOrder(request: APIRequestContext, name = "e2e-1", reference = `E2E ${name}`, origin: string = sameOrigin.Origin): Promise<{ order_id: number; status: number }> {
  const response = await request.post("/api/orders", {
    headers: { ...sameOrigin, Origin: origin, "Idempotency-Key": `e2e-${crypto.randomUUID()}` },
    data: orderBody(name, { reference }),
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { order_id: number; status: number };
}
