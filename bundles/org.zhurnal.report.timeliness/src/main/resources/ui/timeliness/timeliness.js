// The deputy director's timeliness dashboard: per teacher the share of lessons recorded on the day (bars) over the
// last four weeks by default, and the lessons that missed a deadline, for one teacher when their bar is chosen.
import { api, TEXTS, t, translate, lang } from '/i18n.js';
import { $, addDays, date, el, errorText, fillSelect, isoDate, latestOnly, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'tl.title': 'Своевременность заполнения журнала', 'tl.school': 'Школа', 'tl.from': 'С', 'tl.to': 'По', 'tl.show': 'Показать',
  'tl.share': 'Доля уроков, записанных в день урока', 'tl.hint': 'Нажмите на учителя, чтобы увидеть его нарушения.',
  'tl.violations': 'Нарушения', 'tl.all': 'все учителя', 'tl.none': 'Нарушений нет.', 'tl.noLessons': 'Уроков за этот период нет.',
  'tl.total': 'По школе: уроков {lessons}, в день урока {onDay} ({share}%), ДЗ не в срок {homework}, оценок с опозданием {marks}.',
  'tl.noSchools': 'Нет школ, по которым вы можете смотреть контроль журнала.',
  'tl.date': 'Дата', 'tl.unit': 'Класс/группа', 'tl.subject': 'Предмет', 'tl.teacher': 'Учитель', 'tl.late': 'Что не в срок',
  'tl.lessonsOf': '{onDay} из {lessons}',
  'tl.deadlines': 'Сроки: тема и посещаемость — в день урока; домашнее задание — не позже {hours} ч после последнего урока класса в этот '
    + 'день; оценка — не позже {days} дн. после даты работы. Сегодняшние уроки оцениваются завтра.',
});
Object.assign(TEXTS.en, {
  'tl.title': 'Timeliness of the journal', 'tl.school': 'School', 'tl.from': 'From', 'tl.to': 'To', 'tl.show': 'Show',
  'tl.share': 'Share of lessons recorded on the day', 'tl.hint': 'Choose a teacher to see their violations.',
  'tl.violations': 'Violations', 'tl.all': 'all teachers', 'tl.none': 'No violations.', 'tl.noLessons': 'No lessons in this range.',
  'tl.total': 'School: {lessons} lessons, {onDay} on the day ({share}%), homework late {homework}, late marks {marks}.',
  'tl.noSchools': 'No schools whose journal you may control.',
  'tl.date': 'Date', 'tl.unit': 'Class/group', 'tl.subject': 'Subject', 'tl.teacher': 'Teacher', 'tl.late': 'What missed its deadline',
  'tl.lessonsOf': '{onDay} of {lessons}',
  'tl.deadlines': 'Deadlines: topic and attendance on the lesson\'s day; homework within {hours} h after the class\'s last lesson of '
    + 'that day; a mark within {days} days after the work\'s date. Today\'s lessons are judged tomorrow.',
});

let current = null;
let chosen = null;

/** A share as the page's language writes it: «80,6» in Russian, "80.6" in English. */
const share = (v) => (v === null || v === undefined ? '—' : Number(v).toLocaleString(lang() === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 }));

function renderBars() {
  const box = $('bars');
  box.replaceChildren();
  if (!current) return;
  if (!current.teachers.length) { box.append(el('p', 'muted', t('tl.noLessons'))); }
  for (const row of current.teachers) {
    const b = el('button', 'bar' + (chosen === row.teacherId ? ' chosen' : ''));
    b.type = 'button';
    b.title = t('tl.lessonsOf', row);
    const track = el('span', 'track');
    const fill = el('span', 'fill' + ((row.share ?? 0) < 80 ? ' low' : ''));
    fill.style.display = 'block';
    fill.style.width = `${row.share ?? 0}%`;
    track.append(fill);
    b.append(el('span', null, row.name), track, el('span', 'pct', row.share === null ? '—' : `${share(row.share)}%`));
    b.addEventListener('click', () => { chosen = chosen === row.teacherId ? null : row.teacherId; renderBars(); renderViolations(); });
    box.append(b);
  }
  const s = current.total;
  $('total').textContent = s.lessons ? t('tl.total', { lessons: s.lessons, onDay: s.onDay, share: share(s.share), homework: s.homeworkLate,
    marks: s.lateMarks }) : '';
  const d = current.deadlines;
  $('deadlines').textContent = d ? t('tl.deadlines', { hours: d.homeworkHours, days: d.markDays }) : '';
}

function renderViolations() {
  const table = $('violations');
  const rows = current ? current.violations.filter((v) => !chosen || v.teacherId === chosen) : [];
  const teacher = chosen && current.teachers.find((x) => x.teacherId === chosen);
  $('who').textContent = teacher ? `— ${teacher.name}` : '';
  $('all').hidden = !chosen;
  const head = el('tr');
  ['tl.date', 'tl.unit', 'tl.subject', 'tl.teacher', 'tl.late'].forEach((k) => head.append(el('th', null, t(k))));
  table.replaceChildren(head);
  if (!rows.length) {
    const tr = el('tr');
    const td = el('td', 'muted', t('tl.none'));
    td.colSpan = 5;
    tr.append(td);
    table.append(tr);
  }
  for (const v of rows) {
    const tr = el('tr');
    [date(v.date), v.unit, v.subject, v.teacher, v.description].forEach((c) => tr.append(el('td', null, c)));
    table.append(tr);
  }
}

const nextLoad = latestOnly(); // only the answer to the latest school and dates is drawn

async function load(ev) {
  if (ev) ev.preventDefault();
  const school = $('school').value;
  if (!school) return;
  const latest = nextLoad();
  say($('status'), '', t('page.loading'));
  try {
    const answer = await api('GET', `timeliness/schools/${encodeURIComponent(school)}?from=${$('from').value}&to=${$('to').value}&lang=${lang()}`);
    if (!latest()) return;
    current = answer;
    if (chosen && !current.teachers.some((x) => x.teacherId === chosen)) chosen = null;
    say($('status'), '');
  } catch (e) {
    if (!latest()) return;
    current = null;
    say($('status'), 'bad', errorText(e));
  }
  renderBars();
  renderViolations();
}

async function init() {
  translate();
  if (!$('to').value) {
    const today = isoDate();
    $('to').value = today;
    $('from').value = addDays(today, -27); // the last four weeks
  }
  let schools = [];
  try { schools = await api('GET', 'reports/schools'); } catch (e) { say($('status'), 'bad', errorText(e)); return; }
  if (!schools.length) { say($('status'), '', t('tl.noSchools')); return; }
  fillSelect($('school'), schools.map((s) => [s.id, s.name]), $('school').value || new URLSearchParams(location.search).get('schoolId') || undefined);
  $('schoolLabel').hidden = schools.length < 2;
  await load();
}

$('form').addEventListener('submit', load);
$('all').addEventListener('click', () => { chosen = null; renderBars(); renderViolations(); });
onLanguageChange(() => init());
init();
