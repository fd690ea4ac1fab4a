// Standalone page of the remote (the host loads `./mount` instead). The dynamic import is the async
// boundary that lets the federation runtime negotiate shared modules before React is imported.
import('./standalone');
