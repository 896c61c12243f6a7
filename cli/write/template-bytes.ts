import { computeProgressValues, readPlan, type TemplateSpec } from '../../shared/index.js';
import { templateCsv } from './csv-template.js';
import { templateWorkbook } from './xlsx-template.js';

/** A template spec (a new template, or a converted plan) as the bytes of an .xlsx or .csv file. */
export async function templateBytes(spec: TemplateSpec, kind: '.xlsx' | '.csv'): Promise<Buffer> {
  if (kind === '.csv') return templateCsv(spec);
  const workbook = await templateWorkbook(spec, formulaResults(spec));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The core's progress of each row: the cached value of its live formula, as a spreadsheet would compute it. */
function formulaResults(spec: TemplateSpec): (row: number) => number | null {
  if (spec.rows.length === 0) return () => null;
  const plan = readPlan({ header: spec.header, rows: spec.rows }, { framework: spec.framework.id });
  const values = computeProgressValues(plan);
  const byRow = new Map(plan.items.map((item, i) => [item.row, values[i]]));
  return (row) => byRow.get(row) ?? null;
}
