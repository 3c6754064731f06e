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

static inline unsigned luma(guint32 p) {
  return (((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150 + (p & 0xff) * 29) >> 8;
}

/* The background is the commonest light level (a histogram of every fourth
 * row); anything clearly darker is ink. A fixed 128 would lose light gray
 * or antialiased half-pixel rules. */
static unsigned ink_threshold(const guint32 *pixels, int width, int height, int stride) {
  guint32 hist[256] = {0};
  for (int y = 0; y < height; y += 8) {
    const guint32 *row = (const guint32 *)((const guint8 *)pixels + (gsize)y * (gsize)stride);
    for (int x = 0; x < width; x += 4)
      hist[luma(row[x])]++;
  }
  unsigned bg = 255;
  for (unsigned v = 128; v < 256; v++)
    if (hist[v] > hist[bg])
      bg = v;
  return bg < 128 ? 100 : bg - 28;
}

/* Ink as a 1-bpp PIX straight from cairo's native-endian 0x00RRGGBB. */
static PIX *ink_from_rgb(const guint32 *pixels, int width, int height, int stride) {
  unsigned t = ink_threshold(pixels, width, height, stride);
  PIX *pix = pixCreate(width, height, 1);
  if (!pix)
    return NULL;
  l_uint32 *data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < height; y++) {
    const guint32 *row = (const guint32 *)((const guint8 *)pixels + (gsize)y * (gsize)stride);
    l_uint32 *line = data + (gsize)y * (gsize)wpl;
    /* 32 pixels to a word, most significant bit first (leptonica's order);
     * pure white, most of a page, skips the arithmetic. */
    for (int x0 = 0; x0 < width; x0 += 32) {
      l_uint32 word = 0;
      int n = MIN(32, width - x0);
      /* A block of pure white (AND of its pixels still white) is the common
       * case; with a constant trip count the compiler vectorises the test. */
      guint32 all = 0xffffff;
      if (n == 32)
        for (int i = 0; i < 32; i++)
          all &= row[x0 + i];
      else
        for (int i = 0; i < n; i++)
          all &= row[x0 + i];
      if ((all & 0xffffff) == 0xffffff) {
        line[x0 >> 5] = 0;
        continue;
      }
      for (int i = 0; i < n; i++) {
        guint32 p = row[x0 + i] & 0xffffff;
        if (p != 0xffffff && luma(p) < t)
          word |= 0x80000000u >> i;
      }
      line[x0 >> 5] = word;
    }
  }
  return pix;
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

/* Runs of rows (columns for vertical rules) of a thick component that its
 * ink fills across most of its length: a rule that glyph strokes touch
 * (tight bold header text over a cell's bottom edge) makes one component
 * with the glyphs, and only its full rows are the rule. A run thicker than
 * a rule is a filled area: its two edges. Returns how many it added. */
static int full_runs(PIX *opened, l_int32 x, l_int32 y, l_int32 w, l_int32 h, bool horizontal,
                     double thick_px, GArray *out) {
  BOX *box = boxCreate(x, y, w, h);
  PIX *clip = box ? pixClipRectangle(opened, box, NULL) : NULL;
  boxDestroy(&box);
  if (!clip)
    return 0;
  NUMA *na = horizontal ? pixCountPixelsByRow(clip, NULL) : pixCountPixelsByColumn(clip);
  pixDestroy(&clip);
  if (!na)
    return 0;
  int n = numaGetCount(na), added = 0;
  double need = 0.8 * (horizontal ? w : h);
  for (int i = 0; i < n;) {
    l_int32 v = 0;
    numaGetIValue(na, i, &v);
    if (v < need) {
      i++;
      continue;
    }
    int j = i + 1;
    for (; j < n; j++) {
      numaGetIValue(na, j, &v);
      if (v < need)
        break;
    }
    int edges[2] = {i, j - 1}, ne = j - i > thick_px ? 2 : 1;
    for (int e = 0; e < ne; e++) {
      int a = ne == 1 ? i : edges[e], b = ne == 1 ? j : edges[e] + 1;
      fbox f = horizontal ? (fbox){x, y + a, x + w, y + b} : (fbox){x + a, y, x + b, y + h};
      g_array_append_val(out, f);
      added++;
    }
    i = j;
  }
  numaDestroy(&na);
  return added;
}

/* Components of an opened image: thin ones are rules; thick ones are rules
 * with glyph strokes stuck to them, or filled areas (shaded header cells). */
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
    } else if (full_runs(opened, x, y, w, h, horizontal, thick_px, out) > 0) {
      /* its full rows were the rules */
    } else if (horizontal) {
      /* No full row: a skewed rule; its edges are the best guess. */
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

/* First index in `a` (sorted by centre along the other axis: x for the
 * vertical set, y for the horizontal) whose centre is >= c. */
static guint lower_bound(const GArray *a, bool horizontal, double c) {
  guint lo = 0, hi = a->len;
  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    const fbox *f = &g_array_index(a, fbox, mid);
    double m = horizontal ? (f->y0 + f->y1) / 2 : (f->x0 + f->x1) / 2;
    if (m < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Does any rule of `others` (sorted as merge() leaves it) meet `f`? */
static bool meets_any(const fbox *f, bool f_horizontal, const GArray *others, double tol,
                      double min_other_len) {
  double a0 = f_horizontal ? f->x0 : f->y0, a1 = f_horizontal ? f->x1 : f->y1;
  for (guint k = lower_bound(others, !f_horizontal, a0 - tol); k < others->len; k++) {
    const fbox *o = &g_array_index(others, fbox, k);
    double c = f_horizontal ? (o->x0 + o->x1) / 2 : (o->y0 + o->y1) / 2;
    if (c > a1 + tol)
      break;
    double len = f_horizontal ? o->y1 - o->y0 : o->x1 - o->x0;
    if (len >= min_other_len && (f_horizontal ? touches(f, o, tol) : touches(o, f, tol)))
      return true;
  }
  return false;
}

int b2j_rules_from_rgb(b2j_page *page, const guint32 *pixels, int width, int height, int stride,
                       double dpi) {
  if (!page || !pixels || width < 8 || height < 8 || dpi <= 0)
    return 0;
  double px = dpi / 72.0; /* pixels per point */
  PIX *bin = ink_from_rgb(pixels, width, height, stride);
  if (!bin)
    return 0;

  int hlen = MAX(6, (int)lround(MIN_H_LEN * px)), vlen = MAX(5, (int)lround(MIN_V_LEN * px));
  PIX *hpix = pixOpenCompBrickDwa(NULL, bin, hlen, 1);
  PIX *vpix = pixOpenCompBrickDwa(NULL, bin, 1, vlen);
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
    bool keep = len >= LONE_H_FRAC * width || meets_any(h, true, vs, tol, 0);
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
    bool keep = len >= LONE_V_FRAC * height || meets_any(v, false, hs, tol, MIN_H_LEN * px);
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
