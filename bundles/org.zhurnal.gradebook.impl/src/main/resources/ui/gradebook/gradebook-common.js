// Shared by the journal and the period grades page: texts and the class/group + subject + period chooser.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, academicYearOf, chooseSchool, date, el, fillSelect, isoDate, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'gb.class': 'Класс или группа', 'gb.subject': 'Предмет', 'gb.period': 'Период', 'gb.show': 'Показать',
  'gb.year': 'Год ({from}/{to}): годовые оценки',
  'gb.groups': 'Группы', 'gb.classes': 'Классы', 'gb.noPeriods': 'Для этого класса нет учебных периодов: задайте их в календаре.',
  'gb.pick': 'Выберите класс, предмет и период.', 'gb.student': 'Ученик', 'gb.mine': 'Мои классы',
});
Object.assign(TEXTS.en, {
  'gb.class': 'Class or group', 'gb.subject': 'Subject', 'gb.period': 'Period', 'gb.show': 'Show',
  'gb.year': 'Year ({from}/{to}): year grades',
  'gb.groups': 'Groups', 'gb.classes': 'Classes', 'gb.noPeriods': 'This class has no reporting periods: set them up in the calendar.',
  'gb.pick': 'Choose a class, a subject and a period.', 'gb.student': 'Student', 'gb.mine': 'My classes',
});

const enc = encodeURIComponent;

Object.assign(TEXTS.ru, {
  'gb.reason.none': 'нет отметок', 'gb.reason.fewer': 'отметок меньше {n} — мало для оценки', 'gb.reason.scheme': 'система оценивания «{s}» не установлена',
  'gb.reason.otherScheme': 'не учтено отметок в другой системе оценивания («{s}»): {n}',
  'gb.reason.notAssessed': 'не аттестован за периоды: {n} — годовую оценку выставляет учитель',
});
Object.assign(TEXTS.en, {
  'gb.reason.none': 'no marks', 'gb.reason.fewer': 'fewer than {n} marks', 'gb.reason.scheme': 'the grading scheme “{s}” is not installed',
  'gb.reason.otherScheme': '{n} marks in another grading scheme (“{s}”) not counted',
  'gb.reason.notAssessed': 'not assessed in {n} periods — the teacher gives the year grade',
});

/**
 * Why no grade is suggested, in the page's language: the grading schemes (plug-ins included) give their reasons in
 * English in a few known forms; another reason is shown as it came.
 */
export function reasonText(reason) {
  if (!reason) return '';
  // «no marks; 3 marks in another grading scheme (levels) not counted»: each part in words.
  return reason.split('; ').map((one) => {
    if (one === 'no marks') return t('gb.reason.none');
    let m = /^fewer than (\d+) marks$/.exec(one);
    if (m) return t('gb.reason.fewer', { n: m[1] });
    m = /^not assessed in (\d+) periods?$/.exec(one);
    if (m) return t('gb.reason.notAssessed', { n: m[1] });
    m = /^(\d+) marks? in another grading scheme \((.+)\) not counted$/.exec(one);
    if (m) return t('gb.reason.otherScheme', { n: m[1], s: m[2] });
    m = /^The grading scheme «(.+)» is not installed$/.exec(one);
    return m ? t('gb.reason.scheme', { s: m[1] }) : one;
  }).join('; ');
}

function labelled(key, control, id) {
  const label = el('label');
  if (id) label.id = id;
  const span = el('span');
  span.dataset.i18n = key;
  label.append(span, ' ', control);
  return label;
}

function control(tag, id) {
  const c = el(tag);
  c.id = id;
  return c;
}

/** Builds the chooser's controls into the page's empty #filter form, and the «no periods» hint after it. */
function buildForm() {
  const form = $('filter');
  const subject = control('input', 'subject');
  subject.setAttribute('list', 'subjects');
  subject.autocomplete = 'off';
  const show = el('button', 'btn');
  show.type = 'submit';
  show.id = 'show';
  show.dataset.i18n = 'gb.show';
  const school = labelled('page.school', control('select', 'school'), 'school-label');
  school.hidden = true;
  form.replaceChildren(school, labelled('gb.class', control('select', 'target')), labelled('gb.subject', subject),
    control('datalist', 'subjects'), labelled('gb.period', control('select', 'period')), show);
  const hint = el('p', 'hint');
  hint.id = 'no-periods';
  hint.hidden = true;
  hint.dataset.i18n = 'gb.noPeriods';
  form.after(hint);
  translate(form.parentNode);
}

