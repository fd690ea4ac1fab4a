export interface DevPage {
  name: string;
  /** cart leaves react out of `shared` (CONCORD_DEV_OWN_REACT=cart). */
  ownReact: boolean;
  /** The host's Vite major (CONCORD_DEV_HOST_VITE); the remotes run Vite 8. */
  hostVite: 7 | 8;
  /** The host's port; cart +1, catalog +2, account +3. */
  base: number;
}
export declare const DEV_PAGES: readonly DevPage[];
export declare function devPage(ownReact: boolean, hostVite: 7 | 8): DevPage;
export declare function devHostUrl(ownReact: boolean, hostVite: 7 | 8): string;
