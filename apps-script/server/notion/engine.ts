// The Notion engine (apps-script/notion-engine) comes into Code.js as text, put there by the build,
// and is evaluated the first time an execution needs it: every other execution (the custom
// function, onEdit, the other tabs) parses only a string literal for it.
import type * as Engine from '../../notion-engine/index.js';

declare const NOTION_ENGINE_SOURCE: string;

export type NotionEngine = typeof Engine;

let loaded: NotionEngine | null = null;

export function notionEngine(): NotionEngine {
  if (loaded === null) {
    loaded = new Function(`${NOTION_ENGINE_SOURCE}\nreturn ${NOTION_ENGINE_GLOBAL};`)() as NotionEngine;
  }
  return loaded;
}

/** The global the engine's bundle assigns (scripts/build-addon.mjs builds it under this name). */
const NOTION_ENGINE_GLOBAL = 'CascadeNotion';
