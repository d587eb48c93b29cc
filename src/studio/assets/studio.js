// laurel studio: the dashboard. Data from the studio's JSON API; every text is put in with
// textContent (never as HTML), and this file is the page's only script (the
// Content-Security-Policy allows no inline script).
'use strict';

const KEY = document.querySelector('meta[name="laurel-key"]').content;
let MESSAGES = {};
const t = id => MESSAGES[id] || id;

/** An element with attributes (`class`, `hidden`, `on…` handlers) and children. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value == null) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

/** GET a JSON endpoint of the studio. */
async function getJson(path) {
  const response = await fetch(path, { headers: { 'X-Laurel-Key': KEY } });
  if (!response.ok) throw new Error(path + ': ' + response.status);
  return response.json();
}

/** A size in bytes as people read it. */
function bytesText(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

/** The address of an image of the site, by its path relative to the site folder. */
const fileUrl = path => '/api/file?path=' + encodeURIComponent(path);

/** The traffic light of a number of errors and warnings; grey while they are not known
 * (`undefined`: check still runs, `null`: it could not be done). */
function light(errors, warnings) {
  if (errors == null) {
    const state = errors === null ? 'unchecked' : 'checking';
    return el('span', { class: 'light ' + state, 'data-light': state },
      errors === null ? t('studio-unchecked') : t('studio-checking'));
  }
  const colour = errors ? 'red' : warnings ? 'amber' : 'green';
  const words = errors || warnings
    ? [errors ? errors + ' ' + t('studio-errors') : '', warnings ? warnings + ' ' + t('studio-warnings') : '']
      .filter(Boolean).join(' · ')
    : t('studio-clean');
  return el('span', { class: 'light ' + colour, 'data-light': colour }, words);
}

/** The words of the finding a link of the dashboard was followed from, for the nominee's
 * page to find it among its own. */
let WANTED = null;

/** A list of findings, each with its place and its fix; a nominee's (of `folder`) link to
 * the place that puts them right. On the nominee's own page (`own`) only the photos' and
 * videos' findings link away (to the photo panel): the others are on that page already. */
function findingList(findings, folder, own) {
  return el('ul', { class: 'findings' }, findings.map(f => el('li', { class: 'finding ' + f.severity },
    el('div', {}, f.message),
    f.fix ? el('div', { class: 'fix' }, t('studio-fix') + '：' + f.fix) : null,
    findingPlace(f, folder, own))));
}

/** Where a finding is: a nominee's opens their page at the field (or story) it is about, or
 * their photos and videos; the campaign's names site.yaml, which only a text editor changes. */
function findingPlace(f, folder, own) {
  const where = f.file + (f.line ? ':' + f.line : '');
  const media = /^(photo|portrait|video)/.test(f.rule);
  if (!folder || (own && !media)) {
    const site = /(^|\/)site\.yaml$/.test(f.file);
    return el('div', { class: 'where' }, site ? t('studio-in-site-yaml') + '：' + where : where);
  }
  const href = media ? '#media/' + encodeURIComponent(folder)
    : '#/nominee/' + encodeURIComponent(folder) + '/' + encodeURIComponent(f.message_id || f.rule);
  return el('div', { class: 'where' }, where + ' · ',
    el('a', { href, class: 'goto', onclick: () => { WANTED = f.message; } },
      media ? t('studio-goto-media') : t('studio-goto-field')));
}

/** A nominee's place in the round, in words. */
const statusWord = status => ({
  nominated: t('studio-status-nominated'),
  selected: t('studio-status-selected'),
  not_selected: t('studio-status-not-selected'),
})[status];

/** The address of the small thumbnail the dashboard shows of a portrait. */
const thumbUrl = path => '/api/thumb?path=' + encodeURIComponent(path);

/** Check's verdict on a nominee while it is not known: the light says 「检查中…」. */
const CHECKING = { errors: undefined, warnings: undefined, findings: [] };

/** Check's verdict on a nominee when check could not be done. */
const UNCHECKED = { errors: null, warnings: null, findings: [] };

/** A nominee's card, with check's verdict on them when it has come (`n.verdict`). */
function card(n) {
  const verdict = n.verdict === null ? UNCHECKED : n.verdict || CHECKING;
  const portrait = n.portrait
    ? el('img', { src: thumbUrl(n.portrait), alt: n.name, loading: 'lazy', decoding: 'async', width: 72, height: 96 })
    : el('div', { class: 'noportrait' }, n.loaded ? t('studio-no-portrait') : t('studio-unloaded'));
  const tags = [
    n.category && el('span', { class: 'tag' }, n.category),
    n.loaded && el('span', { class: 'tag ' + n.status }, statusWord(n.status)),
    n.province_pick && el('span', { class: 'tag' }, t('studio-province')),
    n.young && el('span', { class: 'tag' }, t('studio-young-mark')),
  ];
  return el('li', { class: 'card', 'data-folder': n.folder },
    portrait,
    el('div', {},
      el('h2', {}, el('a', { href: '#/nominee/' + encodeURIComponent(n.folder), class: 'open' }, n.name)),
      el('p', {}, n.organization || n.folder),
      n.recommender && el('p', {}, n.recommender + (n.channel ? '（' + n.channel + '）' : '')),
      el('div', { class: 'tags' }, tags),
      light(verdict.errors, verdict.warnings),
      n.loaded ? el('a', { class: 'media-link', href: '#media/' + encodeURIComponent(n.folder) }, t('studio-media-title')) : null),
    verdict.findings.length
      ? el('details', {}, el('summary', {}, t('studio-findings-total')), findingList(verdict.findings, n.folder))
      : null);
}

/** A number of the campaign against its rule: `bad` breaks it, `warn` is short of it. */
function count(value, label, state) {
  return el('div', { class: 'count ' + (state || '') }, el('b', {}, value), el('span', {}, label));
}

function countTiles(data) {
  const c = data.counts;
  const tiles = [count(String(data.nominees.length), t('studio-nominees'))];
  if (c) {
    const youngShort = c.young_counted && c.young * 100 < c.young_percent_min * c.young_counted;
    tiles.push(
      count(c.selected + ' / ' + c.laureates_max, t('studio-selected'), c.selected > c.laureates_max ? 'bad' : ''),
      count(c.province_picks + ' / ' + c.province_picks_wanted, t('studio-province'),
        c.province_picks !== c.province_picks_wanted ? 'warn' : ''),
      count(c.young + ' / ' + c.young_counted, t('studio-young') + '（' + t('studio-young-note') + ' '
        + c.young_percent_min + '%）', youngShort ? 'bad' : ''));
  }
  const v = data.verdict;
  tiles.push(count(v ? v.errors + ' / ' + v.warnings : t('studio-checking'), t('studio-errors') + ' / ' + t('studio-warnings'),
    !v ? '' : v.errors ? 'bad' : v.warnings ? 'warn' : ''));
  return el('div', { class: 'counts' }, tiles);
}

function unitTable(units) {
  return el('table', { class: 'units' }, el('tbody', {}, units.map(u => el('tr', { class: u.nominees > u.quota ? 'over' : '' },
    el('td', {}, u.unit, el('br'), el('small', {}, u.channel)),
    el('td', { class: 'n', title: u.nominees > u.quota ? t('studio-unit-over') : null }, u.nominees + ' / ' + u.quota)))));
}

/** POST JSON to the studio, with the session's key (the studio refuses writes without it). */
async function postJson(path, value) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'X-Laurel-Key': KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  });
  return { ok: response.ok, status: response.status, data: await response.json().catch(() => ({})) };
}

