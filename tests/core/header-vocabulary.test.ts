// Headers, level words and prefixes as other teams write them (issue 8, items 2 and 4): each case
// is a form met in the real-plan corpus (tests/fixtures/real), written here as a small table.
import { describe, expect, it } from 'vitest';
import { columnKeyOf, isoFromDay, levelFromText, readPlan, type Plan } from '../../shared/index.js';

const shape = (plan: Plan) => plan.items.map((i) => [i.id, i.level, i.parentId, i.title]);

describe('header words', () => {
  it.each([
    ['plandate', 'dueDate'],
    ['plannedDate', 'dueDate'],
    ['dueDate', 'dueDate'],
    ['startDate', 'startDate'],
    ['parentId', 'parent'],
    ['Planned start', 'startDate'],
    ['Clé', 'id'],
    ['Résumé', 'title'],
    ['texto', 'title'],
    ['responsável', 'owner'],
    ['Prazo', 'dueDate'],
    ['负责人', 'owner'],
    ['状态', 'status'],
    ['ステータス', 'status'],
    ['상태', 'status'],
    ['截止日期', 'dueDate'],
  ])('%j names %s', (header, key) => {
    expect(columnKeyOf(header)).toBe(key);
  });

  it.each(['time', 'setor', 'ano', 'Report', 'reportdate'])('%j names no column', (header) => {
    expect(columnKeyOf(header)).toBeNull();
  });

  it.each([
    ['KPI', 'Key Result'],
    ['KPIs', 'Key Result'],
    ['Resultado-chave', 'Key Result'],
    ['Marco', 'Milestone'],
    ['关键结果', 'Key Result'],
    ['目標', 'Objective'],
    ['마일스톤', 'Milestone'],
  ])('%j is the level %s', (text, level) => {
    expect(levelFromText(text)).toBe(level);
  });
});

describe('a French Jira list: Clé de la tâche, Type, Statut, Résumé', () => {
  const plan = readPlan({
    header: ['Clé de la tâche', 'Type', 'Statut', 'Résumé'],
    rows: [
      ['CG-2', 'Submit a request or incident', 'À faire', 'Add the approval menu'],
      ['CG-1', 'Submit a request or incident', 'En cours', 'Test the tickets'],
    ],
  });

  it("reads the task's key as ID (every row a Task), the summary as Title and Statut as Status", () => {
    expect(plan.items.map((i) => [i.id, i.level, i.title, i.status])).toEqual([
      ['CG-2', 'Task', 'Add the approval menu', 'Not started'],
      ['CG-1', 'Task', 'Test the tickets', 'On track'],
    ]);
  });

  it('leaves a Type column of ticket kinds unread, and says so, rather than one bad Type per row', () => {
    expect(plan.columns.type).toBeUndefined();
    expect(plan.items[0].typeText).toBe('');
    expect(plan.reading!.guesses).toContain(
      'Type not read as Type (its cells name no increase, decrease, at least, at most or milestone)',
    );
  });

  it("keeps the template's Type in a plan that measures, so a wrong Type is still reported", () => {
    const own = readPlan({
      header: ['ID', 'Level', 'Title', 'Type', 'Target'],
      rows: [['KR1', 'Key Result', 'Sign 50 accounts', 'more is better', 50]],
    });
    expect(own.items[0].typeText).toBe('more is better');
  });

  it('leaves a "Goal Type" of goal kinds unread, beside a Target', () => {
    const goals = readPlan({
      header: ['Id', 'Title', 'Goal Type', 'Target', 'Aligned To'],
      rows: [['7', 'Grow revenue', 'Aspirational Goal', 100, '']],
    });
    expect(goals.items[0].typeText).toBe('');
  });
});

