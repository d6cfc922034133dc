// The school year: academic years, reporting periods (close/reopen with a reason), holidays and vacations.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, academicYearOf, chooseSchool, date, el, errorText, fillSelect, isoDate, latestOnly, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'cal.title': 'Учебный год', 'cal.year': 'Учебный год', 'cal.newYear': 'Новый учебный год', 'cal.first': 'Год начала',
  'cal.start': 'Начало', 'cal.end': 'Окончание', 'cal.week': 'Учебная неделя', 'cal.five': 'пятидневная', 'cal.six': 'шестидневная',
  'cal.create': 'Создать', 'cal.periods': 'Учебные периоды', 'cal.name': 'Название', 'cal.dates': 'Даты', 'cal.grades': 'Классы (параллели)',
  'cal.state': 'Состояние', 'cal.scheme': 'Схема', 'cal.QUARTERS': 'четверти', 'cal.HALF_YEARS': 'полугодия', 'cal.TRIMESTERS': 'триместры',
  'cal.gradesHint': 'Параллели, напр. 1-9 или 10,11', 'cal.addPeriods': 'Добавить периоды', 'cal.daysOff': 'Праздники и каникулы',
  'cal.kind': 'Вид', 'cal.VACATION': 'каникулы', 'cal.HOLIDAY': 'праздник', 'cal.gradesOptional': 'Параллели (пусто — все)',
  'cal.addDayOff': 'Добавить', 'cal.OPEN': 'открыт', 'cal.CLOSED': 'закрыт', 'cal.close': 'Закрыть', 'cal.reopen': 'Открыть снова',
  'cal.closeAsk': 'Закрыть период «{name}» для всей школы? Оценки, посещаемость и итоговые оценки за него нельзя будет менять, пока его не откроют снова (с указанием причины).',
  'cal.reason': 'Причина повторного открытия', 'cal.delete': 'Удалить', 'cal.deletePeriod': 'Удалить',
  'cal.deletePeriodAsk': 'Удалить период «{name}» (классы: {grades})? Так исправляют периоды, созданные по ошибке; если за него уже выставлены оценки, он не удалится.', 'cal.all': 'все', 'cal.noYears': 'Учебных годов ещё нет: создайте первый.',
  'cal.transfers': 'Переносы рабочих дней', 'cal.transfersHint': 'Например, по постановлению о переносе выходных: суббота становится рабочим '
    + 'днём с расписанием понедельника, а понедельник — выходным.', 'cal.date': 'Дата', 'cal.becomes': 'Становится',
  'cal.workingDay': 'рабочим днём', 'cal.freeDay': 'выходным', 'cal.timetableOf': 'Уроки по расписанию дня', 'cal.addTransfer': 'Добавить перенос',
  'cal.workingAs': 'рабочий день, уроки по расписанию: {day}', 'cal.free': 'выходной',
  'cal.MONDAY': 'понедельник', 'cal.TUESDAY': 'вторник', 'cal.WEDNESDAY': 'среда', 'cal.THURSDAY': 'четверг', 'cal.FRIDAY': 'пятница',
  'cal.SATURDAY': 'суббота',
  'cal.closeEarly': 'Период ещё не закончился: он идёт по {date} включительно. Уроки до этого дня нельзя будет записать в журнал.',
  'cal.editDates': 'Изменить даты', 'cal.saveDates': 'Сохранить даты',
  'cal.done': 'Готово.', 'cal.badGrades': 'Параллели: числа от 1 до 11 через запятую или диапазоном, напр. 1-4,5',
});
Object.assign(TEXTS.en, {
  'cal.title': 'School year', 'cal.year': 'Academic year', 'cal.newYear': 'New academic year', 'cal.first': 'First year',
  'cal.start': 'Start', 'cal.end': 'End', 'cal.week': 'School week', 'cal.five': 'five days', 'cal.six': 'six days',
  'cal.create': 'Create', 'cal.periods': 'Reporting periods', 'cal.name': 'Name', 'cal.dates': 'Dates', 'cal.grades': 'Grades',
  'cal.state': 'State', 'cal.scheme': 'Scheme', 'cal.QUARTERS': 'quarters', 'cal.HALF_YEARS': 'half-years', 'cal.TRIMESTERS': 'trimesters',
  'cal.gradesHint': 'Grades, e.g. 1-9 or 10,11', 'cal.addPeriods': 'Add periods', 'cal.daysOff': 'Holidays and vacations',
  'cal.kind': 'Kind', 'cal.VACATION': 'vacation', 'cal.HOLIDAY': 'holiday', 'cal.gradesOptional': 'Grades (empty: all)',
  'cal.addDayOff': 'Add', 'cal.OPEN': 'open', 'cal.CLOSED': 'closed', 'cal.close': 'Close', 'cal.reopen': 'Reopen',
  'cal.closeAsk': 'Close the period “{name}” for the whole school? Its marks, attendance and grades cannot be changed until it is reopened (with a reason).',
  'cal.reason': 'Reason for reopening', 'cal.delete': 'Delete', 'cal.deletePeriod': 'Delete',
  'cal.deletePeriodAsk': 'Delete the period “{name}” (grades: {grades})? This corrects periods made by mistake; a period with grades given for it is not deleted.', 'cal.all': 'all', 'cal.noYears': 'No academic years yet: create the first one.',
  'cal.transfers': 'Moved working days', 'cal.transfersHint': 'For example, by the government\'s decree on moved days off: a Saturday becomes a '
    + 'working day following Monday\'s timetable, and a Monday a day off.', 'cal.date': 'Date', 'cal.becomes': 'Becomes',
  'cal.workingDay': 'a working day', 'cal.freeDay': 'a day off', 'cal.timetableOf': 'Lessons of the timetable of', 'cal.addTransfer': 'Add',
  'cal.workingAs': 'working day, the timetable of {day}', 'cal.free': 'day off',
  'cal.MONDAY': 'Monday', 'cal.TUESDAY': 'Tuesday', 'cal.WEDNESDAY': 'Wednesday', 'cal.THURSDAY': 'Thursday', 'cal.FRIDAY': 'Friday',
  'cal.SATURDAY': 'Saturday',
  'cal.closeEarly': 'The period is not over yet: it runs until {date} inclusive. Its remaining lessons could not be journaled.',
  'cal.editDates': 'Change dates', 'cal.saveDates': 'Save dates',
  'cal.done': 'Done.', 'cal.badGrades': 'Grades: numbers 1 to 11 separated by commas or as a range, e.g. 1-4,5',
});

