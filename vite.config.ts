import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  // Served beside the renderer in both hosts: the board's voice clips (resources/public/voice).
  publicDir: '../resources/public',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or styles: the CSP allows only files from our own origin.
    assetsInlineLimit: 0,
    // scripts/prerender-pages.ts reads it to preload what the entry imports after first paint.
    manifest: true,
    // One stylesheet (35 kB, every rule under its own class): a page waits for one request
    // before it paints, not for one per component that its code would otherwise inject.
    cssCodeSplit: false,
  },
});
