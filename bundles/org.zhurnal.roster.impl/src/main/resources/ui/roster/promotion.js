// «Year promotion»: the plan of moving the school's classes to the next year, per-student decisions, then the promotion.
import { TEXTS, t, translate, api, lang } from '/i18n.js';
import { $, el, say, onLanguageChange, chooseSchool, fillSelect, academicYearOf, isoDate, errorText } from '/page.js';

Object.assign(TEXTS.ru, {
  'promo.title': 'Перевод в следующий класс',
  'promo.intro': 'Все ученики переходят в класс следующей параллели с той же буквой (5А → 6А, классный руководитель переходит с классом), выпускники 11 классов выпускаются. Для отдельных учеников выберите другое решение. Сначала посмотрите план: он ничего не меняет.',
  'promo.year': 'Из учебного года', 'promo.class': 'Класс', 'promo.allClasses': 'все классы',
  'promo.preview': 'Показать план', 'promo.apply': 'Провести перевод',
  'promo.from': 'Класс', 'promo.student': 'Ученик', 'promo.decision': 'Решение', 'promo.to': 'В класс', 'promo.reason': 'Основание',
  'promo.concerns': 'Итоги года',
  'promo.PROMOTE': 'перевести', 'promo.GRADUATE': 'выпуск (окончил 11 классов)', 'promo.RETAIN': 'оставить на повторное обучение',
  'promo.BASIC': 'окончил 9 классов, выбывает', 'promo.LEAVE': 'выбывает', 'promo.DONE': 'уже переведён(а)',
  'promo.graduates': 'выпуск', 'promo.leaves': 'выбывает',
  'promo.reasonRetain': 'решение педсовета, протокол №…', 'promo.reasonLeave': 'причина выбытия',
  'promo.loading': 'Составляется план…', 'promo.applying': 'Перевод проводится…',
  'promo.planned': 'План на {from}/{to} → {to}/{next}: ничего не изменено. Проверьте решения и нажмите «Провести перевод».',
  'promo.totals': 'Переводятся: {PROMOTE}; остаются на повторное обучение: {RETAIN}; выпускаются: {GRADUATE}; выбывают: {LEAVE}; уже переведены: {DONE}.',
  'promo.debts': 'Академическая задолженность (неудовлетворительная годовая оценка или «н/а») у учеников: {n}. Решение о них принимает педагогический совет: условный перевод, повторное обучение или иное.',
  'promo.askApply': 'Провести перевод {from}/{to} → {to}/{next}?\n\n{totals}\n\nВыбывшим и выпускникам записывается дата выбытия 31.08.{to}.',
  'promo.done': 'Перевод проведён. {totals}',
  'promo.noConcern': '—', 'promo.needReason': 'Укажите основание.',
  'promo.yearOption': '{from}/{to} → {to}/{next}',
  'promo.didTotals': 'Переведены: {PROMOTE}; оставлены на повторное обучение: {RETAIN}; выпущены: {GRADUATE}; выбыли: {LEAVE}; были переведены раньше: {DONE}.',
  'promo.did.PROMOTE': 'переведён(а)', 'promo.did.RETAIN': 'оставлен(а) на повторное обучение', 'promo.did.GRADUATE': 'выпущен(а)',
  'promo.did.LEAVE': 'выбыл(а)', 'promo.did.DONE': 'был(а) переведён(а) раньше',
});
Object.assign(TEXTS.en, {
  'promo.title': 'Year promotion',
  'promo.intro': 'Every student moves to the class of the next grade with the same letter (5А → 6А; the class teacher goes with the class); 11th-graders graduate. Choose another decision for single students. Look at the plan first: it changes nothing.',
  'promo.year': 'From the school year', 'promo.class': 'Class', 'promo.allClasses': 'all classes',
  'promo.preview': 'Show the plan', 'promo.apply': 'Promote',
  'promo.from': 'Class', 'promo.student': 'Student', 'promo.decision': 'Decision', 'promo.to': 'To class', 'promo.reason': 'Grounds',
  'promo.concerns': 'Year results',
  'promo.PROMOTE': 'promote', 'promo.GRADUATE': 'graduate (11 grades completed)', 'promo.RETAIN': 'repeat the year',
  'promo.BASIC': 'completed grade 9, leaves', 'promo.LEAVE': 'leaves', 'promo.DONE': 'promoted already',
  'promo.graduates': 'graduates', 'promo.leaves': 'leaves',
  'promo.reasonRetain': 'council decision, minutes no. …', 'promo.reasonLeave': 'reason for leaving',
  'promo.loading': 'Making the plan…', 'promo.applying': 'Promoting…',
  'promo.planned': 'Plan for {from}/{to} → {to}/{next}: nothing was changed. Check the decisions and press «Promote».',
  'promo.totals': 'Promoted: {PROMOTE}; repeating the year: {RETAIN}; graduating: {GRADUATE}; leaving: {LEAVE}; promoted already: {DONE}.',
  'promo.debts': 'Academic debt (a failing year grade or «н/а») for students: {n}. The pedagogical council decides on them: a conditional promotion, repeating the year, or another way.',
  'promo.askApply': 'Promote {from}/{to} → {to}/{next}?\n\n{totals}\n\nLeavers and graduates get the leaving date 31.08.{to}.',
  'promo.done': 'Promotion done. {totals}',
  'promo.noConcern': '—', 'promo.needReason': 'Give the grounds.',
  'promo.yearOption': '{from}/{to} → {to}/{next}',
  'promo.didTotals': 'Promoted: {PROMOTE}; repeating the year: {RETAIN}; graduated: {GRADUATE}; left: {LEAVE}; promoted before: {DONE}.',
  'promo.did.PROMOTE': 'promoted', 'promo.did.RETAIN': 'repeats the year', 'promo.did.GRADUATE': 'graduated',
  'promo.did.LEAVE': 'left', 'promo.did.DONE': 'promoted before',
});

