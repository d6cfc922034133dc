// The class teacher's delivery log: every diary message about the class's students, its state and retries.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, el, errorText, isoDate, addDays, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'dl.title': 'Оповещения семей', 'dl.class': 'Класс', 'dl.from': 'С', 'dl.to': 'По', 'dl.show': 'Показать', 'dl.when': 'Создано',
  'dl.to_': 'Кому', 'dl.subject': 'Тема', 'dl.status': 'Состояние', 'dl.attempts': 'Попыток', 'dl.error': 'Ошибка', 'dl.retry': 'Повторить',
  'dl.none': 'За эти дни оповещений не было.', 'dl.noClass': 'Вы не классный руководитель ни одного класса.',
  'dl.status.PENDING': 'в очереди', 'dl.status.SENDING': 'отправляется', 'dl.status.SENT': 'доставлено', 'dl.status.FAILED': 'не доставлено',
});
Object.assign(TEXTS.en, {
  'dl.title': 'Family notifications', 'dl.class': 'Class', 'dl.from': 'From', 'dl.to': 'To', 'dl.show': 'Show', 'dl.when': 'Created',
  'dl.to_': 'To', 'dl.subject': 'Subject', 'dl.status': 'State', 'dl.attempts': 'Attempts', 'dl.error': 'Error', 'dl.retry': 'Retry',
  'dl.none': 'No notifications in these days.', 'dl.noClass': 'You lead no class.',
  'dl.status.PENDING': 'queued', 'dl.status.SENDING': 'sending', 'dl.status.SENT': 'delivered', 'dl.status.FAILED': 'failed',
});

function when(iso) {
  return iso ? new Date(iso).toLocaleString(localStorage.getItem('zhurnal.lang') === 'en' ? 'en-GB' : 'ru-RU') : '';
}

async function show() {
  const klass = $('klass').value;
  if (!klass) return;
  say($('status'), '', t('page.loading'));
  try {
    const q = new URLSearchParams({ from: $('from').value, to: $('to').value });
    const rows = await api('GET', `diary/classes/${encodeURIComponent(klass)}/deliveries?${q}`);
    const head = el('tr');
    [t('dl.when'), t('dl.to_'), t('dl.subject'), t('dl.status'), t('dl.attempts'), t('dl.error'), ''].forEach((h) => head.append(el('th', null, h)));
    $('log').replaceChildren(head, ...rows.map((m) => {
      const tr = el('tr');
      tr.dataset.message = m.id;
      tr.append(el('td', null, when(m.createdAt)), el('td', null, `${m.recipientName || ''} <${m.address}>`), el('td', null, m.subject),
        el('td', m.status === 'FAILED' ? 'bad' : m.status === 'SENT' ? 'good' : '', t('dl.status.' + m.status)),
        el('td', 'n', String(m.attempts)), el('td', 'hint', m.lastError || ''));
      const td = el('td');
      if (m.status === 'FAILED') {
        const b = el('button', 'btn small', t('dl.retry'));
        b.type = 'button';
        b.addEventListener('click', async () => {
          try { await api('POST', `diary/outbox/${m.id}/retry`); show(); } catch (e) { say($('status'), 'bad', errorText(e)); }
        });
        td.append(b);
      }
      tr.append(td);
      return tr;
    }));
    say($('status'), '', ...(rows.length ? [] : [t('dl.none')]));
  } catch (e) {
    say($('status'), 'bad', errorText(e));
  }
}

async function init() {
  translate();
  $('to').value = isoDate();
  $('from').value = addDays(isoDate(), -30);
  try {
    const classes = await api('GET', 'diary/classes');
    if (!classes.length) { say($('status'), '', t('dl.noClass')); return; }
    classes.forEach((c) => { const o = el('option', null, c.name); o.value = c.id; $('klass').append(o); });
  } catch (e) { say($('status'), 'bad', errorText(e)); return; }
  show();
}

$('filter').addEventListener('submit', (ev) => { ev.preventDefault(); show(); });
onLanguageChange(() => { translate(); show(); });
init();
