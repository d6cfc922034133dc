// Substitutions: the lesson changes of a week; substitute, cancel or restore one lesson.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, addDays, date, el, errorText, fillSelect, isoDate, mondayOf, onLanguageChange, problemText, say, chooseSchool, latestOnly } from '/page.js';
import { schoolData } from '/ui/timetable/timetable-common.js';

Object.assign(TEXTS.ru, {
  'changes.title': 'Замены', 'changes.date': 'Дата', 'changes.kind': 'Изменение', 'changes.substitute': 'Замещает',
  'changes.form': 'Заменить, отменить или восстановить урок', 'changes.lesson': 'Урок', 'changes.save': 'Записать',
  'changes.none': 'На этой неделе изменений нет.', 'changes.noLessons': 'В этот день у класса нет уроков.',
  'changes.done': 'Записано: {what}.', 'changes.conflict': 'Конфликт: {detail}', 'changes.nobody': '—',
});
Object.assign(TEXTS.en, {
  'changes.title': 'Substitutions', 'changes.date': 'Date', 'changes.kind': 'Change', 'changes.substitute': 'Substitute',
  'changes.form': 'Substitute, cancel or restore a lesson', 'changes.lesson': 'Lesson', 'changes.save': 'Record',
  'changes.none': 'No changes this week.', 'changes.noLessons': 'The class has no lessons on that day.',
  'changes.done': 'Recorded: {what}.', 'changes.conflict': 'Conflict: {detail}', 'changes.nobody': '—',
});

let data = null;
let entries = new Map(); // entry id → entry, for the subject and class of a change

async function showChanges() {
  const school = encodeURIComponent($('school').value);
  const monday = mondayOf($('day').value || isoDate());
  try {
    const [list, all] = await Promise.all([api('GET', `timetable/schools/${school}/changes?from=${monday}&to=${addDays(monday, 6)}`),
      api('GET', `timetable/schools/${school}/entries`)]);
    entries = new Map(all.map((e) => [e.id, e]));
    // As the school reads its changes: by day, then by lesson number, then by class.
    const number = (c) => (entries.get(c.entryId) || {}).lessonNumber || 0;
    const unit = (c) => { const e = entries.get(c.entryId) || {}; return data.name(e.classId || e.groupId) || ''; };
    list.sort((a, b) => a.date.localeCompare(b.date) || number(a) - number(b) || unit(a).localeCompare(unit(b), 'ru'));
    $('changes').replaceChildren(...list.map((c) => {
      const e = entries.get(c.entryId) || {};
      const tr = el('tr', 'changed-' + c.kind);
      [date(c.date), String(e.lessonNumber || ''), e.subject || '', data.name(e.classId || e.groupId), t('tt.' + c.kind),
        c.substituteTeacherId ? data.name(c.substituteTeacherId) : t('changes.nobody'), c.room || '', c.reason || '']
        .forEach((x) => tr.appendChild(el('td', null, x)));
      return tr;
    }));
    say($('status'), '', ...(list.length ? [] : [t('changes.none')]));
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}

// Choosing a class and then a date starts two loads; only the latest may fill the form (answers can overtake each other).
let lessonsRequest = 0;

async function loadLessons() {
  const cls = $('c-class').value;
  const day = $('c-date').value;
  if (!cls || !day) return;
  const mine = ++lessonsRequest;
  try {
    const lessons = await api('GET', `timetable/classes/${encodeURIComponent(cls)}/lessons?from=${day}&to=${day}`);
    if (mine !== lessonsRequest) return;
    // The lesson chosen stays chosen when the list is read again (after a change is recorded): falling back to the first
    // lesson while the kind and reason stay filled in put a second «Записать» on the wrong lesson.
    fillSelect($('c-lesson'), lessons.map((l) => [l.occurrenceId,
      `${l.lessonNumber}. ${l.subject} — ${data.name(l.teacherId)}${l.status !== 'SCHEDULED' ? ` (${t('tt.' + l.status)})` : ''}`]),
    $('c-lesson').value);
    say($('change-result'), '', ...(lessons.length ? [] : [t('changes.noLessons')]));
  } catch (e) {
    if (mine === lessonsRequest) say($('change-result'), 'bad', errorText(e));
  }
}

$('change-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const kind = $('c-kind').value;
  const body = { kind, substituteTeacherId: kind === 'SUBSTITUTION' ? $('c-substitute').value || null : null,
    room: kind === 'SUBSTITUTION' ? $('c-room').value.trim() || null : null, reason: $('c-reason').value.trim() || null };
  try {
    const l = await api('PUT', `timetable/lessons/${encodeURIComponent($('c-lesson').value)}/change`, body);
    // Reload first: loadLessons() resets the message line, which would wipe the confirmation.
    await Promise.all([showChanges(), loadLessons()]);
    say($('change-result'), 'good', t('changes.done', { what: `${date(l.date)}, ${l.lessonNumber}. ${l.subject} — ${t('tt.' + l.status)}` }));
  } catch (e) {
    say($('change-result'), e.status === 409 ? 'bad conflict' : 'bad', e.status === 409 ? t('changes.conflict', { detail: problemText(e) }) : errorText(e));
  }
});

$('c-kind').addEventListener('change', () => { $('c-sub-label').hidden = $('c-kind').value !== 'SUBSTITUTION'; });
$('c-class').addEventListener('change', loadLessons);
$('c-date').addEventListener('change', loadLessons);
$('filter').addEventListener('submit', (ev) => { ev.preventDefault(); showChanges(); });
$('school').addEventListener('change', async () => { if (await loadSchool()) showChanges(); });
onLanguageChange(() => { translate(); showChanges(); });

const nextSchool = latestOnly();

/** Loads the chosen school's classes and staff; answers false when another school was chosen meanwhile. */
async function loadSchool() {
  const fresh = nextSchool();
  const loaded = await schoolData($('school').value, $('day').value);
  if (!fresh()) return false;
  data = loaded;
  fillSelect($('c-class'), data.classes.map((c) => [c.id, `${c.grade}${c.letter}`]));
  fillSelect($('c-substitute'), data.staff.map((p) => [p.id, data.name(p.id)]));
  await loadLessons();
  return true;
}

async function start() {
  translate();
  $('day').value = isoDate();
  $('c-date').value = isoDate();
  try {
    await chooseSchool($('school'), $('school-label'));
    if (await loadSchool()) await showChanges();
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}
start();
