/* Page image clean-up before recognition: gray without the red seal,
 * adaptive binarisation, ruling-line masks. All image work is leptonica's;
 * the only hand-written loops convert between cairo's pixel layout and a PIX. */
#include <math.h>

#include "ocr_internal.h"

/* Gray from cairo's native-endian 0x00RRGGBB. A seal is stamped in red ink
 * that multiplies the paper: in its red channel the seal is nearly white
 * while text under it stays as dark as it was. So a reddish pixel takes its
 * red channel (the seal vanishes, black text survives) and every other pixel
 * its luminance.
 *
 * Nearly white is not white: a seal's red channel sits a fifth below the
 * paper's (190 against 240 on a real report's noisy scan), and the adaptive
 * threshold, seeing it on white, keeps the ring's boxes as glyphs (read
 * 1A7, CRY, 站 before the amounts beside them). Inside a seal, then, a red
 * channel above SEAL_LIFT_FROM is lifted to white by SEAL_LIFT_SPAN, and the
 * seal's fringes (reddish, not red) too. Only inside a seal: the colour
 * fringes JPEG leaves around black text are reddish too, and lifting them
 * thins digits all over the page (59.53 read 54,53). A seal is a red region
 * at least SEAL_MIN_IN inches across both ways; its inner marks (boxes,
 * star, text) fall within its ring's bounding box. */
#define SEAL_RED 40       /* r - max(g, b) above this: red ink */
#define SEAL_FRINGE 20    /* above this, inside a seal: the ink's fringe */
#define SEAL_LIFT_FROM 110
#define SEAL_LIFT_SPAN 60
#define SEAL_MIN_IN 0.5

static int lift_red(int r) {
  return r <= SEAL_LIFT_FROM
             ? r
             : MIN(255, SEAL_LIFT_FROM + (r - SEAL_LIFT_FROM) * (255 - SEAL_LIFT_FROM) / SEAL_LIFT_SPAN);
}

/* Bounding boxes of the page's seals: red regions big enough (strokes
 * joined first, a ring's gaps closed). NULL when there is none. */
static BOXA *seal_boxes(PIX *red, double dpi) {
  l_int32 empty = 1;
  if (pixZero(red, &empty) || empty)
    return NULL;
  int join = MAX(3, (int)lround(dpi / 30.0)) | 1;
  PIX *closed = pixCloseBrick(NULL, red, join, join);
  int min = (int)lround(SEAL_MIN_IN * dpi);
  PIX *big = closed ? pixSelectBySize(closed, min, min, 8, L_SELECT_IF_BOTH, L_SELECT_IF_GTE, NULL)
                    : NULL;
  pixDestroy(&closed);
  BOXA *boxes = big ? pixConnCompBB(big, 8) : NULL;
  pixDestroy(&big);
  if (boxes && boxaGetCount(boxes) == 0)
    boxaDestroy(&boxes);
  return boxes;
}

PIX *b2j_ocr_gray_from_rgb(const guint32 *rgb, int width, int height, int stride, double dpi) {
  PIX *pix = pixCreate(width, height, 8);
  PIX *red = pix ? pixCreate(width, height, 1) : NULL;
  if (!red) {
    pixDestroy(&pix);
    return NULL;
  }
  l_uint32 *data = pixGetData(pix), *rdata = pixGetData(red);
  int wpl = pixGetWpl(pix), rwpl = pixGetWpl(red);
  for (int y = 0; y < height; y++) {
    const guint32 *row = (const guint32 *)((const guint8 *)rgb + (gsize)y * (gsize)stride);
    l_uint32 *line = data + (gsize)y * (gsize)wpl, *rline = rdata + (gsize)y * (gsize)rwpl;
    for (int x = 0; x < width; x++) {
      guint32 p = row[x];
      int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
      bool is_red = r - MAX(g, b) > SEAL_RED;
      int v = is_red ? r : (r * 77 + g * 150 + b * 29) >> 8;
      SET_DATA_BYTE(line, x, v);
      if (is_red)
        SET_DATA_BIT(rline, x);
    }
  }
  BOXA *seals = seal_boxes(red, dpi);
  pixDestroy(&red);
  for (int i = 0; seals && i < boxaGetCount(seals); i++) {
    l_int32 bx, by, bw, bh;
    boxaGetBoxGeometry(seals, i, &bx, &by, &bw, &bh);
    for (int y = by; y < by + bh && y < height; y++) {
      const guint32 *row = (const guint32 *)((const guint8 *)rgb + (gsize)y * (gsize)stride);
      l_uint32 *line = data + (gsize)y * (gsize)wpl;
      for (int x = bx; x < bx + bw && x < width; x++) {
        guint32 p = row[x];
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        int d = r - MAX(g, b);
        if (d <= SEAL_FRINGE)
          continue;
        int lum = (r * 77 + g * 150 + b * 29) >> 8, lifted = lift_red(r);
        /* A fringe pixel goes part of the way, as red as it is. */
        int v = d > SEAL_RED ? lifted
                             : lum + (lifted - lum) * (d - SEAL_FRINGE) / (SEAL_RED - SEAL_FRINGE);
        SET_DATA_BYTE(line, x, v);
      }
    }
  }
  boxaDestroy(&seals);
  return pix;
}

