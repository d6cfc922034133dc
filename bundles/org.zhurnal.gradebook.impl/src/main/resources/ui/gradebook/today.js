// The teacher's day: lessons of the signed-in teacher and what each still lacks, each linking to its journal.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, date, el, errorText, isoDate, latestOnly, onLanguageChange, say } from '/page.js';
import '/ui/gradebook/gradebook-common.js'; // its texts (the «Show» button)

Object.assign(TEXTS.ru, {
  'today.title': 'Сегодня', 'today.date': 'Дата', 'today.none': 'В этот день у вас нет уроков.',
  'today.missing': 'Не заполнено: {what}', 'today.complete': 'Всё заполнено', 'today.topic': 'тема', 'today.attendance': 'посещаемость',
  'today.homework': 'домашнее задание', 'today.marks': 'Оценок: {n}', 'today.open': 'Открыть в журнале', 'today.substituted': 'замена',
  'today.notHeld': 'Урок не проводился', 'today.overdue': 'Не заполнено за прошлые дни',
  'today.overdueHint': 'Уроки двух последних недель, у которых нет темы или отметки посещаемости: по положению о журнале их заполняют в день урока.',
});
Object.assign(TEXTS.en, {
  'today.title': 'Today', 'today.date': 'Date', 'today.none': 'You have no lessons on this day.',
  'today.missing': 'Missing: {what}', 'today.complete': 'Everything is filled in', 'today.topic': 'topic', 'today.attendance': 'attendance',
  'today.homework': 'homework', 'today.marks': 'Marks: {n}', 'today.open': 'Open in the journal', 'today.substituted': 'substitution',
  'today.notHeld': 'The lesson did not take place', 'today.overdue': 'Not filled in on earlier days',
  'today.overdueHint': 'Lessons of the last two weeks without a topic or attendance: the journal regulations want them on the lesson\'s day.',
});

const namesByDay = new Map(); // day → a promise of its names: the day's list and the overdue list share today's

/** Names of the classes and groups the teacher teaches around the day (teachers may not list the roster), by id. */
function namesAround(day) {
  if (!namesByDay.has(day)) {
    namesByDay.set(day, api('GET', `gradebook/teaching?date=${encodeURIComponent(day)}`)
      .then((teaching) => new Map(teaching.map((x) => [x.classId || x.groupId, x.name])))
      .catch((e) => { namesByDay.delete(day); throw e; }));
  }
  return namesByDay.get(day);
}

/** A lesson and what it lacks; {@code dated}: its date leads (the overdue list spans days). */
function item(x, names, dated) {
  const l = x.lesson;
  const li = el('li');
  li.dataset.occurrence = l.occurrenceId;
  const head = el('div');
  if (dated) head.append(el('span', 'when', date(l.date)));
  head.append(el('span', 'when', `${l.lessonNumber}. ${(l.start || '').substring(0, 5)}–${(l.end || '').substring(0, 5)}`),
    `${l.subject}, ${names.get(l.classId || l.groupId) || ''}${l.room ? ', ' + l.room : ''}`);
  if (l.status === 'SUBSTITUTED') head.append(el('span', 'hint', ` (${t('today.substituted')})`));
  li.appendChild(head);
  const missing = [];
  if (!x.topic) missing.push(t('today.topic'));
  if (!x.attendance) missing.push(t('today.attendance'));
  if (!x.homework) missing.push(t('today.homework'));
  if (!x.held) li.appendChild(el('div', 'complete', t('today.notHeld')));
  else li.appendChild(missing.length ? el('div', 'missing', t('today.missing', { what: missing.join(', ') })) : el('div', 'complete', t('today.complete')));
  li.appendChild(el('div', 'hint', t('today.marks', { n: x.marks })));
  const q = new URLSearchParams({ subject: l.subject, date: l.date });
  if (l.classId) q.set('classId', l.classId); else q.set('groupId', l.groupId);
  const a = el('a', 'open', t('today.open'));
  // Through the shell, so the menu and the address bar follow.
  a.href = `/#page:/ui/gradebook/journal.html?${q}`;
  a.target = '_top';
  li.appendChild(a);
  return li;
}

const nextShow = latestOnly(); // an earlier day's answer arriving late must not replace the chosen day's

async function show() {
  const day = $('day').value || isoDate();
  const current = nextShow();
  say($('status'), '', t('page.loading'));
  try {
    const names = await namesAround(day);
    const list = await api('GET', `gradebook/today?date=${encodeURIComponent(day)}`);
    if (!current()) return;
    $('lessons').replaceChildren(...list.map((x) => item(x, names, false)));
    say($('status'), '', ...(list.length ? [] : [t('today.none')]));
  } catch (e) {
    if (!current()) return;
    $('lessons').replaceChildren();
    say($('status'), 'bad', errorText(e));
  }
}

/** The lessons of the two weeks before today still without topic or attendance (whatever day is shown above). */
async function showOverdue() {
  try {
    const today = isoDate();
    const [names, list] = await Promise.all([namesAround(today), api('GET', `gradebook/unfilled?before=${today}&days=14`)]);
    $('overdue-list').replaceChildren(...list.map((x) => item(x, names, true)));
    $('overdue').hidden = list.length === 0;
  } catch (e) {
    $('overdue').hidden = true; // the day's list above reports the failure
  }
}

$('filter').addEventListener('submit', (ev) => { ev.preventDefault(); show(); });
$('day').addEventListener('change', show);
onLanguageChange(() => { translate(); show(); showOverdue(); });
translate();
$('day').value = new URLSearchParams(location.search).get('date') || isoDate();
show();
showOverdue();
