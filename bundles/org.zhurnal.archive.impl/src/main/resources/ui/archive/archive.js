// The school's signed archive: documents by academic year (download, verify one or all), closing a year into the
// archive (the summary sheets of every class, signed; refused while a period is open, the server names them) and the
// export to the configured targets.
import { api, lang, TEXTS, t, translate } from '/i18n.js';
import { $, academicYearOf, chooseSchool, el, errorText, fillSelect, isoDate, latestOnly, onLanguageChange, say } from '/page.js';

Object.assign(TEXTS.ru, {
  'arch.title': 'Архив', 'arch.year': 'Учебный год', 'arch.allYears': 'все годы', 'arch.document': 'Документ', 'arch.yearShort': 'Год',
  'arch.version': 'Версия', 'arch.created': 'Сдан', 'arch.size': 'Размер', 'arch.check': 'Проверка', 'arch.download': 'Скачать',
  'arch.verify': 'Проверить', 'arch.verifyAll': 'Проверить все документы', 'arch.export': 'Выгрузить архив',
  'arch.hint': 'Документы архива подписаны электронной подписью школы и не изменяются: исправленный документ сдаётся новой версией. '
    + 'Проверка сверяет содержимое с подписью.',
  'arch.closeTitle': 'Сдать учебный год в архив',
  'arch.closeHint': 'Когда все учебные периоды года закрыты, сводные ведомости итоговых оценок всех классов подписываются и сдаются в '
    + 'архив. Повторная сдача добавляет только недостающие.',
  'arch.close': 'Сдать {years} в архив', 'arch.closeAsk': 'Сдать {years} учебный год в архив? Сводные ведомости всех классов будут '
    + 'подписаны и сохранены без права изменения.',
  'arch.closed': 'Сдано в архив: {created}; уже были в архиве: {existing}.', 'arch.none': 'В архиве нет документов за этот год.',
  'arch.OK': 'цел, подпись верна', 'arch.CONTENT_MISSING': 'файл отсутствует', 'arch.CONTENT_HASH_MISMATCH': 'содержимое изменено',
  'arch.SIGNATURE_INVALID': 'подпись неверна', 'arch.CERTIFICATE_NOT_TRUSTED': 'сертификат не доверенный',
  'arch.verifiedAll': 'Проверено документов: {n}; все целы, подписи верны.', 'arch.verifiedBad': 'Проверено документов: {n}; с нарушениями: {bad}.',
  'arch.exported': 'Выгружено документов: {n}.', 'arch.exportTarget': '{dir}: {result}', 'arch.exportOk': 'выгружено',
  'arch.by': '{date}, {who}', 'arch.kb': '{n} КБ',
});
Object.assign(TEXTS.en, {
  'arch.title': 'Archive', 'arch.year': 'School year', 'arch.allYears': 'all years', 'arch.document': 'Document', 'arch.yearShort': 'Year',
  'arch.version': 'Version', 'arch.created': 'Archived', 'arch.size': 'Size', 'arch.check': 'Check', 'arch.download': 'Download',
  'arch.verify': 'Verify', 'arch.verifyAll': 'Verify every document', 'arch.export': 'Export the archive',
  'arch.hint': 'Archived documents carry the school\'s electronic signature and never change: a corrected document is archived as a new '
    + 'version. Verifying checks the content against the signature.',
  'arch.closeTitle': 'Archive the school year',
  'arch.closeHint': 'Once every reporting period of the year is closed, the final-grades summary sheets of all classes are signed and '
    + 'archived. Archiving again adds only the missing ones.',
  'arch.close': 'Archive {years}', 'arch.closeAsk': 'Archive the school year {years}? The summary sheets of all classes will be signed and '
    + 'kept unchangeable.',
  'arch.closed': 'Archived: {created}; already in the archive: {existing}.', 'arch.none': 'No documents of this year in the archive.',
  'arch.OK': 'intact, signature valid', 'arch.CONTENT_MISSING': 'file missing', 'arch.CONTENT_HASH_MISMATCH': 'content changed',
  'arch.SIGNATURE_INVALID': 'signature invalid', 'arch.CERTIFICATE_NOT_TRUSTED': 'certificate not trusted',
  'arch.verifiedAll': 'Documents verified: {n}; all intact, signatures valid.', 'arch.verifiedBad': 'Documents verified: {n}; with problems: {bad}.',
  'arch.exported': 'Documents exported: {n}.', 'arch.exportTarget': '{dir}: {result}', 'arch.exportOk': 'exported',
  'arch.by': '{date}, {who}', 'arch.kb': '{n} KB',
});