/* Sauvola's local threshold follows uneven lamp light and paper tone where
 * one global threshold loses faint strokes at one end of the page and
 * blackens the other. Specks smaller than a decimal point go.
 *
 * How strict: k = 0.34 keeps dense characters open, but a thin typeface
 * scanned at low resolution keeps its horizontal strokes only as light gray,
 * which it erases (一 vanishes, 财 loses its bars, 5,573.00 breaks in two).
 * Such a page shows itself by its loose reading (k = 0.12) finding far more
 * ink than its strict one: there the loose reading is the page. */
#define SAUVOLA_STRICT 0.34f
#define SAUVOLA_LOOSE 0.12f
#define FAINT_INK_RATIO 0.65 /* strict ink / loose ink below this: faint strokes */

/* Marks pixels of `g` (8 bpp, a border of whsize + 1 around the part that
 * is kept) darker than their Sauvola threshold, t = m (1 - k (1 - s / 128)),
 * for both k at once: the window's mean m and deviation s, the costly part,
 * are measured once. `sc` is `g` without its border; out[i] gets one 1 bpp
 * image per k[i] (caller destroys them). The arithmetic is leptonica's
 * pixSauvolaBinarize's, so each image is the one it would give. */
static bool sauvola_tile(PIX *g, PIX *sc, int whsize, const float k[2], PIX *out[2]) {
  out[0] = out[1] = NULL;
  PIX *m = pixWindowedMean(g, whsize, whsize, 1, 1);
  PIX *ms = pixWindowedMeanSquare(g, whsize, whsize, 1);
  int w = pixGetWidth(sc), h = pixGetHeight(sc);
  bool ok = m && ms && pixGetWidth(m) == w && pixGetHeight(m) == h;
  for (int i = 0; ok && i < 2; i++)
    ok = (out[i] = pixCreate(w, h, 1)) != NULL;
  if (ok) {
    l_uint32 *dm = pixGetData(m), *dms = pixGetData(ms), *ds = pixGetData(sc);
    l_uint32 *d0 = pixGetData(out[0]), *d1 = pixGetData(out[1]);
    int wm = pixGetWpl(m), wms = pixGetWpl(ms), wsc = pixGetWpl(sc), wd = pixGetWpl(out[0]);
    for (int y = 0; y < h; y++) {
      l_uint32 *lm = dm + y * wm, *lms = dms + y * wms, *ls = ds + y * wsc;
      l_uint32 *l0 = d0 + y * wd, *l1 = d1 + y * wd;
      for (int x = 0; x < w; x++) {
        l_int32 mv = GET_DATA_BYTE(lm, x), var = (l_int32)lms[x] - mv * mv;
        float sd = sqrtf((float)var);
        l_int32 v = GET_DATA_BYTE(ls, x);
        /* As leptonica stores it: the threshold truncated to a byte. */
        l_int32 t0 = (l_int32)(mv * (1.0 - k[0] * (1.0 - sd / 128.))) & 0xff;
        l_int32 t1 = (l_int32)(mv * (1.0 - k[1] * (1.0 - sd / 128.))) & 0xff;
        if (v < t0)
          SET_DATA_BIT(l0, x);
        if (v < t1)
          SET_DATA_BIT(l1, x);
      }
    }
  }
  pixDestroy(&m);
  pixDestroy(&ms);
  if (!ok) {
    pixDestroy(&out[0]);
    pixDestroy(&out[1]);
  }
  return ok;
}

/* Sauvola binarisations of `gray` for the two k of `k`, in tiles that keep
 * the window sums small (leptonica's tiling, as pixSauvolaBinarizeTiled
 * does it), specks smaller than a decimal point removed. out[i] NULL on
 * failure. */
