// laurel studio: 接收材料 (#/receive). Dropped or chosen folders, zips, 推荐表, 汇总表 and photos
// go to a staging folder of the studio; import's dry run is shown as the plan; 「确认导入」 runs
// the same import, 「放弃」 deletes the staging folder. Uses studio.js's helpers (el, t, KEY,
// getJson, postJson, findingList); every text is put in with textContent.
'use strict';

/** The batch being received (its staging folder's name), or null. */
let BATCH = null;

/** Every file under a dropped entry (a folder read to its end), with its path. */
async function entryFiles(entry, path) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    return [{ file, path: path + file.name }];
  }
  const reader = entry.createReader();
  const found = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    for (const child of batch) found.push(...await entryFiles(child, path + entry.name + '/'));
  }
  return found;
}

/** What a drop holds: folders walked, files as they are. */
async function droppedFiles(dataTransfer) {
  const entries = [...dataTransfer.items].map(i => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
  if (!entries.length) return [...dataTransfer.files].map(file => ({ file, path: file.name }));
  return (await Promise.all(entries.map(e => entryFiles(e, '')))).flat();
}

/** Sends one file into the batch; a line of the upload list. */
async function receiveFile({ file, path }) {
  const address = '/api/receive/file?batch=' + BATCH + '&path=' + encodeURIComponent(path);
  const response = await fetch(address, { method: 'POST', headers: { 'X-Laurel-Key': KEY }, body: file });
  const data = await response.json().catch(() => ({}));
  return response.ok
    ? el('li', { class: 'done' }, data.path)
    : el('li', { class: 'failed' }, path + '：' + (data.error || response.status));
}

/** Sends the files one after the other into the batch (a new one if none), then shows the plan. */
async function receiveFiles(files) {
  if (!files.length) return;
  const list = document.getElementById('received');
  const said = document.getElementById('receive-said');
  if (!BATCH) {
    const { ok, data } = await postJson('/api/receive', {});
    if (!ok) { said.textContent = data.error || t('studio-load-failed'); return; }
    BATCH = data.batch;
  }
  const lines = [];
  for (const [i, file] of files.entries()) {
    said.textContent = t('studio-receive-sending') + ' ' + (i + 1) + ' / ' + files.length;
    lines.push(await receiveFile(file));
    list.replaceChildren(...lines);
  }
  said.textContent = t('studio-receive-planning');
  await showPlan(lines);
}

/** The drop zone, with a file chooser and a folder chooser. */
function receiveZone() {
  const files = el('input', { type: 'file', id: 'receive-files', multiple: true,
    accept: '.zip,.docx,.doc,.wps,.xlsx,.xls,.et,.csv,.jpg,.jpeg,.png,.heic,.heif,.mp4,.mov' });
  const folder = el('input', { type: 'file', id: 'receive-folder', multiple: true, webkitdirectory: true });
  files.addEventListener('change', () => receiveFiles([...files.files].map(file => ({ file, path: file.name }))));
  folder.addEventListener('change', () => receiveFiles([...folder.files].map(file => ({ file, path: file.webkitRelativePath || file.name }))));
  const zone = el('div', { class: 'drop', id: 'receive-drop' }, el('span', {}, t('studio-receive-drop')),
    el('div', { class: 'choosers' },
      el('label', { class: 'choose' }, t('studio-receive-choose-files'), files),
      el('label', { class: 'choose' }, t('studio-receive-choose-folder'), folder)));
  zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', async event => {
    event.preventDefault();
    zone.classList.remove('over');
    receiveFiles(await droppedFiles(event.dataTransfer));
  });
  return zone;
}

/** What import does with a file, in words. */
const ACTION_WORDS = {
  new: 'studio-receive-action-new', updated: 'studio-receive-action-updated', unchanged: 'studio-receive-action-unchanged',
  kept: 'studio-receive-action-kept', conflict: 'studio-receive-action-conflict',
};

/** What became of a received file, in words. */
const FILE_WORDS = { used: 'studio-receive-file-used', junk: 'studio-receive-file-junk', unused: 'studio-receive-file-unused' };

/** A problem of the report (`{severity, file, message, hint}`) as check's findings show. */
const asFinding = p => ({ severity: p.severity, message: p.message, fix: p.hint, file: p.file || '' });

/** One candidate of the plan: who, and which received file becomes which of their files. */
function candidatePlan(c) {
  return el('section', { class: 'plan-candidate', 'data-name': c.name },
    el('h3', {}, c.name, c.team ? el('span', { class: 'tag' }, t('studio-receive-team')) : null,
      el('small', {}, ' → ' + c.folder)),
    el('table', { class: 'plan-files' }, el('tbody', {}, c.files.map(f => el('tr', { class: f.action },
      el('td', { class: 'from' }, f.from),
      el('td', {}, '→ ' + f.to),
      el('td', { class: 'action' }, t(ACTION_WORDS[f.action])))))),
    c.problems.length ? findingList(c.problems.map(asFinding)) : null);
}

/** The recommending units: their forms, their 汇总表's rows, what is missing. */
function unitPlan(units) {
  if (!units.length) return null;
  return el('section', {}, el('h3', {}, t('studio-receive-units')),
    el('table', { class: 'units' }, el('tbody', {}, units.map(u => el('tr', {},
      el('td', {}, u.name || t('studio-receive-no-unit')),
      el('td', {}, t('studio-receive-forms') + ' ' + u.forms.length + ' · ' + t('studio-receive-rows') + ' ' + u.summary_rows.length),
      el('td', {}, u.problems.map(p => el('div', { class: 'finding ' + p.severity }, p.message))))))));
}

