// STUB: the CLI bundle (build/cascade.js), written by the CLI work.
export async function buildCli() {}
