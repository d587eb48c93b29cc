// laurel studio: 阶段与年度 (#/phases, an earlier year at #/phases/<year>). The campaign's
// phase with what each phase makes public (who is listed, which pages, as the library says),
// the switch between them; starting next year's campaign; the years before, each shown as
// its dashboard, to read only. Uses el, t, postJson and dashboard of studio.js, screenData of
// settings.js.
'use strict';

/** What `phase` (of the server's statements) makes public, and the button that switches to it. */
function phaseCard(data, phase) {
  const current = data.phase === phase.phase;
  const names = phase.listed.length ? phase.listed.join('、') : t('studio-phase-nobody');
  return el('section', { class: 'phase' + (current ? ' current' : ''), 'data-phase': phase.phase },
    el('h3', {}, phase.label, current ? el('span', { class: 'tag selected' }, t('studio-phase-now')) : null),
    el('p', {}, phase.pages),
    el('p', {}, el('b', {}, t('studio-phase-listed') + '（' + phase.listed.length + '）：'), names),
    current ? null : el('button', { type: 'button', class: 'primary switch', onclick: () => switchPhase(data, phase) },
      t('studio-phase-switch') + phase.label));
}

/** Writes `phase` as the campaign's phase. */
async function switchPhase(data, phase) {
  const { ok, status, data: answer } = await postJson('/api/phase', { phase: phase.phase, version: data.source.version });
  await showPhases(document.getElementById('app'), []);
  document.getElementById('phases-state').textContent = ok ? t('studio-phase-switched') + phase.label
    : status === 409 ? t('studio-settings-conflict') : answer.error || t('studio-load-failed');
}

/** Asks the editor to confirm beginning the next year's campaign. */
function askNextYear(data) {
  document.getElementById('next-year-confirm').replaceChildren(
    el('span', {}, t('studio-year-next-confirm') + ' ' + data.next),
    el('button', { type: 'button', id: 'begin-next-year-yes', class: 'primary', onclick: () => beginNextYear() }, t('studio-year-next-yes')));
}

/** Begins the next year's campaign. */
async function beginNextYear() {
  const { ok, data: answer } = await postJson('/api/years/next', {});
  await showPhases(document.getElementById('app'), []);
  document.getElementById('phases-state').textContent = ok ? t('studio-year-begun') + ' ' + answer.year
    : answer.error || t('studio-load-failed');
}

/** An earlier year's dashboard, to read only: no links to edit, no new nominee. */
async function showYear(app, year) {
  const data = await screenData(app, '/api/campaign?year=' + encodeURIComponent(year));
  if (!data) return;
  const view = el('div', { id: 'year-view', 'data-year': year }, dashboard(data));
  for (const node of view.querySelectorAll('#new-nominee, .media-link, .goto')) node.remove();
  for (const link of view.querySelectorAll('a.open')) link.replaceWith(link.textContent);
  app.replaceChildren(el('div', { class: 'toolbar' },
    el('a', { href: '#/phases', class: 'back' }, '← ' + t('studio-phases')),
    el('h2', {}, year + ' ' + t('studio-year-read-only'))), view);
}

/** The phases and years screen. */
async function showPhases(app, rest) {
  if (rest && rest[0]) return showYear(app, rest[0]);
  const data = await screenData(app, '/api/phases');
  if (!data) return;
  const earlier = data.years.filter(y => y !== data.year);
  app.replaceChildren(el('div', { id: 'phases' },
    el('div', { class: 'toolbar' }, el('h2', {}, data.year + ' · ' + t('studio-phases')), el('output', { id: 'phases-state' })),
    el('p', { class: 'note' }, t('studio-phase-intro') + ' ' + data.source.path),
    el('div', { class: 'phase-cards' }, data.phases.map(p => phaseCard(data, p))),
    el('section', { class: 'years' },
      el('h3', {}, t('studio-years')),
      earlier.length
        ? el('ul', { id: 'earlier-years' }, earlier.map(y => el('li', {}, el('a', { href: '#/phases/' + y }, y + ' ' + t('studio-year-look')))))
        : el('p', { class: 'note' }, t('studio-years-none')),
      el('p', { class: 'note' }, t('studio-year-next-note')),
      el('button', { type: 'button', id: 'begin-next-year', onclick: () => askNextYear(data) }, t('studio-year-next') + ' ' + data.next),
      el('p', { id: 'next-year-confirm', 'aria-live': 'polite' }))));
}

screen('phases', 'studio-phases', showPhases);
