// The diary of a student, for the student and their parents: the week, the period's marks and forecasts, and
// how the family is notified. Phone first.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, el, errorText, date, isoDate, addDays, mondayOf, latestOnly, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'diary.title': 'Дневник', 'diary.child': 'Ученик', 'diary.week': 'Неделя', 'diary.period': 'Оценки за период', 'diary.prefs': 'Оповещения',
  'diary.today': 'Сегодня', 'diary.noChildren': 'К вашей учётной записи не привязан ни один ученик.', 'diary.noLessons': 'Уроков нет',
  'diary.topic': 'Тема', 'diary.homework': 'Д/з', 'diary.comment': 'Комментарий', 'diary.substituted': 'замена', 'diary.cancelled': 'отменён',
  'diary.late': 'опоздание {n} мин', 'diary.absent': 'отсутствовал(а): {code}', 'diary.average': 'средний балл {avg}',
  'diary.forecast': 'прогноз {value}', 'diary.noForecast': 'прогноза пока нет', 'diary.confirmed': 'за период: {value}', 'diary.noMarks': 'оценок нет', 'diary.weight': 'вес {w}',
  'diary.yearGrades': 'Итоговые оценки', 'diary.subject': 'Предмет', 'diary.kind': 'Вид', 'diary.value': 'Оценка',
  'diary.prefsHint': 'Как сообщать вам о новых оценках и пропусках.', 'diary.save': 'Сохранить', 'diary.saved': 'Сохранено',
  'diary.mode.INSTANT': 'сразу', 'diary.mode.DAILY': 'раз в день', 'diary.mode.WEEKLY': 'раз в неделю', 'diary.mode.NONE': 'не сообщать',
  'diary.channel.email': 'Электронная почта', 'diary.noAddress': 'адрес не указан — обратитесь к классному руководителю',
  'diary.kind.PERIOD': 'период', 'diary.kind.YEAR': 'год', 'diary.kind.EXAM': 'экзамен', 'diary.kind.FINAL': 'итоговая',
  'diary.prefsNotYours': 'Оповещения настраивают сам ученик и его родители.',
  'diary.absent.ILLNESS': 'отсутствовал(а) по болезни', 'diary.absent.EXCUSED': 'отсутствовал(а) по уважительной причине',
  'diary.absent.UNEXCUSED': 'отсутствовал(а) без уважительной причины', 'diary.absentLabel': 'отсутствовал(а): {label}',
  'diary.noForecastWhy': 'прогноза пока нет: {why}', 'diary.reason.fewer': 'нужно не меньше {n} оценок',
  'diary.reason.scheme': 'система оценивания «{s}» не установлена',
  'diary.notShown': 'Учитель ещё не показал оценок: {n}. Средний балл и прогноз посчитаны без них и могут измениться.',
  'diary.markOpen': 'Оценка {value}, {work}: подробнее', 'diary.markWork': '{value} — {work}', 'diary.markWeight': 'Вес: {w}',
  'diary.markDate': 'Дата работы: {date}', 'diary.markComment': 'Комментарий учителя: {text}',
  'diary.markNotCounted': 'Не входит в средний балл',
  // The work types as the journal names them (the gradebook's WorkTypes.ALL, GET /api/v1/gradebook/work-types).
  'diary.prevWeek': 'предыдущая неделя', 'diary.nextWeek': 'следующая неделя',
  'diary.noPeriod': 'На {date} учебного периода нет (каникулы или учебный год ещё не начался): выберите неделю учебного периода.',
  'diary.work.ORAL': 'Ответ на уроке', 'diary.work.HOMEWORK': 'Домашняя работа', 'diary.work.CLASSWORK': 'Работа на уроке',
  'diary.work.DICTATION': 'Диктант', 'diary.work.ESSAY': 'Сочинение', 'diary.work.PRACTICAL': 'Практическая работа',
  'diary.work.LAB': 'Лабораторная работа', 'diary.work.TEST': 'Самостоятельная работа', 'diary.work.PROJECT': 'Проект',
  'diary.work.CONTROL': 'Контрольная работа',
  'diary.yearTab': 'Итоги года', 'diary.cardYear': 'Учебный год', 'diary.cardYearOption': '{from}/{to}', 'diary.cardClass': 'класс {name}',
  'diary.cardYearGrade': 'Год', 'diary.cardExam': 'Экзамен', 'diary.cardFinal': 'Итоговая',
  'diary.cardEmpty': 'За {from}/{to} учебный год итоговых оценок пока нет.',
  'diary.achievements': 'Достижения', 'diary.achievementsEmpty': 'За {from}/{to} учебный год достижений не записано.',
  'ach.OLYMPIAD': 'олимпиада', 'ach.COMPETITION': 'конкурс', 'ach.CONFERENCE': 'конференция', 'ach.SPORTS': 'спортивное соревнование',
  'ach.OTHER': 'достижение', 'ach.SCHOOL': 'школьный уровень', 'ach.MUNICIPAL': 'муниципальный уровень', 'ach.REGIONAL': 'региональный уровень',
  'ach.FEDERAL': 'всероссийский уровень', 'ach.INTERNATIONAL': 'международный уровень', 'ach.WINNER': 'победитель', 'ach.PRIZE': 'призёр',
  'ach.PARTICIPANT': 'участник',
});
Object.assign(TEXTS.en, {
  'diary.title': 'Diary', 'diary.child': 'Student', 'diary.week': 'Week', 'diary.period': 'Period marks', 'diary.prefs': 'Notifications',
  'diary.today': 'Today', 'diary.noChildren': 'No student is linked to your account.', 'diary.noLessons': 'No lessons',
  'diary.topic': 'Topic', 'diary.homework': 'Homework', 'diary.comment': 'Comment', 'diary.substituted': 'substitution', 'diary.cancelled': 'cancelled',
  'diary.late': 'late {n} min', 'diary.absent': 'absent: {code}', 'diary.average': 'average {avg}',
  'diary.forecast': 'forecast {value}', 'diary.noForecast': 'no forecast yet', 'diary.confirmed': 'period grade: {value}', 'diary.noMarks': 'no marks', 'diary.weight': 'weight {w}',
  'diary.yearGrades': 'Final grades', 'diary.subject': 'Subject', 'diary.kind': 'Kind', 'diary.value': 'Grade',
  'diary.prefsHint': 'How to tell you about new marks and absences.', 'diary.save': 'Save', 'diary.saved': 'Saved',
  'diary.mode.INSTANT': 'at once', 'diary.mode.DAILY': 'daily', 'diary.mode.WEEKLY': 'weekly', 'diary.mode.NONE': 'never',
  'diary.channel.email': 'E-mail', 'diary.noAddress': 'no address on record — ask the class teacher',
  'diary.kind.PERIOD': 'period', 'diary.kind.YEAR': 'year', 'diary.kind.EXAM': 'exam', 'diary.kind.FINAL': 'final',
  'diary.prefsNotYours': 'Notifications are chosen by the student and their parents.',
  'diary.absent.ILLNESS': 'absent: illness', 'diary.absent.EXCUSED': 'absent: excused', 'diary.absent.UNEXCUSED': 'absent: unexcused',
  'diary.absentLabel': 'absent: {label}',
  'diary.noForecastWhy': 'no forecast yet: {why}', 'diary.reason.fewer': 'at least {n} marks are needed',
  'diary.reason.scheme': 'the grading scheme “{s}” is not installed',
  'diary.notShown': 'Marks the teacher has not shown yet: {n}. The average and the forecast leave them out and may change.',
  'diary.markOpen': 'Mark {value}, {work}: details', 'diary.markWork': '{value} — {work}', 'diary.markWeight': 'Weight: {w}',
  'diary.markDate': 'Date of the work: {date}', 'diary.markComment': 'Teacher’s comment: {text}',
  'diary.markNotCounted': 'Not counted in the average',
  'diary.prevWeek': 'previous week', 'diary.nextWeek': 'next week',
  'diary.noPeriod': 'No reporting period on {date} (holidays, or the year has not begun): choose a week of a reporting period.',
  'diary.work.ORAL': 'Oral answer', 'diary.work.HOMEWORK': 'Homework', 'diary.work.CLASSWORK': 'Classwork', 'diary.work.DICTATION': 'Dictation',
  'diary.work.ESSAY': 'Essay', 'diary.work.PRACTICAL': 'Practical work', 'diary.work.LAB': 'Laboratory work', 'diary.work.TEST': 'Quiz',
  'diary.work.PROJECT': 'Project', 'diary.work.CONTROL': 'Test',
  'diary.yearTab': 'Year results', 'diary.cardYear': 'School year', 'diary.cardYearOption': '{from}/{to}', 'diary.cardClass': 'class {name}',
  'diary.cardYearGrade': 'Year', 'diary.cardExam': 'Exam', 'diary.cardFinal': 'Final',
  'diary.cardEmpty': 'No final grades for {from}/{to} yet.',
  'diary.achievements': 'Achievements', 'diary.achievementsEmpty': 'No achievements recorded for {from}/{to}.',
  'ach.OLYMPIAD': 'olympiad', 'ach.COMPETITION': 'competition', 'ach.CONFERENCE': 'conference', 'ach.SPORTS': 'sports competition',
  'ach.OTHER': 'achievement', 'ach.SCHOOL': 'school level', 'ach.MUNICIPAL': 'municipal level', 'ach.REGIONAL': 'regional level',
  'ach.FEDERAL': 'national level', 'ach.INTERNATIONAL': 'international level', 'ach.WINNER': 'winner', 'ach.PRIZE': 'prize-winner',
  'ach.PARTICIPANT': 'participant',
});

