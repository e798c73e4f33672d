// Builds the browser interface into the CMake build tree (build/web), where
// `planflow serve` finds it beside its executable. Unit tests run in Node
// (project "unit"); the browser story drives Debian's Chromium against a real
// planflow (project "e2e"; README.md, "Web interface").
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes a .gz beside each text asset; planflow serves it to browsers that
 * accept gzip, which matters on the slow links of district offices.
 */
function precompress(): Plugin {
  return {
    name: 'planflow-precompress',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [name, file] of Object.entries(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(name)) continue;
        const source = file.type === 'chunk' ? file.code : file.source;
        this.emitFile({ type: 'asset', fileName: `${name}.gz`, source: gzipSync(source, { level: 9 }) });
      }
    },
  };
}

export default defineConfig({
  plugins: [preact(), precompress()],
  build: {
    outDir: process.env.PLANFLOW_WEB_OUT ?? resolve(import.meta.dirname, '../build/web'),
    emptyOutDir: true,
    // The pages target current Chromium, Firefox and Safari on office PCs and tablets.
    target: 'es2022',
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': process.env.PLANFLOW_API ?? 'http://127.0.0.1:8080' },
    // The message catalog is shared with the server, one directory up.
    fs: { allow: [import.meta.dirname, resolve(import.meta.dirname, '../api')] },
  },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits for the server's answer (a total after the 600 ms check, a stage after a
          // reload); bounded like the pages' own waits (harness.ts), not at Vitest's 1 s, which a loaded
          // machine overruns.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
