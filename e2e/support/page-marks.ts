import type { Locator, Page } from "@playwright/test";

/** Hydrated once React has put its props on the element. */
export const hydrated = (locator: Locator) => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps")));
/** A mark in the page's window: gone after a page load, kept by a client-side navigation. */
export const markPage = (page: Page) => page.evaluate(() => ((window as Window & { __samePage?: boolean }).__samePage = true));
export const samePage = (page: Page) => page.evaluate(() => (window as Window & { __samePage?: boolean }).__samePage === true);
