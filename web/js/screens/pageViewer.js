// The fax/scan page viewer: zoom, rotate and page through the images of a prescription, with
// buttons and with the keyboard when the image area has focus. The page is drawn on a
// canvas sized by its width/height attributes, so no inline style is needed (the CSP forbids
// them) and a rotated page takes its real space. The 800 px preview is used up to the size it
// covers; beyond that the full image is loaded. Images live only in this screen's memory
// (the server sends Cache-Control: no-store).
import { h } from '../dom.js';

const kZooms = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
const kPageKinds = { fax: 'FAX', original: '原本', scan: 'スキャン', upload: '添付画像' };

export function pageViewer(pages) {
  let index = 0;
  let zoomIndex = kZooms.indexOf(1);
  let rotation = 0;
  const images = new Map(); // url -> Promise<HTMLImageElement>
  let drawToken = 0;

  const canvas = h('canvas', { class: 'page-canvas', role: 'img', width: 1, height: 1, 'data-testid': 'page-canvas' });
  const message = h('p', { class: 'page-message' }, '画像を読み込み中…');
  const stage = h(
    'div',
    {
      class: 'page-stage',
      tabindex: '0',
      'aria-label': '処方箋画像。＋ − で拡大縮小、0 で幅に合わせる、R で右に回転、Shift+R で左に回転、PageUp / PageDown でページ移動',
      'aria-describedby': 'page-keys',
    },
    message,
    canvas,
  );
  const status = h('p', { class: 'page-status', role: 'status', 'aria-live': 'polite' });
  const pageLabel = h('span', { class: 'page-count' });
  const zoomLabel = h('span', { class: 'page-zoom' });

  const button = (label, text, onclick, extra = {}) =>
    h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': label, title: label, onclick, ...extra }, text);
  const prev = button('前のページ', '◀ 前', () => go(index - 1), { 'data-viewer': 'prev' });
  const next = button('次のページ', '次 ▶', () => go(index + 1), { 'data-viewer': 'next' });
  const zoomOut = button('縮小', '－', () => zoom(zoomIndex - 1), { 'data-viewer': 'zoom-out' });
  const zoomIn = button('拡大', '＋', () => zoom(zoomIndex + 1), { 'data-viewer': 'zoom-in' });
  const fit = button('幅に合わせる', '幅に合わせる', () => zoom(kZooms.indexOf(1)), { 'data-viewer': 'fit' });
  const rotateLeft = button('左に90度回転', '⟲ 左回転', () => rotate(-90), { 'data-viewer': 'rotate-left' });
  const rotateRight = button('右に90度回転', '⟳ 右回転', () => rotate(90), { 'data-viewer': 'rotate-right' });
  const fullLink = h('a', { class: 'button button-secondary button-small', target: '_blank', rel: 'noopener' }, '原寸で開く');

  const toolbar = h(
    'div',
    { class: 'page-toolbar', role: 'toolbar', 'aria-label': '画像の操作' },
    h('div', { class: 'page-group' }, prev, pageLabel, next),
    h('div', { class: 'page-group' }, zoomOut, zoomLabel, zoomIn, fit),
    h('div', { class: 'page-group' }, rotateLeft, rotateRight, fullLink),
  );
  const root = h(
    'div',
    { class: 'page-viewer' },
    toolbar,
    stage,
    h('p', { class: 'hint', id: 'page-keys' }, '画像を選んでから: ＋／− 拡大縮小、0 幅に合わせる、R 回転、PageUp／PageDown ページ移動'),
    status,
  );

  function load(url) {
    if (!images.has(url))
      images.set(
        url,
        new Promise((resolve, reject) => {
          const img = new Image();
          img.decoding = 'async';
          img.onload = () => resolve(img);
          img.onerror = () => {
            images.delete(url);
            reject(new Error('image'));
          };
          img.src = url;
        }),
      );
    return images.get(url);
  }

  function describe() {
    const page = pages[index];
    const kind = kPageKinds[page.kind] || page.kind;
    return `${kind} ${page.page_no} ページ目（全 ${pages.length} ページ）、${Math.round(kZooms[zoomIndex] * 100)}%、回転 ${rotation}°`;
  }

  async function draw({ say = false } = {}) {
    const token = ++drawToken;
    const page = pages[index];
    pageLabel.textContent = `${index + 1} / ${pages.length}`;
    zoomLabel.textContent = `${Math.round(kZooms[zoomIndex] * 100)}%`;
    prev.disabled = index === 0;
    next.disabled = index === pages.length - 1;
    zoomOut.disabled = zoomIndex === 0;
    zoomIn.disabled = zoomIndex === kZooms.length - 1;
    fullLink.href = page.image_url;

    const available = Math.max(200, stage.clientWidth - 24);
    const turned = rotation % 180 !== 0;
    let img;
    try {
      img = await load(page.preview_url);
      // The preview is 800 px wide: past what it covers, sharpen with the full image.
      const wanted = available * kZooms[zoomIndex] * (window.devicePixelRatio || 1);
      const previewSpan = turned ? img.naturalHeight : img.naturalWidth;
      if (wanted > previewSpan * 1.05) {
        try {
          img = await load(page.image_url);
          canvas.dataset.source = 'full';
        } catch {
          canvas.dataset.source = 'preview';
        }
      } else {
        canvas.dataset.source = 'preview';
      }
    } catch {
      if (token !== drawToken) return;
      message.textContent = '画像を読み込めませんでした。再読み込みしてください。';
      message.hidden = false;
      canvas.hidden = true;
      return;
    }
    if (token !== drawToken) return;
    const w = turned ? img.naturalHeight : img.naturalWidth;
    const ht = turned ? img.naturalWidth : img.naturalHeight;
    const scale = (available * kZooms[zoomIndex]) / w;
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(ht * scale));
    const g = canvas.getContext('2d');
    g.save();
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.translate(canvas.width / 2, canvas.height / 2);
    g.rotate((rotation * Math.PI) / 180);
    const dw = img.naturalWidth * scale;
    const dh = img.naturalHeight * scale;
    g.drawImage(img, -dw / 2, -dh / 2, dw, dh);
    g.restore();
    message.hidden = true;
    canvas.hidden = false;
    canvas.dataset.page = String(index + 1);
    canvas.dataset.zoom = String(kZooms[zoomIndex]);
    canvas.dataset.rotation = String(rotation);
    canvas.setAttribute('aria-label', `処方箋画像: ${describe()}`);
    if (say) status.textContent = describe();
  }

  function go(i) {
    if (i < 0 || i >= pages.length || i === index) return;
    index = i;
    stage.scrollTo(0, 0);
    draw({ say: true });
  }

  function zoom(i) {
    const clamped = Math.max(0, Math.min(kZooms.length - 1, i));
    if (clamped === zoomIndex) return;
    zoomIndex = clamped;
    draw({ say: true });
  }

  function rotate(delta) {
    rotation = (rotation + delta + 360) % 360;
    draw({ say: true });
  }

  stage.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const k = event.key;
    if (k === '+' || k === '=' || k === ';') zoom(zoomIndex + 1);
    else if (k === '-' || k === '_') zoom(zoomIndex - 1);
    else if (k === '0') zoom(kZooms.indexOf(1));
    else if (k === 'r' || k === 'R') rotate(event.shiftKey ? -90 : 90);
    else if (k === 'PageDown') go(index + 1);
    else if (k === 'PageUp') go(index - 1);
    else return;
    event.preventDefault();
  });

  // The stage's width is known only once it is in the document.
  requestAnimationFrame(() => draw());
  let resizeTimer = null;
  const onResize = () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => draw(), 150);
  };
  window.addEventListener('resize', onResize);

  return {
    element: root,
    stop() {
      window.removeEventListener('resize', onResize);
      clearTimeout(resizeTimer);
      drawToken += 1;
      images.clear();
    },
  };
}
