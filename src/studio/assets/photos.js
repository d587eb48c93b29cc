// laurel studio: a nominee's photos and videos (#media/<folder>). Uses studio.js's helpers
// (el, t, getJson, KEY); every text is put in with textContent.
'use strict';

/** The address of a small preview of an image of the site. */
const previewUrl = image => '/api/preview?path=' + encodeURIComponent(image.path) + '&v=' + image.version;

/** Seconds as m:ss. */
const minutes = seconds => Math.floor(seconds / 60) + ':' + String(Math.round(seconds % 60)).padStart(2, '0');

/** The notice's limits in one line each. */
function limitList(limits) {
  const sizes = limits.video_sizes.map(([w, h]) => w + '×' + h).join(t('studio-media-or'));
  return el('ul', { class: 'limits', id: 'media-limits' },
    el('li', {}, t('studio-media-limit-photos') + '：' + limits.photos_min + '–' + limits.photos_max + ' '
      + t('studio-media-each-at-least') + ' ' + bytesText(limits.photo_min_bytes)),
    el('li', {}, t('studio-media-limit-portrait') + '：' + t('studio-media-width-at-least') + ' ' + limits.portrait_min_width + ' px'),
    el('li', {}, t('studio-media-limit-videos') + '：' + t('studio-media-at-most') + ' ' + minutes(limits.video_max_seconds) + '，' + sizes),
    el('li', {}, t('studio-media-limit-upload') + '：' + limits.upload_photo_mb + ' MB / ' + limits.upload_video_mb + ' MB'));
}

/** A crop of the site, drawn from the preview: the box has the crop's shape (the CSS's, or
 * `shape` width:height), the image inside is moved so that the crop's part shows. */
function cropBox(src, label, [left, top, width, height], kind, shape) {
  const img = el('img', { src, alt: '' });
  img.style.width = (100 / width) + '%';
  img.style.left = (-100 * left / width) + '%';
  img.style.top = (-100 * top / height) + '%';
  const box = el('div', {}, img);
  if (shape) box.style.aspectRatio = String(shape);
  return el('figure', { class: 'crop ' + kind, 'data-crop': kind }, box, el('figcaption', {}, label));
}

/** The site's crops of `image` and the part each 海报 shows, as the poster module lays it out. */
function cropRow(src, image) {
  const crops = image.crops;
  const shape = ([, , width, height]) => (width * image.width) / (height * image.height);
  return el('div', { class: 'crops' },
    cropBox(src, '3:4', crops.portrait, 'portrait'),
    cropBox(src, '1:1', crops.square, 'square'),
    cropBox(src, '2.35:1', crops.cover, 'cover'),
    crops.posters.map(f => cropBox(src, t('studio-media-poster') + ' ' + f.size.join('×'), f.part, 'poster', shape(f.part))));
}

/** The controls of photo `index` (of PANEL.photos): its 图说, its place, the portrait. */
function photoControls(image, index) {
  const caption = el('input', { class: 'caption', value: image.caption || '', placeholder: t('studio-media-caption'),
    'aria-label': t('studio-media-caption') + ' ' + image.file });
  caption.addEventListener('change', () => { image.caption = caption.value.trim() || null; saveArrangement(); });
  const last = PANEL.photos.length - 1;
  return [caption, el('div', { class: 'moves' },
    el('button', { type: 'button', class: 'up', disabled: index === 0, onclick: () => movePhoto(index, index - 1) }, '↑ ' + t('studio-media-up')),
    el('button', { type: 'button', class: 'down', disabled: index === last, onclick: () => movePhoto(index, index + 1) }, '↓ ' + t('studio-media-down')),
    el('button', { type: 'button', class: 'make-portrait', onclick: () => makePortrait(index) }, t('studio-media-make-portrait')))];
}

/** Dragging a photo onto another puts it in that one's place. */
function draggable(card, index) {
  card.draggable = true;
  card.addEventListener('dragstart', event => event.dataTransfer.setData('text/x-laurel-photo', String(index)));
  card.addEventListener('dragover', event => event.preventDefault());
  card.addEventListener('drop', event => {
    const from = event.dataTransfer.getData('text/x-laurel-photo');
    if (from === '') return;
    event.preventDefault();
    event.stopPropagation();
    movePhoto(Number(from), index);
  });
  return card;
}

