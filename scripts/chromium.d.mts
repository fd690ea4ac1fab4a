/** Debian's Chromium, or `CONCORD_CHROMIUM`. */
export declare const chromiumPath: string;
/** Launch flags for it (e2e, `npm run demo -- --check`, the report's HTML test). */
export declare const chromiumArgs: string[];
/** Installs Debian's chromium with apt-get when it is missing and possible; returns whether it is there. */
export declare function ensureChromium(): boolean;
