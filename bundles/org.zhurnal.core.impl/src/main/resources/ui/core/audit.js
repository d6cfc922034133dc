import { api, TEXTS, lang, t, translate } from '/i18n.js';

Object.assign(TEXTS.ru, {
  'audit.title': 'Журнал аудита', 'audit.entityType': 'Тип объекта', 'audit.entityId': 'Идентификатор',
  'audit.show': 'Показать', 'audit.verify': 'Проверить целостность', 'audit.at': 'Когда', 'audit.who': 'Кто',
  'audit.what': 'Что', 'audit.entity': 'Объект', 'audit.before': 'До', 'audit.after': 'После',
  'audit.valid': 'Целостность подтверждена: проверено записей — {n}.', 'audit.invalid': 'НАРУШЕНА целостность: {p}',
  'audit.allTypes': '— все —', 'audit.same': 'без изменений полей: {n}',
});
Object.assign(TEXTS.en, {
  'audit.title': 'Audit log', 'audit.entityType': 'Entity type', 'audit.entityId': 'Id',
  'audit.show': 'Show', 'audit.verify': 'Verify integrity', 'audit.at': 'When', 'audit.who': 'Who',
  'audit.what': 'What', 'audit.entity': 'Entity', 'audit.before': 'Before', 'audit.after': 'After',
  'audit.valid': 'Integrity confirmed: {n} entries checked.', 'audit.invalid': 'Integrity BROKEN: {p}',
  'audit.allTypes': '— all —', 'audit.same': '{n} fields unchanged',
});
translate();

const $ = (id) => document.getElementById(id);

/** What was done, in Russian words for the Russian page (the stored code stays as the tooltip and in English). */
const ACTIONS_RU = {
  create: 'создание', update: 'изменение', delete: 'удаление', login: 'вход', logout: 'выход', lock: 'блокировка входа',
  'change-password': 'смена пароля', 'reset-password': 'новый временный пароль', 'set-grants': 'изменение ролей', enable: 'разблокировка',
  disable: 'блокировка', revoke: 'отзыв', withdraw: 'отзыв согласия', close: 'закрытие', reopen: 'повторное открытие', leave: 'выбытие',
  end: 'окончание', 'hand-over': 'выдача', export: 'выгрузка', 'import-create': 'импорт: создание', 'import-update': 'импорт: изменение',
  'import-close': 'импорт: закрытие', 'demo-load': 'загрузка демонстрационных данных', correct: 'исправление',
  return: 'отмена выбытия', import: 'импорт', 'hand-over': 'выдача распечатки',
};
const actionName = (code) => (lang() === 'ru' && ACTIONS_RU[code]) || code;
/** What was changed, in words for the Russian page (the stored type stays as the tooltip). */
const ENTITIES_RU = {
  session: 'сеанс', account: 'учётная запись', person: 'человек', consent: 'согласие', membership: 'членство в классе',
  'group-member': 'членство в группе', group: 'группа', class: 'класс', guardianship: 'представительство', school: 'школа',
  'school-profile': 'сведения о школе', municipality: 'муниципалитет', 'journal-lesson': 'урок в журнале', mark: 'оценка',
  attendance: 'посещаемость', 'final-grade': 'итоговая оценка', 'reporting-period': 'учебный период', 'academic-year': 'учебный год',
  'day-off': 'выходной день', 'day-transfer': 'перенос рабочего дня', 'bell-schedule': 'расписание звонков',
  'bell-weekday': 'звонки дня недели', 'bell-date': 'звонки особого дня', 'timetable-entry': 'урок расписания',
  'timetable-lesson-change': 'замена или отмена урока', 'timetable-feed': 'ссылка на календарь', achievement: 'достижение',
  'grading-scheme-rule': 'правило системы оценивания', 'absence-code': 'код пропуска', 'diary-printout': 'распечатка дневника',
  'diary-preference': 'настройки оповещений', import: 'импорт', 'gradebook-demo': 'демонстрационный журнал',
  'archive-year': 'архив года', 'archive-export': 'выгрузка архива', 'archive-document': 'документ архива',
};
const entityName = (code) => (lang() === 'ru' && ENTITIES_RU[code]) || code;

