// Types for eslint-rules/index.js, which stays JavaScript so that ESLint loads eslint.config.js without a TypeScript loader.
import type { ESLint } from 'eslint';

declare const plugin: ESLint.Plugin;
export default plugin;
