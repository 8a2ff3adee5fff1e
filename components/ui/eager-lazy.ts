import { type ComponentType, lazy } from "react";

/**
 * React's lazy, with the code requested now, as the importing module is evaluated (in the
 * browser that is beside hydration), rather than when the component first renders. For parts
 * the server renders in full but whose script no first paint needs: the page shows their HTML,
 * and their boundary hydrates when the code arrives. A failed load renders `unavailable` in their
 * place instead of throwing the whole page to its error boundary.
 */
export function eagerLazy<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  unavailable: ComponentType<Props>,
): ComponentType<Props> {
  const loaded = load().then(
    (component) => ({ default: component }),
    () => ({ default: unavailable }),
  );
  return lazy(() => loaded);
}
