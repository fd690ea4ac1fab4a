// A minimal @module-federation/vite 1.23.8 manifest that shares zustand as a singleton and lists `remotes`.
export const zustandManifest = (
  app: string,
  zustand: { version: string; requiredVersion: string },
  remotes: string[] = [],
): string =>
  JSON.stringify({
    id: app,
    name: app,
    metaData: {
      name: app,
      remoteEntry: { name: 'remoteEntry.js', path: '', type: 'module' },
      pluginVersion: '1.23.8',
    },
    shared: [{ id: `${app}:zustand`, name: 'zustand', singleton: true, ...zustand, assets: {} }],
    remotes: remotes.map((name) => ({
      federationContainerName: name,
      moduleName: 'mount',
      alias: name,
      entry: `http://127.0.0.1:1/${name}/mf-manifest.json`,
    })),
    exposes: [],
  });
