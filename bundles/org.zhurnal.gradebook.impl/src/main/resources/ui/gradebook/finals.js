// Period grades: per student the marks, weighted average, the scheme's suggestion; confirm or override per student.
// Year grades (the chooser's «year»): per student the confirmed period grades and the year suggestion from them.
import { api, lang, TEXTS, t, translate } from '/i18n.js';
import { $, date, el, errorText, isoDate, latestOnly, myRoles, onLanguageChange, problemText, say } from '/page.js';
import { chooser, reasonText, YEAR } from '/ui/gradebook/gradebook-common.js';

Object.assign(TEXTS.ru, {
  'finals.title': 'Итоговые оценки', 'finals.marks': 'Отметки', 'finals.count': 'Кол-во', 'finals.average': 'Средний балл',
  'finals.suggested': 'Предложено', 'finals.confirmed': 'Выставлено', 'finals.grade': 'Оценка', 'finals.confirm': 'Выставить',
  'finals.none': 'Учеников нет.', 'finals.done': 'Оценка выставлена: {name} — {value}.',
  'finals.all': 'Выставить предложенные ({n})', 'finals.allHint': 'Ученикам без выставленной оценки — предложенная; выставленные не меняются.',
  'finals.allAsk': 'Выставить предложенные оценки {n} ученикам? Каждую можно будет изменить.', 'finals.allDone': 'Выставлено оценок: {n}.',
  'finals.periodGrades': 'Оценки за периоды', 'finals.yearHint': 'Годовая оценка предлагается по выставленным оценкам за периоды.',
  'finals.readOnly': 'Оценки выставляет учитель предмета; здесь они только для просмотра.',
  'finals.earlyAsk': '«{name}» заканчивается {date}. Выставленная сейчас оценка сразу видна ученику и родителям как итоговая за период. Выставить?',
  'finals.theYear': 'Учебный год',
  'finals.hiddenMark': 'Скрыта от ученика и родителей: учтена здесь, но не в прогнозе дневника',
  'finals.notShown': 'Скрыто от семьи: {n} — прогноз в дневнике посчитан без них',
  'finals.closed': 'Период «{name}» закрыт: оценки за него меняются только после того, как заместитель директора его откроет.',
  'finals.notStarted': 'Оценки за «{name}» выставляются с {date}, когда период начнётся.',
  'finals.yearNotOpen': 'Годовые оценки выставляются с {date} — с начала последнего периода года («{name}»).',
  'finals.certTitle': 'Экзамены и итоговые оценки (аттестат)', 'finals.yearGrade': 'Годовая', 'finals.exam': 'Экзамен', 'finals.final': 'Итоговая',
  'finals.cert9': 'Итоговая оценка 9 класса — среднее арифметическое годовой и экзаменационной, округлённое по правилам математики '
    + '(4,5 → 5); по предмету без экзамена — годовая. Экзаменационные и итоговые оценки выставляют учитель предмета и администрация школы.',
  'finals.cert11': 'Итоговая оценка 11 класса — среднее арифметическое оценок за полугодия и годовых за 10 и 11 классы, округлённое по '
    + 'правилам математики (4,5 → 5). Экзаменационные и итоговые оценки выставляют учитель предмета и администрация школы.',
  'finals.certAll': 'Выставить предложенные итоговые ({n})', 'finals.certAllAsk': 'Выставить предложенные итоговые оценки {n} ученикам?',
  'finals.examDone': 'Экзаменационная оценка выставлена: {name} — {value}.', 'finals.finalDone': 'Итоговая оценка выставлена: {name} — {value}.',
  'finals.readOnlyCert': 'Годовые оценки выставляет учитель предмета; экзаменационные и итоговые оценки можно выставить ниже.',
  'finals.noYearGrade': 'нет годовой', 'finals.notAveraged': 'не усредняется: {value}',
});
Object.assign(TEXTS.en, {
  'finals.title': 'Period grades', 'finals.marks': 'Marks', 'finals.count': 'Count', 'finals.average': 'Average',
  'finals.suggested': 'Suggested', 'finals.confirmed': 'Confirmed', 'finals.grade': 'Grade', 'finals.confirm': 'Confirm',
  'finals.none': 'No students.', 'finals.done': 'Grade confirmed: {name} — {value}.',
  'finals.all': 'Confirm the suggestions ({n})', 'finals.allHint': 'Students without a confirmed grade get the suggested one; confirmed grades stay.',
  'finals.allAsk': 'Confirm the suggested grades of {n} students? Each can be changed later.', 'finals.allDone': 'Grades confirmed: {n}.',
  'finals.periodGrades': 'Period grades', 'finals.yearHint': 'The year grade is suggested from the confirmed period grades.',
  'finals.readOnly': 'Grades are confirmed by the subject\'s teacher; here they are for reading only.',
  'finals.earlyAsk': '“{name}” ends on {date}. A grade confirmed now is seen by the student and parents at once as the period\'s grade. Confirm it?',
  'finals.theYear': 'The school year',
  'finals.hiddenMark': 'Hidden from the student and parents: counted here, not in the diary\'s forecast',
  'finals.notShown': 'Hidden from the family: {n} — the diary\'s forecast leaves them out',
  'finals.closed': 'The period “{name}” is closed: its grades change only after a deputy director reopens it.',
  'finals.notStarted': 'Grades for “{name}” are given from {date}, when the period starts.',
  'finals.yearNotOpen': 'Year grades are given from {date}, the start of the year\'s last period (“{name}”).',
  'finals.certTitle': 'Exams and final grades (certificate)', 'finals.yearGrade': 'Year', 'finals.exam': 'Exam', 'finals.final': 'Final',
  'finals.cert9': 'The 9th grade\'s final grade is the mean of the year and exam grades, rounded half up (4.5 → 5); for a subject '
    + 'without an exam, the year grade. Exam and final grades are entered by the subject\'s teacher and the school\'s administration.',
  'finals.cert11': 'The 11th grade\'s final grade is the mean of the half-year and year grades of the 10th and 11th grades, rounded half '
    + 'up (4.5 → 5). Exam and final grades are entered by the subject\'s teacher and the school\'s administration.',
  'finals.certAll': 'Confirm the suggested final grades ({n})', 'finals.certAllAsk': 'Confirm the suggested final grades of {n} students?',
  'finals.examDone': 'Exam grade entered: {name} — {value}.', 'finals.finalDone': 'Final grade confirmed: {name} — {value}.',
  'finals.readOnlyCert': 'Year grades are confirmed by the subject\'s teacher; exam and final grades can be entered below.',
  'finals.noYearGrade': 'no year grade', 'finals.notAveraged': 'not averaged: {value}',
});

