/* --debug-dir: the page as OCR saw it, with what it found drawn on top, so a
 * person can see why a number came out as it did. */
#include <math.h>

#include "ocr_internal.h"

static BOX *box_px(b2j_box b, double px) {
  int x0 = (int)floor(b.x0 * px), y0 = (int)floor(b.y0 * px);
  int x1 = (int)ceil(b.x1 * px), y1 = (int)ceil(b.y1 * px);
  return boxCreate(x0, y0, MAX(1, x1 - x0), MAX(1, y1 - y0));
}

bool b2j_ocr_write_debug(const b2j_ocr_ctx *ctx, const b2j_page *page, const char *path,
                         GError **error) {
  if (!ctx->dbg_gray || !ctx->dbg_regions) {
    g_set_error(error, b2j_ocr_error_quark(), 4,
                "no OCR'd page to draw (debug was off or the page failed)");
    return false;
  }
  PIX *pix = pixConvertTo32(ctx->dbg_gray);
  if (!pix) {
    g_set_error(error, b2j_ocr_error_quark(), 3, "out of memory");
    return false;
  }
  double px = ctx->dbg_dpi / 72.0;
  /* Cells tinted by the lowest confidence read inside. */
  for (guint i = 0; i < ctx->dbg_regions->len; i++) {
    const b2j_ocr_region *rg = &g_array_index(ctx->dbg_regions, b2j_ocr_region, i);
    if (!rg->cell)
      continue;
    BOX *b = boxCreate(rg->x0, rg->y0, rg->x1 - rg->x0, rg->y1 - rg->y0);
    l_uint8 r = 160, g = 160, bl = 160;
    if (rg->conf >= 0.9) {
      r = 0, g = 200, bl = 0;
    } else if (rg->conf >= 0.7) {
      r = 255, g = 150, bl = 0;
    } else if (rg->conf >= 0) {
      r = 255, g = 0, bl = 0;
    }
    pixRenderBoxBlend(pix, b, (rg->y1 - rg->y0) / 2 + 1, r, g, bl, 0.2f);
    boxDestroy(&b);
  }
  for (guint i = 0; i < page->rules->len; i++) {
    const b2j_rule *r = &g_array_index(page->rules, b2j_rule, i);
    BOX *b = box_px(r->box, px);
    pixRenderBoxArb(pix, b, 3, 0, 80, 255);
    boxDestroy(&b);
  }
  for (guint i = 0; i < page->words->len; i++) {
    const b2j_word *w = &g_array_index(page->words, b2j_word, i);
    BOX *b = box_px(w->box, px);
    pixRenderBoxArb(pix, b, 1, 160, 0, 200);
    boxDestroy(&b);
  }
  bool ok = pixWrite(path, pix, IFF_PNG) == 0;
  pixDestroy(&pix);
  if (!ok)
    g_set_error(error, b2j_ocr_error_quark(), 5,
                "cannot write '%s'", path);
  return ok;
}
