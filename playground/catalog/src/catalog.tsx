import type { AcmeHandle } from '@acme/contract';
import { useShared } from '@concord/shared-state/react';
import { useAdded } from './added-store';
import { products } from './products';

const palette = {
  light: { background: '#ffffff', color: '#1f2328', border: '#d0d7de' },
  dark: { background: '#2d333b', color: '#e6edf3', border: '#444c56' },
};

export function Catalog({ shared }: { shared: AcmeHandle }) {
  const theme = useShared(shared, (s) => s.theme);
  const added = useAdded((a) => a.bySku);
  const note = useAdded((a) => a.note);
  const colors = palette[theme];
  return (
    <div
      data-testid="catalog-root"
      data-theme={theme}
      style={{ ...colors, border: `1px solid ${colors.border}`, borderRadius: 8, padding: 16 }}
    >
      <h2 style={{ margin: '0 0 8px', fontSize: 17 }}>
        Catalog <small style={{ opacity: 0.7 }}>(Rspack + React)</small>
      </h2>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        {products.map((product) => (
          <li key={product.sku} style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
            <span style={{ flex: 1 }}>
              {product.name} — ${product.price}
            </span>
            {added[product.sku] ? <small>added {added[product.sku]}×</small> : null}
            <button
              type="button"
              aria-label={`Add ${product.name} to cart`}
              onClick={() => {
                // An intent: the cart remote owns the count and applies it.
                shared.emit('cart/add', { sku: product.sku, name: product.name, qty: 1 });
                note(product.sku);
              }}
            >
              Add to cart
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
