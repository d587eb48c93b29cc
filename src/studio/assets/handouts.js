// laurel studio: 材料包 (#/handouts). The 汇总表 to download (private data: marked so), and per
// nominee the media kit's material of the last build: card link, QR code, 海报, 长图 and the
// other downloads, the 公众号 draft with copy buttons. Uses studio.js's helpers (el, t,
// getJson); every text is put in with textContent.
'use strict';

/** Puts `html` (with its text as the plain twin) or plain `text` on the clipboard; says so. */
async function copyOut(said, text, html) {
  try {
    if (html) {
      const plain = new DOMParser().parseFromString(html, 'text/html').body.innerText;
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([plain], { type: 'text/plain' }),
      })]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    said.textContent = t('studio-handouts-copied');
  } catch (e) {
    said.textContent = t('studio-handouts-copy-failed');
  }
}

/** The 公众号 draft's copy buttons: the body as HTML, the summary as text. */
function articleTools(n) {
  const said = el('output', { class: 'copied', 'aria-live': 'polite' });
  const copyBody = async () => {
    const response = await fetch(n.article, { headers: { 'X-Laurel-Key': KEY } });
    copyOut(said, null, await response.text());
  };
  return el('div', { class: 'article-tools' },
    el('b', {}, t('studio-handouts-article')),
    n.article ? el('button', { type: 'button', class: 'copy-body', onclick: copyBody }, t('studio-handouts-copy-body')) : null,
    n.summary ? el('button', { type: 'button', class: 'copy-summary', onclick: () => copyOut(said, n.summary) }, t('studio-handouts-copy-summary')) : null,
    n.article ? el('a', { href: n.article, target: '_blank', rel: 'noopener' }, t('studio-handouts-open-draft')) : null,
    said);
}

/** One nominee's material in the last build. */
function handout(n) {
  const head = el('h3', {}, el('a', { href: '#/nominee/' + encodeURIComponent(n.folder) }, n.name));
  if (!n.built) return el('li', { class: 'handout unbuilt', 'data-folder': n.folder }, head, el('p', { class: 'note' }, t('studio-handouts-not-built')));
  const url = el('input', { value: n.card_url, readonly: true, 'aria-label': t('studio-handouts-card') + ' ' + n.name });
  const said = el('output', { class: 'copied', 'aria-live': 'polite' });
  return el('li', { class: 'handout', 'data-folder': n.folder }, head,
    el('div', { class: 'handout-grid' },
      n.qr ? el('img', { src: n.qr, alt: t('studio-handouts-qr') + ' ' + n.name, width: 120, height: 120, class: 'qr' }) : null,
      el('div', {},
        el('label', { class: 'card-url' }, t('studio-handouts-card'), url,
          el('button', { type: 'button', onclick: () => copyOut(said, n.card_url) }, t('studio-handouts-copy')), said),
        el('ul', { class: 'downloads' }, n.downloads.map(d => el('li', {},
          el('a', { href: d.href, download: d.file, class: 'download' }, d.label), el('small', {}, ' ' + d.file)))),
        articleTools(n))));
}

/** The 汇总表's downloads, marked as holding private data. */
function summaryLinks() {
  const warning = t('studio-handouts-private');
  return el('section', { class: 'summary-links', id: 'summary-links' },
    el('h3', {}, t('studio-handouts-summary')),
    el('p', {},
      el('a', { href: '/api/handouts/summary.xlsx', download: true, id: 'summary-xlsx' }, t('studio-handouts-xlsx') + '（' + warning + '）'),
      ' · ',
      el('a', { href: '/api/handouts/summary.csv', download: true, id: 'summary-csv' }, t('studio-handouts-csv') + '（' + warning + '）')),
    el('p', { class: 'note' }, t('studio-handouts-summary-note')));
}

async function showHandouts(app) {
  let data;
  try {
    data = await getJson('/api/handouts');
  } catch (e) {
    app.replaceChildren(el('p', { class: 'message' }, t('studio-load-failed')));
    return;
  }
  const kit = data.built
    ? el('ul', { class: 'handouts', id: 'handouts' }, data.nominees.map(handout))
    : el('p', { class: 'message', id: 'no-build' }, t('studio-handouts-no-build') + ' ',
      el('a', { href: '#/publish' }, t('studio-handouts-go-build')));
  app.replaceChildren(
    el('h2', { class: 'media-title' }, t('studio-handouts-title')),
    summaryLinks(),
    el('h3', {}, t('studio-handouts-kit')),
    el('p', { class: 'note' }, t('studio-handouts-kit-note')),
    kit);
}

screen('handouts', 'studio-handouts-tab', showHandouts);