let current = null; // {choice, rows, names, finalValues}
let teacher = false; // only teachers confirm grades (the API has the last word: 403 for a teacher of another subject)
let administration = false; // the coordinator and deputy director enter exam and final grades too
let chosen = null; // the chooser: whether the caller teaches the shown subject to the class

/**
 * The period whose first day opens the page's grades when that day is still ahead: the period itself, or for the year
 * the year's last period (the API refuses earlier grades with 409 too).
 */
function notOpenYet() {
  const p = current.choice.period;
  const opening = p.id === YEAR ? p.periods.reduce((a, b) => (!a || b.start > a.start ? b : a), null) : p;
  return opening && isoDate() < opening.start ? opening : null;
}

/**
 * A period grade given before its period ends is seen by the family at once as the period's grade: asked first, naming
 * the last day (a grade given early is allowed — a student leaving, a long illness — but rarely meant).
 */
function stillRunningOk() {
  const p = current.choice.period;
  const last = p.end;
  if (!last || isoDate() >= last) return true;
  return window.confirm(t('finals.earlyAsk', { name: p.id === YEAR ? t('finals.theYear') : p.name, date: date(last) }));
}

/** Nothing to confirm here: the caller teaches no subject, the period is closed, or its grades are not given yet. */
const teachesShown = () => teacher && chosen !== null && chosen.teaches(current.choice);
const readOnly = () => !teachesShown() || (current.choice.period.id !== YEAR && current.choice.period.state === 'CLOSED') || notOpenYet() !== null;

/** What confirming a grade of the page sends besides student, subject and value: a period's, or the year's. */
function target(c) {
  return c.period.id === YEAR ? { kind: 'YEAR', academicYear: c.period.academicYear } : { kind: 'PERIOD', periodId: c.period.id };
}

