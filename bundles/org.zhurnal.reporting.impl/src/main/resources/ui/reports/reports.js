// The report catalogue: choose a report, fill its parameters (a form built from the report's own schema), choose a
// format, download; CSV is previewed as a table. A run is a background job (POST …/jobs → 202), polled for its progress
// so a long report (a whole school, a municipality) never holds a request open; the file is fetched when it is done.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, addDays, el, errorText, isoDate, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'rep.title': 'Отчёты', 'rep.report': 'Отчёт', 'rep.format': 'Формат', 'rep.run': 'Сформировать', 'rep.none': 'Отчётов нет.',
  'rep.ready': 'Готово: {file}', 'rep.download': 'Скачать', 'rep.noClasses': 'Нет классов, по которым вы можете строить отчёты.', 'rep.wholeSchool': '— вся школа —', 'rep.noClassesYear': 'В {year} учебном году классов, по которым вы можете строить отчёты, нет.',
  'rep.yearHint': 'год начала учебного года: 2026 — это 2026/2027',
  'rep.noSchools': 'Нет школ, по которым вы можете строить отчёты.', 'rep.noMunicipalities': 'Нет муниципалитетов, по которым вы можете строить отчёты.',
  'rep.queued': 'Отчёт в очереди…', 'rep.running': 'Отчёт готовится…', 'rep.progress': 'Отчёт готовится: {done} из {total}',
});
Object.assign(TEXTS.en, {
  'rep.title': 'Reports', 'rep.report': 'Report', 'rep.format': 'Format', 'rep.run': 'Run', 'rep.none': 'No reports.',
  'rep.ready': 'Ready: {file}', 'rep.download': 'Download', 'rep.noClasses': 'No classes you may run reports for.', 'rep.wholeSchool': '— the whole school —', 'rep.noClassesYear': 'No classes you may run reports for in {year}.',
  'rep.yearHint': 'the academic year by its first year: 2026 is 2026/2027',
  'rep.noSchools': 'No schools you may run reports for.', 'rep.noMunicipalities': 'No municipalities you may run reports for.',
  'rep.queued': 'The report is queued…', 'rep.running': 'The report is being prepared…', 'rep.progress': 'The report is being prepared: {done} of {total}',
});

const lang = () => (localStorage.getItem('zhurnal.lang') === 'en' ? 'en' : 'ru');
let reports = [];
let classes = [];
// The classes offered, per academic year: a report with a year and a class (the summary sheet) offers that year's.
const classesByYear = new Map();

async function classesOf(year) {
  if (!classesByYear.has(year)) classesByYear.set(year, await api('GET', `reports/classes?year=${year}`));
  return classesByYear.get(year);
}

/** Fills a class <select> with the classes in use, keeping the chosen class's name (5А of last year for 5А). */
function fillClasses(input, p) {
  const keep = (classes.find((c) => c.id === input.value) || {}).name;
  // Several schools' classes (a municipal administrator's): each named with its school, «5А» alone would be ambiguous.
  const many = new Set(classes.map((c) => c.schoolId)).size > 1;
  const schoolName = (id) => (schools.find((s) => s.id === id) || { name: '' }).name;
  fill(input, [...(p.required ? [] : [['', t('rep.wholeSchool')]]), ...classes.map((c) => [c.id, many ? `${schoolName(c.schoolId)} — ${c.name}` : c.name])]);
  const same = keep && classes.find((c) => c.name === keep);
  if (same) input.value = same.id;
  else if (!p.required && classes.length) input.value = classes[0].id;
}
let schools = [];
let municipalities = [];
const periodsBySchoolYear = new Map();

async function schoolPeriods(schoolId, year) {
  const key = `${schoolId}/${year}`;
  if (!periodsBySchoolYear.has(key)) {
    let cal = { periods: [] };
    try { cal = await api('GET', `calendar/schools/${encodeURIComponent(schoolId)}/years/${year}`); } catch (e) { /* no year */ }
    periodsBySchoolYear.set(key, cal.periods || []);
  }
  return periodsBySchoolYear.get(key);
}

async function periodsFor(klass) {
  return (await schoolPeriods(klass.schoolId, klass.academicYear)).filter((p) => !p.grades || !p.grades.length || p.grades.includes(klass.grade));
}

