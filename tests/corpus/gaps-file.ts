// Writes tests/corpus/known-gaps.ts from what the corpus gives today: every expectation Cascade
// does not meet, with why (the error, or what Cascade gave). Run after the reading changes
// (`node --import tsx bench/corpus.ts --write-gaps`), then read the diff: a gap that left the
// list is a fix, a new one is a regression to look at before committing.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { TableExpectation } from './expectations.js';
import type { TableResult } from './evaluate.js';
import { gapKey } from './known-gaps.js';

export const KNOWN_GAPS_FILE = fileURLToPath(new URL('./known-gaps.ts', import.meta.url));

const HEAD = `// Expectations of the real-plan corpus that Cascade does not meet yet, each with the reason.
// The corpus test runs these as it.fails (so one that starts to pass turns red and must leave this
// list); bench/corpus.ts counts them. Keys: "<file> :: <check id>" (see evaluate.ts). Written by
// \`node --import tsx bench/corpus.ts --write-gaps\` (tests/corpus/gaps-file.ts); review the diff.
export const gapKey = (file: string, checkId: string): string => \`\${file} :: \${checkId}\`;
`;

function reason(expectation: TableExpectation, result: TableResult, checkId: string, got: string): string {
  if (!result.loaded && expectation.loads) {
    return checkId === 'loads'
      ? `does not load as written: ${firstSentence(result.error ?? '')} ${foundColumns(result.error ?? '')}`.trim()
      : 'the table does not load';
  }
  if (!result.loaded) return `the error says: ${firstSentence(result.error ?? '')}`;
  if (checkId === 'no false errors') return `false errors: ${falseErrorRules(result)}`;
  return `got ${got}`.slice(0, 160);
}

/** The error's "Found A "Date", B "Label"." sentence: which headers the reader did not recognise. */
function foundColumns(text: string): string {
  return (/Found [^.]*\./.exec(text)?.[0] ?? '').slice(0, 160);
}

function firstSentence(text: string): string {
  const sentence = /^.*?\.(\s|$)/.exec(text)?.[0].trim() ?? text;
  return sentence.slice(0, 160);
}

function falseErrorRules(result: TableResult): string {
  const counts = new Map<string, number>();
  for (const f of result.falseErrors) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => (n === 1 ? rule : `${rule} ×${n}`)).join(', ');
}

export async function writeKnownGaps(
  corpus: readonly TableExpectation[],
  results: readonly TableResult[],
): Promise<number> {
  const lines: string[] = [];
  let count = 0;
  results.forEach((result, i) => {
    const failing = result.checks.filter((c) => !c.ok);
    if (failing.length === 0) return;
    lines.push(`  // ${result.file}`);
    for (const c of failing) {
      lines.push(
        `  ${JSON.stringify(gapKey(result.file, c.id))}: ${JSON.stringify(reason(corpus[i], result, c.id, c.got))},`,
      );
      count++;
    }
  });
  const text = `${HEAD}\nexport const KNOWN_GAPS: Readonly<Record<string, string>> = {\n${lines.join('\n')}\n};\n`;
  const options = (await resolveConfig(KNOWN_GAPS_FILE)) ?? {};
  await writeFile(KNOWN_GAPS_FILE, await format(text, { ...options, filepath: KNOWN_GAPS_FILE }));
  return count;
}
