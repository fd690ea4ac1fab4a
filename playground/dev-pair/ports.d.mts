export type DevPair = 'healthy' | 'own-react';
export declare const PAIRS: readonly ['healthy', 'own-react'];
export declare function devOrigin(major: 7 | 8, pair: DevPair, app: 'host' | 'remote'): string;
export declare const HOST_PAGE: string;
