// Journal settings of a school: which grading scheme each subject and grade follows (scheme rules) and the attendance
// codes teachers type into the journal. The server checks every write and names the field it refuses.
import { api, lang, TEXTS, t, translate } from '/i18n.js';
import { $, chooseSchool, el, errorText, fillSelect, latestOnly, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'settings.title': 'Настройки журнала', 'settings.rules': 'Системы оценивания по предметам и классам',
  'settings.rulesHint': 'Правило для предмета важнее правила для всех предметов, узкий диапазон классов — широкого. Где правила нет, '
    + 'отметки ставятся по пятибалльной системе.',
  'settings.subject': 'Предмет', 'settings.grades': 'Классы', 'settings.scheme': 'Система оценивания', 'settings.allSubjects': 'все предметы',
  'settings.noRules': 'Правил нет: все предметы во всех классах оцениваются по пятибалльной системе.',
  'settings.gradeFrom': 'с класса', 'settings.gradeTo': 'по класс', 'settings.addRule': 'Добавить правило',
  'settings.gradeRange': '{from}–{to}', 'settings.oneGrade': '{from}', 'settings.notInstalled': '{id} (не установлена)',
  'settings.delete': 'Удалить', 'settings.askDelete': 'Удалить правило «{what}»? Новые отметки пойдут по другой системе оценивания.',
  'settings.askDeleteMarks': '{detail}\n\nВсё равно удалить правило?', 'settings.deleted': 'Правило «{what}» удалено.',
  'settings.added': 'Правило «{what}» добавлено.', 'settings.rule': '{subject}, {grades} кл.: {scheme}',
  'settings.codes': 'Отметки посещаемости', 'settings.codesHint': 'Код ставится в клетку журнала вместо отметки. Вид определяет, как '
    + 'пропуск считается в отчётах.',
  'settings.code': 'Код', 'settings.label': 'Название', 'settings.category': 'Вид', 'settings.saveCode': 'Сохранить отметку',
  'settings.edit': 'Изменить', 'settings.codeSaved': 'Отметка «{code}» сохранена.',
  'settings.ILLNESS': 'по болезни', 'settings.EXCUSED': 'по уважительной причине', 'settings.UNEXCUSED': 'без уважительной причины',
  'settings.LATE': 'опоздание',
});
Object.assign(TEXTS.en, {
  'settings.title': 'Journal settings', 'settings.rules': 'Grading schemes by subject and grade',
  'settings.rulesHint': 'A rule for a subject comes before a rule for every subject, a narrower range of grades before a wider one. '
    + 'Where no rule applies, marks follow the five-point scheme.',
  'settings.subject': 'Subject', 'settings.grades': 'Grades', 'settings.scheme': 'Grading scheme', 'settings.allSubjects': 'every subject',
  'settings.noRules': 'No rules: every subject in every grade follows the five-point scheme.',
  'settings.gradeFrom': 'from grade', 'settings.gradeTo': 'to grade', 'settings.addRule': 'Add the rule',
  'settings.gradeRange': '{from}–{to}', 'settings.oneGrade': '{from}', 'settings.notInstalled': '{id} (not installed)',
  'settings.delete': 'Delete', 'settings.askDelete': 'Delete the rule «{what}»? New marks will follow another grading scheme.',
  'settings.askDeleteMarks': '{detail}\n\nDelete the rule anyway?', 'settings.deleted': 'The rule «{what}» was deleted.',
  'settings.added': 'The rule «{what}» was added.', 'settings.rule': '{subject}, grades {grades}: {scheme}',
  'settings.codes': 'Attendance codes', 'settings.codesHint': 'A code goes into a journal cell instead of a mark. Its kind decides how '
    + 'the absence counts in reports.',
  'settings.code': 'Code', 'settings.label': 'Name', 'settings.category': 'Kind', 'settings.saveCode': 'Save the code',
  'settings.edit': 'Edit', 'settings.codeSaved': 'The code «{code}» was saved.',
  'settings.ILLNESS': 'illness', 'settings.EXCUSED': 'excused', 'settings.UNEXCUSED': 'unexcused', 'settings.LATE': 'late',
});

const CATEGORIES = ['ILLNESS', 'EXCUSED', 'UNEXCUSED', 'LATE'];
const GRADES = Array.from({ length: 11 }, (_, i) => String(i + 1));
let schemes = [];
const nextLoad = latestOnly(); // a quick change of school draws only the last answer
const school = () => encodeURIComponent($('school').value);

function schemeName(id) {
  const s = schemes.find((x) => x.id === id);
  return s ? (lang() === 'en' ? s.nameEn || s.name : s.name) : t('settings.notInstalled', { id });
}

function grades(r) {
  return t(r.gradeFrom === r.gradeTo ? 'settings.oneGrade' : 'settings.gradeRange', { from: r.gradeFrom, to: r.gradeTo });
}

function describe(r) {
  return t('settings.rule', { subject: r.subject || t('settings.allSubjects'), grades: grades(r), scheme: schemeName(r.schemeId) });
}

