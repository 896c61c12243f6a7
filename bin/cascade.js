#!/usr/bin/env node
// The `cascade` command: a shim that loads the bundle built by `npm run build`.
try {
  await import('../build/cascade.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('build/cascade.js')) {
    console.error('cascade: the command is not built yet; run `npm run build` first.');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
