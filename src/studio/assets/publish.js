// laurel studio: 生成与发布. The site built as `laurel build` builds it, its steps and image
// counts followed as they happen (server-sent events), stoppable; then the result's findings
// and the site previewed at a phone's and a desktop's width side by side.
'use strict';

/** Follows the running operation's events, calling `show(status)` at each; resolves with the
 * last status when the operation ends (null when there is none). */
function followJob(show) {
  return new Promise(resolve => {
    const events = new EventSource('/api/jobs/events');
    events.addEventListener('status', event => {
      const status = JSON.parse(event.data);
      if (status) show(status);
      if (!status || status.state !== 'running') {
        events.close();
        resolve(status);
      }
    });
  });
}

/** The words of each way an operation ends, and of each step it takes. */
const ENDINGS = { done: 'studio-job-done', failed: 'studio-job-failed', stopped: 'studio-job-stopped' };
const STEPS = Object.fromEntries(['waiting', 'load', 'media', 'posters', 'render', 'write', 'compare', 'upload', 'delete']
  .map(step => [step, 'studio-step-' + step]));

/** An operation's line: its step (or how it ended), its counts, a bar and the time taken. */
function jobLine(status) {
  const words = status.state !== 'running' ? t(ENDINGS[status.state])
    : status.stopping ? t('studio-stopping') : t(STEPS[status.step]);
  const unit = status.kind === 'build' ? t('studio-job-images') : t('studio-job-files');
  const finished = status.state === 'done';
  return [
    el('span', { class: 'step' }, words),
    status.all ? el('span', { class: 'counts-done' }, unit + ' ' + status.done + ' / ' + status.all) : null,
    el('progress', { max: status.all || 1, value: finished ? status.all || 1 : status.done, 'aria-label': words }),
    el('span', {}, status.seconds.toFixed(1) + ' ' + t('studio-seconds')),
  ];
}

/** What a finished build says: what it made and its warnings, or why it did not finish. */
function buildResult(status) {
  if (status.state !== 'done') {
    const title = status.state === 'stopped' ? t('studio-build-stopped') : t('studio-build-problems');
    return [el('h3', {}, title), findingList(status.findings)];
  }
  const s = status.summary;
  const made = s.up_to_date ? t('studio-build-up-to-date')
    : t('studio-build-done') + '：' + [[s.laureates, 'studio-build-laureates'], [s.pages, 'studio-build-pages'],
      [s.media, 'studio-build-media']].map(([n, id]) => n + ' ' + t(id)).join('，');
  return [
    el('p', { id: 'build-summary', class: 'made' }, made),
    el('h3', {}, t('studio-build-warnings')),
    status.findings.length ? findingList(status.findings) : el('p', {}, t('studio-build-no-warnings')),
  ];
}

/** Resolves once the studio's preview of the site (/site/) is built; asking starts its build. */
async function siteReady() {
  while (!(await getJson('/api/site')).ready) await new Promise(go => setTimeout(go, 300));
}

/** The site previewed by the studio (/site/) at a phone's width and, scaled down, a desktop's. */
function sitePreview() {
  const frame = (kind, label) => el('figure', { class: kind },
    el('div', { class: 'viewport' }, el('iframe', { src: '/site/', title: label })),
    el('figcaption', {}, label));
  return [frame('phone', t('studio-preview-phone')), frame('desktop', t('studio-preview-desktop'))];
}

/** The build's part of the screen; `follow()` follows a build that runs already. */
function buildSection() {
  const start = el('button', { type: 'button', id: 'build', class: 'primary' }, t('studio-build-start'));
  const stop = el('button', { type: 'button', id: 'stop', hidden: true }, t('studio-stop'));
  const line = el('div', { id: 'build-progress', class: 'job', 'aria-live': 'polite' });
  const result = el('div', { id: 'build-result' });
  const preview = el('div', { id: 'build-preview', class: 'site-frames' });
  const show = status => {
    line.dataset.state = status.state;
    line.replaceChildren(...jobLine(status).filter(Boolean));
  };
  const follow = async () => {
    start.disabled = true;
    stop.hidden = false;
    result.replaceChildren();
    const status = await followJob(show);
    start.disabled = false;
    stop.hidden = true;
    if (!status) return;
    result.replaceChildren(...buildResult(status));
    if (status.state !== 'done') return;
    document.dispatchEvent(new Event('laurel-built'));
    await siteReady();
    preview.replaceChildren(...sitePreview());
  };
  start.addEventListener('click', async () => {
    const { ok, status, data } = await postJson('/api/build', {});
    // 409: an operation runs already (from another window): follow it.
    if (ok || status === 409) await follow();
    else line.textContent = data.error || t('studio-load-failed');
  });
  stop.addEventListener('click', () => postJson('/api/jobs/stop', {}));
  const section = el('section', { class: 'publish-step', id: 'build-section' },
    el('h2', {}, t('studio-build-title')), el('p', { class: 'note' }, t('studio-build-note')),
    el('div', { class: 'actions' }, start, stop), line, result, preview);
  return { section, follow };
}

/** Check's verdict in one line above the build: building and publishing do not wait for a clean
 * check (the command line's neither), but the editor sees what check found before publishing. */
function checkLine() {
  const line = el('p', { id: 'publish-check', class: 'note' }, t('studio-checking'));
  getJson('/api/verdict').then(v => {
    const found = v.errors || v.warnings;
    line.className = v.errors ? 'finding error' : found ? 'finding warning' : 'made';
    line.replaceChildren(found
      ? t('studio-publish-check-found') + ' ' + v.errors + ' ' + t('studio-errors') + ' · ' + v.warnings + ' ' + t('studio-warnings') + t('studio-publish-check-note')
      : t('studio-publish-check-clean'),
    found ? el('a', { href: '#' }, t('studio-publish-check-see')) : null);
  }).catch(() => line.remove());
  return line;
}

/** 生成与发布: check's verdict, the build's section, then the deploy's; an operation running
 * already is followed. */
async function showPublish(app) {
  const build = buildSection();
  app.replaceChildren(el('h2', { class: 'screen-title' }, t('studio-publish')), checkLine(), build.section);
  siteReady();
  const deploy = await deploySection();
  app.append(deploy.section);
  const running = await getJson('/api/jobs');
  if (!running || running.state !== 'running') return;
  await (running.kind === 'build' ? build.follow() : deploy.follow());
}

screen('publish', 'studio-publish', showPublish);