const WEEKDAYS = { ru: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] };
const state = { student: null, day: isoDate(), tab: 'week' };
/** The attendance reference book of each student's school (code → {code, label, category}), by student, read once. */
const absenceCodes = new Map();

function lang() { return localStorage.getItem('zhurnal.lang') === 'en' ? 'en' : 'ru'; }

/** A number as the UI's language writes it: «3,33» in Russian, «3.33» in English. */
function num(n, digits) {
  const x = Number(n);
  if (n === null || n === undefined || Number.isNaN(x)) return '';
  const opts = digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return x.toLocaleString(lang() === 'en' ? 'en-GB' : 'ru-RU', opts);
}

/** The work type's name in the UI's language (the raw id only for a type this page does not know). */
function workName(id) {
  const key = 'diary.work.' + id;
  const name = t(key);
  return name === key ? (id || '') : name;
}

/** Why there is no forecast, in the UI's language: the grading schemes give a few known English reasons. */
function reasonText(reason) {
  if (!reason) return '';
  // The family is not told about marks in a scheme no longer used for the subject (a note for the teacher).
  const first = reason.split('; ')[0];
  if (first === 'no marks') return '';
  let m = /^fewer than (\d+) marks$/.exec(first);
  if (m) return t('diary.reason.fewer', { n: m[1] });
  m = /^The grading scheme «(.+)» is not installed$/.exec(first);
  return m ? t('diary.reason.scheme', { s: m[1] }) : first;
}

