// The class teacher's delivery log: every diary message about the class's students, its state and retries.
import { api, TEXTS, t, translate } from '/i18n.js';
import { $, el, errorText, date, isoDate, addDays, latestOnly, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'dl.title': 'Оповещения семей', 'dl.class': 'Класс', 'dl.from': 'С', 'dl.to': 'По', 'dl.show': 'Показать', 'dl.when': 'Создано',
  'dl.to_': 'Кому', 'dl.subject': 'Тема', 'dl.status': 'Состояние', 'dl.attempts': 'Попыток', 'dl.error': 'Ошибка', 'dl.retry': 'Повторить',
  'dl.none': 'За эти дни оповещений не было.', 'dl.noClass': 'Вы не классный руководитель ни одного класса.',
  'dl.log': 'Журнал оповещений', 'pr.title': 'Распечатки для семей без электронного доступа', 'pr.week': 'Неделя (любой день)',
  'pr.pdf': 'Скачать PDF', 'pr.student': 'Ученик', 'pr.guardians': 'Кому', 'pr.handed': 'Выдана', 'pr.hand': 'Отметить выдачу',
  'pr.ready': 'Неделя {from}–{to}; сводки готовы с {ready}.', 'pr.none': 'В классе нет семей без электронного доступа.',
  'dl.status.PENDING': 'в очереди', 'dl.status.SENDING': 'отправляется', 'dl.status.SENT': 'доставлено', 'dl.status.FAILED': 'не доставлено',
  'dl.technical': 'Подробности для администратора', 'pr.notReady': 'можно отметить с {ready}',
});
Object.assign(TEXTS.en, {
  'dl.title': 'Family notifications', 'dl.class': 'Class', 'dl.from': 'From', 'dl.to': 'To', 'dl.show': 'Show', 'dl.when': 'Created',
  'dl.to_': 'To', 'dl.subject': 'Subject', 'dl.status': 'State', 'dl.attempts': 'Attempts', 'dl.error': 'Error', 'dl.retry': 'Retry',
  'dl.none': 'No notifications in these days.', 'dl.noClass': 'You lead no class.',
  'dl.log': 'Notification log', 'pr.title': 'Printouts for families without electronic access', 'pr.week': 'Week (any day)',
  'pr.pdf': 'Download PDF', 'pr.student': 'Student', 'pr.guardians': 'For', 'pr.handed': 'Handed over', 'pr.hand': 'Mark handed over',
  'pr.ready': 'Week {from}–{to}; printouts are ready from {ready}.', 'pr.none': 'No family in the class lacks electronic access.',
  'dl.status.PENDING': 'queued', 'dl.status.SENDING': 'sending', 'dl.status.SENT': 'delivered', 'dl.status.FAILED': 'failed',
  'dl.technical': 'Details for the administrator', 'pr.notReady': 'can be marked from {ready}',
});

function when(iso) {
  return iso ? new Date(iso).toLocaleString(localStorage.getItem('zhurnal.lang') === 'en' ? 'en-GB' : 'ru-RU') : '';
}

const nextShow = latestOnly(); // only the answer to the latest filter is drawn

/**
 * Why a message is not delivered: the server's explanation in the page's language («Почтовый сервер недоступен; письмо будет
 * отправлено повторно»); the technical error folded away for an administrator (a tooltip never shows on a touch screen).
 */
function errorCell(m) {
  const td = el('td', 'error');
  if (!m.lastError) return td;
  td.append(el('div', m.status === 'FAILED' ? 'bad' : null, m.failure || m.lastError));
  if (m.failure) {
    const more = el('details', 'hint');
    more.append(el('summary', null, t('dl.technical')), el('code', null, m.lastError));
    td.append(more);
  }
  return td;
}

async function show() {
  const klass = $('klass').value;
  if (!klass) return;
  const current = nextShow();
  say($('status'), '', t('page.loading'));
  try {
    const q = new URLSearchParams({ from: $('from').value, to: $('to').value });
    const rows = await api('GET', `diary/classes/${encodeURIComponent(klass)}/deliveries?${q}`);
    if (!current()) return;
    const head = el('tr');
    [t('dl.when'), t('dl.to_'), t('dl.subject'), t('dl.status'), t('dl.attempts'), t('dl.error'), ''].forEach((h) => head.append(el('th', null, h)));
    $('log').replaceChildren(head, ...rows.map((m) => {
      const tr = el('tr');
      tr.dataset.message = m.id;
      tr.append(el('td', null, when(m.createdAt)), el('td', null, `${m.recipientName || ''} <${m.address}>`), el('td', null, m.subject),
        el('td', m.status === 'FAILED' ? 'bad' : m.status === 'SENT' ? 'good' : '', t('dl.status.' + m.status)),
        el('td', 'n', String(m.attempts)), errorCell(m));
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
    if (current()) say($('status'), 'bad', errorText(e));
  }
}

async function showPrintouts() {
  const klass = $('klass').value;
  if (!klass) return;
  const q = $('week').value ? `?week=${$('week').value}` : '';
  $('prPdf').href = `/api/v1/diary/classes/${encodeURIComponent(klass)}/printouts.pdf${q}`;
  try {
    const p = await api('GET', `diary/classes/${encodeURIComponent(klass)}/printouts${q}`);
    if (!$('week').value) $('week').value = p.week;
    $('prStatus').textContent = p.students.length ? t('pr.ready', { from: date(p.week), to: date(addDays(p.week, 6)), ready: date(p.readyFrom) })
      : t('pr.none');
    const head = el('tr');
    [t('pr.student'), t('pr.guardians'), t('pr.handed')].forEach((h) => head.append(el('th', null, h)));
    $('printouts').replaceChildren(head, ...p.students.map((r) => {
      const tr = el('tr');
      tr.dataset.student = r.studentId;
      const handed = el('td');
      if (r.handedAt) {
        handed.append(`${when(r.handedAt)} (${r.handedByName || r.handedBy})`);
        if (r.handedByName && r.handedByName !== r.handedBy) handed.title = r.handedBy; // the login, for an administrator
      } else if (isoDate() < p.readyFrom) {
        handed.append(el('span', 'hint', t('pr.notReady', { ready: date(p.readyFrom) }))); // the server refuses it before (409)
      } else {
        const b = el('button', 'btn small', t('pr.hand'));
        b.type = 'button';
        b.addEventListener('click', async () => {
          try { await api('PUT', `diary/classes/${encodeURIComponent(klass)}/printouts/${r.studentId}?week=${p.week}`); showPrintouts(); }
          catch (e) { say($('status'), 'bad', errorText(e)); }
        });
        handed.append(b);
      }
      tr.append(el('td', null, r.studentName), el('td', null, r.guardians.join(', ')), handed);
      return tr;
    }));
  } catch (e) { say($('status'), 'bad', errorText(e)); }
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
  showPrintouts();
}

$('filter').addEventListener('submit', (ev) => { ev.preventDefault(); show(); showPrintouts(); });
$('prFilter').addEventListener('submit', (ev) => { ev.preventDefault(); showPrintouts(); });
onLanguageChange(() => { translate(); show(); showPrintouts(); });
init();