describe('a Portuguese objective list: id_obj, texto, responsavel', () => {
  it('reads every row as an Objective from the id_obj header, owners from responsavel', () => {
    const plan = readPlan({
      header: ['id_obj', 'id_time', 'time', 'texto', 'responsavel', 'ano'],
      rows: [
        [3, 1, 'economica', 'Terminar o app de okr', 'vinicius', 2023],
        [4, 0, 'economica', 'formar economista', 'vinicius', 2023],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.level, i.parentId, i.title, i.owner])).toEqual([
      ['3', 'Objective', '', 'Terminar o app de okr', 'vinicius'],
      ['4', 'Objective', '', 'formar economista', 'vinicius'],
    ]);
    expect(plan.reading!.guesses).toContain('Title from texto');
  });

  it('reads "Nombre del objetivo" as the objectives\' titles', () => {
    const plan = readPlan({
      header: ['Nombre del objetivo', 'Resultado clave', 'Responsable'],
      rows: [
        ['Crecer', 'Firmar 50 cuentas', 'Ana'],
        [null, 'Subir el NPS a 60', 'Bo'],
      ],
    });
    expect(shape(plan)).toEqual([
      ['O1', 'Objective', '', 'Crecer'],
      ['KR1.1', 'Key Result', 'O1', 'Firmar 50 cuentas'],
      ['KR1.2', 'Key Result', 'O1', 'Subir el NPS a 60'],
    ]);
  });
});

describe('a KPI table grouped by Category', () => {
  const plan = readPlan({
    header: ['Category', 'KPI', 'Target', 'Current', 'Owner'],
    rows: [
      ['Carbon', 'Scope 2 Emissions Reduction', '≥ 30%', '28.4%', 'Elena'],
      [null, 'Scope 3 Emissions Reduction', '≥ 25%', '22.1%', 'Elena'],
      ['Agility', 'Mean Time to Optimization', '< 5 min', '4.1 min', 'Marcus'],
    ],
  });

  it('reads each category as an objective over the KPIs below it, and says it guessed', () => {
    expect(shape(plan)).toEqual([
      ['O1', 'Objective', '', 'Carbon'],
      ['KR1.1', 'Key Result', 'O1', 'Scope 2 Emissions Reduction'],
      ['KR1.2', 'Key Result', 'O1', 'Scope 3 Emissions Reduction'],
      ['O2', 'Objective', '', 'Agility'],
      ['KR2.1', 'Key Result', 'O2', 'Mean Time to Optimization'],
    ]);
    expect(plan.reading!.guesses).toContain('Category read as Objectives (the groups above KPI)');
  });

  it('does not read a category that comes back after another (a tag) as a group', () => {
    const tagged = readPlan({
      header: ['Category', 'KPI', 'Target'],
      rows: [
        ['Carbon', 'Scope 2', 30],
        ['Cost', 'Savings', 40],
        ['Carbon', 'Scope 3', 25],
      ],
    });
    expect(tagged.items.map((i) => i.level)).toEqual(['Key Result', 'Key Result', 'Key Result']);
    expect(tagged.columns.title).toBe(1);
  });

  it('does not read a category over tasks as a level', () => {
    const tasks = readPlan({
      header: ['Category', 'Task', 'Owner'],
      rows: [
        ['Bugs', 'Fix the login', 'Ana'],
        [null, 'Fix the export', 'Bo'],
      ],
    });
    expect(tasks.items.map((i) => [i.level, i.title])).toEqual([
      ['Task', 'Fix the login'],
      ['Task', 'Fix the export'],
    ]);
  });
});

describe('a KPI column beside a Key Result column', () => {
  it('is a note on the key result, not a third tier under it', () => {
    const plan = readPlan({
      header: ['Objective', 'Key Result', 'KPI', 'Target'],
      rows: [
        ['Grow', 'Sign 50 accounts', 'accounts signed', 50],
        [null, 'Raise NPS to 60', 'NPS', 60],
      ],
    });
    expect(shape(plan)).toEqual([
      ['O1', 'Objective', '', 'Grow'],
      ['KR1.1', 'Key Result', 'O1', 'Sign 50 accounts'],
      ['KR1.2', 'Key Result', 'O1', 'Raise NPS to 60'],
    ]);
  });
});

