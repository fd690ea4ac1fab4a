// What the README leaves to the bundlers' own starters: the Vite apps' index.html. Everything Concord
// needs comes from README.md.
const html = (title, script) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="data:," />
    <title>${title}</title>
  </head>
  <body>
    <div id="root"></div>${script ? `\n    <script type="module" src="${script}"></script>` : ''}
  </body>
</html>
`;

/** The files each app needs besides the README's blocks. */
export const SCAFFOLD = {
  'host/index.html': html('Concord adopter host', '/src/main.ts'),
  'cart/index.html': html('Concord adopter cart'),
};