const BASIC_REASON = 'Окончил(а) 9 классов';
// plan: the last answer; decisions: studentId → { action, reason } chosen here (PROMOTE/GRADUATE = no exception).
const state = { plan: null, decisions: new Map(), order: [] };

const gradeOf = (cls) => Number((/^\d+/.exec(cls || '') || ['0'])[0]);
const letterOf = (cls) => String(cls || '').replace(/^\d+/, '');

function defaultAction(move) {
  return gradeOf(move.fromClass) === 11 ? 'GRADUATE' : 'PROMOTE';
}

function choices(move) {
  const g = gradeOf(move.fromClass);
  const list = [defaultAction(move), 'RETAIN'];
  if (g === 9) list.push('BASIC');
  list.push('LEAVE');
  return list;
}

function actionOf(move) {
  if (move.outcome === 'DONE' || (state.plan && state.plan.applied)) return move.outcome; // what was done: not to be chosen
  const d = state.decisions.get(move.studentId);
  return d ? d.action : defaultAction(move);
}

function targetOf(move, action) {
  const g = gradeOf(move.fromClass);
  switch (action) {
    case 'PROMOTE': return `${g + 1}${letterOf(move.fromClass)}`;
    case 'RETAIN': return move.fromClass;
    case 'GRADUATE': return t('promo.graduates');
    case 'DONE': return move.toClass || '';
    case 'LEAVE': return t('promo.leaves');
    default: return t('promo.leaves');
  }
}

/** The exceptions of the request, in the table's order (a problem's exceptions[i] names the i-th). */
function exceptions() {
  const list = [];
  state.order = [];
  for (const m of (state.plan ? state.plan.moves : [])) {
    const d = state.decisions.get(m.studentId);
    if (!d || m.outcome === 'DONE') continue;
    const reason = (d.reason || '').trim();
    if (d.action === 'BASIC') list.push({ studentId: m.studentId, action: 'LEAVE', reason: reason || BASIC_REASON });
    else list.push({ studentId: m.studentId, action: d.action, reason: reason || null });
    state.order.push(m.studentId);
  }
  return list;
}

function totals() {
  const n = { PROMOTE: 0, RETAIN: 0, GRADUATE: 0, LEAVE: 0, DONE: 0 };
  for (const m of (state.plan ? state.plan.moves : [])) {
    const a = actionOf(m);
    n[a === 'BASIC' ? 'LEAVE' : a] += 1;
  }
  return n;
}

function doneTotals(plan) {
  return t('promo.didTotals', { PROMOTE: 0, RETAIN: 0, GRADUATE: 0, LEAVE: 0, DONE: 0, ...plan.totals });
}

function years() {
  return { from: state.plan.fromYear, to: state.plan.toYear, next: state.plan.toYear + 1 };
}

function concernText(c) {
  return (lang() === 'en' ? c.en : c.ru) || c.ru || c.en || '';
}

