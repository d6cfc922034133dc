// The weekly timetable of a class or a teacher, its template entries, and the form adding an entry.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, addDays, date, el, errorText, fillSelect, isoDate, mondayOf, onLanguageChange, problemText, say, chooseSchool, latestOnly } from '/page.js';
import { schoolData, WEEKDAYS, weekdayName } from '/ui/timetable/timetable-common.js';

Object.assign(TEXTS.ru, {
  'week.title': 'Расписание', 'week.of': 'Расписание для', 'week.add': 'Добавить урок в расписание', 'week.from': 'Действует с',
  'week.to': 'по (необязательно)', 'week.addButton': 'Добавить', 'week.entries': 'Записи расписания', 'week.who': 'Класс / учитель',
  'week.valid': 'Действует', 'week.added': 'Урок добавлен: {what}.', 'week.conflict': 'Конфликт в расписании: {detail}',
  'week.none': 'На этой неделе уроков нет.', 'week.since': 'с {from}', 'week.until': 'по {to}',
  'week.endTitle': 'Снять с расписания', 'week.endFrom': 'с даты', 'week.end': 'Снять',
  'week.endAsk': '«{what}» больше не проводится с {date} (последний раз — накануне). Уроки до этой даты и записи журнала остаются. Снять?',
  'week.ended': '«{what}» снят с расписания с {date}.',
});
Object.assign(TEXTS.en, {
  'week.title': 'Timetable', 'week.of': 'Timetable of', 'week.add': 'Add a lesson to the timetable', 'week.from': 'Valid from',
  'week.to': 'until (optional)', 'week.addButton': 'Add', 'week.entries': 'Timetable entries', 'week.who': 'Class / teacher',
  'week.valid': 'Valid', 'week.added': 'Lesson added: {what}.', 'week.conflict': 'Timetable conflict: {detail}',
  'week.none': 'No lessons this week.', 'week.since': 'from {from}', 'week.until': 'until {to}',
  'week.endTitle': 'Remove from the timetable', 'week.endFrom': 'from', 'week.end': 'Remove',
  'week.endAsk': '“{what}” is no longer held from {date} (the last time the day before). The lessons before it and the journal stay. Remove it?',
  'week.ended': '“{what}” removed from the timetable from {date}.',
});

let data = null; // the school's classes, groups, staff
let admin = false; // whether the caller administers the school's timetable (adds and ends entries)
const ADMINS = ['SYSTEM_ADMIN', 'MUNICIPAL_ADMIN', 'SCHOOL_COORDINATOR', 'DEPUTY_DIRECTOR'];
const nextLoad = latestOnly(); // only the answer to the latest choice is drawn

function lessonNode(l) {
  const d = el('div', 'lesson ' + l.status);
  // The bells of the day: a shortened day shows its own times.
  if (l.start && l.end) d.appendChild(el('div', 'time', `${l.start.substring(0, 5)}–${l.end.substring(0, 5)}`));
  d.appendChild(el('div', 'subject', l.subject));
  const mode = $('mode').value;
  d.appendChild(el('div', 'who', [mode === 'class' ? data.name(l.teacherId) : data.name(l.classId || l.groupId), l.room].filter(Boolean).join(', ')));
  if (l.status !== 'SCHEDULED') d.appendChild(el('div', 'note', [t('tt.' + l.status), l.changeReason].filter(Boolean).join(': ')));
  return d;
}

