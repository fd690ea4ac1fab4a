// The host renders the remote's counter with its own react-dom. Plain createElement (no JSX), so the pair
// needs no React plugin and runs on Vite 7 and Vite 8 alike.
import { Component, createElement as h } from 'react';
import { createRoot } from 'react-dom/client';

// A second React in the remote makes its hook fail here ("Invalid hook call"): shown, not a blank page.
class Boundary extends Component {
  state = { error: undefined };
  static getDerivedStateFromError(error) {
    return { error };
  }
  render() {
    if (this.state.error)
      return h('p', { 'data-testid': 'remote-failed' }, `remote failed: ${this.state.error.message}`);
    return this.props.children;
  }
}

const root = createRoot(document.getElementById('root'));
import('remote/counter')
  .then(({ Counter }) => root.render(h(Boundary, null, h(Counter))))
  .catch((error) =>
    root.render(h('p', { 'data-testid': 'remote-failed' }, `remote failed: ${error.message}`)),
  );
