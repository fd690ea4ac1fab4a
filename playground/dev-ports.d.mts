export type DevPage = 'healthy' | 'own-react';
export declare const DEV_PAGES: readonly ['healthy', 'own-react'];
export declare function devPortBase(page: DevPage): number;
export declare function devHostUrl(page: DevPage): string;
