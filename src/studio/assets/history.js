// laurel studio: 修改记录 (#/history), every change the studio made to a file, newest first:
// the file, the time, the lines that went and came; 「恢复到这次修改之前」 brings the file back
// to the text it had before that change (itself a change, listed and undoable in turn). Uses
// el, t and postJson of studio.js, screenData of settings.js.
'use strict';

/** One change: the file, when, what went and came, and the way back. */
function changeItem(change) {
  const lines = (list, mark) => list.map(line => el('li', { class: mark === '+' ? 'added' : 'removed' }, mark + ' ' + line));
  const more = change.lines - change.removed.length - change.added.length;
  return el('li', { class: 'change', 'data-path': change.path, 'data-id': change.id },
    el('div', { class: 'change-head' },
      el('b', {}, change.path),
      el('time', { datetime: new Date(Number(change.id)).toISOString() }, new Date(Number(change.id)).toLocaleString('zh-CN')),
      el('span', { class: 'note' }, change.lines + ' ' + t('studio-changes-lines')),
      el('button', { type: 'button', class: 'restore', onclick: () => restoreChange(change) }, t('studio-changes-restore'))),
    el('ul', { class: 'diff' }, lines(change.removed, '−'), lines(change.added, '+'),
      more > 0 ? el('li', { class: 'note' }, '… ' + more) : null));
}

/** Brings the file of `change` back to its text before that change. */
async function restoreChange(change) {
  const { ok, data } = await postJson('/api/restore', { path: change.path, version: change.version, id: change.id });
  await showChanges(document.getElementById('app'));
  document.getElementById('changes-state').textContent = ok
    ? t('studio-restored') + '：' + change.path : data.error || t('studio-load-failed');
}

/** The list of changes. */
async function showChanges(app) {
  const data = await screenData(app, '/api/changes');
  if (!data) return;
  app.replaceChildren(el('div', { id: 'changes' },
    el('div', { class: 'toolbar' }, el('h2', {}, t('studio-history')), el('output', { id: 'changes-state' })),
    el('p', { class: 'note' }, t('studio-changes-intro')),
    data.changes.length
      ? el('ol', { class: 'changes' }, data.changes.map(changeItem))
      : el('p', { class: 'message' }, t('studio-changes-none'))));
}

screen('history', 'studio-history', showChanges);
