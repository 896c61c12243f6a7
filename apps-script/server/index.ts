// The bundle's entry: every function Apps Script calls by name. The build bundles this file into
// one IIFE (global `Cascade`) and writes a top-level stub for each export, so Apps Script finds
// onOpen, the menu handlers, the google.script.run targets and the custom function by name.
// Nothing here or in the modules it imports may call a service at load time (AuthMode.NONE).
export {
  onOpen,
  onInstall,
  menuOpenSidebar,
  menuInsertTemplate,
  menuCheckPlan,
  menuUpdateProgress,
  menuHelp,
  menuAbout,
  menuFeedback,
} from './menu.js';
export { onEdit } from './live-check.js';
export { CASCADE_PROGRESS } from './custom-function.js';
export {
  apiGetState,
  apiSaveSettings,
  apiCheck,
  apiFixIds,
  apiProgress,
  apiInsertTemplate,
  apiSelect,
  apiReplan,
  apiMapping,
  apiSaveMapping,
  apiConvert,
  apiNotionState,
  apiNotionConnect,
  apiNotionTest,
  apiNotionDisconnect,
  apiNotionMirror,
  apiNotionSchedule,
} from './api.js';
export { notionTimer } from './notion/notion-api.js';
