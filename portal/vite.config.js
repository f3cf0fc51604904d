import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// `npm run dev` serves on :5173 and proxies the API to the gateway; `npm run build` writes dist/, which the gateway serves.
export default defineConfig({
  plugins: [vue()],
  base: '/',
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/portal-config.json': 'http://127.0.0.1:8080'
    }
  },
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 }
})