const nextLoad = latestOnly(); // a quick change of school or year draws only the last answer
const school = () => encodeURIComponent($('school').value);
const years = (y) => `${y}/${Number(y) + 1}`;
let checks = new Map(); // document id → verification, kept while the list is redrawn

function checkText(v) {
  return t('arch.' + v.status);
}

function documentRow(d) {
  const tr = el('tr');
  tr.dataset.document = d.id;
  tr.appendChild(el('td', null, d.title));
  tr.appendChild(el('td', null, years(d.academicYear)));
  tr.appendChild(el('td', 'n', String(d.version)));
  const when = new Date(d.createdAt).toLocaleString(lang() === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeStyle: 'short' });
  tr.appendChild(el('td', null, t('arch.by', { date: when, who: d.createdBy })));
  tr.appendChild(el('td', 'n', t('arch.kb', { n: Math.max(1, Math.round(d.size / 1024)) })));
  const v = checks.get(d.id);
  tr.appendChild(el('td', v ? (v.ok || v.status === 'OK' ? 'check good' : 'check bad') : 'check', v ? checkText(v) : ''));
  const td = el('td');
  const a = el('a', 'btn small', t('arch.download'));
  a.href = `/api/v1/archive/documents/${encodeURIComponent(d.id)}`;
  a.setAttribute('download', d.fileName);
  const b = el('button', 'btn small', t('arch.verify'));
  b.type = 'button';
  b.addEventListener('click', async () => {
    try {
      checks.set(d.id, await api('GET', `archive/documents/${encodeURIComponent(d.id)}/verify`));
      tr.replaceWith(documentRow(d));
    } catch (e) {
      say($('status'), 'bad', errorText(e));
    }
  });
  td.append(a, ' ', b);
  tr.appendChild(td);
  return tr;
}

async function loadYears() {
  const list = await api('GET', `calendar/schools/${school()}/years`).catch(() => []);
  const current = academicYearOf(isoDate());
  const known = [...new Set([...list.map((y) => y.year), current])].sort((a, b) => b - a);
  fillSelect($('year'), [...known.map((y) => [String(y), years(y)]), ['', t('arch.allYears')]], $('year').value || String(current));
}

async function load() {
  const fresh = nextLoad();
  const y = $('year').value;
  $('close-year').textContent = t('arch.close', { years: years(y || academicYearOf(isoDate())) });
  $('close-year').disabled = !y;
  try {
    const docs = await api('GET', `archive/schools/${school()}/documents${y ? `?year=${y}` : ''}`);
    if (!fresh()) return;
    $('documents').replaceChildren(...docs.map(documentRow));
    $('none').hidden = docs.length > 0;
    say($('status'), '');
  } catch (e) {
    if (fresh()) say($('status'), 'bad', errorText(e));
  }
}

async function act(run) {
  const result = $('action-result');
  say(result, '', t('page.loading'));
  try {
    say(result, 'good', await run());
  } catch (e) {
    say(result, 'bad', errorText(e));
  }
  await load();
}

$('close-year').addEventListener('click', () => {
  const y = $('year').value;
  if (!y || !window.confirm(t('arch.closeAsk', { years: years(y) }))) return;
  act(async () => {
    const r = await api('POST', `archive/schools/${school()}/years/${y}/close`);
    return t('arch.closed', { created: r.created.length, existing: r.alreadyArchived.length });
  });
});

$('verify-all').addEventListener('click', () => act(async () => {
  const list = await api('POST', `archive/schools/${school()}/verify`);
  list.forEach((v) => checks.set(v.documentId, v));
  const bad = list.filter((v) => v.status !== 'OK').length;
  return bad ? t('arch.verifiedBad', { n: list.length, bad }) : t('arch.verifiedAll', { n: list.length });
}));

$('export').addEventListener('click', () => act(async () => {
  const r = await api('POST', `archive/schools/${school()}/export`);
  const targets = r.targets.map((x) => t('arch.exportTarget', { dir: x.directory, result: x.ok ? t('arch.exportOk') : x.error }));
  return [t('arch.exported', { n: r.documents }), ...targets].join(' ');
}));

$('school').addEventListener('change', () => { checks = new Map(); loadYears().then(load); });
$('year').addEventListener('change', () => load());
onLanguageChange(() => { translate(); loadYears().then(load); });

translate();
chooseSchool($('school'), $('school-label')).then(loadYears).then(load).catch((e) => say($('status'), 'bad', errorText(e)));
