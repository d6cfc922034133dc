// Bell schedules: lesson times per schedule and the schedule of each weekday. The lesson rows are validated by the
// server (numbering, times, overlaps), whose problem names the row and field.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, chooseSchool, el, errorText, fillSelect, isoDate, latestOnly, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'bells.title': 'Звонки', 'bells.schedule': 'Расписание звонков', 'bells.new': 'Новое', 'bells.name': 'Название', 'bells.kind': 'Вид',
  'bells.REGULAR': 'обычное', 'bells.SHORTENED': 'сокращённое', 'bells.SATURDAY': 'субботнее', 'bells.SECOND_SHIFT': 'вторая смена',
  'bells.from': 'Действует с', 'bells.to': 'по (необязательно)', 'bells.number': 'Урок №', 'bells.start': 'Начало', 'bells.end': 'Конец',
  'bells.addPeriod': 'Добавить урок', 'bells.save': 'Сохранить', 'bells.weekdays': 'Расписание звонков по дням недели',
  'bells.remove': 'Убрать', 'bells.saved': 'Сохранено.', 'bells.none': '— не задано —',
  'bells.MONDAY': 'Понедельник', 'bells.TUESDAY': 'Вторник', 'bells.WEDNESDAY': 'Среда', 'bells.THURSDAY': 'Четверг', 'bells.FRIDAY': 'Пятница',
  'bells.SATURDAY_DAY': 'Суббота',
});
Object.assign(TEXTS.en, {
  'bells.title': 'Bells', 'bells.schedule': 'Bell schedule', 'bells.new': 'New', 'bells.name': 'Name', 'bells.kind': 'Kind',
  'bells.REGULAR': 'regular', 'bells.SHORTENED': 'shortened', 'bells.SATURDAY': 'Saturday', 'bells.SECOND_SHIFT': 'second shift',
  'bells.from': 'Valid from', 'bells.to': 'until (optional)', 'bells.number': 'Lesson no.', 'bells.start': 'Start', 'bells.end': 'End',
  'bells.addPeriod': 'Add a lesson', 'bells.save': 'Save', 'bells.weekdays': 'Bell schedule of each weekday',
  'bells.remove': 'Remove', 'bells.saved': 'Saved.', 'bells.none': '— not set —',
  'bells.MONDAY': 'Monday', 'bells.TUESDAY': 'Tuesday', 'bells.WEDNESDAY': 'Wednesday', 'bells.THURSDAY': 'Thursday', 'bells.FRIDAY': 'Friday',
  'bells.SATURDAY_DAY': 'Saturday',
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
  say($('editor-result'), '');
}

function renderWeekdays(assignments) {
  const options = [['', t('bells.none')], ...schedules.map((s) => [s.id, s.name])];
  $('weekdays').replaceChildren(...DAYS.map((d) => {
    const label = el('label');
    label.appendChild(el('span', null, dayName(d)));
    const sel = el('select');
    sel.id = 'day-' + d;
    fillSelect(sel, options, (assignments.weekdays || {})[d] || '');
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
