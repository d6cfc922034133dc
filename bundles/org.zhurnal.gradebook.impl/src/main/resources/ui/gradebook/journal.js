// The journal grid: students × lessons, keyboard entry of marks and absences, one idempotent POST per changed lesson.
import { api, lang, TEXTS, t, translate } from '/i18n.js';
import { $, addDays, date, el, errorText, isoDate, latestOnly, myRoles, onLanguageChange, problemText, say, uuid } from '/page.js';
import { chooser } from '/ui/gradebook/gradebook-common.js';

Object.assign(TEXTS.ru, {
  'journal.title': 'Журнал', 'journal.save': 'Сохранить', 'journal.readOnly': 'Только просмотр.',
  'journal.notYours': 'Этот урок вёл другой учитель (замена) — записи по нему делает он.',
  'journal.notMember': '{name} не числится в классе (группе) на {date}.',
  'journal.keys': 'Стрелки — переход между клетками; введите оценку или код пропуска и нажмите Enter или Tab; опоздание с минутами — код и число, например «оп10»; Delete — убрать последнее несохранённое или отметку о пропуске; Ctrl+S — сохранить. Заголовок урока или Alt+Enter в клетке открывает тему и домашнее задание; щелчок по сохранённой оценке или F2 — её карточку: исправить, удалить, история изменений.',
  'journal.hiddenLegend': '— оценка не видна ученику и родителям;', 'journal.cancelledLegend': '— урок отменён.',
  'journal.topic': 'Тема урока', 'journal.homework': 'Домашнее задание', 'journal.links': 'Ссылки к заданию (по одной в строке)',
  'journal.comment': 'Комментарий', 'journal.notHeld': 'Урок не проводился', 'journal.lessonSave': 'Сохранить урок', 'journal.close': 'Закрыть',
  'journal.workType': 'Вид работы', 'journal.pending': 'Несохранённых уроков: {n}', 'journal.nothing': 'Нет изменений.',
  'journal.saved': 'Сохранено уроков: {n}.', 'journal.failed': 'Не сохранено уроков: {n} — см. ошибки под таблицей.',
  'journal.stale': 'урок изменили в другом окне или на другом устройстве после того, как журнал был открыт. Журнал показывает урок, как он записан сейчас, а ваши изменения — поверх него, ещё не сохранённые: проверьте их и нажмите «Сохранить» ещё раз.',
  'journal.invalid': '«{value}» — не оценка и не код пропуска. Оценки: {values}. Коды: {codes}.',
  'journal.lateMinutes': '«{value}»: опоздание указывается в минутах, от 1 до 90 (например «{code}10»).',
  'journal.future': 'Урок {date} ещё не прошёл: оценки и пропуски ставятся в день урока или позже. Тему и домашнее задание можно записать заранее (Alt+Enter).',
  'journal.savedOnly': 'Сохранённую оценку исправляют или удаляют в её карточке (F2).',
  'journal.markOnAbsent': '{name}: отмечен пропуск «{code}», а поставлена оценка {mark}. Если ученик отсутствовал, удалите оценку (Delete); оценку за работу, сданную позже, можно оставить.',
  'journal.cancelled': 'Урок отменён: в него ничего не записывается.', 'journal.noLessons': 'В этом периоде уроков по предмету нет.',
  'journal.hidden': 'не видна семье', 'journal.lessonNo': 'урок {n}', 'journal.leave': 'Есть несохранённые изменения.',
  'journal.schemeMissing': 'Система оценивания «{scheme}» не установлена: оценки только для чтения.',
  'journal.average': 'Средний балл', 'journal.averageHint': 'Средневзвешенный балл сохранённых оценок за период (Σ оценка × вес / Σ весов; учитываются оценки «в среднее»)',
  'journal.markValue': 'Оценка', 'journal.workDate': 'Дата работы', 'journal.counts': 'Учитывается в среднем балле',
  'journal.visible': 'Видна ученику и родителям', 'journal.markSave': 'Сохранить оценку', 'journal.markDelete': 'Удалить оценку',
  'journal.history': 'История изменений', 'journal.markTitle': '{student} — {subject}, {date}, урок {n}',
  'journal.markOpen': 'открыть карточку оценки (F2)', 'journal.markSaved': 'Оценка сохранена.', 'journal.markDeleted': 'Оценка удалена.',
  'journal.deleteConfirm': 'Удалить оценку «{value}» ученика {student}? Удаление останется в истории изменений.',
  'journal.hCreate': 'выставлена «{value}» ({workType})', 'journal.hUpdate': 'изменена', 'journal.hDelete': 'удалена (была «{value}»)',
  'journal.closed': 'Период «{name}» закрыт: оценки и уроки в нём меняются только после того, как заместитель директора его откроет.',
  'journal.hNothing': 'без изменений', 'journal.yes': 'да', 'journal.no': 'нет', 'journal.noHistory': 'Изменений не записано (оценка внесена при начальной загрузке журнала).',
});
Object.assign(TEXTS.en, {
  'journal.title': 'Journal', 'journal.save': 'Save', 'journal.readOnly': 'Read only.',
  'journal.notYours': 'Another teacher gave this lesson (a substitution): they enter it.',
  'journal.notMember': '{name} is not in the class (group) on {date}.',
  'journal.keys': 'Arrow keys move between cells; type a mark or an absence code and press Enter or Tab; a lateness with its minutes is the code and a number, e.g. “оп10”; Delete removes the last unsaved entry or an absence; Ctrl+S saves. A lesson header, or Alt+Enter in a cell, opens its topic and homework; a click on a saved mark or F2 opens its card: correct, delete, change history.',
  'journal.hiddenLegend': '— mark hidden from the student and parents;', 'journal.cancelledLegend': '— lesson cancelled.',
  'journal.topic': 'Topic', 'journal.homework': 'Homework', 'journal.links': 'Homework links (one per line)',
  'journal.comment': 'Comment', 'journal.notHeld': 'The lesson did not take place', 'journal.lessonSave': 'Save lesson', 'journal.close': 'Close',
  'journal.workType': 'Work type', 'journal.pending': 'Unsaved lessons: {n}', 'journal.nothing': 'No changes.',
  'journal.saved': 'Lessons saved: {n}.', 'journal.failed': 'Lessons not saved: {n} — see the errors below the grid.',
  'journal.stale': 'the lesson was changed in another window or on another device after the journal was opened. The grid now shows the lesson as recorded, with your unsaved changes on top — check them and press “Save” again.',
  'journal.invalid': '“{value}” is neither a mark nor an absence code. Marks: {values}. Codes: {codes}.',
  'journal.lateMinutes': '“{value}”: a lateness is given in minutes, 1 to 90 (e.g. “{code}10”).',
  'journal.future': 'The lesson of {date} is still ahead: marks and absences are entered on its day or later. Its topic and homework can be written in advance (Alt+Enter).',
  'journal.savedOnly': 'A saved mark is corrected or deleted in its card (F2).',
  'journal.markOnAbsent': '{name}: absence “{code}” is recorded, and a mark {mark} is given. If the student was away, remove the mark (Delete); a mark for work handed in later may stay.',
  'journal.cancelled': 'The lesson is cancelled: nothing is recorded for it.', 'journal.noLessons': 'No lessons of the subject in this period.',
  'journal.hidden': 'hidden from the family', 'journal.lessonNo': 'lesson {n}', 'journal.leave': 'There are unsaved changes.',
  'journal.schemeMissing': 'The grading scheme “{scheme}” is not installed: marks are read-only.',
  'journal.average': 'Average', 'journal.averageHint': 'Weighted average of the saved marks of the period (Σ mark × weight / Σ weights; marks that count in the average)',
  'journal.markValue': 'Mark', 'journal.workDate': 'Date of the work', 'journal.counts': 'Counts in the average',
  'journal.visible': 'Visible to the student and parents', 'journal.markSave': 'Save mark', 'journal.markDelete': 'Delete mark',
  'journal.history': 'Change history', 'journal.markTitle': '{student} — {subject}, {date}, lesson {n}',
  'journal.markOpen': 'open the mark (F2)', 'journal.markSaved': 'Mark saved.', 'journal.markDeleted': 'Mark deleted.',
  'journal.deleteConfirm': 'Delete the mark “{value}” of {student}? The deletion stays in the change history.',
  'journal.hCreate': 'given “{value}” ({workType})', 'journal.hUpdate': 'changed', 'journal.hDelete': 'deleted (was “{value}”)',
  'journal.closed': 'The period “{name}” is closed: its marks and lessons change only after a deputy director reopens it.',
  'journal.hNothing': 'no change', 'journal.yes': 'yes', 'journal.no': 'no', 'journal.noHistory': 'No changes recorded (the mark came with the journal\'s initial load).',
});

