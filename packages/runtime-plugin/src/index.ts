export { satisfy } from './semver';
