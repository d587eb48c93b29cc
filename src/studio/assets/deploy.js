// laurel studio: 发布, part of 生成与发布. The built site published to a target of site.yaml as
// `laurel deploy` publishes it: the plan first (uploads, deletions against the target's limit,
// nothing changed), then the deploy once confirmed, followed and stoppable. A key typed here is
// sent with the plan and the deploy only, kept in this page's fields, and cleared when the
// deploy ends; the studio never writes it or sends it back.
'use strict';

/** The words of a change's kind. */
const CHANGE_WORDS = { new: 'studio-deploy-new', changed: 'studio-deploy-changed', delete: 'studio-deploy-delete' };

/** A plan's or a deploy's counts in one sentence. */
function deployCounts(s) {
  const head = s.dry_run ? t('studio-deploy-will') : t('studio-deploy-did');
  return head + '：' + t('studio-deploy-upload') + ' ' + s.uploaded + ' ' + t('studio-deploy-files')
    + '（' + bytesText(s.uploaded_bytes) + '），' + t('studio-deploy-delete') + ' ' + s.deleted + ' ' + t('studio-deploy-files')
    + '，' + t('studio-deploy-unchanged') + ' ' + s.unchanged + ' ' + t('studio-deploy-files');
}

/** The changes, one per line, folded away when there are many. */
function changeList(s) {
  if (!s.changes.length) return null;
  const more = s.all_changes > s.listed ? el('li', {}, t('studio-deploy-more') + ' ' + (s.all_changes - s.listed)) : null;
  return el('details', { open: s.all_changes <= 12 ? true : null },
    el('summary', {}, t('studio-deploy-changes') + '（' + s.all_changes + '）'),
    el('ul', { class: 'changes-list' }, s.changes.map(c => el('li', { 'data-what': c.what },
      el('span', { class: 'what' }, t(CHANGE_WORDS[c.what])), ' ', el('code', {}, c.path), ' ', bytesText(c.bytes))), more));
}

/** The target chooser and, for a target without a key in the environment, the key's fields. */
function targetFields(targets) {
  const choice = el('select', { id: 'deploy-target' },
    targets.map(target => el('option', { value: target.name }, target.name + ' — ' + target.place)));
  const keyId = el('input', { id: 'deploy-key-id', autocomplete: 'off', spellcheck: 'false' });
  const secret = el('input', { id: 'deploy-secret', type: 'password', autocomplete: 'new-password' });
  const keys = el('fieldset', { class: 'deploy-keys' },
    el('legend', {}, t('studio-deploy-key-title')),
    el('label', {}, t('studio-deploy-key-id'), keyId),
    el('label', {}, t('studio-deploy-secret'), secret),
    el('p', { class: 'note' }, t('studio-deploy-key-note')));
  const chosen = () => targets.find(target => target.name === choice.value);
  const showKeys = () => { keys.hidden = !chosen().needs_key; };
  choice.addEventListener('change', showKeys);
  showKeys();
  const request = () => {
    const target = chosen();
    const typed = target.needs_key ? { key_id: keyId.value, secret: secret.value } : {};
    return { target: target.name, ...typed };
  };
  const forget = () => { keyId.value = ''; secret.value = ''; };
  return { fields: [el('label', {}, t('studio-deploy-target'), choice), keys], chosen, request, forget };
}

/** What a finished plan or deploy says; for a plan whose deletions pass the target's limit,
 * the box that confirms them. */
function deployResult(status, target, confirmDeletions) {
  if (status.state !== 'done') {
    const title = status.state === 'stopped' ? t('studio-deploy-stopped') : t('studio-deploy-problems');
    return [el('h3', {}, title), findingList(status.findings)];
  }
  const s = status.summary;
  const parts = [el('p', { id: 'deploy-summary', class: s.dry_run ? '' : 'made' }, deployCounts(s)), changeList(s)];
  if (s.dry_run && s.deleted > target.max_deletes) {
    parts.push(el('p', { class: 'finding error' }, t('studio-deploy-over-limit') + ' ' + target.max_deletes),
      el('label', { class: 'confirm-deletions' }, confirmDeletions, t('studio-deploy-confirm-deletions')));
  }
  return parts.filter(Boolean);
}

/** The deploy's part of 生成与发布; `follow()` follows a plan or deploy that runs already. */
async function deploySection() {
  const section = el('section', { class: 'publish-step', id: 'deploy-section' },
    el('h2', {}, t('studio-deploy-title')), el('p', { class: 'note' }, t('studio-deploy-note')));
  const { built, targets } = await getJson('/api/deploy');
  if (!targets.length) {
    section.append(el('p', {}, t('studio-deploy-no-targets') + ' '), el('a', { href: '#/settings' }, t('studio-settings')));
    return { section, follow: async () => {} };
  }
  const fields = targetFields(targets);
  const plan = el('button', { type: 'button', id: 'deploy-plan', class: 'primary' }, t('studio-deploy-plan'));
  const confirm = el('button', { type: 'button', id: 'deploy-confirm', hidden: true }, t('studio-deploy-confirm'));
  const stop = el('button', { type: 'button', id: 'deploy-stop', hidden: true }, t('studio-stop'));
  const confirmDeletions = el('input', { type: 'checkbox', id: 'deploy-force' });
  const line = el('div', { id: 'deploy-progress', class: 'job', 'aria-live': 'polite' });
  const result = el('div', { id: 'deploy-result' });
  const follow = async () => {
    plan.disabled = true;
    confirm.hidden = true;
    stop.hidden = false;
    result.replaceChildren();
    const status = await followJob(status => {
      line.dataset.state = status.state;
      line.replaceChildren(...jobLine(status).filter(Boolean));
    });
    plan.disabled = false;
    stop.hidden = true;
    if (!status) return;
    confirmDeletions.checked = false;
    result.replaceChildren(...deployResult(status, fields.chosen(), confirmDeletions));
    const planned = status.kind === 'plan' && status.state === 'done';
    confirm.hidden = !planned || !status.summary.all_changes;
    if (!planned) fields.forget();
  };
  const send = async isPlan => {
    const { ok, status, data } = await postJson('/api/deploy',
      { ...fields.request(), plan: isPlan, force: confirmDeletions.checked });
    if (ok || status === 409) await follow();
    else line.textContent = data.error || t('studio-load-failed');
  };
  plan.addEventListener('click', () => send(true));
  confirm.addEventListener('click', () => {
    const over = !confirmDeletions.isConnected ? false : !confirmDeletions.checked;
    if (over) { line.textContent = t('studio-deploy-confirm-deletions-first'); return; }
    send(false);
  });
  stop.addEventListener('click', () => postJson('/api/jobs/stop', {}));
  if (!built) {
    const unbuilt = el('p', { class: 'finding warning', id: 'deploy-not-built' }, t('studio-deploy-not-built'));
    document.addEventListener('laurel-built', () => unbuilt.remove(), { once: true });
    section.append(unbuilt);
  }
  section.append(...fields.fields, el('div', { class: 'actions' }, plan, confirm, stop), line, result);
  return { section, follow };
}