const S = {
  grid: null, codes: [], workTypes: [], teacher: false, readOnly: true, choice: null,
  // occurrenceId → {marks: Map(studentId → [value]), attendance: Map(studentId → code|''), late: Map(studentId → minutes), workType,
  // lesson, key}
  pending: new Map(),
  errors: new Map(), // occurrenceId → problem text
  active: { row: 0, col: 0 }, lessonCol: null,
  mark: null, // the saved mark whose card is open
  editor: null, // the cell being typed in: {input, commit() → whether its value was taken, value()}
  lessonForm: null, // the lesson form's fields as opened, to tell whether it has unsaved edits
};

/**
 * Takes what is being typed in a cell as if Enter was pressed (before a save, a language switch); answers false when
 * the value is neither a mark nor a code — the editor then stays open, marked invalid, and the status says why.
 */
function commitEditor() {
  return !S.editor || S.editor.commit();
}

const lessonFormState = () => ['lesson-topic', 'lesson-homework', 'lesson-links', 'lesson-comment'].map((id) => $(id).value)
  .concat(String($('lesson-not-held').checked)).join('\u0001');

function pendingOf(occ) {
  let p = S.pending.get(occ);
  if (!p) {
    p = { marks: new Map(), attendance: new Map(), late: new Map(), workType: 'ORAL', lesson: null, key: null };
    S.pending.set(occ, p);
  }
  return p;
}

/** Whether a lesson has anything to send (a work type choice alone is not a change). */
function dirty(p) {
  return p && (p.marks.size > 0 || p.attendance.size > 0 || p.lesson !== null);
}

/** Any change of a lesson's pending entry makes it a new request: a new Idempotency-Key is drawn at the next save. */
function changed(occ) {
  pendingOf(occ).key = null;
  updatePendingCount();
}

function updatePendingCount() {
  const n = [...S.pending.values()].filter(dirty).length;
  $('pending-count').textContent = n ? t('journal.pending', { n }) : '';
}

