// Shared helpers of the roster pages: texts used by both, schools, raw (non-JSON) API calls.
import { lang, TEXTS, t } from '/i18n.js';
import { el } from '/page.js';

Object.assign(TEXTS.ru, {
  'roster.school': 'Школа', 'roster.noSchools': 'Нет доступных школ.', 'roster.loading': 'Загрузка…',
  'roster.error': 'Ошибка: {detail}',
});
Object.assign(TEXTS.en, {
  'roster.school': 'School', 'roster.noSchools': 'No schools are available to you.', 'roster.loading': 'Loading…',
  'roster.error': 'Error: {detail}',
});

// Generic page helpers live in the shell (/page.js), shared with the other modules' pages.
export { $, el, say, date, onLanguageChange, schools, now } from '/page.js';

export function cookie(name) {
  const m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
  return m ? decodeURIComponent(m[1]) : '';
}

/**
 * A call whose body or answer is not JSON (file upload, PDF download). Answers the Response when ok;
 * otherwise throws an Error carrying status and the problem document, like api() does.
 */
export async function rawCall(method, path, body, headers = {}) {
  const h = { 'X-CSRF-Token': cookie('ZHURNAL_CSRF'), 'Accept-Language': lang(), ...headers };
  const r = await fetch('/api/v1/' + path, { method, headers: h, credentials: 'same-origin', body });
  if (r.ok) return r;
  let problem = null;
  try { problem = await r.json(); } catch (e) { /* not a problem document */ }
  const err = new Error((problem && problem.detail) || r.statusText || String(r.status));
  err.status = r.status;
  err.problem = problem;
  throw err;
}

/** Offers a blob as a file download (no inline script: an object URL and a temporary <a download>). */
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Fills a <select> with schools, keeping the current choice if still there. */
export function fillSchools(select, list, keep) {
  select.replaceChildren(...list.map((s) => {
    const o = el('option', null, s.shortName || s.fullName || s.id);
    o.value = s.id;
    if (s.fullName) o.title = s.fullName;
    return o;
  }));
  if (keep && list.some((s) => s.id === keep)) select.value = keep;
}

export function errorText(err) {
  return t('roster.error', { detail: err.message });
}
