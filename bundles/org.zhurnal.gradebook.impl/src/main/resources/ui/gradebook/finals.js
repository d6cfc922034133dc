// Period grades: per student the marks, weighted average, the scheme's suggestion; confirm or override per student.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, el, errorText, latestOnly, onLanguageChange, problemText, say } from '/page.js';
import { chooser } from '/ui/gradebook/gradebook-common.js';

Object.assign(TEXTS.ru, {
  'finals.title': 'Итоговые оценки', 'finals.marks': 'Отметки', 'finals.count': 'Кол-во', 'finals.average': 'Средний балл',
  'finals.suggested': 'Предложено', 'finals.confirmed': 'Выставлено', 'finals.grade': 'Оценка', 'finals.confirm': 'Выставить',
  'finals.none': 'Учеников нет.', 'finals.done': 'Оценка выставлена: {name} — {value}.',
});
Object.assign(TEXTS.en, {
  'finals.title': 'Period grades', 'finals.marks': 'Marks', 'finals.count': 'Count', 'finals.average': 'Average',
  'finals.suggested': 'Suggested', 'finals.confirmed': 'Confirmed', 'finals.grade': 'Grade', 'finals.confirm': 'Confirm',
  'finals.none': 'No students.', 'finals.done': 'Grade confirmed: {name} — {value}.',
});

let current = null; // {choice, rows, names, finalValues}

function row(f, i) {
  const tr = el('tr', f.confirmed ? 'confirmed' : '');
  tr.dataset.student = f.studentId;
  tr.appendChild(el('td', 'name', current.names.get(f.studentId) || f.studentId));
  tr.appendChild(el('td', 'marks', (f.marks || []).map((m) => m.value).join(' ')));
  tr.appendChild(el('td', 'count', String((f.marks || []).filter((m) => m.counts).length)));
  tr.appendChild(el('td', 'avg', f.average == null ? '—' : Number(f.average).toFixed(2)));
  const sug = el('td', 'suggested', f.suggested || '—');
  if (!f.suggested && f.reason) sug.appendChild(el('div', 'reason', f.reason));
  tr.appendChild(sug);
  tr.appendChild(el('td', 'value', f.confirmed ? f.confirmed.value : '—'));
  const td = el('td', 'act');
  const sel = el('select');
  sel.id = `grade-${i}`;
  for (const v of current.finalValues) { const o = el('option', null, v); o.value = v; sel.appendChild(o); }
  sel.value = f.confirmed ? f.confirmed.value : (f.suggested || current.finalValues[0] || '');
  const b = el('button', 'btn small', t('finals.confirm'));
  b.type = 'button';
  b.id = `confirm-${i}`;
  const err = el('div', 'bad');
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const c = current.choice;
      const saved = await api('PUT', 'gradebook/finals', { studentId: f.studentId, subject: c.subject, kind: 'PERIOD', periodId: c.period.id, value: sel.value });
      f.confirmed = saved;
      say($('status'), 'good', t('finals.done', { name: current.names.get(f.studentId) || f.studentId, value: saved.value }));
      tr.replaceWith(row(f, i));
    } catch (e) {
      err.textContent = problemText(e);
      b.disabled = false;
    }
  });
  td.append(sel, ' ', b, err);
  tr.appendChild(td);
  return tr;
}

function render() {
  $('rows').replaceChildren(...current.rows.map(row));
  $('finals').hidden = false;
  say($('status'), '', ...(current.rows.length ? [] : [t('finals.none')]));
}

const nextShow = latestOnly(); // only the answer to the latest choice is drawn

async function show(choice) {
  const latest = nextShow();
  say($('status'), '', t('page.loading'));
  try {
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
    say($('status'), 'bad', errorText(e));
  }
}

onLanguageChange(() => { translate(); if (current) render(); });
translate();
chooser(show).catch((e) => say($('status'), 'bad', errorText(e)));
