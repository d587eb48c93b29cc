// laurel studio: 设置 (#/settings), site.yaml as a form. The settings and their kinds come
// from the server; as one types, the unsaved form is checked by the library's own reading of
// site.yaml and each finding shows at its setting; saving sends the version the form read
// (a site.yaml changed on disk meanwhile is refused with 409, nothing written). Uses el, t,
// getJson, postJson, findingList, light and debounce of the studio's other files; its
// screenData is the other screens' too.
'use strict';

/** What the settings screen last read: site.yaml's version, the settings, a target's parts. */
const settingsPage = { data: null, checks: 0 };

/** The input of one value of kind `kind` (a setting's, or a deploy target's part's). */
function settingInput(id, kind, choices, value) {
  const text = v => (v == null ? '' : String(v));
  if (kind === 'choice') {
    const known = choices.some(c => c.value === text(value));
    return el('select', { id, 'data-kind': kind },
      el('option', { value: '' }, t('studio-settings-none')),
      choices.map(c => el('option', { value: c.value, selected: c.value === text(value) }, c.label)),
      !known && text(value) ? el('option', { value: text(value), selected: true }, text(value)) : null);
  }
  if (kind === 'bool') return el('input', { id, type: 'checkbox', 'data-kind': kind, checked: value === true });
  if (kind === 'long') return el('textarea', { id, rows: 3, 'data-kind': kind }, text(value));
  if (kind === 'list') {
    const items = Array.isArray(value) ? value : value != null && value !== '' ? [value] : [];
    return el('textarea', { id, rows: Math.max(2, items.length + 1), 'data-kind': kind, placeholder: t('studio-one-per-line') },
      items.map(text).join('\n'));
  }
  const type = kind === 'date' ? 'date' : kind === 'number' || kind === 'decimal' ? 'number' : 'text';
  const step = kind === 'decimal' ? 'any' : kind === 'number' ? '1' : null;
  return el('input', { id, type, step, 'data-kind': kind, value: text(value) });
}

/** The value an input holds, as site.yaml takes it (`null`: nothing written). */
function settingValue(node) {
  const kind = node.dataset.kind;
  if (kind === 'bool') return node.checked;
  if (kind === 'list') return node.value.split(/\n/).map(s => s.trim()).filter(Boolean);
  if (kind === 'number' || kind === 'decimal') {
    // A number the browser cannot read (`abc`, `-`) goes as typed: the check says what is wrong.
    if (node.validity && node.validity.badInput) return node.value || '?';
    return node.value === '' ? null : Number(node.value);
  }
  return node.value;
}

/** One deploy target as a group of its parts, with 「删除」. */
function targetGroup(target, n) {
  const parts = settingsPage.data.target_parts;
  return el('fieldset', { class: 'target', 'data-target': n },
    el('legend', {}, settingsPage.data.target_label + ' ' + (n + 1)),
    parts.map(p => el('div', { class: 'field' },
      el('label', { for: 'target-' + n + '-' + p.key }, p.label),
      settingInput('target-' + n + '-' + p.key, p.kind, p.choices, target[p.key]))),
    el('button', { type: 'button', class: 'remove-target', onclick: event => {
      event.target.closest('fieldset').remove();
      settingsChanged();
    } }, t('studio-target-remove')));
}

/** The deploy targets as site.yaml takes them: each target's parts that are filled in. */
function targetsValue(box) {
  return [...box.querySelectorAll('fieldset.target')].map(group => {
    const target = {};
    for (const node of group.querySelectorAll('[data-kind]')) {
      const key = node.id.replace(/^target-\d+-/, '');
      const value = settingValue(node);
      if (value !== null && value !== '' && value !== false) target[key] = value;
    }
    return target;
  }).filter(target => Object.keys(target).length);
}

/** The deploy targets' editor: a group per target and 「添加」. */
function targetsInput(setting) {
  const targets = Array.isArray(setting.value) ? setting.value : [];
  const box = el('div', { id: 'setting-' + setting.key, class: 'targets', 'data-targets': '' },
    targets.map((target, n) => targetGroup(target || {}, n)));
  const add = el('button', { type: 'button', id: 'add-target', onclick: () => {
    box.append(targetGroup({}, box.querySelectorAll('fieldset.target').length));
    settingsChanged();
  } }, t('studio-target-add'));
  return el('div', {}, el('p', { class: 'note' }, t('studio-target-secret-note')), box, add);
}

