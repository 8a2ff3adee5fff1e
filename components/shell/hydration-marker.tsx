"use client";

import { useEffect } from "react";

/**
 * Pages arrive with their data in the HTML, so "the rows are there" does not mean "the page
 * reacts": this marks the moment it does, for tests and for styles that need script.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
