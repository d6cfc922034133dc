// Helpers shared by the module pages shown in the shell's frame (the shell's own script, app.js, runs the
// shell itself and so cannot be imported by a page). Everything writes text nodes only: no innerHTML.
import { api, lang, t, TEXTS } from '/i18n.js';

Object.assign(TEXTS.ru, {
  'page.error': 'Ошибка: {detail}', 'page.field': 'поле «{field}»', 'page.school': 'Школа', 'page.loading': 'Загрузка…',
  'page.saved': 'Сохранено.', 'page.noSchools': 'Нет доступных школ.',
});
Object.assign(TEXTS.en, {
  'page.error': 'Error: {detail}', 'page.field': 'field “{field}”', 'page.school': 'School', 'page.loading': 'Loading…',
  'page.saved': 'Saved.', 'page.noSchools': 'No schools are available to you.',
});

export const $ = (id) => document.getElementById(id);

/** Creates an element with optional class and text. */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

/** Shows a message in a status element; kind is 'good', 'bad' or ''. Content: a string or nodes. */
export function say(target, kind, ...content) {
  target.className = 'message' + (kind ? ' ' + kind : '');
  target.replaceChildren(...content);
  target.hidden = content.length === 0;
}

/**
 * The text of an error thrown by api(): the problem's detail. In English it names the request's field when the problem
 * has one (the API's terms); the Russian texts say what is wrong in words and never show a field path («поле «value»»).
 */
export function problemText(err) {
  const p = err && err.problem;
  const detail = (p && (p.detail || p.title)) || (err && err.message) || String(err);
  const named = (field) => (field && lang() !== 'ru' ? `${t('page.field', { field })}: ` : '');
  if (p && Array.isArray(p.errors) && p.errors.length > 1) {
    return p.errors.map((e) => named(e.field) + (e.message || e.detail || '')).join('; ');
  }
  return p && p.field ? `${named(p.field)}${detail}` : detail;
}

export function errorText(err) {
  return t('page.error', { detail: problemText(err) });
}

/** «yyyy-MM-dd» as «dd.MM.yyyy» (both languages use day-first dates here). */
export function date(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * The platform's time now, as a Date: the browser's clock corrected by the offset the shell kept at sign-in (app.js), so
 * that «today» is the platform's day even when the school computer's clock is wrong or a training instance's was moved.
 */
export function now() {
  const offset = Number(localStorage.getItem('zhurnal.clockOffset'));
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}

/** A local date as «yyyy-MM-dd»; without an argument, the platform's today ({@link now}). */
export function isoDate(d = now()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** «yyyy-MM-dd» plus days, as «yyyy-MM-dd». */
export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return isoDate(new Date(y, m - 1, d + days));
}

/** The Monday of the week of an ISO date. */
export function mondayOf(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const wd = (new Date(y, m - 1, d).getDay() + 6) % 7;
  return addDays(iso, -wd);
}

/** The academic year a date belongs to (2026 = 2026/2027: it starts in September). */
export function academicYearOf(iso) {
  const [y, m] = iso.split('-').map(Number);
  return m >= 8 ? y : y - 1;
}

/** Calls fn when the shell switches the language (the shell writes localStorage; this frame hears it). */
export function onLanguageChange(fn) {
  window.addEventListener('storage', (ev) => { if (ev.key === 'zhurnal.lang') fn(lang()); });
}

/** The schools the caller may see, by short name. */
export async function schools() {
  const list = await api('GET', 'schools');
  return list.sort((a, b) => (a.shortName || '').localeCompare(b.shortName || '', 'ru'));
}

/**
 * Fills the school <select> with the caller's schools (its label hidden when there is only one) and answers them;
 * throws when there is none. The query parameter schoolId, when given and visible, is chosen.
 */
export async function chooseSchool(select, label) {
  const list = await schools();
  if (!list.length) throw new Error(t('page.noSchools'));
  fillSelect(select, list.map((s) => [s.id, s.shortName || s.fullName || s.id]), new URLSearchParams(location.search).get('schoolId') || undefined);
  label.hidden = list.length < 2;
  return list;
}

/** Fills a <select> with [value, label] pairs, keeping the current choice if it is still offered. */
export function fillSelect(select, pairs, keep) {
  select.replaceChildren(...pairs.map(([value, label]) => {
    const o = el('option', null, label);
    o.value = value;
    return o;
  }));
  if (keep !== undefined && pairs.some(([v]) => v === keep)) select.value = keep;
}

/**
 * A random UUID for Idempotency-Key headers. crypto.randomUUID() exists only in secure contexts (HTTPS or
 * localhost); a school server reached over plain HTTP on the LAN still has getRandomValues().
 */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Keeps only the answer to the latest of several overlapping loads (a user switching schools quickly):
 * `const next = latestOnly();` then per load `const current = next(); await ...; if (!current()) return;`.
 */
export function latestOnly() {
  let n = 0;
  return () => {
    const mine = ++n;
    return () => mine === n;
  };
}

/** The roles the signed-in user holds in any scope (from auth/me). */
export async function myRoles() {
  const me = await api('GET', 'auth/me');
  return new Set((me.grants || []).map((g) => g.role));
}
