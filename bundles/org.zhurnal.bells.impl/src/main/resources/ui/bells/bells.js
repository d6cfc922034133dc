// Bell schedules: lesson times per schedule and the schedule of each weekday. The lesson rows are validated by the
// server (numbering, times, overlaps), whose problem names the row and field.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, chooseSchool, date, el, errorText, fillSelect, isoDate, latestOnly, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'bells.title': 'Звонки', 'bells.schedule': 'Расписание звонков', 'bells.new': 'Новое', 'bells.name': 'Название', 'bells.kind': 'Вид',
  'bells.REGULAR': 'обычное', 'bells.SHORTENED': 'сокращённое', 'bells.SATURDAY': 'субботнее', 'bells.SECOND_SHIFT': 'вторая смена',
  'bells.from': 'Действует с', 'bells.to': 'по (необязательно)', 'bells.number': 'Урок №', 'bells.start': 'Начало', 'bells.end': 'Конец',
  'bells.addPeriod': 'Добавить урок', 'bells.save': 'Сохранить', 'bells.weekdays': 'Расписание звонков по дням недели',
  'bells.remove': 'Убрать', 'bells.saved': 'Сохранено.', 'bells.none': '— не задано —',
  'bells.MONDAY': 'Понедельник', 'bells.TUESDAY': 'Вторник', 'bells.WEDNESDAY': 'Среда', 'bells.THURSDAY': 'Четверг', 'bells.FRIDAY': 'Пятница',
  'bells.SATURDAY_DAY': 'Суббота',
  'bells.dates': 'Особые дни', 'bells.datesHint': 'Например, сокращённый день перед праздником: в этот день уроки идут по другому расписанию '
    + 'звонков, в остальные — как обычно по дню недели.', 'bells.date': 'Дата', 'bells.assign': 'Назначить',
  'bells.noDates': 'Особых дней нет: каждый день идёт по расписанию своего дня недели.',
  'bells.dateSaved': '{date}: уроки по расписанию «{name}».', 'bells.dateRemoved': '{date}: снова по расписанию дня недели.',
  'bells.removeDate': 'Вернуть обычное', 'bells.askRemoveDate': 'Вернуть {date} обычное расписание звонков дня недели?',
  'bells.unknownSchedule': 'расписание удалено',
  'bells.delete': 'Удалить расписание', 'bells.askDelete': 'Удалить расписание звонков «{name}»?', 'bells.deleted': 'Расписание «{name}» удалено.',
});
Object.assign(TEXTS.en, {
  'bells.title': 'Bells', 'bells.schedule': 'Bell schedule', 'bells.new': 'New', 'bells.name': 'Name', 'bells.kind': 'Kind',
  'bells.REGULAR': 'regular', 'bells.SHORTENED': 'shortened', 'bells.SATURDAY': 'Saturday', 'bells.SECOND_SHIFT': 'second shift',
  'bells.from': 'Valid from', 'bells.to': 'until (optional)', 'bells.number': 'Lesson no.', 'bells.start': 'Start', 'bells.end': 'End',
  'bells.addPeriod': 'Add a lesson', 'bells.save': 'Save', 'bells.weekdays': 'Bell schedule of each weekday',
  'bells.remove': 'Remove', 'bells.saved': 'Saved.', 'bells.none': '— not set —',
  'bells.MONDAY': 'Monday', 'bells.TUESDAY': 'Tuesday', 'bells.WEDNESDAY': 'Wednesday', 'bells.THURSDAY': 'Thursday', 'bells.FRIDAY': 'Friday',
  'bells.SATURDAY_DAY': 'Saturday',
  'bells.dates': 'Special days', 'bells.datesHint': 'For example, a shortened day before a holiday: that day the lessons follow another bell '
    + 'schedule; every other day follows its weekday as usual.', 'bells.date': 'Date', 'bells.assign': 'Assign',
  'bells.noDates': 'No special days: every day follows the schedule of its weekday.',
  'bells.dateSaved': '{date}: lessons follow «{name}».', 'bells.dateRemoved': '{date}: back to the weekday\'s schedule.',
  'bells.removeDate': 'Back to usual', 'bells.askRemoveDate': 'Give {date} the usual bell schedule of its weekday again?',
  'bells.unknownSchedule': 'schedule removed',
  'bells.delete': 'Delete the schedule', 'bells.askDelete': 'Delete the bell schedule «{name}»?', 'bells.deleted': 'The schedule «{name}» was deleted.',
});

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const dayName = (d) => t(d === 'SATURDAY' ? 'bells.SATURDAY_DAY' : 'bells.' + d);
let schedules = [];
const nextLoad = latestOnly(); // a quick change of school draws only the last answer

