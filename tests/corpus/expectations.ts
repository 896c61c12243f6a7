// What a manager should get from each real planning table in tests/fixtures/real/ (SOURCES.md
// says where each came from). These describe the MANAGER's reading of the table, not what Cascade
// does today: an expectation Cascade does not meet yet is listed in known-gaps.ts, never weakened.
import type { LevelName, RuleId, Status } from '../../shared/index.js';

/** One item of the plan, found by text its title contains (case-insensitive, first match). */
export interface ItemExpectation {
  title: string;
  /** The level the author means. */
  level?: LevelName;
  /** Title text of the item it belongs to; null: a top-level item. */
  parent?: string | null;
  /** The Status cell as meant: done or not done. */
  done?: boolean;
  /** The pace-independent status the cell means, where it names one. */
  status?: Status;
  /** Progress as the author meant it (fraction 0..1); null: unknown, never 0 % or 100 %. */
  progress?: number | null;
  /** Due date the author meant (YYYY-MM-DD). */
  due?: string;
  /** The accountable person as written. */
  owner?: string;
}

export interface TableExpectation {
  /** File name in tests/fixtures/real/. */
  file: string;
  /** The day to check against (the plan's own time, so overdue and pace mean something). */
  today: string;
  /** A manager expects the table to be read as a plan as written (no hand edits, no mapping). */
  loads: boolean;
  /** When it cannot load: text the one error should contain (it names what was found). */
  errorMentions?: string[];
  /** Number of plan items (rows, plus objectives written only as a group in a side-by-side layout). */
  items?: number;
  expect: ItemExpectation[];
  /**
   * Errors that are TRUE defects of this plan, with how many findings a manager would accept
   * (a column the plan lacks is one finding for the plan, not one per row). Any other error, or
   * more than this, is a false error.
   */
  trueErrors: Partial<Record<RuleId, number>>;
  /**
   * Held out: added after the core was tuned on CORPUS, and never tuned on. Its figures measure
   * how the reading generalises; a miss here is recorded as a known gap, not fixed against.
   */
  holdout?: true;
}

