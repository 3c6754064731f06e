/* Ruling lines from a page rendering: gray, binarise against the page's own
 * background, open with long thin bricks, take connected components.
 *
 * Works at 50–100 dpi for born-digital table pages (a 0.5 pt rule is then a
 * light, antialiased one-pixel row) and at 300 dpi for scans. */
#include <leptonica/allheaders.h>
#include <math.h>
#include <stdlib.h>

#include "ocr.h"

/* Everything below in points unless named _px. */
#define MIN_H_LEN 10.0    /* shortest horizontal fragment (a narrow column's edge) */
#define MIN_V_LEN 7.0     /* shortest vertical fragment (one header row's edge) */
#define MAX_THICK 3.5     /* thicker components are filled areas: keep their edges */
#define MERGE_GAP 3.0     /* collinear fragments closer than this are one rule */
#define MERGE_OFF 1.6     /* ... when their centre lines are this close */
#define TOUCH 3.0         /* a rule touches another within this */
#define LONE_H_FRAC 0.06  /* a horizontal rule touching nothing must span this much of the width */
#define LONE_V_FRAC 0.03  /* and a vertical one this much of the height */

typedef struct {
  double x0, y0, x1, y1; /* pixels */
} fbox;

/* 8-bit gray from cairo's native-endian 0x00RRGGBB. */
static PIX *gray_from_rgb(const guint32 *pixels, int width, int height, int stride) {
  PIX *pix = pixCreate(width, height, 8);
  if (!pix)
    return NULL;
  l_uint32 *data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < height; y++) {
    const guint32 *row = (const guint32 *)((const guint8 *)pixels + (gsize)y * (gsize)stride);
    l_uint32 *line = data + (gsize)y * (gsize)wpl;
    for (int x = 0; x < width; x++) {
      guint32 p = row[x];
      unsigned r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
      SET_DATA_BYTE(line, x, (r * 77 + g * 150 + b * 29) >> 8);
    }
  }
  return pix;
}

/* The background is the commonest light level; anything clearly darker is
 * ink. A fixed 128 would lose light gray or antialiased half-pixel rules. */
static int ink_threshold(PIX *gray) {
  NUMA *hist = pixGetGrayHistogram(gray, pixGetWidth(gray) * pixGetHeight(gray) > 400000 ? 2 : 1);
  int bg = 255;
  if (hist) {
    l_float32 best = -1;
    for (int v = 128; v < 256; v++) {
      l_float32 c = 0;
      numaGetFValue(hist, v, &c);
      if (c > best) {
        best = c;
        bg = v;
      }
    }
    numaDestroy(&hist);
  }
  int t = bg - 28;
  return t < 100 ? 100 : t;
}

static int cmp_h(const void *a, const void *b) {
  const fbox *p = a, *q = b;
  double pa = (p->y0 + p->y1) / 2, qa = (q->y0 + q->y1) / 2;
  if (fabs(pa - qa) > 1e-9)
    return pa < qa ? -1 : 1;
  return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static int cmp_v(const void *a, const void *b) {
  const fbox *p = a, *q = b;
  double pa = (p->x0 + p->x1) / 2, qa = (q->x0 + q->x1) / 2;
  if (fabs(pa - qa) > 1e-9)
    return pa < qa ? -1 : 1;
  return p->y0 < q->y0 ? -1 : p->y0 > q->y0;
}

/* Components of an opened image: thin ones are rules; thick ones are filled
 * areas (shaded header cells) whose two long edges are taken instead. */
static void collect(PIX *opened, bool horizontal, double thick_px, GArray *out) {
  BOXA *boxa = pixConnCompBB(opened, 8);
  if (!boxa)
    return;
  int n = boxaGetCount(boxa);
  for (int i = 0; i < n; i++) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h))
      continue;
    double thick = horizontal ? h : w;
    if (thick <= thick_px) {
      fbox f = {x, y, x + w, y + h};
      g_array_append_val(out, f);
    } else if (horizontal) {
      fbox top = {x, y, x + w, y + 1}, bot = {x, y + h - 1, x + w, y + h};
      g_array_append_val(out, top);
      g_array_append_val(out, bot);
    } else {
      fbox l = {x, y, x + 1, y + h}, r = {x + w - 1, y, x + w, y + h};
      g_array_append_val(out, l);
      g_array_append_val(out, r);
    }
  }
  boxaDestroy(&boxa);
}

/* Joins collinear fragments (a rule broken by antialiasing, a slight skew or
 * a crossing glyph) into one; in place. */
