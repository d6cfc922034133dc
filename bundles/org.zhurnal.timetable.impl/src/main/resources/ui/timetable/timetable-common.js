// Shared by the timetable pages: texts, the school's classes and staff, weekday names, lesson labels.
import { api, TEXTS, t } from '/i18n.js';
import { academicYearOf } from '/page.js';

Object.assign(TEXTS.ru, {
  'tt.week': 'Неделя (любой день)', 'tt.class': 'Класс', 'tt.teacher': 'Учитель', 'tt.room': 'Каб.', 'tt.reason': 'Причина',
  'tt.subject': 'Предмет', 'tt.weekday': 'День недели', 'tt.lesson': 'Урок №', 'tt.show': 'Показать',
  'tt.d1': 'Понедельник', 'tt.d2': 'Вторник', 'tt.d3': 'Среда', 'tt.d4': 'Четверг', 'tt.d5': 'Пятница', 'tt.d6': 'Суббота',
  'tt.CANCELLED': 'отменён', 'tt.SUBSTITUTED': 'замена', 'tt.SUBSTITUTION': 'Замена', 'tt.CANCELLATION': 'Отмена', 'tt.NONE': 'Восстановлен', 'tt.SCHEDULED': 'по расписанию',
});
Object.assign(TEXTS.en, {
  'tt.week': 'Week (any day)', 'tt.class': 'Class', 'tt.teacher': 'Teacher', 'tt.room': 'Room', 'tt.reason': 'Reason',
  'tt.subject': 'Subject', 'tt.weekday': 'Weekday', 'tt.lesson': 'Lesson no.', 'tt.show': 'Show',
  'tt.d1': 'Monday', 'tt.d2': 'Tuesday', 'tt.d3': 'Wednesday', 'tt.d4': 'Thursday', 'tt.d5': 'Friday', 'tt.d6': 'Saturday',
  'tt.CANCELLED': 'cancelled', 'tt.SUBSTITUTED': 'substitution', 'tt.SUBSTITUTION': 'Substitution', 'tt.CANCELLATION': 'Cancellation',
  'tt.NONE': 'Restored', 'tt.SCHEDULED': 'as scheduled',
});

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
export const weekdayName = (w) => t('tt.d' + (WEEKDAYS.indexOf(w) + 1));

/** «Белова И. С.» */
export function shortName(p) {
  const i = (s) => (s ? ` ${s.charAt(0)}.` : '');
  return `${p.lastName}${i(p.firstName)}${i(p.middleName)}`;
}

/** The school's classes, groups and staff of the academic year of a date, with name lookups. */
export async function schoolData(schoolId, day) {
  const id = encodeURIComponent(schoolId);
  const year = academicYearOf(day);
  const [listed, groups, staff, teaching] = await Promise.all([api('GET', `roster/schools/${id}/classes?year=${year}`),
    api('GET', `roster/schools/${id}/groups?year=${year}`).catch(() => []), api('GET', `roster/schools/${id}/staff`).catch(() => []),
    api('GET', `gradebook/teaching?date=${day}`).catch(() => [])]);
  // A subject teacher reads no class list of the school: the classes and groups they teach come with their names from
  // what they teach, so their lessons say «5А», not an id.
  const taught = teaching.filter((x) => x.schoolId === schoolId);
  const classes = listed.length ? listed : [...new Map(taught.filter((x) => x.classId && x.grade !== null && x.grade !== undefined)
    .map((x) => [x.classId, { id: x.classId, grade: x.grade, letter: x.name.substring(String(x.grade).length) }])).values()];
  classes.sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru'));
  staff.sort((a, b) => shortName(a).localeCompare(shortName(b), 'ru'));
  const names = new Map();
  taught.forEach((x) => names.set(x.classId || x.groupId, x.name));
  classes.forEach((c) => names.set(c.id, `${c.grade}${c.letter}`));
  groups.forEach((g) => names.set(g.id, g.name));
  staff.forEach((p) => names.set(p.id, shortName(p)));
  return { classes, groups, staff, name: (x) => (x ? names.get(x) || x : '') };
}
