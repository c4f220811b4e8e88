/**
 * The explorer's build: a static site in dist/ (vite 7), served by `vite preview` on
 * 127.0.0.1 with the Content-Security-Policy of contentSecurityPolicy.ts as a header (and
 * the same policy as a `<meta>` tag in the page, for any other static host).
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { PAGE_POLICY, policyForPath } from './contentSecurityPolicy.js';

/** Writes the page's policy into index.html and sends each response's policy from the preview server. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'jepa-dynamics-content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_POLICY }, injectTo: 'head-prepend' }],
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        res.setHeader('Content-Security-Policy', policyForPath(req.url ?? '/'));
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
        next();
      });
    },
  };
}

/**
 * algebrite calls a function of its own named `eval` (no JavaScript eval: the derivation runs
 * under the page's policy, which has no 'unsafe-eval'); rollup warns about the name.
 */
const onwarn: NonNullable<NonNullable<UserConfig['build']>['rollupOptions']>['onwarn'] = (warning, warn) => {
  if (warning.code === 'EVAL' && warning.id?.includes('/algebrite/') === true) return;
  warn(warning);
};

export default defineConfig({
  base: './',
  plugins: [contentSecurityPolicy()],
  build: {
    target: 'es2022',
    // fonts and images as files, never data: URLs (the policy allows fonts from 'self' only)
    assetsInlineLimit: 0,
    manifest: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { onwarn },
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, open: false },
});
