import path from 'node:path';
import os from 'node:os';
import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import { Backend } from '../../backend/backend';
import { startDevhost } from '../../devhost/server';
import { printLine } from '../output';
import { userSettingsDir } from '../session';
import { rendererDir } from '../../devhost/paths';

/** The default projects folder in browser mode. */
export function defaultDataDir(): string {
  return path.join(os.homedir(), 'Stige');
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the app and the API on 127.0.0.1 for a browser (prints the address with its access token).')
    .argument('[file.stige]', 'a project to open at once')
    .option('--data-dir <dir>', 'the projects folder the browser may use', defaultDataDir())
    .option('--port <N>', 'the port (default: any free port)', '0')
    .action(async (file: string | undefined, opts: { dataDir: string; port: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('VALIDATION', `--port must be a port number (got “${opts.port}”)`);
      const dataDir = path.resolve(opts.dataDir);
      const backend = new Backend({
        mode: 'browser',
        version: __STIGE_VERSION__,
        dataDir,
        // Settings beside the projects, so a test's fresh data folder starts a fresh user.
        settingsDir: process.env.STIGE_SETTINGS_DIR ?? (opts.dataDir === defaultDataDir() ? userSettingsDir() : path.join(dataDir, '.stige')),
      });
      if (file) backend.openProject(path.resolve(file));
      const host = await startDevhost({ backend, port, staticDir: rendererDir() });
      printLine(`Stige is serving ${dataDir}`);
      printLine(`Open ${host.url}`);
      const stop = () => {
        void host.close().then(() => {
          backend.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => {});
    });
}
