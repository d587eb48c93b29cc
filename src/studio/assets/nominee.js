// laurel studio: a nominee's page (#/nominee/<folder>). The form is made from the fields the
// server describes; check's findings on the unsaved form come back at their field as one
// types; the story's preview is the profile page and H5 card laurel renders. Saving sends
// the version each file was read at: a file changed on disk meanwhile comes back as a
// conflict with both texts, and the editor chooses. Uses el, t, getJson and postJson of
// studio.js; every text goes in as textContent.
'use strict';

/** Calls `run` once typing has paused for `ms`. */
function debounce(run, ms) {
  let timer = null;
  return () => { clearTimeout(timer); timer = setTimeout(run, ms); };
}

/** The page's state: what the server last handed out, and what the editor has typed. */
const page = { data: null, saved: [], checks: 0, previews: 0 };

/** One input of the form, by its field's kind. */
function input(f, value) {
  const id = 'field-' + f.key;
  const text = v => (v == null ? '' : String(v));
  // A choice with nothing to choose from (site.yaml names no categories: any is allowed) is typed.
  if (f.kind === 'choice' && f.choices.length) {
    const known = f.choices.some(([v]) => v === text(value));
    return el('select', { id, name: f.key },
      el('option', { value: '' }, t('studio-choose')),
      f.choices.map(([v, label]) => el('option', { value: v, selected: v === text(value) }, label)),
      !known && text(value) ? el('option', { value: text(value), selected: true }, text(value)) : null);
  }
  if (f.kind === 'bool') return el('input', { id, name: f.key, type: 'checkbox', checked: value === true });
  if (f.kind === 'long') return el('textarea', { id, name: f.key, rows: 4 }, text(value));
  if (f.kind === 'list') {
    const items = Array.isArray(value) ? value : value ? [value] : [];
    return el('textarea', { id, name: f.key, rows: Math.max(2, items.length + 1), placeholder: t('studio-one-per-line') },
      items.map(text).join('\n'));
  }
  if (f.kind === 'map') {
    const shown = privateText(value);
    return el('textarea', { id, name: f.key, rows: Math.max(2, shown.split('\n').length + 1), placeholder: t('studio-private-example') },
      shown);
  }
  if (f.kind === 'consent') return el('input', { id, name: f.key, type: 'date', value: text(value && value.date) });
  const type = f.kind === 'month' ? 'month' : f.kind === 'date' ? 'date' : 'text';
  return el('input', { id, name: f.key, type, value: text(value) });
}

/** The `private:` data as the page shows it: a line per entry, `key：value` (a key import writes
 * with its Chinese name in brackets: `phone（联系电话）`), the further lines of a value of several
 * lines (a 推荐单位意见 with its seal and date) indented by two spaces. */
function privateText(map) {
  const entries = map && typeof map === 'object' ? Object.entries(map) : [];
  return entries.map(([key, value]) => {
    const name = MESSAGES['studio-private-key-' + key] !== key && MESSAGES['studio-private-key-' + key];
    const lines = String(value == null ? '' : value).replace(/\s+$/, '').split('\n');
    return (name ? key + '（' + name + '）' : key) + '：' + lines.map((l, i) => (i ? '  ' : '') + l).join('\n');
  }).join('\n');
}

/** The `private:` map `text` says (as [privateText] shows it): an indented line, or one without a
 * colon, goes on the value before it; a value whose text did not change stays as it `was`. */
function privateValues(text, was) {
  const values = {};
  let last = null;
  for (const line of text.split('\n')) {
    const entry = /^\s/.test(line) ? null : line.match(/^([^:：（(]+?)\s*(?:[（(][^）)]*[）)])?\s*[:：]\s*(.*?)\s*$/);
    if (entry) {
      last = entry[1];
      values[last] = entry[2];
    } else if (last !== null && line.trim()) values[last] += '\n' + line.trim();
  }
  const before = was && typeof was === 'object' ? was : {};
  for (const key of Object.keys(values)) {
    if (String(before[key] == null ? '' : before[key]).trim() === values[key].trim()) values[key] = before[key];
  }
  return values;
}