const lessons = () => S.grid.lessons;
const cancelled = (l) => l.status === 'CANCELLED';
/** Whether the lesson takes entries from this page: the caller gives it (the server says), it is not cancelled, the grid is writable. */
const enterable = (l) => !S.readOnly && l && l.yours && !cancelled(l);
/** Whether the student is in the class or group on the lesson's day (the grid gives the spans of those who were not throughout). */
const member = (sid, l) => {
  const spans = S.grid.memberships && S.grid.memberships[sid];
  return !spans || spans.some((p) => p.from <= l.date && (!p.to || l.date <= p.to));
};
// The server names work types in Russian (the journal's own words); the English page names them itself.
const WORK_EN = { ORAL: 'Oral answer', HOMEWORK: 'Homework', CLASSWORK: 'Classwork', DICTATION: 'Dictation', ESSAY: 'Essay',
  PRACTICAL: 'Practical work', LAB: 'Laboratory work', TEST: 'Quiz', PROJECT: 'Project', CONTROL: 'Test' };
const workTypeName = (id) => (lang() === 'en' && WORK_EN[id]) || (S.workTypes.find((w) => w.id === id) || { name: id }).name;

/** The abbreviations a Russian class journal uses for the kinds of work (null: the full name is shown). */
const WORK_SHORT = {
  ru: { ORAL: 'Отв', HOMEWORK: 'Д/з', CLASSWORK: 'Р/у', DICTATION: 'Дикт', ESSAY: 'Соч', PRACTICAL: 'П/р', LAB: 'Л/р', TEST: 'С/р',
    PROJECT: 'Пр/р', CONTROL: 'К/р' },
  en: { ORAL: 'Oral', HOMEWORK: 'HW', CLASSWORK: 'CW', DICTATION: 'Dict', ESSAY: 'Essay', PRACTICAL: 'Prac', LAB: 'Lab', TEST: 'Quiz',
    PROJECT: 'Proj', CONTROL: 'Test' },
};
const workTypeShort = (id) => (WORK_SHORT[lang()] || WORK_SHORT.ru)[id] || null;

function cellContent(td, student, lesson) {
  const nodes = [];
  const occ = lesson.occurrenceId;
  const p = S.pending.get(occ);
  for (const m of S.grid.marks) {
    if (m.occurrenceId !== occ || m.studentId !== student.id) continue;
    const s = el('span', 'mk saved' + (m.visibleToFamily ? '' : ' hidden-family') + (S.mark && S.mark.id === m.id ? ' open' : ''), m.value);
    s.dataset.mark = m.id;
    s.title = workTypeName(m.workType) + (m.visibleToFamily ? '' : ` (${t('journal.hidden')})`) + (m.comment ? ` — ${m.comment}` : '')
      + ` — ${t('journal.markOpen')}`;
    nodes.push(s);
  }
  const a = S.grid.attendance.find((x) => x.occurrenceId === occ && x.studentId === student.id);
  const pa = p && p.attendance.get(student.id);
  if (a) nodes.push(el('span', 'ab' + (pa !== undefined ? ' removed' : ''), a.code + (a.lateMinutes ? a.lateMinutes : '')));
  if (pa) nodes.push(el('span', 'ab pending', pa + (p.late.has(student.id) ? p.late.get(student.id) : '')));
  for (const v of (p && p.marks.get(student.id)) || []) nodes.push(el('span', 'mk pending', v));
  td.replaceChildren(...nodes);
}

/** The student's weighted average of the grid's saved marks that count (Σ value × weight / Σ weight), or null. */
function average(studentId) {
  let sum = 0;
  let weights = 0;
  for (const m of S.grid.marks) {
    if (m.studentId !== studentId || !m.counts || m.numeric == null) continue;
    sum += m.numeric * m.weight;
    weights += m.weight;
  }
  return weights > 0 ? sum / weights : null;
}

function cell(row, col) {
  return document.getElementById(`cell-${row}-${col}`);
}

