// `cascade report`: the status report as one self-contained HTML page (inline CSS and SVG, no
// scripts, no fonts or images to fetch), laid out for a screen and for print to PDF.
import { basename } from 'node:path';
import {
  burnUpSvg,
  escapeText as esc,
  isoFromDay,
  percentText,
  sparklineSvg,
  TREND_PACE_ORDER,
  type Plan,
  type ReportChange,
  type ReportGroup,
  type ReportRow,
  type StatusReport,
  type TrendPace,
} from '../../shared/index.js';

const TONE: Record<TrendPace, string> = {
  done: 'good',
  'on track': 'good',
  'at risk': 'warn',
  'trending off track': 'warn',
  'off track': 'bad',
  overdue: 'bad',
  'not started': 'grey',
  paused: 'grey',
};

const day = (d: number | null) => (d === null ? '—' : isoFromDay(d));

export function reportHtml(file: string, plan: Plan, report: StatusReport): string {
  const title = `Status report · ${basename(file)} · ${isoFromDay(report.today)}`;
  const sub = [
    `${plan.framework.label} plan`,
    `${report.rows.toLocaleString('en-US')} rows`,
    `today ${isoFromDay(report.today)}`,
    report.lastCheckIn === null ? 'no check-ins yet' : `last check-in ${isoFromDay(report.lastCheckIn)}`,
  ].join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="report">
<header class="top">
  <div><h1>${esc(basename(file))}</h1><p class="sub">Status report · ${esc(sub)}</p></div>
  <ul class="chips">${paceChips(report)}</ul>
</header>
${groupsSection(report)}
${attentionSection(report)}
${changesSection(report)}
<footer>Made by <b>cascade report</b> from ${esc(basename(file))}${report.checkIns > 0 ? ` and its ${report.checkIns.toLocaleString('en-US')} check-ins` : ''}. Dashed line: the ideal pace from Start date to Due date; dotted: the forecast.</footer>
</main>
</body>
</html>
`;
}

function paceChips(report: StatusReport): string {
  return TREND_PACE_ORDER.filter((p) => report.paceCounts.has(p))
    .map(
      (p) => `<li class="chip ${TONE[p]}"><b>${report.paceCounts.get(p)!.toLocaleString('en-US')}</b> ${esc(p)}</li>`,
    )
    .join('');
}

function paceTag(pace: TrendPace | null): string {
  return pace === null ? '<span class="pace none">—</span>' : `<span class="pace ${TONE[pace]}">${esc(pace)}</span>`;
}

function bar(row: Pick<ReportRow, 'progress' | 'expected' | 'pace'>, size: 'big' | 'small'): string {
  const fill = row.progress === null ? 0 : Math.max(0, Math.min(1, row.progress));
  const tone = row.pace === null ? 'grey' : TONE[row.pace];
  const expected =
    row.expected === null
      ? ''
      : `<i class="expected" style="left:${(row.expected * 100).toFixed(1)}%" title="expected by today: ${percentText(row.expected)}"></i>`;
  return `<span class="bar ${size}"><span class="fill ${tone}" style="width:${(fill * 100).toFixed(1)}%"></span>${expected}</span>`;
}

function groupsSection(report: StatusReport): string {
  if (report.groups.length === 0)
    return '<section><h2>Progress</h2><p class="empty">The plan has no rows yet.</p></section>';
  const levels = new Set(report.groups.map((g) => g.level).filter((l) => l !== ''));
  const heading = levels.size === 1 ? `${[...levels][0]}s` : 'Progress';
  const more =
    report.moreGroups > 0
      ? `<p class="more">${report.moreGroups.toLocaleString('en-US')} more top-level items in the plan.</p>`
      : '';
  return `<section class="groups"><h2>${esc(heading)}</h2><div class="cards">${report.groups.map((g) => card(g, report)).join('')}</div>${more}</section>`;
}

function card(group: ReportGroup, report: StatusReport): string {
  const tone = group.pace === null ? 'grey' : TONE[group.pace];
  const meta = [
    group.owner && `Owner <b>${esc(group.owner)}</b>`,
    group.due !== null && `due ${day(group.due)}`,
    group.trend.forecast !== null && `forecast ${percentText(group.trend.forecast)} by the due date`,
  ]
    .filter(Boolean)
    .join(' · ');
  const chart =
    group.trend.points.length < 2
      ? ''
      : burnUpSvg(
          {
            points: group.trend.points,
            start: group.start,
            due: group.due,
            today: report.today,
            forecast: group.trend.forecast,
          },
          { width: 260, height: 92, label: `${group.id}: progress over time against the ideal line` },
        );
  const kids = group.children.length === 0 ? '' : `<ul class="kids">${group.children.map(childRow).join('')}</ul>`;
  const more =
    group.moreChildren > 0 ? `<p class="more">and ${group.moreChildren} more below ${esc(group.id)}</p>` : '';
  return `<article class="card tone-${tone}">
<div class="card-head"><span class="id">${esc(group.id)}</span><h3>${esc(group.title || group.id)}</h3>${paceTag(group.pace)}</div>
<p class="meta">${meta}</p>
<div class="headline"><span class="big-pct">${percentText(group.progress)}</span>${bar(group, 'big')}<span class="exp">expected ${percentText(group.expected)}</span></div>
${chart ? `<div class="chart tone-${tone}">${chart}</div>` : '<p class="nochart">The trend shows after two check-ins.</p>'}
${kids}${more}
</article>`;
}

function childRow(row: ReportRow): string {
  const tone = row.pace === null ? 'grey' : TONE[row.pace];
  const spark = sparklineSvg(row.trend.points, {
    width: 64,
    height: 18,
    label: `${row.id}: progress at its check-ins`,
  });
  return `<li><div class="kid-head"><span class="id">${esc(row.id)}</span><span class="title">${esc(row.title)}</span>${row.owner ? `<span class="owner">${esc(row.owner)}</span>` : ''}</div>
<div class="kid-line">${bar(row, 'small')}<span class="num">${percentText(row.progress)}</span><span class="spark tone-${tone}">${spark}</span><span class="kid-pace">${paceTag(row.pace)}</span></div></li>`;
}

function attentionSection(report: StatusReport): string {
  const rows = report.attention
    .map(
      (row) =>
        `<tr><td class="id">${esc(row.id)}</td><td class="title">${esc(row.title)}</td><td>${esc(row.owner) || '<span class="none">no owner</span>'}</td><td class="num">${day(row.due)}</td><td class="num">${percentText(row.progress)}</td><td class="num">${percentText(row.expected)}</td><td class="num">${percentText(row.trend.forecast)}</td><td>${paceTag(row.pace)}</td></tr>`,
    )
    .join('');
  const body =
    report.attention.length === 0
      ? '<p class="empty">Nothing is overdue, off track or trending off track.</p>'
      : `<table class="list"><thead><tr><th>ID</th><th>Item</th><th>Owner</th><th class="num">Due</th><th class="num">Progress</th><th class="num">Expected</th><th class="num">Forecast</th><th>Pace</th></tr></thead><tbody>${rows}</tbody></table>` +
        (report.moreAttention > 0
          ? `<p class="more">and ${report.moreAttention.toLocaleString('en-US')} more.</p>`
          : '');
  return `<section class="attention"><h2>Needs attention</h2>${body}</section>`;
}

function changesSection(report: StatusReport): string {
  if (report.lastCheckIn === null) {
    return '<section class="changes"><h2>Since the last check-in</h2><p class="empty">No check-ins yet: run <code>cascade progress FILE --write</code> after each update to keep a history.</p></section>';
  }
  const since = report.previousCheckIn === null ? 'the first check-in' : `since ${isoFromDay(report.previousCheckIn)}`;
  const rows = report.changes.map(changeRow).join('');
  const body =
    report.changes.length === 0
      ? '<p class="empty">No row changed.</p>'
      : `<table class="list"><thead><tr><th>ID</th><th>Item</th><th class="num">Progress</th><th>Status</th><th>Note</th><th>Who</th></tr></thead><tbody>${rows}</tbody></table>` +
        (report.moreChanges > 0 ? `<p class="more">and ${report.moreChanges.toLocaleString('en-US')} more.</p>` : '');
  return `<section class="changes"><h2>Check-in of ${isoFromDay(report.lastCheckIn)} <small>(${esc(since)})</small></h2>${body}</section>`;
}

function changeRow(change: ReportChange): string {
  const delta =
    change.progressBefore !== null && change.progressAfter !== null
      ? change.progressAfter - change.progressBefore
      : null;
  const arrow =
    delta === null || Math.abs(delta) < 0.005
      ? ''
      : delta > 0
        ? `<span class="up">▲ ${Math.round(delta * 100)}</span>`
        : `<span class="down">▼ ${Math.round(-delta * 100)}</span>`;
  const progress = change.first
    ? `${percentText(change.progressAfter)} <span class="none">first</span>`
    : `${percentText(change.progressBefore)} → <b>${percentText(change.progressAfter)}</b> ${arrow}`;
  const status =
    change.first || change.statusBefore === change.statusAfter
      ? esc(change.statusAfter)
      : `${esc(change.statusBefore || '—')} → <b>${esc(change.statusAfter || '—')}</b>`;
  return `<tr><td class="id">${esc(change.row.id)}</td><td class="title">${esc(change.row.title)}</td><td class="num">${progress}</td><td>${status}</td><td class="note">${esc(change.note)}</td><td>${esc(change.who)}</td></tr>`;
}

const STYLE = `
:root{--ink:#202124;--muted:#5f6368;--line:#e3e5e8;--good:#188038;--warn:#b06000;--bad:#c5221f;--grey:#80868b;--accent:#1a73e8;--good-bg:#e6f4ea;--warn-bg:#fef7e0;--bad-bg:#fce8e6;--grey-bg:#f1f3f4}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.report{max-width:1120px;margin:0 auto;padding:28px 28px 20px}
.top{display:flex;justify-content:space-between;align-items:flex-end;gap:16px;flex-wrap:wrap;border-bottom:2px solid var(--ink);padding-bottom:12px;margin-bottom:18px}
h1{font-size:22px;margin:0 0 2px;letter-spacing:-.01em}
.sub{margin:0;color:var(--muted)}
.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.chip{padding:3px 9px;border-radius:999px;font-size:12px}
.chip.good{background:var(--good-bg);color:var(--good)}.chip.warn{background:var(--warn-bg);color:var(--warn)}.chip.bad{background:var(--bad-bg);color:var(--bad)}.chip.grey{background:var(--grey-bg);color:var(--muted)}
h2{font-size:15px;margin:22px 0 10px;text-transform:none}
h2 small{font-weight:normal;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:14px}
.card{background:#fff;border:1px solid var(--line);border-top:4px solid var(--grey);border-radius:8px;padding:12px 14px 10px;break-inside:avoid}
.card.tone-good{border-top-color:var(--good)}.card.tone-warn{border-top-color:#f29900}.card.tone-bad{border-top-color:var(--bad)}
.card-head{display:flex;align-items:baseline;gap:8px}
.card-head h3{flex:1;font-size:14px;margin:0;line-height:1.3}
.id{color:var(--muted);font:600 11px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}
.meta{margin:3px 0 8px;color:var(--muted);font-size:12px}
.headline{display:flex;align-items:center;gap:10px}
.big-pct{font-size:22px;font-weight:650;min-width:58px}
.exp{color:var(--muted);font-size:11px;white-space:nowrap}
.bar{position:relative;display:inline-block;background:#eceef1;border-radius:999px;vertical-align:middle}
.bar.big{flex:1;height:10px}.bar.small{flex:1;height:6px;min-width:60px}
.bar .fill{position:absolute;left:0;top:0;bottom:0;border-radius:999px;background:var(--grey)}
.fill.good{background:var(--good)}.fill.warn{background:#f29900}.fill.bad{background:var(--bad)}
.bar .expected{position:absolute;top:-3px;bottom:-3px;width:2px;margin-left:-1px;background:var(--ink);opacity:.55;border-radius:1px}
.chart{margin:8px 0 2px}.chart svg{width:100%;height:auto;display:block}
.tone-good{color:var(--good)}.tone-warn{color:#e37400}.tone-bad{color:var(--bad)}.tone-grey{color:var(--grey)}
.card.tone-good,.card.tone-warn,.card.tone-bad,.card.tone-grey{color:var(--ink)}
.nochart{color:var(--muted);font-size:12px;margin:8px 0}
table{border-collapse:collapse;width:100%}
.kids{list-style:none;margin:8px 0 0;padding:0;border-top:1px solid var(--line)}
.kids li{padding:6px 0 5px;border-bottom:1px solid #f1f3f4}
.kids li:last-child{border-bottom:0}
.kid-head{display:flex;align-items:baseline;gap:6px;font-size:12px}
.kid-head .title{flex:1}
.kid-head .owner{color:var(--muted);font-size:11px;white-space:nowrap}
.kid-line{display:flex;align-items:center;gap:8px;margin-top:3px}
.kid-line .num{width:34px;text-align:right;font-size:12px;font-variant-numeric:tabular-nums}
.spark{width:64px;height:18px}.spark svg{display:block}
.kid-pace{width:112px;text-align:right}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.pace{display:inline-block;padding:1px 7px;border-radius:999px;font-size:11px;white-space:nowrap}
.pace.good{background:var(--good-bg);color:var(--good)}.pace.warn{background:var(--warn-bg);color:var(--warn)}.pace.bad{background:var(--bad-bg);color:var(--bad)}.pace.grey,.pace.none{background:var(--grey-bg);color:var(--muted)}
.list{background:#fff;border:1px solid var(--line);border-radius:8px;overflow:hidden}
.list th{text-align:left;font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:#fafbfc;padding:7px 10px;border-bottom:1px solid var(--line)}
.list td{padding:6px 10px;border-bottom:1px solid #f1f3f4;vertical-align:top}
.list tr:last-child td{border-bottom:0}
td.note{color:var(--muted);max-width:280px}
.up{color:var(--good);font-size:11px}.down{color:var(--bad);font-size:11px}
.none{color:var(--muted);font-size:11px}
.empty,.more{color:var(--muted)}
.more{font-size:12px;margin:6px 0 0}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--grey-bg);padding:1px 4px;border-radius:3px}
footer{margin-top:24px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:11px}
@media print{
  @page{size:A4;margin:12mm}
  body{background:#fff;font-size:11px}
  .report{max-width:none;padding:0}
  .cards{grid-template-columns:1fr 1fr;gap:10px}
  .card,.list tr{break-inside:avoid}
  .card{border-color:#d0d3d7}
  h2{break-after:avoid}
  section{break-inside:auto}
}
`;