/** The academic year a day belongs to (it starts in September; August is still the past year's). */
const academicYear = (iso) => (Number(iso.substring(5, 7)) >= 8 ? Number(iso.substring(0, 4)) : Number(iso.substring(0, 4)) - 1);

function fill(select, pairs) {
  select.replaceChildren(...pairs.map(([v, text]) => { const o = el('option', null, text); o.value = v; return o; }));
}

async function refreshPeriods() {
  const classSel = $('form').querySelector('select[data-type=CLASS]');
  const schoolSel = $('form').querySelector('select[data-type=SCHOOL]');
  const klass = classes.find((c) => c.id === (classSel && classSel.value));
  const today = isoDate(); // the platform's day, in this zone (toISOString would give UTC's)
  for (const sel of $('form').querySelectorAll('select[data-type=PERIOD]')) {
    // A class's periods; without a class, the chosen school's periods of this year (a whole-school run: the municipal
    // administrator's, who has no classes of their own).
    const periods = klass ? await periodsFor(klass)
      : schoolSel && schoolSel.value ? await schoolPeriods(schoolSel.value, academicYear(today)) : [];
    fill(sel, periods.map((p) => [p.id, p.name]));
    const current = periods.find((p) => p.start <= today && today <= p.end); // the current period by default
    if (current) sel.value = current.id;
  }
}

// A range's start defaults to four weeks back, anything else to today.
function defaultDate(name) {
  return name === 'from' ? addDays(isoDate(), -27) : isoDate();
}

function buildForm() {
  const r = reports.find((x) => x.id === $('report').value);
  const form = $('form');
  form.replaceChildren();
  $('preview').hidden = true;
  if (!r) return;
  classes = classesByYear.get(academicYear(isoDate())) || classes; // a new form starts in this year
  for (const p of r.parameters) {
    const label = el('label');
    label.append(el('span', null, lang() === 'en' ? p.labelEn : p.labelRu));
    let input;
    if (p.type === 'CLASS') {
      input = el('select');
      // An optional class (a report of a class or of a whole school): «the whole school» is a choice too.
      fillClasses(input, p);
      input.addEventListener('change', refreshPeriods);
    } else if (p.type === 'PERIOD') {
      input = el('select');
    } else if (p.type === 'SCHOOL' || p.type === 'MUNICIPALITY') {
      // Only what the caller administers is offered (their grants decide, as the server's check does).
      input = el('select');
      fill(input, (p.type === 'SCHOOL' ? schools : municipalities).map((x) => [x.id, x.name]));
      if (p.type === 'SCHOOL') input.addEventListener('change', refreshPeriods);
    } else {
      input = el('input');
      input.type = p.type === 'DATE' ? 'date' : p.type === 'YEAR' ? 'number' : 'text';
      if (p.type === 'DATE' && p.required) input.value = defaultDate(p.name);
      if (p.type === 'YEAR') {
        input.value = String(academicYear(isoDate())); // this academic year
        // With a class too, the classes offered are that year's (last year's 5А for last year's sheet).
        const classParam = r.parameters.find((x) => x.type === 'CLASS');
        if (classParam) {
          input.addEventListener('change', async () => {
            const y = Number(input.value);
            if (!Number.isInteger(y) || y < 2000 || y > 2100) return;
            try { classes = await classesOf(y); } catch (e) { say($('status'), 'bad', errorText(e)); return; }
            const sel = form.querySelector('select[data-type=CLASS]');
            if (sel) { fillClasses(sel, classParam); refreshPeriods(); }
            if (!classes.length) say($('status'), '', t('rep.noClassesYear', { year: `${y}/${y + 1}` }));
            else say($('status'), '');
          });
        }
      }
    }
    input.name = p.name;
    input.dataset.type = p.type;
    input.required = p.required;
    label.append(input);
    // A year is the academic year's first calendar year: 2026 for 2026/2027 (2027 named a year not started).
    if (p.type === 'YEAR') label.append(el('small', 'hint', t('rep.yearHint')));
    form.append(label);
  }
  const fmt = el('label');
  fmt.append(el('span', null, t('rep.format')));
  const sel = el('select');
  sel.id = 'format';
  fill(sel, r.formats.map((f) => [f, f]));
  fmt.append(sel);
  const run = el('button', 'btn primary', t('rep.run'));
  run.type = 'submit';
  run.id = 'run';
  form.append(fmt, run);
  if (!classes.length && r.parameters.some((p) => p.type === 'CLASS' && p.required)) say($('status'), '', t('rep.noClasses'));
  else say($('status'), '');
  if (!schools.length && r.parameters.some((p) => p.type === 'SCHOOL')) say($('status'), '', t('rep.noSchools'));
  if (!municipalities.length && r.parameters.some((p) => p.type === 'MUNICIPALITY')) say($('status'), '', t('rep.noMunicipalities'));
  refreshPeriods();
}

