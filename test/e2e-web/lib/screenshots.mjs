// Screenshots: every step's whole window goes to out/e2e-web/shots/ (for looking into a failure);
// with --screenshots, cropped pictures also go to docs/images/ for the README and docs/*.md:
//   editor.png    the defective sample: coloured spans, problems underlined
//   hover.png     the hover on a relation's MeSH id
//   problems.png  the Problems panel
//   preview.png   the reading view beside the editor (test/e2e-web/preview.mjs)
//   compare.png   the whole window while comparing two files: differences marked, lenses, the view
//   annotate.png  words selected in the preview, the entity type quick pick open over them (annotate.mjs)
import fs from 'node:fs';
import path from 'node:path';

const KINDS = ['editor', 'hover', 'problems', 'preview', 'compare', 'annotate'];

export class Shooter {
  constructor({ shotsDir, imagesDir }) {
    this.shotsDir = shotsDir;
    this.imagesDir = imagesDir;
    this.count = 0;
    this.written = [];
    fs.mkdirSync(shotsDir, { recursive: true });
    if (imagesDir) fs.mkdirSync(imagesDir, { recursive: true });
  }

  attach(wb) { this.wb = wb; }

  /** Never throws: a picture that could not be taken is reported by missingImages(). */
  async shoot(name, kind) {
    const page = this.wb.page;
    try {
      await page.screenshot({ path: path.join(this.shotsDir, `${String(++this.count).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.png`) });
      if (!kind || !this.imagesDir) return;
      if (kind !== 'hover') {
        // Park the mouse on the empty part of the activity bar, so that no tooltip covers the picture.
        await page.mouse.move(24, 420);
        await this.wb.sleep(800);
      }
      const clip = await this.clipFor(kind);
      if (!clip) throw new Error('nothing to crop');
      const file = path.join(this.imagesDir, `${kind}.png`);
      await page.screenshot({ path: file, clip });
      this.written.push(path.relative(process.cwd(), file));
    } catch (e) {
      process.stdout.write(`screenshot ${name} not taken: ${e.message.split('\n')[0]}\n`);
    }
  }

  async failure(name) {
    if (this.wb) await this.shoot(`FAILED-${name}`);
  }

  missingImages() {
    return KINDS.filter((k) => !this.written.some((f) => f.endsWith(`${k}.png`)));
  }

  /** The part of the window each picture shows, trimmed to what is drawn in it. */
  async clipFor(kind) {
    const wb = this.wb;
    if (kind === 'compare') return { x: 0, y: 0, ...wb.page.viewportSize() };
    if (kind === 'problems') {
      const panel = await wb.box('.part.panel');
      const rows = await wb.page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.getBoundingClientRect().bottom));
      if (!panel) return null;
      const bottom = Math.min(panel.y + panel.height, Math.max(panel.y + 80, ...rows) + 12);
      return { x: panel.x, y: panel.y, width: panel.width, height: bottom - panel.y };
    }
    if (kind === 'preview') return wb.box('.part.editor');
    if (kind === 'annotate') {
      // The editor area and the quick pick over it (it hangs from the title bar, centred in the window).
      const part = await wb.box('.part.editor');
      const pick = await wb.box('.quick-input-widget');
      if (!part || !pick) return null;
      const x = Math.min(part.x, pick.x);
      const y = Math.min(part.y, pick.y);
      const right = Math.max(part.x + part.width, pick.x + pick.width);
      return { x, y, width: right - x, height: part.y + part.height - y };
    }
    const editor = await wb.box('.editor-group-container.active');
    if (!editor) return null;
    const lines = await wb.page.$$eval('.editor-group-container.active .view-lines .view-line', (els) => els.map((e) => e.getBoundingClientRect().bottom));
    let bottom = Math.max(editor.y + 120, ...lines) + 12;
    let right = editor.x + Math.min(editor.width, 980);
    if (kind === 'hover') {
      const hover = await wb.box('.monaco-hover:not(.hidden)');
      if (!hover) return null;
      bottom = Math.max(bottom, hover.y + hover.height + 12);
      right = Math.max(right, Math.min(editor.x + editor.width, hover.x + hover.width + 12));
    }
    bottom = Math.min(bottom, editor.y + editor.height);
    return { x: editor.x, y: editor.y, width: right - editor.x, height: bottom - editor.y };
  }
}