function periodRow(p) {
  const tr = el('tr');
  const cell = (type, value, cls) => {
    const i = el('input', cls);
    i.type = type;
    i.value = value ?? '';
    i.setAttribute('aria-label', t(cls === 'p-number' ? 'bells.number' : cls === 'p-start' ? 'bells.start' : 'bells.end'));
    const td = el('td');
    td.appendChild(i);
    tr.appendChild(td);
  };
  cell('number', p.number, 'p-number');
  cell('time', (p.start || '').substring(0, 5), 'p-start');
  cell('time', (p.end || '').substring(0, 5), 'p-end');
  const td = el('td');
  const b = el('button', 'btn small', t('bells.remove'));
  b.type = 'button';
  b.addEventListener('click', () => tr.remove());
  td.appendChild(b);
  tr.appendChild(td);
  return tr;
}

function edit(s) {
  $('b-name').value = s ? s.name : '';
  $('b-kind').value = s ? s.kind : 'REGULAR';
  $('b-from').value = s ? s.validFrom : isoDate();
  $('b-to').value = s && s.validTo ? s.validTo : '';
  $('periods').replaceChildren(...(s ? s.periods : [{ number: 1, start: '08:30', end: '09:15' }]).map(periodRow));
  $('delete').hidden = !s;
  say($('editor-result'), '');
}

function renderWeekdays(assignments) {
  const options = schedules.map((s) => [s.id, s.name]);
  $('weekdays').replaceChildren(...DAYS.map((d) => {
    const label = el('label');
    label.appendChild(el('span', null, dayName(d)));
    const sel = el('select');
    sel.id = 'day-' + d;
    // «— не задано —» only for a day that has no schedule yet: an assigned day is changed to another schedule, not unset.
    const assigned = (assignments.weekdays || {})[d];
    fillSelect(sel, assigned ? options : [['', t('bells.none')], ...options], assigned || '');
    sel.addEventListener('change', async () => {
      if (!sel.value) return;
      try {
        await api('PUT', `bells/schools/${encodeURIComponent($('school').value)}/weekdays/${d}`, { scheduleId: sel.value });
        say($('weekday-result'), 'good', t('bells.saved'));
      } catch (e) {
        say($('weekday-result'), 'bad', errorText(e));
      }
    });
    label.appendChild(sel);
    return label;
  }));
}

/** The dates that follow another schedule than their weekday's, earliest first, each with a way back to the usual one. */
function renderDates(assignments) {
  fillSelect($('d-schedule'), schedules.map((s) => [s.id, s.name]), $('d-schedule').value
    || (schedules.find((s) => s.kind === 'SHORTENED') || {}).id);
  const names = new Map(schedules.map((s) => [s.id, s.name]));
  const rows = Object.entries(assignments.dates || {}).sort(([a], [b]) => a.localeCompare(b)).map(([day, id]) => {
    const tr = el('tr');
    tr.dataset.date = day;
    tr.appendChild(el('td', null, date(day)));
    tr.appendChild(el('td', null, names.get(id) || t('bells.unknownSchedule')));
    const td = el('td');
    const b = el('button', 'btn small', t('bells.removeDate'));
    b.type = 'button';
    b.addEventListener('click', async () => {
      if (!window.confirm(t('bells.askRemoveDate', { date: date(day) }))) return;
      try {
        await api('DELETE', `bells/schools/${encodeURIComponent($('school').value)}/dates/${day}`);
        await load($('schedule').value);
        say($('date-result'), 'good', t('bells.dateRemoved', { date: date(day) }));
      } catch (e) {
        say($('date-result'), 'bad', errorText(e));
      }
    });
    td.appendChild(b);
    tr.appendChild(td);
    return tr;
  });
  $('dates').replaceChildren(...rows);
  $('dates-none').hidden = rows.length > 0;
}

