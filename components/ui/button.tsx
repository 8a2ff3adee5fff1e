import { AppLink as Link, type AppLinkProps } from "@/components/ui/app-link";
import { buttonClasses, type Size, type Variant } from "./button-core";

export { Button, buttonClasses } from "./button-core";

export function ButtonLink({ variant = "primary", size = "md", className = "", ...rest }: AppLinkProps & { variant?: Variant; size?: Size }) {
  return <Link className={buttonClasses(variant, size, className)} {...rest} />;
}
