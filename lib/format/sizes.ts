/**
 * Sizes, one way everywhere, in the units the provider sells in and the order wizard asks for:
 * GB, where memory is counted in 1024 MiB (the API gives MiB; a "2 GB" server has 2048) and disks
 * in 1000 MB (the API gives MB; a "20 GB" disk has 20000). So a 2 GB / 20 GB order shows as 2 GB
 * and 20 GB on every page. Without Intl.NumberFormat, for the reason ./numbers.ts gives.
 */
import { groupThousands } from "./numbers";

/**
 * `n` as `Intl.NumberFormat("en", { maximumFractionDigits })` writes it ("20,013", "0.5", "2").
 * Rounded as ICU rounds: the shortest decimal that reads back as `n` (what `String(n)` gives) is
 * shifted by its decimal exponent, not multiplied, so 1.005 gives "1.01" where `toFixed(2)` says
 * "1.00"; ties go away from zero. What that shift cannot hold exactly (beyond 2^53), numbers that
 * String() writes with an exponent (under 1e-6, from 1e21), infinities and NaN go to Intl itself.
 */
export function formatDecimal(n: number, maximumFractionDigits = 0): string {
  const scaled = Math.round(Number(`${Math.abs(n)}e${maximumFractionDigits}`));
  if (!Number.isSafeInteger(scaled) || `${n}`.includes("e")) return new Intl.NumberFormat("en", { maximumFractionDigits }).format(n);
  const digits = `${scaled}`.padStart(maximumFractionDigits + 1, "0");
  const point = digits.length - maximumFractionDigits;
  // "-" for -0 too, as Intl writes it; then the fraction's trailing zeros go, and a bare point.
  return `${1 / n < 0 ? "-" : ""}${groupThousands(digits.slice(0, point))}.${digits.slice(point)}`.replace(/\.?0*$/, "");
}

/** Memory from MiB: 2048 -> "2 GB", 512 -> "0.5 GB". */
export function formatMemory(mib: number): string {
  return `${formatDecimal(mib / 1024, 1)} GB`;
}

/** Disk size from MB: 20000 -> "20 GB". */
export function formatStorage(mb: number): string {
  return `${formatDecimal(mb / 1000, 1)} GB`;
}