function render() {
  S.editor = null; // the grid is drawn anew: an open editor goes with it (callers take its value first)
  const g = S.grid;
  const head = el('tr');
  head.appendChild(el('th', 'student', t('gb.student')));
  const types = el('tr');
  types.appendChild(el('th', 'student', t('journal.workType')));
  lessons().forEach((l, col) => {
    const th = el('th', 'lesson' + (cancelled(l) ? ' cancelled' : '') + (l.journal ? ' recorded' : '') + (S.errors.has(l.occurrenceId) ? ' has-error' : ''));
    th.id = `col-${col}`;
    th.dataset.occurrence = l.occurrenceId;
    th.dataset.date = l.date;
    if (S.errors.has(l.occurrenceId)) th.title = S.errors.get(l.occurrenceId);
    const b = el('button');
    b.type = 'button';
    b.append(date(l.date).substring(0, 5), el('small', null, t('journal.lessonNo', { n: l.lessonNumber })));
    b.addEventListener('click', () => openLesson(col));
    th.appendChild(b);
    head.appendChild(th);
    const wt = el('th', 'wt' + (cancelled(l) ? ' cancelled' : ''));
    const sel = el('select');
    sel.id = `wt-${col}`;
    sel.disabled = !enterable(l) || l.date > isoDate(); // marks are given from the lesson's day on
    // The column is narrow: the journal's customary abbreviations («К/р»), the full name in the option's and select's tooltip.
    for (const w of S.workTypes) {
      const o = el('option', null, workTypeShort(w.id) || workTypeName(w.id));
      o.value = w.id;
      o.title = workTypeName(w.id);
      sel.appendChild(o);
    }
    sel.value = (S.pending.get(l.occurrenceId) || {}).workType || 'ORAL';
    sel.title = `${t('journal.workType')}: ${workTypeName(sel.value)}`;
    sel.addEventListener('change', () => {
      pendingOf(l.occurrenceId).workType = sel.value;
      sel.title = `${t('journal.workType')}: ${workTypeName(sel.value)}`;
      changed(l.occurrenceId);
    });
    wt.appendChild(sel);
    types.appendChild(wt);
  });
  const avgHead = el('th', 'avg', t('journal.average'));
  avgHead.rowSpan = 2;
  avgHead.title = t('journal.averageHint');
  head.appendChild(avgHead);
  const thead = el('thead');
  thead.append(head, types);
  const tbody = el('tbody');
  g.students.forEach((s, row) => {
    const tr = el('tr');
    tr.appendChild(el('th', 'student', s.name));
    lessons().forEach((l, col) => {
      const td = el('td', 'cell' + (cancelled(l) ? ' cancelled' : '') + (member(s.id, l) ? '' : ' not-member'));
      if (!member(s.id, l)) td.title = t('journal.notMember', { name: s.name, date: date(l.date) });
      td.id = `cell-${row}-${col}`;
      td.dataset.row = row;
      td.dataset.col = col;
      td.tabIndex = -1;
      cellContent(td, s, l);
      tr.appendChild(td);
    });
    const avg = average(s.id);
    const at = el('td', 'avg', avg === null ? '—' : avg.toLocaleString(document.documentElement.lang || 'ru', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    at.id = `avg-${row}`;
    tr.appendChild(at);
    tbody.appendChild(tr);
  });
  $('grid').replaceChildren(thead, tbody);
  renderErrors();
  if (!lessons().length || !g.students.length) { say($('status'), '', t('journal.noLessons')); return; }
  const a = cell(Math.min(S.active.row, g.students.length - 1), Math.min(S.active.col, lessons().length - 1));
  a.tabIndex = 0;
}

function renderErrors() {
  $('lesson-errors').replaceChildren(...lessons().filter((l) => S.errors.has(l.occurrenceId)).map((l) => {
    const li = el('li', null, `${date(l.date)}, ${t('journal.lessonNo', { n: l.lessonNumber })}: ${S.errors.get(l.occurrenceId)}`);
    li.dataset.occurrence = l.occurrenceId;
    return li;
  }));
}

function focusCell(row, col) {
  const rows = S.grid.students.length;
  const cols = lessons().length;
  if (!rows || !cols) return;
  row = Math.max(0, Math.min(rows - 1, row));
  col = Math.max(0, Math.min(cols - 1, col));
  const old = cell(S.active.row, S.active.col);
  if (old) old.tabIndex = -1;
  S.active = { row, col };
  const c = cell(row, col);
  c.tabIndex = 0;
  c.focus();
}

function refreshCell(row, col) {
  cellContent(cell(row, col), S.grid.students[row], lessons()[col]);
}

/** Puts a typed value into the pending change of a cell; answers false (and says why) when it is neither a mark nor a code. */
function accept(row, col, raw) {
  const value = raw.trim();
  if (!value) return true;
  const lesson = lessons()[col];
  const student = S.grid.students[row];
  let code = S.codes.find((c) => c.code.toLowerCase() === value.toLowerCase());
  let minutes = null;
  // A lateness code followed by its minutes («оп10», «оп 10»; 1 to 90).
  const late = /^(.*?\D)\s*(\d{1,2})$/.exec(value);
  if (!code && late && Number(late[2]) >= 1 && Number(late[2]) <= 90) {
    code = S.codes.find((c) => c.category === 'LATE' && c.code.toLowerCase() === late[1].trim().toLowerCase());
    minutes = code ? Number(late[2]) : null;
  }
  const mark = S.grid.values.find((v) => v.toLowerCase() === value.toLowerCase());
  const lateCode = late && S.codes.find((c) => c.category === 'LATE' && c.code.toLowerCase() === late[1].trim().toLowerCase());
  if (!code && mark === undefined && lateCode) {
    say($('status'), 'bad', t('journal.lateMinutes', { value, code: lateCode.code }));
    return false;
  }
  if (mark !== undefined) {
    const p = pendingOf(lesson.occurrenceId);
    p.marks.set(student.id, [...(p.marks.get(student.id) || []), mark]);
  } else if (code) {
    const p = pendingOf(lesson.occurrenceId);
    p.attendance.set(student.id, code.code);
    if (minutes) p.late.set(student.id, minutes); else p.late.delete(student.id);
  } else {
    say($('status'), 'bad', t('journal.invalid', { value, values: S.grid.values.join(', '), codes: S.codes.map((c) => c.code).join(', ') }));
    return false;
  }
  changed(lesson.occurrenceId);
  const clash = absentWithMark(lesson.occurrenceId, student.id);
  if (clash) say($('status'), 'warn', t('journal.markOnAbsent', { name: student.name, code: clash.code, mark: clash.mark }));
  else say($('status'), '');
  return true;
}

/**
 * A mark and an absence (not a lateness) of one student in one lesson, saved or about to be: allowed — a test written
 * earlier, work handed in later — but more often a slip of the keyboard, so the teacher is told (nothing is refused).
 */
function absentWithMark(occ, sid) {
  const p = S.pending.get(occ);
  const pending = p && p.attendance.get(sid);
  const saved = S.grid.attendance.find((a) => a.occurrenceId === occ && a.studentId === sid);
  const code = pending !== undefined ? pending : saved && saved.code; // '' = a saved absence being removed
  const absence = code && S.codes.find((c) => c.code === code);
  if (!absence || absence.category === 'LATE') return null;
  const marks = S.grid.marks.filter((m) => m.occurrenceId === occ && m.studentId === sid).map((m) => m.value)
    .concat((p && p.marks.get(sid)) || []);
  return marks.length ? { code, mark: marks[marks.length - 1] } : null;
}

/** Opens the inline editor in the active cell, starting with the typed character. */
function edit(row, col, first) {
  const td = cell(row, col);
  const input = el('input', 'cell-input');
  input.value = first;
  input.setAttribute('aria-label', `${S.grid.students[row].name}, ${date(lessons()[col].date)}`);
  td.replaceChildren(input);
  input.focus();
  const moves = { Enter: [1, 0], Tab: [0, 1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
  let done = false;
  // focus: whether the focus comes back to the cell (not when the teacher clicked elsewhere: it is there already).
  const finish = (commit, move, focus = true) => {
    if (done) return true;
    if (commit && !accept(row, col, input.value)) {
      input.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
      if (focus) input.select();
      return false;
    }
    done = true;
    if (S.editor && S.editor.input === input) S.editor = null;
    refreshCell(row, col);
    if (move) focusCell(row + move[0], col + move[1]); else if (focus) cell(row, col).focus();
    return true;
  };
  S.editor = { input, commit: () => finish(true, null, false), value: () => input.value.trim() };
  // A corrected value is a new attempt: the mark of the refused one goes as soon as the teacher types.
  input.addEventListener('input', () => { input.classList.remove('invalid'); input.removeAttribute('aria-invalid'); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { ev.preventDefault(); say($('status'), ''); finish(false, null); return; }
    let move = moves[ev.key];
    if (ev.key === 'Tab' && ev.shiftKey) move = [0, -1];
    if (!move) return;
    ev.preventDefault();
    ev.stopPropagation();
    finish(true, move);
  });
  // Leaving the cell (a click elsewhere) takes the value; a refused one stays in the cell, marked, with the reason shown.
  input.addEventListener('blur', () => { if (!done) finish(true, null, false); });
}

function onGridKey(ev) {
  const td = ev.target.closest && ev.target.closest('td.cell');
  if (!td || ev.target.tagName === 'INPUT') return;
  const row = Number(td.dataset.row);
  const col = Number(td.dataset.col);
  if (ev.key === 'Enter' && ev.altKey) { ev.preventDefault(); openLesson(col); return; }
  const arrows = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0] };
  let move = arrows[ev.key];
  if (ev.key === 'Tab') {
    // Tab past the last lesson (Shift+Tab before the first) leaves the grid for the page's other controls.
    if (ev.shiftKey ? col === 0 : col === lessons().length - 1) return;
    move = ev.shiftKey ? [0, -1] : [0, 1];
  }
  if (move) { ev.preventDefault(); focusCell(row + move[0], col + move[1]); return; }
  const lesson = lessons()[col];
  const student = S.grid.students[row];
  const editable = enterable(lesson) && member(student.id, lesson);
  if (ev.key === 'F2') {
    ev.preventDefault();
    const saved = [...td.querySelectorAll('.mk.saved')];
    if (saved.length) openMark(saved[saved.length - 1].dataset.mark);
    return;
  }
  if ((ev.key === 'Delete' || ev.key === 'Backspace') && editable) {
    ev.preventDefault();
    if (!forget(row, col) && td.querySelector('.mk.saved')) say($('status'), '', t('journal.savedOnly'));
    return;
  }
  if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey && ev.key !== ' ') {
    ev.preventDefault();
    if (cancelled(lesson)) { say($('status'), 'bad', t('journal.cancelled')); return; }
    // Marks and absences of a lesson still ahead are refused by the server: said at the first key, not at the save.
    if (!S.readOnly && lesson.date > isoDate()) { say($('status'), 'bad', t('journal.future', { date: date(lesson.date) })); return; }
    if (!S.readOnly && !lesson.yours) { say($('status'), 'bad', t('journal.notYours')); return; }
    if (!S.readOnly && !member(student.id, lesson)) {
      say($('status'), 'bad', t('journal.notMember', { name: student.name, date: date(lesson.date) }));
      return;
    }
    if (editable) edit(row, col, ev.key);
  }
}

/**
 * Delete on a cell: drops its last unsaved entry (a second mark typed into the cell, then the first, then an absence);
 * with none, marks a recorded absence for removal. Answers whether anything changed.
 */
function forget(row, col) {
  const occ = lessons()[col].occurrenceId;
  const sid = S.grid.students[row].id;
  const p = pendingOf(occ);
  const typed = p.marks.get(sid) || [];
  if (typed.length > 1) {
    p.marks.set(sid, typed.slice(0, -1));
  } else if (typed.length || p.attendance.get(sid)) {
    p.marks.delete(sid);
    p.attendance.delete(sid);
    p.late.delete(sid);
  } else if (S.grid.attendance.some((a) => a.occurrenceId === occ && a.studentId === sid)) {
    p.attendance.set(sid, '');
  } else {
    return false;
  }
  changed(occ);
  refreshCell(row, col);
  return true;
}

/** The request body of a lesson's pending change; attendance, when touched, is sent whole (it replaces the lesson's). */
function bodyOf(lesson, p) {
  const body = {};
  if (p.lesson) Object.assign(body, p.lesson);
  if (p.attendance.size) {
    const list = new Map(S.grid.attendance.filter((a) => a.occurrenceId === lesson.occurrenceId)
      .map((a) => [a.studentId, { studentId: a.studentId, code: a.code, ...(a.lateMinutes != null ? { lateMinutes: a.lateMinutes } : {}) }]));
    for (const [sid, code] of p.attendance) {
      if (code) list.set(sid, { studentId: sid, code, ...(p.late.has(sid) ? { lateMinutes: p.late.get(sid) } : {}) }); else list.delete(sid);
    }
    body.attendance = [...list.values()];
  }
  const marks = [];
  for (const [sid, values] of p.marks) values.forEach((value) => marks.push({ studentId: sid, value, workType: p.workType || 'ORAL' }));
  if (marks.length) body.marks = marks;
  return body;
}

/** Sends one lesson; answers whether it was stored. The key stays with the pending change, so a retry cannot record twice. */
async function saveLesson(lesson) {
  const occ = lesson.occurrenceId;
  const p = S.pending.get(occ);
  if (!dirty(p)) return true;
  if (!p.key) p.key = uuid();
  try {
    // If-Match: the lesson as this page last read it. Entered meanwhile elsewhere (another tab, a phone, a colleague),
    // it answers 412 instead of replacing that entry's attendance and topic with this page's older picture.
    const view = await api('POST', `gradebook/lessons/${encodeURIComponent(occ)}`, bodyOf(lesson, p),
      { 'Idempotency-Key': p.key, 'If-Match': `"${lesson.revision || 0}"` });
    takeLesson(lesson, view);
    S.pending.set(occ, { marks: new Map(), attendance: new Map(), late: new Map(), workType: p.workType, lesson: null, key: null });
    S.errors.delete(occ);
    return true;
  } catch (e) {
    if (e.status === 412) {
      // Read the lesson as it is now and keep this page's pending changes on top of it: the next «Сохранить» sends them
      // (a new request, so a new key).
      try { takeLesson(lesson, await api('GET', `gradebook/lessons/${encodeURIComponent(occ)}`)); } catch (ignored) { /* shown below */ }
      p.key = null;
      S.errors.set(occ, t('journal.stale'));
      return false;
    }
    S.errors.set(occ, entryProblem(e));
    return false;
  }
}

/**
 * Why the server refused a lesson's entry, as the teacher reads it: each problem's message (which names the student),
 * without the request's field paths («marks[3].value»), which the teacher never sees.
 */
function entryProblem(e) {
  const p = e && e.problem;
  if (p && Array.isArray(p.errors) && p.errors.length) return p.errors.map((x) => x.message).join('; ');
  return (p && (p.detail || p.title)) || problemText(e);
}

/** Puts a lesson as the server answered it (an entry's answer, or a fresh read) into the grid. */
function takeLesson(lesson, view) {
  const occ = lesson.occurrenceId;
  S.grid.marks = S.grid.marks.filter((m) => m.occurrenceId !== occ).concat(view.marks || []);
  S.grid.attendance = S.grid.attendance.filter((a) => a.occurrenceId !== occ).concat(view.attendance || []);
  lesson.journal = view.journal;
  lesson.revision = view.revision;
}

async function saveAll() {
  if (S.readOnly || !S.grid) return;
  if (!commitEditor()) return; // the value being typed is refused: the status says why and nothing is sent
  const todo = lessons().filter((l) => dirty(S.pending.get(l.occurrenceId)));
  if (!todo.length) { say($('status'), '', t('journal.nothing')); return; }
  $('save').disabled = true;
  let failed = 0;
  try {
    for (const l of todo) if (!(await saveLesson(l))) failed += 1;
  } finally {
    $('save').disabled = false;
  }
  const keep = { ...S.active };
  render();
  S.active = keep;
  updatePendingCount();
  focusCell(keep.row, keep.col); // the teacher goes on typing where they were
  if (failed) say($('status'), 'bad', t('journal.failed', { n: failed }));
  else say($('status'), 'good', t('journal.saved', { n: todo.length }));
}

function openLesson(col) {
  const l = lessons()[col];
  S.lessonCol = col;
  const j = l.journal || {};
  const p = S.pending.get(l.occurrenceId);
  const draft = (p && p.lesson) || {};
  $('lesson-title').textContent = `${S.choice.subject}, ${date(l.date)}, ${t('journal.lessonNo', { n: l.lessonNumber })}`;
  $('lesson-topic').value = draft.topic ?? j.topic ?? '';
  $('lesson-homework').value = draft.homework ?? j.homework ?? '';
  $('lesson-links').value = (draft.homeworkLinks ?? j.homeworkLinks ?? []).join('\n');
  $('lesson-comment').value = draft.comment ?? j.comment ?? '';
  $('lesson-not-held').checked = draft.held === undefined ? j.held === false : !draft.held;
  const locked = !enterable(l);
  for (const id of ['lesson-topic', 'lesson-homework', 'lesson-links', 'lesson-comment', 'lesson-not-held', 'lesson-save']) $(id).disabled = locked;
  $('lesson-note').textContent = cancelled(l) ? t('journal.cancelled') : '';
  $('lesson-note').hidden = !cancelled(l);
  say($('lesson-error'), 'bad');
  $('mark-panel').hidden = true;
  $('lesson-panel').hidden = false;
  S.lessonForm = lessonFormState();
  $('lesson-topic').focus();
}

$('lesson-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const l = lessons()[S.lessonCol];
  const p = pendingOf(l.occurrenceId);
  // An emptied field is sent empty, which clears it (null would leave the stored text as it was).
  p.lesson = {
    held: !$('lesson-not-held').checked, topic: $('lesson-topic').value.trim(), homework: $('lesson-homework').value.trim(),
    homeworkLinks: $('lesson-links').value.split('\n').map((s) => s.trim()).filter(Boolean), comment: $('lesson-comment').value.trim(),
  };
  changed(l.occurrenceId);
  if (await saveLesson(l)) {
    $('lesson-panel').hidden = true;
    say($('status'), 'good', t('page.saved'));
  } else {
    say($('lesson-error'), 'bad', errorText({ message: S.errors.get(l.occurrenceId) }));
  }
  const keep = { ...S.active };
  render();
  S.active = keep;
  updatePendingCount();
  if ($('lesson-panel').hidden) focusCell(keep.row, keep.col); // back where the teacher was typing
});
$('lesson-close').addEventListener('click', () => { $('lesson-panel').hidden = true; focusCell(S.active.row, S.active.col); });
$('lesson-panel').addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') { ev.preventDefault(); $('lesson-panel').hidden = true; focusCell(S.active.row, S.active.col); }
});

