import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClasses, type Size, type Variant } from "./button-core";

export { Button, buttonClasses } from "./button-core";

export function ButtonLink({ variant = "primary", size = "md", className = "", ...rest }: ComponentProps<typeof Link> & { variant?: Variant; size?: Size }) {
  return <Link className={buttonClasses(variant, size, className)} {...rest} />;
}
