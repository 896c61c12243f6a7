import type { ColumnKey, ColumnMappingView, MappingField, MappingResponse } from '../../protocol.js';
import { columnLetter } from '../../../shared/columns.js';
import { reportError, running, showSheetLine } from '../app.js';
import type { App } from '../app.js';
import { byId, fill, h, say } from '../dom.js';
import { plural } from '../../../shared/format.js';
import { call, unwrap } from '../rpc.js';
import { runCheck } from './check.js';

// "Use this sheet": a form mapping each plan field to a column of the sheet (Cascade's guesses
// first), a preview of the first rows as Cascade will read them, Save (then Check), and Convert to
// a plan (Cascade's own layout, in a new sheet). It replaces the Check tab's content while open.

/** Fields shown first; the others are under "More fields". */
const MAIN_FIELDS: readonly ColumnKey[] = ['title', 'level', 'id', 'parent', 'owner', 'target', 'current', 'dueDate'];

let current: MappingResponse | null = null;

export function setUpMapping(app: App): void {
  byId('mapping-save').addEventListener('click', () => void save(app));
  byId('mapping-convert').addEventListener('click', () => void convert(app));
  byId('mapping-forget').addEventListener('click', () => void forget(app));
  byId('mapping-close').addEventListener('click', () => closeMapping());
}

/** Opens the form on the active sheet (or `sheet`), starting from the saved mapping or Cascade's guesses. */
export async function openMapping(app: App, sheet: string | null = null): Promise<void> {
  app.showTab('check');
  byId('check-main').hidden = true;
  const view = byId('mapping');
  view.hidden = false;
  const message = byId('mapping-message');
  fill(message);
  try {
    render(app, unwrap(await call('apiMapping', { sheet, columns: null })));
    byId<HTMLSelectElement>('mapping-fields').querySelector('select')?.focus();
  } catch (error) {
    reportError(app, message, error);
  }
}

export function closeMapping(): void {
  byId('mapping').hidden = true;
  byId('check-main').hidden = false;
}

function render(app: App, mapping: MappingResponse): void {
  current = mapping;
  fill(byId('mapping-sheet'), `Sheet “${mapping.sheet}”, headers in row ${mapping.headerRow}`);
  const main = mapping.fields.filter((f) => MAIN_FIELDS.includes(f.key));
  const more = mapping.fields.filter((f) => !MAIN_FIELDS.includes(f.key));
  const mappedMore = more.filter((f) => f.header !== null).length;
  fill(
    byId('mapping-fields'),
    ...main.map((f) => fieldRow(app, mapping, f)),
    h(
      'details',
      { className: 'more-fields' },
      h('summary', {}, `More fields${mappedMore > 0 ? ` (${mappedMore} mapped)` : ''}`),
      ...more.map((f) => fieldRow(app, mapping, f)),
    ),
  );
  fill(byId('mapping-reading'), ...mapping.reading.map((line) => h('li', {}, line)));
  renderPreview(mapping);
  byId('mapping-forget').hidden = !mapping.saved;
}

function fieldRow(app: App, mapping: MappingResponse, field: MappingField): HTMLElement {
  const id = `map-${field.key}`;
  const select = h('select', { attrs: { id, 'data-field': field.key } });
  select.append(h('option', { attrs: { value: '' } }, field.required ? '— choose a column —' : '— none —'));
  mapping.headers.forEach((header, col) => {
    if (header === '') return;
    select.append(h('option', { attrs: { value: header } }, `${columnLetter(col)} · ${header}`));
  });
  select.value = field.header ?? '';
  const guess = field.guessed && field.header !== null ? h('span', { className: 'guess' }, 'guessed') : null;
  select.addEventListener('change', () => {
    guess?.remove(); // the person's choice now, not a guess
    void preview(app);
  });
  return h(
    'label',
    { className: 'map-field', attrs: { for: id } },
    h(
      'span',
      { className: 'map-label' },
      field.label,
      field.required ? h('span', { className: 'required', attrs: { 'aria-label': 'required' } }, ' *') : null,
    ),
    select,
    guess,
  );
}

