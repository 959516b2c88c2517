// Files imported with `?raw` are bundled as strings (vite/vitest natively, esbuild via scripts/build.mjs).
declare module '*?raw' {
  const text: string;
  export default text;
}