async function load(keep) {
  const school = encodeURIComponent($('school').value);
  const fresh = nextLoad();
  try {
    const [list, assignments] = await Promise.all([api('GET', `bells/schools/${school}/schedules`), api('GET', `bells/schools/${school}/assignments`)]);
    if (!fresh()) return;
    schedules = list;
    fillSelect($('schedule'), schedules.map((s) => [s.id, s.name]), keep);
    edit(schedules.find((s) => s.id === $('schedule').value) || null);
    renderWeekdays(assignments);
    renderDates(assignments);
    say($('status'), '');
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}

$('editor').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const periods = [...$('periods').querySelectorAll('tr')].map((tr) => ({
    number: Number(tr.querySelector('.p-number').value), start: tr.querySelector('.p-start').value || null, end: tr.querySelector('.p-end').value || null,
  }));
  const body = { name: $('b-name').value.trim(), kind: $('b-kind').value, validFrom: $('b-from').value, validTo: $('b-to').value || null, periods };
  const id = $('schedule').value;
  try {
    const saved = id ? await api('PUT', `bells/schedules/${encodeURIComponent(id)}`, body)
      : await api('POST', `bells/schools/${encodeURIComponent($('school').value)}/schedules`, body);
    await load(saved.id);
    say($('editor-result'), 'good', t('bells.saved'));
  } catch (e) {
    say($('editor-result'), 'bad', errorText(e));
  }
});

// A schedule no day follows can go; the server refuses one a weekday or a date follows, naming them.
$('delete').addEventListener('click', async () => {
  const s = schedules.find((x) => x.id === $('schedule').value);
  if (!s || !window.confirm(t('bells.askDelete', { name: s.name }))) return;
  try {
    await api('DELETE', `bells/schedules/${encodeURIComponent(s.id)}`);
    await load();
    say($('editor-result'), 'good', t('bells.deleted', { name: s.name }));
  } catch (e) {
    say($('editor-result'), 'bad', errorText(e));
  }
});

$('date-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const day = $('d-date').value;
  const id = $('d-schedule').value;
  try {
    await api('PUT', `bells/schools/${encodeURIComponent($('school').value)}/dates/${day}`, { scheduleId: id });
    await load($('schedule').value);
    say($('date-result'), 'good', t('bells.dateSaved', { date: date(day), name: (schedules.find((s) => s.id === id) || {}).name || '' }));
  } catch (e) {
    say($('date-result'), 'bad', errorText(e));
  }
});

$('add-period').addEventListener('click', () => {
  const rows = $('periods').querySelectorAll('tr');
  $('periods').appendChild(periodRow({ number: rows.length + 1, start: '', end: '' }));
});
$('new').addEventListener('click', () => { $('schedule').value = ''; $('schedule').selectedIndex = -1; edit(null); });
$('schedule').addEventListener('change', () => edit(schedules.find((s) => s.id === $('schedule').value) || null));
$('school').addEventListener('change', () => load());
onLanguageChange(() => { translate(); load($('schedule').value); });

translate();
chooseSchool($('school'), $('school-label')).then(() => load()).catch((e) => say($('status'), 'bad', errorText(e)));
