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
  },
});
