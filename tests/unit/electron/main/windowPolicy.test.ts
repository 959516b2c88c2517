import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appResponseHeaders, applyWindowPolicy, isAppUrl, isTrustedSender, secureWebPreferences, type PolicyContents } from '../../../../electron/main/windowPolicy';
import { CONTENT_SECURITY_POLICY } from '../../../../shared/security/csp';
import { menuTemplate } from '../../../../electron/main/menu';

describe('the window security policy', () => {
  it('isolates and sandboxes every window, with no Node in the page', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('serves the app with a strict CSP', () => {
    const headers = appResponseHeaders('text/html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('blocks new windows, navigation away from the app and webviews', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      setWindowOpenHandler: (h: (details: { url: string }) => { action: string }) => {
        openHandler = h;
      },
      on: (name: string, h: (event: { preventDefault(): void }, url?: string) => void) => {
        handlers.set(name, h);
        return contents;
      },
    } as unknown as PolicyContents;
    applyWindowPolicy(contents);
    expect(openHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    const navigate = (url: string) => {
      let prevented = false;
      handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${APP_ORIGIN}/index.html`)).toBe(false);
    let webview = false;
    handlers.get('will-attach-webview')!({ preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
    expect(handlers.has('will-redirect')).toBe(true);
  });

  it('trusts IPC only from the app origin', () => {
    expect(isAppUrl('app://stige/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:3000/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('offers File, Edit, View and Help with the usual shortcuts', () => {
    const sent: string[] = [];
    const template = menuTemplate((c) => sent.push(c), false);
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    const file = template[0]!.submenu as { label?: string; accelerator?: string; click?: () => void }[];
    expect(file.find((i) => i.label === 'Open Project…')?.accelerator).toBe('CmdOrCtrl+O');
    file.find((i) => i.label === 'Open Project…')!.click!();
    const edit = template[1]!.submenu as { label?: string; accelerator?: string; click?: () => void }[];
    edit.find((i) => i.label === 'Undo')!.click!();
    expect(sent).toEqual(['openProject', 'undo']);
    expect(edit.find((i) => i.label === 'Undo')).toMatchObject({ enabled: false });
    const labelled = menuTemplate(() => {}, false, { undo: 'Code “Vi prøver” as “Prøving”', redo: null })[1]!.submenu as { label?: string; enabled?: boolean }[];
    expect(labelled[0]).toMatchObject({ label: 'Undo Code “Vi prøver” as “Prøving”', enabled: true });
    expect(labelled[1]).toMatchObject({ label: 'Redo', enabled: false });
  });
});
