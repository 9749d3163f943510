import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://zwxx/ in the app and from the loopback test bridge in tests: relative paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'chrome120',
    rollupOptions: {
      // zod's sources carry /* @__PURE__ */ comments Rollup cannot place; harmless, and noise in every build
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});
