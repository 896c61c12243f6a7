// Users as Notion shows them: people of the workspace, and the integration's bot.
import type { UserRec } from './model.js';

export function userObject(user: UserRec): Record<string, unknown> {
  const base = { object: 'user', id: user.id, name: user.name, avatar_url: null, type: user.type };
  return user.type === 'person'
    ? { ...base, person: user.email === undefined ? {} : { email: user.email } }
    : { ...base, bot: { owner: { type: 'workspace', workspace: true }, workspace_name: 'Acme' } };
}
