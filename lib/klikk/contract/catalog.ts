/**
 * The OS catalog and the size limits of a VPS order.
 *
 * This module is the one place an operator edits to offer another image: the simulator accepts
 * exactly these os/os_version pairs, the route handler validates against them and the order
 * wizard builds its image step from them. Browser-safe: no Node imports.
 */

export type OsCatalogEntry = {
  /** The `os` string sent upstream, e.g. "Debian". */
  readonly os: string;
  /** The `os_version` strings accepted for this os, newest first. */
  readonly versions: readonly string[];
  /** What the wizard shows; defaults to `os`. */
  readonly label?: string;
};

export const osCatalog: readonly OsCatalogEntry[] = [
  { os: "Debian", versions: ["13", "12", "11"], label: "Debian" },
  { os: "Ubuntu", versions: ["24.04", "22.04"], label: "Ubuntu LTS" },
  { os: "AlmaLinux", versions: ["9"], label: "AlmaLinux" },
  { os: "Rocky Linux", versions: ["9"], label: "Rocky Linux" },
  { os: "Fedora", versions: ["41"], label: "Fedora" },
];

/** True when the pair is offered by the catalog (exact, case-sensitive match). */
export function isCatalogOs(os: string, osVersion: string): boolean {
  const entry = osCatalog.find((e) => e.os === os);
  return entry !== undefined && entry.versions.includes(osVersion);
}

/** The catalog entry for an os name, if any. */
export function findCatalogOs(os: string): OsCatalogEntry | undefined {
  return osCatalog.find((e) => e.os === os);
}

/** The size and count limits of order_create, shared by the wizard, the proxy and the simulator. */
export const limits = {
  ramGb: { min: 0.5, max: 256, step: 0.5 },
  cpu: { min: 1, max: 64 },
  storageGb: { min: 10, max: 4000 },
  items: { min: 1, max: 20 },
  name: { min: 1, max: 63 },
  referenceMaxLength: 255,
  /** The request body limit of the upstream API (413 above it). */
  bodyMaxBytes: 1024 * 1024,
} as const;
