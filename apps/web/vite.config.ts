import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server forwards the REST API and the sync socket to a procmap server on :8080
// (`npm start`), so the app talks to one origin in development as it does in production.
const server = 'http://127.0.0.1:8080';
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: `${root}dist`, emptyOutDir: true },
  // Workers as modules, so what a worker loads on first use (the BPMN writer, in the export
  // worker) is a chunk of its own, not copied into the worker every PDF export loads.
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': server,
      '/sync': { target: server, ws: true },
    },
  },
});
