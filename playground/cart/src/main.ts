// Standalone page of the remote (the host loads `./mount` instead).
import('./standalone');
