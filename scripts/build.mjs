// One build for every runtime: each part lives in its own file beside this one.
import { buildCli } from './build-cli.mjs';
import { buildAddon } from './build-addon.mjs';

await Promise.all([buildCli(), buildAddon()]);
