// Interface texts. Russian is the default; English is switchable. Module pages use the same helper.
export const TEXTS = {
  ru: {
    'app.name': 'Журнал', 'app.language': 'язык', 'app.menu': 'меню', 'app.page': 'раздел', 'app.classes': 'классы',
    'auth.title': 'Вход в систему', 'auth.login': 'Логин', 'auth.password': 'Пароль', 'auth.submit': 'Войти',
    'auth.logout': 'Выйти', 'auth.wrong': 'Неверный логин или пароль', 'auth.locked': 'Слишком много неудачных попыток. Повторите позже.',
    'auth.required': 'Введите логин и пароль',
    'password.title': 'Смена пароля', 'password.hint': 'Установите новый пароль: не короче 10 символов.',
    'password.temporary': 'У вас временный пароль. Чтобы продолжить, установите свой пароль.',
    'password.current': 'Текущий пароль', 'password.new': 'Новый пароль', 'password.repeat': 'Повторите новый пароль',
    'password.submit': 'Сменить пароль', 'password.mismatch': 'Пароли не совпадают', 'password.done': 'Пароль изменён.',
    'menu.home': 'Главная', 'menu.password': 'Сменить пароль',
    'home.welcome': 'Здравствуйте, {name}!', 'home.intro': 'Выберите раздел в меню.', 'home.modules': 'Модули системы',
    'error.generic': 'Ошибка: {detail}',
  },
  en: {
    'app.name': 'Zhurnal', 'app.language': 'language', 'app.menu': 'menu', 'app.page': 'section', 'app.classes': 'classes',
    'auth.title': 'Sign in', 'auth.login': 'Login', 'auth.password': 'Password', 'auth.submit': 'Sign in',
    'auth.logout': 'Sign out', 'auth.wrong': 'Wrong login or password', 'auth.locked': 'Too many failed attempts. Try again later.',
    'auth.required': 'Enter your login and password',
    'password.title': 'Change password', 'password.hint': 'Choose a new password of at least 10 characters.',
    'password.temporary': 'Your password is temporary. Choose your own password to continue.',
    'password.current': 'Current password', 'password.new': 'New password', 'password.repeat': 'Repeat the new password',
    'password.submit': 'Change password', 'password.mismatch': 'The passwords do not match', 'password.done': 'Password changed.',
    'menu.home': 'Home', 'menu.password': 'Change password',
    'home.welcome': 'Hello, {name}!', 'home.intro': 'Choose a section in the menu.', 'home.modules': 'System modules',
    'error.generic': 'Error: {detail}',
  },
};

export function lang() {
  const l = localStorage.getItem('zhurnal.lang');
  return l === 'en' ? 'en' : 'ru';
}

export function setLang(l) {
  localStorage.setItem('zhurnal.lang', l === 'en' ? 'en' : 'ru');
}

export function t(key, vars = {}) {
  const s = (TEXTS[lang()] && TEXTS[lang()][key]) || TEXTS.ru[key] || key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
}

export function translate(root = document) {
  document.documentElement.lang = lang();
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  // Names a screen reader speaks (aria-label) and frame titles, in the page's language too.
  root.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.setAttribute('title', t(el.dataset.i18nTitle)); });
}

function cookie(name) {
  const m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
  return m ? decodeURIComponent(m[1]) : '';
}

/**
 * Calls the REST API with the session cookie; writes carry the CSRF token; extra headers (e.g. Idempotency-Key)
 * are added; Accept-Language is the page's language. Throws an Error carrying status and the problem document on error.
 */
export async function api(method, path, body, extra = {}, attempt = 0) {
  // Problems come back in the page's language where the server has it (English otherwise).
  const headers = { Accept: 'application/json', 'Accept-Language': lang(), ...extra };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = cookie('ZHURNAL_CSRF');
  const r = await fetch('/api/v1/' + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  // A 503 with Retry-After (the database busy for a moment, the API still starting) is sent again where that is safe —
  // reads, and writes that carry an Idempotency-Key — at most twice, after the wait the server asks for (≤ 5 s).
  if (r.status === 503 && attempt < 2 && r.headers.get('Retry-After') && (method === 'GET' || headers['Idempotency-Key'])) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(5, Number(r.headers.get('Retry-After')) || 1) * 1000));
    return api(method, path, body, extra, attempt + 1);
  }
  const text = await r.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; /* e.g. a proxy's HTML error page */ }
  if (!r.ok) { const e = new Error((data && data.detail) || r.statusText); e.status = r.status; e.problem = data; throw e; }
  return data;
}