export const CORPUS: readonly TableExpectation[] = [
  {
    // quarter,category,id,title,lead,date,people,progress: a lab's milestone list with ranges,
    // months without a year, quarters (Q425 = Q4 2025) and its own progress column.
    file: 'bardo-milestones.csv',
    today: '2025-11-15',
    loads: true,
    items: 25,
    expect: [
      { title: 'Consistent SPEEK for electrospinning', progress: 0.6, owner: 'Allison' },
      { title: 'Redwood samples', progress: 1 },
      { title: 'Birthday party', progress: 1, due: '2025-10-15' },
      { title: 'Receive cast SPEEK roll', progress: 0 },
      { title: 'Spin 5 webs with consistent voltage', due: '2025-11-30' },
      { title: 'Make 20×30 cm² junction', due: '2025-12-31' },
      { title: 'Identify R2R lamination vendors', due: '2026-03-31' },
    ],
    // "—" in the date column: eleven milestones truly have no date.
    trueErrors: { 'time-bound/no-due-date': 11 },
  },
  {
    // name,description,rag,date,shape,swimlane: RAG colours are the status.
    file: 'milestone-tracker-milestones.csv',
    today: '2026-06-15',
    loads: true,
    items: 12,
    expect: [
      { title: 'Project Kickoff', status: 'On track', due: '2026-01-12', parent: null },
      { title: 'Architecture Approved', status: 'At risk' },
      { title: 'Vendor Contract Signed', status: 'Off track' },
      { title: 'Go-Live', due: '2026-10-05' },
    ],
    trueErrors: { 'owner/missing': 1 },
  },
  {
    // name,description,date,,: dates written "Jan 9, 2025", a note ("estimated") in an unnamed column.
    file: 'numfocus-ed-hiring-milestones.csv',
    today: '2025-06-01',
    loads: true,
    items: 16,
    expect: [
      { title: 'Hiring committee chartered', due: '2025-01-09', parent: null },
      { title: 'Public release of the application for ED', due: '2025-04-03' },
      { title: 'Short list finalized', due: '2025-06-10' },
      { title: 'New ED start date', due: '2025-08-18' },
    ],
    trueErrors: { 'owner/missing': 1 },
  },
  {
    // An Ally.io goals export: Title, Owner, Start Date/End Date, Target, Progress %, Status "Behind".
    file: 'allyio-goals-export.csv',
    today: '2022-06-01',
    loads: true,
    items: 1,
    expect: [{ title: 'Test Goal 1', parent: null, done: false, progress: 0.31, due: '2022-12-31' }],
    // "Technical Services" is a team, not one person.
    trueErrors: { 'owner/shared': 1 },
  },
  {
    // Side by side: Milestone written on its group's first row only, Objective per row, Status.
    file: 'backlog-milestones-template.csv',
    today: '2026-01-15',
    loads: true,
    items: 25,
    expect: [
      { title: 'Feature Alpha - User Authentication', parent: null },
      { title: 'Implement secure login flow', parent: 'Feature Alpha - User Authentication', done: false },
      { title: 'Create user session management system', parent: 'Feature Alpha - User Authentication', done: true },
      { title: 'Add password reset functionality', parent: 'Feature Alpha - User Authentication', done: false },
      { title: 'Design ETL architecture', parent: 'Feature Beta - Data Processing Pipeline', done: true },
      { title: 'Establish baseline performance metrics', parent: 'Platform Stability & Performance', done: true },
      { title: 'Create runbook documentation', parent: 'Production Readiness', done: false },
    ],
    // No Owner and no date column: one finding each for the plan.
    trueErrors: { 'owner/missing': 1, 'time-bound/no-due-date': 1 },
  },
  {
    // Markdown KPI table: Category on its group's first row, Target "≥ 30%", "< 5 min", "Weekly".
    file: 'greenops-kpi-framework.csv',
    today: '2025-12-11',
    loads: true,
    items: 13,
    expect: [
      { title: 'Carbon', level: 'Objective', parent: null },
      { title: 'Scope 2 Emissions Reduction', level: 'Key Result', parent: 'Carbon', progress: 0 },
      { title: 'Scope 3 Emissions Reduction', level: 'Key Result', parent: 'Carbon' },
      { title: 'Reserved Instance Coverage', level: 'Key Result', parent: 'Cost' },
      { title: 'CSRD Report Accuracy', level: 'Key Result', parent: 'Compliance', progress: 1 },
      { title: 'Mean Time to Optimization', level: 'Key Result', parent: 'Agility', progress: 1 },
      { title: 'Deployment Frequency', level: 'Key Result', parent: 'Agility', progress: null },
    ],
    // Teams and a system as owners; categories name no owner; no dates; "Weekly" is no number.
    trueErrors: {
      'owner/shared': 4,
      'owner/missing': 4,
      'time-bound/no-due-date': 1,
      'progress/bad-number': 1,
      'measurable/no-metric': 1,
    },
  },
  {
    // Portuguese: texto (the objective), responsavel (owner), data.
    file: 'okr-replit-objectives.csv',
    today: '2023-03-15',
    loads: true,
    items: 4,
    expect: [
      { title: 'Terminar o app de okr', owner: 'vinicius', parent: null },
      { title: 'formar economista', owner: 'vinicius', parent: null },
    ],
    trueErrors: { 'time-bound/no-due-date': 1 },
  },
  {
    // Every line is one quoted field: a spreadsheet shows one column. Not a plan as written; the
    // one error should say what was found.
    file: 'okr-healthscan-okrs.csv',
    today: '2025-08-01',
    loads: false,
    errorMentions: ['OKR_ID'],
    expect: [],
    trueErrors: {},
  },
  {
    // A status-report log: each milestone repeated per report date.
    file: 'pmstreamlit-milestone-reports.csv',
    today: '2022-12-29',
    loads: true,
    items: 24,
    expect: [{ title: 'Initiation' }, { title: 'Delivery1' }, { title: 'Baseline' }],
    // The log repeats IDs (a true problem for a plan: which row is current?); no owner column.
    trueErrors: { 'structure/duplicate-id': 15, 'owner/missing': 1 },
  },
  {
    // Node.js Community Committee OKRs (list converted side by side).
    file: 'nodejs-commcomm-okrs-2020.csv',
    today: '2020-06-01',
    loads: true,
    items: 17,
    expect: [
      { title: 'Bring more diverse perspectives to our work', level: 'Objective', parent: null },
      { title: 'Draft a growth path/succession plan', level: 'Key Result', parent: 'Bring more diverse perspectives' },
      { title: 'Add and retain 5 members', level: 'Key Result', parent: 'Bring more diverse perspectives' },
      {
        title: 'Publish 3 blog posts on How Node.js Operates',
        level: 'Key Result',
        parent: 'Positively affect the rest of the JavaScript Ecosystem',
      },
      { title: 'Run 3 AMAs', level: 'Key Result', parent: 'Create positively impactful content' },
      {
        title: 'Increase number of total active contributors by 3%',
        level: 'Key Result',
        parent: 'Grow, enhance, and support collaboration',
      },
    ],
    // No Owner, no dates, no Target column: one finding each for the plan.
    trueErrors: { 'owner/missing': 1, 'time-bound/no-due-date': 1, 'measurable/no-metric': 1 },
  },
  {
    file: 'impact-framework-okrs.csv',
    today: '2025-06-01',
    loads: true,
    items: 4,
    expect: [
      { title: 'grow an open source community', level: 'Objective', parent: null },
      { title: '30 individual contributors', level: 'Key Result', parent: 'grow an open source community' },
      { title: '20 case studies', level: 'Key Result', parent: 'get IF integrated' },
    ],
    trueErrors: { 'owner/missing': 1, 'time-bound/no-due-date': 1, 'measurable/no-metric': 1 },
  },
  {
    file: 'js-ipfs-okrs-2018q3.csv',
    today: '2018-08-01',
    loads: true,
    items: 16,
    expect: [
      { title: 'The Connectivity Magic story is figured out and solved', level: 'Objective', parent: null },
      { title: 'The DHT is enabled by default in js-ipfs', level: 'Key Result', parent: 'Connectivity Magic' },
      { title: 'A Daemon runs for 10 days without a crash', level: 'Key Result', parent: 'Daemon is as reliable' },
      { title: 'Cut CI testing time', level: 'Key Result', parent: 'New user/contributor experience' },
    ],
    trueErrors: { 'owner/missing': 1, 'time-bound/no-due-date': 1, 'measurable/no-metric': 1 },
  },
  {
    // Spanish: "OKR 1:" / "KR1.1:" prefixes in the Título cell, Owner on the OKR rows.
    file: 'indrox-okrs-2026.csv',
    today: '2026-03-01',
    loads: true,
    items: 30,
    expect: [
      { title: 'Crecimiento Rentable y Controlado', level: 'Objective', parent: null },
      { title: 'Margen neto', level: 'Key Result', parent: 'Crecimiento Rentable y Controlado' },
      { title: 'Tener un roadmap claro', level: 'Key Result', parent: 'Plataformas y Ofertas Repetibles' },
      { title: 'Ecosistema y Spin-offs Operativos', level: 'Objective', parent: null },
      { title: 'Reducción de dependencias críticas', level: 'Key Result', parent: 'Gobierno y Antifragilidad' },
    ],
    // Owners are roles joined ("Dirección / CEO."); key results name no owner; no dates, no Target.
    trueErrors: {
      'owner/shared': 5,
      'owner/missing': 25,
      'time-bound/no-due-date': 1,
      'measurable/no-metric': 1,
    },
  },
  {
    // German milestones: #, Meilenstein, Termin (20.10.2019), Status DONE / TODO / "33 %".
    file: 'lego-mars-rover-meilensteine.csv',
    today: '2019-11-19',
    loads: true,
    items: 7,
    expect: [
      {
        title: 'Basis-Installation und Konfiguration Raspberry Pi',
        level: 'Milestone',
        parent: null,
        done: true,
        due: '2019-10-20',
      },
      { title: 'Entwurf in BrickLink Studio', level: 'Milestone', parent: null, done: true },
      { title: 'Erkennung von Wasserobjekten und Sprachausgabe', done: false, progress: 0.33, due: '2019-11-24' },
      { title: 'Sechsrädriges Antriebssystem', done: false, due: '2019-12-01' },
    ],
    trueErrors: { 'owner/missing': 1 },
  },
  {
    // French roadmap: Jalon "J1 — Cadrage & maquettes", Échéance, Issues.
    file: 'foxstudio-roadmap-jalons.csv',
    today: '2026-06-10',
    loads: true,
    items: 6,
    expect: [
      { title: 'Cadrage & maquettes', level: 'Milestone', parent: null, due: '2026-05-12' },
      { title: 'Lancement & transfert', level: 'Milestone', parent: null, due: '2026-08-04' },
    ],
    trueErrors: { 'owner/missing': 1 },
  },
  {
    // A Jira ticket list in French: Clé, Type, Statut "À faire", Résumé.
    file: 'mywealth-jira-tickets.csv',
    today: '2025-12-08',
    loads: true,
    items: 12,
    expect: [
      {
        title: 'Implement Action Menu for Agreement Approval/Decline in Dashboard',
        parent: null,
        done: false,
        status: 'Not started',
      },
      { title: 'test2', parent: null, status: 'Not started' },
    ],
    // No Owner (assignee) and no date column: one finding each.
    trueErrors: { 'owner/missing': 1, 'time-bound/no-due-date': 1 },
  },
];