static void merge(GArray *a, bool horizontal, double off_px, double gap_px) {
  if (a->len < 2)
    return;
  g_array_sort(a, horizontal ? cmp_h : cmp_v);
  guint n = a->len;
  bool *dead = g_new0(bool, n);
  for (guint i = 0; i < n; i++) {
    if (dead[i])
      continue;
    fbox *p = &g_array_index(a, fbox, i);
    /* Fragments sorted by centre line: the candidates follow closely. */
    bool grown = true;
    while (grown) {
      grown = false;
      for (guint j = i + 1; j < n; j++) {
        if (dead[j])
          continue;
        fbox *q = &g_array_index(a, fbox, j);
        double pc = horizontal ? (p->y0 + p->y1) / 2 : (p->x0 + p->x1) / 2;
        double qc = horizontal ? (q->y0 + q->y1) / 2 : (q->x0 + q->x1) / 2;
        if (qc - pc > off_px + 4 * off_px)
          break;
        if (fabs(qc - pc) > off_px)
          continue;
        double gap = horizontal ? MAX(q->x0 - p->x1, p->x0 - q->x1)
                                : MAX(q->y0 - p->y1, p->y0 - q->y1);
        if (gap > gap_px)
          continue;
        p->x0 = MIN(p->x0, q->x0);
        p->y0 = MIN(p->y0, q->y0);
        p->x1 = MAX(p->x1, q->x1);
        p->y1 = MAX(p->y1, q->y1);
        dead[j] = true;
        grown = true;
      }
    }
  }
  guint k = 0;
  for (guint i = 0; i < n; i++)
    if (!dead[i])
      g_array_index(a, fbox, k++) = g_array_index(a, fbox, i);
  g_array_set_size(a, k);
  g_free(dead);
}

static bool touches(const fbox *h, const fbox *v, double tol) {
  return v->x1 >= h->x0 - tol && v->x0 <= h->x1 + tol && h->y1 >= v->y0 - tol &&
         h->y0 <= v->y1 + tol;
}

int b2j_rules_from_rgb(b2j_page *page, const guint32 *pixels, int width, int height, int stride,
                       double dpi) {
  if (!page || !pixels || width < 8 || height < 8 || dpi <= 0)
    return 0;
  double px = dpi / 72.0; /* pixels per point */
  PIX *gray = gray_from_rgb(pixels, width, height, stride);
  if (!gray)
    return 0;
  PIX *bin = pixThresholdToBinary(gray, ink_threshold(gray));
  pixDestroy(&gray);
  if (!bin)
    return 0;

  int hlen = MAX(6, (int)lround(MIN_H_LEN * px)), vlen = MAX(5, (int)lround(MIN_V_LEN * px));
  PIX *hpix = pixOpenBrick(NULL, bin, hlen, 1);
  PIX *vpix = pixOpenBrick(NULL, bin, 1, vlen);
  pixDestroy(&bin);

  GArray *hs = g_array_new(FALSE, FALSE, sizeof(fbox));
  GArray *vs = g_array_new(FALSE, FALSE, sizeof(fbox));
  double thick_px = MAX(2.0, MAX_THICK * px);
  if (hpix)
    collect(hpix, true, thick_px, hs);
  if (vpix)
    collect(vpix, false, thick_px, vs);
  pixDestroy(&hpix);
  pixDestroy(&vpix);

  double off_px = MAX(1.0, MERGE_OFF * px), gap_px = MAX(2.0, MERGE_GAP * px);
  merge(hs, true, off_px, gap_px);
  merge(vs, false, off_px, gap_px);

  /* A short rule that meets no rule of the other direction is an underline,
   * a dash or a glyph stroke, not a table's edge. */
  double tol = MAX(2.0, TOUCH * px);
  int added = 0;
  for (guint i = 0; i < hs->len; i++) {
    const fbox *h = &g_array_index(hs, fbox, i);
    double len = h->x1 - h->x0;
    if (len < MIN_H_LEN * px)
      continue;
    bool keep = len >= LONE_H_FRAC * width;
    for (guint j = 0; !keep && j < vs->len; j++)
      keep = touches(h, &g_array_index(vs, fbox, j), tol);
    if (!keep)
      continue;
    b2j_box b = {h->x0 / px, h->y0 / px, h->x1 / px, h->y1 / px};
    b2j_page_add_rule(page, b, true);
    added++;
  }
  for (guint j = 0; j < vs->len; j++) {
    const fbox *v = &g_array_index(vs, fbox, j);
    double len = v->y1 - v->y0;
    if (len < MIN_V_LEN * px)
      continue;
    bool keep = len >= LONE_V_FRAC * height;
    for (guint i = 0; !keep && i < hs->len; i++) {
      const fbox *h = &g_array_index(hs, fbox, i);
      keep = h->x1 - h->x0 >= MIN_H_LEN * px && touches(h, v, tol);
    }
    if (!keep)
      continue;
    b2j_box b = {v->x0 / px, v->y0 / px, v->x1 / px, v->y1 / px};
    b2j_page_add_rule(page, b, false);
    added++;
  }
  g_array_free(hs, TRUE);
  g_array_free(vs, TRUE);
  return added;
}
