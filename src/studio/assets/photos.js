// laurel studio: a nominee's photos and videos (#media/<folder>). Uses studio.js's helpers
// (el, t, getJson, KEY); every text is put in with textContent.
'use strict';

/** The address of a small preview of an image of the site. */
const previewUrl = image => '/api/preview?path=' + encodeURIComponent(image.path) + '&v=' + image.version;

/** Bytes in MB, one decimal. */
const megabytes = bytes => (bytes / 1048576).toFixed(1) + ' MB';

/** Seconds as m:ss. */
const minutes = seconds => Math.floor(seconds / 60) + ':' + String(Math.round(seconds % 60)).padStart(2, '0');

/** The notice's limits in one line each. */
function limitList(limits) {
  const sizes = limits.video_sizes.map(([w, h]) => w + '×' + h).join(t('studio-media-or'));
  return el('ul', { class: 'limits', id: 'media-limits' },
    el('li', {}, t('studio-media-limit-photos') + '：' + limits.photos_min + '–' + limits.photos_max + ' '
      + t('studio-media-each-at-least') + ' ' + megabytes(limits.photo_min_bytes)),
    el('li', {}, t('studio-media-limit-portrait') + '：' + t('studio-media-width-at-least') + ' ' + limits.portrait_min_width + ' px'),
    el('li', {}, t('studio-media-limit-videos') + '：' + t('studio-media-at-most') + ' ' + minutes(limits.video_max_seconds) + '，' + sizes),
    el('li', {}, t('studio-media-limit-upload') + '：' + limits.upload_photo_mb + ' MB / ' + limits.upload_video_mb + ' MB'));
}

/** A crop of the site, drawn from the preview: the box has the crop's shape, the image
 * inside is moved so that the crop's part shows. */
function cropBox(src, label, [left, top, width, height], shape) {
  const img = el('img', { src, alt: '' });
  img.style.width = (100 / width) + '%';
  img.style.left = (-100 * left / width) + '%';
  img.style.top = (-100 * top / height) + '%';
  return el('figure', { class: 'crop ' + shape, 'data-crop': shape }, el('div', {}, img), el('figcaption', {}, label));
}

function cropRow(src, crops) {
  return el('div', { class: 'crops' },
    cropBox(src, '3:4', crops.portrait, 'portrait'),
    cropBox(src, '1:1', crops.square, 'square'),
    cropBox(src, '2.35:1', crops.cover, 'cover'));
}

/** One photo (or the portrait) with its findings. */
function photoCard(image, index, folder) {
  const src = previewUrl(image);
  const marker = el('span', { class: 'focus-mark' });
  marker.style.left = image.focus[0] * 100 + '%';
  marker.style.top = image.focus[1] * 100 + '%';
  const facts = image.width + '×' + image.height + ' · ' + megabytes(image.bytes);
  return el('li', { class: 'photo', 'data-file': image.file, 'data-index': index },
    el('div', { class: 'shot' }, el('img', { src, alt: image.caption || image.file }), marker),
    el('div', { class: 'about' },
      el('b', {}, image.file), el('small', {}, facts),
      image.caption ? el('p', { class: 'caption' }, image.caption) : null,
      image.findings.length ? findingList(image.findings) : el('p', { class: 'ok' }, t('studio-clean'))),
    cropRow(src, image.crops));
}

function videoCard(video) {
  const facts = video.duration == null
    ? t('studio-media-unreadable')
    : minutes(video.duration) + ' · ' + video.width + '×' + video.height + ' · ' + megabytes(video.bytes);
  return el('li', { class: 'video', 'data-file': video.file },
    el('b', {}, video.file), el('small', { class: 'duration' }, facts),
    video.title ? el('p', {}, video.title) : null,
    video.findings.length ? findingList(video.findings) : el('p', { class: 'ok' }, t('studio-clean')));
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

function mediaPanel(data, uploaded) {
  const photos = data.photos.map((p, i) => photoCard(p, i + 1, data.folder));
  return [
    el('p', {}, el('a', { href: '#', class: 'back' }, t('studio-media-back'))),
    el('h2', { class: 'media-title' }, data.name + ' · ' + t('studio-media-title')),
    el('div', { class: 'media-head' }, limitList(data.limits), dropZone(data.folder)),
    el('ul', { class: 'uploads', id: 'uploads', 'aria-live': 'polite' }, uploaded || []),
    data.findings.length ? el('section', { id: 'media-findings' }, findingList(data.findings)) : null,
    el('h3', {}, t('studio-media-portrait')),
    data.portrait
      ? el('ul', { class: 'photos', id: 'portrait' }, photoCard(data.portrait, 0, data.folder))
      : el('p', { class: 'message' }, t('studio-no-portrait')),
    el('h3', {}, t('studio-media-photos') + '（' + data.photos.length + '）'),
    el('ul', { class: 'photos', id: 'photos' }, photos),
    el('h3', {}, t('studio-media-videos') + '（' + data.videos.length + '）'),
    el('ul', { class: 'videos', id: 'videos' }, data.videos.map(videoCard)),
  ];
}

/** Shows a nominee's photos and videos in place of the dashboard. */
async function showMedia(folder, uploaded) {
  const app = document.getElementById('app');
  try {
    const data = await getJson('/api/media?folder=' + encodeURIComponent(folder));
    app.replaceChildren(...mediaPanel(data, uploaded).filter(Boolean));
  } catch (e) {
    app.replaceChildren(el('p', { class: 'message' }, t('studio-load-failed')));
  }
}

/** The folder named by an address's `#media/<folder>`, if any. */
const mediaFolder = () => location.hash.startsWith('#media/') ? decodeURIComponent(location.hash.slice(7)) : null;

window.addEventListener('hashchange', () => {
  const folder = mediaFolder();
  if (folder) showMedia(folder);
  else if (!location.hash || location.hash === '#') showDashboard();
});