function render() {
  const plan = state.plan;
  $('plan').hidden = !plan;
  $('totals').hidden = !plan;
  $('apply').disabled = !plan || plan.applied;
  if (!plan) { $('debts').hidden = true; return; }
  $('totals').textContent = plan.applied ? doneTotals(plan) : t('promo.totals', totals());
  const withDebts = plan.moves.filter((m) => (m.concerns || []).length).length;
  $('debts').hidden = withDebts === 0;
  $('debts').textContent = t('promo.debts', { n: withDebts });
  const only = $('class-filter').value;
  const rows = [];
  for (const m of plan.moves) {
    if (only && m.fromClass !== only) continue;
    const tr = el('tr');
    tr.dataset.student = m.studentId;
    const action = actionOf(m);
    const decision = el('td');
    const to = el('td', 'to', targetOf(m, action));
    const reasonCell = el('td');
    if (action === 'DONE' || plan.applied) {
      decision.append(el('span', 'done', t(plan.applied ? 'promo.did.' + action : 'promo.DONE')));
      if (action === 'PROMOTE' || action === 'RETAIN' || action === 'DONE') to.textContent = m.toClass || '';
    } else {
      const select = el('select', 'decision');
      select.setAttribute('aria-label', `${t('promo.decision')}: ${m.fullName}`);
      fillSelect(select, choices(m).map((a) => [a, t('promo.' + a)]), action);
      const reason = el('input', 'reason');
      reason.type = 'text';
      reason.maxLength = 200;
      reason.setAttribute('aria-label', `${t('promo.reason')}: ${m.fullName}`);
      const showReason = () => {
        const a = select.value;
        reason.hidden = !(a === 'RETAIN' || a === 'LEAVE' || a === 'BASIC');
        reason.placeholder = a === 'RETAIN' ? t('promo.reasonRetain') : a === 'BASIC' ? BASIC_REASON : t('promo.reasonLeave');
      };
      const d = state.decisions.get(m.studentId);
      reason.value = d ? d.reason || '' : '';
      showReason();
      const changed = () => {
        const a = select.value;
        if (a === defaultAction(m)) state.decisions.delete(m.studentId);
        else state.decisions.set(m.studentId, { action: a, reason: reason.value });
        reason.classList.remove('invalid');
        showReason();
        to.textContent = targetOf(m, a);
        $('totals').textContent = t('promo.totals', totals());
      };
      select.addEventListener('change', changed);
      reason.addEventListener('input', changed);
      decision.append(select);
      reasonCell.append(reason);
    }
    const concerns = el('td', 'concerns');
    const list = m.concerns || [];
    if (list.length) {
      tr.classList.add('debt');
      const ul = el('ul');
      list.forEach((c) => ul.append(el('li', 'bad', concernText(c))));
      concerns.append(ul);
    } else {
      concerns.append(el('span', 'muted', t('promo.noConcern')));
    }
    tr.append(el('td', null, m.fromClass), el('td', null, m.fullName), decision, to, reasonCell, concerns);
    rows.push(tr);
  }
  $('rows').replaceChildren(...rows);
}

function fillClasses() {
  const keep = $('class-filter').value;
  const names = state.plan ? [...new Set(state.plan.moves.map((m) => m.fromClass))] : [];
  names.sort((a, b) => gradeOf(a) - gradeOf(b) || a.localeCompare(b, 'ru'));
  fillSelect($('class-filter'), [['', t('promo.allClasses')], ...names.map((n) => [n, n])], keep);
}

/** Marks the reason fields a problem names (exceptions[i].reason) and says the problem. */
function showProblem(err) {
  const errors = (err.problem && err.problem.errors) || [];
  for (const e of errors) {
    const m = /^exceptions\[(\d+)\]\.(\w+)$/.exec(e.field || '');
    const id = m && state.order[Number(m[1])];
    const row = id && document.querySelector(`tr[data-student="${CSS.escape(id)}"]`);
    const input = row && row.querySelector(m[2] === 'reason' ? 'input.reason' : 'select.decision');
    if (input) input.classList.add('invalid');
  }
  say($('message'), 'bad', errorText(err));
}

async function call(apply) {
  const school = $('school').value;
  const body = { fromYear: Number($('year').value), exceptions: exceptions() };
  return api('POST', `roster/schools/${encodeURIComponent(school)}/promotion/${apply ? 'apply' : 'preview'}`, body);
}

async function preview(keepDecisions) {
  if (!keepDecisions) state.decisions.clear();
  say($('message'), '', t('promo.loading'));
  $('preview').disabled = true;
  try {
    if (!keepDecisions) state.plan = null;
    const plan = await call(false);
    state.plan = plan;
    fillClasses();
    render();
    say($('message'), '', t('promo.planned', years()));
  } catch (err) {
    if (!keepDecisions) { state.plan = null; render(); }
    showProblem(err);
  } finally {
    $('preview').disabled = false;
  }
}

async function apply() {
  if (!state.plan) return;
  const y = years();
  if (!window.confirm(t('promo.askApply', { ...y, totals: t('promo.totals', totals()) }))) return;
  say($('message'), '', t('promo.applying'));
  $('apply').disabled = true;
  try {
    const done = await call(true);
    state.decisions.clear();
    state.plan = done;
    fillClasses();
    render();
    say($('message'), 'good', t('promo.done', { totals: doneTotals(done) }));
  } catch (err) {
    $('apply').disabled = false;
    showProblem(err);
  }
}

function fillYears() {
  const current = academicYearOf(isoDate());
  const keep = $('year').value || String(current);
  fillSelect($('year'), [current, current - 1].map((y) => [String(y), t('promo.yearOption', { from: y, to: y + 1, next: y + 2 })]), keep);
}

async function start() {
  translate();
  fillYears();
  fillSelect($('class-filter'), [['', t('promo.allClasses')]]);
  $('form').addEventListener('submit', (ev) => ev.preventDefault());
  $('preview').addEventListener('click', () => preview(state.plan !== null && state.plan.fromYear === Number($('year').value)
    && !state.plan.applied));
  $('apply').addEventListener('click', apply);
  $('class-filter').addEventListener('change', render);
  const reset = () => { state.plan = null; state.decisions.clear(); fillClasses(); render(); say($('message'), ''); };
  $('school').addEventListener('change', reset);
  $('year').addEventListener('change', reset);
  onLanguageChange(() => { translate(); fillYears(); fillClasses(); render(); });
  try {
    await chooseSchool($('school'), $('school-label'));
  } catch (err) {
    say($('message'), 'bad', errorText(err));
  }
}

start();