function row(f, i) {
  const tr = el('tr', f.confirmed ? 'confirmed' : '');
  tr.dataset.student = f.studentId;
  tr.appendChild(el('td', 'name', current.names.get(f.studentId) || f.studentId));
  // A mark hidden from the family counts here but not in the diary's forecast: marked, and said why.
  const marks = el('td', 'marks');
  (f.marks || []).forEach((m, k) => {
    if (k) marks.append(' ');
    const v = el('span', m.visibleToFamily === false ? 'hidden-mark' : null, m.value);
    if (m.visibleToFamily === false) v.title = t('finals.hiddenMark');
    marks.append(v);
  });
  if (f.notShown > 0) marks.append(el('div', 'reason', t('finals.notShown', { n: f.notShown })));
  tr.appendChild(marks);
  tr.appendChild(el('td', 'count', String((f.marks || []).filter((m) => m.counts).length)));
  tr.appendChild(el('td', 'avg', f.average == null ? '—'
    : Number(f.average).toLocaleString(lang(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })));
  const sug = el('td', 'suggested', f.suggested || '—');
  if (!f.suggested && f.reason) sug.appendChild(el('div', 'reason', reasonText(f.reason)));
  tr.appendChild(sug);
  tr.appendChild(el('td', 'value', f.confirmed ? f.confirmed.value : '—'));
  const td = el('td', 'act');
  tr.appendChild(td);
  if (readOnly()) return tr;
  const sel = el('select');
  sel.id = `grade-${i}`;
  // Without a suggestion or a grade the teacher chooses one: nothing is preselected (a «5» by default is too easy to confirm).
  if (!f.confirmed && !f.suggested) { const o = el('option', null, '—'); o.value = ''; sel.appendChild(o); }
  for (const v of current.finalValues) { const o = el('option', null, v); o.value = v; sel.appendChild(o); }
  sel.value = f.confirmed ? f.confirmed.value : (f.suggested || '');
  const b = el('button', 'btn small', t('finals.confirm'));
  b.type = 'button';
  b.id = `confirm-${i}`;
  b.disabled = !sel.value;
  sel.addEventListener('change', () => { b.disabled = !sel.value; });
  const err = el('div', 'bad');
  b.addEventListener('click', async () => {
    if (!stillRunningOk()) return;
    b.disabled = true;
    try {
      const c = current.choice;
      const saved = await api('PUT', 'gradebook/finals', { studentId: f.studentId, subject: c.subject, ...target(c), value: sel.value });
      f.confirmed = saved;
      say($('status'), 'good', t('finals.done', { name: current.names.get(f.studentId) || f.studentId, value: saved.value }));
      tr.replaceWith(row(f, i));
      updateBulk();
    } catch (e) {
      err.textContent = problemText(e);
      b.disabled = false;
    }
  });
  td.append(sel, ' ', b, err);
  return tr;
}

/** Rows with a suggestion and no confirmed grade yet: what «confirm the suggestions» confirms. */
const unconfirmed = () => current.rows.filter((f) => f.suggested && !f.confirmed);

function updateBulk() {
  const n = unconfirmed().length;
  $('confirm-all').textContent = t('finals.all', { n });
  $('confirm-all').disabled = n === 0;
  $('bulk').hidden = current.rows.length === 0 || readOnly();
}

// All of them in one request, all or none (PUT gradebook/finals/bulk): a refusal names the student's row.
$('confirm-all').addEventListener('click', async () => {
  const todo = unconfirmed();
  if (!todo.length || !stillRunningOk() || !window.confirm(t('finals.allAsk', { n: todo.length }))) return;
  const c = current.choice;
  $('confirm-all').disabled = true;
  try {
    const saved = await api('PUT', 'gradebook/finals/bulk', todo.map((f) => ({ studentId: f.studentId, subject: c.subject, ...target(c),
      value: f.suggested })));
    const byStudent = new Map(saved.map((g) => [g.studentId, g]));
    for (const f of current.rows) if (byStudent.has(f.studentId)) f.confirmed = byStudent.get(f.studentId);
    render();
    say($('status'), 'good', t('finals.allDone', { n: saved.length }));
  } catch (e) {
    const m = /^\[(\d+)\]/.exec((e.problem && e.problem.field) || '');
    const who = m && todo[Number(m[1])] ? `${current.names.get(todo[Number(m[1])].studentId) || ''}: ` : '';
    say($('status'), 'bad', who + errorText(e));
    updateBulk();
  }
});

function render() {
  const year = current.choice.period.id === YEAR;
  $('marks-head').textContent = t(year ? 'finals.periodGrades' : 'finals.marks');
  $('year-hint').hidden = !year;
  $('rows').replaceChildren(...current.rows.map(row));
  updateBulk();
  $('finals').hidden = false;
  if (year) renderCertificate(); else $('certificate').hidden = true;
  const closed = current.choice.period.id !== YEAR && current.choice.period.state === 'CLOSED';
  const early = notOpenYet();
  if (!current.rows.length) say($('status'), '', t('finals.none'));
  else if (closed) say($('status'), '', t('finals.closed', { name: current.choice.period.name }));
  else if (early) say($('status'), '', t(year ? 'finals.yearNotOpen' : 'finals.notStarted', { name: early.name, date: date(early.start) }));
  else if (!teachesShown()) say($('status'), '', t(year && (current.certificate || []).length && certifies() ? 'finals.readOnlyCert' : 'finals.readOnly'));
  else say($('status'), '');
}

