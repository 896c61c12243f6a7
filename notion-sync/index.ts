// The Notion mirror: plan → desired Notion state → diff → minimal API calls.
export { buildMirror, mirrorFrom, keyOf } from './mirror.js';
export type { MirrorOptions } from './mirror.js';
export { syncMirror, MASS_TRASH } from './sync.js';
export type { SyncOptions, SyncProgress } from './sync.js';
export { NotionApi, NOTION_VERSION, DEFAULT_BASE_URL, DEFAULT_RETRY } from './api.js';
export type { NotionApiOptions, RetryOptions, CallStats } from './api.js';
export { NOTION_RATE, TokenBucket } from './limiter.js';
export type { LimiterOptions } from './limiter.js';
export { SyncError, missingToken, parentNotFound, redact, SHARE_HINT } from './errors.js';
export { formatDryRun, formatSummary } from './format.js';
export { PROPERTIES, CASCADE_ID, TITLE, databaseTitle, PULLED_KEYS } from './schema.js';
export { MAX_TEXT, PIECE_LENGTH } from './text.js';
export { checkPlanKey } from './marker.js';
export type { PlanIdentity } from './marker.js';
export { recordText } from './pull.js';
export type { PulledValue, PulledField } from './pull.js';
export type * from './types.js';
