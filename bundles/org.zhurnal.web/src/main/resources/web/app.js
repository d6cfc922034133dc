import { api, lang, setLang, t, translate } from '/i18n.js';

const $ = (id) => document.getElementById(id);
let me = null;

function show(view) {
  for (const v of ['login-view', 'password-view', 'shell-view']) $(v).hidden = v !== view;
  $('logout').hidden = view === 'login-view';
}

/**
 * Keeps how far the platform's clock is from this browser's (auth/me's «now»): the pages take «today» by the platform
 * (page.js), not by a school computer's clock that may be wrong, nor miss a training instance's moved clock.
 */
function keepClock(account) {
  if (account && Number.isFinite(account.now)) localStorage.setItem('zhurnal.clockOffset', String(account.now - Date.now()));
}

function showError(el, text) { el.textContent = text; el.hidden = !text; }

async function start() {
  translate();
  try {
    me = await api('GET', 'auth/me');
    keepClock(me);
  } catch (e) {
    me = null;
  }
  if (!me) { show('login-view'); $('login').focus(); return; }
  $('user').textContent = me.displayName;
  if (me.mustChangePassword) { openPassword(true); return; }
  await openShell();
}

function openPassword(temporary) {
  show(temporary ? 'password-view' : 'shell-view');
  if (!temporary) { $('password-view').hidden = false; $('home-view').hidden = true; $('page').hidden = true; }
  $('password-hint').textContent = temporary ? t('password.temporary') : t('password.hint');
  showError($('password-error'), '');
  $('password-ok').hidden = true;
  $('current-password').focus();
}

/** Roles that run the platform: they see its modules on the home page (nobody else needs bundle versions). */
const OPERATORS = ['SYSTEM_ADMIN', 'MUNICIPAL_ADMIN'];

async function openShell() {
  show('shell-view');
  $('password-view').hidden = true;
  $('welcome').textContent = t('home.welcome', { name: me.displayName });
  const menu = $('menu');
  menu.querySelectorAll('.contrib').forEach((a) => a.remove());
  let entries = [];
  try {
    entries = await api('GET', 'ui/contributions');
  } catch (e) { /* menu stays minimal */ }
  const link = (c, cls) => {
    const a = document.createElement('a');
    a.className = cls;
    a.href = '#page:' + c.path;
    a.textContent = c.titles[lang()] || c.titles.ru;
    return a;
  };
  for (const c of entries) menu.appendChild(link(c, 'menu-item contrib'));
  $('shortcuts').replaceChildren(...entries.map((c) => {
    const li = document.createElement('li');
    li.appendChild(link(c, 'shortcut'));
    return li;
  }));
  // Opening the site (or signing in) without a chosen page starts on the user's everyday page, decided in the same
  // task that fills the menu: a teacher starts on «Today», a family on the diary, everyone else on the home page.
  const landing = entries.find((c) => c.landing);
  if (landing && (location.hash === '' || location.hash === '#')) location.hash = '#page:' + landing.path;
  const operator = (me.grants || []).some((g) => OPERATORS.includes(g.role));
  $('ops').hidden = !operator;
  if (operator) {
    try {
      const h = await fetch('/api/v1/health').then((r) => r.json());
      $('modules').replaceChildren(...h.modules.map((m) => {
        const li = document.createElement('li');
        li.textContent = `${m.name} ${m.version} — ${m.state}`;
        return li;
      }));
    } catch (e) { /* optional */ }
  }
  route();
}

/**
 * On a phone the module page in the frame takes the height of its content, so the shell's page is the one scroll area
 * (a frame of a fixed height inside a scrolling page made two); on a wider screen the frame keeps its own scrolling (the
 * journal grid's sticky headers need it). Same origin: the frame's document is readable.
 */
const phone = window.matchMedia('(max-width: 700px)');
let frameObserver = null;
function fitFrame() {
  const f = $('page');
  if (frameObserver) { frameObserver.disconnect(); frameObserver = null; }
  f.style.height = '';
  const doc = f.contentDocument;
  if (!phone.matches || !doc || !doc.body) return;
  const size = () => { f.style.height = `${doc.documentElement.scrollHeight}px`; };
  size();
  frameObserver = new f.contentWindow.ResizeObserver(size);
  frameObserver.observe(doc.body);
}
$('page').addEventListener('load', fitFrame);
phone.addEventListener('change', fitFrame);

function route() {
  if (!me || me.mustChangePassword) return;
  const h = location.hash;
  if (h === '#password') { openPassword(false); return; }
  $('password-view').hidden = true;
  if (h.startsWith('#page:')) {
    $('home-view').hidden = true;
    const f = $('page');
    f.hidden = false;
    const src = h.substring(6);
    if (src.startsWith('/ui/') && f.getAttribute('src') !== src) f.src = src;
  } else {
    $('home-view').hidden = false;
    $('page').hidden = true;
  }
}

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const login = $('login').value.trim();
  const password = $('password').value;
  if (!login || !password) { showError($('login-error'), t('auth.required')); return; }
  try {
    const r = await api('POST', 'auth/login', { login, password });
    me = r.account;
    keepClock(me);
    $('password').value = '';
    showError($('login-error'), '');
    $('user').textContent = me.displayName;
    if (me.mustChangePassword) openPassword(true); else await openShell();
  } catch (e) {
    showError($('login-error'), e.status === 429 ? t('auth.locked') : e.status === 401 ? t('auth.wrong') : t('error.generic', { detail: e.message }));
  }
});

$('password-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const current = $('current-password').value;
  const next = $('new-password').value;
  if (next !== $('new-password2').value) { showError($('password-error'), t('password.mismatch')); return; }
  try {
    await api('POST', 'auth/password', { currentPassword: current, newPassword: next });
    for (const id of ['current-password', 'new-password', 'new-password2']) $(id).value = '';
    showError($('password-error'), '');
    me.mustChangePassword = false;
    $('password-ok').hidden = false;
    setTimeout(() => { location.hash = ''; openShell(); }, 600);
  } catch (e) {
    showError($('password-error'), t('error.generic', { detail: e.message }));
  }
});

$('logout').addEventListener('click', async () => {
  try { await api('POST', 'auth/logout'); } catch (e) { /* already signed out */ }
  me = null;
  location.hash = '';
  show('login-view');
});

document.querySelectorAll('.lang').forEach((b) => b.addEventListener('click', () => {
  setLang(b.dataset.lang);
  translate();
  if (me && !me.mustChangePassword) openShell();
}));

window.addEventListener('hashchange', route);
start();