/** Why no final grade is suggested, in words. */
function finalReason(reason) {
  if (!reason) return '';
  if (reason === 'no year grade') return t('finals.noYearGrade');
  const m = /^not averaged: (.*)$/.exec(reason);
  return m ? t('finals.notAveraged', { value: m[1] }) : reasonText(reason);
}

/** Whether the caller may enter exam and final grades here: the subject's teacher, or the school's administration. */
const certifies = () => (teachesShown() || administration) && notOpenYet() === null;

/** A grade picker with its button; {@code onSave(value)} answers the saved grade. */
function picker(id, value, onSave) {
  const span = el('span');
  const sel = el('select');
  sel.id = id;
  const blank = el('option', null, '—');
  blank.value = '';
  sel.appendChild(blank);
  for (const v of current.finalValues) { const o = el('option', null, v); o.value = v; sel.appendChild(o); }
  sel.value = value || '';
  const b = el('button', 'btn small', t('finals.confirm'));
  b.type = 'button';
  b.id = id + '-save';
  b.disabled = !sel.value;
  sel.addEventListener('change', () => { b.disabled = !sel.value; });
  const err = el('div', 'bad');
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await onSave(sel.value);
    } catch (e) {
      err.textContent = problemText(e);
      b.disabled = false;
    }
  });
  span.append(sel, ' ', b, err);
  return span;
}

async function saveCert(r, kind, value) {
  const c = current.choice;
  const saved = await api('PUT', 'gradebook/finals', { studentId: r.studentId, subject: c.subject, kind, academicYear: c.period.academicYear, value });
  if (kind === 'EXAM') r.exam = saved; else r.finalGrade = saved;
  say($('cert-status'), 'good', t(kind === 'EXAM' ? 'finals.examDone' : 'finals.finalDone',
    { name: current.names.get(r.studentId) || r.studentId, value: saved.value }));
  // An exam grade changes the final grade's suggestion: the rows are read again.
  if (kind === 'EXAM') await show(current.choice); else renderCertificate();
}

function certRow(r, i) {
  const tr = el('tr', r.finalGrade ? 'confirmed' : '');
  tr.dataset.student = r.studentId;
  tr.appendChild(el('td', 'name', current.names.get(r.studentId) || r.studentId));
  tr.appendChild(el('td', 'year', r.confirmed ? r.confirmed.value : '—'));
  const edit = certifies();
  const exam = el('td', 'exam');
  if (edit) exam.appendChild(picker(`exam-${i}`, r.exam && r.exam.value, (v) => saveCert(r, 'EXAM', v)));
  else exam.textContent = r.exam ? r.exam.value : '—';
  tr.appendChild(exam);
  const sug = el('td', 'suggested', r.suggestedFinal || '—');
  if (!r.suggestedFinal && r.finalReason) sug.appendChild(el('div', 'reason', finalReason(r.finalReason)));
  tr.appendChild(sug);
  const fin = el('td', 'final');
  if (edit) fin.appendChild(picker(`final-${i}`, (r.finalGrade && r.finalGrade.value) || r.suggestedFinal, (v) => saveCert(r, 'FINAL', v)));
  else fin.textContent = r.finalGrade ? r.finalGrade.value : '—';
  tr.appendChild(fin);
  return tr;
}

const certTodo = () => current.certificate.filter((r) => r.suggestedFinal && !r.finalGrade);

function renderCertificate() {
  const rows = current.certificate || [];
  $('certificate').hidden = rows.length === 0;
  if (!rows.length) return;
  $('cert-hint').textContent = t(current.grade === 11 ? 'finals.cert11' : 'finals.cert9');
  $('cert-rows').replaceChildren(...rows.map(certRow));
  const n = certTodo().length;
  $('cert-all').textContent = t('finals.certAll', { n });
  $('cert-all').disabled = n === 0;
  $('cert-bulk').hidden = !certifies();
}