/** The form's values, as profile.yaml takes them. */
function formValues() {
  const values = {};
  for (const f of page.data.fields) {
    const node = document.getElementById('field-' + f.key);
    if (f.kind === 'bool') values[f.key] = node.checked;
    else if (f.kind === 'list') values[f.key] = node.value.split(/\n/).map(s => s.trim()).filter(Boolean);
    else if (f.kind === 'map') values[f.key] = privateValues(node.value, page.data.values[f.key]);
    else if (f.kind === 'consent') {
      // The date the person agreed; the signed form's file stays as profile.yaml has it.
      const was = page.data.values[f.key];
      values[f.key] = node.value ? Object.assign({}, was && typeof was === 'object' ? was : {}, { date: node.value }) : null;
    } else values[f.key] = node.value;
  }
  return values;
}

/** One field with its label, required mark and the place for its findings. */
function fieldRow(f) {
  const mark = f.required ? el('abbr', { class: 'required', title: t('studio-required') }, '*') : null;
  return el('div', { class: 'field', 'data-field': f.key },
    el('label', { for: 'field-' + f.key }, f.label, mark),
    input(f, page.data.values[f.key]),
    el('ul', { class: 'findings', 'data-for': f.key }));
}

/** The form in its sections; `private:` in its own, marked as never published. */
function form(data) {
  const groups = [
    ['studio-section-person', ['name', 'gender', 'birth', 'organization', 'title', 'position', 'field', 'region', 'identity']],
    ['studio-section-nomination', ['category', 'channel', 'recommender', 'status', 'decided_by', 'decided_on', 'province_pick', 'consent']],
    ['studio-section-deeds', ['summary', 'quote', 'honors']],
  ];
  const byKey = Object.fromEntries(data.fields.map(f => [f.key, f]));
  return el('form', { id: 'nominee-form', class: 'form', onsubmit: e => e.preventDefault() },
    groups.map(([title, keys]) => el('fieldset', {}, el('legend', {}, t(title)),
      keys.filter(k => byKey[k]).map(k => fieldRow(byKey[k])))),
    el('fieldset', { class: 'private', id: 'private-section' }, el('legend', {}, t('studio-section-private')),
      el('p', { class: 'note' }, t('studio-private-note')), fieldRow(byKey.private)));
}

/** Shows check's findings at their fields, the others above the form. */
function showFindings(result) {
  for (const list of document.querySelectorAll('#nominee .findings[data-for]')) list.replaceChildren();
  const other = [];
  for (const f of result.findings) {
    const list = f.field && document.querySelector('#nominee .findings[data-for="' + f.field + '"]');
    (list ? [list] : []).forEach(l => l.append(el('li', { class: 'finding ' + f.severity },
      el('div', {}, f.message), f.fix ? el('div', { class: 'fix' }, t('studio-fix') + '：' + f.fix) : null)));
    if (!list) other.push(f);
  }
  document.getElementById('other-findings').replaceChildren(other.length ? findingList(other, page.data.folder, true) : '');
  document.getElementById('nominee-light').replaceChildren(light(result.errors, result.warnings));
}

/** What check and the preview are given: the form and the story as they are on screen. */
const unsaved = () => ({ folder: page.data.folder, values: formValues(), story: document.getElementById('story').value });

async function validate() {
  const asked = ++page.checks;
  const { ok, data } = await postJson('/api/validate', unsaved());
  if (ok && asked === page.checks) {
    page.findings = data.findings;
    showFindings(data);
  }
}

/** Puts the cursor in the field (or the story) of the finding the dashboard's link named by
 * its words (WANTED) or, from the address alone, its message id or rule. */
function focusWanted(key) {
  if (!key) return;
  const about = f => f.message === WANTED || f.message_id === key || f.rule === key;
  const found = (page.findings || []).filter(about).sort((a, b) => (b.message === WANTED) - (a.message === WANTED))[0];
  WANTED = null;
  if (!found) return;
  const node = found.field ? document.getElementById('field-' + found.field)
    : /story\.md$/.test(found.file) ? document.getElementById('story') : null;
  if (!node) return;
  node.scrollIntoView({ block: 'center' });
  node.focus();
  const row = node.closest(".field");
  if (row) row.classList.add('wanted');
}

async function preview() {
  const asked = ++page.previews;
  const { ok, data } = await postJson('/api/render', unsaved());
  if (asked !== page.previews) return;
  const said = document.getElementById('preview-said');
  said.textContent = ok ? '' : data.error || t('studio-load-failed');
  if (!ok) return;
  document.getElementById('preview-profile').src = data.profile + '?v=' + asked;
  document.getElementById('preview-card').src = data.card + '?v=' + asked;
}

/** Marks the page as changed since the last save. */
function changed() {
  document.getElementById('save-state').textContent = t('studio-unsaved');
}