describe('prefixes', () => {
  it('reads "OKR 1:" as the objective numbered 1 and KR1.1 under it', () => {
    const plan = readPlan({
      header: ['Título', 'Owner'],
      rows: [
        ['OKR 1: Crecimiento Rentable', 'CEO'],
        ['KR1.1: Ingresos entre USD 200k y 300k', ''],
        ['OKR 2: Impacto Medible', 'CTO'],
        ['KR2.1: Medir impacto en 15 proyectos', ''],
      ],
    });
    expect(shape(plan)).toEqual([
      ['OKR1', 'Objective', '', 'Crecimiento Rentable'],
      ['KR1.1', 'Key Result', 'OKR1', 'Ingresos entre USD 200k y 300k'],
      ['OKR2', 'Objective', '', 'Impacto Medible'],
      ['KR2.1', 'Key Result', 'OKR2', 'Medir impacto en 15 proyectos'],
    ]);
  });

  it("reads an ID whose prefix extends the others' (Mx01 beside M01, M02) as their level; another ID as a stated guess", () => {
    const plan = readPlan({
      header: ['#', 'Meilenstein', 'Termin'],
      rows: [
        ['M01', 'Raspberry Pi installiert', '20.10.2019'],
        ['Mx01', 'Entwurf in BrickLink Studio', '27.10.2019'],
        ['M02', 'Steuerung über Sprache', '03.11.2019'],
        ['M03', 'Kamera konfiguriert', '10.11.2019'],
        ['M04', 'Wasser erkannt', '24.11.2019'],
        ['M05', 'Antrieb gebaut', '01.12.2019'],
        ['M06', 'Dokumentation', '08.12.2019'],
        ['M07', 'Abnahme', '15.12.2019'],
        ['M08', 'Vorführung', '22.12.2019'],
        ['Zz1', 'Unbekannt', '29.12.2019'],
      ],
    });
    expect(plan.items.map((i) => i.level)).toEqual(new Array(10).fill('Milestone'));
    // Mx01 by its prefix; Zz1 names no level and takes the one the header and every other ID name, said in the heading.
    expect(plan.reading!.summary).toContain(
      'the row without a level prefix read as Milestones (from the Meilenstein header)',
    );
  });

  it('reads a Milestone column of IDs in a report log, judged by its milestones, not by its rows', () => {
    // 5 of 9 rows are MS1…MS4, 4 of 5 milestones: the IDs of the rows, not milestones' titles.
    const plan = readPlan({
      header: ['Milestone', 'Description', 'Status', 'plandate'],
      rows: [
        ['MS1', 'Initiation', 'Planned', '12/01/22'],
        ['MS1', 'Initiation', 'Complete', '12/01/22'],
        ['MS2', 'Planning', 'In Progress', '12/15/22'],
        ['MS3', 'Resources', 'In Progress', '12/20/22'],
        ['MS4', 'Delivery', 'Planned', '12/22/22'],
        ['Plan', 'Baseline', 'Planned', '12/01/22'],
        ['Plan', 'Baseline', 'In Progress', '12/07/22'],
        ['Plan', 'Baseline', 'In Progress', '12/15/22'],
        ['Plan', 'Baseline', 'Complete', '12/22/22'],
      ],
    });
    expect(plan.columns.id).toBe(0);
    expect(plan.items).toHaveLength(9);
    expect(plan.items.slice(0, 2).map((i) => [i.id, i.level, i.title])).toEqual([
      ['MS1', 'Milestone', 'Initiation'],
      ['MS1', 'Milestone', 'Initiation'],
    ]);
    expect(plan.items.map((i) => (i.dueDate.state === 'ok' ? isoFromDay(i.dueDate.value) : null))[2]).toBe(
      '2022-12-15',
    );
  });
});