// The card of a saved mark: its fields (changed with PUT, audited), its deletion and its history from the audit log.
const nextHistory = latestOnly();
const yesNo = (v) => t(v ? 'journal.yes' : 'journal.no');
const HISTORY_FIELDS = [
  ['value', 'journal.markValue', (v) => v], ['workType', 'journal.workType', workTypeName], ['workDate', 'journal.workDate', date],
  ['comment', 'journal.comment', (v) => v || '—'], ['counts', 'journal.counts', yesNo], ['visibleToFamily', 'journal.visible', yesNo],
];

/** One audited change in words: a creation, a deletion, or the fields an update changed (old → new). */
function describe(c) {
  if (c.action === 'create' && c.after) return t('journal.hCreate', { value: c.after.value, workType: workTypeName(c.after.workType) });
  if (c.action === 'delete' && c.before) return t('journal.hDelete', { value: c.before.value });
  const parts = HISTORY_FIELDS.filter(([f]) => c.before && c.after && JSON.stringify(c.before[f]) !== JSON.stringify(c.after[f]))
    .map(([f, key, fmt]) => `${t(key)}: ${fmt(c.before[f])} → ${fmt(c.after[f])}`);
  return `${t('journal.hUpdate')}: ${parts.length ? parts.join('; ') : t('journal.hNothing')}`;
}