/** One photo (index in PANEL.photos), or the portrait (index null), with its findings. */
function photoCard(image, index) {
  const src = previewUrl(image);
  const marker = el('span', { class: 'focus-mark' });
  marker.style.left = image.focus[0] * 100 + '%';
  marker.style.top = image.focus[1] * 100 + '%';
  const facts = image.width + '×' + image.height + ' · ' + bytesText(image.bytes)
    + (image.original ? ' · ' + t('studio-media-original') + ' ' + image.original : '');
  const shot = el('img', { src, alt: image.caption || image.file, title: t('studio-media-focus') });
  shot.addEventListener('click', event => setFocus(image, event));
  const card = el('li', { class: 'photo', 'data-file': image.file },
    el('div', { class: 'shot' }, shot, marker),
    el('div', { class: 'about' },
      el('b', {}, image.file), el('small', {}, facts),
      index == null ? null : photoControls(image, index),
      image.findings.length ? findingList(image.findings) : el('p', { class: 'ok' }, t('studio-clean'))),
    cropRow(src, image));
  return index == null ? card : draggable(card, index);
}

function videoCard(video) {
  const facts = video.duration == null
    ? t('studio-media-unreadable')
    : minutes(video.duration) + ' · ' + video.width + '×' + video.height + ' · ' + bytesText(video.bytes);
  const title = el('input', { class: 'title', value: video.title || '', placeholder: t('studio-media-video-title'),
    'aria-label': t('studio-media-video-title') + ' ' + video.file });
  title.addEventListener('change', () => { video.title = title.value.trim() || null; saveArrangement(); });
  return el('li', { class: 'video', 'data-file': video.file },
    el('b', {}, video.file), el('small', { class: 'duration' }, facts
      + (video.original ? ' · ' + t('studio-media-original') + ' ' + video.original : '')),
    title,
    video.findings.length ? findingList(video.findings) : el('p', { class: 'ok' }, t('studio-clean')));
}

/** The panel's data as last read or saved (its profile's version included). */
let PANEL = null;

/** What the panel sends to save: the whole arrangement. */
function arrangement() {
  return {
    folder: PANEL.folder,
    version: PANEL.version,
    portrait: PANEL.portrait ? PANEL.portrait.file : null,
    photos: PANEL.photos.map(p => ({ file: p.file, caption: p.caption, focus: p.focus_set ? p.focus : null })),
    videos: PANEL.videos.map(v => ({ file: v.file, title: v.title })),
  };
}

/** Saves the arrangement and shows the panel as saved; a change on disk meanwhile is shown
 * and nothing is overwritten. */
async function saveArrangement() {
  const said = document.getElementById('media-saved');
  said.textContent = t('studio-media-saving');
  const { ok, status, data } = await postMedia(arrangement());
  if (ok) {
    renderMedia(data, null, t('studio-media-saved'));
  } else {
    said.textContent = status === 409 ? t('studio-media-conflict') : (data.error || t('studio-load-failed'));
    said.className = 'failed';
  }
}

async function postMedia(value) {
  const response = await fetch('/api/media', {
    method: 'POST',
    headers: { 'X-Laurel-Key': KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  });
  return { ok: response.ok, status: response.status, data: await response.json().catch(() => ({})) };
}

/** Moves the photo at `from` to `to` (indexes in PANEL.photos) and saves. */
function movePhoto(from, to) {
  if (from === to || to < 0 || to >= PANEL.photos.length) return;
  const [photo] = PANEL.photos.splice(from, 1);
  PANEL.photos.splice(to, 0, photo);
  saveArrangement();
}

/** Makes photo `index` the portrait; the portrait before it becomes the last photo. */
function makePortrait(index) {
  const [photo] = PANEL.photos.splice(index, 1);
  if (PANEL.portrait) PANEL.photos.push(PANEL.portrait);
  PANEL.portrait = photo;
  saveArrangement();
}

/** The focal point where the image was clicked, saved. */
function setFocus(image, event) {
  const box = event.target.getBoundingClientRect();
  const clamp = v => Math.min(1, Math.max(0, v));
  image.focus = [clamp((event.clientX - box.left) / box.width), clamp((event.clientY - box.top) / box.height)];
  image.focus_set = true;
  saveArrangement();
}

/** Sends one file; what became of it, as a line of the upload list. */
async function sendFile(folder, file) {
  const address = '/api/upload?folder=' + encodeURIComponent(folder) + '&name=' + encodeURIComponent(file.name);
  const response = await fetch(address, { method: 'POST', headers: { 'X-Laurel-Key': KEY }, body: file });
  const data = await response.json().catch(() => ({}));
  return response.ok
    ? el('li', { class: 'done' }, file.name + ' → ' + data.file)
    : el('li', { class: 'failed' }, file.name + '：' + (data.error || response.status));
}

/** Sends the files one after the other, listing each as it is done, then shows the panel. */
async function uploadFiles(folder, files) {
  const list = document.getElementById('uploads');
  list.replaceChildren(el('li', {}, t('studio-media-uploading') + ' ' + files.length));
  const lines = [];
  for (const file of files) {
    lines.push(await sendFile(folder, file));
    list.replaceChildren(...lines);
  }
  await showMedia(folder, lines);
}

function dropZone(folder) {
  const input = el('input', { type: 'file', id: 'media-input', multiple: true,
    accept: 'image/jpeg,image/png,.heic,.heif,video/mp4,video/quicktime,.mov' });
  input.addEventListener('change', () => uploadFiles(folder, [...input.files]));
  const zone = el('label', { class: 'drop', id: 'media-drop' }, el('span', {}, t('studio-media-drop')),
    el('span', { class: 'choose' }, t('studio-media-choose')), input);
  zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('over');
    uploadFiles(folder, [...event.dataTransfer.files]);
  });
  return zone;
}