/** Optional GET: answers the fallback when the caller may not read it (a reader without timetable access). */
async function optional(path, fallback) {
  try { return await api('GET', path); } catch (e) { return fallback; }
}

/**
 * Builds and wires the chooser in the page's empty #filter form (#school, #target, #subject, #period, #show).
 * Initial values come from the query string (classId|groupId, subject, date). Calls onShow(choice) with
 * {schoolId, classId, groupId, subject, period} when the form is submitted (and at once when the query string
 * names a class and a subject).
 */
/** The chooser's «year» choice (instead of a reporting period's id). */
export const YEAR = 'year';

export async function chooser(onShow, options = {}) {
  buildForm();
  const q = new URLSearchParams(location.search);
  const day = q.get('date') || isoDate();
  const year = academicYearOf(day);
  // What the caller teaches comes first: a teacher may not list the school's classes in the roster.
  const [, teaching] = await Promise.all([chooseSchool($('school'), $('school-label')), optional(`gradebook/teaching?date=${day}`, [])]);
  const state = { teaching, classes: [], groups: [], entries: [], periods: [] };

  function target() {
    const v = $('target').value;
    return v.startsWith('g:') ? { groupId: v.substring(2), classId: null } : { classId: v || null, groupId: null };
  }
  function gradeOf() {
    const { classId, groupId } = target();
    const mine = state.teaching.find((x) => (classId && x.classId === classId) || (groupId && x.groupId === groupId));
    if (mine && mine.grade != null) return mine.grade;
    const c = state.classes.find((x) => x.id === classId)
      || state.classes.find((x) => x.id === (state.groups.find((g) => g.id === groupId) || {}).classId);
    return c ? c.grade : null;
  }
  // A class's subjects from its own lessons around the day, for those who read the class but not the school's
  // timetable (a class teacher): asked once per class.
  const classSubjects = new Map();
  function lessonsSubjects(classId) {
    if (!classSubjects.has(classId)) {
      const around = (days) => { const d = new Date(`${day}T12:00:00Z`); d.setUTCDate(d.getUTCDate() + days); return d.toISOString().substring(0, 10); };
      classSubjects.set(classId, optional(`timetable/classes/${enc(classId)}/lessons?from=${around(-21)}&to=${around(21)}`, [])
        .then((ls) => ls.map((l) => l.subject)));
    }
    return classSubjects.get(classId);
  }
  function fillSubjects() {
    const { classId, groupId } = target();
    const of = (x) => (classId && x.classId === classId) || (groupId && x.groupId === groupId);
    const show = (list) => {
      const subjects = [...new Set(list)].sort((a, b) => a.localeCompare(b, 'ru'));
      $('subjects').replaceChildren(...subjects.map((s) => { const o = el('option'); o.value = s; return o; }));
      if (!$('subject').value && subjects.length === 1) $('subject').value = subjects[0];
    };
    // What the caller teaches there, and every subject of the class or group they may read (a class teacher reads
    // the whole class's journal, the deputy the school's).
    const known = [...state.teaching.filter(of).map((x) => x.subject), ...state.entries.filter(of).map((e) => e.subject)];
    show(known);
    if (classId && !state.entries.length) {
      lessonsSubjects(classId).then((more) => { if (target().classId === classId) show([...known, ...more]); });
    }
  }
  /** Whether the caller teaches the choice's subject to its class or group (gives its grades). */
  function teaches(c) {
    return state.teaching.some((x) => x.subject === c.subject && ((c.classId && x.classId === c.classId) || (c.groupId && x.groupId === c.groupId)));
  }
  function fillPeriods() {
    const grade = gradeOf();
    const list = state.periods.filter((p) => grade === null || (p.grades || []).includes(grade));
    const keep = $('period').value;
    const items = list.map((p) => [p.id, `${p.name} (${date(p.start)} – ${date(p.end)})${p.state === 'CLOSED' ? ' 🔒' : ''}`]);
    // The period grades page also offers the year: its grades come from the period grades (withYear).
    if (options.withYear && list.length) items.push([YEAR, t('gb.year', { from: year, to: year + 1 })]);
    fillSelect($('period'), items, keep);
    if (!list.some((p) => p.id === keep) && !(keep === YEAR && options.withYear && list.length)) {
      const current = list.find((p) => p.start <= day && day <= p.end) || list.filter((p) => p.start <= day).pop() || list[0];
      if (current) $('period').value = current.id;
    }
    $('no-periods').hidden = list.length > 0;
  }
  async function loadSchool(keepTarget) {
    const s = $('school').value;
    const [classes, groups, entries, cal] = await Promise.all([
      optional(`roster/schools/${enc(s)}/classes?year=${year}`, []), optional(`roster/schools/${enc(s)}/groups?year=${year}`, []),
      optional(`timetable/schools/${enc(s)}/entries`, []), optional(`calendar/schools/${enc(s)}/years/${year}`, { periods: [] })]);
    Object.assign(state, { classes, groups, entries, periods: cal.periods || [] });
    const cg = el('optgroup');
    cg.label = t('gb.classes');
    classes.slice().sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru')).forEach((c) => {
      const o = el('option', null, `${c.grade}${c.letter}`);
      o.value = c.id;
      cg.appendChild(o);
    });
    const gg = el('optgroup');
    gg.label = t('gb.groups');
    groups.forEach((g) => { const o = el('option', null, g.name); o.value = 'g:' + g.id; gg.appendChild(o); });
    const mg = el('optgroup');
    mg.label = t('gb.mine');
    const seen = new Set();
    state.teaching.filter((x) => x.schoolId === s).forEach((x) => {
      const value = x.classId || 'g:' + x.groupId;
      if (seen.has(value)) return;
      seen.add(value);
      const o = el('option', null, x.name);
      o.value = value;
      mg.appendChild(o);
    });
    $('target').replaceChildren(...[mg, cg, gg].filter((g) => g.children.length));
    if (keepTarget) $('target').value = keepTarget;
    fillSubjects();
    fillPeriods();
  }
  /** The subject as typed, written as the school writes it when it is one of the listed subjects («математика» → «Математика»). */
  function subject() {
    const typed = $('subject').value.trim();
    const listed = [...$('subjects').options].map((o) => o.value).find((v) => v.toLocaleLowerCase('ru') === typed.toLocaleLowerCase('ru'));
    return listed || typed;
  }
  function choice() {
    if ($('period').value === YEAR) {
      const grade = gradeOf();
      const list = state.periods.filter((p) => grade === null || (p.grades || []).includes(grade));
      return { schoolId: $('school').value, ...target(), subject: subject(),
        period: { id: YEAR, kind: 'YEAR', academicYear: year, periods: list, start: list[0].start, end: list[list.length - 1].end } };
    }
    const p = state.periods.find((x) => x.id === $('period').value);
    return { schoolId: $('school').value, ...target(), subject: subject(), period: p };
  }

  $('school').addEventListener('change', () => loadSchool());
  if (state.teaching.length) $('school').value = state.teaching[0].schoolId;
  $('target').addEventListener('change', () => { $('subject').value = ''; fillSubjects(); fillPeriods(); });
  // The chooser's own words («Год (2026/2027): годовые оценки», the optgroups) follow a language switch too.
  onLanguageChange(() => { const keep = $('target').value; loadSchool(keep); });
  $('filter').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const c = choice();
    if (c.subject && c.period) {
      $('subject').value = c.subject;
      onShow(c);
    } else {
      say($('status'), 'bad', t('gb.pick'));
      (c.subject ? $('period') : $('subject')).focus();
    }
  });
  await loadSchool(q.get('groupId') ? 'g:' + q.get('groupId') : q.get('classId') || undefined);
  if (q.get('subject')) $('subject').value = q.get('subject');
  const c = choice();
  if ((q.get('classId') || q.get('groupId')) && c.subject && c.period) onShow(c);
  return { className: (id) => { const x = state.classes.find((k) => k.id === id); return x ? `${x.grade}${x.letter}` : ''; }, teaches };
}