/** The form that adds a nominee's folder, as `laurel new` does. */
function newNomineeForm() {
  const name = el('input', { id: 'new-name', required: true, maxlength: 40, 'aria-label': t('studio-new-name'), placeholder: t('studio-new-name') });
  const said = el('output', { id: 'new-said' });
  const form = el('form', { class: 'new', id: 'new-nominee' }, el('h2', {}, t('studio-new')), name,
    el('button', { type: 'submit' }, t('studio-new-add')), said);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const { ok, data } = await postJson('/api/nominees', { name: name.value.trim() });
    if (!ok) { said.textContent = data.error || t('studio-load-failed'); return; }
    await showDashboard();
    document.getElementById('new-said').textContent = data.folder + '：' + t('studio-new-done');
  });
  return form;
}

/** What the filters keep of the nominees (the state filters keep none before check's verdict). */
function matches(n, query, category, state) {
  const text = [n.name, n.organization, n.recommender, n.folder].join(' ').toLowerCase();
  if (query && !text.includes(query.toLowerCase())) return false;
  if (category && n.category !== category) return false;
  const v = n.verdict || CHECKING;
  if (state === 'errors') return v.errors > 0;
  if (state === 'warnings') return v.errors === 0 && v.warnings > 0;
  if (state === 'clean') return v.errors === 0 && v.warnings === 0;
  return true;
}

