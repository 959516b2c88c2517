import { runCli } from './main';

// The bundled CLI's entry (dist/node/cli.mjs); electron/cli/bin.mjs loads it.
const code = await runCli(process.argv.slice(2));
// Let stdout drain before leaving; `serve` never gets here.
process.exitCode = code;
