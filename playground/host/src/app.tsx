import { useShared } from '@concord/shared-state/react';
import { useEffect, useState } from 'react';
import { Header } from './header';
import { RemoteSlot } from './remote-slot';
import { shared } from './state';
import { palette } from './theme';
import { useHostUi } from './ui-store';

export function App() {
  const theme = useShared(shared, (s) => s.theme);
  const accountOpen = useHostUi((ui) => ui.accountOpen);
  const toggleAccount = useHostUi((ui) => ui.toggleAccount);
  const colors = palette[theme];
  // The cart announces checkouts with an event; the host, which owns the session, would take over here.
  const [checkout, setCheckout] = useState<number | null>(null);
  useEffect(() => shared.on('checkout/started', ({ count }) => setCheckout(count)), []);
  useEffect(() => {
    document.body.style.background = colors.background;
    document.body.style.color = colors.color;
    document.documentElement.dataset.theme = theme;
  }, [theme, colors]);
  return (
    <div className="page" data-testid="host-root" data-theme={theme}>
      <Header />
      {checkout !== null && (
        <p role="status" aria-label="Checkout" className="notice">
          Checkout started for {checkout} {checkout === 1 ? 'item' : 'items'}
        </p>
      )}
      <main className="grid">
        <RemoteSlot name="catalog" label="Catalog" />
        <RemoteSlot name="cart" label="Cart" />
        <section aria-label="Account panel" className="slot">
          <button type="button" onClick={toggleAccount} aria-expanded={accountOpen}>
            {accountOpen ? 'Close account' : 'Open account'}
          </button>
          {accountOpen && <RemoteSlot name="account" label="Account" />}
        </section>
      </main>
    </div>
  );
}