/** The preview beside the story: the profile page and the H5 card. */
function previewPane() {
  const frame = (id, title) => el('iframe', { id, title, class: id, src: 'about:blank' });
  return el('section', { class: 'preview', 'aria-label': t('studio-preview') },
    el('h2', {}, t('studio-preview'), el('output', { id: 'preview-said' })),
    el('div', { class: 'frames' },
      el('figure', {}, frame('preview-profile', t('studio-preview-profile')), el('figcaption', {}, t('studio-preview-profile'))),
      el('figure', {}, frame('preview-card', t('studio-preview-card')), el('figcaption', {}, t('studio-preview-card')))));
}

/** Writes what changed: the form (only its changed keys) and the story. */
async function saveAll() {
  const state = document.getElementById('save-state');
  state.textContent = t('studio-saving');
  const d = page.data;
  const profile = await postJson('/api/profile', { path: d.profile.path, version: d.profile.version, values: formValues() });
  if (!answered(profile, 'profile')) return;
  const story = document.getElementById('story').value;
  const written = await postJson('/api/source', { path: d.story.path, text: story, version: d.story.version });
  if (!answered(written, 'story')) return;
  state.textContent = t('studio-saved');
  await showHistory();
}

/** Takes a write's answer for file `which`: the new version, or the conflict shown. */
function answered({ ok, status, data }, which) {
  if (ok) {
    if (data.version !== page.data[which].version) page.saved.push(which);
    page.data[which] = data;
    return true;
  }
  document.getElementById('save-state').textContent = data.error || t('studio-load-failed');
  if (status === 409) showConflict(which, data);
  return false;
}

/** Both versions of a file side by side, and the choice between them. */
function showConflict(which, conflict) {
  const box = document.getElementById('conflict');
  const choose = async mine => {
    if (mine) {
      const written = await postJson('/api/source', { path: conflict.path, text: conflict.mine, version: conflict.version });
      if (!answered(written, which)) return;
    }
    box.replaceChildren();
    box.hidden = true;
    await showNominee(page.data.folder);
    document.getElementById('save-state').textContent = mine ? t('studio-saved') : t('studio-took-theirs');
  };
  box.hidden = false;
  box.replaceChildren(
    el('h2', {}, t('studio-conflict-title'), ' · ', conflict.path),
    el('p', {}, conflict.error),
    el('div', { class: 'versions' },
      el('div', {}, el('h3', {}, t('studio-conflict-mine')), el('pre', { id: 'conflict-mine' }, conflict.mine),
        el('button', { type: 'button', id: 'keep-mine', onclick: () => choose(true) }, t('studio-keep-mine'))),
      el('div', {}, el('h3', {}, t('studio-conflict-theirs')), el('pre', { id: 'conflict-theirs' }, conflict.theirs),
        el('button', { type: 'button', id: 'take-theirs', onclick: () => choose(false) }, t('studio-take-theirs')))));
  box.scrollIntoView({ block: 'nearest' });
}

/** Undoes the newest change this page saved. */
async function undo() {
  const which = page.saved.pop();
  if (!which) {
    document.getElementById('save-state').textContent = t('studio-nothing-to-undo');
    return;
  }
  const file = page.data[which];
  const answer = await postJson('/api/undo', { path: file.path, version: file.version });
  if (!answered(answer, which)) return;
  page.saved.pop();
  await showNominee(page.data.folder, t('studio-undone'));
}

/** The earlier versions of the profile and the story, each with 「恢复」. */
async function showHistory() {
  const box = document.getElementById('history');
  const lists = await Promise.all(['profile', 'story'].map(async which => {
    const file = page.data[which];
    const data = await getJson('/api/history?path=' + encodeURIComponent(file.path));
    return data.entries.map(e => el('li', {},
      el('span', {}, (which === 'profile' ? t('studio-history-profile') : t('studio-history-story')) + ' · '
        + new Date(Number(e.id)).toLocaleString() + ' · ' + e.bytes + ' B'),
      el('button', { type: 'button', class: 'restore', onclick: async () => {
        const answer = await postJson('/api/restore', { path: file.path, version: page.data[which].version, id: e.id });
        if (answered(answer, which)) await showNominee(page.data.folder, t('studio-restored'));
      } }, t('studio-restore'))));
  }));
  const entries = lists.flat();
  box.replaceChildren(el('summary', {}, t('studio-history') + '（' + entries.length + '）'),
    entries.length ? el('ul', {}, entries) : el('p', {}, t('studio-no-history')));
}