function csrf() {
  const m = /(?:^|; )ZHURNAL_CSRF=([^;]*)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : '';
}

/** Throws the problem+json of a refused answer (so its detail is what the user reads). */
async function failOn(resp) {
  if (resp.ok) return;
  let problem = null;
  try { problem = await resp.json(); } catch (e) { /* not JSON */ }
  const err = new Error((problem && problem.detail) || resp.statusText); err.problem = problem; throw err;
}

async function run(ev) {
  ev.preventDefault();
  const r = reports.find((x) => x.id === $('report').value);
  const parameters = {};
  for (const input of $('form').querySelectorAll('[data-type]')) if (input.value) parameters[input.name] = input.value;
  // A report of a class or a school takes one of them: a chosen class, else the school.
  const classSel = $('form').querySelector('select[data-type=CLASS]');
  const schoolSel = $('form').querySelector('select[data-type=SCHOOL]');
  if (classSel && classSel.value && schoolSel) delete parameters[schoolSel.name];
  const format = $('format').value;
  say($('status'), '', t('page.loading'));
  try {
    const queued = await fetch(`/api/v1/reports/${encodeURIComponent(r.id)}/jobs`, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf(), Accept: 'application/json', 'Accept-Language': lang() },
      body: JSON.stringify({ format, parameters, lang: lang() }),
    });
    await failOn(queued);
    let job = await queued.json();
    while (job.status === 'QUEUED' || job.status === 'RUNNING') {
      say($('status'), '', job.status === 'QUEUED' ? t('rep.queued')
        : job.total ? t('rep.progress', { done: job.done, total: job.total }) + (job.step ? ` (${job.step})` : '') : t('rep.running'));
      await new Promise((ok) => setTimeout(ok, 400));
      job = await api('GET', `reports/jobs/${encodeURIComponent(job.id)}`);
    }
    if (job.status !== 'DONE') {
      const err = new Error((job.problem && job.problem.detail) || job.status); err.problem = job.problem; throw err;
    }
    const resp = await fetch(`/api/v1/reports/jobs/${encodeURIComponent(job.id)}/file`, { credentials: 'same-origin' });
    await failOn(resp);
    const blob = await resp.blob();
    const name = (/filename\*=UTF-8''([^;]+)/.exec(resp.headers.get('Content-Disposition') || '') || [])[1];
    const file = name ? decodeURIComponent(name) : `${r.id}.${format.toLowerCase()}`;
    const a = el('a', 'btn', t('rep.download'));
    a.id = 'download';
    a.href = URL.createObjectURL(blob);
    a.download = file;
    say($('status'), 'good', t('rep.ready', { file }), ' ', a);
    const table = $('preview');
    if (format === 'CSV') {
      const rows = (await blob.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(';'));
      table.replaceChildren(...rows.map((cells, i) => { const tr = el('tr'); cells.forEach((c) => tr.append(el(i ? 'td' : 'th', null, c))); return tr; }));
      table.hidden = false;
    } else {
      table.hidden = true;
    }
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}

async function init() {
  translate();
  try {
    classesByYear.clear();
    [reports, classes, schools, municipalities] = await Promise.all([api('GET', `reports?lang=${lang()}`), classesOf(academicYear(isoDate())),
      api('GET', 'reports/schools'), api('GET', 'reports/municipalities')]);
  } catch (e) { say($('status'), 'bad', errorText(e)); return; }
  if (!reports.length) { say($('status'), '', t('rep.none')); return; }
  fill($('report'), reports.map((r) => [r.id, r.title]));
  buildForm();
}

$('report').addEventListener('change', buildForm);
$('form').addEventListener('submit', run);
onLanguageChange(() => { translate(); init(); });
init();