/** One setting with its label and the place of its findings. */
function settingRow(s) {
  const id = 'setting-' + s.key;
  const input = s.kind === 'targets' ? targetsInput(s) : settingInput(id, s.kind, s.choices, s.value);
  return el('div', { class: 'field', 'data-field': s.key },
    s.kind === 'targets' ? el('span', {}, s.label) : el('label', { for: id }, s.label),
    input,
    el('ul', { class: 'findings', 'data-for': s.key }));
}

/** The form's values by setting. */
function settingsValues() {
  const values = {};
  for (const s of settingsPage.data.settings) {
    const node = document.getElementById('setting-' + s.key);
    values[s.key] = s.kind === 'targets' ? targetsValue(node) : settingValue(node);
  }
  return values;
}

/** Shows what the check found, each at its setting, the rest above the form. */
function showSettingFindings(result) {
  const screen = document.getElementById('settings');
  for (const list of screen.querySelectorAll('.findings[data-for]')) list.replaceChildren();
  const other = [];
  for (const f of result.findings) {
    const list = f.field && screen.querySelector('.findings[data-for="' + f.field + '"]');
    if (!list) { other.push(f); continue; }
    list.append(el('li', { class: 'finding ' + f.severity }, el('div', {}, f.message),
      f.fix ? el('div', { class: 'fix' }, t('studio-fix') + '：' + f.fix) : null));
  }
  document.getElementById('settings-other').replaceChildren(other.length ? findingList(other) : '');
  document.getElementById('settings-light').replaceChildren(light(result.errors, result.warnings));
}

/** Checks the unsaved form. */
async function checkSettings() {
  // The editor may have left the screen since the typing that asked for this check.
  if (!document.getElementById('settings-form')) return;
  const asked = ++settingsPage.checks;
  const { ok, data } = await postJson('/api/settings/check', { values: settingsValues() });
  if (ok && asked === settingsPage.checks && document.getElementById('settings-form')) showSettingFindings(data);
}

const checkSettingsSoon = debounce(checkSettings, 250);

/** Marks the form as changed and checks it once typing pauses. */
function settingsChanged() {
  document.getElementById('settings-state').textContent = t('studio-unsaved');
  checkSettingsSoon();
}

/** Writes the form into site.yaml. */
async function saveSettings() {
  const state = document.getElementById('settings-state');
  state.textContent = t('studio-saving');
  const yearFile = settingsPage.data.campaign_source;
  const { ok, status, data } = await postJson('/api/settings', {
    version: settingsPage.data.source.version,
    campaign_version: yearFile ? yearFile.version : '',
    values: settingsValues(),
  });
  if (ok) {
    settingsPage.data.source = data.source;
    settingsPage.data.campaign_source = data.campaign_source;
    state.textContent = t('studio-saved');
    await checkSettings();
    return;
  }
  state.textContent = status === 409 ? t('studio-settings-conflict') : data.error || t('studio-load-failed');
  if (status === 409) {
    state.append(' ', el('button', { type: 'button', id: 'settings-reload', onclick: () => showSettings(document.getElementById('app')) },
      t('studio-settings-reload')));
  }
}

/** The JSON of `path` for a screen, or null after saying on the screen that it did not load. */
async function screenData(app, path) {
  try {
    return await getJson(path);
  } catch (e) {
    app.replaceChildren(el('p', { class: 'message' }, t('studio-load-failed')));
    return null;
  }
}

/** The settings screen. */
async function showSettings(app) {
  const data = await screenData(app, '/api/settings');
  if (!data) return;
  settingsPage.data = data;
  app.replaceChildren(el('div', { id: 'settings' },
    el('div', { class: 'toolbar' },
      el('h2', {}, t('studio-settings'), ' · ', data.source.path),
      el('span', { id: 'settings-light' }),
      el('output', { id: 'settings-state' }),
      el('button', { type: 'button', id: 'settings-save', class: 'primary', onclick: saveSettings }, t('studio-settings-save'))),
    el('p', { class: 'note' }, t('studio-settings-intro')),
    data.campaign_source ? el('p', { class: 'note', id: 'year-campaign' }, t('studio-settings-year-file') + ' ' + data.campaign_source.path) : null,
    el('div', { id: 'settings-other' }),
    el('form', { id: 'settings-form', class: 'form settings-form', onsubmit: e => e.preventDefault() },
      data.sections.map(section => el('fieldset', { 'data-section': section.id },
        el('legend', {}, section.label),
        data.settings.filter(s => s.section === section.id).map(settingRow))))));
  const form = document.getElementById('settings-form');
  form.addEventListener('input', settingsChanged);
  form.addEventListener('change', settingsChanged);
  await checkSettings();
}

screen('settings', 'studio-settings', showSettings);
