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
});

const WEEKDAYS = { ru: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] };
const state = { student: null, day: isoDate(), tab: 'week' };

function lang() { return localStorage.getItem('zhurnal.lang') === 'en' ? 'en' : 'ru'; }

function markClass(v) {
  const n = parseFloat(v);
  if (Number.isNaN(n)) return 'mark';
  return n <= 2 ? 'mark low' : n < 4 ? 'mark mid' : 'mark';
}

function markEl(m) {
  const s = el('span', markClass(m.value), m.value);
  s.title = `${m.workType} · ${t('diary.weight', { w: m.weight })} · ${date(m.workDate)}${m.comment ? ' · ' + m.comment : ''}`;
  s.dataset.mark = m.id;
  return s;
}

function line(label, text) {
  const d = el('div', 'line');
  d.append(el('b', null, label + ': '), text);
  return d;
}

function lessonEl(l) {
  const div = el('div', 'lesson' + (l.status === 'CANCELLED' ? ' cancelled' : ''));
  div.dataset.occurrence = l.occurrenceId;
  const head = el('div', 'head');
  head.append(el('span', 'time', `${l.number}. ${(l.start || '').substring(0, 5)}${l.end ? '–' + l.end.substring(0, 5) : ''}`),
    el('span', 'subject', l.subject));
  if (l.status === 'SUBSTITUTED') head.append(el('span', 'badge', t('diary.substituted')));
  if (l.status === 'CANCELLED') head.append(el('span', 'badge cancel', t('diary.cancelled')));
  const who = [l.teacherName, l.room].filter(Boolean).join(', ');
  if (who) head.append(el('span', 'who', who));
  if (l.marks.length) { const ms = el('span', 'marks'); l.marks.forEach((m) => ms.append(markEl(m))); head.append(ms); }
  div.append(head);
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
  if (l.absence) {
    div.append(el('div', 'absence', l.absence.category === 'LATE' ? t('diary.late', { n: l.absence.lateMinutes ?? '?' })
      : t('diary.absent', { code: l.absence.code })));
  }
  return div;
}

async function showWeek(current) {
  const w = await api('GET', `diary/students/${encodeURIComponent(state.student)}/week?date=${state.day}`);
  if (!current()) return;
  $('weekTitle').textContent = `${date(w.from)} – ${date(w.to)}`;
  const today = isoDate();
  $('days').replaceChildren(...w.days.filter((d, i) => i < 6 || d.lessons.length || d.dayOff).map((d, i) => {
    const box = el('section', 'day' + (d.date === today ? ' today' : ''));
    box.dataset.date = d.date;
    box.append(el('h3', null, `${WEEKDAYS[lang()][i]}, ${date(d.date)}`));
    if (d.dayOff) box.append(el('div', 'off dayoff', d.dayOff));
    if (!d.lessons.length && !d.dayOff) box.append(el('div', 'off', t('diary.noLessons')));
    d.lessons.forEach((l) => box.append(lessonEl(l)));
    return box;
  }));
}

async function showPeriod(current) {
  const p = await api('GET', `diary/students/${encodeURIComponent(state.student)}/period?date=${state.day}`);
  if (!current()) return;
  $('periodTitle').textContent = `${p.periodName} (${date(p.from)} – ${date(p.to)})`;
  $('subjects').replaceChildren(...p.subjects.map((s) => {
    const row = el('div', 'subject-row');
    row.dataset.subject = s.subject;
    const top = el('div', 'subj-head');
    top.append(el('strong', null, s.subject));
    const right = el('span');
    if (s.average != null) right.append(el('span', 'avg', t('diary.average', { avg: s.average })), ' ');
    if (s.confirmed) right.append(el('span', 'forecast confirmed', t('diary.confirmed', { value: s.confirmed })));
    else if (s.forecast) right.append(el('span', 'forecast', t('diary.forecast', { value: s.forecast })));
    else if (s.reason) { const r = el('span', 'hint', t('diary.noForecast')); r.title = s.reason; right.append(r); }
    top.append(right);
    row.append(top);
    const ms = el('div', 'marks');
    if (s.marks.length) s.marks.forEach((m) => ms.append(markEl(m))); else ms.append(el('span', 'hint', t('diary.noMarks')));
    row.append(ms);
    return row;
  }));
  const table = $('yearGrades');
  table.hidden = $('yearTitle').hidden = p.yearGrades.length === 0;
  const head = el('tr');
  [t('diary.subject'), t('diary.kind'), t('diary.value')].forEach((h) => head.append(el('th', null, h)));
  table.replaceChildren(head, ...p.yearGrades.map((g) => {
    const tr = el('tr');
    tr.append(el('td', null, g.subject), el('td', null, t('diary.kind.' + g.kind)), el('td', 'n', g.value));
    return tr;
  }));
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
    if (state.tab === 'week') await showWeek(current); else if (state.tab === 'period') await showPeriod(current); else await showPrefs(current);
    if (current()) say($('status'), '');
  } catch (e) {
    if (current()) say($('status'), 'bad', errorText(e));
  }
}

function selectTab(tab) {
  state.tab = tab;
  for (const [id, name] of [['tabWeek', 'week'], ['tabPeriod', 'period'], ['tabPrefs', 'prefs']]) $(id).setAttribute('aria-selected', String(name === tab));
  $('weekView').hidden = tab !== 'week';
  $('periodView').hidden = tab !== 'period';
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
    select.addEventListener('change', () => { state.student = select.value; show(); });
  } catch (e) { say($('status'), 'bad', errorText(e)); return; }
  show();
}

$('tabWeek').addEventListener('click', () => selectTab('week'));
$('tabPeriod').addEventListener('click', () => selectTab('period'));
$('tabPrefs').addEventListener('click', () => selectTab('prefs'));
$('prev').addEventListener('click', () => { state.day = addDays(mondayOf(state.day), -7); show(); });
$('next').addEventListener('click', () => { state.day = addDays(mondayOf(state.day), 7); show(); });
$('thisWeek').addEventListener('click', () => { state.day = isoDate(); show(); });
onLanguageChange(() => { translate(); show(); });
init();
