import { expect, type APIRequestContext } from "@playwright/test";
import { orderBody } from "../../tests/support/order-body";
import { sameOrigin } from "./fixtures";

export { orderBody };

/**
 * Places a one-server order through the dashboard's API, as the wizard would (the shared sample
 * body, a fresh Idempotency-Key), and returns the upstream's answer.
 */
export async function placeOrder(request: APIRequestContext, name = "e2e-1", reference = `E2E ${name}`): Promise<{ order_id: number; status: number }> {
  const response = await request.post("/api/orders", {
    headers: { ...sameOrigin, "Idempotency-Key": `e2e-${crypto.randomUUID()}` },
    data: orderBody(name, { reference }),
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { order_id: number; status: number };
}
