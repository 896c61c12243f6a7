// The local Notion API emulator: start it, point the client's baseUrl (NOTION_BASE_URL) at its url.
export { NotionEmulator, startEmulator, API_VERSION } from './server.js';
export type { EmulatorOptions, Fault, LogEntry } from './server.js';
export { database, databasesUnder, liveRows, rowsOf } from './inspect.js';
export type { DatabaseView, PlainValue, Row } from './inspect.js';
export { PAGE_RELATION_LIMIT } from './values.js';
