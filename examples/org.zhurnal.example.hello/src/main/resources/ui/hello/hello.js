import { api, TEXTS, translate } from '/i18n.js';

TEXTS.ru['hello.title'] = 'Пример модуля';
TEXTS.en['hello.title'] = 'Example module';
translate();
const me = await api('GET', 'auth/me');
const r = await api('GET', 'hello?name=' + encodeURIComponent(me.displayName));
document.getElementById('greeting').textContent = r.message;
