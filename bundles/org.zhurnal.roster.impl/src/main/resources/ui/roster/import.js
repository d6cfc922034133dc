// «Roster import»: dry-run check and import of the native CSV templates.
import { TEXTS, t, translate } from '/i18n.js';
import { $, el, say, rawCall, schools, fillSchools, onLanguageChange, errorText } from '/ui/roster/roster-common.js';

Object.assign(TEXTS.ru, {
  'import.title': 'Импорт списков',
  'import.intro': 'Загрузите файл CSV или XLSX по шаблону: ученики с классами и представителями или сотрудники. CSV — в кодировке UTF-8 или Windows-1251, разделитель «;» или «,»; XLSX — первый лист книги.',
  'import.allOrNothing': 'Файл импортируется целиком или не импортируется вовсе: при любой ошибке ничего не меняется. Сначала проверьте файл.',
  'import.templates': 'Шаблоны:', 'import.templateStudents': 'ученики и представители (students.csv)',
  'import.templateStaff': 'сотрудники (staff.csv)', 'import.file': 'Файл', 'import.check': 'Проверить',
  'import.import': 'Импортировать', 'import.kind': 'Что', 'import.created': 'Создано', 'import.updated': 'Обновлено',
  'import.unchanged': 'Без изменений', 'import.errorsTitle': 'Ошибки в файле — ничего не импортировано',
  'import.noFile': 'Выберите файл CSV или XLSX.', 'import.checking': 'Проверка файла…', 'import.importing': 'Импорт…',
  'import.dryTitle': 'Проверка пройдена: ошибок нет, ничего не записано',
  'import.newClassesDry': 'Будут созданы новые классы: {names}. Если таких классов в школе быть не должно, это опечатка — исправьте файл.',
  'import.newClasses': 'Созданы новые классы: {names}.',
  'import.teachersDry': 'Сменится классный руководитель — проверьте, что это так и задумано:',
  'import.teachers': 'Сменён классный руководитель:', 'import.teacherChange': '{cls}: {before} → {after}',
  'import.doneTitle': 'Импорт выполнен',
  'import.dryDone': 'Файл «{file}» без ошибок. Нажмите «Импортировать», чтобы записать данные.',
  'import.done': 'Файл «{file}» импортирован.',
  'import.rows': 'Строк данных: {n}.', 'import.errorCount': 'Ошибок: {n}.', 'import.nothing': 'Изменений нет.',
  'import.failed': 'Файл «{file}» не импортирован: исправьте ошибки и загрузите его снова. Ничего не изменено.',
  'import.kind.students': 'ученики', 'import.kind.guardians': 'представители', 'import.kind.staff': 'сотрудники',
  'import.kind.classes': 'классы', 'import.kind.memberships': 'зачисления в классы', 'import.kind.guardianships': 'связи «ученик — представитель»',
  'import.kind.contacts': 'контакты', 'import.kind.groups': 'группы', 'import.kind.groupMembers': 'участие в группах',
  'import.groupsHint': 'Необязательный столбец «Группы» в файле учеников: группы ученика через запятую, например «5А англ. 1, Кружок робототехники». Если в названии группы есть запятая, разделяйте группы знаком «;» и заключите ячейку в кавычки: «"Английский, группа 1; Кружок робототехники"» (в CSV с разделителем «,» кавычки нужны всегда, в XLSX не нужны). Группа, название которой начинается с класса, — подгруппа этого класса; недостающие группы создаются.',
});
Object.assign(TEXTS.en, {
  'import.title': 'Roster import',
  'import.intro': 'Upload a CSV or XLSX file made from a template: students with classes and guardians, or staff. CSV in UTF-8 or Windows-1251, separator «;» or «,»; XLSX: the first worksheet.',
  'import.allOrNothing': 'A file is imported whole or not at all: on any error nothing changes. Check the file first.',
  'import.templates': 'Templates:', 'import.templateStudents': 'students and guardians (students.csv)',
  'import.templateStaff': 'staff (staff.csv)', 'import.file': 'File', 'import.check': 'Check',
  'import.import': 'Import', 'import.kind': 'What', 'import.created': 'Created', 'import.updated': 'Updated',
  'import.unchanged': 'Unchanged', 'import.errorsTitle': 'Errors in the file — nothing was imported',
  'import.noFile': 'Choose a CSV or XLSX file.', 'import.checking': 'Checking the file…', 'import.importing': 'Importing…',
  'import.dryTitle': 'Check passed: no errors, nothing written',
  'import.newClassesDry': 'New classes will be created: {names}. If the school should have no such class, it is a typo — correct the file.',
  'import.newClasses': 'New classes created: {names}.',
  'import.teachersDry': 'The class teacher will change — check that this is meant:',
  'import.teachers': 'Class teacher changed:', 'import.teacherChange': '{cls}: {before} → {after}',
  'import.doneTitle': 'Import done',
  'import.dryDone': 'The file «{file}» has no errors. Press «Import» to write the data.',
  'import.done': 'The file «{file}» was imported.',
  'import.rows': 'Data rows: {n}.', 'import.errorCount': 'Errors: {n}.', 'import.nothing': 'No changes.',
  'import.failed': 'The file «{file}» was not imported: fix the errors and upload it again. Nothing was changed.',
  'import.kind.students': 'students', 'import.kind.guardians': 'guardians', 'import.kind.staff': 'staff',
  'import.kind.classes': 'classes', 'import.kind.memberships': 'class enrolments', 'import.kind.guardianships': 'student–guardian links',
  'import.kind.contacts': 'contacts', 'import.kind.groups': 'groups', 'import.kind.groupMembers': 'group memberships',
  'import.groupsHint': 'Optional column «Группы» in the students file: the student\'s groups separated by commas, e.g. «5А англ. 1, Кружок робототехники». If a group name has a comma, separate the groups with «;» and put the cell in double quotes: «"Английский, группа 1; Кружок робототехники"» (in a CSV file separated by «,» the quotes are always needed; in XLSX they are not needed). A group whose name begins with a class is a subgroup of that class; missing groups are created.',
});