function renderWeek(monday, lessons) {
  const days = lessons.some((l) => l.date === addDays(monday, 5)) ? 6 : 5;
  const max = Math.max(6, ...lessons.map((l) => l.lessonNumber));
  const head = el('tr');
  head.appendChild(el('th', 'num', '№'));
  for (let i = 0; i < days; i++) head.appendChild(el('th', null, `${weekdayName(WEEKDAYS[i])} ${date(addDays(monday, i)).substring(0, 5)}`));
  const body = el('tbody');
  for (let n = 1; n <= max; n++) {
    const tr = el('tr');
    tr.appendChild(el('th', 'num', String(n)));
    for (let i = 0; i < days; i++) {
      const td = el('td');
      td.id = `slot-${WEEKDAYS[i]}-${n}`;
      lessons.filter((l) => l.date === addDays(monday, i) && l.lessonNumber === n).forEach((l) => td.appendChild(lessonNode(l)));
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  const thead = el('thead');
  thead.appendChild(head);
  $('week').replaceChildren(thead, body);
}

function renderEntries(entries) {
  $('entries').replaceChildren(...entries.map((e) => {
    const tr = el('tr');
    tr.dataset.entry = e.id;
    const valid = [t('week.since', { from: date(e.validFrom) }), e.validTo ? t('week.until', { to: date(e.validTo) }) : ''].filter(Boolean).join(' ');
    const who = $('mode').value === 'class' ? data.name(e.teacherId) : data.name(e.classId || e.groupId);
    [weekdayName(e.weekday), String(e.lessonNumber), e.subject, who, e.room || '', valid].forEach((x) => tr.appendChild(el('td', null, x)));
    if (admin) tr.appendChild(endCell(e));
    return tr;
  }));
}

/**
 * Ending an entry from a date (a teacher leaves, a subject moves to another slot): the entry last applies the day before;
 * the lessons before it and what the journal holds stay. Asked first.
 */
function endCell(e) {
  const td = el('td', 'end');
  const day = el('input');
  day.type = 'date';
  day.className = 'end-date';
  day.setAttribute('aria-label', t('week.endFrom'));
  const next = addDays(mondayOf($('day').value || isoDate()), 7);
  day.value = e.validTo && e.validTo < next ? e.validTo : next;
  day.min = e.validFrom;
  const b = el('button', 'btn small', t('week.end'));
  b.type = 'button';
  b.addEventListener('click', async () => {
    const what = `${e.subject}, ${weekdayName(e.weekday)}, ${e.lessonNumber}`;
    if (!day.value || !window.confirm(t('week.endAsk', { what, date: date(day.value) }))) return;
    try {
      await api('PUT', `timetable/entries/${encodeURIComponent(e.id)}/end`, { date: day.value });
      await show();
      say($('end-result'), 'good', t('week.ended', { what, date: date(day.value) }));
    } catch (err) {
      say($('end-result'), 'bad', errorText(err));
    }
  });
  td.append(day, b);
  return td;
}

async function show() {
  const school = $('school').value;
  const monday = mondayOf($('day').value || isoDate());
  const mode = $('mode').value;
  const who = mode === 'class' ? $('class').value : $('teacher').value;
  if (!who) return;
  say($('status'), '', t('page.loading'));
  const current = nextLoad();
  try {
    const range = `from=${monday}&to=${addDays(monday, 6)}`;
    const [lessons, entries] = await Promise.all([
      api('GET', `timetable/${mode === 'class' ? 'classes' : 'teachers'}/${encodeURIComponent(who)}/lessons?${range}`),
      api('GET', `timetable/schools/${encodeURIComponent(school)}/entries?${mode === 'class' ? 'classId' : 'teacherId'}=${encodeURIComponent(who)}&date=${monday}`)]);
    if (!current()) return;
    renderWeek(monday, lessons);
    renderEntries(entries);
    say($('status'), '', ...(lessons.length ? [] : [t('week.none')]));
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}

const nextSchool = latestOnly();

/** Loads the chosen school's classes and staff; answers false when another school was chosen meanwhile. */
async function loadSchool() {
  const fresh = nextSchool();
  const loaded = await schoolData($('school').value, $('day').value || isoDate());
  if (!fresh()) return false;
  data = loaded;
  const classes = data.classes.map((c) => [c.id, `${c.grade}${c.letter}`]);
  const staff = data.staff.map((p) => [p.id, data.name(p.id)]);
  fillSelect($('class'), classes, $('class').value);
  fillSelect($('e-class'), classes, $('class').value);
  fillSelect($('teacher'), staff, $('teacher').value);
  fillSelect($('e-teacher'), staff, $('e-teacher').value);
  return true;
}

$('entry-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  document.querySelectorAll('#week td.conflict').forEach((td) => td.classList.remove('conflict'));
  const body = {
    classId: $('e-class').value, subject: $('e-subject').value.trim(), teacherId: $('e-teacher').value, room: $('e-room').value.trim() || null,
    weekday: $('e-weekday').value, lessonNumber: Number($('e-number').value), validFrom: $('e-from').value || null, validTo: $('e-to').value || null,
  };
  try {
    const e = await api('POST', `timetable/schools/${encodeURIComponent($('school').value)}/entries`, body);
    say($('entry-result'), 'good', t('week.added', { what: `${e.subject}, ${weekdayName(e.weekday)}, ${e.lessonNumber}` }));
    await show();
  } catch (e) {
    if (e.status === 409) {
      say($('entry-result'), 'bad conflict', t('week.conflict', { detail: problemText(e) }));
      const slot = $(`slot-${body.weekday}-${body.lessonNumber}`);
      if (slot) slot.classList.add('conflict');
    } else {
      say($('entry-result'), 'bad', errorText(e));
    }
  }
});

$('mode').addEventListener('change', () => {
  $('class-label').hidden = $('mode').value !== 'class';
  $('teacher-label').hidden = $('mode').value === 'class';
  show();
});
$('filter').addEventListener('submit', (ev) => { ev.preventDefault(); show(); });
$('school').addEventListener('change', async () => { if (await loadSchool()) show(); });
$('class').addEventListener('change', () => { $('e-class').value = $('class').value; show(); });
$('teacher').addEventListener('change', show);
onLanguageChange(() => { translate(); fillSelect($('e-weekday'), WEEKDAYS.map((w) => [w, weekdayName(w)]), $('e-weekday').value); show(); });

async function start() {
  translate();
  const today = isoDate();
  $('day').value = today;
  $('e-from').value = mondayOf(today);
  fillSelect($('e-weekday'), WEEKDAYS.map((w) => [w, weekdayName(w)]));
  try {
    const [me] = await Promise.all([api('GET', 'auth/me'), chooseSchool($('school'), $('school-label'))]);
    const q = new URLSearchParams(location.search);
    if (!(await loadSchool())) return;
    // Only the school's administrators change the timetable; a teacher sees their own week first.
    admin = (me.grants || []).some((g) => ADMINS.includes(g.role));
    $('entry-panel').hidden = !admin;
    document.querySelectorAll('.admin-only').forEach((x) => { x.hidden = !admin; });
    if (q.get('classId')) {
      $('class').value = q.get('classId');
      $('e-class').value = q.get('classId');
    } else if (!admin && me.personId && data.staff.some((p) => p.id === me.personId)) {
      $('mode').value = 'teacher';
      $('teacher').value = me.personId;
      $('class-label').hidden = true;
      $('teacher-label').hidden = false;
    }
    await show();
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}
start();
