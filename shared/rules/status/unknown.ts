import { STATUSES } from '../../statuses.js';
import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { brokenFormulaHint, isSpreadsheetError, quote } from '../text.js';

export const meta = defineMeta({
  id: 'status/unknown',
  severity: 'warning',
  label: 'unknown status',
  description: 'Status holds a word Cascade does not read as a status',
  appliesTo: 'all rows with a Status',
  fix: 'Use one of Not started, On track, At risk, Off track, Done, Paused, Dropped (or a common synonym).',
  docs: `- **Fires when** Status is filled in but is not a status Cascade reads, so the row counts as
  having no status: a Done row would count as unfinished work. Cascade reads the seven statuses in
  any case, and the words people use for them, in English, Spanish, German and French:
  - **Done:** Complete, Completed, Finished, Achieved, Closed, Delivered, Shipped, Target met,
    ✅; Hecho, Completado, Terminado, Cumplido; Erledigt, Fertig, Abgeschlossen; Terminé, Fait, Atteint;
  - **On track:** In progress, WIP, Ongoing, Started, Active, Green, 🟢; En curso, En progreso;
    In Arbeit, In Bearbeitung; En cours;
  - **At risk:** atRisk, Behind, Delayed, Partial, Amber, Yellow, 🟡, 🟠; En riesgo, Retrasado;
    Gefährdet, Im Verzug; À risque, En retard;
  - **Off track:** offTrack, Blocked, Stuck, Missed, Red, 🔴; Bloqueado; Blockiert; Bloqué;
  - **Paused:** On hold, Deferred, Postponed, Waiting, ⏸; En pausa, En espera; Pausiert; En pause, En attente;
  - **Dropped:** Cancelled, Canceled, Abandoned, Descoped, Won't do; Cancelado, Descartado;
    Abgebrochen, Verworfen; Annulé, Abandonné;
  - **Not started:** To do, Planned, Backlog, Open, Pending, ⚪; Por hacer, Pendiente; Offen, Geplant; À faire.

  camelCase and snake_case (\`atRisk\`, \`off_track\`) and a note after the word (\`Done — target met\`,
  \`Complete (3/5)\`, \`🟡 58%\`) are read too; a percent after the status is the progress the plan
  shows (see *manual progress* in docs/progress.md).
- **Fix:** use one of the seven statuses (the template's dropdown lists them) or one of the words above.`,
});

export function check(_ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (item.status !== null || item.statusText === '') return;
  if (isSpreadsheetError(item.statusText)) {
    out.add(
      meta,
      `Status ${quote(item.statusText)} is a spreadsheet error, so the row is read as having no status.`,
      brokenFormulaHint(item.statusText, 'pick a status'),
      'status',
    );
    return;
  }
  out.add(
    meta,
    `Status ${quote(item.statusText)} is not a status Cascade knows, so the row is read as having no status.`,
    `Use one of: ${STATUSES.join(', ')} (words such as "In progress", "Complete", "On hold" or "Cancelled" are read too).`,
    'status',
  );
}