/** Cards drawn at a time: the next ones when the list's end comes near the screen. */
const CARDS_AT_ONCE = 120;

/** The campaign-wide findings, or what stands in for them before and without check's verdict. */
function campaignFindings(data) {
  const v = data.verdict;
  return [el('h2', {}, t('studio-campaign-findings')),
    v === undefined ? el('p', {}, t('studio-checking'))
      : !v ? el('p', { class: 'message' }, t('studio-check-failed'))
        : v.findings.length ? findingList(v.findings) : el('p', {}, t('studio-no-campaign-findings'))];
}

/**
 * The dashboard of `data` (the cards): its nodes. Check's verdict is put in when the promise
 * `verdict` gives it (`null`: check could not be done), or at once when `data` has it (an
 * earlier year's dashboard).
 */
function dashboard(data, verdict) {
  const list = el('ul', { class: 'cards', id: 'cards' });
  const shown = el('output', { id: 'shown' });
  const search = el('input', { type: 'search', id: 'search', placeholder: t('studio-search'), 'aria-label': t('studio-search') });
  const category = el('select', { id: 'category', 'aria-label': t('studio-all-categories') },
    el('option', { value: '' }, t('studio-all-categories')), data.categories.map(c => el('option', { value: c }, c)));
  const state = el('select', { id: 'state', 'aria-label': t('studio-all-states') },
    [['', 'studio-all-states'], ['errors', 'studio-only-errors'], ['warnings', 'studio-only-warnings'], ['clean', 'studio-only-clean']]
      .map(([value, id]) => el('option', { value }, t(id))));
  // The filters run over every nominee; the cards they keep are drawn CARDS_AT_ONCE at a time.
  let kept = [];
  const more = el('li', { class: 'more' }, el('button', { type: 'button' }, t('studio-more')));
  const drawMore = () => {
    more.remove();
    const next = kept.slice(list.querySelectorAll('.card').length).slice(0, CARDS_AT_ONCE);
    list.append(...next.map(card));
    if (list.querySelectorAll('.card').length < kept.length) {
      list.append(more);
      // Observed anew, so that the end still on the screen draws the next batch at once.
      observer.unobserve(more);
      observer.observe(more);
    }
  };
  const observer = new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting) && more.isConnected) drawMore();
  }, { rootMargin: '800px' });
  more.querySelector('button').addEventListener('click', drawMore);
  const refresh = () => {
    kept = data.nominees.filter(n => matches(n, search.value.trim(), category.value, state.value));
    list.replaceChildren();
    drawMore();
    if (!kept.length) list.append(el('li', { class: 'message' }, data.nominees.length ? t('studio-none-match') : t('studio-no-nominees')));
    shown.textContent = t('studio-shown') + ' ' + kept.length + ' / ' + t('studio-of') + ' ' + data.nominees.length;
  };
  for (const control of [search, category, state]) control.addEventListener('input', refresh);
  refresh();
  let tiles = countTiles(data);
  const findings = el('section', { id: 'campaign-findings' }, campaignFindings(data));
  const aside = el('aside', {},
    el('section', {}, newNomineeForm()),
    findings,
    data.counts && data.counts.units.length
      ? el('section', {}, el('h2', {}, t('studio-units')), unitTable(data.counts.units)) : null);
  const fill = verdict => {
    data.verdict = verdict;
    const of = new Map((verdict ? verdict.nominees : []).map(v => [v.folder, v]));
    for (const n of data.nominees) n.verdict = of.get(n.folder) || (verdict ? { errors: 0, warnings: 0, findings: [] } : null);
    const counted = countTiles(data);
    tiles.replaceWith(counted);
    // Not yet on the page when the verdict came with the data: the nodes returned take it.
    if (parts[0] === tiles) parts[0] = counted;
    tiles = counted;
    findings.replaceChildren(...campaignFindings(data));
    if (state.value) { refresh(); return; }
    const byFolder = new Map(data.nominees.map(n => [n.folder, n]));
    for (const drawn of list.querySelectorAll('.card')) drawn.replaceWith(card(byFolder.get(drawn.dataset.folder)));
  };
  const parts = [tiles, el('div', { class: 'layout' },
    el('section', { 'aria-label': t('studio-nominees') }, el('div', { class: 'filters' }, search, category, state, shown), list),
    aside)];
  if (data.verdict !== undefined) fill(data.verdict);
  // Put in only while these cards are still shown.
  else if (verdict) verdict.then(v => { if (parts[1].isConnected) fill(v); });
  return parts;
}