function mediaPanel(data, uploaded, said) {
  const photos = data.photos.map((p, i) => photoCard(p, i));
  return [
    el('p', {}, el('a', { href: '#', class: 'back' }, t('studio-media-back'))),
    el('h2', { class: 'media-title' }, data.name + ' · ' + t('studio-media-title')),
    el('div', { class: 'media-head' }, limitList(data.limits), dropZone(data.folder)),
    el('ul', { class: 'uploads', id: 'uploads', 'aria-live': 'polite' }, uploaded || []),
    el('output', { id: 'media-saved', 'aria-live': 'polite' }, said || ''),
    el('output', { id: 'media-making', 'aria-live': 'polite' }),
    data.findings.length ? el('section', { id: 'media-findings' }, findingList(data.findings)) : null,
    el('h3', {}, t('studio-media-portrait')),
    data.portrait
      ? el('ul', { class: 'photos', id: 'portrait' }, photoCard(data.portrait, null))
      : el('p', { class: 'message' }, t('studio-no-portrait')),
    el('h3', {}, t('studio-media-photos') + '（' + data.photos.length + '）'),
    el('ul', { class: 'photos', id: 'photos' }, photos),
    el('h3', {}, t('studio-media-videos') + '（' + data.videos.length + '）'),
    el('ul', { class: 'videos', id: 'videos' }, data.videos.map(videoCard)),
  ];
}

/** Shows the panel of `data` in place of the dashboard, where the page was scrolled. */
function renderMedia(data, uploaded, said) {
  PANEL = data;
  const at = window.scrollY;
  document.getElementById('app').replaceChildren(...mediaPanel(data, uploaded, said).filter(Boolean));
  window.scrollTo(0, at);
}

/** Shows a nominee's photos and videos in place of the dashboard. */
async function showMedia(folder, uploaded) {
  const app = document.getElementById('app');
  try {
    renderMedia(await getJson('/api/media?folder=' + encodeURIComponent(folder)), uploaded);
  } catch (e) {
    app.replaceChildren(el('p', { class: 'message' }, t('studio-load-failed')));
    return;
  }
  if (uploaded) followMaking(folder);
}

/** Says how far the site's images of the uploaded photos are made, until they all are or
 * the panel is left. */
async function followMaking(folder) {
  const line = document.getElementById('media-making');
  if (!line || !line.isConnected || PANEL.folder !== folder) return;
  const making = await getJson('/api/images?folder=' + encodeURIComponent(folder)).catch(() => null);
  if (!making || !line.isConnected) return;
  const counted = making.total ? ' ' + making.made + ' / ' + making.total : '';
  line.textContent = making.done && !making.total ? ''
    : making.done
    ? t('studio-images-made') + counted + (making.failed ? '；' + making.failed + ' ' + t('studio-images-failed') : '')
    : t('studio-images-making') + counted;
  line.dataset.done = making.done;
  if (!making.done) setTimeout(() => followMaking(folder), 500);
}

/** The folder named by an address's `#media/<folder>`, if any. */
const mediaFolder = () => location.hash.startsWith('#media/') ? decodeURIComponent(location.hash.slice(7)) : null;

window.addEventListener('hashchange', () => {
  const folder = mediaFolder();
  if (folder) showMedia(folder);
  else if (!location.hash || location.hash === '#') showDashboard();
});