async function loadHistory(id) {
  const current = nextHistory();
  $('mark-history').replaceChildren(el('li', 'hint', t('page.loading')));
  try {
    const changes = await api('GET', `gradebook/marks/${encodeURIComponent(id)}/history`);
    if (!current()) return;
    $('mark-history').replaceChildren(...(changes.length ? changes.map((c) => {
      const li = el('li');
      li.dataset.action = c.action;
      const when = new Date(c.at).toLocaleString(lang(), { dateStyle: 'short', timeStyle: 'short' });
      li.append(el('span', 'when', when), `${c.byName || c.byLogin || '—'}: ${describe(c)}`);
      return li;
    }) : [el('li', 'hint', t('journal.noHistory'))]));
  } catch (e) {
    if (current()) $('mark-history').replaceChildren(el('li', 'message bad', errorText(e)));
  }
}

function openMark(id) {
  const m = S.grid.marks.find((x) => x.id === id);
  if (!m) return;
  S.mark = m;
  const student = S.grid.students.find((x) => x.id === m.studentId);
  const lesson = lessons().find((l) => l.occurrenceId === m.occurrenceId);
  $('mark-title').textContent = t('journal.markTitle', { student: student ? student.name : m.studentId, subject: S.choice.subject,
    date: date(m.lessonDate), n: lesson ? lesson.lessonNumber : '' });
  $('mark-values').replaceChildren(...S.grid.values.map((v) => { const o = el('option'); o.value = v; return o; }));
  $('mark-value').value = m.value;
  const wt = $('mark-work-type');
  wt.replaceChildren(...S.workTypes.map((w) => { const o = el('option', null, workTypeName(w.id)); o.value = w.id; return o; }));
  wt.value = m.workType;
  $('mark-work-date').value = m.workDate;
  $('mark-work-date').max = m.lessonDate;
  $('mark-work-date').min = addDays(m.lessonDate, -30);
  $('mark-comment').value = m.comment || '';
  $('mark-counts').checked = m.counts;
  $('mark-visible').checked = m.visibleToFamily;
  const locked = !enterable(lesson);
  for (const f of ['mark-value', 'mark-work-type', 'mark-work-date', 'mark-comment', 'mark-counts', 'mark-visible']) $(f).disabled = locked;
  $('mark-save').hidden = locked;
  $('mark-delete').hidden = locked;
  say($('mark-error'), 'bad');
  document.querySelectorAll('#grid .mk.open').forEach((x) => x.classList.remove('open'));
  const span = document.querySelector(`#grid .mk.saved[data-mark="${CSS.escape(id)}"]`);
  if (span) span.classList.add('open');
  $('lesson-panel').hidden = true;
  $('mark-panel').hidden = false;
  if (!locked) $('mark-value').focus();
  $('mark-panel').scrollIntoView({ block: 'nearest' });
  loadHistory(id);
}

