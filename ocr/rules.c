/* Ruling lines from a page rendering: gray, binarise against the page's own
 * background, open with long thin bricks, take connected components. Or, for
 * a born-digital page, from the ink boxes its paths draw (extract/); both
 * then join collinear fragments and keep those that can be a table's edge.
 *
 * Works at 50–100 dpi for born-digital table pages (a 0.5 pt rule is then a
 * light, antialiased one-pixel row) and at 300 dpi for scans. */
#include <leptonica/allheaders.h>
#include <math.h>
#include <stdlib.h>

#include "ocr_internal.h"

/* Everything below in points unless named _px. */
#define MIN_H_LEN 10.0    /* shortest horizontal fragment (a narrow column's edge) */
#define MIN_V_LEN 7.0     /* shortest vertical fragment (one header row's edge) */
#define MAX_THICK 3.5     /* thicker components are filled areas: keep their edges */
#define MERGE_GAP 3.0     /* collinear fragments closer than this are one rule */
#define MERGE_OFF 1.6     /* ... when their centre lines are this close */
#define TOUCH 3.0         /* a rule touches another within this */
#define LONE_H_FRAC 0.06  /* a horizontal rule touching nothing must span this much of the width */
#define LONE_V_FRAC 0.03  /* and a vertical one this much of the height */

