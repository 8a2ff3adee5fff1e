/**
 * The pure parts of the orders pages, under one name for the unit tests and the server: each part
 * lives in its own module (Turbopack bundles a module whole, so a page imports only the parts it
 * uses from them directly). The export's columns are in columns.ts.
 */
export { orderInProgress, POLL_MAX_MS, POLL_MIN_MS, pollDelay, statusSignature } from "./live";
export { awaitingPayment, isCancellable, itemLabel } from "./order-facts";
export { orderListDefaults, orderMatches, parseSort, parseStatusFilter, sortOptions, sortOrders, statusFilterOptions, visibleOrders, type OrderSort, type StatusFilter } from "./list-view";
export { itemTimeline, type TimelineStep } from "./timeline";
export { itemTarget, orderCancelRequest, orderTarget, type CancelRequest, type CancelTarget } from "./cancel-targets";
export { cancelOutcome, outcomeText, type CancelOutcome } from "./cancel-outcome";