function closeMark() {
  S.mark = null;
  $('mark-panel').hidden = true;
  document.querySelectorAll('#grid .mk.open').forEach((x) => x.classList.remove('open'));
  const c = cell(S.active.row, S.active.col);
  if (c) c.focus();
}

/** Draws the grid again after a saved mark changed, keeping the active cell. */
function redraw() {
  const keep = { ...S.active };
  render();
  S.active = keep;
}

// An error of an earlier save goes once the teacher changes the card (the browser's own checks may then stop the next
// save before it is sent, and the old error would stand for a problem no longer there).
$('mark-form').addEventListener('input', () => say($('mark-error'), 'bad'));
$('mark-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const m = S.mark;
  if (!m || !enterable(lessons().find((l) => l.occurrenceId === m.occurrenceId))) return;
  const body = {
    value: $('mark-value').value.trim(), workType: $('mark-work-type').value, workDate: $('mark-work-date').value || null,
    comment: $('mark-comment').value.trim(), counts: $('mark-counts').checked, visibleToFamily: $('mark-visible').checked,
  };
  $('mark-save').disabled = true;
  try {
    const saved = await api('PUT', `gradebook/marks/${encodeURIComponent(m.id)}`, body);
    S.grid.marks = S.grid.marks.map((x) => (x.id === saved.id ? saved : x));
    S.mark = saved;
    redraw();
    say($('mark-error'), 'bad');
    say($('status'), 'good', t('journal.markSaved'));
    loadHistory(saved.id);
  } catch (e) {
    say($('mark-error'), 'bad', errorText(e));
  } finally {
    $('mark-save').disabled = false;
  }
});
$('mark-delete').addEventListener('click', async () => {
  const m = S.mark;
  if (!m) return;
  const student = S.grid.students.find((x) => x.id === m.studentId);
  if (!window.confirm(t('journal.deleteConfirm', { value: m.value, student: student ? student.name : m.studentId }))) return;
  try {
    await api('DELETE', `gradebook/marks/${encodeURIComponent(m.id)}`);
    S.grid.marks = S.grid.marks.filter((x) => x.id !== m.id);
    S.mark = null;
    redraw();
    closeMark();
    say($('status'), 'good', t('journal.markDeleted'));
  } catch (e) {
    say($('mark-error'), 'bad', errorText(e));
  }
});
$('mark-close').addEventListener('click', closeMark);
$('mark-panel').addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { ev.preventDefault(); closeMark(); } });

