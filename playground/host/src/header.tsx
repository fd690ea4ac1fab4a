import { useShared } from '@concord/shared-state/react';
import { nanoid } from 'nanoid';
import { shared } from './state';

const nextTheme = { light: 'dark', dark: 'light' } as const;

function signIn() {
  // The token is what a real sign-in would return; `session` is sensitive, so it never leaves the page.
  shared.set('session', { user: { id: 'u-1', name: 'Ada Lovelace' }, token: `tok_${nanoid()}` });
}

function signOut() {
  shared.set('session', { user: null, token: null });
}

export function Header() {
  const theme = useShared(shared, (s) => s.theme);
  const count = useShared(shared, (s) => s.cart.count);
  const user = useShared(shared, (s) => s.session.user);
  return (
    <header className="header">
      <h1>Acme shop</h1>
      <span role="status" className="badge" data-testid="cart-badge" aria-label={`Cart: ${count} items`}>
        {count}
      </span>
      <button type="button" onClick={() => shared.set('theme', nextTheme[theme])}>
        Switch to {nextTheme[theme]} theme
      </button>
      {user ? (
        <>
          <span data-testid="host-user">{user.name}</span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </>
      ) : (
        <button type="button" onClick={signIn}>
          Sign in
        </button>
      )}
    </header>
  );
}