/** Whether the report names a received file (its own path, or an entry of it as a zip). */
function used(report, path) {
  const names = report.candidates.flatMap(c => [...c.files.map(f => f.from), ...c.problems.map(p => p.file)])
    .concat(report.problems.map(p => p.file));
  return names.some(n => n === path || n.startsWith(path + '!'));
}

/** The received files, each marked: used, junk, or not taken. */
function receivedList(plan) {
  return el('details', { id: 'plan-received' }, el('summary', {}, t('studio-receive-files') + '（' + plan.files.length + '）'),
    el('ul', { class: 'received' }, plan.files.map(f => {
      const state = f.junk ? 'junk' : used(plan.report, f.path) ? 'used' : 'unused';
      return el('li', { class: state }, f.path + ' · ' + bytesText(f.bytes) + ' · ' + t(FILE_WORDS[state]));
    })));
}

/** The plan: who, what becomes what, the problems; then confirm or discard. */
function planView(plan) {
  const report = plan.report;
  const confirm = el('button', { type: 'button', id: 'receive-confirm', class: 'primary', onclick: confirmImport,
    disabled: !report.candidates.length }, t('studio-receive-confirm'));
  return el('section', { id: 'plan' },
    el('h2', {}, t('studio-receive-plan')),
    el('p', { id: 'plan-summary' }, t('studio-receive-plan-note') + ' ' + report.candidates.length + ' ' + t('studio-receive-people')),
    report.problems.length ? el('section', { id: 'plan-problems' }, el('h3', {}, t('studio-receive-problems')),
      findingList(report.problems.map(asFinding))) : null,
    report.candidates.map(candidatePlan),
    unitPlan(report.units),
    receivedList(plan),
    el('div', { class: 'plan-actions' }, confirm,
      el('button', { type: 'button', id: 'receive-discard', onclick: discardBatch }, t('studio-receive-discard'))));
}

/** The report of the import done: each nominee linked to their page, with check's verdict. */
function reportView(report) {
  return el('section', { id: 'imported' },
    el('h2', {}, t('studio-receive-done') + ' ' + report.candidates.length + ' ' + t('studio-receive-people')),
    el('ul', { class: 'imported' }, report.candidates.map(c => {
      const folder = c.folder.replace(/^.*\//, '');
      const errors = c.findings.filter(f => f.severity === 'error').length;
      return el('li', {}, el('a', { href: '#/nominee/' + encodeURIComponent(folder), class: 'nominee-link' }, c.name),
        ' ', light(errors, c.findings.length - errors),
        c.problems.length ? findingList(c.problems.map(asFinding)) : null);
    })),
    report.problems.length ? findingList(report.problems.map(asFinding)) : null,
    el('p', {}, el('a', { href: '#' }, t('studio-receive-to-dashboard'))));
}

/** Fetches and shows the batch's plan under the upload list. */
async function showPlan(lines) {
  const place = document.getElementById('receive-result');
  const said = document.getElementById('receive-said');
  try {
    const plan = await getJson('/api/receive/plan?batch=' + BATCH);
    place.replaceChildren(planView(plan));
    said.textContent = '';
  } catch (e) {
    said.textContent = t('studio-load-failed');
  }
  if (lines) document.getElementById('received').replaceChildren(...lines);
}

async function confirmImport() {
  const said = document.getElementById('receive-said');
  said.textContent = t('studio-receive-importing');
  document.getElementById('receive-confirm').disabled = true;
  const { ok, data } = await postJson('/api/receive/confirm', { batch: BATCH });
  if (!ok) { said.textContent = data.error || t('studio-load-failed'); return; }
  BATCH = null;
  said.textContent = '';
  document.getElementById('received').replaceChildren();
  document.getElementById('receive-result').replaceChildren(reportView(data.report));
}

async function discardBatch() {
  const { ok } = await postJson('/api/receive/discard', { batch: BATCH });
  BATCH = null;
  await showReceive(document.getElementById('app'));
  if (ok) document.getElementById('receive-said').textContent = t('studio-receive-discarded');
}

/** The screen: what to drop, the limits, then the plan of what was dropped (or of the batch
 * received before and neither imported nor discarded). */
async function showReceive(app) {
  let status;
  try {
    status = await getJson('/api/receive');
  } catch (e) {
    app.replaceChildren(el('p', { class: 'message' }, t('studio-load-failed')));
    return;
  }
  const limits = status.limits;
  BATCH = BATCH || status.pending[status.pending.length - 1] || null;
  app.replaceChildren(
    el('h2', { class: 'media-title' }, t('studio-receive-title')),
    el('p', { class: 'note' }, t('studio-receive-note')),
    el('p', { class: 'note', id: 'receive-limits' }, t('studio-receive-limits') + '：' + t('studio-receive-limit-file') + ' '
      + limits.file_mb + ' MB，' + t('studio-receive-limit-batch') + ' ' + limits.batch_mb + ' MB / ' + limits.files + ' ' + t('studio-receive-limit-files')),
    receiveZone(),
    el('output', { id: 'receive-said', 'aria-live': 'polite' }),
    el('ul', { class: 'uploads', id: 'received' }),
    el('div', { id: 'receive-result' }));
  if (BATCH) showPlan();
}

screen('receive', 'studio-receive-tab', showReceive);