static void sauvola_pair(PIX *gray, double dpi, const float k[2], PIX *out[2]) {
  out[0] = out[1] = NULL;
  int w = pixGetWidth(gray), h = pixGetHeight(gray);
  int whsize = MAX(8, (int)lround(dpi / 12.0));
  if (w < 2 * whsize + 3 || h < 2 * whsize + 3)
    return;
  /* Tiles keep the integral images small; each must exceed the window. */
  int nx = MAX(1, MIN(w / 700, w / (2 * whsize + 3))), ny = MAX(1, MIN(h / 700, h / (2 * whsize + 3)));
  PIX *bin[2] = {NULL, NULL};
  if (nx <= 1 && ny <= 1) {
    PIX *g = pixAddMirroredBorder(gray, whsize + 1, whsize + 1, whsize + 1, whsize + 1);
    if (g)
      sauvola_tile(g, gray, whsize, k, bin);
    pixDestroy(&g);
  } else {
    PIXTILING *pt = pixTilingCreate(gray, nx, ny, 0, 0, whsize + 1, whsize + 1);
    bool ok = pt != NULL;
    for (int i = 0; ok && i < 2; i++)
      ok = (bin[i] = pixCreate(w, h, 1)) != NULL;
    if (ok)
      pixTilingNoStripOnPaint(pt); /* the tiles come without their border */
    for (int ty = 0; ok && ty < ny; ty++)
      for (int tx = 0; ok && tx < nx; tx++) {
        PIX *t = pixTilingGetTile(pt, ty, tx), *sc = t ? pixRemoveBorder(t, whsize + 1) : NULL;
        PIX *tb[2] = {NULL, NULL};
        ok = sc && sauvola_tile(t, sc, whsize, k, tb);
        for (int i = 0; ok && i < 2; i++)
          ok = pixTilingPaintTile(bin[i], ty, tx, tb[i], pt) == 0;
        pixDestroy(&tb[0]);
        pixDestroy(&tb[1]);
        pixDestroy(&sc);
        pixDestroy(&t);
      }
    pixTilingDestroy(&pt);
    if (!ok) {
      pixDestroy(&bin[0]);
      pixDestroy(&bin[1]);
    }
  }
  int speck = MAX(2, (int)lround(dpi / 150.0));
  for (int i = 0; i < 2; i++) {
    if (bin[i])
      out[i] = pixSelectBySize(bin[i], speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, NULL);
    pixDestroy(&bin[i]);
  }
  if (!out[0] || !out[1]) {
    pixDestroy(&out[0]);
    pixDestroy(&out[1]);
  }
}

static bool ink_is_faint(l_int32 strict_ink, l_int32 loose_ink) {
  return loose_ink > 0 && strict_ink < FAINT_INK_RATIO * loose_ink;
}

PIX *b2j_ocr_binarize_both(PIX *gray, double dpi, PIX **loose_too) {
  if (loose_too)
    *loose_too = NULL;
  static const float K[2] = {SAUVOLA_STRICT, SAUVOLA_LOOSE};
  PIX *pair[2];
  sauvola_pair(gray, dpi, K, pair);
  PIX *strict = pair[0], *loose = pair[1];
  if (!loose)
    return strict;
  l_int32 ns = 0, nl = 0;
  PIX *lm = b2j_ocr_line_mask(loose, dpi);
  if (lm) {
    pixDilateBrick(lm, lm, 5, 5);
    PIX *a = pixSubtract(NULL, strict, lm), *b = pixSubtract(NULL, loose, lm);
    pixCountPixels(a, &ns, NULL);
    pixCountPixels(b, &nl, NULL);
    pixDestroy(&a);
    pixDestroy(&b);
    pixDestroy(&lm);
  }
  if (ink_is_faint(ns, nl)) {
    pixDestroy(&strict);
    return loose;
  }
  if (loose_too)
    *loose_too = loose;
  else
    pixDestroy(&loose);
  return strict;
}

PIX *b2j_ocr_binarize(PIX *gray, double dpi) {
  return b2j_ocr_binarize_both(gray, dpi, NULL);
}

/* Ruling lines: long thin runs. A CJK stroke is at most one character (about
 * 11 pt) long, a table edge between two crossings rarely under 13 pt. */
PIX *b2j_ocr_line_mask(PIX *bin, double dpi) {
  double px = dpi / 72.0;
  int hlen = MAX(20, (int)lround(18.0 * px)), vlen = MAX(15, (int)lround(13.0 * px));
  PIX *hm = pixOpenBrick(NULL, bin, hlen, 1);
  PIX *vm = pixOpenBrick(NULL, bin, 1, vlen);
  if (!hm || !vm) {
    pixDestroy(&hm);
    pixDestroy(&vm);
    return NULL;
  }
  pixOr(hm, hm, vm);
  pixDestroy(&vm);
  return hm;
}

/* xRGB black-on-white from a 1 bpp image, for b2j_rules_from_rgb (which reads
 * renderings). The caller g_free()s it. */
guint32 *b2j_ocr_rgb_from_bin(PIX *bin, int *stride) {
  int w = pixGetWidth(bin), h = pixGetHeight(bin);
  guint32 *out = g_try_malloc((gsize)w * (gsize)h * 4);
  if (!out)
    return NULL;
  l_uint32 *data = pixGetData(bin);
  int wpl = pixGetWpl(bin);
  for (int y = 0; y < h; y++) {
    l_uint32 *line = data + (gsize)y * (gsize)wpl;
    guint32 *row = out + (gsize)y * (gsize)w;
    for (int x = 0; x < w; x++)
      row[x] = GET_DATA_BIT(line, x) ? 0x000000 : 0xffffff;
  }
  *stride = w * 4;
  return out;
}