async function codesOf(student) {
  if (!absenceCodes.has(student)) {
    // Without the reference book the absence is still named by its category.
    const codes = await api('GET', `diary/students/${encodeURIComponent(student)}/absence-codes`).catch(() => null);
    if (!codes) return new Map();
    absenceCodes.set(student, new Map(codes.map((c) => [String(c.code).trim().toLowerCase(), c])));
  }
  return absenceCodes.get(student);
}

/**
 * An absence as the journal names it: in Russian the school's label of the code («пропуск по болезни»; a label not
 * saying «отсутствовал…» after «отсутствовал(а):»), else what its category means; lateness with its minutes.
 */
function absenceText(a, codes) {
  if (a.category === 'LATE') return t('diary.late', { n: a.lateMinutes ?? '?' });
  const c = codes.get(String(a.code || '').trim().toLowerCase());
  if (lang() === 'ru' && c && c.label && c.label.trim()) {
    const label = c.label.trim();
    // A label that names the absence itself («пропуск по болезни», «отсутствие…») stands alone; a bare reason follows «отсутствовал(а):».
    return /^(отсутств|пропуск|опоздан)/i.test(label) ? label : t('diary.absentLabel', { label });
  }
  const key = 'diary.absent.' + a.category;
  return t(key) === key ? t('diary.absent', { code: a.code }) : t(key);
}