/**
 * The held-out set (2026-12-02, after the corpus work): eight tables found and read from the stored
 * index after the core met the tuning corpus, with these expectations written before Cascade was
 * run on them. Do not tune shared/ against them table by table; when the reading changes, report
 * both sets' figures (bench/corpus.ts prints them apart).
 */
export const HOLDOUT: readonly TableExpectation[] = [
  {
    // Date,Label: a course's milestone dates, ISO dates first, no owner, no status.
    file: 'planneruro-milestones.csv',
    today: '2026-05-01',
    loads: true,
    holdout: true,
    items: 9,
    expect: [
      { title: 'Start', due: '2026-03-31', parent: null },
      { title: 'Work week 3', due: '2026-04-20', parent: null },
      { title: 'Presentation week (7)', due: '2026-05-18' },
      { title: 'Final Presentation', due: '2026-05-27', parent: null },
    ],
    trueErrors: { 'owner/missing': 1 },
  },
  {
    // A GitHub milestones export (title,state,open_issues,due_on,html_url,url): "open" state,
    // ISO timestamps as due dates; row 1 has an unquoted URL with a comma (one field too many).
    file: 'dashboard-zero-github-milestones.csv',
    today: '2015-12-10',
    loads: true,
    holdout: true,
    items: 9,
    expect: [
      { title: 'March 13, 2015', due: '2015-03-13', done: false, parent: null },
      { title: '1.6.0', due: '2015-12-18', done: false, parent: null },
      { title: 'Ideation', due: '2016-01-05', done: false },
      { title: 'Backlog', due: '2024-01-01', done: false },
    ],
    trueErrors: { 'owner/missing': 1 },
  },
  {
    // Italian milestone list for a Gantt tool: "M1." prefixes, task-number references (no dates),
    // and six "#" comment lines under the header that are notes, not milestones.
    file: 'fede802-pm-milestones.csv',
    today: '2026-06-01',
    loads: true,
    holdout: true,
    items: 4,
    expect: [
      { title: 'Completamento aggiornamento del backend', level: 'Milestone', parent: null },
      { title: 'Prima fase di sviluppo', level: 'Milestone', parent: null },
      { title: 'Completamento sviluppo app e pubblicazione sugli store', level: 'Milestone', parent: null },
    ],
    trueErrors: { 'owner/missing': 1, 'time-bound/no-due-date': 1 },
  },
  {
    // French roadmap phases: Statut "✅ Terminée" / "⏳ Pending", Progression as tasks done "4/4", "0/4".
    file: 'mymozaica-roadmap-phases.csv',
    today: '2025-12-01',
    loads: true,
    holdout: true,
    items: 5,
    expect: [
      { title: 'Assainissement', done: true, progress: 1, parent: null },
      { title: 'Paiement & Webhooks', done: true, progress: 1 },
      { title: 'Cœur du produit', done: false, status: 'Not started', progress: 0, parent: null },
      { title: 'Déploiement & Tests', done: false, progress: 0 },
    ],
    trueErrors: { 'owner/missing': 1, 'time-bound/no-due-date': 1 },
  },
  {
    // French/English phase plan: Période as month ranges in French ("Jan - Fév 2026"), a Tasks count,
    // Status "🟡 2/28 ✅" (2 of 28 tasks done) and "🔴 À faire" (to do).
    file: 'universalpwa-phases.csv',
    today: '2026-01-16',
    loads: true,
    holdout: true,
    items: 4,
    expect: [
      { title: 'Consolidation', done: false, progress: 2 / 28, due: '2026-02-28', parent: null },
      { title: 'Expansion', done: false, status: 'Not started', due: '2026-05-31' },
      { title: 'Polish', done: false, due: '2026-08-31' },
      { title: 'SaaS', status: 'Not started', due: '2026-12-31', parent: null },
    ],
    trueErrors: { 'owner/missing': 1 },
  },
  {
    // Key results as a metrics table: Target "10/10 defined + validated", Current "10/10", "0/5",
    // qualitative ones ("Clear whitespace identified" / "Mapped"), Status "✅ DONE", "🔄 Pending".
    file: 'apos-r0-success-metrics.csv',
    today: '2026-07-19',
    loads: true,
    holdout: true,
    items: 4,
    expect: [
      { title: 'Semantic Foundations', done: true, progress: 1, parent: null },
      { title: 'Stakeholder Validation', done: false, progress: 0 },
      { title: 'Market Differentiation', done: true },
      { title: 'Roadmap Clarity', done: false },
    ],
    // No owner, no dates; two targets are words, not numbers (one finding per row, as "Weekly").
    trueErrors: { 'owner/missing': 1, 'time-bound/no-due-date': 1, 'progress/bad-number': 2 },
  },
  {
    // Review checkpoints of the same roadmap: "When" as "Mid-Sep 2026", "Sep 30 2026", "Oct 2026".
    file: 'apos-review-cadence.csv',
    today: '2026-07-19',
    loads: true,
    holdout: true,
    items: 8,
    expect: [
      { title: 'R0 Mid-point', due: '2026-09-15', parent: null },
      { title: 'R0 End', due: '2026-09-30', parent: null },
      { title: 'R1 Start', due: '2026-10-31' },
      { title: 'R2-R3 Mid', due: '2027-03-31' },
      { title: 'Full Review', due: '2027-09-30' },
    ],
    trueErrors: { 'owner/missing': 1 },
  },
  {
    // French OKRs side by side (per-objective tables merged): Objectif and Owner on the group's
    // first row, "KR1 :" prefixes, Cible "10 modules", "100%", "< 5 min"; no Current, no dates.
    file: 'odooai-okrs-kickoff.csv',
    today: '2026-04-01',
    loads: true,
    holdout: true,
    items: 16,
    expect: [
      { title: 'Prouver que le Code Analyst + BA Factory fonctionnent', level: 'Objective', parent: null },
      {
        title: 'Knowledge Graphs generes pour N modules Odoo 17',
        level: 'Key Result',
        parent: 'Prouver que le Code Analyst',
        progress: null,
      },
      { title: 'Demo du MVP a des prospects', level: 'Key Result', parent: 'Valider la proposition de valeur' },
      {
        title: 'Infrastructure prete pour le lancement',
        level: 'Objective',
        parent: null,
        owner: 'Infra Engineer (12) + DevOps (22)',
      },
      {
        title: 'Temps de deploy staging < 5 minutes',
        level: 'Key Result',
        parent: 'Infrastructure prete pour le lancement',
        progress: null,
      },
    ],
    // Objective owners are two roles joined ("A + B"): shared; the key results name no owner; no
    // dates (one finding for the plan).
    trueErrors: { 'owner/shared': 4, 'owner/missing': 12, 'time-bound/no-due-date': 1 },
  },
];

/** Every table, tuning set first: what the test and the known-gap list run over. */
export const ALL_TABLES: readonly TableExpectation[] = [...CORPUS, ...HOLDOUT];