/** The nominee's page. */
async function showNominee(folder, said) {
  const app = document.getElementById('app');
  let data;
  try {
    data = await getJson('/api/nominee?folder=' + encodeURIComponent(folder));
  } catch (e) {
    app.replaceChildren(el('p', { class: 'message' }, t('studio-load-failed')));
    return;
  }
  page.data = data;
  const story = el('textarea', { id: 'story', rows: 18, spellcheck: 'false', 'aria-label': t('studio-story') }, data.story.text);
  story.addEventListener('paste', pasteIntoStory);
  story.addEventListener('drop', dropIntoStory);
  app.replaceChildren(el('div', { id: 'nominee', 'data-folder': folder },
    el('div', { class: 'toolbar' },
      el('a', { href: '#', class: 'back' }, '← ' + t('studio-back')),
      el('h2', {}, data.name || folder),
      el('span', { id: 'nominee-light' }),
      el('output', { id: 'save-state' }, said || ''),
      el('button', { type: 'button', id: 'undo', onclick: undo }, t('studio-undo')),
      el('button', { type: 'button', id: 'save', class: 'primary', onclick: saveAll }, t('studio-save'))),
    el('section', { id: 'conflict', class: 'conflict', hidden: true }),
    el('div', { id: 'other-findings' }),
    el('div', { class: 'nominee-layout' },
      form(data),
      el('section', { class: 'story' }, el('h2', {}, el('label', { for: 'story' }, t('studio-story'))),
        el('p', { class: 'note' }, t('studio-story-note')), story,
        el('div', { id: 'story-images', class: 'note', 'aria-live': 'polite' }))),
    previewPane(),
    el('details', { id: 'history', class: 'history' })));
  const check = debounce(validate, 250);
  const render = debounce(preview, 250);
  document.getElementById('nominee').addEventListener('input', () => { changed(); check(); render(); });
  document.getElementById('nominee').addEventListener('change', () => { check(); render(); });
  await Promise.all([validate(), preview(), showHistory()]);
  focusWanted(wantedKey());
}

/** The parts of an address's `#/nominee/<folder>/<finding>`. */
const nomineeHash = () => location.hash.startsWith('#/nominee/') ? location.hash.slice(10).split("/").map(decodeURIComponent) : [];

/** The folder named by the address, if any. */
const nomineeFolder = () => nomineeHash()[0] || null;

/** The finding the address asks to be shown at its field: its message id or rule. */
const wantedKey = () => nomineeHash()[1] || null;

window.addEventListener('hashchange', () => {
  const folder = nomineeFolder();
  if (folder) showNominee(folder);
});

// ---- Paste from Word and WPS: their HTML becomes Markdown. ----

/** The Markdown of pasted HTML: paragraphs, headings, lists, bold and italic; nothing else. */
function htmlToMarkdown(html) {
  // Style attributes and elements renamed before parsing: the page's policy would refuse them
  // (and say so); only their words are read.
  const inert = html.replace(/<(\/?)style\b/gi, '<$1x-style').replace(/\sstyle\s*=/gi, ' data-style=');
  const doc = new DOMParser().parseFromString(inert, 'text/html');
  const blocks = [];
  const inline = node => {
    if (node.nodeType === Node.TEXT_NODE) return node.data.replace(/[\s\u00a0]+/g, ' ');
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const tag = node.localName;
    const style = (node.getAttribute('data-style') || '').toLowerCase();
    if (/mso-list:\s*ignore/.test(style) || /^(o:p|x-style|script|meta|xml|title|head)$/.test(tag)) return '';
    if (tag === 'br') return '\n';
    let text = [...node.childNodes].map(inline).join('');
    const bold = /^(b|strong)$/.test(tag) ? !/(^|;)\s*font-weight:\s*normal/.test(style) : /(^|;)\s*font-weight:\s*(bold|[6-9]00)/.test(style);
    const italic = /^(i|em)$/.test(tag) || /(^|;)\s*font-style:\s*italic/.test(style);
    const wrap = mark => { const m = text.match(/^(\s*)(.*?)(\s*)$/s); text = m[2] ? m[1] + mark + m[2] + mark + m[3] : text; };
    if (bold) wrap('**');
    if (italic) wrap('*');
    return text;
  };
  const clean = text => text.split(/\n/).map(l => l.replace(/ +/g, ' ').trim()).join('\n').trim();
  const walk = parent => {
    for (const node of parent.childNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE) {
        const text = clean(inline(node));
        if (text) blocks.push({ text });
        continue;
      }
      const tag = node.localName;
      const cls = node.getAttribute('class') || '';
      const style = node.getAttribute('data-style') || '';
      if (/^(x-style|script|meta|xml|title|head|o:p)$/.test(tag)) continue;
      const heading = tag.match(/^h([1-6])$/) || cls.match(/^MsoHeading([1-6])/) || (cls === 'MsoTitle' && ['', '1']);
      if (heading) { blocks.push({ text: '#'.repeat(Number(heading[1])) + ' ' + clean(inline(node)) }); continue; }
      if (tag === 'li') { blocks.push({ item: node.parentElement && node.parentElement.localName === 'ol' ? 'ol' : 'ul', text: clean(inline(node)) }); continue; }
      if (/MsoListParagraph/.test(cls) || /mso-list:/.test(style)) {
        const marker = [...node.querySelectorAll('span')].find(s => /mso-list:\s*ignore/i.test(s.getAttribute('data-style') || ''));
        const ordered = marker && /^\s*[0-9一二三四五六七八九十]+[.)、．]/.test(marker.textContent);
        blocks.push({ item: ordered ? 'ol' : 'ul', text: clean(inline(node)) });
        continue;
      }
      if (/^(p|div|blockquote|tr|pre)$/.test(tag) && ![...node.children].some(c => /^(p|div|h[1-6]|ul|ol|table)$/.test(c.localName))) {
        const text = clean(inline(node));
        if (text) blocks.push({ text });
        continue;
      }
      walk(node);
    }
  };
  walk(doc.body);
  let out = '';
  let number = 0;
  blocks.forEach((b, i) => {
    const previous = blocks[i - 1];
    const inList = b.item && previous && previous.item === b.item;
    number = inList ? number + 1 : 1;
    const text = b.item === 'ol' ? number + '. ' + b.text : b.item ? '- ' + b.text : b.text;
    out += (i === 0 ? '' : inList ? '\n' : '\n\n') + text;
  });
  return out;
}