// A teacher switching groups quickly: the grid of an earlier choice arriving late must not be drawn (and typed into)
// under the later one.
const nextShow = latestOnly();

async function show(choice) {
  if ([...S.pending.values()].some(dirty) && !window.confirm(t('journal.leave'))) return;
  const current = nextShow();
  S.choice = choice;
  S.pending.clear();
  S.errors.clear();
  S.active = { row: 0, col: 0 };
  say($('status'), '', t('page.loading'));
  $('lesson-panel').hidden = true;
  $('mark-panel').hidden = true;
  S.mark = null;
  try {
    const q = new URLSearchParams({ subject: choice.subject, from: choice.period.start, to: choice.period.end });
    if (choice.classId) q.set('classId', choice.classId); else q.set('groupId', choice.groupId);
    const [grid, codes] = await Promise.all([api('GET', `gradebook/journal?${q}`),
      api('GET', `gradebook/schools/${encodeURIComponent(choice.schoolId)}/absence-codes`).catch(() => [])]);
    if (!current()) return;
    S.grid = grid;
    S.codes = codes;
    // A closed period is read-only here too (the server refuses its writes with 409 in any case).
    const closed = choice.period.state === 'CLOSED';
    // Another teacher's subject (a class teacher's or the deputy's reading) is read-only as a whole.
    S.readOnly = !S.teacher || !grid.schemeInstalled || closed || !grid.lessons.some((l) => l.yours);
    $('read-only').hidden = !S.readOnly;
    $('save').hidden = S.readOnly;
    say($('status'), '');
    if (closed && S.teacher) say($('status'), '', t('journal.closed', { name: choice.period.name }));
    if (!grid.schemeInstalled) say($('status'), 'bad', t('journal.schemeMissing', { scheme: grid.schemeId }));
    $('journal').hidden = false;
    // Start at today's (or the last past) lesson, where a teacher usually types.
    const today = isoDate();
    const idx = grid.lessons.map((l) => l.date <= today && !cancelled(l)).lastIndexOf(true);
    S.active = { row: 0, col: Math.max(0, idx) };
    render();
    updatePendingCount();
    const start = cell(S.active.row, S.active.col);
    if (start) {
      // The keyboard starts where the teacher types: today's lesson, first student (no tabbing through the headers).
      start.focus({ preventScroll: true });
      start.scrollIntoView({ block: 'nearest', inline: 'center' });
    }
  } catch (e) {
    if (!current()) return;
    $('journal').hidden = true;
    say($('status'), 'bad', errorText(e));
  }
}

$('grid').addEventListener('keydown', onGridKey);
$('grid').addEventListener('click', (ev) => {
  const td = ev.target.closest('td.cell');
  if (td && ev.target.tagName !== 'INPUT') focusCell(Number(td.dataset.row), Number(td.dataset.col));
  const saved = ev.target.closest('.mk.saved');
  if (saved) openMark(saved.dataset.mark);
});
$('save').addEventListener('click', saveAll);
document.addEventListener('keydown', (ev) => {
  if ((ev.ctrlKey || ev.metaKey) && (ev.key === 's' || ev.key === 'S' || ev.key === 'ы' || ev.key === 'Ы')) { ev.preventDefault(); saveAll(); }
});
// Leaving with unsaved work asks first: pending cells, a value still being typed, the lesson form's unsaved edits.
window.addEventListener('beforeunload', (ev) => {
  const typing = S.editor && S.editor.value();
  const lessonForm = !$('lesson-panel').hidden && S.lessonForm !== null && lessonFormState() !== S.lessonForm;
  if ([...S.pending.values()].some(dirty) || typing || lessonForm) { ev.preventDefault(); ev.returnValue = ''; }
});
onLanguageChange(() => {
  translate();
  if (!S.grid) return;
  const inGrid = $('grid').contains(document.activeElement);
  commitEditor();
  const keep = { ...S.active };
  render();
  S.active = keep;
  updatePendingCount();
  if (inGrid) focusCell(keep.row, keep.col);
});

async function start() {
  translate();
  try {
    const [roles, workTypes] = await Promise.all([myRoles(), api('GET', 'gradebook/work-types')]);
    // Only teachers write marks; the API has the last word for each lesson (403 shown at the lesson).
    S.teacher = roles.has('TEACHER');
    S.workTypes = workTypes;
    await chooser(show);
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}
start();
