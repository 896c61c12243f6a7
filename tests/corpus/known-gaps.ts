// Expectations of the real-plan corpus that Cascade does not meet yet, each with the reason.
// The corpus test runs these as it.fails (so one that starts to pass turns red and must leave this
// list); bench/corpus.ts counts them. Keys: "<file> :: <check id>" (see evaluate.ts). Written by
// `node --import tsx bench/corpus.ts --write-gaps` (tests/corpus/gaps-file.ts); review the diff.
export const gapKey = (file: string, checkId: string): string => `${file} :: ${checkId}`;

export const KNOWN_GAPS: Readonly<Record<string, string>> = {
  // bardo-milestones.csv
  'bardo-milestones.csv :: Birthday party → due': 'got 2025-12-31',
  'bardo-milestones.csv :: Spin 5 webs with consistent voltage → due': 'got 2025-12-31',
  // allyio-goals-export.csv
  'allyio-goals-export.csv :: Test Goal 1 → progress': 'got 0',
  'allyio-goals-export.csv :: no false errors': 'false errors: progress/bad-number',
  // greenops-kpi-framework.csv
  'greenops-kpi-framework.csv :: loads':
    "does not load as written: Row 1 is not a plan header: no column holds the rows' titles.",
  'greenops-kpi-framework.csv :: item count': 'the table does not load',
  'greenops-kpi-framework.csv :: Carbon → level': 'the table does not load',
  'greenops-kpi-framework.csv :: Carbon → parent': 'the table does not load',
  'greenops-kpi-framework.csv :: Scope 2 Emissions Reduction → level': 'the table does not load',
  'greenops-kpi-framework.csv :: Scope 2 Emissions Reduction → parent': 'the table does not load',
  'greenops-kpi-framework.csv :: Scope 2 Emissions Reduction → progress': 'the table does not load',
  'greenops-kpi-framework.csv :: Scope 3 Emissions Reduction → level': 'the table does not load',
  'greenops-kpi-framework.csv :: Scope 3 Emissions Reduction → parent': 'the table does not load',
  'greenops-kpi-framework.csv :: Reserved Instance Coverage → level': 'the table does not load',
  'greenops-kpi-framework.csv :: Reserved Instance Coverage → parent': 'the table does not load',
  'greenops-kpi-framework.csv :: CSRD Report Accuracy → level': 'the table does not load',
  'greenops-kpi-framework.csv :: CSRD Report Accuracy → parent': 'the table does not load',
  'greenops-kpi-framework.csv :: CSRD Report Accuracy → progress': 'the table does not load',
  'greenops-kpi-framework.csv :: Mean Time to Optimization → level': 'the table does not load',
  'greenops-kpi-framework.csv :: Mean Time to Optimization → parent': 'the table does not load',
  'greenops-kpi-framework.csv :: Mean Time to Optimization → progress': 'the table does not load',
  'greenops-kpi-framework.csv :: Deployment Frequency → level': 'the table does not load',
  'greenops-kpi-framework.csv :: Deployment Frequency → parent': 'the table does not load',
  'greenops-kpi-framework.csv :: Deployment Frequency → progress': 'the table does not load',
  'greenops-kpi-framework.csv :: no false errors': 'the table does not load',
  // okr-replit-objectives.csv
  'okr-replit-objectives.csv :: loads':
    "does not load as written: Row 1 is not a plan header: no column holds the rows' titles.",
  'okr-replit-objectives.csv :: item count': 'the table does not load',
  'okr-replit-objectives.csv :: Terminar o app de okr → parent': 'the table does not load',
  'okr-replit-objectives.csv :: Terminar o app de okr → owner': 'the table does not load',
  'okr-replit-objectives.csv :: formar economista → parent': 'the table does not load',
  'okr-replit-objectives.csv :: formar economista → owner': 'the table does not load',
  'okr-replit-objectives.csv :: no false errors': 'the table does not load',
  // pmstreamlit-milestone-reports.csv
  'pmstreamlit-milestone-reports.csv :: no false errors': 'false errors: time-bound/no-due-date',
  // indrox-okrs-2026.csv
  'indrox-okrs-2026.csv :: Crecimiento Rentable y Controlado → level': 'got none (typed "")',
  'indrox-okrs-2026.csv :: Margen neto → parent': 'got top level',
  'indrox-okrs-2026.csv :: Tener un roadmap claro → parent': 'got top level',
  'indrox-okrs-2026.csv :: Ecosistema y Spin-offs Operativos → level': 'got none (typed "")',
  'indrox-okrs-2026.csv :: Reducción de dependencias críticas → parent': 'got top level',
  'indrox-okrs-2026.csv :: no false errors': 'false errors: structure/unknown-level',
  // mywealth-jira-tickets.csv
  'mywealth-jira-tickets.csv :: loads':
    "does not load as written: Row 1 is not a plan header: no column holds the rows' titles.",
  'mywealth-jira-tickets.csv :: item count': 'the table does not load',
  'mywealth-jira-tickets.csv :: Implement Action Menu for Agreement Approval/Decline in Dashboard → parent':
    'the table does not load',
  'mywealth-jira-tickets.csv :: Implement Action Menu for Agreement Approval/Decline in Dashboard → done':
    'the table does not load',
  'mywealth-jira-tickets.csv :: Implement Action Menu for Agreement Approval/Decline in Dashboard → status':
    'the table does not load',
  'mywealth-jira-tickets.csv :: test2 → parent': 'the table does not load',
  'mywealth-jira-tickets.csv :: test2 → status': 'the table does not load',
  'mywealth-jira-tickets.csv :: no false errors': 'the table does not load',
};
