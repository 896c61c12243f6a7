// STUB: the add-on bundle (dist/Code.js, dist/sidebar.html, dist/appsscript.json), written by the add-on work.
export async function buildAddon() {}