const KIND_ORDER = ['classes', 'students', 'guardians', 'guardianships', 'memberships', 'groups', 'groupMembers', 'staff'];
const state = { report: null, problem: null, file: '' };

function message(kind, ...content) {
  say($('message'), kind, ...content);
}

function kindName(k) {
  const key = 'import.kind.' + k;
  const s = t(key);
  return s === key ? k : s;
}

function renderReport() {
  const r = state.report;
  $('report').hidden = !r;
  if (!r) return;
  $('report-title').textContent = t(r.dryRun ? 'import.dryTitle' : 'import.doneTitle');
  $('report-title').className = 'good';
  $('report-rows').textContent = t('import.rows', { n: r.rows });
  // A class the school does not have yet is more often a typo («11Я») than a new class: named, so it is noticed.
  const fresh = r.newClasses || [];
  $('report-new-classes').hidden = fresh.length === 0;
  $('report-new-classes').textContent = t(r.dryRun ? 'import.newClassesDry' : 'import.newClasses', { names: fresh.join(', ') });
  // A staff file that names another class teacher of a class replaces the one it has: said before it is written.
  const teachers = r.classTeacherChanges || [];
  const box = $('report-class-teachers');
  box.hidden = teachers.length === 0;
  const list = el('ul');
  teachers.forEach((c) => list.append(el('li', null, t('import.teacherChange', { cls: c.className, before: c.before, after: c.after }))));
  box.replaceChildren(el('span', null, t(r.dryRun ? 'import.teachersDry' : 'import.teachers')), list);
  const kinds = new Set([...Object.keys(r.created || {}), ...Object.keys(r.updated || {}), ...Object.keys(r.unchanged || {})]);
  const sorted = [...kinds].sort((a, b) => {
    const ia = KIND_ORDER.indexOf(a), ib = KIND_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  if (!sorted.length) {
    const td = el('td', 'muted', t('import.nothing'));
    td.colSpan = 4;
    const tr = el('tr');
    tr.append(td);
    $('report-body').replaceChildren(tr);
    return;
  }
  $('report-body').replaceChildren(...sorted.map((k) => {
    const tr = el('tr');
    tr.dataset.kind = k;
    tr.append(el('td', null, kindName(k)), el('td', 'n created', String((r.created || {})[k] ?? 0)),
      el('td', 'n updated', String((r.updated || {})[k] ?? 0)), el('td', 'n unchanged', String((r.unchanged || {})[k] ?? 0)));
    return tr;
  }));
}

function renderErrors() {
  const p = state.problem;
  $('errors-section').hidden = !p;
  if (!p) return;
  const list = Array.isArray(p.errors) && p.errors.length ? p.errors
    : [{ field: p.field || state.file, message: p.detail || '' }];
  $('errors-detail').textContent = t('import.errorCount', { n: list.length });
  // Errors in the content name file:row:column; a problem with the whole file names just «file».
  const where = (f) => (!f || f === 'file' ? state.file : f);
  $('errors').replaceChildren(...list.map((e) => el('li', null, `${where(e.field)} — ${e.message}`)));
}

function busy(on) {
  for (const id of ['check', 'import', 'file', 'school']) $(id).disabled = on;
}

async function run(dryRun) {
  const file = $('file').files[0];
  state.report = null;
  state.problem = null;
  renderReport();
  renderErrors();
  if (!file) { message('bad', t('import.noFile')); return; }
  if (!$('school').value) { message('bad', t('roster.noSchools')); return; }
  state.file = file.name;
  busy(true);
  message('', t(dryRun ? 'import.checking' : 'import.importing'));
  try {
    const path = `roster/schools/${encodeURIComponent($('school').value)}/import?fileName=${encodeURIComponent(file.name)}&dryRun=${dryRun}`;
    const xlsx = /\.xlsx$/i.test(file.name);
    const type = xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    const r = await rawCall('POST', path, file, { 'Content-Type': type, Accept: 'application/json' });
    state.report = await r.json();
    message('good', t(dryRun ? 'import.dryDone' : 'import.done', { file: file.name }));
  } catch (err) {
    if (err.problem && (err.status === 400 || err.status === 413)) {
      state.problem = err.problem;
      message('bad', t('import.failed', { file: file.name }));
    } else {
      message('bad', errorText(err));
    }
  } finally {
    busy(false);
  }
  renderReport();
  renderErrors();
}

async function start() {
  translate();
  $('import-form').addEventListener('submit', (ev) => ev.preventDefault());
  $('check').addEventListener('click', () => run(true));
  $('import').addEventListener('click', () => run(false));
  const reset = () => {
    state.report = null;
    state.problem = null;
    message('');
    renderReport();
    renderErrors();
  };
  $('file').addEventListener('change', reset);
  $('school').addEventListener('change', reset);
  onLanguageChange(() => { translate(); message(''); renderReport(); renderErrors(); });
  try {
    const list = await schools();
    fillSchools($('school'), list);
    if (!list.length) message('bad', t('roster.noSchools'));
  } catch (err) {
    message('bad', errorText(err));
  }
}

start();
