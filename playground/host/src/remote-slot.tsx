import { useEffect, useRef, useState } from 'react';

type Mount = (element: HTMLElement) => () => void;
export type RemoteName = 'cart' | 'catalog' | 'account';

// Static specifiers so the federation plugin rewrites each one into a remote load.
const loaders: Record<RemoteName, () => Promise<{ mount: Mount }>> = {
  cart: () => import('cart/mount'),
  catalog: () => import('catalog/mount'),
  account: () => import('account/mount'),
};

/**
 * Loads a remote's `mount` and mounts it into a div; unmounts it when the slot goes away. A remote
 * that fails to load (e.g. Concord in `throw` mode) shows its error here and nowhere else.
 */
export function RemoteSlot({ name, label }: { name: RemoteName; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let unmount: (() => void) | undefined;
    let active = true;
    loaders[name]().then(
      ({ mount }) => {
        if (active && ref.current) unmount = mount(ref.current);
      },
      (reason: unknown) => {
        if (active) setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
    return () => {
      active = false;
      unmount?.();
    };
  }, [name]);
  return (
    <section aria-label={label} className="slot">
      {error !== null && (
        <p role="alert" data-testid={`remote-error-${name}`} className="remote-error">
          {label} could not load: {error}
        </p>
      )}
      <div ref={ref} data-testid={`slot-${name}`} />
    </section>
  );
}
