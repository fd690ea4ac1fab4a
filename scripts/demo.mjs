#!/usr/bin/env node
// Placeholder until the playground lands (issue 6): builds the packages and says what is missing.
console.log(
  '[concord] the playground and `npm run demo` arrive with the playground issue; run `npm test` meanwhile.',
);