// The suggested final grades of the rows without one, all or none (PUT gradebook/finals/bulk).
$('cert-all').addEventListener('click', async () => {
  const todo = certTodo();
  if (!todo.length || !window.confirm(t('finals.certAllAsk', { n: todo.length }))) return;
  const c = current.choice;
  $('cert-all').disabled = true;
  try {
    const saved = await api('PUT', 'gradebook/finals/bulk', todo.map((r) => ({ studentId: r.studentId, subject: c.subject, kind: 'FINAL',
      academicYear: c.period.academicYear, value: r.suggestedFinal })));
    const byStudent = new Map(saved.map((g) => [g.studentId, g]));
    for (const r of current.certificate) if (byStudent.has(r.studentId)) r.finalGrade = byStudent.get(r.studentId);
    renderCertificate();
    say($('cert-status'), 'good', t('finals.allDone', { n: saved.length }));
  } catch (e) {
    const m = /^\[(\d+)\]/.exec((e.problem && e.problem.field) || '');
    const who = m && todo[Number(m[1])] ? `${current.names.get(todo[Number(m[1])].studentId) || ''}: ` : '';
    say($('cert-status'), 'bad', who + errorText(e));
    $('cert-all').disabled = false;
  }
});

const nextShow = latestOnly(); // only the answer to the latest choice is drawn

/**
 * The year page's rows in the shape of the period page's: the confirmed period grades stand where the marks do (each
 * «1 четверть: 5»), their count and average, the suggestion from them and the confirmed year grade.
 */
async function yearRows(choice, q) {
  q.set('academicYear', String(choice.period.academicYear));
  const [rows, schemes] = await Promise.all([api('GET', `gradebook/finals/year?${q}`), api('GET', 'gradebook/grading-schemes')]);
  const periodName = new Map(choice.period.periods.map((p) => [p.id, p.name]));
  const scheme = rows.length ? schemes.find((s) => s.id === rows[0].schemeId) : null;
  return {
    rows: rows.map((r) => ({ studentId: r.student.id, average: r.average, suggested: r.suggested, reason: r.reason, confirmed: r.confirmed,
      marks: (r.periodGrades || []).map((g) => ({ value: `${periodName.get(g.periodId) || ''}: ${g.value}`, counts: true })) })),
    names: new Map(rows.map((r) => [r.student.id, r.student.name])),
    finalValues: scheme ? scheme.finalValues : [],
    // The graduating grades' exam and final grades (the 9th and 11th: a certificate), under the year grades.
    grade: rows.length ? rows[0].grade : null,
    certificate: rows.filter((r) => r.grade === 9 || r.grade === 11).map((r) => ({ studentId: r.student.id, confirmed: r.confirmed,
      exam: r.exam, finalGrade: r.finalGrade, suggestedFinal: r.suggestedFinal, finalReason: r.finalReason })),
  };
}

async function show(choice) {
  const latest = nextShow();
  say($('status'), '', t('page.loading'));
  try {
    if (choice.period.id === YEAR) {
      const q = new URLSearchParams({ subject: choice.subject });
      if (choice.classId) q.set('classId', choice.classId); else q.set('groupId', choice.groupId);
      const y = await yearRows(choice, q);
      if (!latest()) return;
      current = { choice, ...y };
      current.rows.sort((a, b) => (current.names.get(a.studentId) || '').localeCompare(current.names.get(b.studentId) || '', 'ru'));
      render();
      return;
    }
    const q = new URLSearchParams({ subject: choice.subject });
    if (choice.classId) q.set('classId', choice.classId); else q.set('groupId', choice.groupId);
    const g = new URLSearchParams(q);
    g.set('from', choice.period.start);
    g.set('to', choice.period.end);
    q.set('periodId', choice.period.id);
    // The grid is read for the students' names (the forecasts carry ids) and the scheme in force.
    const [rows, grid, schemes] = await Promise.all([api('GET', `gradebook/finals/period?${q}`), api('GET', `gradebook/journal?${g}`),
      api('GET', 'gradebook/grading-schemes')]);
    if (!latest()) return;
    const scheme = schemes.find((s) => s.id === grid.schemeId);
    current = { choice, rows, names: new Map(grid.students.map((s) => [s.id, s.name])), finalValues: scheme ? scheme.finalValues : [] };
    current.rows.sort((a, b) => (current.names.get(a.studentId) || '').localeCompare(current.names.get(b.studentId) || '', 'ru'));
    render();
  } catch (e) {
    if (!latest()) return;
    $('finals').hidden = true;
    $('bulk').hidden = true;
    $('certificate').hidden = true;
    say($('status'), 'bad', errorText(e));
  }
}

onLanguageChange(() => { translate(); if (current) render(); });
translate();
myRoles().then((roles) => { teacher = roles.has('TEACHER'); administration = roles.has('DEPUTY_DIRECTOR') || roles.has('SCHOOL_COORDINATOR'); }).catch(() => { teacher = false; })
  .then(() => chooser(show, { withYear: true })).then((c) => { chosen = c; if (current) render(); }).catch((e) => say($('status'), 'bad', errorText(e)));
