// Runs the emulator by hand: `npx tsx tests/notion/emulator/serve.ts` prints what to export, then
// `cascade sync plan.csv --parent <page>` talks to it. Ctrl-C stops it.
import { startEmulator } from './server.js';

const emu = await startEmulator({
  rateLimit: process.env.RATE ? { rate: Number(process.env.RATE), burst: 10 } : undefined,
});
const parent = emu.model.addPage('Company plan');
console.log(`export NOTION_BASE_URL=${emu.url} NOTION_TOKEN=${emu.token}\nparent page: ${parent}`);
if (process.env.UNSHARED) console.log(`unshared page: ${emu.model.addPage('Private', { shared: false })}`);