typedef b2j_rule_frag fbox;

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
PIX *b2j_rules_ink(const guint32 *pixels, int width, int height, int stride) {
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
static void collect_morph(PIX *opened, bool horizontal, double thick_px, GArray *out) {
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

/* The size leptonica's composite brick of `len` really has: it splits a
 * length into two factors whose product is close to it (37 becomes 6 x 6). */
static int composite_len(int len) {
  l_int32 a = len, b = 1;
  if (len > 1 && getCompositeParameters(len, &a, &b, NULL, NULL, NULL, NULL))
    return len;
  return a * b;
}

void b2j_rules_fragments_morph(PIX *bin, int len, bool horizontal, double thick_px,
                               GArray *out) {
  PIX *opened = horizontal ? pixOpenCompBrickDwa(NULL, bin, len, 1)
                           : pixOpenCompBrickDwa(NULL, bin, 1, len);
  if (opened)
    collect_morph(opened, horizontal, thick_px, out);
  pixDestroy(&opened);
}

/* The run-length path. Opening a binary image with a 1 x L brick keeps
 * exactly the horizontal runs of L pixels or more (and the vertical
 * analogue), so the opened image is a list of runs, and its 8-connected
 * components are runs joined across neighbouring lines. Below, a "line" is
 * a row for horizontal rules and a column for vertical ones; `a` is the
 * position along it. */
typedef struct {
  int line, a0, a1; /* pixels [a0, a1) of one line */
} lrun;

/* Index of the first pixel >= x whose bit equals `on` in a packed row of
 * `width` pixels (leptonica's order: most significant bit first), or width. */
static int next_bit(const l_uint32 *row, int x, int width, bool on) {
  while (x < width) {
    l_uint32 w = on ? row[x >> 5] : ~row[x >> 5];
    w &= 0xffffffffu >> (x & 31);
    if (w)
      return MIN(width, (x & ~31) + __builtin_clz(w));
    x = (x & ~31) + 32;
  }
  return width;
}

/* Horizontal runs of at least `len` pixels, row by row, left to right. */
static void runs_h(PIX *bin, int len, GArray *runs) {
  int w = pixGetWidth(bin), h = pixGetHeight(bin), wpl = pixGetWpl(bin);
  const l_uint32 *data = pixGetData(bin);
  for (int y = 0; y < h; y++) {
    const l_uint32 *row = data + (gsize)y * (gsize)wpl;
    for (int x = next_bit(row, 0, w, true); x < w;) {
      int e = next_bit(row, x, w, false);
      if (e - x >= len) {
        lrun r = {y, x, e};
        g_array_append_val(runs, r);
      }
      x = next_bit(row, e, w, true);
    }
  }
}

static int cmp_lrun(const void *a, const void *b) {
  const lrun *p = a, *q = b;
  if (p->line != q->line)
    return p->line < q->line ? -1 : 1;
  return p->a0 < q->a0 ? -1 : p->a0 > q->a0;
}

/* Vertical runs of at least `len` pixels, column by column, top down. Rows
 * are read in order, and only where a bit changes from the row above:
 * there a run starts or ends. */
static void runs_v(PIX *bin, int len, GArray *runs) {
  int w = pixGetWidth(bin), h = pixGetHeight(bin), wpl = pixGetWpl(bin);
  const l_uint32 *data = pixGetData(bin);
  int *start = g_new(int, w); /* where the run now open in each column began */
  for (int y = 0; y <= h; y++) {
    const l_uint32 *row = y < h ? data + (gsize)y * (gsize)wpl : NULL;
    const l_uint32 *above = y > 0 ? data + (gsize)(y - 1) * (gsize)wpl : NULL;
    for (int k = 0; k < wpl; k++) {
      l_uint32 cur = row ? row[k] : 0, prev = above ? above[k] : 0;
      for (l_uint32 d = cur ^ prev; d;) {
        int bit = __builtin_clz(d), x = k * 32 + bit;
        d &= ~(0x80000000u >> bit);
        if (x >= w)
          break;
        if (cur & (0x80000000u >> bit)) {
          start[x] = y;
        } else if (y - start[x] >= len) {
          lrun r = {x, start[x], y};
          g_array_append_val(runs, r);
        }
      }
    }
  }
  g_free(start);
  g_array_sort(runs, cmp_lrun);
}

static guint uf_find(guint *parent, guint i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/* The smaller index stays the root, so a component's root is its first run. */
static void uf_union(guint *parent, guint i, guint j) {
  i = uf_find(parent, i);
  j = uf_find(parent, j);
  if (i < j)
    parent[j] = i;
  else if (j < i)
    parent[i] = j;
}

typedef struct {
  int l0, l1, a0, a1; /* bounding box: lines [l0, l1), along [a0, a1) */
  int ky, kx;         /* its first pixel in raster order (leptonica's order) */
} lcomp;

static int cmp_lcomp(const void *a, const void *b) {
  const lcomp *p = a, *q = b;
  if (p->ky != q->ky)
    return p->ky < q->ky ? -1 : 1;
  return p->kx < q->kx ? -1 : p->kx > q->kx;
}

static fbox line_box(bool horizontal, int l0, int l1, int a0, int a1) {
  return horizontal ? (fbox){a0, l0, a1, l1} : (fbox){l0, a0, l1, a1};
}

void b2j_rules_fragments(PIX *bin, int len, bool horizontal, double thick_px, GArray *out) {
  int n_lines = horizontal ? pixGetHeight(bin) : pixGetWidth(bin);
  if (len > 63) {
    /* leptonica's extended bricks past 63 are approximate: keep its answer */
    b2j_rules_fragments_morph(bin, len, horizontal, thick_px, out);
    return;
  }
  int eff = composite_len(len);
  GArray *runs = g_array_new(FALSE, FALSE, sizeof(lrun)); /* sorted by line, then a0 */
  if (horizontal)
    runs_h(bin, eff, runs);
  else
    runs_v(bin, eff, runs);
  guint n = runs->len;
  const lrun *r = (const lrun *)(void *)runs->data;
  guint *first = g_new0(guint, (gsize)n_lines + 1); /* runs of line l: first[l]..first[l+1] */
  for (guint i = 0; i < n; i++)
    first[r[i].line + 1]++;
  for (int l = 0; l < n_lines; l++)
    first[l + 1] += first[l];

  /* Join runs of neighbouring lines that touch, corners included (8-way):
   * runs of one line are at least a pixel apart, so the one that ends
   * first can meet nothing further along the other line. */
  guint *parent = g_new(guint, MAX(n, 1));
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (int l = 0; l + 1 < n_lines; l++) {
    guint i = first[l], j = first[l + 1];
    guint ie = first[l + 1], je = first[l + 2];
    while (i < ie && j < je) {
      if (r[j].a0 <= r[i].a1 && r[i].a0 <= r[j].a1)
        uf_union(parent, i, j);
      if (r[i].a1 < r[j].a1)
        i++;
      else
        j++;
    }
  }

  GArray *comps = g_array_new(FALSE, FALSE, sizeof(lcomp));
  guint *slot = g_new(guint, MAX(n, 1)); /* root run -> index in comps */
  for (guint i = 0; i < n; i++) {
    guint root = uf_find(parent, i);
    int ky = horizontal ? r[i].line : r[i].a0, kx = horizontal ? r[i].a0 : r[i].line;
    if (root == i) {
      lcomp c = {r[i].line, r[i].line + 1, r[i].a0, r[i].a1, ky, kx};
      slot[i] = comps->len;
      g_array_append_val(comps, c);
      continue;
    }
    lcomp *c = &g_array_index(comps, lcomp, slot[root]);
    c->l1 = MAX(c->l1, r[i].line + 1);
    c->a0 = MIN(c->a0, r[i].a0);
    c->a1 = MAX(c->a1, r[i].a1);
    if (ky < c->ky || (ky == c->ky && kx < c->kx)) {
      c->ky = ky;
      c->kx = kx;
    }
  }
  g_array_sort(comps, cmp_lcomp);

  /* As collect_morph(), the counts of full_runs() being sums of run
   * lengths inside the box (other components' runs there count too). */
  for (guint k = 0; k < comps->len; k++) {
    const lcomp *c = &g_array_index(comps, lcomp, k);
    if (c->l1 - c->l0 <= thick_px) {
      fbox f = line_box(horizontal, c->l0, c->l1, c->a0, c->a1);
      g_array_append_val(out, f);
      continue;
    }
    double need = 0.8 * (c->a1 - c->a0);
    int added = 0;
    for (int l = c->l0; l < c->l1;) {
      int l2 = l;
      for (; l2 < c->l1; l2++) {
        int v = 0;
        for (guint i = first[l2]; i < first[l2 + 1]; i++)
          v += MAX(0, MIN(r[i].a1, c->a1) - MAX(r[i].a0, c->a0));
        if (v < need)
          break;
      }
      if (l2 == l) {
        l++;
        continue;
      }
      if (l2 - l > thick_px) { /* a filled area: its two edges */
        fbox e0 = line_box(horizontal, l, l + 1, c->a0, c->a1);
        fbox e1 = line_box(horizontal, l2 - 1, l2, c->a0, c->a1);
        g_array_append_val(out, e0);
        g_array_append_val(out, e1);
        added += 2;
      } else {
        fbox f = line_box(horizontal, l, l2, c->a0, c->a1);
        g_array_append_val(out, f);
        added++;
      }
      l = l2;
    }
    if (added == 0) { /* no full line: a skewed rule; its edges are the best guess */
      fbox e0 = line_box(horizontal, c->l0, c->l0 + 1, c->a0, c->a1);
      fbox e1 = line_box(horizontal, c->l1 - 1, c->l1, c->a0, c->a1);
      g_array_append_val(out, e0);
      g_array_append_val(out, e1);
    }
  }
  g_array_free(comps, TRUE);
  g_free(slot);
  g_free(parent);
  g_free(first);
  g_array_free(runs, TRUE);
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

/* Fragments (in pixels, `px` to a point, on a width x height image) to the
 * page's rules: collinear ones joined, and those that are not a table's edge
 * dropped. Sorts the arrays. Returns how many rules it added. */
static int rules_from_fragments(b2j_page *page, GArray *hs, GArray *vs, double px, double width,
                                double height) {
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
  return added;
}

int b2j_rules_from_rgb(b2j_page *page, const guint32 *pixels, int width, int height, int stride,
                       double dpi) {
  if (!page || !pixels || width < 8 || height < 8 || dpi <= 0)
    return 0;
  double px = dpi / 72.0; /* pixels per point */
  PIX *bin = b2j_rules_ink(pixels, width, height, stride);
  if (!bin)
    return 0;

  int hlen = MAX(6, (int)lround(MIN_H_LEN * px)), vlen = MAX(5, (int)lround(MIN_V_LEN * px));
  GArray *hs = g_array_new(FALSE, FALSE, sizeof(fbox));
  GArray *vs = g_array_new(FALSE, FALSE, sizeof(fbox));
  double thick_px = MAX(2.0, MAX_THICK * px);
  b2j_rules_fragments(bin, hlen, true, thick_px, hs);
  b2j_rules_fragments(bin, vlen, false, thick_px, vs);
  pixDestroy(&bin);

  int added = rules_from_fragments(page, hs, vs, px, width, height);
  g_array_free(hs, TRUE);
  g_array_free(vs, TRUE);
  return added;
}

int b2j_rules_from_ink(b2j_page *page, const GArray *ink) {
  if (!page || !ink)
    return 0;
  GArray *hs = g_array_new(FALSE, FALSE, sizeof(fbox));
  GArray *vs = g_array_new(FALSE, FALSE, sizeof(fbox));
  for (guint i = 0; i < ink->len; i++) {
    const b2j_box *b = &g_array_index(ink, b2j_box, i);
    double w = b->x1 - b->x0, h = b->y1 - b->y0;
    if (w <= MAX_THICK && h <= MAX_THICK)
      continue; /* a dot */
    if (h <= MAX_THICK) {
      fbox f = {b->x0, b->y0, b->x1, b->y1};
      g_array_append_val(hs, f);
    } else if (w <= MAX_THICK) {
      fbox f = {b->x0, b->y0, b->x1, b->y1};
      g_array_append_val(vs, f);
    } else {
      /* A filled area: its edges, one point thick, as a rendering shows them. */
      fbox top = {b->x0, b->y0, b->x1, b->y0 + 1}, bot = {b->x0, b->y1 - 1, b->x1, b->y1};
      fbox l = {b->x0, b->y0, b->x0 + 1, b->y1}, r = {b->x1 - 1, b->y0, b->x1, b->y1};
      g_array_append_val(hs, top);
      g_array_append_val(hs, bot);
      g_array_append_val(vs, l);
      g_array_append_val(vs, r);
    }
  }
  int added = rules_from_fragments(page, hs, vs, 1.0, page->width, page->height);
  g_array_free(hs, TRUE);
  g_array_free(vs, TRUE);
  return added;
}
