// «Classes and students»: the classes of a school and year, the class card, consents, account issue.
import { api, TEXTS, lang, t, translate } from '/i18n.js';
import { isoDate } from '/page.js';
import { $, el, say, rawCall, download, schools, fillSchools, date, onLanguageChange, errorText, now as platformNow } from '/ui/roster/roster-common.js';

const PURPOSE = 'Ведение электронного журнала и дневника';

Object.assign(TEXTS.ru, {
  'classes.title': 'Классы и ученики', 'classes.year': 'Учебный год', 'classes.none': 'В этом учебном году классов нет.',
  'departed.title': 'Выбывшие из класса: {n}', 'departed.date': 'Дата выбытия', 'departed.reason': 'Причина',
  'departed.undo': 'Отменить выбытие', 'departed.undone': '{name} снова в классе.',
  'departed.undoAsk': 'Отменить выбытие: {name} (выбыл(а) {date})? Ученик вернётся в класс и в группы, из которых выбыл в этот день.',
  'staff.title': 'Сотрудники и их учётные записи', 'staff.name': 'ФИО', 'staff.positions': 'Должность',
  'staff.hint': 'Учётные записи выдаются сотрудникам, у которых их ещё нет, с ролями по списку и расписанию; временные пароли — в ведомости, только сейчас.',
  'staff.issue': 'Выдать учётные записи сотрудникам без них ({n}) и скачать ведомость (PDF)', 'staff.issued': 'Ведомость {file} скачана: у каждого сотрудника теперь есть учётная запись.',
  'staff.recordConsent': 'Записать согласие', 'staff.noAccount': 'нет',
  'classes.students.one': '{n} ученик', 'classes.students.few': '{n} ученика', 'classes.students.many': '{n} учеников',
  'classes.hasTeacher': 'кл. рук. ✓', 'classes.noTeacher': 'нет кл. рук.',
  'classes.cardTitle': 'Класс {name}, {year}', 'classes.teacher': 'Классный руководитель: {name}',
  'classes.teacherNone': 'Классный руководитель не назначен.',
  'classes.consents': 'Согласия', 'classes.consentsHide': 'Скрыть согласия',
  'classes.issueStudents': 'ученикам', 'classes.issueGuardians': 'представителям',
  'classes.issuePdf': 'Выдать и скачать ведомость (PDF)', 'classes.issueJson': 'Выдать и показать на экране',
  'classes.issueHint': 'Учётные записи выдаются только тем, у кого их ещё нет и чьё согласие на обработку персональных данных записано. Временные пароли показываются один раз.',
  'classes.issuedTitle': 'Выданные учётные записи',
  'classes.issuedWarning': 'Временные пароли показаны только сейчас: передайте их под подпись.',
  'classes.name': 'ФИО', 'classes.role': 'Роль', 'classes.login': 'Логин', 'classes.tempPassword': 'Временный пароль',
  'classes.consentsTitle': 'Согласия на обработку персональных данных', 'classes.who': 'Кто', 'classes.consentStatus': 'Статус',
  'classes.students': 'Ученики', 'classes.no': '№', 'classes.birthDate': 'Дата рождения', 'classes.guardians': 'Представители',
  'classes.consent': 'Согласие', 'classes.account': 'Учётная запись',
  'classes.reset': 'Новый временный пароль',
  'classes.resetAsk': 'Выдать новый временный пароль: {name}? Старый пароль перестанет действовать, открытые сеансы закроются.',
  'classes.resetDone': 'Новый временный пароль выдан: {name}. Он показан только сейчас — передайте его под подпись; при входе его нужно сменить.',
  'classes.yes': '✓', 'classes.no.mark': '—', 'classes.yes.title': 'есть', 'classes.no.title': 'нет',
  'classes.noStudents': 'В классе нет учеников.', 'classes.noGuardians': 'не указаны',
  'classes.noElectronic': 'без электронного доступа',
  'relation.MOTHER': 'мать', 'relation.FATHER': 'отец', 'relation.GUARDIAN': 'опекун', 'relation.OTHER': 'другое',
  'contact.PHONE': 'тел.', 'contact.EMAIL': 'эл. почта',
  'source.WRITTEN': 'из письменного заявления', 'source.ELECTRONIC': 'указан в электронном виде',
  'kind.STUDENT': 'ученик', 'kind.GUARDIAN': 'представитель', 'kind.guardianOf': 'представитель: {name}',
  'status.GIVEN': 'дано', 'status.REFUSED': 'отказ', 'status.WITHDRAWN': 'отозвано', 'status.NONE': 'нет',
  'classes.record': 'Записать согласие', 'classes.recorded': 'Согласие записано: {name}.',
  'consent.document': '№ заявления', 'consent.refuse': 'Отказ', 'consent.refused': 'Отказ записан: {name}.',
  'consent.withdraw': 'Отозвать', 'consent.withdrawAsk': 'Записать отзыв согласия {name} сегодняшним днём? Обработка данных в электронном '
    + 'журнале прекращается: учётная запись будет заблокирована.', 'consent.withdrawn': 'Согласие отозвано: {name}.',
  'consent.blocked': ' Учётная запись заблокирована.',
  'classes.role.STUDENT': 'ученик', 'classes.role.PARENT': 'родитель',
  'classes.pickWhom': 'Отметьте, кому выдавать учётные записи: ученикам и/или представителям.',
  'classes.pdfDone': 'Ведомость {file} скачана. Учётные записи выданы всем, у кого их не было.',
  'classes.jsonDone': 'Выдано учётных записей: {n}.', 'classes.jsonNone': 'Новых учётных записей не выдано: они уже есть у всех.',
  'classes.consentMissing': 'Учётные записи не выданы: нет записанного согласия на обработку персональных данных — {n} чел.',
  'classes.consentMissingHint': 'Запишите согласия (кнопка «Согласия») и повторите выдачу.',
  'classes.lacking.students': 'Ученики ({n})', 'classes.lacking.guardians': 'Представители ({n})',
  'classes.openConsents': 'Открыть согласия',
  'classes.working': 'Выполняется…',
  'person.edit': 'Изменить', 'person.editTitle': 'Изменение данных: {name}', 'person.lastName': 'Фамилия', 'person.firstName': 'Имя',
  'person.middleName': 'Отчество', 'person.sex': 'Пол', 'person.leavingDate': 'Дата выбытия', 'person.leavingReason': 'Причина выбытия',
  'person.confirmLeaving': 'Записать выбытие с этой датой?',
  'person.noElectronicAccess': 'нет электронного доступа: еженедельные распечатки', 'person.contacts': 'Контакты',
  'person.addContact': 'Добавить контакт', 'person.remove': 'Удалить', 'person.save': 'Сохранить', 'person.cancel': 'Отмена',
  'person.saved': 'Данные сохранены: {name}.', 'person.unchanged': 'Ничего не изменено.',
  'enrol.button': 'Зачислить ученика', 'enrol.title': 'Зачисление в {name}', 'enrol.admission': 'Дата зачисления',
  'enrol.code': 'Код (необязательно)', 'enrol.guardian': 'Законный представитель', 'enrol.relation': 'Кем приходится',
  'enrol.phone': 'Телефон', 'enrol.email': 'Эл. почта', 'enrol.save': 'Зачислить', 'enrol.done': '{name} зачислен(а) в {class}.',
  'enrol.confirm': 'Всё равно зачислить?',
  'ach.button': 'Достижения', 'ach.dialogTitle': 'Достижения: {name}', 'ach.none': 'Достижений пока не записано.',
  'ach.add': 'Записать достижение', 'ach.kind': 'Вид', 'ach.titleField': 'Название', 'ach.subject': 'Предмет', 'ach.level': 'Уровень',
  'ach.result': 'Результат', 'ach.date': 'Дата', 'ach.save': 'Записать', 'ach.close': 'Закрыть', 'ach.remove': 'Удалить',
  'ach.removeAsk': 'Удалить запись «{title}»?', 'ach.saved': 'Достижение записано: {name} — {title}.',
  'ach.OLYMPIAD': 'олимпиада', 'ach.COMPETITION': 'конкурс', 'ach.CONFERENCE': 'конференция', 'ach.SPORTS': 'спортивное соревнование',
  'ach.OTHER': 'другое', 'ach.SCHOOL': 'школьный', 'ach.MUNICIPAL': 'муниципальный', 'ach.REGIONAL': 'региональный',
  'ach.FEDERAL': 'всероссийский', 'ach.INTERNATIONAL': 'международный', 'ach.WINNER': 'победитель', 'ach.PRIZE': 'призёр',
  'ach.PARTICIPANT': 'участник',
  'transfer.button': 'Перевести в другой класс', 'transfer.title': 'Перевод в другой класс: {name}', 'transfer.to': 'В класс',
  'transfer.date': 'Первый день в новом классе', 'transfer.save': 'Перевести', 'transfer.confirm': 'Всё равно перевести с этой даты?',
  'transfer.done': '{name} переведен(а) в {class} с {date}.',
  'transfer.hint': 'Ученик переходит в другой класс этого учебного года с указанной даты; подгруппы прежнего класса он покидает, '
    + 'факультативы и кружки сохраняются. Записи журнала остаются там, где сделаны.',
  'person.failed': 'Не сохранено — исправьте ошибки:', 'person.value': 'Значение',
  'groups.title': 'Группы класса', 'groups.name': 'Название', 'groups.kind': 'Вид', 'groups.teacher': 'Учитель',
  'groups.members': 'Учеников', 'groups.none': 'У класса нет групп.', 'groups.noTeacher': 'не назначен',
  'groups.namePlaceholder': 'например, {name} англ. 1', 'groups.create': 'Создать группу',
  'groups.created': 'Группа создана: {name}. Отметьте её учеников.', 'groups.editMembers': 'Состав',
  'groups.membersTitle': 'Состав группы «{name}» с сегодняшнего дня', 'groups.saveMembers': 'Сохранить состав',
  'groups.saved': 'Состав группы «{name}» сохранён: {n} уч.', 'groups.failed': 'Не сохранено:',
  'groupKind.SUBGROUP': 'подгруппа', 'groupKind.ELECTIVE': 'факультатив', 'groupKind.EXTENDED_DAY': 'ГПД', 'groupKind.CLUB': 'кружок',
});
Object.assign(TEXTS.en, {
  'classes.title': 'Classes and students', 'classes.year': 'Academic year', 'classes.none': 'No classes in this academic year.',
  'departed.title': 'Left the class: {n}', 'departed.date': 'Left on', 'departed.reason': 'Reason',
  'departed.undo': 'Undo the leaving', 'departed.undone': '{name} is back in the class.',
  'departed.undoAsk': 'Undo the leaving of {name} (left on {date})? The student goes back to the class and the groups they left that day.',
  'staff.title': 'Staff and their accounts', 'staff.name': 'Name', 'staff.positions': 'Position',
  'staff.hint': 'Accounts are issued to the staff who have none yet, with the roles the roster and the timetable give; the temporary passwords are in the receipt sheet, shown only now.',
  'staff.issue': 'Issue accounts to the staff without one ({n}) and download the receipt sheet (PDF)', 'staff.issued': 'Receipt sheet {file} downloaded: every staff member has an account now.',
  'staff.recordConsent': 'Record consent', 'staff.noAccount': 'none',
  'classes.students.one': '{n} student', 'classes.students.few': '{n} students', 'classes.students.many': '{n} students',
  'classes.hasTeacher': 'class teacher ✓', 'classes.noTeacher': 'no class teacher',
  'classes.cardTitle': 'Class {name}, {year}', 'classes.teacher': 'Class teacher: {name}',
  'classes.teacherNone': 'No class teacher assigned.',
  'classes.consents': 'Consents', 'classes.consentsHide': 'Hide consents',
  'classes.issueStudents': 'to students', 'classes.issueGuardians': 'to guardians',
  'classes.issuePdf': 'Issue and download the receipt sheet (PDF)', 'classes.issueJson': 'Issue and show on screen',
  'classes.issueHint': 'Accounts are issued only to people who have none yet and whose personal-data consent is on record. Temporary passwords are shown once.',
  'classes.issuedTitle': 'Issued accounts',
  'classes.issuedWarning': 'The temporary passwords are shown only now: hand them out against signature.',
  'classes.name': 'Full name', 'classes.role': 'Role', 'classes.login': 'Login', 'classes.tempPassword': 'Temporary password',
  'classes.consentsTitle': 'Personal-data consents', 'classes.who': 'Who', 'classes.consentStatus': 'Status',
  'classes.students': 'Students', 'classes.no': 'No.', 'classes.birthDate': 'Date of birth', 'classes.guardians': 'Guardians',
  'classes.consent': 'Consent', 'classes.account': 'Account',
  'classes.reset': 'New temporary password',
  'classes.resetAsk': 'Issue a new temporary password: {name}? The old password stops working and open sessions end.',
  'classes.resetDone': 'New temporary password issued: {name}. It is shown only now — hand it over against signature; it must be changed at sign-in.',
  'classes.yes': '✓', 'classes.no.mark': '—', 'classes.yes.title': 'yes', 'classes.no.title': 'no',
  'classes.noStudents': 'The class has no students.', 'classes.noGuardians': 'none given',
  'classes.noElectronic': 'no electronic access',
  'relation.MOTHER': 'mother', 'relation.FATHER': 'father', 'relation.GUARDIAN': 'guardian', 'relation.OTHER': 'other',
  'contact.PHONE': 'phone', 'contact.EMAIL': 'e-mail',
  'source.WRITTEN': 'from a written application', 'source.ELECTRONIC': 'given electronically',
  'kind.STUDENT': 'student', 'kind.GUARDIAN': 'guardian', 'kind.guardianOf': 'guardian of {name}',
  'status.GIVEN': 'given', 'status.REFUSED': 'refused', 'status.WITHDRAWN': 'withdrawn', 'status.NONE': 'none',
  'classes.record': 'Record consent', 'classes.recorded': 'Consent recorded: {name}.',
  'consent.document': 'Application no.', 'consent.refuse': 'Refusal', 'consent.refused': 'Refusal recorded: {name}.',
  'consent.withdraw': 'Withdraw', 'consent.withdrawAsk': 'Record the withdrawal of {name}\'s consent as of today? Processing in the '
    + 'electronic journal stops: the account will be blocked.', 'consent.withdrawn': 'Consent withdrawn: {name}.',
  'consent.blocked': ' The account was blocked.',
  'classes.role.STUDENT': 'student', 'classes.role.PARENT': 'parent',
  'classes.pickWhom': 'Tick whom to issue accounts to: students and/or guardians.',
  'classes.pdfDone': 'Receipt sheet {file} downloaded. Everyone who had no account has one now.',
  'classes.jsonDone': 'Accounts issued: {n}.', 'classes.jsonNone': 'No new accounts: everyone has one already.',
  'classes.consentMissing': 'No account was issued: no personal-data consent is on record for {n} people.',
  'classes.consentMissingHint': 'Record the consents (the «Consents» button) and issue again.',
  'classes.lacking.students': 'Students ({n})', 'classes.lacking.guardians': 'Guardians ({n})',
  'classes.openConsents': 'Open consents',
  'classes.working': 'Working…',
  'person.edit': 'Edit', 'person.editTitle': 'Edit: {name}', 'person.lastName': 'Last name', 'person.firstName': 'First name',
  'person.middleName': 'Patronymic', 'person.sex': 'Sex', 'person.leavingDate': 'Leaving date', 'person.leavingReason': 'Reason for leaving',
  'person.confirmLeaving': 'Record the leaving with this date?',
  'person.noElectronicAccess': 'no electronic access: weekly printouts', 'person.contacts': 'Contacts',
  'person.addContact': 'Add a contact', 'person.remove': 'Remove', 'person.save': 'Save', 'person.cancel': 'Cancel',
  'person.saved': 'Saved: {name}.', 'person.unchanged': 'Nothing was changed.',
  'enrol.button': 'Enrol a student', 'enrol.title': 'Enrolment into {name}', 'enrol.admission': 'Admission date',
  'enrol.code': 'Code (optional)', 'enrol.guardian': 'Legal guardian', 'enrol.relation': 'Relation',
  'enrol.phone': 'Phone', 'enrol.email': 'E-mail', 'enrol.save': 'Enrol', 'enrol.done': '{name} was enrolled into {class}.',
  'enrol.confirm': 'Enrol anyway?',
  'ach.button': 'Achievements', 'ach.dialogTitle': 'Achievements: {name}', 'ach.none': 'No achievements recorded yet.',
  'ach.add': 'Record an achievement', 'ach.kind': 'Kind', 'ach.titleField': 'Title', 'ach.subject': 'Subject', 'ach.level': 'Level',
  'ach.result': 'Result', 'ach.date': 'Date', 'ach.save': 'Record', 'ach.close': 'Close', 'ach.remove': 'Delete',
  'ach.removeAsk': 'Delete the record «{title}»?', 'ach.saved': 'Achievement recorded: {name} — {title}.',
  'ach.OLYMPIAD': 'olympiad', 'ach.COMPETITION': 'competition', 'ach.CONFERENCE': 'conference', 'ach.SPORTS': 'sports competition',
  'ach.OTHER': 'other', 'ach.SCHOOL': 'school', 'ach.MUNICIPAL': 'municipal', 'ach.REGIONAL': 'regional',
  'ach.FEDERAL': 'national', 'ach.INTERNATIONAL': 'international', 'ach.WINNER': 'winner', 'ach.PRIZE': 'prize-winner',
  'ach.PARTICIPANT': 'participant',
  'transfer.button': 'Move to another class', 'transfer.title': 'Move to another class: {name}', 'transfer.to': 'To class',
  'transfer.date': 'First day in the new class', 'transfer.save': 'Move', 'transfer.confirm': 'Move the student from this date anyway?',
  'transfer.done': '{name} moved to {class} from {date}.',
  'transfer.hint': 'The student moves to another class of this school year from the date given; they leave the old class\'s subgroups, '
    + 'electives and clubs go on. The journal keeps its records where they were made.',
  'person.failed': 'Not saved — correct the errors:', 'person.value': 'Value',
  'groups.title': 'Groups of the class', 'groups.name': 'Name', 'groups.kind': 'Kind', 'groups.teacher': 'Teacher',
  'groups.members': 'Students', 'groups.none': 'The class has no groups.', 'groups.noTeacher': 'not assigned',
  'groups.namePlaceholder': 'e.g. {name} English 1', 'groups.create': 'Create a group',
  'groups.created': 'Group created: {name}. Tick its students.', 'groups.editMembers': 'Members',
  'groups.membersTitle': 'Members of «{name}» from today', 'groups.saveMembers': 'Save the members',
  'groups.saved': 'Members of «{name}» saved: {n}.', 'groups.failed': 'Not saved:',
  'groupKind.SUBGROUP': 'subgroup', 'groupKind.ELECTIVE': 'elective', 'groupKind.EXTENDED_DAY': 'extended-day group',
  'groupKind.CLUB': 'club',
});