/** A paste: HTML (Word, WPS, a web page) goes in as Markdown at the cursor, images go to the
 * photos. Image files are taken when no HTML came with them, or when the HTML holds pictures
 * (Word also puts a picture of copied text on the clipboard: that one is not a photo). */
function pasteIntoStory(event) {
  const data = event.clipboardData;
  const html = data ? data.getData('text/html') : '';
  const pictures = html ? inlineImages(html) : [];
  const files = data && (!html || pictures.length || /<img\b/i.test(html)) ? [...data.files] : [];
  if (!html && !files.length) return;
  event.preventDefault();
  if (html) {
    const area = event.target;
    area.setRangeText(htmlToMarkdown(html), area.selectionStart, area.selectionEnd, 'end');
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
  storyImages([...files, ...pictures]);
}

/** Files dropped on the story go to the photos; dropped text goes in as the browser puts it. */
function dropIntoStory(event) {
  const files = event.dataTransfer ? [...event.dataTransfer.files] : [];
  if (!files.length) return;
  event.preventDefault();
  storyImages(files);
}

/** The pictures a paste's HTML carries in itself (`data:` addresses, as WPS and web pages
 * send them), as files; Word's `file:` pictures cannot be read by a page and stay out. */
function inlineImages(html) {
  const found = [...html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']?(data:image\/(png|jpe?g);base64,[^"'\s>]+)/gi)];
  return found.map(([, url, type], n) => {
    const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), c => c.charCodeAt(0));
    return new File([bytes], t('studio-story-pasted-image') + (n + 1) + (type === 'png' ? '.png' : '.jpg'), { type: 'image/' + type });
  });
}

/** Uploads images of the story to the photos as the photo panel does (named 姓名N), says
 * where they went, and refreshes the preview and the profile's version (the upload records
 * each file's original name there). */
async function storyImages(files) {
  const images = files.filter(f => /^image\//.test(f.type) || /\.(jpe?g|png|heic|heif)$/i.test(f.name));
  if (!images.length) return;
  const said = document.getElementById('story-images');
  said.replaceChildren(t('studio-media-uploading') + ' ' + images.length);
  const lines = [];
  for (const file of images) lines.push(await sendFile(page.data.folder, file));
  const profile = await getJson('/api/source?path=' + encodeURIComponent(page.data.profile.path));
  page.data.profile = profile;
  said.replaceChildren(t('studio-story-images-went') + '：', el('ul', { class: 'uploads' }, lines),
    el('a', { href: '#media/' + encodeURIComponent(page.data.folder) }, t('studio-media-title') + ' →'));
  preview();
  validate();
}