/** The dashboard: the cards as soon as the profiles are read, check's verdict put in when it comes. */
async function showDashboard() {
  const app = document.getElementById('app');
  try {
    const data = await getJson('/api/campaign');
    if (data.title) {
      document.getElementById('title').textContent = data.title + ' · ' + t('studio-title');
      document.title = data.title + ' · ' + t('studio-title');
    }
    // The verdict is not waited for: the cards are usable meanwhile.
    app.replaceChildren(...dashboard(data, getJson('/api/verdict').catch(() => null)));
  } catch (e) {
    app.replaceChildren(el('p', { class: 'message' }, t('studio-load-failed')));
  }
}

// ---- Screens: each file of the studio registers its screen; the bar's navigation lists them. ----

/** The studio's screens by name (`#/<name>/<rest>`), in the order they were registered. */
const SCREENS = new Map();

/**
 * Registers a screen: `show(app, rest)` fills the page for `#/<name>/<rest>` (`rest` is the
 * address's remaining parts, decoded); `label` is the message id of its link in the bar.
 */
function screen(name, label, show) {
  SCREENS.set(name, { label, show });
}

/** The registered screen the address names, with the rest of the address, or null. */
function addressedScreen() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const found = SCREENS.get(parts[0]);
  return found ? { name: parts[0], show: found.show, rest: parts.slice(1) } : null;
}

/** The bar's links: the nominees' dashboard, then every registered screen; the current one marked. */
function showTabs() {
  const current = addressedScreen();
  const link = (href, label, here) => el('a', { href, 'aria-current': here ? 'page' : null }, t(label));
  const links = [link('#', 'studio-nominees', !current)];
  for (const [name, { label }] of SCREENS) links.push(link('#/' + name, label, current && current.name === name));
  document.getElementById('tabs').replaceChildren(...links);
}

/** Shows the screen the address names, if it names a registered one; says whether it did. */
async function showAddressedScreen() {
  showTabs();
  const found = addressedScreen();
  if (!found) return false;
  await found.show(document.getElementById('app'), found.rest);
  return true;
}

window.addEventListener('hashchange', showAddressedScreen);

/** Starts the page: the messages first (if the studio cannot be reached, its window closed,
 * the page says so), then the screen the address names (the dashboard by default). */
async function start() {
  try {
    MESSAGES = await getJson('/api/messages');
  } catch (e) {
    document.getElementById('app').replaceChildren(
      el('p', { class: 'message' }, '无法连接 laurel studio，请查看运行它的窗口。Cannot reach laurel studio.'));
    return;
  }
  document.getElementById('app').replaceChildren(el('p', { class: 'message' }, t('studio-loading')));
  const reload = document.getElementById('reload');
  reload.textContent = t('studio-reload');
  reload.hidden = false;
  reload.addEventListener('click', showDashboard);
  const folder = mediaFolder();
  const nominee = nomineeFolder();
  if (await showAddressedScreen()) return;
  await (nominee ? showNominee(nominee) : folder ? showMedia(folder) : showDashboard());
}

start();
