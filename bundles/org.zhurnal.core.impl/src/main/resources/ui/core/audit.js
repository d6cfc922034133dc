import { api, TEXTS, lang, t, translate } from '/i18n.js';

Object.assign(TEXTS.ru, {
  'audit.title': 'Журнал аудита', 'audit.entityType': 'Тип объекта', 'audit.entityId': 'Идентификатор',
  'audit.show': 'Показать', 'audit.verify': 'Проверить целостность', 'audit.at': 'Когда', 'audit.who': 'Кто',
  'audit.what': 'Что', 'audit.entity': 'Объект', 'audit.before': 'До', 'audit.after': 'После',
  'audit.valid': 'Целостность подтверждена: проверено записей — {n}.', 'audit.invalid': 'НАРУШЕНА целостность: {p}',
});
Object.assign(TEXTS.en, {
  'audit.title': 'Audit log', 'audit.entityType': 'Entity type', 'audit.entityId': 'Id',
  'audit.show': 'Show', 'audit.verify': 'Verify integrity', 'audit.at': 'When', 'audit.who': 'Who',
  'audit.what': 'What', 'audit.entity': 'Entity', 'audit.before': 'Before', 'audit.after': 'After',
  'audit.valid': 'Integrity confirmed: {n} entries checked.', 'audit.invalid': 'Integrity BROKEN: {p}',
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
  municipality: 'муниципалитет', lesson: 'урок', mark: 'оценка', attendance: 'посещаемость', 'final-grade': 'итоговая оценка',
  period: 'учебный период', year: 'учебный год', 'day-off': 'выходной день', 'bell-schedule': 'расписание звонков',
  'timetable-entry': 'урок расписания', 'lesson-change': 'замена или отмена урока', achievement: 'достижение',
  'scheme-rule': 'правило системы оценивания', 'absence-codes': 'коды пропусков', printout: 'распечатка', preference: 'настройки оповещений',
};
const entityName = (code) => (lang() === 'ru' && ENTITIES_RU[code]) || code;

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
      tr.append(cell(new Date(e.at).toLocaleString(lang() === 'en' ? 'en-GB' : 'ru-RU')), cell(e.actorLogin), action,
        entity, cell(e.before, 'json'), cell(e.after, 'json'));
      return tr;
    }));
  } catch (err) {
    $('status').textContent = err.message;
  }
}

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