/** A stored value as a short text: strings as they are, the rest as JSON. */
const shown = (v) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The before and after of an entry as lines «field: value»: for a change only the fields that differ (the others
 * counted), for a creation or a deletion every field. The stored JSON stays in the cell's tooltip.
 */
function changes(beforeJson, afterJson) {
  const parse = (s) => { try { return s ? JSON.parse(s) : null; } catch (e) { return s; } };
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const isObject = (o) => o !== null && typeof o === 'object' && !Array.isArray(o);
  if (!isObject(before) || !isObject(after)) {
    const lines = (o) => (isObject(o) ? Object.entries(o).map(([k, v]) => `${k}: ${shown(v)}`) : o === null ? [] : [shown(o)]);
    return { before: lines(before), after: lines(after), same: 0 };
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: changed.map((k) => `${k}: ${shown(before[k])}`), after: changed.map((k) => `${k}: ${shown(after[k])}`),
    same: keys.length - changed.length };
}

function linesCell(lines, json, note) {
  const td = document.createElement('td');
  td.className = 'json';
  td.title = json || '';
  lines.forEach((l) => { const d = document.createElement('div'); d.textContent = l; td.appendChild(d); });
  if (note) { const d = document.createElement('div'); d.className = 'muted'; d.textContent = note; td.appendChild(d); }
  return td;
}

function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  if (cls) td.className = cls;
  return td;
}

async function load() {
  const q = new URLSearchParams({ limit: '200' });
  if ($('entityType').value.trim()) q.set('entityType', $('entityType').value.trim());
  if ($('entityId').value.trim()) q.set('entityId', $('entityId').value.trim());
  try {
    const entries = await api('GET', 'admin/audit?' + q);
    $('rows').replaceChildren(...entries.map((e) => {
      const tr = document.createElement('tr');
      const action = cell(actionName(e.action));
      action.title = e.action;
      const entity = cell(`${entityName(e.entityType)} ${e.entityId}`);
      entity.title = e.entityType;
      const c = changes(e.before, e.after);
      const same = c.same ? t('audit.same', { n: c.same }) : '';
      tr.append(cell(new Date(e.at).toLocaleString(lang() === 'en' ? 'en-GB' : 'ru-RU')), cell(e.actorLogin), action,
        entity, linesCell(c.before, e.before, ''), linesCell(c.after, e.after, same));
      return tr;
    }));
  } catch (err) {
    $('status').textContent = err.message;
  }
}

/** The entity types as a list in words (the stored code as the option's value): typing «учебный период» found nothing. */
function fillTypes() {
  const keep = $('entityType').value;
  const all = document.createElement('option');
  all.value = '';
  all.textContent = t('audit.allTypes');
  const options = Object.keys(ENTITIES_RU).map((code) => [code, entityName(code)])
    .sort((a, b) => a[1].localeCompare(b[1], lang() === 'en' ? 'en' : 'ru')).map(([code, name]) => {
      const o = document.createElement('option');
      o.value = code;
      o.textContent = name;
      return o;
    });
  $('entityType').replaceChildren(all, ...options);
  $('entityType').value = keep;
}
fillTypes();

$('filter').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
$('verify').addEventListener('click', async () => {
  try {
    const v = await api('GET', 'admin/audit/verify');
    $('status').className = v.valid ? 'good' : 'bad';
    $('status').textContent = v.valid ? t('audit.valid', { n: v.entries }) : t('audit.invalid', { p: v.problems.join('; ') });
  } catch (err) {
    $('status').className = 'bad';
    $('status').textContent = err.message;
  }
});
// Verifying the whole chain is the system administrator's (the server says so to others): offered only to them.
api('GET', 'auth/me').then((me) => { $('verify').hidden = !(me.grants || []).some((g) => g.role === 'SYSTEM_ADMIN'); })
  .catch(() => { $('verify').hidden = true; });
load();
