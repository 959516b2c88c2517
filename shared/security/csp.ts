/**
 * The Content-Security-Policy of every window showing the renderer (Electron and browser mode):
 * only the app's own scripts, no plugins, no framing, no form posts, connections only to the app's
 * own origin. Styles allow inline attributes because the editor positions highlights with them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