let years = [];
let current = null; // the YearCalendar shown
const nextLoad = latestOnly(); // a quick change of school or year draws only the last answer

/** «1-4, 7» → [1, 2, 3, 4, 7]; null when malformed. */
function parseGrades(text) {
  const out = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d{1,2})(?:\s*-\s*(\d{1,2}))?$/.exec(part);
    if (!m) return null;
    for (let g = Number(m[1]); g <= Number(m[2] || m[1]); g++) out.push(g);
  }
  return out;
}

const gradesText = (list) => (list && list.length ? list.join(', ') : t('cal.all'));

function button(text, onClick) {
  const b = el('button', 'btn small', text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** Runs a write, then reloads the year; the problem goes to the given message element. */
async function act(target, fn) {
  try {
    await fn();
    say(target, 'good', t('cal.done'));
    await showYear();
  } catch (e) {
    say(target, 'bad', errorText(e));
  }
}

/** An open period's dates made editable in its row (the school's own boundaries); saved with PUT, refused ones explained. */
function editDates(p, cell) {
  const start = el('input');
  start.type = 'date';
  start.value = p.start;
  start.className = 'p-start';
  start.setAttribute('aria-label', t('cal.start'));
  const end = el('input');
  end.type = 'date';
  end.value = p.end;
  end.className = 'p-end';
  end.setAttribute('aria-label', t('cal.end'));
  cell.replaceChildren(start, ' – ', end, ' ', button(t('cal.saveDates'), () => act($('periods-result'),
    () => api('PUT', `calendar/periods/${encodeURIComponent(p.id)}`, { start: start.value || null, end: end.value || null }))));
  start.focus();
}

function periodRow(p) {
  const tr = el('tr');
  tr.dataset.period = p.id;
  [p.name, `${date(p.start)} – ${date(p.end)}`, gradesText(p.grades), t('cal.' + p.state)].forEach((x) => tr.appendChild(el('td', null, x)));
  const td = el('td');
  if (p.state !== 'CLOSED') {
    const datesCell = tr.children[1];
    td.append(button(t('cal.editDates'), () => editDates(p, datesCell)), ' ');
  }
  if (p.state === 'CLOSED') {
    const reason = el('input');
    reason.placeholder = t('cal.reason');
    reason.setAttribute('aria-label', t('cal.reason'));
    td.append(reason, ' ', button(t('cal.reopen'), () => act($('periods-result'),
      () => api('POST', `calendar/periods/${encodeURIComponent(p.id)}/reopen`, { reason: reason.value.trim() || null }))));
  } else {
    // Closing stops every teacher's entries for the period in the whole school: asked first.
    td.appendChild(button(t('cal.close'), () => {
      // A period closed before its last day stops the lessons still to come: said first, with the date.
      const early = p.end >= isoDate() ? `${t('cal.closeEarly', { date: date(p.end) })}\n\n` : '';
      if (!window.confirm(early + t('cal.closeAsk', { name: p.name }))) return undefined;
      return act($('periods-result'), () => api('POST', `calendar/periods/${encodeURIComponent(p.id)}/close`));
    }), ' ');
    // A period made by mistake (quarters for grades that study by half-years) can go while no grade is given for it.
    td.appendChild(button(t('cal.deletePeriod'), () => {
      if (!window.confirm(t('cal.deletePeriodAsk', { name: p.name, grades: gradesText(p.grades) }))) return undefined;
      return act($('periods-result'), () => api('DELETE', `calendar/periods/${encodeURIComponent(p.id)}`));
    }));
  }
  tr.appendChild(td);
  return tr;
}

function dayOffRow(d) {
  const tr = el('tr');
  [t('cal.' + d.kind), d.name, `${date(d.start)} – ${date(d.end)}`, gradesText(d.grades)].forEach((x) => tr.appendChild(el('td', null, x)));
  const td = el('td');
  td.appendChild(button(t('cal.delete'), () => act($('dayoff-result'), () => api('DELETE', `calendar/days-off/${encodeURIComponent(d.id)}`))));
  tr.appendChild(td);
  return tr;
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

function transferRow(x) {
  const tr = el('tr');
  tr.dataset.transfer = x.id;
  [date(x.date), x.working ? t('cal.workingAs', { day: t('cal.' + x.timetableOf) }) : t('cal.free')].forEach((c) => tr.appendChild(el('td', null, c)));
  const td = el('td');
  td.appendChild(button(t('cal.delete'), () => act($('transfer-result'), () => api('DELETE', `calendar/transfers/${encodeURIComponent(x.id)}`))));
  tr.appendChild(td);
  return tr;
}

function fillWeekdays() {
  fillSelect($('t-of'), WEEKDAYS.map((d) => [d, t('cal.' + d)]), $('t-of').value || 'MONDAY');
  $('t-of-label').hidden = $('t-working').value !== 'true';
}

async function showYear() {
  const y = $('year').value;
  if (!y) { $('year-view').hidden = true; return; }
  const fresh = nextLoad();
  try {
    const shown = await api('GET', `calendar/schools/${encodeURIComponent($('school').value)}/years/${encodeURIComponent(y)}`);
    if (!fresh()) return;
    current = shown;
    $('periods').replaceChildren(...current.periods.map(periodRow));
    $('days-off').replaceChildren(...current.daysOff.map(dayOffRow));
    $('transfers').replaceChildren(...(current.transfers || []).slice().sort((a, b) => a.date.localeCompare(b.date)).map(transferRow));
    $('year-view').hidden = false;
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}

async function loadYears(keep) {
  const fresh = nextLoad();
  const list = await api('GET', `calendar/schools/${encodeURIComponent($('school').value)}/years`);
  if (!fresh()) return;
  years = list;
  fillSelect($('year'), years.map((y) => [String(y.year), `${y.year}/${y.year + 1}`]), keep);
  if (keep === undefined) {
    const now = String(academicYearOf(isoDate()));
    if (years.some((y) => String(y.year) === now)) $('year').value = now;
  }
  say($('status'), '', ...(years.length ? [] : [t('cal.noYears')]));
  await showYear();
}

$('year-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const y = Number($('y-year').value);
  try {
    await api('POST', `calendar/schools/${encodeURIComponent($('school').value)}/years`,
      { year: y, start: $('y-start').value, end: $('y-end').value, workingDays: Number($('y-days').value) });
    say($('year-result'), 'good', t('cal.done'));
    await loadYears(String(y));
  } catch (e) {
    say($('year-result'), 'bad', errorText(e));
  }
});

$('periods-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const grades = parseGrades($('p-grades').value);
  if (!grades || !grades.length) { say($('periods-result'), 'bad', t('cal.badGrades')); return; }
  act($('periods-result'), () => api('POST', `calendar/years/${encodeURIComponent(current.year.id)}/periods`, { scheme: $('p-scheme').value, grades }));
});

$('dayoff-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const grades = parseGrades($('d-grades').value);
  if (!grades) { say($('dayoff-result'), 'bad', t('cal.badGrades')); return; }
  act($('dayoff-result'), () => api('POST', `calendar/years/${encodeURIComponent(current.year.id)}/days-off`,
    { kind: $('d-kind').value, name: $('d-name').value.trim(), start: $('d-start').value, end: $('d-end').value, grades }));
});

$('transfer-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const working = $('t-working').value === 'true';
  act($('transfer-result'), () => api('POST', `calendar/years/${encodeURIComponent(current.year.id)}/transfers`,
    { date: $('t-date').value, working, timetableOf: working ? $('t-of').value : null }));
});
$('t-working').addEventListener('change', fillWeekdays);

$('school').addEventListener('change', () => loadYears());
$('year').addEventListener('change', showYear);
onLanguageChange(() => { translate(); fillWeekdays(); showYear(); });

async function start() {
  translate();
  fillWeekdays();
  const y = academicYearOf(isoDate());
  $('y-year').value = y + 1;
  $('y-start').value = `${y + 1}-09-01`;
  $('y-end').value = `${y + 2}-05-31`;
  try {
    await chooseSchool($('school'), $('school-label'));
    await loadYears();
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}
start();
