// Notion's failures in the sidebar's words: the mirror's messages speak to the command's users
// (NOTION_TOKEN, --parent, --force); here the same advice points at the Notion tab.
import type { EngineFailure } from '../../notion-engine/index.js';

const SECRET_WHERE = 'notion.so/profile/integrations → your integration → Internal Integration Secret';

export function sidebarMessage(failure: EngineFailure): string {
  switch (failure.kind) {
    case 'token-invalid':
      return `The secret has a character a Notion secret never has. Copy it again (${SECRET_WHERE}) and paste it under Connect.`;
    case 'unauthorized':
      return `Notion refused the secret (401). Paste the current secret of your integration (${SECRET_WHERE}) under Connect.`;
    case 'parent-not-found':
      return (
        'Notion cannot find the page, or it is not shared with your integration. In Notion, open the page, click ••• (top right) → ' +
        'Connections → add your integration, then press Test connection.'
      );
    case 'parent-trashed':
      return "The page is in Notion's trash, so nothing can be added under it. Restore it (Notion → Trash → Restore), or paste another page's link.";
    case 'mass-trash':
      return failure.message.replace(
        / If that is what you want.*?(?= Nothing was changed|$)/,
        ' Is the right plan sheet open?',
      );
    default:
      return failure.message
        .replace(/NOTION_TOKEN/g, 'the secret')
        .replace(/run sync again/g, 'mirror again')
        .replace(/ \(and NOTION_BASE_URL, if set\)/g, '');
  }
}

/** The mirror's notes, with the command's advice turned into the sidebar's. */
export function sidebarWarning(text: string): string {
  return text.replace(
    /fill blank IDs with "cascade progress FILE --write", then sync again/,
    'Fix IDs in the Check tab gives it one',
  );
}
