/** The app version from package.json, defined at build time (scripts/build.mjs, vitest.config.ts). */
declare const __STIGE_VERSION__: string;