function renderPreview(mapping: MappingResponse): void {
  const problem = byId('mapping-problem');
  problem.hidden = mapping.problem === null;
  fill(problem, mapping.problem ?? '');
  const list = byId('mapping-preview');
  if (mapping.preview.length === 0) {
    fill(
      list,
      h(
        'li',
        { className: 'empty' },
        mapping.problem === null ? 'No rows under the header yet.' : 'No preview until the sheet can be read.',
      ),
    );
  } else {
    fill(
      list,
      ...mapping.preview.map((row) =>
        h(
          'li',
          { className: 'preview-row' },
          h(
            'span',
            { className: 'row-label' },
            `Row ${row.row}`,
            row.id ? h('span', { className: 'id' }, row.id) : null,
            h('span', {}, row.level || 'no level'),
            row.parent ? h('span', {}, `under ${row.parent}`) : null,
          ),
          h('span', { className: 'title' }, row.title || '(no title)'),
          row.owner ? h('span', { className: 'owner' }, row.owner) : null,
        ),
      ),
    );
  }
  const blocked = mapping.problem !== null;
  byId<HTMLButtonElement>('mapping-save').disabled = blocked;
  byId<HTMLButtonElement>('mapping-convert').disabled = blocked;
}

/** The mapping the form shows. */
function formColumns(): ColumnMappingView {
  const columns: ColumnMappingView = {};
  for (const select of Array.from(byId('mapping-fields').querySelectorAll<HTMLSelectElement>('select[data-field]'))) {
    if (select.value !== '') columns[select.dataset.field as ColumnKey] = select.value;
  }
  return columns;
}

async function preview(app: App): Promise<void> {
  if (current === null) return;
  try {
    const next = unwrap(await call('apiMapping', { sheet: current.sheet, columns: formColumns() }));
    current = { ...next, saved: current.saved };
    // The selects keep what the person chose; the guesses, the reading and the preview follow it.
    fill(byId('mapping-reading'), ...next.reading.map((line) => h('li', {}, line)));
    renderPreview(next);
  } catch (error) {
    reportError(app, byId('mapping-message'), error);
  }
}

async function save(app: App): Promise<void> {
  if (current === null) return;
  const sheet = current.sheet;
  await running(byId<HTMLButtonElement>('mapping-save'), 'Saving…', async () => {
    try {
      app.state = unwrap(await call('apiSaveMapping', { sheet, columns: formColumns() }));
      showSheetLine(app.state.sheet.name, app.state.sheet.isPlan);
      closeMapping();
    } catch (error) {
      reportError(app, byId('mapping-message'), error);
      return;
    }
  });
  if (byId('mapping').hidden) await runCheck(app, sheet);
}

async function forget(app: App): Promise<void> {
  if (current === null) return;
  const sheet = current.sheet;
  await running(byId<HTMLButtonElement>('mapping-forget'), 'Forgetting…', async () => {
    try {
      app.state = unwrap(await call('apiSaveMapping', { sheet, columns: null }));
      render(app, unwrap(await call('apiMapping', { sheet, columns: null })));
      say(byId('mapping-message'), 'good', 'Forgotten: Cascade reads the sheet by its headers again.');
    } catch (error) {
      reportError(app, byId('mapping-message'), error);
    }
  });
}

async function convert(app: App): Promise<void> {
  if (current === null) return;
  const sheet = current.sheet;
  await running(byId<HTMLButtonElement>('mapping-convert'), 'Converting…', async () => {
    try {
      const result = unwrap(await call('apiConvert', { sheet, columns: formColumns() }));
      say(
        byId('mapping-message'),
        'good',
        h(
          'p',
          {},
          `Wrote ${plural(result.rows, 'row')} as a Cascade plan into the new sheet “${result.sheet}”. “${result.source}” is unchanged.`,
        ),
      );
      await app.refreshState();
    } catch (error) {
      reportError(app, byId('mapping-message'), error);
    }
  });
}