function markClass(v) {
  const n = parseFloat(v);
  if (Number.isNaN(n)) return 'mark';
  return n <= 2 ? 'mark low' : n < 4 ? 'mark mid' : 'mark';
}

let panels = 0;

/** The panel where a lesson's or subject's marks show their details (one at a time), hidden until a mark is opened. */
function markPanel() {
  const p = el('div', 'mark-details');
  p.id = `markDetails${++panels}`;
  p.hidden = true;
  p.setAttribute('aria-live', 'polite');
  return p;
}

/**
 * A mark as a button (tap, click, Enter or Space): it opens its details in the panel — the work type in the UI's language, its
 * weight, the date of the work and the teacher's comment — and closes them when pressed again (a touch screen has no tooltip).
 */
function markEl(m, panel) {
  const b = el('button', markClass(m.value), m.value);
  b.type = 'button';
  b.dataset.mark = m.id;
  b.setAttribute('aria-expanded', 'false');
  b.setAttribute('aria-controls', panel.id);
  b.setAttribute('aria-label', t('diary.markOpen', { value: m.value, work: workName(m.workType) }));
  b.title = `${workName(m.workType)} · ${t('diary.weight', { w: num(m.weight) })}`;
  b.addEventListener('click', () => toggleMark(b, m, panel));
  b.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && !panel.hidden) toggleMark(b, m, panel); });
  return b;
}

function toggleMark(button, m, panel) {
  const open = !panel.hidden && panel.dataset.mark === m.id;
  document.querySelectorAll(`[aria-controls="${panel.id}"]`).forEach((x) => x.setAttribute('aria-expanded', 'false'));
  if (open) { panel.hidden = true; delete panel.dataset.mark; return; }
  const rows = [el('strong', null, t('diary.markWork', { value: m.value, work: workName(m.workType) })),
    el('div', null, t('diary.markWeight', { w: num(m.weight) }))];
  if (m.workDate) rows.push(el('div', null, t('diary.markDate', { date: date(m.workDate) })));
  if (m.comment) rows.push(el('div', 'mark-comment', t('diary.markComment', { text: m.comment })));
  if (m.counts === false) rows.push(el('div', 'hint', t('diary.markNotCounted')));
  panel.replaceChildren(...rows);
  panel.dataset.mark = m.id;
  panel.hidden = false;
  button.setAttribute('aria-expanded', 'true');
}

function line(label, text) {
  const d = el('div', 'line');
  d.append(el('b', null, label + ': '), text);
  return d;
}