const GROUP_KINDS = ['SUBGROUP', 'ELECTIVE', 'EXTENDED_DAY', 'CLUB'];

const state = { schools: [], classes: [], card: null, consents: null, issued: null, groups: [], staff: null, members: null, departed: [] };

function plural(n) {
  if (lang() === 'en') return n === 1 ? 'one' : 'many';
  const d = n % 10, h = n % 100;
  if (d === 1 && h !== 11) return 'one';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'few';
  return 'many';
}

function currentAcademicYear() {
  const now = platformNow();
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
}

function fullName(p) {
  return p ? [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ') : '';
}

function className(c) {
  return c.grade + c.letter;
}

function mark(yes) {
  const s = el('span', yes ? 'mark yes' : 'mark no', t(yes ? 'classes.yes' : 'classes.no.mark'));
  s.title = t(yes ? 'classes.yes.title' : 'classes.no.title');
  return s;
}

function message(kind, ...content) {
  say($('message'), kind, ...content);
}

// ---------------------------------------------------------------------------------------------
// Classes

function renderClasses() {
  const selected = state.card && state.card.schoolClass.id;
  $('classes').replaceChildren(...state.classes.map((c) => {
    const tile = el('div', 'class-tile' + (c.id === selected ? ' active' : ''));
    const a = el('a', 'class-link', className(c));
    a.href = '#class-' + c.id;
    a.dataset.classId = c.id;
    a.addEventListener('click', (ev) => { ev.preventDefault(); openCard(c.id); });
    const count = el('span', 'count', t('classes.students.' + plural(c.studentCount), { n: c.studentCount }));
    const teacher = el('span', c.classTeacherId ? 'teacher has' : 'teacher none',
      t(c.classTeacherId ? 'classes.hasTeacher' : 'classes.noTeacher'));
    tile.append(a, count, teacher);
    return tile;
  }));
  $('classes-empty').hidden = state.classes.length > 0;
}

async function loadClasses() {
  const school = $('school').value;
  closeCard();
  message('');
  if (!school) return;
  try {
    const list = await api('GET', `roster/schools/${encodeURIComponent(school)}/classes?year=${encodeURIComponent($('year').value)}`);
    state.classes = list.sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru'));
  } catch (err) {
    state.classes = [];
    message('bad', errorText(err));
  }
  renderClasses();
  loadStaff(school);
  if (state.classes.length === 1) openCard(state.classes[0].id);
}

/**
 * The school's staff, for those who administer the school (the coordinator, the deputy director): accounts for those who
 * have none in one receipt sheet, and a new temporary password for one who forgot theirs. Hidden from a class teacher,
 * who may not list the staff.
 */
async function loadStaff(school) {
  let list = null;
  let standing = [];
  try {
    [list, standing] = await Promise.all([api('GET', `roster/schools/${encodeURIComponent(school)}/staff`),
      api('GET', `roster/schools/${encodeURIComponent(school)}/staff-accounts`)]);
  } catch (err) { list = null; /* not theirs to administer */ }
  $('staff-section').hidden = !list;
  if (!list) return;
  const byId = new Map(standing.map((x) => [x.personId, x]));
  $('staff-rows').replaceChildren(...list.map((p) => {
    const s = byId.get(p.id) || {};
    const tr = el('tr');
    tr.dataset.personId = p.id;
    // No account is issued without a personal-data consent on record (152-ФЗ): it is recorded here, as on a class card.
    const consent = el('td', 'mark');
    if (s.consent) consent.append(mark(true));
    else {
      const record = el('button', 'btn small consent', t('staff.recordConsent'));
      record.type = 'button';
      record.addEventListener('click', async () => {
        record.disabled = true;
        try {
          await api('POST', 'roster/consents', { personId: p.id, status: 'GIVEN', purpose: PURPOSE });
          message('good', t('classes.recorded', { name: fullName(p) }));
          await loadStaff(school);
        } catch (err) {
          record.disabled = false;
          message('bad', errorText(err));
        }
      });
      consent.append(record);
    }
    const account = el('td');
    if (s.login) {
      // A staff member's new password shows in their row (the class card's table belongs to an open card).
      account.append(el('span', 'code', s.login), ' ',
        resetButton(p, p.positions || '', (i) => account.replaceChildren(el('span', 'code', `${i.login} / ${i.temporaryPassword}`))));
    } else {
      account.append(el('span', 'muted', t('staff.noAccount')));
    }
    tr.append(el('td', 'name', fullName(p)), el('td', null, p.positions || ''), consent, account);
    return tr;
  }));
  const missing = list.filter((p) => !(byId.get(p.id) || {}).login);
  $('staff-issue').disabled = missing.length === 0;
  $('staff-issue').textContent = t('staff.issue', { n: missing.length });
}

async function issueStaff() {
  const school = $('school').value;
  const file = 'accounts-staff.pdf';
  $('staff-issue').disabled = true;
  try {
    const r = await rawCall('POST', `roster/schools/${encodeURIComponent(school)}/staff-accounts?format=pdf`, undefined,
      { Accept: 'application/pdf, application/problem+json' });
    download(await r.blob(), file);
    message('good', t('staff.issued', { file }));
    await loadStaff(school);
  } catch (err) {
    message('bad', errorText(err));
  } finally {
    $('staff-issue').disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------
// The class card

function contactLine(c) {
  const line = el('span', 'contact', `${t('contact.' + c.kind)} ${c.value}`);
  if (c.source) line.title = t('source.' + c.source);
  return line;
}

/** A small icon button acting on one person, titled in words and labelled with the person's name for screen readers. */
function personButton(cls, icon, title, person, onClick) {
  const b = el('button', `btn small ${cls}`, icon);
  b.type = 'button';
  b.title = title;
  b.setAttribute('aria-label', `${title}: ${fullName(person)}`);
  b.addEventListener('click', onClick);
  return b;
}

/** A form's refusal: every field the server names, listed in the box. */
function showProblems(box, err) {
  const list = el('ul');
  const pr = err.problem || {};
  const violations = pr.errors || (pr.field ? [{ field: pr.field, message: pr.detail }] : []);
  // The Russian texts say what is wrong in words; the request's field paths («contacts[2].value») are for English readers.
  if (violations.length) violations.forEach((v) => list.append(el('li', null, lang() === 'ru' || !v.field ? v.message : `${v.field}: ${v.message}`)));
  else list.append(el('li', null, errorText(err)));
  box.replaceChildren(el('p', null, t('person.failed')), list);
  box.hidden = false;
}

/** A student's achievements (the portfolio): listed, recorded and deleted by the class's staff; the family reads them in the diary. */
let achieving = null;

function achievementButton(student) {
  return personButton('achievements', '🏆', t('ach.button'), student, () => openAchievements(student));
}

async function loadAchievements() {
  const list = await api('GET', `roster/persons/${encodeURIComponent(achieving.id)}/achievements`);
  $('ach-list').replaceChildren(...list.map((a) => {
    const li = el('li');
    li.dataset.achievement = a.id;
    li.append(el('strong', null, a.title), ` — ${[t('ach.' + a.result), a.subject, t('ach.' + a.kind), t('ach.' + a.level)]
      .filter(Boolean).join(', ')}, ${date(a.date)} `);
    const b = el('button', 'btn small', t('ach.remove'));
    b.type = 'button';
    b.addEventListener('click', async () => {
      if (!window.confirm(t('ach.removeAsk', { title: a.title }))) return;
      try {
        await api('DELETE', `roster/achievements/${encodeURIComponent(a.id)}`);
        await loadAchievements();
      } catch (err) {
        showProblems($('a-errors'), err);
      }
    });
    li.append(b);
    return li;
  }));
  $('ach-none').hidden = list.length > 0;
}

async function openAchievements(student) {
  achieving = student;
  $('ach-form').reset();
  $('ach-title').textContent = t('ach.dialogTitle', { name: fullName(student) });
  const fill = (id, values) => { $(id).replaceChildren(...values.map((v) => { const o = el('option', null, t('ach.' + v)); o.value = v; return o; })); };
  fill('a-kind', ['OLYMPIAD', 'COMPETITION', 'CONFERENCE', 'SPORTS', 'OTHER']);
  fill('a-level', ['SCHOOL', 'MUNICIPAL', 'REGIONAL', 'FEDERAL', 'INTERNATIONAL']);
  fill('a-result', ['WINNER', 'PRIZE', 'PARTICIPANT']);
  $('a-date').value = isoDate();
  $('a-errors').hidden = true;
  try {
    await loadAchievements();
  } catch (err) {
    message('bad', errorText(err));
    return;
  }
  $('ach-dialog').showModal();
  $('a-title').focus();
}

async function saveAchievement(ev) {
  ev.preventDefault();
  const body = { kind: $('a-kind').value, title: $('a-title').value.trim(), subject: $('a-subject').value.trim() || null,
    level: $('a-level').value, result: $('a-result').value, date: $('a-date').value || null };
  $('a-save').disabled = true;
  try {
    await api('POST', `roster/persons/${encodeURIComponent(achieving.id)}/achievements`, body);
    $('a-title').value = '';
    $('a-subject').value = '';
    $('a-errors').hidden = true;
    await loadAchievements();
    message('good', t('ach.saved', { name: fullName(achieving), title: body.title }));
  } catch (err) {
    showProblems($('a-errors'), err);
  } finally {
    $('a-save').disabled = false;
  }
}

/** A newcomer enrolled by hand (a family moved in mid-year), with one guardian from the written application. */
function openEnrol() {
  const f = $('enrol-form');
  f.reset();
  $('enrol-title').textContent = t('enrol.title', { name: className(state.card.schoolClass) });
  $('e-admission').value = isoDate();
  $('e-errors').hidden = true;
  $('enrol-dialog').showModal();
  $('e-lastName').focus();
}

async function saveEnrol(ev) {
  ev.preventDefault();
  const v = (id) => $(id).value.trim();
  const guardian = v('e-g-lastName') || v('e-g-firstName') ? [{ lastName: v('e-g-lastName'), firstName: v('e-g-firstName'),
    middleName: v('e-g-middleName') || null, relation: v('e-g-relation') || null, phone: v('e-g-phone') || null, email: v('e-g-email') || null,
    noElectronicAccess: $('e-g-noElectronicAccess').checked }] : [];
  const body = { lastName: v('e-lastName'), firstName: v('e-firstName'), middleName: v('e-middleName') || null, birthDate: v('e-birthDate') || null,
    sex: $('e-sex').value, admissionDate: v('e-admission') || null, code: v('e-code') || null, guardians: guardian };
  const path = `roster/classes/${encodeURIComponent(state.card.schoolClass.id)}/students`;
  $('e-save').disabled = true;
  try {
    let saved;
    try {
      saved = await api('POST', path, body);
    } catch (err) {
      // A student of the same name and birth date is in the school already: said, and asked (a namesake is enrolled anyway).
      const p = err.problem || {};
      if (!(err.status === 409 && String(p.type || '').endsWith('student-exists') && window.confirm(`${p.detail}\n\n${t('enrol.confirm')}`))) throw err;
      saved = await api('POST', path, { ...body, confirm: true });
    }
    $('enrol-dialog').close();
    const cls = state.card.schoolClass;
    await loadClasses();
    await openCard(cls.id, true);
    message('good', t('enrol.done', { name: fullName(saved), class: className(cls) }));
  } catch (err) {
    showProblems($('e-errors'), err);
  } finally {
    $('e-save').disabled = false;
  }
}

/** Moving a student to another class of the same year (5А to 5Б): offered when the year has another class. */
function transferButton(student) {
  return personButton('transfer', '⇄', t('transfer.button'), student, () => openTransfer(student));
}

let transferring = null;

function openTransfer(student) {
  transferring = student;
  const current = state.card.schoolClass.id;
  $('transfer-title').textContent = t('transfer.title', { name: fullName(student) });
  const others = state.classes.filter((c) => c.id !== current);
  $('t-class').replaceChildren(...others.map((c) => { const o = el('option', null, className(c)); o.value = c.id; return o; }));
  $('t-date').value = isoDate();
  $('t-errors').hidden = true;
  $('transfer-dialog').showModal();
  $('t-class').focus();
}

async function saveTransfer(ev) {
  ev.preventDefault();
  const student = transferring;
  const body = { classId: $('t-class').value, date: $('t-date').value || null };
  const path = `roster/persons/${encodeURIComponent(student.id)}/transfer`;
  $('t-save').disabled = true;
  try {
    try {
      await api('POST', path, body);
    } catch (err) {
      // The journal has the student's records from that day on: the server names them; asked, then sent again.
      const p = err.problem || {};
      if (!(err.status === 409 && String(p.type || '').endsWith('records-after-transfer') && window.confirm(`${p.detail}\n\n${t('transfer.confirm')}`))) throw err;
      await api('POST', path, { ...body, confirm: true });
    }
    $('transfer-dialog').close();
    const to = state.classes.find((c) => c.id === body.classId);
    const from = state.card.schoolClass.id;
    await loadClasses();
    await openCard(from, true);
    message('good', t('transfer.done', { name: fullName(student), class: to ? className(to) : '', date: date(body.date) }));
  } catch (err) {
    const box = $('t-errors');
    box.textContent = errorText(err);
    box.hidden = false;
  } finally {
    $('t-save').disabled = false;
  }
}

function editButton(person, kind) {
  const b = personButton('edit', '✎', t('person.edit'), person, () => openPerson(person, kind));
  b.dataset.editPerson = person.id;
  return b;
}

/**
 * A new temporary password for a person's account (a parent who forgot theirs calls at 9 p.m.): asked first, shown once
 * in the issued-accounts table; the person's sessions end. The server refuses who may not do it, or a person without one.
 */
function resetButton(person, role, shown = showIssued) {
  const b = personButton('reset', '🔑', t('classes.reset'), person, async () => {
    if (!window.confirm(t('classes.resetAsk', { name: fullName(person) }))) return;
    try {
      const r = await api('POST', `roster/persons/${encodeURIComponent(person.id)}/account/reset`);
      shown({ personId: r.personId, fullName: fullName(person), role, login: r.login, temporaryPassword: r.temporaryPassword });
      say($('message'), 'good', t('classes.resetDone', { name: fullName(person) }));
    } catch (e) {
      say($('message'), 'bad', errorText(e));
    }
  });
  b.dataset.resetPerson = person.id;
  return b;
}

/** A reissued password shown in the class card's issued-accounts table. */
function showIssued(issued) {
  state.issued = [issued];
  renderIssued();
  $('issued-section').scrollIntoView({ block: 'nearest' });
}

function guardianBlock(g) {
  const box = el('div', 'guardian');
  box.append(el('span', 'gname', fullName(g.guardian)), document.createTextNode(' '),
    el('span', 'relation', '(' + t('relation.' + g.relation) + ')'), document.createTextNode(' '), editButton(g.guardian, 'GUARDIAN'),
    document.createTextNode(' '), resetButton(g.guardian, 'родитель'));
  const contacts = (g.guardian.contacts || []);
  if (contacts.length || g.guardian.noElectronicAccess) {
    const line = el('div', 'contacts');
    contacts.forEach((c, i) => { if (i) line.append(document.createTextNode(', ')); line.append(contactLine(c)); });
    if (g.guardian.noElectronicAccess) {
      if (contacts.length) line.append(document.createTextNode(' · '));
      line.append(el('span', 'muted', t('classes.noElectronic')));
    }
    box.append(line);
  }
  return box;
}

function renderCard() {
  const card = state.card;
  $('card').hidden = !card;
  // One message area: under the card's buttons while a card is open, under the class list otherwise.
  if (card) $('card-actions').after($('message')); else $('classes-empty').after($('message'));
  if (!card) return;
  const c = card.schoolClass;
  $('card-title').textContent = t('classes.cardTitle', { name: className(c), year: `${c.academicYear}/${c.academicYear + 1}` });
  $('card-teacher').textContent = card.classTeacher ? t('classes.teacher', { name: fullName(card.classTeacher) }) : t('classes.teacherNone');
  if (!card.students.length) {
    const td = el('td', 'muted', t('classes.noStudents'));
    td.colSpan = 6;
    const tr = el('tr');
    tr.append(td);
    $('students').replaceChildren(tr);
  } else {
    $('students').replaceChildren(...card.students.map((s, i) => {
      const tr = el('tr');
      tr.dataset.personId = s.student.id;
      const guardians = el('td', 'guardians');
      if (s.guardians.length) guardians.append(...s.guardians.map(guardianBlock));
      else guardians.append(el('span', 'muted', t('classes.noGuardians')));
      const consent = el('td', 'mark');
      consent.append(mark(s.consent));
      const account = el('td', 'mark');
      account.append(mark(s.hasAccount));
      if (s.hasAccount) account.append(document.createTextNode(' '), resetButton(s.student, 'обучающийся'));
      const name = el('td', 'name', fullName(s.student));
      name.append(document.createTextNode(' '), editButton(s.student, 'STUDENT'));
      if (state.classes.length > 1) name.append(document.createTextNode(' '), transferButton(s.student));
      name.append(document.createTextNode(' '), achievementButton(s.student));
      tr.append(el('td', 'num', String(i + 1)), name, el('td', 'date', date(s.student.birthDate)),
        guardians, consent, account);
      return tr;
    }));
  }
  $('consents-button').textContent = t(state.consents ? 'classes.consentsHide' : 'classes.consents');
  $('consents-button').setAttribute('aria-expanded', String(!!state.consents));
  renderConsents();
  renderDeparted();
  renderIssued();
  renderGroups();
  renderClasses();
}

function closeCard() {
  state.card = null;
  state.groups = [];
  state.members = null;
  state.consents = null;
  state.issued = null;
  renderCard();
}

async function openCard(classId, keepMessage) {
  const sameClass = state.card && state.card.schoolClass.id === classId;
  if (!keepMessage) message('');
  try {
    state.card = await api('GET', `roster/classes/${encodeURIComponent(classId)}`);
    if (!sameClass) { state.consents = null; state.issued = null; state.members = null; }
    await loadGroups();
    try {
      state.departed = await api('GET', `roster/classes/${encodeURIComponent(classId)}/departed`);
    } catch (err) { state.departed = []; }
    if (state.consents) state.consents = await api('GET', `roster/classes/${encodeURIComponent(classId)}/consents`);
  } catch (err) {
    message('bad', errorText(err));
    return;
  }
  renderCard();
  if (!sameClass) $('card').scrollIntoView({ block: 'start' });
}

/**
 * The students who left from this class: a leaving recorded by mistake (a wrong student, a transfer that did not happen)
 * is undone here, after a confirmation; the student is back in the class and the groups they left that day.
 */
function renderDeparted() {
  const list = state.departed || [];
  $('departed-section').hidden = list.length === 0;
  $('departed-title').textContent = t('departed.title', { n: list.length });
  $('departed').replaceChildren(...list.map((p) => {
    const tr = el('tr');
    tr.dataset.personId = p.id;
    const undo = el('button', 'btn small', t('departed.undo'));
    undo.type = 'button';
    undo.addEventListener('click', async () => {
      if (!window.confirm(t('departed.undoAsk', { name: fullName(p), date: date(p.leavingDate) }))) return;
      try {
        await api('POST', `roster/persons/${encodeURIComponent(p.id)}/return`);
        await openCard(state.card.schoolClass.id, true);
        message('good', t('departed.undone', { name: fullName(p) }));
      } catch (err) {
        message('bad', errorText(err));
      }
    });
    const act = el('td');
    act.append(undo);
    tr.append(el('td', 'name', fullName(p)), el('td', 'date', date(p.leavingDate)), el('td', null, p.leavingReason || ''), act);
    return tr;
  }));
}

/** Names of the people on the card, by id (students and guardians). */
function namesById() {
  const m = new Map();
  if (!state.card) return m;
  for (const s of state.card.students) {
    m.set(s.student.id, fullName(s.student));
    for (const g of s.guardians) m.set(g.guardian.id, fullName(g.guardian));
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Groups of the class (subgroups and other groups created for it): GET/POST schools/{id}/groups, PUT groups/{id}/members

/** The class's groups of its year, and the school's staff for the teacher names (once per school; none if not readable). */
async function loadGroups() {
  const c = state.card.schoolClass;
  let all = [];
  try {
    all = await api('GET', `roster/schools/${encodeURIComponent(c.schoolId)}/groups?year=${c.academicYear}`);
  } catch (err) { /* someone who sees the class but none of the school's groups: the class has none for them */ }
  state.groups = all.filter((g) => g.classId === c.id).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  if (!state.staff || state.staff.schoolId !== c.schoolId) {
    let list = [];
    try {
      list = await api('GET', `roster/schools/${encodeURIComponent(c.schoolId)}/staff`);
    } catch (err) { /* a class teacher may not list the staff: teachers are then shown without names */ }
    state.staff = { schoolId: c.schoolId, list, byId: new Map(list.map((p) => [p.id, p])) };
  }
}

function renderGroups() {
  if (!state.card || !state.staff) return;
  if (!state.groups.length) {
    const td = el('td', 'muted', t('groups.none'));
    td.colSpan = 5;
    const tr = el('tr');
    tr.append(td);
    $('groups').replaceChildren(tr);
  } else {
    $('groups').replaceChildren(...state.groups.map((g) => {
      const tr = el('tr');
      tr.dataset.groupId = g.id;
      const teacher = g.teacherId ? state.staff.byId.get(g.teacherId) : null;
      const action = el('td', 'action');
      const b = el('button', 'btn small members', t('groups.editMembers'));
      b.type = 'button';
      b.dataset.groupId = g.id;
      b.addEventListener('click', () => openMembers(g.id));
      action.append(b);
      tr.append(el('td', 'name', g.name), el('td', 'kind', t('groupKind.' + g.kind)),
        el('td', teacher ? null : 'muted', teacher ? fullName(teacher) : t('groups.noTeacher')),
        el('td', 'n count', String(g.memberCount)), action);
      return tr;
    }));
  }
  const kind = $('g-kind').value || 'SUBGROUP';
  $('g-kind').replaceChildren(...GROUP_KINDS.map((k) => { const o = el('option', null, t('groupKind.' + k)); o.value = k; return o; }));
  $('g-kind').value = kind;
  const teacher = $('g-teacher').value;
  const none = el('option', null, '—');
  none.value = '';
  $('g-teacher').replaceChildren(none, ...state.staff.list.map((p) => { const o = el('option', null, fullName(p)); o.value = p.id; return o; }));
  $('g-teacher').value = state.staff.byId.has(teacher) ? teacher : '';
  $('g-name').placeholder = t('groups.namePlaceholder', { name: className(state.card.schoolClass) });
  renderMembers();
}

function renderMembers() {
  const m = state.members;
  $('members-section').hidden = !m;
  if (!m) return;
  $('members-title').textContent = t('groups.membersTitle', { name: m.group.name });
  $('members').replaceChildren(...state.card.students.map((s) => {
    const label = el('label', 'check');
    const box = el('input');
    box.type = 'checkbox';
    box.value = s.student.id;
    box.checked = m.ids.has(s.student.id);
    box.addEventListener('change', () => { if (box.checked) m.ids.add(box.value); else m.ids.delete(box.value); });
    label.append(box, document.createTextNode(' ' + fullName(s.student)));
    return label;
  }));
}

async function openMembers(groupId) {
  try {
    const card = await api('GET', `roster/groups/${encodeURIComponent(groupId)}`);
    state.members = { group: card.group, ids: new Set(card.members.map((p) => p.id)) };
  } catch (err) {
    message('bad', errorText(err));
    return;
  }
  renderMembers();
  $('members-section').scrollIntoView({ block: 'nearest' });
}

function groupProblem(err) {
  const pr = err.problem || {};
  const violations = pr.errors || (pr.field ? [{ field: pr.field, message: pr.detail }] : []);
  if (!violations.length) return message('bad', errorText(err));
  const list = el('ul');
  violations.forEach((v) => list.append(el('li', null, `${v.field}: ${v.message}`)));
  return message('bad', el('span', null, t('groups.failed')), list);
}

async function saveMembers() {
  const m = state.members;
  if (!m) return;
  // Only the class's students are offered; members from elsewhere (an elective's) are kept as they are.
  const onCard = new Set(state.card.students.map((s) => s.student.id));
  $('members-save').disabled = true;
  try {
    const before = await api('GET', `roster/groups/${encodeURIComponent(m.group.id)}`);
    const others = before.members.map((p) => p.id).filter((id) => !onCard.has(id));
    const card = await api('PUT', `roster/groups/${encodeURIComponent(m.group.id)}/members`, { studentIds: [...others, ...m.ids] });
    state.members = null;
    await loadGroups();
    renderGroups();
    message('good', t('groups.saved', { name: card.group.name, n: card.members.length }));
  } catch (err) {
    groupProblem(err);
  } finally {
    $('members-save').disabled = false;
  }
}

async function createGroup(ev) {
  ev.preventDefault();
  const c = state.card.schoolClass;
  const body = { classId: c.id, kind: $('g-kind').value, name: $('g-name').value.trim(), academicYear: c.academicYear };
  if ($('g-teacher').value) body.teacherId = $('g-teacher').value;
  $('g-create').disabled = true;
  try {
    const g = await api('POST', `roster/schools/${encodeURIComponent(c.schoolId)}/groups`, body);
    $('g-name').value = '';
    await loadGroups();
    state.members = { group: g, ids: new Set() };
    renderGroups();
    message('good', t('groups.created', { name: g.name }));
    $('members-section').scrollIntoView({ block: 'nearest' });
  } catch (err) {
    groupProblem(err);
  } finally {
    $('g-create').disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Consents

function renderConsents() {
  $('consents-section').hidden = !state.consents;
  if (!state.consents) return;
  const names = namesById();
  $('consents').replaceChildren(...state.consents.map((line) => {
    const tr = el('tr');
    tr.dataset.personId = line.personId;
    const who = line.kind === 'GUARDIAN' && line.studentId && names.has(line.studentId)
      ? t('kind.guardianOf', { name: names.get(line.studentId) }) : t('kind.' + line.kind);
    const status = el('td', 'status ' + line.status.toLowerCase(), t('status.' + line.status));
    const action = el('td', 'action');
    if (line.status !== 'GIVEN') {
      // Given or refused, with the number of the written application it was recorded from.
      const doc = el('input', 'document');
      doc.placeholder = t('consent.document');
      doc.setAttribute('aria-label', `${t('consent.document')}: ${line.fullName}`);
      doc.maxLength = 100;
      doc.size = 10;
      const b = el('button', 'btn small record', t('classes.record'));
      b.type = 'button';
      b.dataset.personId = line.personId;
      b.addEventListener('click', () => recordConsent(line, b, 'GIVEN', doc.value.trim()));
      const r = el('button', 'btn small refuse', t('consent.refuse'));
      r.type = 'button';
      r.addEventListener('click', () => recordConsent(line, r, 'REFUSED', doc.value.trim()));
      action.append(doc, ' ', b, ' ', r);
    } else if (line.consentId) {
      const w = el('button', 'btn small withdraw', t('consent.withdraw'));
      w.type = 'button';
      w.addEventListener('click', () => withdrawConsent(line, w));
      action.append(w);
    }
    tr.append(el('td', 'name', line.fullName), el('td', null, who), status, action);
    return tr;
  }));
}

async function toggleConsents() {
  if (!state.card) return;
  if (state.consents) {
    state.consents = null;
  } else {
    try {
      state.consents = await api('GET', `roster/classes/${encodeURIComponent(state.card.schoolClass.id)}/consents`);
    } catch (err) {
      message('bad', errorText(err));
      return;
    }
  }
  renderCard();
  if (state.consents) $('consents-section').scrollIntoView({ block: 'nearest' });
}

async function recordConsent(line, button, status, documentNo) {
  button.disabled = true;
  try {
    const saved = await api('POST', 'roster/consents', { personId: line.personId, status, purpose: PURPOSE, documentNo: documentNo || null });
    await openCard(state.card.schoolClass.id, true);
    message('good', t(status === 'GIVEN' ? 'classes.recorded' : 'consent.refused', { name: line.fullName })
      + (saved.accountBlocked ? t('consent.blocked') : ''));
  } catch (err) {
    button.disabled = false;
    message('bad', errorText(err));
  }
}

/** A withdrawal, dated today (the day of the application): asked first, since it blocks the person's account. */
async function withdrawConsent(line, button) {
  if (!window.confirm(t('consent.withdrawAsk', { name: line.fullName }))) return;
  button.disabled = true;
  try {
    const saved = await api('POST', `roster/consents/${encodeURIComponent(line.consentId)}/withdraw`, {});
    await openCard(state.card.schoolClass.id, true);
    message('good', t('consent.withdrawn', { name: line.fullName }) + (saved.accountBlocked ? t('consent.blocked') : ''));
  } catch (err) {
    button.disabled = false;
    message('bad', errorText(err));
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts

function renderIssued() {
  $('issued-section').hidden = !state.issued;
  if (!state.issued) return;
  $('issued').replaceChildren(...state.issued.map((i) => {
    const tr = el('tr');
    const role = i.role === 'обучающийся' ? t('classes.role.STUDENT') : i.role === 'родитель' ? t('classes.role.PARENT') : i.role;
    tr.append(el('td', 'name', i.fullName), el('td', null, role), el('td', 'code', i.login), el('td', 'code', i.temporaryPassword));
    return tr;
  }));
}

function issueQuery(format) {
  return `roster/classes/${encodeURIComponent(state.card.schoolClass.id)}/accounts?students=${$('issue-students').checked}`
    + `&guardians=${$('issue-guardians').checked}&format=${format}`;
}

/** The 409 «consent-missing» answer as lists of the students and guardians lacking consent; other errors as text. */
function issueFailed(err) {
  const p = err.problem;
  if (err.status === 409 && p && String(p.type || '').endsWith('consent-missing') && Array.isArray(p.errors)) {
    const names = namesById();
    const studentIds = new Set(state.card.students.map((s) => s.student.id));
    const groups = { students: [], guardians: [] };
    for (const v of p.errors) {
      const name = names.get(v.field) || String(v.message || v.field).replace(/: (no personal-data consent on record|нет записанного согласия на обработку персональных данных)$/, '');
      const li = el('li', null, name);
      li.dataset.personId = v.field;
      (studentIds.has(v.field) ? groups.students : groups.guardians).push(li);
    }
    const content = [el('span', null, t('classes.consentMissing', { n: p.errors.length }))];
    for (const g of ['students', 'guardians']) {
      if (!groups[g].length) continue;
      content.push(el('div', 'group', t('classes.lacking.' + g, { n: groups[g].length })));
      const list = el('ul', 'lacking');
      list.id = 'lacking-' + g;
      list.append(...groups[g]);
      content.push(list);
    }
    content.push(el('span', 'hint', t('classes.consentMissingHint')));
    if (!state.consents) {
      const b = el('button', 'btn small', t('classes.openConsents'));
      b.type = 'button';
      b.id = 'open-consents';
      b.addEventListener('click', () => { if (!state.consents) toggleConsents(); });
      content.push(b);
    }
    message('bad', ...content);
  } else {
    message('bad', errorText(err));
  }
  $('message').scrollIntoView({ block: 'nearest' });
}

function busy(on) {
  for (const id of ['issue-pdf', 'issue-json', 'consents-button']) $(id).disabled = on;
  if (on) message('', t('classes.working'));
}

function whomChosen() {
  if ($('issue-students').checked || $('issue-guardians').checked) return true;
  message('bad', t('classes.pickWhom'));
  return false;
}

async function issuePdf() {
  if (!state.card || !whomChosen()) return;
  const file = `accounts-${className(state.card.schoolClass)}.pdf`;
  busy(true);
  try {
    const r = await rawCall('POST', issueQuery('pdf'), undefined, { Accept: 'application/pdf, application/problem+json' });
    download(await r.blob(), file);
    state.issued = null;
    message('good', t('classes.pdfDone', { file }));
    await openCard(state.card.schoolClass.id, true);
  } catch (err) {
    issueFailed(err);
  } finally {
    busy(false);
  }
}

async function issueJson() {
  if (!state.card || !whomChosen()) return;
  busy(true);
  try {
    const r = await api('POST', issueQuery('json'));
    message('good', r.issued.length ? t('classes.jsonDone', { n: r.issued.length }) : t('classes.jsonNone'));
    await openCard(state.card.schoolClass.id, true);
    state.issued = r.issued.length ? r.issued : null;
    renderIssued();
  } catch (err) {
    issueFailed(err);
  } finally {
    busy(false);
  }
}

// ---------------------------------------------------------------------------------------------
// Start

// ----- correcting one person's record (PUT /roster/persons/{id} with only the fields that changed) -----

let editing = null;

function contactRow(c) {
  const row = el('div', 'row contact-row');
  const kind = el('select');
  kind.name = 'kind';
  for (const k of ['PHONE', 'EMAIL']) { const o = el('option', null, t('contact.' + k)); o.value = k; kind.append(o); }
  kind.value = c.kind || 'PHONE';
  const value = el('input');
  value.name = 'value';
  value.value = c.value || '';
  value.setAttribute('aria-label', t('person.value'));
  const source = el('select');
  source.name = 'source';
  for (const k of ['WRITTEN', 'ELECTRONIC']) { const o = el('option', null, t('source.' + k)); o.value = k; source.append(o); }
  source.value = c.source || 'WRITTEN';
  const remove = el('button', 'btn small', t('person.remove'));
  remove.type = 'button';
  remove.addEventListener('click', () => row.remove());
  row.append(kind, value, source, remove);
  return row;
}

function openPerson(person, kind) {
  editing = { person, kind };
  const f = $('person-form');
  $('person-title').textContent = t('person.editTitle', { name: fullName(person) });
  for (const n of ['lastName', 'firstName', 'middleName', 'leavingReason']) $('p-' + n).value = person[n] || '';
  $('p-birthDate').value = person.birthDate || '';
  $('p-leavingDate').value = person.leavingDate || '';
  $('p-sex').value = person.sex || 'M';
  $('p-noElectronicAccess').checked = !!person.noElectronicAccess;
  f.querySelectorAll('.student-only').forEach((x) => { x.hidden = kind !== 'STUDENT'; });
  f.querySelectorAll('.guardian-only').forEach((x) => { x.hidden = kind !== 'GUARDIAN'; });
  $('p-contacts').replaceChildren(...(person.contacts || []).map(contactRow));
  $('p-errors').hidden = true;
  $('person-dialog').showModal();
  $('p-lastName').focus();
}

function contactsOf(container) {
  return [...container.querySelectorAll('.contact-row')].map((r) => ({
    kind: r.querySelector('[name=kind]').value, value: r.querySelector('[name=value]').value.trim(), source: r.querySelector('[name=source]').value,
  })).filter((c) => c.value);
}

/** @return only what differs from the record (the API changes only the fields it is given) */
function changes() {
  const p = editing.person;
  const body = {};
  const text = (n) => { const v = $('p-' + n).value.trim(); if (v !== (p[n] || '')) body[n] = v; };
  ['lastName', 'firstName', 'middleName'].forEach(text);
  if (editing.kind === 'STUDENT') {
    if ($('p-birthDate').value && $('p-birthDate').value !== (p.birthDate || '')) body.birthDate = $('p-birthDate').value;
    if ($('p-sex').value !== (p.sex || '')) body.sex = $('p-sex').value;
    if ($('p-leavingDate').value && $('p-leavingDate').value !== (p.leavingDate || '')) body.leavingDate = $('p-leavingDate').value;
    text('leavingReason');
  } else if ($('p-noElectronicAccess').checked !== !!p.noElectronicAccess) {
    body.noElectronicAccess = $('p-noElectronicAccess').checked;
  }
  const contacts = contactsOf($('p-contacts'));
  const before = (p.contacts || []).map((c) => ({ kind: c.kind, value: c.value, source: c.source || 'WRITTEN' }));
  if (JSON.stringify(contacts) !== JSON.stringify(before)) body.contacts = contacts;
  return body;
}

async function savePerson(ev) {
  ev.preventDefault();
  const body = changes();
  if (!Object.keys(body).length) {
    $('person-dialog').close();
    message('', t('person.unchanged'));
    return;
  }
  $('p-save').disabled = true;
  try {
    const path = `roster/persons/${encodeURIComponent(editing.person.id)}`;
    let saved;
    try {
      saved = await api('PUT', path, body);
    } catch (err) {
      // A leaving date before days the journal still has marks or absences for: the server names them; asked, then sent again.
      const p = err.problem || {};
      if (!(err.status === 409 && String(p.type || '').endsWith('records-after-leaving') && window.confirm(`${p.detail}\n\n${t('person.confirmLeaving')}`))) throw err;
      saved = await api('PUT', path, { ...body, confirmLeaving: true });
    }
    $('person-dialog').close();
    await openCard(state.card.schoolClass.id, true);
    message('good', t('person.saved', { name: fullName(saved) }));
  } catch (err) {
    showProblems($('p-errors'), err);
  } finally {
    $('p-save').disabled = false;
  }
}

function fillYears() {
  const current = currentAcademicYear();
  const years = [];
  for (let y = current + 1; y >= current - 4; y--) years.push(y);
  $('year').replaceChildren(...years.map((y) => {
    const o = el('option', null, `${y}/${y + 1}`);
    o.value = String(y);
    return o;
  }));
  $('year').value = String(current);
}

async function start() {
  translate();
  fillYears();
  $('school').addEventListener('change', loadClasses);
  $('year').addEventListener('change', loadClasses);
  $('filter').addEventListener('submit', (ev) => ev.preventDefault());
  $('consents-button').addEventListener('click', toggleConsents);
  $('issue-pdf').addEventListener('click', issuePdf);
  $('staff-issue').addEventListener('click', issueStaff);
  $('issue-json').addEventListener('click', issueJson);
  $('person-form').addEventListener('submit', savePerson);
  $('p-cancel').addEventListener('click', () => $('person-dialog').close());
  $('transfer-form').addEventListener('submit', saveTransfer);
  $('enrol-button').addEventListener('click', openEnrol);
  $('ach-form').addEventListener('submit', saveAchievement);
  $('a-close').addEventListener('click', () => $('ach-dialog').close());
  $('enrol-form').addEventListener('submit', saveEnrol);
  $('e-cancel').addEventListener('click', () => $('enrol-dialog').close());
  $('t-cancel').addEventListener('click', () => $('transfer-dialog').close());
  $('p-add-contact').addEventListener('click', () => $('p-contacts').append(contactRow({})));
  $('group-form').addEventListener('submit', createGroup);
  $('members-save').addEventListener('click', saveMembers);
  $('members-cancel').addEventListener('click', () => { state.members = null; renderMembers(); });
  onLanguageChange(() => { translate(); message(''); renderCard(); renderClasses(); if ($('school').value) loadStaff($('school').value); });
  try {
    state.schools = await schools();
  } catch (err) {
    message('bad', errorText(err));
    return;
  }
  fillSchools($('school'), state.schools);
  $('school-label').hidden = state.schools.length < 2;
  if (!state.schools.length) { message('bad', t('roster.noSchools')); return; }
  await loadClasses();
}

start();
