import type { AcmeHandle } from '@acme/contract';
import { useShared } from '@concord/shared-state/react';
import { useLines } from './lines-store';

const palette = {
  light: { background: '#ffffff', color: '#1f2328', border: '#d0d7de' },
  dark: { background: '#2d333b', color: '#e6edf3', border: '#444c56' },
};

export function Cart({ shared }: { shared: AcmeHandle }) {
  const theme = useShared(shared, (s) => s.theme);
  const count = useShared(shared, (s) => s.cart.count);
  const lines = useLines((l) => l.lines);
  const colors = palette[theme];
  return (
    <div
      data-testid="cart-root"
      data-theme={theme}
      style={{ ...colors, border: `1px solid ${colors.border}`, borderRadius: 8, padding: 16 }}
    >
      <h2 style={{ margin: '0 0 8px', fontSize: 17 }}>
        Cart <small style={{ opacity: 0.7 }}>(Vite + React)</small>
      </h2>
      <p style={{ margin: 0 }}>
        <span data-testid="cart-count">{count}</span> {count === 1 ? 'item' : 'items'}
      </p>
      <ul aria-label="Cart lines" style={{ paddingLeft: 18 }}>
        {lines.map((line) => (
          <li key={line.id}>
            {line.name} × {line.qty}
          </li>
        ))}
      </ul>
      <button type="button" disabled={count === 0} onClick={() => shared.emit('checkout/started', { count })}>
        Checkout
      </button>
    </div>
  );
}