function button(text, onClick) {
  const b = el('button', 'btn small', text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** Deletes a rule, asked first; when this year's marks are in its scheme the server says how many and it is asked again. */
async function deleteRule(r) {
  const what = describe(r);
  if (!window.confirm(t('settings.askDelete', { what }))) return;
  const path = `gradebook/schools/${school()}/scheme-rules/${encodeURIComponent(r.id)}`;
  try {
    try {
      await api('DELETE', path);
    } catch (e) {
      if (e.status !== 409 || !e.problem || !String(e.problem.type || '').endsWith('marks-in-scheme')) throw e;
      if (!window.confirm(t('settings.askDeleteMarks', { detail: e.problem.detail }))) return;
      await api('DELETE', path + '?confirm=true');
    }
    await load();
    say($('rule-result'), 'good', t('settings.deleted', { what }));
  } catch (e) {
    say($('rule-result'), 'bad', errorText(e));
  }
}

function renderRules(rules) {
  const sorted = [...rules].sort((a, b) => (a.subject || '').localeCompare(b.subject || '', 'ru') || a.gradeFrom - b.gradeFrom);
  $('rules').replaceChildren(...sorted.map((r) => {
    const tr = el('tr');
    tr.dataset.rule = r.id;
    tr.appendChild(el('td', r.subject ? null : 'muted', r.subject || t('settings.allSubjects')));
    tr.appendChild(el('td', null, grades(r)));
    tr.appendChild(el('td', schemes.some((s) => s.id === r.schemeId) ? null : 'bad', schemeName(r.schemeId)));
    const td = el('td');
    td.appendChild(button(t('settings.delete'), () => deleteRule(r)));
    tr.appendChild(td);
    return tr;
  }));
  $('rules-none').hidden = rules.length > 0;
}

function renderCodes(codes) {
  $('codes').replaceChildren(...codes.map((c) => {
    const tr = el('tr');
    tr.dataset.code = c.code;
    tr.appendChild(el('td', null, c.code));
    tr.appendChild(el('td', null, c.label));
    tr.appendChild(el('td', null, t('settings.' + c.category)));
    const td = el('td');
    td.appendChild(button(t('settings.edit'), () => {
      $('c-code').value = c.code;
      $('c-label').value = c.label;
      $('c-category').value = c.category;
      $('c-label').focus();
    }));
    tr.appendChild(td);
    return tr;
  }));
}

function fillForms() {
  fillSelect($('r-from'), GRADES.map((g) => [g, g]), $('r-from').value || '1');
  fillSelect($('r-to'), GRADES.map((g) => [g, g]), $('r-to').value || '11');
  fillSelect($('r-scheme'), schemes.map((s) => [s.id, lang() === 'en' ? s.nameEn || s.name : s.name]), $('r-scheme').value);
  fillSelect($('c-category'), CATEGORIES.map((c) => [c, t('settings.' + c)]), $('c-category').value || 'EXCUSED');
  $('r-subject').placeholder = t('settings.allSubjects');
}

async function load() {
  const fresh = nextLoad();
  try {
    const [list, rules, codes] = await Promise.all([api('GET', 'gradebook/grading-schemes'),
      api('GET', `gradebook/schools/${school()}/scheme-rules`), api('GET', `gradebook/schools/${school()}/absence-codes`)]);
    if (!fresh()) return;
    schemes = list;
    fillForms();
    renderRules(rules);
    renderCodes(codes);
    say($('status'), '');
  } catch (e) {
    say($('status'), 'bad', errorText(e));
    return;
  }
  // The subjects the school's timetable teaches, offered as the rule's subject (any other name may be typed too).
  try {
    const entries = await api('GET', `timetable/schools/${school()}/entries`);
    if (!fresh()) return;
    const subjects = [...new Set(entries.map((e) => e.subject).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'ru'));
    $('subjects').replaceChildren(...subjects.map((s) => { const o = el('option'); o.value = s; return o; }));
  } catch (e) {
    $('subjects').replaceChildren(); // no timetable module, or none yet: the subject is typed
  }
}

$('rule-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const subject = $('r-subject').value.trim();
  const body = { subject: subject || undefined, gradeFrom: Number($('r-from').value), gradeTo: Number($('r-to').value), schemeId: $('r-scheme').value };
  try {
    const r = await api('POST', `gradebook/schools/${school()}/scheme-rules`, body);
    $('r-subject').value = '';
    await load();
    say($('rule-result'), 'good', t('settings.added', { what: describe(r) }));
  } catch (e) {
    say($('rule-result'), 'bad', errorText(e));
  }
});

$('code-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const body = { code: $('c-code').value.trim(), label: $('c-label').value.trim(), category: $('c-category').value };
  try {
    const c = await api('PUT', `gradebook/schools/${school()}/absence-codes`, body);
    $('c-code').value = '';
    $('c-label').value = '';
    await load();
    say($('code-result'), 'good', t('settings.codeSaved', { code: c.code }));
  } catch (e) {
    say($('code-result'), 'bad', errorText(e));
  }
});

$('school').addEventListener('change', () => load());
onLanguageChange(() => { translate(); load(); });

translate();
chooseSchool($('school'), $('school-label')).then(() => load()).catch((e) => say($('status'), 'bad', errorText(e)));
