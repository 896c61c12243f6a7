// Expectations of the real-plan corpus that Cascade does not meet yet, each with the reason.
// The corpus test runs these as it.fails (so one that starts to pass turns red and must leave this
// list); bench/corpus.ts counts them. Keys: "<file> :: <check id>" (see evaluate.ts). Written by
// `node --import tsx bench/corpus.ts --write-gaps` (tests/corpus/gaps-file.ts); review the diff.
export const gapKey = (file: string, checkId: string): string => `${file} :: ${checkId}`;

export const KNOWN_GAPS: Readonly<Record<string, string>> = {
  // bardo-milestones.csv
  'bardo-milestones.csv :: no false errors': 'false errors: time-bound/bad-date',
  // odooai-okrs-kickoff.csv
  'odooai-okrs-kickoff.csv :: Knowledge Graphs generes pour N modules Odoo 17 → progress': 'got 0',
  'odooai-okrs-kickoff.csv :: Temps de deploy staging < 5 minutes → progress': 'got 0',
};
