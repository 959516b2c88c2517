// The security policy of every Stige window, as plain data and functions so vitest checks it on
// machines without an Electron binary. Only `import type` from 'electron' here.
import type { WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** The renderer is served from this privileged custom scheme (see main.ts), never from file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://stige`;

/** webPreferences for every window: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** True for URLs inside the app (the only place a window may navigate). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'stige';
  } catch {
    return false;
  }
}

/** Response headers for everything the app scheme serves. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The subset of WebContents the policy uses (so tests can pass a fake). */
export type PolicyContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * Block new windows and navigation away from the app, and refuse <webview> attachment. Links to
 * the web are not opened from inside the app at all: a transcript may contain any URL.
 */
export function applyWindowPolicy(contents: PolicyContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only the app's own pages may call the main process over IPC. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl);
}