function lessonEl(l, codes) {
  const div = el('div', 'lesson' + (l.status === 'CANCELLED' ? ' cancelled' : ''));
  div.dataset.occurrence = l.occurrenceId;
  const head = el('div', 'head');
  head.append(el('span', 'time', `${l.number}. ${(l.start || '').substring(0, 5)}${l.end ? '–' + l.end.substring(0, 5) : ''}`),
    el('span', 'subject', l.subject));
  if (l.status === 'SUBSTITUTED') head.append(el('span', 'badge', t('diary.substituted')));
  if (l.status === 'CANCELLED') head.append(el('span', 'badge cancel', t('diary.cancelled')));
  const who = [l.teacherName, l.room].filter(Boolean).join(', ');
  if (who) head.append(el('span', 'who', who));
  const panel = markPanel();
  if (l.marks.length) { const ms = el('span', 'marks'); l.marks.forEach((m) => ms.append(markEl(m, panel))); head.append(ms); }
  div.append(head, panel);
  if (l.changeReason) div.append(el('div', 'line hint', l.changeReason));
  if (l.topic) div.append(line(t('diary.topic'), l.topic));
  if (l.homework) {
    const hw = line(t('diary.homework'), l.homework);
    hw.classList.add('homework');
    (l.homeworkLinks || []).forEach((href) => {
      if (!/^https?:\/\//i.test(href)) return; // only web links are made clickable
      const a = el('a', null, href); a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer';
      hw.append(' ', a);
    });
    div.append(hw);
  }
  if (l.comment) div.append(line(t('diary.comment'), l.comment));
  if (l.absence) div.append(el('div', 'absence', absenceText(l.absence, codes)));
  return div;
}

async function showWeek(current) {
  const [w, codes] = await Promise.all([api('GET', `diary/students/${encodeURIComponent(state.student)}/week?date=${state.day}`),
    codesOf(state.student)]);
  if (!current()) return;
  $('weekTitle').textContent = `${date(w.from)} – ${date(w.to)}`;
  const today = isoDate();
  $('days').replaceChildren(...w.days.filter((d, i) => i < 6 || d.lessons.length || d.dayOff).map((d, i) => {
    const box = el('section', 'day' + (d.date === today ? ' today' : ''));
    box.dataset.date = d.date;
    box.append(el('h3', null, `${WEEKDAYS[lang()][i]}, ${date(d.date)}`));
    if (d.dayOff) box.append(el('div', 'off dayoff', d.dayOff));
    if (!d.lessons.length && !d.dayOff) box.append(el('div', 'off', t('diary.noLessons')));
    d.lessons.forEach((l) => box.append(lessonEl(l, codes)));
    return box;
  }));
}

async function showPeriod(current) {
  let p;
  try {
    p = await api('GET', `diary/students/${encodeURIComponent(state.student)}/period?date=${state.day}`);
  } catch (e) {
    // Holidays, or a new year whose calendar is not set up yet: not an error of the family's, said plainly.
    if (!(e.status === 404 && /учебного периода|Reporting period/.test((e.problem && e.problem.detail) || ''))) throw e;
    if (!current()) return;
    $('periodTitle').textContent = t('diary.noPeriod', { date: date(state.day) });
    $('subjects').replaceChildren();
    $('yearGrades').hidden = $('yearTitle').hidden = true;
    return;
  }
  if (!current()) return;
  $('periodTitle').textContent = `${p.periodName} (${date(p.from)} – ${date(p.to)})`;
  $('subjects').replaceChildren(...p.subjects.map((s) => {
    const row = el('div', 'subject-row');
    row.dataset.subject = s.subject;
    const top = el('div', 'subj-head');
    top.append(el('strong', null, s.subject));
    const right = el('span');
    if (s.average != null) right.append(el('span', 'avg', t('diary.average', { avg: num(s.average, 2) })), ' ');
    if (s.confirmed) right.append(el('span', 'forecast confirmed', t('diary.confirmed', { value: s.confirmed })));
    else if (s.forecast) right.append(el('span', 'forecast', t('diary.forecast', { value: s.forecast })));
    else if (s.reason) {
      const why = reasonText(s.reason);
      right.append(el('span', 'hint no-forecast', why ? t('diary.noForecastWhy', { why }) : t('diary.noForecast')));
    }
    top.append(right);
    row.append(top);
    const ms = el('div', 'marks');
    const panel = markPanel();
    if (s.marks.length) s.marks.forEach((m) => ms.append(markEl(m, panel))); else ms.append(el('span', 'hint', t('diary.noMarks')));
    row.append(ms, panel);
    // The teacher's own average may differ: say so, without what the marks are.
    if (!s.confirmed && s.notShown > 0) row.append(el('div', 'hint not-shown', t('diary.notShown', { n: s.notShown })));
    return row;
  }));
  const table = $('yearGrades');
  table.hidden = $('yearTitle').hidden = p.yearGrades.length === 0;
  const head = el('tr');
  [t('diary.subject'), t('diary.kind'), t('diary.value')].forEach((h) => head.append(el('th', null, h)));
  table.replaceChildren(head, ...p.yearGrades.map((g) => {
    const tr = el('tr');
    // A period grade names its period («1 четверть»): two period grades of a subject are otherwise alike.
    tr.append(el('td', null, g.subject), el('td', null, g.kind === 'PERIOD' && g.periodName ? g.periodName : t('diary.kind.' + g.kind)),
      el('td', 'n', g.value));
    return tr;
  }));
}

/** The report card of a year: subjects × the year's periods, then the year, exam and final grades (only columns that have one). */
async function showYear(current) {
  const student = state.student;
  const year = state.cardYear || '';
  const card = await api('GET', `diary/students/${encodeURIComponent(student)}/year${year ? `?year=${year}` : ''}`);
  if (!current()) return;
  state.cardYear = String(card.academicYear);
  const sel = $('cardYear');
  sel.replaceChildren(...card.years.map((y) => {
    const o = el('option', null, t('diary.cardYearOption', { from: y, to: y + 1 }));
    o.value = String(y);
    return o;
  }));
  sel.value = state.cardYear;
  $('cardClass').textContent = card.className ? t('diary.cardClass', { name: card.className }) : '';
  const extra = [['year', 'diary.cardYearGrade'], ['exam', 'diary.cardExam'], ['fin', 'diary.cardFinal']]
    .filter(([k]) => card.subjects.some((r) => r[k]));
  const table = $('card');
  const head = el('tr');
  head.append(el('th', null, t('diary.subject')));
  card.periods.forEach((p) => { const th = el('th', 'n', p.name); th.title = `${date(p.start)} – ${date(p.end)}`; head.append(th); });
  extra.forEach(([, key]) => head.append(el('th', 'n', t(key))));
  table.replaceChildren(head, ...card.subjects.map((r) => {
    const tr = el('tr');
    tr.dataset.subject = r.subject;
    tr.append(el('td', null, r.subject));
    card.periods.forEach((p) => tr.append(el('td', 'n', r.periods[p.periodId] || '')));
    extra.forEach(([k]) => tr.append(el('td', `n ${k}`, r[k] || '')));
    return tr;
  }));
  table.hidden = card.subjects.length === 0;
  $('cardEmpty').hidden = card.subjects.length > 0;
  $('cardEmpty').textContent = t('diary.cardEmpty', { from: card.academicYear, to: card.academicYear + 1 });
  // The student's achievements of that school year (the portfolio the school keeps), newest first.
  const from = `${card.academicYear}-09-01`;
  const to = `${card.academicYear + 1}-08-31`;
  let list = [];
  try {
    list = (await api('GET', `roster/persons/${encodeURIComponent(student)}/achievements`)).filter((a) => a.date >= from && a.date <= to);
  } catch (e) {
    list = []; // achievements are the roster's: without them the report card still stands
  }
  if (!current()) return;
  $('achievements').replaceChildren(...list.map((a) => {
    const li = el('li');
    li.append(el('strong', null, a.title), ` — ${[t('ach.' + a.result), a.subject, t('ach.' + a.kind), t('ach.' + a.level)]
      .filter(Boolean).join(', ')}, ${date(a.date)}`);
    return li;
  }));
  $('achievementsEmpty').hidden = list.length > 0;
  $('achievementsEmpty').textContent = t('diary.achievementsEmpty', { from: card.academicYear, to: card.academicYear + 1 });
}

async function showPrefs(current) {
  const form = $('prefs');
  const student = state.student; // the child whose preferences these are, whatever is chosen later
  let prefs;
  try {
    prefs = await api('GET', `diary/students/${encodeURIComponent(student)}/preferences`);
  } catch (e) {
    if (e.status === 403 && current()) { form.replaceChildren(el('p', 'hint', t('diary.prefsNotYours'))); return; }
    throw e;
  }
  if (!current()) return;
  form.replaceChildren(...prefs.map((p) => {
    const label = el('label');
    label.append(el('span', null, `${t('diary.channel.' + p.channel)}${p.address ? ' (' + p.address + ')' : ''}`));
    const select = el('select');
    select.name = p.channel;
    ['INSTANT', 'DAILY', 'WEEKLY', 'NONE'].forEach((m) => { const o = el('option', null, t('diary.mode.' + m)); o.value = m; select.append(o); });
    select.value = p.mode;
    select.addEventListener('change', async () => {
      try {
        await api('PUT', `diary/students/${encodeURIComponent(student)}/preferences`, { channel: p.channel, mode: select.value });
        say($('status'), 'good', t('diary.saved'));
      } catch (e) { say($('status'), 'bad', errorText(e)); }
    });
    label.append(select);
    if (!p.address) label.append(el('div', 'hint', t('diary.noAddress')));
    return label;
  }));
}

// A parent switching children or weeks quickly: an earlier answer arriving late must not be drawn under the later choice.
const nextShow = latestOnly();

async function show() {
  if (!state.student) return;
  const current = nextShow();
  say($('status'), '', t('page.loading'));
  try {
    if (state.tab === 'week') await showWeek(current);
    else if (state.tab === 'period') await showPeriod(current);
    else if (state.tab === 'year') await showYear(current);
    else await showPrefs(current);
    if (current()) say($('status'), '');
  } catch (e) {
    if (current()) say($('status'), 'bad', errorText(e));
  }
}

function selectTab(tab) {
  state.tab = tab;
  for (const [id, name] of [['tabWeek', 'week'], ['tabPeriod', 'period'], ['tabYear', 'year'], ['tabPrefs', 'prefs']]) {
    $(id).setAttribute('aria-selected', String(name === tab));
  }
  $('weekView').hidden = tab !== 'week';
  $('periodView').hidden = tab !== 'period';
  $('yearView').hidden = tab !== 'year';
  $('prefsView').hidden = tab !== 'prefs';
  show();
}

async function init() {
  translate();
  const q = new URLSearchParams(location.search);
  if (q.get('date')) state.day = q.get('date');
  try {
    const children = await api('GET', 'diary/children');
    if (!children.length) { say($('status'), '', t('diary.noChildren')); return; }
    const select = $('child');
    children.forEach((c) => { const o = el('option', null, c.className ? `${c.name}, ${c.className}` : c.name); o.value = c.studentId; select.append(o); });
    $('childBox').hidden = children.length < 2;
    state.student = q.get('student') && children.some((c) => c.studentId === q.get('student')) ? q.get('student') : children[0].studentId;
    select.value = state.student;
    select.addEventListener('change', () => { state.student = select.value; state.cardYear = ''; show(); });
  } catch (e) { say($('status'), 'bad', errorText(e)); return; }
  show();
}

$('tabWeek').addEventListener('click', () => selectTab('week'));
$('tabPeriod').addEventListener('click', () => selectTab('period'));
$('tabYear').addEventListener('click', () => selectTab('year'));
$('tabPrefs').addEventListener('click', () => selectTab('prefs'));
$('cardYear').addEventListener('change', () => { state.cardYear = $('cardYear').value; show(); });
$('prev').addEventListener('click', () => { state.day = addDays(mondayOf(state.day), -7); show(); });
$('next').addEventListener('click', () => { state.day = addDays(mondayOf(state.day), 7); show(); });
$('thisWeek').addEventListener('click', () => { state.day = isoDate(); show(); });
onLanguageChange(() => { translate(); show(); });
init();
