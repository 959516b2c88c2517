import fs from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pkg = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The renderer is built to dist/renderer with relative asset paths, so the same build is served by
// the devhost (http://127.0.0.1) and by Electron's app:// scheme.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: { __STIGE_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // STIGE_NO_MINIFY=1: readable function names in CPU profiles (npm run bench with STIGE_BENCH_PROFILE).
    minify: process.env.STIGE_NO_MINIFY ? false : 'esbuild',
    target: 'es2023',
    chunkSizeWarningLimit: 2000,
  },
});
