// dist/help.html, what Extensions → Cascade → Help shows: the user's sections of docs/add-on.md
// (what a manager can do; help, errors and multiple accounts) turned into one page at build time,
// so the help is written once, in the guide, and needs no public site.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Marked } from 'marked';

/** The guide's sections a user reads; the rest (installing, permissions, internals) is for developers. */
export const HELP_SECTIONS = ['What a manager can do', 'Help, errors and multiple accounts'];

const STYLE =
  'body{font:13px/1.45 Roboto,Arial,sans-serif;color:#1f1f1f;margin:0 8px}h2{font-size:15px;margin:16px 0 4px}' +
  'h3{font-size:14px;margin:14px 0 4px}table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #dadce0;' +
  'padding:3px 6px;text-align:left;vertical-align:top}a{color:#0b57d0}code{font-size:12px}ul{padding-left:18px}';

/** The level-2 sections of `markdown` with these titles, in the order given (a missing one is an error). */
export function sectionsOf(markdown, titles) {
  const parts = markdown.split(/^(?=## )/m);
  return titles.map((title) => {
    const part = parts.find((p) => p.startsWith(`## ${title}\n`));
    if (part === undefined) throw new Error(`docs/add-on.md has no section "## ${title}" for the Help page.`);
    return part.trimEnd();
  });
}

const marked = new Marked({
  gfm: true,
  renderer: {
    // Links to Google's pages open in a new tab; the guide's links to its neighbours (rules.md…)
    // lead nowhere from inside a spreadsheet, so only their text is kept.
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      return /^https:\/\//.test(href) ? `<a href="${href}" target="_blank" rel="noopener">${text}</a>` : text;
    },
  },
});

export async function helpPage(root) {
  const guide = await readFile(path.join(root, 'docs/add-on.md'), 'utf8');
  const body = marked.parse(sectionsOf(guide, HELP_SECTIONS).join('\n\n'));
  return `<!DOCTYPE html>\n<html><head><base target="_top"><meta charset="utf-8"><style>${STYLE}</style></head><body>\n${body}</body></html>\n`;
}
