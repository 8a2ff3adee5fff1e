export { orderBody } from "../../tests/support/order-body";
