/* Table detection: ruled lattices from page->rules, regions framed by
 * horizontal rules only (three-line tables), and tables drawn without lines
 * (columns from whitespace that the block's lines share). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

/* Points. */
#define SNAP 3.0        /* boundaries closer than this are one */
#define TOUCH 3.5       /* rules meet within this */
#define COVER 0.5       /* an edge is a wall when rules cover this share of it */
#define MAX_HEADER 4    /* header lines above an unruled table's first number row */

typedef struct {
  double pos, a0, a1; /* horizontal: y, x0..x1; vertical: x, y0..y1 */
} seg;

static const b2j_word *W(const b2j_page *p, guint i) {
  return &g_array_index(p->words, b2j_word, i);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int cmp_seg(const void *a, const void *b) {
  const seg *p = a, *q = b;
  if (p->pos != q->pos)
    return p->pos < q->pos ? -1 : 1;
  return p->a0 < q->a0 ? -1 : p->a0 > q->a0;
}

/* Sorted positions → cluster means; in place, returns the new count. */
static int snap(double *v, int n, double tol) {
  if (n == 0)
    return 0;
  qsort(v, (size_t)n, sizeof(double), cmp_double);
  int k = 0;
  double sum = v[0];
  int cnt = 1;
  double first = v[0];
  for (int i = 1; i < n; i++) {
    if (v[i] - first <= tol) {
      sum += v[i];
      cnt++;
    } else {
      v[k++] = sum / cnt;
      sum = first = v[i];
      cnt = 1;
    }
  }
  v[k++] = sum / cnt;
  return k;
}

/* Collinear overlapping or touching segments → one; in place. */
static void merge_segs(GArray *a) {
  if (a->len < 2)
    return;
  g_array_sort(a, cmp_seg);
  guint k = 0;
  for (guint i = 0; i < a->len; i++) {
    seg s = g_array_index(a, seg, i);
    bool merged = false;
    for (guint j = k; j-- > 0;) {
      seg *t = &g_array_index(a, seg, j);
      if (s.pos - t->pos > 1.5)
        break;
      if (s.a0 <= t->a1 + 2.0 && s.a1 >= t->a0 - 2.0) {
        t->a0 = MIN(t->a0, s.a0);
        t->a1 = MAX(t->a1, s.a1);
        merged = true;
        break;
      }
    }
    if (!merged)
      g_array_index(a, seg, k++) = s;
  }
  g_array_set_size(a, k);
}

/* A word's box with a believable height: some fonts give glyph boxes a few
 * tenths of an em tall, so the height is at least what the advance widths
 * imply (a CJK character is one em wide, a digit about half). */
static b2j_box word_box(const b2j_word *w) {
  b2j_box b = w->box;
  double units = 0;
  for (const char *p = w->text; p && *p; p = g_utf8_next_char(p))
    units += g_utf8_get_char(p) >= 0x2E80 ? 1.0 : 0.55;
  double em = units > 0 ? (b.x1 - b.x0) / units : 0;
  double h = b.y1 - b.y0;
  if (em > h && em < 4 * h + 20) {
    double cy = (b.y0 + b.y1) / 2;
    b.y0 = cy - em / 2;
    b.y1 = cy + em / 2;
  }
  return b;
}

/* A word's em: its width over its advance in ems. */
static double em_of(const b2j_word *w) {
  double units = 0;
  for (const char *p = w->text; p && *p; p = g_utf8_next_char(p))
    units += g_utf8_get_char(p) >= 0x2E80 ? 1.0 : 0.55;
  return units > 0 ? (w->box.x1 - w->box.x0) / units : w->box.y1 - w->box.y0;
}

/* Does a word lie across the column boundary x? A header centred over its
 * column may overhang the gap a little; a label spanning columns lies well
 * on both sides (3/4 em, or a fifth of its width). */
static bool word_spans(const b2j_word *w, double x) {
  const b2j_box *b = &w->box;
  double side = MAX(2.0, MIN(0.2 * (b->x1 - b->x0), 0.75 * em_of(w)));
  return b->x0 < x - side && b->x1 > x + side;
}

/* Word boxes with believable heights, and an index sorted by top edge, so
 * that the glyph-stroke test below looks only at nearby words. */
typedef struct {
  b2j_box *box;  /* per word: word_box() widened by an em up and down */
  guint *by_y0;  /* word indices by box[].y0 */
  guint n;
  double max_h;
} word_index;

static int cmp_y0(const void *a, const void *b, void *user) {
  const b2j_box *box = user;
  double p = box[*(const guint *)a].y0, q = box[*(const guint *)b].y0;
  return p < q ? -1 : p > q;
}

static void word_index_init(word_index *ix, const b2j_page *page) {
  ix->n = page->words->len;
  ix->box = g_new(b2j_box, ix->n + 1);
  ix->by_y0 = g_new(guint, ix->n + 1);
  ix->max_h = 0;
  for (guint i = 0; i < ix->n; i++) {
    /* Glyph boxes may also sit low (near the baseline): allow an em of
     * slack either way; a table rule is longer than the word it frames. */
    b2j_box b = word_box(W(page, i));
    double em = b.y1 - b.y0, cy = (b.y0 + b.y1) / 2;
    b.y0 = cy - em;
    b.y1 = cy + em;
    ix->box[i] = b;
    ix->by_y0[i] = i;
    ix->max_h = MAX(ix->max_h, b.y1 - b.y0);
  }
  g_qsort_with_data(ix->by_y0, (gint)ix->n, sizeof(guint), cmp_y0, ix->box);
}

static void word_index_clear(word_index *ix) {
  g_free(ix->box);
  g_free(ix->by_y0);
}

/* A rule that lies inside a word's box is a glyph stroke the renderer drew
 * (bold titles at 72 dpi), not a table edge. */
static bool inside_word(const word_index *ix, const b2j_rule *r) {
  /* First word whose top could be within reach of the rule. */
  double lo_y = r->box.y1 - ix->max_h - 2.5;
  guint lo = 0, hi = ix->n;
  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    if (ix->box[ix->by_y0[mid]].y0 < lo_y)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (guint k = lo; k < ix->n; k++) {
    const b2j_box *b = &ix->box[ix->by_y0[k]];
    if (b->y0 - 2.5 > r->box.y0)
      break;
    if (r->box.x0 >= b->x0 - 1 && r->box.x1 <= b->x1 + 1 && r->box.y0 >= b->y0 - 2.5 &&
        r->box.y1 <= b->y1 + 2.5)
      return true;
  }
  return false;
}

static bool end_meets(const GArray *other, double pos, double end) {
  for (guint i = 0; i < other->len; i++) {
    const seg *o = &g_array_index(other, seg, i);
    if (fabs(o->pos - end) <= TOUCH && pos >= o->a0 - TOUCH && pos <= o->a1 + TOUCH)
      return true;
  }
  return false;
}

/* A table's rule runs from a crossing rule to a crossing rule; a stroke that
 * ends in the open is a glyph, an underline or a dash, unless it is long
 * (`long_len`; 0: three text heights). In place. */
static void drop_loose(GArray *segs, const GArray *other, double long_len) {
  if (long_len <= 0)
    long_len = 30;
  guint k = 0;
  for (guint i = 0; i < segs->len; i++) {
    seg s = g_array_index(segs, seg, i);
    if (s.a1 - s.a0 >= long_len ||
        (end_meets(other, s.pos, s.a0) && end_meets(other, s.pos, s.a1)))
      g_array_index(segs, seg, k++) = s;
  }
  g_array_set_size(segs, k);
}

/* Does a word's box hold the stretch [a0, a1] of a line at `pos`? */
static bool stretch_in_word(const b2j_page *page, bool horizontal, double pos, double a0,
                            double a1) {
  for (guint i = 0; i < page->words->len; i++) {
    const b2j_box *b = &W(page, i)->box;
    double c0 = horizontal ? b->y0 : b->x0, c1 = horizontal ? b->y1 : b->x1;
    double l0 = horizontal ? b->x0 : b->y0, l1 = horizontal ? b->x1 : b->y1;
    if (pos >= c0 - 1 && pos <= c1 + 1 && MIN(a1, l1) - MAX(a0, l0) >= 0.5 * (a1 - a0))
      return true;
  }
  return false;
}

/* At low resolution a glyph's stroke that touches a rule's end becomes part
 * of it (the 支 of a header over a column rule, a caption's first character
 * over the table's left edge). A rule's stretch beyond the last rule it
 * crosses that lies inside a word is such a stroke: cut it off. In place. */
static void trim_overshoot(const b2j_page *page, GArray *segs, const GArray *other,
                           bool horizontal) {
  for (guint i = 0; i < segs->len; i++) {
    seg *s = &g_array_index(segs, seg, i);
    double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
    for (guint j = 0; j < other->len; j++) {
      const seg *o = &g_array_index(other, seg, j);
      if (o->pos >= s->a0 - TOUCH && o->pos <= s->a1 + TOUCH && s->pos >= o->a0 - TOUCH &&
          s->pos <= o->a1 + TOUCH) {
        lo = MIN(lo, o->pos);
        hi = MAX(hi, o->pos);
      }
    }
    if (lo > hi)
      continue;
    if (lo - s->a0 > TOUCH && stretch_in_word(page, horizontal, s->pos, s->a0, lo))
      s->a0 = lo;
    if (s->a1 - hi > TOUCH && stretch_in_word(page, horizontal, s->pos, hi, s->a1))
      s->a1 = hi;
  }
}

static int uf_find(int *p, int i) {
  while (p[i] != i) {
    p[i] = p[p[i]];
    i = p[i];
  }
  return i;
}

/* How much of [a0, a1] the segments at `pos` (within SNAP) cover. */
static double coverage(const GArray *segs, double pos, double a0, double a1) {
  double len = 0;
  for (guint i = 0; i < segs->len; i++) {
    const seg *s = &g_array_index(segs, seg, i);
    if (fabs(s->pos - pos) > SNAP)
      continue;
    double o = MIN(a1, s->a1) - MAX(a0, s->a0);
    if (o > 0)
      len += o;
  }
  return a1 > a0 ? len / (a1 - a0) : 0;
}

static double median_height(const b2j_page *page, const GArray *idx) {
  if (!idx->len)
    return 10;
  double *h = g_new(double, idx->len);
  for (guint i = 0; i < idx->len; i++) {
    b2j_box b = word_box(W(page, g_array_index(idx, guint, i)));
    h[i] = b.y1 - b.y0;
  }
  qsort(h, idx->len, sizeof(double), cmp_double);
  double m = h[idx->len / 2];
  g_free(h);
  return m > 1 ? m : 10;
}

/* ---------- lines and their shape ---------- */

/* The white space between two lines, measured centre to centre less one
 * text height `h`, so that too-short glyph boxes do not widen it. */
static double line_gap(const b2j_line *a, const b2j_line *b, double h) {
  return (b->box.y0 + b->box.y1) / 2 - (a->box.y0 + a->box.y1) / 2 - h;
}

typedef struct {
  b2j_line *line;  /* borrowed from a lines array */
  int nseg;        /* runs of words separated by a column-sized gap */
  bool numeric;    /* holds a number */
  bool data;       /* looks like a table row: several runs, numbers */
  bool unit_line;  /* 单位：万元, 部门：… : caption, never a row */
} lshape;

static bool has_prefix(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* A cell value: a number, or a placeholder for none (—, -, /, 无). */
static bool token_is_value(const char *t) {
  return b2j_token_is_numeric(t) || !strcmp(t, "—") || !strcmp(t, "——") || !strcmp(t, "-") ||
         !strcmp(t, "－") || !strcmp(t, "/") || !strcmp(t, "--");
}

static lshape shape_of(const b2j_page *page, b2j_line *l, double h) {
  lshape s = {l, 1, false, false, false};
  double gap_min = MAX(0.8 * h, 5.0);
  bool last_numeric = false;
  for (guint k = 0; k < l->words->len; k++) {
    const b2j_word *w = W(page, g_array_index(l->words, guint, k));
    if (k > 0) {
      const b2j_word *p = W(page, g_array_index(l->words, guint, k - 1));
      if (w->box.x0 - p->box.x1 > gap_min)
        s.nseg++;
    }
    last_numeric = token_is_value(w->text);
    if (last_numeric)
      s.numeric = true;
  }
  s.unit_line = strstr(l->text, "单位：") || strstr(l->text, "单位:") ||
                has_prefix(l->text, "部门：") || has_prefix(l->text, "编制单位");
  /* Three runs of text are a row even without numbers (a table of units
   * and their ranks); two need a value at the end. */
  s.data = !s.unit_line && (s.nseg >= 3 || (s.nseg == 2 && last_numeric && s.numeric));
  return s;
}

/* The column numbering of a table (栏次 1 2 3 … n, n >= 3) is centred in
 * its columns while amounts are right-aligned, so whitespace may part a
 * number from the amounts under it. The edge between columns k and k + 1
 * lies between the amounts of k and the number k + 1: of the separators
 * between two numbers' centres, keep the last; after the last number,
 * none. Returns whether `l` is such a numbering (seps filtered in place). */
static bool column_numbers_split(const b2j_page *page, const b2j_line *l, GArray *seps) {
  GArray *cx = g_array_new(FALSE, FALSE, sizeof(double));
  bool ok = true;
  for (guint k = 0; k < l->words->len && ok; k++) {
    const b2j_word *w = W(page, g_array_index(l->words, guint, k));
    char *e = NULL;
    long v = strtol(w->text, &e, 10);
    if (g_ascii_isdigit(*w->text) && !*e && v == (long)cx->len + 1) {
      double c = (w->box.x0 + w->box.x1) / 2;
      g_array_append_val(cx, c);
    } else if (cx->len || b2j_token_is_numeric(w->text)) {
      ok = false;
    }
  }
  ok = ok && cx->len >= 3;
  if (ok) {
    guint k = 0;
    for (guint i = 0; i < seps->len; i++) {
      double x = g_array_index(seps, double, i);
      bool keep = x < g_array_index(cx, double, 0);
      for (guint n = 0; n + 1 < cx->len && !keep; n++) {
        double a = g_array_index(cx, double, n), b = g_array_index(cx, double, n + 1);
        keep = x > a && x < b &&
               (i + 1 == seps->len || g_array_index(seps, double, i + 1) >= b);
      }
      if (keep)
        g_array_index(seps, double, k++) = x;
    }
    g_array_set_size(seps, k);
  }
  g_array_free(cx, TRUE);
  return ok;
}

/* ---------- whitespace columns ---------- */

static bool first_cjk(const char *s) { return s && *s && g_utf8_get_char(s) >= 0x2E80; }

static bool last_cjk(const char *s) {
  if (!s || !*s)
    return false;
  const char *p = g_utf8_find_prev_char(s, s + strlen(s));
  return p && g_utf8_get_char(p) >= 0x2E80;
}

/* Spaced-out CJK ("收 入 合 计") puts its gaps at the same x on every line,
 * since CJK glyphs share one advance: a gap flanked by CJK characters less
 * than an em apart on most lines is letter spacing, not a column edge. */
static bool spaced_cjk_gap(const b2j_page *page, GPtrArray *lines, double xa, double xb) {
  int both = 0, tight = 0;
  for (guint l = 0; l < lines->len; l++) {
    const b2j_line *ln = lines->pdata[l];
    const b2j_word *left = NULL, *right = NULL;
    for (guint k = 0; k < ln->words->len; k++) {
      const b2j_word *w = W(page, g_array_index(ln->words, guint, k));
      if (w->box.x1 <= xa + 0.5)
        left = w;
      else if (w->box.x0 >= xb - 0.5 && !right)
        right = w;
    }
    if (!left || !right)
      continue;
    both++;
    /* Letter spacing is about half an em (the em from advance widths: a
     * glyph box is taller than the em); a gap of most of an em between two
     * labels is a column edge. */
    double em = MIN(em_of(left), em_of(right));
    if (last_cjk(left->text) && first_cjk(right->text) && right->box.x0 - left->box.x1 < 0.55 * em)
      tight++;
  }
  return both > 0 && tight * 2 > both;
}

/* Column gaps inside [x0, x1]: x-runs at least `min_gap` wide that at most
 * `allow` of the lines cross, and none of the lines from `strict_from` on.
 * Returns ascending (start, end) pairs of doubles, flattened (g_array_free);
 * *ink0 and *ink1 (may be NULL) get the first and last x with ink. */
static GArray *ws_gaps(const b2j_page *page, GPtrArray *lines, double x0, double x1, int allow,
                       double min_gap, guint strict_from, double *ink0, double *ink1) {
  GArray *seps = g_array_new(FALSE, FALSE, sizeof(double));
  const double bin = 0.5;
  int nb = (int)ceil((x1 - x0) / bin) + 1;
  if (nb < 2 || nb > 200000)
    return seps;
  int *cnt = g_new0(int, nb);
  unsigned char *mark = g_new(unsigned char, nb);
  for (guint l = 0; l < lines->len; l++) {
    const b2j_line *ln = lines->pdata[l];
    memset(mark, 0, (size_t)nb);
    for (guint k = 0; k < ln->words->len; k++) {
      const b2j_box *b = &W(page, g_array_index(ln->words, guint, k))->box;
      int a = (int)floor((b->x0 - x0) / bin), e = (int)ceil((b->x1 - x0) / bin);
      for (int i = MAX(a, 0); i < MIN(e, nb); i++)
        mark[i] = 1;
    }
    int weight = l >= strict_from ? allow + 1 : 1;
    for (int i = 0; i < nb; i++)
      cnt[i] += mark[i] * weight;
  }
  int first = -1, last = -1;
  for (int i = 0; i < nb; i++)
    if (cnt[i] > allow) {
      if (first < 0)
        first = i;
      last = i;
    }
  if (ink0)
    *ink0 = first >= 0 ? x0 + first * bin : x1;
  if (ink1)
    *ink1 = first >= 0 ? x0 + (last + 1) * bin : x0;
  for (int i = first; first >= 0 && i <= last;) {
    if (cnt[i] <= allow) {
      int j = i;
      while (j <= last && cnt[j] <= allow)
        j++;
      double xa = x0 + i * bin, xb = x0 + j * bin;
      if ((j - i) * bin >= min_gap && !spaced_cjk_gap(page, lines, xa, xb)) {
        g_array_append_val(seps, xa);
        g_array_append_val(seps, xb);
      }
      i = j;
    } else {
      i++;
    }
  }
  g_free(cnt);
  g_free(mark);
  return seps;
}

/* Column separators: the middles of ws_gaps(). */
static GArray *ws_separators(const b2j_page *page, GPtrArray *lines, double x0, double x1,
                             int allow, double min_gap) {
  GArray *gaps = ws_gaps(page, lines, x0, x1, allow, min_gap, lines->len, NULL, NULL);
  GArray *seps = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint i = 0; i + 1 < gaps->len; i += 2) {
    double x = (g_array_index(gaps, double, i) + g_array_index(gaps, double, i + 1)) / 2;
    g_array_append_val(seps, x);
  }
  g_array_free(gaps, TRUE);
  return seps;
}

/* Does some word of `lines` overlap [a, b] in x? */
static bool ink_over(const b2j_page *page, GPtrArray *lines, double a, double b) {
  for (guint l = 0; l < lines->len; l++) {
    const b2j_line *ln = lines->pdata[l];
    for (guint k = 0; k < ln->words->len; k++) {
      const b2j_box *w = &W(page, g_array_index(ln->words, guint, k))->box;
      if (w->x1 > a && w->x0 < b)
        return true;
    }
  }
  return false;
}

static bool sep_within(const GArray *seps, double a, double b) {
  for (guint i = 0; i < seps->len; i++)
    if (g_array_index(seps, double, i) >= a && g_array_index(seps, double, i) <= b)
      return true;
  return false;
}

/* Separators of a table body refined by its header: a column empty in every
 * body row (上年结转 with no amounts) leaves one wide body gap that the
 * header's labels split. A body gap takes the gaps that header and body
 * together leave inside it when the body columns either side have headers
 * of their own; when only one side has, the label inside heads the other
 * (centred off its right-aligned values) and the gap next to the headed
 * side is the separator; a gap a header label spans keeps its middle.
 * Returns ascending positions (g_array_free). */
static GArray *ws_separators_headed(const b2j_page *page, GPtrArray *body, GPtrArray *head,
                                    double x0, double x1, int allow, double min_gap) {
  double lo = x1, hi = x0;
  GArray *bg = ws_gaps(page, body, x0, x1, allow, min_gap, body->len, &lo, &hi);
  GArray *seps = g_array_new(FALSE, FALSE, sizeof(double));
  GArray *cg = NULL;
  if (head && head->len) {
    /* Each header line counts: there are few, and each names columns. */
    GPtrArray *all = g_ptr_array_new();
    for (guint i = 0; i < body->len; i++)
      g_ptr_array_add(all, body->pdata[i]);
    for (guint i = 0; i < head->len; i++)
      g_ptr_array_add(all, head->pdata[i]);
    cg = ws_gaps(page, all, x0, x1, allow, min_gap, body->len, NULL, NULL);
    g_ptr_array_free(all, TRUE);
  }
  for (guint i = 0; i + 1 < bg->len; i += 2) {
    double a = g_array_index(bg, double, i), b = g_array_index(bg, double, i + 1);
    double left = i > 0 ? g_array_index(bg, double, i - 1) : x0;
    double right = i + 2 < bg->len ? g_array_index(bg, double, i + 2) : x1;
    bool lh = head && ink_over(page, head, left, a), rh = head && ink_over(page, head, b, right);
    GArray *in = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint j = 0; cg && j + 1 < cg->len; j += 2) {
      double x = (g_array_index(cg, double, j) + g_array_index(cg, double, j + 1)) / 2;
      if (x >= a && x <= b)
        g_array_append_val(in, x);
    }
    if (in->len && lh && rh) /* empty columns between headed ones */
      g_array_append_vals(seps, in->data, in->len);
    else if (in->len && lh != rh) { /* the label inside heads the headless side */
      double x = g_array_index(in, double, lh ? 0 : in->len - 1);
      g_array_append_val(seps, x);
    } else {
      double x = (a + b) / 2;
      g_array_append_val(seps, x);
    }
    g_array_free(in, TRUE);
  }
  /* Columns empty in every body row at either end (上级补助收入 … 其他收入
   * when only 财政拨款 has amounts) lie beyond the body's ink: the header's
   * gaps there part them. */
  for (guint j = 0; cg && j + 1 < cg->len; j += 2) {
    double ca = g_array_index(cg, double, j), cb = g_array_index(cg, double, j + 1);
    double x = (ca + cb) / 2;
    if (ca >= hi || cb <= lo)
      g_array_append_val(seps, x);
  }
  /* A column at either end whose only ink is a label centred over the
   * rows it spans (绩效指标 left of 一级指标) is too sparse to count as
   * ink above: the clear run between it and the body parts it. */
  if (lo < hi) {
    GArray *eg = ws_gaps(page, body, x0, lo + 1, 0, min_gap, body->len, NULL, NULL);
    if (eg->len >= 2 && g_array_index(eg, double, eg->len - 1) >= lo - 1 &&
        !sep_within(seps, g_array_index(eg, double, eg->len - 2), lo)) {
      double x = (g_array_index(eg, double, eg->len - 2) + lo) / 2;
      g_array_append_val(seps, x);
    }
    g_array_free(eg, TRUE);
    eg = ws_gaps(page, body, hi - 1, x1, 0, min_gap, body->len, NULL, NULL);
    if (eg->len >= 2 && g_array_index(eg, double, 0) <= hi + 1 &&
        !sep_within(seps, hi, g_array_index(eg, double, 1))) {
      double x = (hi + g_array_index(eg, double, 1)) / 2;
      g_array_append_val(seps, x);
    }
    g_array_free(eg, TRUE);
  }
  g_array_sort(seps, cmp_double);
  g_array_free(bg, TRUE);
  if (cg)
    g_array_free(cg, TRUE);
  return seps;
}

/* ---------- rows from text lines ---------- */

static int line_col(const double *xs, int nx, double x) {
  int c = 0;
  while (c + 1 < nx - 1 && x >= xs[c + 1])
    c++;
  return c;
}

/* Section headings ("（二）人员情况", "一、…", "1.…") start rows or prose, never
 * continue a wrapped name. */
static bool heading_start(const char *t) {
  gunichar c = g_utf8_get_char(t);
  if (c == 0xFF08 || c == '(') {
    t = g_utf8_next_char(t);
    c = g_utf8_get_char(t);
  }
  return c && (g_unichar_isdigit(c) || g_utf8_strchr("一二三四五六七八九十", -1, c) != NULL);
}

/* A score note in brackets, (15分) or （5 分）: the wrapped tail of an
 * indicator label, not a numbered heading. */
static bool score_note(const char *t) {
  gunichar c = g_utf8_get_char(t);
  if (c != '(' && c != 0xFF08)
    return false;
  t = g_utf8_next_char(t);
  bool digits = false;
  while (g_ascii_isdigit(*t) || *t == '.' || *t == ' ') {
    digits |= g_ascii_isdigit(*t);
    t++;
  }
  if (!digits || g_utf8_get_char(t) != 0x5206 /* 分 */)
    return false;
  t = g_utf8_next_char(t);
  c = g_utf8_get_char(t);
  return (c == ')' || c == 0xFF09) && !*g_utf8_next_char(t);
}

/* Does this line carry a row of its own (numbers in two columns, or a code),
 * or is it the wrapped tail of the name cell above or below? */
static bool line_is_continuation(const b2j_page *page, const b2j_line *l, const double *xs,
                                 int nx) {
  const b2j_word *w0 = W(page, g_array_index(l->words, guint, 0));
  gunichar c0 = g_utf8_get_char(w0->text);
  if (g_unichar_isdigit(c0) || (heading_start(w0->text) && !score_note(w0->text)) ||
      has_prefix(w0->text, "其中") || has_prefix(w0->text, "合计") ||
      has_prefix(w0->text, "总计"))
    return false;
  for (guint k = 0; k < l->words->len; k++) {
    const b2j_word *w = W(page, g_array_index(l->words, guint, k));
    if (b2j_token_is_numeric(w->text))
      return false;
    if (line_col(xs, nx, (w->box.x0 + w->box.x1) / 2) != line_col(xs, nx, (w0->box.x0 + w0->box.x1) / 2))
      return false;
  }
  return true;
}

static bool line_is_numeric_row(const b2j_page *page, const b2j_line *l, const double *xs,
                                int nx) {
  int cols_with_num = 0, prev = -1;
  int cols = 0, pc = -1;
  for (guint k = 0; k < l->words->len; k++) {
    const b2j_word *w = W(page, g_array_index(l->words, guint, k));
    int c = line_col(xs, nx, (w->box.x0 + w->box.x1) / 2);
    if (c != pc) {
      cols++;
      pc = c;
    }
    if (b2j_token_is_numeric(w->text) && c != prev) {
      cols_with_num++;
      prev = c;
    }
  }
  return cols_with_num >= 1 && cols >= 2;
}

/* A number cut by a narrow cell: "352,12" (a short group after a comma) or
 * "77,191." (a trailing point); its digits continue on the next line. */
static bool number_cut(const char *t) {
  size_t n = strlen(t);
  if (!n || !b2j_token_is_numeric(t))
    return false;
  if (t[n - 1] == '.' || t[n - 1] == ',')
    return true;
  const char *comma = strrchr(t, ',');
  return comma && !strchr(comma, '.') && strlen(comma + 1) < 3;
}

/* A subject code cut by a narrow cell: codes have 3, 5 or 7 digits, so 4
 * or 6 digits alone ("3010" over "1") are the first part of one. */
static bool code_cut(const char *t) {
  size_t n = strlen(t);
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isdigit(t[i]))
      return false;
  return n == 4 || n == 6;
}

/* Is line `l` the second half of numbers that wrapped in line `up`: all its
 * words numbers, and most numbers of `up` cut? */
static bool number_tail(const b2j_page *page, const b2j_line *up, const b2j_line *l) {
  for (guint k = 0; k < l->words->len; k++)
    if (!b2j_token_is_numeric(W(page, g_array_index(l->words, guint, k))->text))
      return false;
  int nums = 0, cut = 0;
  for (guint k = 0; k < up->words->len; k++) {
    const char *t = W(page, g_array_index(up->words, guint, k))->text;
    if (b2j_token_is_numeric(t)) {
      nums++;
      cut += number_cut(t);
    }
  }
  return nums > 0 && cut * 2 >= nums;
}

/* Is line b, just below line a, part of a's row: their centres less than
 * 0.7 em apart, where two rows stand a line's height and more apart? Cells
 * are centred in their rows, so a one-line cell beside a two-line one
 * (一级指标 beside 年度指标 / 值, 项目完成时间 7 beside 12月前完 / 成) overlaps
 * each of its neighbour's lines by about half, and the row's text comes
 * out as lines half a line apart. */
static bool lines_interleave(const b2j_page *page, const b2j_line *a, const b2j_line *b) {
  const b2j_word *wa = W(page, g_array_index(a->words, guint, 0));
  const b2j_word *wb = W(page, g_array_index(b->words, guint, 0));
  double em = MIN(em_of(wa), em_of(wb));
  return (b->box.y0 + b->box.y1) / 2 - (a->box.y0 + a->box.y1) / 2 < 0.7 * em;
}

/* Would line l clash with the lines [from, to) of a row: a word of it in
 * a column where the row has text, other than the next line of that text
 * (centres less than 1.3 em apart: the cell wraps)? With `fill`, text
 * wraps only where it fills its column or the next line sits centred or
 * flush left under it (a header label's next line, not 科目名称 under a
 * group label 项目 that heads two columns). */
static bool line_clashes_row(const b2j_page *page, GPtrArray *lines, int from, int to,
                             const b2j_line *l, const double *xs, int nx, bool fill) {
  for (guint j = 0; j < l->words->len; j++) {
    const b2j_word *w = W(page, g_array_index(l->words, guint, j));
    int c = line_col(xs, nx, (w->box.x0 + w->box.x1) / 2);
    double low = -G_MAXDOUBLE, low_em = 0, lx0 = G_MAXDOUBLE, lx1 = -G_MAXDOUBLE;
    for (int k = from; k < to; k++) {
      const GArray *ow = ((const b2j_line *)lines->pdata[k])->words;
      for (guint i = 0; i < ow->len; i++) {
        const b2j_box *q = &W(page, g_array_index(ow, guint, i))->box;
        if (line_col(xs, nx, (q->x0 + q->x1) / 2) != c)
          continue;
        lx0 = MIN(lx0, q->x0);
        lx1 = MAX(lx1, q->x1);
        if ((q->y0 + q->y1) / 2 > low) {
          low = (q->y0 + q->y1) / 2;
          low_em = em_of(W(page, g_array_index(ow, guint, i)));
        }
      }
    }
    if (low <= -G_MAXDOUBLE)
      continue;
    double em = MAX(em_of(w), low_em);
    if ((w->box.y0 + w->box.y1) / 2 - low >= 1.3 * em)
      return true;
    /* A label's next line fills the column, or sits under the label
     * centred or flush left, as header cells are set. */
    if (fill && lx1 - lx0 < 0.7 * (xs[c + 1] - xs[c]) &&
        fabs((w->box.x0 + w->box.x1) / 2 - (lx0 + lx1) / 2) > 0.5 * em &&
        fabs(w->box.x0 - lx0) > 0.5 * em)
      return true;
  }
  return false;
}

/* Groups lines (top to bottom) into rows: every line is a row except the
 * wrapped tails of a name, which join the nearer neighbour row (the one
 * above on a tie: names wrap downwards), and the second halves of wrapped
 * numbers, which join the row above. Lines before `first_body` (header
 * lines) are rows of their own. Returns the row index of each line
 * (g_free it). */
static int *group_rows(const b2j_page *page, GPtrArray *lines, const double *xs, int nx,
                       int first_body) {
  int n = (int)lines->len;
  int *dir = g_new0(int, n); /* 0: own row, -1: joins above, +1: joins below */
  bool *cont = g_new(bool, n + 1); /* the line continues a name cell */
  for (int i = 0; i < n; i++)
    cont[i] = line_is_continuation(page, lines->pdata[i], xs, nx);
  double wrap_pitch = G_MAXDOUBLE; /* the closest two lines of the block */
  for (int i = first_body + 1; i < n; i++)
    wrap_pitch = MIN(wrap_pitch, line_gap(lines->pdata[i - 1], lines->pdata[i], 0));
  for (int i = first_body; i < n; i++) {
    const b2j_line *l = lines->pdata[i];
    bool up_ok = i - 1 >= first_body;
    if (up_ok && number_tail(page, lines->pdata[i - 1], l)) {
      dir[i] = -1;
      continue;
    }
    if (up_ok && lines_interleave(page, lines->pdata[i - 1], l)) {
      int rs = i - 1; /* the first line of the row above */
      while (rs > first_body && (dir[rs] == -1 || dir[rs - 1] == 1))
        rs--;
      if (!line_clashes_row(page, lines, rs, i, l, xs, nx, false)) {
        dir[i] = -1;
        continue;
      }
    }
    if (!cont[i])
      continue;
    /* The row below: the next line, past lines of labels interleaved with
     * this one (服务对象 and 满意度指, one label's lines and its neighbour's,
     * over 群众满意度 and its values). */
    int d = i + 1;
    while (d < n && cont[d] &&
           lines_interleave(page, lines->pdata[d - 1], lines->pdata[d]))
      d++;
    bool down_ok = d < n && !cont[d];
    double gap_up = up_ok ? line_gap(lines->pdata[i - 1], l, 0) : G_MAXDOUBLE;
    double gap_down = down_ok ? line_gap(l, lines->pdata[d], 0) : G_MAXDOUBLE;
    /* Where the block shows how its cells wrap (lines about one em apart),
     * a label a row's pitch from both neighbours (上年结转资金, 其他资金 with
     * no values beside them) is a row of its own, not a wrapped line. */
    const b2j_word *w0 = W(page, g_array_index(l->words, guint, 0));
    if (first_cjk(w0->text) && wrap_pitch <= 1.15 * em_of(w0) &&
        MIN(gap_up, i + 1 < n ? line_gap(l, lines->pdata[i + 1], 0) : G_MAXDOUBLE) >=
            1.35 * em_of(w0))
      continue;
    if (down_ok && gap_down < 0.75 * gap_up)
      dir[i] = 1;
    else if (up_ok)
      dir[i] = -1;
  }
  int *row = g_new(int, n);
  int r = -1;
  bool pending = false; /* lines above join the next row that starts */
  for (int i = 0; i < n; i++) {
    if ((dir[i] == -1 && r >= 0) || pending)
      row[i] = r;
    else
      row[i] = ++r;
    /* A line with cells of its own settles the row the lines above were
     * waiting for, whether it starts it or joins it. */
    if (dir[i] != -1 || !cont[i])
      pending = dir[i] == 1;
  }
  g_free(dir);
  g_free(cont);
  return row;
}

/* ---------- grid assembly ---------- */

typedef struct {
  GArray *xs, *ys;       /* of double */
  GArray *xs_ruled;      /* of gboolean: the boundary is a drawn rule */
  GArray *ys_ruled;
} skel;

/* Builds walls for the skeleton and the grid. Vertical edges that are rules
 * are walls where rules cover them; whitespace edges are walls unless a word
 * of that row crosses them (a header spanning columns). */
/* In a table drawn without lines, a long name (机关事业单位基本养老保险缴费支出)
 * can run past the whitespace edge of its column; when the column right of
 * the edge holds a value of the same row, the name overflowed and does not
 * span that cell. Is there such a value (not `w` itself)? */
static bool value_right_of(const b2j_page *page, const GArray *words, const int *rows,
                           const b2j_lattice *lat, int r, int c, const b2j_word *w) {
  /* A number overflows as a name does (50.78 past the edge of its column,
   * with the next column's 50.78 beside it): two numbers are two cells. A
   * value that is not a number (—, 无) never marks an overflow. */
  if (token_is_value(w->text) && !b2j_token_is_numeric(w->text))
    return false;
  for (guint i = 0; i < words->len; i++) {
    const b2j_word *o = W(page, g_array_index(words, guint, i));
    double cy = (o->box.y0 + o->box.y1) / 2, cx = (o->box.x0 + o->box.x1) / 2;
    if (o == w || !(rows ? rows[i] == r : cy >= lat->ys[r] && cy < lat->ys[r + 1]))
      continue;
    if (cx >= lat->xs[c] && cx < lat->xs[c + 1] && o->box.x0 >= w->box.x1 &&
        b2j_token_is_numeric(o->text))
      return true;
  }
  return false;
}

/* Does letter-spaced text (屈 原 管 理 区 医 保 局, one word per character in
 * some text layers) run across the boundary x in row r: the nearest words
 * either side, on one line, are CJK less than half an em apart and one of
 * them is a lone character? Such a cell spans the boundary. */
static bool letter_spaced_across(const b2j_page *page, const GArray *words, const int *rows,
                                 const b2j_lattice *lat, int r, double x) {
  const b2j_word *left = NULL, *right = NULL;
  for (guint i = 0; i < words->len; i++) {
    const b2j_word *w = W(page, g_array_index(words, guint, i));
    double cy = (w->box.y0 + w->box.y1) / 2;
    if (!(rows ? rows[i] == r : cy >= lat->ys[r] && cy < lat->ys[r + 1]))
      continue;
    /* by centre: a separator may clip a glyph's edge */
    double cx = (w->box.x0 + w->box.x1) / 2;
    if (cx < x && (!left || w->box.x1 > left->box.x1))
      left = w;
    if (cx >= x && (!right || w->box.x0 < right->box.x0))
      right = w;
  }
  if (!left || !right || !last_cjk(left->text) || !first_cjk(right->text))
    return false;
  if (g_utf8_strlen(left->text, -1) != 1 && g_utf8_strlen(right->text, -1) != 1)
    return false;
  double lc = (left->box.y0 + left->box.y1) / 2, rc = (right->box.y0 + right->box.y1) / 2;
  double em = MIN(em_of(left), em_of(right));
  return fabs(lc - rc) < 0.3 * em && right->box.x0 - left->box.x1 < 0.55 * em;
}

static int by_slot(gconstpointer a, gconstpointer b) {
  const b2j_grid_cell *p = *(b2j_grid_cell *const *)a, *q = *(b2j_grid_cell *const *)b;
  return p->row != q->row ? p->row - q->row : p->col - q->col;
}

/* In a form drawn without lines, a value cell spans as far right as the
 * value above it when both start at the same x (left-aligned values of one
 * form column) and nothing else stands in the slots it would cover: the short
 * 联系电话 number under a 实施单位 name that runs across the separators
 * belongs to the same merged cell. Only the unruled path calls this. */
static void align_form_spans(const b2j_page *page, b2j_grid *g) {
  for (guint i = 0; i < g->cells->len; i++) {
    b2j_grid_cell *c = g->cells->pdata[i];
    if (c->rowspan != 1 || c->colspan != 1 || c->row == 0 || !c->words->len)
      continue;
    const b2j_grid_cell *up = b2j_grid_at(g, c->row - 1, c->col);
    if (!up || up == c || up->colspan < 2 || up->rowspan != 1 || !up->words->len)
      continue;
    /* A lone number under a spanning cell (59.22 right-aligned under
     * 全年预算数, which a gap of the rows below parts in two) takes its span;
     * other cells only when left-aligned with it. */
    bool number = c->words->len == 1 &&
                  b2j_token_is_numeric(W(page, g_array_index(c->words, guint, 0))->text);
    if (!number) {
      if (up->col != c->col)
        continue;
      double x0 = G_MAXDOUBLE, ux0 = G_MAXDOUBLE;
      for (guint k = 0; k < c->words->len; k++)
        x0 = MIN(x0, W(page, g_array_index(c->words, guint, k))->box.x0);
      for (guint k = 0; k < up->words->len; k++)
        ux0 = MIN(ux0, W(page, g_array_index(up->words, guint, k))->box.x0);
      if (fabs(x0 - ux0) > 1.0)
        continue;
    }
    bool empty = true;
    for (int col = up->col; col < up->col + up->colspan && empty; col++) {
      const b2j_grid_cell *o = b2j_grid_at(g, c->row, col);
      empty = o == c || (o && o->rowspan == 1 && o->colspan == 1 && !o->words->len);
    }
    if (!empty)
      continue;
    for (int col = up->col; col < up->col + up->colspan; col++) {
      b2j_grid_cell *o = (b2j_grid_cell *)b2j_grid_at(g, c->row, col);
      if (o != c)
        g_ptr_array_remove_fast(g->cells, o); /* frees it */
    }
    c->col = up->col;
    c->colspan = up->colspan;
    c->box.x0 = up->box.x0;
    c->box.x1 = up->box.x1;
    /* keep row-major order by top-left slot */
    g_ptr_array_sort(g->cells, by_slot);
    i = 0;
  }
  /* The form's top rows, a label in the first column and one value (项目名称
   * 人民调解工作经费, 项目资金 126.38), until the first row of three cells or
   * more: the value's cell runs to the table's right edge. */
  for (int r = 0; r < g->n_rows; r++) {
    b2j_grid_cell *lab = NULL, *val = NULL;
    int filled = 0;
    for (guint i = 0; i < g->cells->len; i++) {
      b2j_grid_cell *c = g->cells->pdata[i];
      if (c->row != r || !c->words->len)
        continue;
      filled++;
      if (c->col == 0)
        lab = c;
      else
        val = c;
    }
    if (filled > 2)
      break;
    if (!lab || !val || lab->rowspan != 1 || val->rowspan != 1 ||
        val->col + val->colspan >= g->n_cols)
      continue;
    bool empty = true;
    for (int col = val->col + val->colspan; col < g->n_cols && empty; col++) {
      const b2j_grid_cell *o = b2j_grid_at(g, r, col);
      empty = o && o->row == r && o->rowspan == 1 && o->colspan == 1 && !o->words->len;
    }
    if (!empty)
      continue;
    for (int col = val->col + val->colspan; col < g->n_cols; col++)
      g_ptr_array_remove_fast(g->cells, (b2j_grid_cell *)b2j_grid_at(g, r, col)); /* frees it */
    val->colspan = g->n_cols - val->col;
    val->box.x1 = g->box.x1;
    g_ptr_array_sort(g->cells, by_slot);
  }
}

static b2j_grid *finish(const b2j_page *page, skel *k, const GArray *hsegs, const GArray *vsegs,
                        const GArray *words, const int *rows, const bool *hopen, bool ruled) {
  b2j_lattice lat;
  lat.nx = (int)k->xs->len;
  lat.ny = (int)k->ys->len;
  lat.xs = (double *)k->xs->data;
  lat.ys = (double *)k->ys->data;
  int nc = lat.nx - 1, nr = lat.ny - 1;
  if (nc < 1 || nr < 1)
    return NULL;
  lat.vwall = g_new0(bool, (gsize)lat.nx * nr);
  lat.hwall = g_new0(bool, (gsize)lat.ny * nc);
  for (int r = 0; r < nr; r++) {
    for (int c = 1; c < nc; c++) {
      double x = lat.xs[c];
      bool wall;
      if (g_array_index(k->xs_ruled, gboolean, c)) {
        wall = coverage(vsegs, x, lat.ys[r], lat.ys[r + 1]) >= COVER;
      } else {
        wall = true;
        for (guint i = 0; i < words->len && wall; i++) {
          const b2j_box *b = &W(page, g_array_index(words, guint, i))->box;
          double cy = (b->y0 + b->y1) / 2;
          bool in_row = rows ? rows[i] == r : cy >= lat.ys[r] && cy < lat.ys[r + 1];
          /* A header centred over its column may overhang the gap a
           * little; a label spanning columns lies well on both sides. */
          if (in_row && word_spans(W(page, g_array_index(words, guint, i)), x) &&
              !(!ruled && value_right_of(page, words, rows, &lat, r, c,
                                         W(page, g_array_index(words, guint, i)))))
            wall = false;
        }
        if (wall && letter_spaced_across(page, words, rows, &lat, r, x))
          wall = false;
      }
      lat.vwall[r * lat.nx + c] = wall;
    }
  }
  for (int r = 1; r < nr; r++)
    for (int c = 0; c < nc; c++)
      lat.hwall[r * nc + c] = hopen && hopen[r * nc + c]
                                  ? false
                                  : !g_array_index(k->ys_ruled, gboolean, r) ||
                                        coverage(hsegs, lat.ys[r], lat.xs[c], lat.xs[c + 1]) >=
                                            COVER;
  b2j_grid *g = b2j_grid_build(page, &lat, words, rows, ruled);
  if (g && !ruled)
    align_form_spans(page, g);
  g_free(lat.vwall);
  g_free(lat.hwall);
  return g;
}

static void skel_free(skel *k) {
  g_array_free(k->xs, TRUE);
  g_array_free(k->ys, TRUE);
  g_array_free(k->xs_ruled, TRUE);
  g_array_free(k->ys_ruled, TRUE);
}

static void add_bound(GArray *v, GArray *ruled, double x, gboolean r) {
  g_array_append_val(v, x);
  g_array_append_val(ruled, r);
}

/* A region bounded by rules: column boundaries from its vertical rules (or
 * whitespace when it has none inside), row boundaries from its horizontal
 * rules, with bands that hold several number rows split at their lines. */
static b2j_grid *region_grid(const b2j_page *page, const GArray *hs, const GArray *vs,
                             b2j_box box, bool *used) {
  GArray *words = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint i = 0; i < page->words->len; i++) {
    if (used[i])
      continue;
    const b2j_box *b = &W(page, i)->box;
    double cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;
    if (cx > box.x0 && cx < box.x1 && cy > box.y0 && cy < box.y1)
      g_array_append_val(words, i);
  }
  if (!words->len) {
    g_array_free(words, TRUE);
    return NULL;
  }
  double h = median_height(page, words);

  /* Columns. */
  int nv = (int)vs->len;
  double *vx = g_new(double, nv + 2);
  int n = 0;
  for (int i = 0; i < nv; i++) {
    double x = g_array_index(vs, seg, i).pos;
    if (x > box.x0 + SNAP && x < box.x1 - SNAP)
      vx[n++] = x;
  }
  n = snap(vx, n, SNAP);
  skel k = {g_array_new(FALSE, FALSE, sizeof(double)), g_array_new(FALSE, FALSE, sizeof(double)),
            g_array_new(FALSE, FALSE, sizeof(gboolean)),
            g_array_new(FALSE, FALSE, sizeof(gboolean))};
  GPtrArray *lines = b2j_lines_of(page, words);
  add_bound(k.xs, k.xs_ruled, box.x0, TRUE);
  if (n == 0) {
    int allow = (int)(0.12 * lines->len);
    GArray *seps = ws_separators(page, lines, box.x0, box.x1, allow, MAX(0.25 * h, 2.5));
    for (guint i = 0; i < seps->len; i++)
      add_bound(k.xs, k.xs_ruled, g_array_index(seps, double, i), FALSE);
    g_array_free(seps, TRUE);
  }
  for (int i = 0; i < n; i++)
    add_bound(k.xs, k.xs_ruled, vx[i], TRUE);
  add_bound(k.xs, k.xs_ruled, box.x1, TRUE);
  g_free(vx);

  /* Rows: rule positions, then text-line splits inside tall bands. */
  int nh = (int)hs->len;
  double *hy = g_new(double, nh + 2);
  int m = 0;
  for (int i = 0; i < nh; i++) {
    double y = g_array_index(hs, seg, i).pos;
    if (y > box.y0 + SNAP && y < box.y1 - SNAP)
      hy[m++] = y;
  }
  m = snap(hy, m, SNAP);
  double *bands = g_new(double, m + 2);
  bands[0] = box.y0;
  for (int i = 0; i < m; i++)
    bands[i + 1] = hy[i];
  bands[m + 1] = box.y1;
  g_free(hy);
  const double *xs = (const double *)k.xs->data;
  int nx = (int)k.xs->len;
  /* Where rules divide most rows, a band no taller than its fellows is one
   * row whose cells wrap (a code over its last digit, a number over its
   * decimals), even when another column group's line sits between. */
  double usual = 0; /* no usual height: too few bands to tell */
  if (m >= 4) {
    double *hts = g_new(double, m + 1);
    for (int b = 0; b <= m; b++)
      hts[b] = bands[b + 1] - bands[b];
    qsort(hts, (size_t)m + 1, sizeof(double), cmp_double);
    usual = hts[m / 2];
    g_free(hts);
  }
  for (int b = 0; b <= m; b++) {
    gboolean top_ruled = TRUE;
    add_bound(k.ys, k.ys_ruled, bands[b], top_ruled);
    GPtrArray *bl = g_ptr_array_new();
    int numeric_rows = 0;
    for (guint l = 0; l < lines->len; l++) {
      b2j_line *ln = lines->pdata[l];
      double cy = (ln->box.y0 + ln->box.y1) / 2;
      if (cy > bands[b] && cy < bands[b + 1]) {
        g_ptr_array_add(bl, ln);
        numeric_rows += line_is_numeric_row(page, ln, xs, nx);
      }
    }
    /* Split a band only when it clearly holds several rows: a ruled row
     * whose wrapped numbers make two lines must stay one row. */
    if (nx > 2 && (numeric_rows >= 3 || (numeric_rows >= 2 && m <= 2)) &&
        bands[b + 1] - bands[b] > 1.5 * usual) {
      int *row = group_rows(page, bl, xs, nx, 0);
      for (guint l = 1; l < bl->len; l++) {
        if (row[l] == row[l - 1])
          continue;
        const b2j_line *a = bl->pdata[l - 1], *c = bl->pdata[l];
        add_bound(k.ys, k.ys_ruled, (a->box.y1 + c->box.y0) / 2, FALSE);
      }
      g_free(row);
    }
    g_ptr_array_free(bl, TRUE);
  }
  add_bound(k.ys, k.ys_ruled, box.y1, TRUE);
  g_free(bands);
  g_ptr_array_unref(lines);

  b2j_grid *g = NULL;
  if (k.xs->len >= 3)
    g = finish(page, &k, hs, vs, words, NULL, NULL, true);
  skel_free(&k);
  if (g) {
    g->box = box;
    for (guint i = 0; i < words->len; i++)
      used[g_array_index(words, guint, i)] = true;
  }
  g_array_free(words, TRUE);
  return g;
}

/* ---------- unruled tables ---------- */

/* Do the text lines of a block hold words of one column at different
 * heights? Then cells are not aligned on lines (a label centred over the
 * rows it spans) and rows must come from anchors, not from lines. */
static bool lines_stacked(const b2j_page *page, const lshape *sh, int start, int end,
                          const double *xs, int nx, double h) {
  for (int j = start; j < end; j++) {
    const GArray *w = sh[j].line->words;
    for (guint a = 0; a < w->len; a++) {
      const b2j_box *p = &W(page, g_array_index(w, guint, a))->box;
      int ca = line_col(xs, nx, (p->x0 + p->x1) / 2);
      for (guint b = a + 1; b < w->len; b++) {
        const b2j_box *q = &W(page, g_array_index(w, guint, b))->box;
        if (line_col(xs, nx, (q->x0 + q->x1) / 2) == ca &&
            fabs((p->y0 + p->y1) / 2 - (q->y0 + q->y1) / 2) > 0.5 * h)
          return true;
      }
    }
  }
  return false;
}

/* Does a line of a label and its value sit between the rows of the
 * column with the most values, by about half their pitch? Then it is
 * centred over the rows it spans (一级指标 项目决策 20 over three
 * 三级指标 rows), and rows must come from anchors, not from lines. Lines of
 * values alone (the tails of wrapped numbers) do not count. */
static bool lines_off_pitch(const b2j_page *page, const lshape *sh, int start, int end,
                            const double *xs, int nx) {
  int nc = nx - 1, n = end - start;
  if (nc < 2 || n < 4)
    return false;
  /* Per line, a bit per column that holds a value; the column with the
   * most such lines anchors. */
  guint64 *vcols = g_new0(guint64, n);
  bool *label = g_new0(bool, n);
  int *cnt = g_new0(int, nc);
  for (int j = 0; j < n; j++) {
    const GArray *w = sh[start + j].line->words;
    for (guint q = 0; q < w->len; q++) {
      const b2j_word *wd = W(page, g_array_index(w, guint, q));
      int c = line_col(xs, nx, (wd->box.x0 + wd->box.x1) / 2);
      if (!token_is_value(wd->text))
        label[j] = true;
      else if (c < 64 && !(vcols[j] & ((guint64)1 << c))) {
        vcols[j] |= (guint64)1 << c;
        cnt[c]++;
      }
    }
  }
  int best = 0;
  for (int c = 1; c < MIN(nc, 64); c++)
    if (cnt[c] > cnt[best])
      best = c;
  GArray *anchors = g_array_new(FALSE, FALSE, sizeof(double));
  for (int j = 0; j < n; j++)
    if (vcols[j] & ((guint64)1 << best)) {
      const b2j_box *b = &sh[start + j].line->box;
      double cy = (b->y0 + b->y1) / 2;
      g_array_append_val(anchors, cy);
    }
  bool off = false;
  if (anchors->len >= 3) {
    guint na = anchors->len;
    double *d = g_new(double, na);
    for (guint k = 1; k < na; k++)
      d[k - 1] = g_array_index(anchors, double, k) - g_array_index(anchors, double, k - 1);
    qsort(d, na - 1, sizeof(double), cmp_double);
    double pitch = d[(na - 1) / 2];
    g_free(d);
    double a0 = g_array_index(anchors, double, 0), a1 = g_array_index(anchors, double, na - 1);
    for (int j = 0; j < n && !off; j++) {
      if (!vcols[j] || !label[j] || (vcols[j] & ((guint64)1 << best)))
        continue;
      const b2j_box *b = &sh[start + j].line->box;
      double cy = (b->y0 + b->y1) / 2, dist = G_MAXDOUBLE;
      if (cy < a0 || cy > a1)
        continue;
      for (guint k = 0; k < na; k++)
        dist = MIN(dist, fabs(g_array_index(anchors, double, k) - cy));
      off = dist > 0.3 * pitch && dist < 0.7 * pitch;
    }
  }
  g_array_free(anchors, TRUE);
  g_free(vcols);
  g_free(label);
  g_free(cnt);
  return off;
}

/* A column-local line: the words of one column at one height. */
typedef struct {
  double cy;
  int col;
  bool value; /* only values: numbers, 无, — */
  bool own;   /* must stand on a row of its own: a code, a heading, 合计 */
  bool text;  /* part of a line of text cells without values: a row even
                 close to an anchor (no value shares its line) */
  bool cut;   /* ends in a number cut by a narrow cell */
  bool tail;  /* the wrapped next line of the text above it in its column */
  GArray *w;  /* of guint: positions in the words array */
} cline;

/* Does b complete the number cut at the end of a? A code's first digits
 * (3010) take only the digits that make a whole code (3010 over 1: 5 or 7
 * digits); four digits over four more are two amounts (4834, 4834). */
static bool cut_continues(const b2j_page *page, const GArray *words, const cline *a,
                          const cline *b) {
  const char *t = W(page, g_array_index(words, guint, g_array_index(a->w, guint, a->w->len - 1)))->text;
  if (!code_cut(t) || number_cut(t))
    return true;
  if (b->w->len != 1)
    return false;
  const char *u = W(page, g_array_index(words, guint, g_array_index(b->w, guint, 0)))->text;
  size_t n = strlen(u);
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isdigit(u[i]))
      return false;
  return strlen(t) + n == 5 || strlen(t) + n == 7;
}

static int cmp_cline(const void *a, const void *b) {
  const cline *p = a, *q = b;
  if (p->col != q->col)
    return p->col - q->col;
  return p->cy < q->cy ? -1 : p->cy > q->cy;
}

static int cmp_cline_y(const void *a, const void *b) {
  const cline *p = *(cline *const *)a, *q = *(cline *const *)b;
  return p->cy < q->cy ? -1 : p->cy > q->cy;
}

static int nearest(const GArray *anchors, double y, double tie, double *dist) {
  int best = -1;
  double bd = G_MAXDOUBLE;
  for (guint k = 0; k < anchors->len; k++) {
    double d = fabs(g_array_index(anchors, double, k) - y);
    /* Ties go to the row above: a wrapped name continues downwards. */
    if (d < bd - tie) {
      bd = d;
      best = (int)k;
    }
  }
  if (dist)
    *dist = bd;
  return best;
}

/* Rows of an unruled table body. Cells need not sit on one text line: a
 * merged cell's text is centred between the rows it spans and a wrapped
 * name runs over two lines. So rows are anchored on the column with the most
 * value lines; a value or a row label elsewhere that lies off every anchor
 * makes a row of its own, and the rest (name tails, spanning labels) join
 * the nearest row. Fills row_of[] (per word in `words`) and the row centres
 * (ascending); returns the number of rows. */
static int anchor_rows(const b2j_page *page, const GArray *words, const bool *text_row,
                       const double *xs, int nx, double h, int *row_of, GArray *centres) {
  int nc = nx - 1;
  GArray *cl = g_array_new(FALSE, FALSE, sizeof(cline));
  /* Words by column, then by height. */
  guint n = words->len;
  guint *ord = g_new(guint, n + 1);
  int *col = g_new(int, n + 1);
  double *cy = g_new(double, n + 1);
  for (guint i = 0; i < n; i++) {
    const b2j_box *b = &W(page, g_array_index(words, guint, i))->box;
    col[i] = line_col(xs, nx, (b->x0 + b->x1) / 2);
    cy[i] = (b->y0 + b->y1) / 2;
    ord[i] = i;
  }
  for (guint a = 1; a < n; a++) /* insertion sort: blocks are small */
    for (guint b = a; b > 0; b--) {
      guint p = ord[b - 1], q = ord[b];
      if (col[p] < col[q] || (col[p] == col[q] && cy[p] <= cy[q]))
        break;
      ord[b - 1] = q;
      ord[b] = p;
    }
  for (guint k = 0; k < n; k++) {
    guint i = ord[k];
    cline *last = cl->len ? &g_array_index(cl, cline, cl->len - 1) : NULL;
    if (last && last->col == col[i] && cy[i] - last->cy < 0.5 * h) {
      g_array_append_val(last->w, i);
      continue;
    }
    cline c = {cy[i], col[i], true, false, false, false, false,
               g_array_new(FALSE, FALSE, sizeof(guint))};
    g_array_append_val(c.w, i);
    g_array_append_val(cl, c);
  }
  for (guint k = 0; k < cl->len; k++) {
    cline *c = &g_array_index(cl, cline, k);
    const char *t0 = W(page, g_array_index(words, guint, g_array_index(c->w, guint, 0)))->text;
    for (guint j = 0; j < c->w->len; j++) {
      const char *t = W(page, g_array_index(words, guint, g_array_index(c->w, guint, j)))->text;
      if (!token_is_value(t))
        c->value = false;
      c->cut = number_cut(t) || code_cut(t);
    }
    c->text = !c->value && text_row[g_array_index(c->w, guint, 0)];
    c->own = !c->value && (c->text ||
                           g_unichar_isdigit(g_utf8_get_char(t0)) || heading_start(t0) ||
                           has_prefix(t0, "其中") || has_prefix(t0, "合计") ||
                           has_prefix(t0, "总计") || has_prefix(t0, "小计"));
  }
  g_array_sort(cl, cmp_cline);
  /* A number cut by its cell continues on the next line of its column. */
  for (guint k = 0; k + 1 < cl->len; k++) {
    cline *a = &g_array_index(cl, cline, k), *b = &g_array_index(cl, cline, k + 1);
    if (a->col == b->col && a->cut && b->value && b->cy - a->cy < 1.6 * h &&
        cut_continues(page, words, a, b)) {
      g_array_append_vals(a->w, b->w->data, b->w->len);
      a->cut = false;
      g_array_free(b->w, TRUE);
      g_array_remove_index(cl, k + 1);
    }
  }
  /* A line of text right under another of its column, about one em below
   * (偏差原因分析及改 over 进措施, 成本指标 over (15分)), continues that cell:
   * it starts no row even when its line is a row of text cells. */
  for (guint k = 0; k + 1 < cl->len; k++) {
    const cline *a = &g_array_index(cl, cline, k);
    cline *b = &g_array_index(cl, cline, k + 1);
    const b2j_word *wb = W(page, g_array_index(words, guint, g_array_index(b->w, guint, 0)));
    bool note = b->w->len == 1 && score_note(wb->text);
    b->tail = a->col == b->col && !a->value && !b->value && (!b->own || b->text || note) &&
              (first_cjk(wb->text) || note) && b->cy - a->cy <= 1.2 * em_of(wb);
  }
  /* The anchor column: the one with the most values, then the most amounts
   * (a point, a comma or a percent, which codes lack), then lines. */
  int *namt = g_new0(int, nc + 1), *nval = g_new0(int, nc + 1), *nall = g_new0(int, nc + 1);
  for (guint k = 0; k < cl->len; k++) {
    const cline *c = &g_array_index(cl, cline, k);
    nval[c->col] += c->value;
    nall[c->col]++;
    if (c->value)
      for (guint j = 0; j < c->w->len; j++)
        if (strpbrk(W(page, g_array_index(words, guint, g_array_index(c->w, guint, j)))->text,
                    ".,%")) {
          namt[c->col]++;
          break;
        }
  }
  int best = 0;
  for (int c = 1; c < nc; c++)
    if (nval[c] > nval[best] || (nval[c] == nval[best] && namt[c] > namt[best]) ||
        (nval[c] == nval[best] && namt[c] == namt[best] && nall[c] > nall[best]))
      best = c;
  g_free(namt);
  bool by_value = nval[best] > 0;
  g_free(nval);
  g_free(nall);

  GArray *anchors = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint k = 0; k < cl->len; k++) {
    const cline *c = &g_array_index(cl, cline, k);
    if (c->col == best && (c->value || !by_value))
      g_array_append_val(anchors, c->cy);
  }
  double pitch = 1.5 * h;
  if (anchors->len >= 2) {
    double *d = g_new(double, anchors->len);
    for (guint k = 1; k < anchors->len; k++)
      d[k - 1] = g_array_index(anchors, double, k) - g_array_index(anchors, double, k - 1);
    qsort(d, anchors->len - 1, sizeof(double), cmp_double);
    pitch = MAX(d[(anchors->len - 1) / 2], h);
    g_free(d);
  }
  /* Values and labels off every anchor make rows of their own. */
  GPtrArray *byy = g_ptr_array_new();
  for (guint k = 0; k < cl->len; k++)
    g_ptr_array_add(byy, &g_array_index(cl, cline, k));
  g_ptr_array_sort(byy, cmp_cline_y);
  for (guint k = 0; k < byy->len; k++) {
    const cline *c = byy->pdata[k];
    double d;
    if (!(c->value || c->own) || c->tail)
      continue;
    if (nearest(anchors, c->cy, 0, &d) < 0 || d > (c->text ? 0.3 : 0.6) * pitch) {
      g_array_append_val(anchors, c->cy);
      g_array_sort(anchors, cmp_double);
    }
  }
  /* Two labels of one column that would join the same row but lie a row's
   * pitch apart, not a wrapped line's (about one em), are two rows: a fund
   * row with nothing in its value columns (其他资金) over the next block's
   * label (预期目标) when the anchors are sparse there. */
  for (guint k = 0; k + 1 < cl->len && anchors->len; k++) {
    const cline *a = &g_array_index(cl, cline, k), *b = &g_array_index(cl, cline, k + 1);
    if (a->col != b->col || a->value || b->value)
      continue;
    const b2j_word *wb = W(page, g_array_index(words, guint, g_array_index(b->w, guint, 0)));
    if (!first_cjk(wb->text) || b->cy - a->cy < 1.35 * em_of(wb))
      continue;
    double da, db;
    int ra = nearest(anchors, a->cy, 0.2 * pitch, &da), rb = nearest(anchors, b->cy, 0.2 * pitch, &db);
    if (ra == rb && b->cy > g_array_index(anchors, double, rb) && db > 0.3 * pitch) {
      g_array_append_val(anchors, b->cy);
      g_array_sort(anchors, cmp_double);
    }
  }
  if (!anchors->len) {
    double y = byy->len ? ((cline *)byy->pdata[0])->cy : 0;
    g_array_append_val(anchors, y);
  }
  /* Each line to its nearest row; a score note that wraps under its label
   * to the label's row (成本指标 on a row's edge, (15分) under it). cl is by
   * column, then height. */
  int prev = -1;
  for (guint k = 0; k < cl->len; k++) {
    const cline *c = &g_array_index(cl, cline, k);
    bool note = c->tail && c->w->len == 1 &&
                score_note(W(page, g_array_index(words, guint, g_array_index(c->w, guint, 0)))->text);
    int r = note && prev >= 0 ? prev : nearest(anchors, c->cy, 0.2 * pitch, NULL);
    for (guint j = 0; j < c->w->len; j++)
      row_of[g_array_index(c->w, guint, j)] = r;
    prev = r;
  }
  g_array_append_vals(centres, anchors->data, anchors->len);
  int nrows = (int)anchors->len;
  g_ptr_array_free(byy, TRUE);
  g_array_free(anchors, TRUE);
  for (guint k = 0; k < cl->len; k++)
    g_array_free(g_array_index(cl, cline, k).w, TRUE);
  g_array_free(cl, TRUE);
  g_free(ord);
  g_free(col);
  g_free(cy);
  return nrows;
}


/* Which header-row boundaries of an unruled table lie inside a header cell
 * whose text wrapped: in a column, a line of words right under another (at
 * about one em of pitch) that fills the column, neither spanning columns,
 * continues its cell
 * ("一般公共" / "预算拨款" / "收入"). Header levels sit further apart, and a
 * spanning label keeps its own row. Returns hopen[r * nc + c] for the edge
 * above row r (of `nrows`) in column c (g_free), or NULL with one header row. */
static bool *header_wraps(const b2j_page *page, const GArray *words, const int *row_of, int nh,
                          int nrows, const double *xs, int nx) {
  int nc = nx - 1;
  if (nh < 2 || nc < 1)
    return NULL;
  /* Per (header row, column): the top and bottom word centres and the
   * smallest em; spanning words poison the slot. */
  int n = nh * nc;
  double *top = g_new(double, n), *bot = g_new(double, n), *em = g_new(double, n);
  double *wx0 = g_new(double, n), *wx1 = g_new(double, n);
  bool *bad = g_new0(bool, n), *any = g_new0(bool, n);
  for (guint i = 0; i < words->len; i++) {
    int r = row_of[i];
    if (r < 0 || r >= nh)
      continue;
    const b2j_word *w = W(page, g_array_index(words, guint, i));
    int c = line_col(xs, nx, (w->box.x0 + w->box.x1) / 2);
    int k = r * nc + c;
    double cy = (w->box.y0 + w->box.y1) / 2, e = em_of(w);
    for (int x = 1; x < nx - 1; x++)
      if (word_spans(w, xs[x]))
        bad[k] = true;
    if (!any[k]) {
      top[k] = bot[k] = cy;
      em[k] = e;
      wx0[k] = w->box.x0;
      wx1[k] = w->box.x1;
      any[k] = true;
    } else {
      top[k] = MIN(top[k], cy);
      bot[k] = MAX(bot[k], cy);
      em[k] = MIN(em[k], e);
      wx0[k] = MIN(wx0[k], w->box.x0);
      wx1[k] = MAX(wx1[k], w->box.x1);
    }
  }
  bool *open = g_new0(bool, (gsize)MAX(nrows, nh) * nc + 1);
  for (int r = 1; r < nh; r++) {
    /* Two rows of a form (项目名称 / 主管部门 with their values) are not one
     * wrapped header: some column holds two cells one over the other that
     * do not join, other than a spanning label over its sub-labels. */
    bool conflict = false;
    for (int c = 0; c < nc; c++) {
      int a = (r - 1) * nc + c, b = r * nc + c;
      /* Text wraps where it fills its cell: the upper line is about as
       * wide as the column. */
      bool joins = any[a] && any[b] && !bad[a] && !bad[b] &&
                   top[b] - bot[a] <= 1.3 * MIN(em[a], em[b]) &&
                   wx1[a] - wx0[a] >= 0.7 * (xs[c + 1] - xs[c]);
      if (joins)
        open[r * nc + c] = true;
      else if (any[a] && any[b] && !(bad[a] && !bad[b]))
        conflict = true;
    }
    if (conflict)
      for (int c = 0; c < nc; c++)
        open[r * nc + c] = false;
  }
  g_free(top);
  g_free(bot);
  g_free(em);
  g_free(wx0);
  g_free(wx1);
  g_free(bad);
  g_free(any);
  return open;
}

/* A header row inside a table body: a line of four or more short labels
 * and no values, with rows of values below it. Returns the last such line
 * in [start + 2, end - 3), or -1. */
static int section_header(const b2j_page *page, const lshape *sh, int start, int end) {
  int found = -1;
  for (int j = start + 2; j + 3 < end + 0; j++) {
    if (sh[j].numeric || sh[j].nseg < 4)
      continue;
    bool labels = true;
    for (guint k = 0; k < sh[j].line->words->len && labels; k++)
      labels = g_utf8_strlen(W(page, g_array_index(sh[j].line->words, guint, k))->text, -1) <= 12;
    int below = 0;
    for (int q = j + 1; q < end; q++)
      below += sh[q].numeric;
    if (labels && below >= 2)
      found = j;
  }
  return found;
}

/* Labels of an unruled table that span rows (一级指标 产出指标 over its
 * indicators, 项目资金（万元） over its fund rows) are printed once, centred
 * on their rows, with the column empty above and below. In a column of
 * such text labels (no values, filled in at most 3/4 of the rows that have
 * content to its right), each label (its lines, when it wraps) takes the
 * empty rows around it that centre it best, the widest when several do;
 * the edges inside are opened in `hopen` (nrows x nc, allocated if NULL).
 * Returns hopen. */
static bool *group_spans(const b2j_page *page, const GArray *words, const int *row_of, int nh,
                         const double *ys, int nrows, const double *xs, int nx, bool *hopen) {
  int nc = nx - 1;
  if (nrows - nh < 3 || nc < 2)
    return hopen;
  int n = nrows * nc;
  /* Header rows take part: a label may span the header of its block
   * (项目资金 over 年初预算数 …). */
  nh = 0;
  double *top = g_new(double, n), *bot = g_new(double, n), *em = g_new(double, n);
  bool *any = g_new0(bool, n), *val = g_new0(bool, n), *cut = g_new0(bool, n);
  for (guint i = 0; i < words->len; i++) {
    int r = row_of[i];
    if (r < nh || r >= nrows)
      continue;
    const b2j_word *w = W(page, g_array_index(words, guint, i));
    int k = r * nc + line_col(xs, nx, (w->box.x0 + w->box.x1) / 2);
    double cy = (w->box.y0 + w->box.y1) / 2;
    if (!any[k]) {
      top[k] = bot[k] = cy;
      em[k] = em_of(w);
      any[k] = true;
    } else {
      top[k] = MIN(top[k], cy);
      bot[k] = MAX(bot[k], cy);
      em[k] = MIN(em[k], em_of(w));
    }
    /* A number inside a line of prose (约 45 家涉及…) or of letter-spaced
     * text (2 0 2 2 年中央…): a run of three words or more, each less than
     * an em from the next, with text among them, is no value of the
     * column. */
    bool prose = false;
    if (token_is_value(w->text)) {
      double lo = w->box.x0, hi = w->box.x1, e = em_of(w);
      int run = 1;
      bool text = false, grew = true;
      bool *in_run = g_new0(bool, words->len);
      in_run[i] = true;
      while (grew) {
        grew = false;
        for (guint j = 0; j < words->len; j++) {
          const b2j_word *o = W(page, g_array_index(words, guint, j));
          if (in_run[j] || row_of[j] != r || fabs((o->box.y0 + o->box.y1) / 2 - cy) > 0.3 * e)
            continue;
          bool left = o->box.x1 <= lo + 0.1 * e && lo - o->box.x1 < e;
          bool right = o->box.x0 >= hi - 0.1 * e && o->box.x0 - hi < e;
          if (!left && !right)
            continue;
          if (left)
            lo = o->box.x0;
          else
            hi = o->box.x1;
          in_run[j] = true;
          run++;
          text |= !token_is_value(o->text);
          grew = true;
        }
      }
      g_free(in_run);
      prose = run >= 3 && text;
    }
    val[k] |= token_is_value(w->text) && !prose;
    /* Text that runs on into the next column on its line (其中：当 |
     * 年财政拨款, glyphs touching across a separator) is one cell cut by
     * the separator, not a label of its own. */
    for (guint j = 0; j < words->len && !cut[k]; j++) {
      const b2j_word *o = W(page, g_array_index(words, guint, j));
      if (j == i || row_of[j] != r ||
          line_col(xs, nx, (o->box.x0 + o->box.x1) / 2) == k - r * nc ||
          fabs((o->box.y0 + o->box.y1) / 2 - cy) > 0.3 * em_of(w))
        continue;
      double gap = MAX(o->box.x0 - w->box.x1, w->box.x0 - o->box.x1);
      /* or letter-spaced (人 民 调 解 …): lone CJK characters half an em apart */
      bool spaced = first_cjk(w->text) && first_cjk(o->text) &&
                    (g_utf8_strlen(w->text, -1) == 1 || g_utf8_strlen(o->text, -1) == 1);
      cut[k] = gap > -0.2 * em_of(w) && gap < (spaced ? 0.55 : 0.2) * em_of(w);
    }
  }
  double *pitch = g_new(double, nrows + 1);
  int np = 0;
  for (int r = nh; r < nrows; r++)
    pitch[np++] = ys[r + 1] - ys[r];
  qsort(pitch, (size_t)np, sizeof(double), cmp_double);
  double tol = 0.25 * pitch[np / 2];
  g_free(pitch);
  /* A header row (four labels or more, no values) heads the rows below;
   * its labels span nothing. */
  bool *hdr = g_new0(bool, nrows + 1);
  for (int r = 0; r < nrows; r++) {
    int cells = 0;
    bool v = false;
    for (int c = 0; c < nc; c++) {
      cells += any[r * nc + c];
      v |= val[r * nc + c];
    }
    hdr[r] = cells >= 4 && !v;
  }
  bool *right = g_new0(bool, nrows + 1); /* the row has content right of c */
  bool *sec_ok = g_new0(bool, nrows + 1); /* labels of the row's section may span */
  for (int c = nc - 2; c >= 0; c--) {
    int filled = 0, rows = 0, nval = 0;
    for (int r = nh; r < nrows; r++) {
      right[r] = right[r] || any[r * nc + c + 1];
      nval += val[r * nc + c] && right[r]; /* not a form row's lone value */
      if (hdr[r])
        continue;
      rows += right[r];
      filled += any[r * nc + c] && !cut[r * nc + c];
    }
    if (!filled)
      continue;
    /* The 3/4 holds over the column, or else within the section (rows
     * between header rows) of the label: a form's fund block above, its
     * labels in every row, does not stop the indicator labels below. */
    bool whole = filled * 4 <= rows * 3;
    for (int r = nh; r < nrows;) {
      int e = r + 1;
      while (e < nrows && !hdr[e])
        e++;
      int f = 0, n2 = 0;
      bool sv = false;
      for (int q = r; q < e; q++)
        if (!hdr[q]) {
          n2 += right[q];
          f += any[q * nc + c] && !cut[q * nc + c];
          sv |= val[q * nc + c] && right[q];
        }
      /* Values make a column no column of labels: two in it, or one in
       * the label's section. A stray mark OCR read as 3 beside the goal
       * text above does not stop the indicator labels below. */
      for (int q = r; q < e; q++)
        sec_ok[q] = (whole || f * 4 <= n2 * 3) && !sv && nval < 2;
      r = e;
    }
    int lo = nh; /* first row a label may take */
    for (int r = nh; r < nrows;) {
      if (!any[r * nc + c]) {
        r++;
        continue;
      }
      if (hdr[r]) {
        lo = ++r;
        continue;
      }
      if (cut[r * nc + c] || !sec_ok[r]) {
        lo = ++r;
        continue;
      }
      /* The label's lines: filled rows one em apart, closer than rows are
       * (项目名称 over 主管部门 are two labels of two rows). */
      int ra = r, rb = r;
      while (rb + 1 < nrows && any[(rb + 1) * nc + c] &&
             top[(rb + 1) * nc + c] - bot[rb * nc + c] <= MIN(1.3 * em[rb * nc + c], 3.2 * tol))
        rb++;
      double y = (top[ra * nc + c] + bot[rb * nc + c]) / 2;
      int s0 = ra, e1 = rb;
      while (s0 - 1 >= lo && !any[(s0 - 1) * nc + c] && right[s0 - 1])
        s0--;
      while (e1 + 1 < nrows && !any[(e1 + 1) * nc + c] && right[e1 + 1] && !hdr[e1 + 1])
        e1++;
      int bs = ra, be = rb;
      double berr = G_MAXDOUBLE;
      for (int s = s0; s <= ra; s++)
        for (int e = rb; e <= e1; e++) {
          double err = fabs((ys[s] + ys[e + 1]) / 2 - y);
          bool better = err <= tol ? berr > tol || e - s > be - bs : err < berr;
          if (better) {
            berr = err;
            bs = s;
            be = e;
          }
        }
      if (!hopen)
        hopen = g_new0(bool, (gsize)n + 1);
      for (int q = bs + 1; q <= be; q++)
        hopen[q * nc + c] = true;
      /* The label's score or amount beside it (一级指标 项目决策 20) is
       * printed once on the label's centre too: a lone value on that
       * height in the next column spans the same rows. */
      int vr = -1, nv = 0;
      for (int q = bs; q <= be; q++)
        if (any[q * nc + c + 1]) {
          vr = q;
          nv++;
        }
      if (be > bs && nv == 1 && val[vr * nc + c + 1] && top[vr * nc + c + 1] == bot[vr * nc + c + 1] &&
          fabs(top[vr * nc + c + 1] - y) <= tol)
        for (int q = bs + 1; q <= be; q++)
          hopen[q * nc + c + 1] = true;
      lo = be + 1;
      r = be + 1;
    }
  }
  g_free(right);
  g_free(sec_ok);
  g_free(hdr);
  g_free(top);
  g_free(bot);
  g_free(em);
  g_free(any);
  g_free(val);
  g_free(cut);
  return hopen;
}

/* A form's top row whose label wrapped (项目支 / 出名称 beside 离休人员医药费):
 * the narrow label column leaves less than a column gap before its value,
 * but the line starts at the table's left edge and has a clear gap (0.4 of
 * a text height) after a word of two or more characters, which spaced-out
 * CJK of a heading (一 、 收 入) has not. */
static bool form_label_line(const b2j_page *page, const lshape *s, double bx0, double h) {
  const b2j_line *l = s->line;
  if (l->words->len < 2 || fabs(l->box.x0 - bx0) > 0.5 * h)
    return false;
  for (guint k = 1; k < l->words->len; k++) {
    const b2j_word *w = W(page, g_array_index(l->words, guint, k));
    const b2j_word *p = W(page, g_array_index(l->words, guint, k - 1));
    if (w->box.x0 - p->box.x1 > 0.4 * h && g_utf8_strlen(p->text, -1) >= 2)
      return true;
  }
  return false;
}

/* A table with no amounts (本表无数据): header lines of three or more runs
 * and below them one short line that is a total label (合计, 总计). Returns
 * the index of that line in [first, end), or -1. */
static int empty_total_row(const lshape *sh, int first, int end, int maxseg) {
  if (maxseg < 3 || end - first < 2)
    return -1;
  for (int j = first; j < end; j++)
    if (sh[j].numeric)
      return -1;
  const lshape *t = &sh[end - 1];
  if (t->nseg != 1)
    return -1;
  GString *sq = g_string_new(NULL);
  for (const char *p = t->line->text; *p; p = g_utf8_next_char(p))
    if (!g_unichar_isspace(g_utf8_get_char(p)))
      g_string_append_unichar(sq, g_utf8_get_char(p));
  bool total = !strcmp(sq->str, "合计") || !strcmp(sq->str, "总计");
  g_string_free(sq, TRUE);
  return total ? end - 1 : -1;
}

/* Separators of a table with no amounts: the gaps of its header lines. A
 * body word (合计) lying inside such a gap is a left-aligned text cell, so
 * it starts the column right of the gap and the separator goes just left of
 * it. Returns ascending positions (g_array_free). */
static GArray *ws_separators_empty(const b2j_page *page, GPtrArray *head, GPtrArray *body,
                                   double x0, double x1, double min_gap) {
  GArray *gaps = ws_gaps(page, head, x0, x1, 0, min_gap, head->len, NULL, NULL);
  GArray *seps = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint i = 0; i + 1 < gaps->len; i += 2) {
    double a = g_array_index(gaps, double, i), b = g_array_index(gaps, double, i + 1);
    double x = (a + b) / 2;
    for (guint l = 0; l < body->len; l++) {
      const b2j_line *ln = body->pdata[l];
      for (guint k = 0; k < ln->words->len; k++) {
        const b2j_box *w = &W(page, g_array_index(ln->words, guint, k))->box;
        if (w->x0 > a && w->x1 < b)
          x = MAX(a, w->x0 - 1);
      }
    }
    g_array_append_val(seps, x);
  }
  g_array_free(gaps, TRUE);
  return seps;
}

/* Does the centre of some word of `lines` lie strictly between a and b? */
static bool centre_between(const b2j_page *page, GPtrArray *lines, double a, double b) {
  for (guint l = 0; l < lines->len; l++) {
    const b2j_line *ln = lines->pdata[l];
    for (guint k = 0; k < ln->words->len; k++) {
      const b2j_box *w = &W(page, g_array_index(ln->words, guint, k))->box;
      double c = (w->x0 + w->x1) / 2;
      if (c > a && c < b)
        return true;
    }
  }
  return false;
}

/* The two sections of a form (项目资金 over 绩效指标) find one column edge
 * each side of the same gap: right-aligned amounts end one side of it, a
 * centred target starts further on. Two edges, one from each section,
 * with no word of the table centred between them would bound a column
 * that is empty in every row: they become one, at their middle. In place
 * on `up` and `down`. */
static void join_section_seps(const b2j_page *page, GPtrArray *lines, GArray *up,
                              GArray *down) {
  for (guint i = 0; i < up->len; i++) {
    double *u = &g_array_index(up, double, i);
    int best = -1;
    for (guint j = 0; j < down->len; j++) {
      double d = g_array_index(down, double, j);
      if (d == *u || centre_between(page, lines, MIN(d, *u), MAX(d, *u)))
        continue;
      if (best < 0 || fabs(d - *u) < fabs(g_array_index(down, double, best) - *u))
        best = (int)j;
    }
    if (best < 0)
      continue;
    double *d = &g_array_index(down, double, best);
    *u = *d = (*u + *d) / 2;
  }
}

static void unruled_tables(const b2j_page *page, bool *used, GPtrArray *grids) {
  GArray *free_words = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint i = 0; i < page->words->len; i++)
    if (!used[i])
      g_array_append_val(free_words, i);
  if (free_words->len < 6) {
    g_array_free(free_words, TRUE);
    return;
  }
  double h = median_height(page, free_words);
  GPtrArray *lines = b2j_lines_of(page, free_words);
  g_array_free(free_words, TRUE);
  int n = (int)lines->len;
  lshape *sh = g_new(lshape, n);
  for (int i = 0; i < n; i++)
    sh[i] = shape_of(page, lines->pdata[i], h);

  int i = 0;
  while (i < n) {
    if (!sh[i].data) {
      i++;
      continue;
    }
    /* The body: number rows, the multi-column lines between them (headers
     * of a later section, text rows) and the wrapped name tails. */
    int start = i, end = i + 1, ndata = 1, maxseg = sh[i].nseg;
    double bx0 = sh[i].line->box.x0, bx1 = sh[i].line->box.x1;
    while (end < n) {
      const b2j_line *prev = sh[end - 1].line, *l = sh[end].line;
      /* Lines chained by labels centred over the rows they span overlap:
       * their boxes touch even when their centres lie far apart. */
      if (MIN(line_gap(prev, l, h), l->box.y0 - prev->box.y1) > 1.6 * h)
        break;
      if (sh[end].data) {
        ndata++;
      } else if (sh[end].nseg >= 2 && !sh[end].unit_line) {
        /* a row of text cells */
      } else {
        bool tail = sh[end].nseg == 1 && !sh[end].numeric && !sh[end].unit_line &&
                    l->box.x0 < bx0 + 0.25 * (bx1 - bx0) &&
                    l->box.x1 - l->box.x0 < 0.4 * (bx1 - bx0) && !has_prefix(l->text, "注") &&
                    !heading_start(l->text);
        /* A wrapped cell of any column (a note, a target) whose lines sit
         * above or below its row: short, and close to a row. */
        bool wrap = sh[end].nseg == 1 && !sh[end].unit_line &&
                    l->box.x1 - l->box.x0 < 0.4 * (bx1 - bx0) && l->box.x0 >= bx0 - 5 &&
                    l->box.x1 <= bx1 + 5 && !has_prefix(l->text, "注") &&
                    (!heading_start(l->text) || b2j_token_is_numeric(l->text)) &&
                    ((end + 1 < n && (sh[end + 1].data || sh[end + 1].nseg >= 2) &&
                      !sh[end + 1].unit_line && line_gap(l, sh[end + 1].line, h) <= 0.8 * h) ||
                     (sh[end - 1].data && line_gap(prev, l, h) <= 0.5 * h));
        if (!tail && !wrap)
          break;
      }
      maxseg = MAX(maxseg, sh[end].nseg);
      bx0 = MIN(bx0, l->box.x0);
      bx1 = MAX(bx1, l->box.x1);
      end++;
    }
    while (end - 1 > start && !sh[end - 1].data && sh[end - 1].nseg < 2)
      end--; /* a trailing one-run line joins only when it is close, below */
    if (end < n && !sh[end].data && sh[end].nseg == 1 && !sh[end].numeric &&
        sh[end].line->box.x0 < bx0 + 0.25 * (bx1 - bx0) &&
        line_gap(sh[end - 1].line, sh[end].line, h) < 0.8 * h &&
        sh[end].line->box.x1 - sh[end].line->box.x0 < 0.4 * (bx1 - bx0) &&
        !has_prefix(sh[end].line->text, "注") && !heading_start(sh[end].line->text))
      end++;
    /* Text rows before the first number row are header rows. */
    int first = start;
    for (int j = start; j < end; j++)
      if (sh[j].numeric) {
        start = j;
        break;
      }
    /* A number half a line under a header line is a header cell's second
     * line (全年预算 / 数 read as 2), not the first row. */
    while (start > first && start + 1 < end &&
           lines_interleave(page, sh[start - 1].line, sh[start].line)) {
      int next = start + 1;
      while (next < end && !sh[next].numeric)
        next++;
      if (next == end)
        break;
      start = next;
    }
    /* Header lines above: several runs, close, within the body's width. */
    int hstart = first;
    bool form_rows = false; /* climbing a form's label rows */
    while (hstart > 0 && first - hstart < MAX_HEADER) {
      const lshape *s = &sh[hstart - 1];
      const b2j_line *below = sh[hstart].line;
      bool label = s->nseg < 2 && form_label_line(page, s, bx0, h);
      if (s->unit_line || (s->nseg < 2 && !label) || (form_rows && !label) ||
          line_gap(s->line, below, h) > 1.6 * h || s->line->box.x0 < bx0 - 30 ||
          s->line->box.x1 > bx1 + 30)
        break;
      hstart--;
      /* A form's label rows (项目名称 …, 项目资金 126.38, 年度目标 …) stack
       * over its body; above them only more such rows belong to it. */
      form_rows |= label;
    }
    /* Two number rows make a table; so does one (栏次 1 2 3 …) under a
     * header when the body is empty (本表无数据), and so does a header
     * over a lone total row with no amounts. */
    bool empty = false;
    if (ndata < 2 && !(hstart < start && maxseg >= 4)) {
      int t = empty_total_row(sh, first, end, maxseg);
      if (t < 0) {
        i = end;
        continue;
      }
      empty = true;
      start = t;
      /* 项目 alone over 科目编码 科目名称 is a header line too. */
      hstart = first;
      while (hstart > 0 && first - hstart < MAX_HEADER) {
        const lshape *s = &sh[hstart - 1];
        const b2j_line *l = s->line;
        if (s->unit_line || s->numeric || line_gap(l, sh[hstart].line, h) > 1.6 * h ||
            l->box.x0 < bx0 - 30 || l->box.x1 > bx1 + 30 ||
            (s->nseg < 2 && l->box.x1 - l->box.x0 > 0.3 * (bx1 - bx0)))
          break;
        hstart--;
      }
    }
    GPtrArray *body = g_ptr_array_new();
    GArray *bw = g_array_new(FALSE, FALSE, sizeof(guint));
    for (int j = start; j < end; j++) {
      g_ptr_array_add(body, sh[j].line);
      g_array_append_vals(bw, sh[j].line->words->data, sh[j].line->words->len);
    }
    /* Column gaps scale with the table's own type, which is often smaller
     * than the prose around it. */
    double min_gap = MAX(0.25 * median_height(page, bw), 2.5);
    g_array_free(bw, TRUE);
    double x0 = bx0, x1 = bx1;
    for (int j = hstart; j < start; j++) {
      x0 = MIN(x0, sh[j].line->box.x0);
      x1 = MAX(x1, sh[j].line->box.x1);
    }
    GPtrArray *head = g_ptr_array_new();
    for (int j = hstart; j < start; j++)
      g_ptr_array_add(head, sh[j].line);
    int mid = empty ? -1 : section_header(page, sh, start, end);
    GArray *seps;
    if (empty) {
      seps = ws_separators_empty(page, head, body, x0 - 1, x1 + 1, min_gap);
    } else if (mid < 0) {
      seps = ws_separators_headed(page, body, head, x0 - 1, x1 + 1, (int)(0.1 * body->len),
                                  min_gap);
    } else {
      /* A form: the sections above and below a header inside the body (项目资金
       * over 绩效指标) have columns of their own; the grid has them all. */
      GPtrArray *up = g_ptr_array_new(), *down = g_ptr_array_new(), *mh = g_ptr_array_new();
      for (int j = start; j < mid; j++)
        g_ptr_array_add(up, sh[j].line);
      for (int j = mid + 1; j < end; j++)
        g_ptr_array_add(down, sh[j].line);
      g_ptr_array_add(mh, sh[mid].line);
      seps = ws_separators_headed(page, up, head, x0 - 1, x1 + 1, (int)(0.1 * up->len),
                                  min_gap);
      GArray *s2 = ws_separators_headed(page, down, mh, x0 - 1, x1 + 1,
                                        (int)(0.1 * down->len), min_gap);
      GPtrArray *all = g_ptr_array_new();
      for (int j = hstart; j < end; j++)
        g_ptr_array_add(all, sh[j].line);
      join_section_seps(page, all, seps, s2);
      g_ptr_array_free(all, TRUE);
      g_array_append_vals(seps, s2->data, s2->len);
      g_array_sort(seps, cmp_double);
      g_array_set_size(seps, (guint)snap((double *)seps->data, (int)seps->len, 0.5 * h));
      g_array_free(s2, TRUE);
      g_ptr_array_free(up, TRUE);
      g_ptr_array_free(down, TRUE);
      g_ptr_array_free(mh, TRUE);
    }
    for (int j = hstart; j < end; j++)
      if (column_numbers_split(page, sh[j].line, seps))
        break;
    g_ptr_array_free(head, TRUE);
    g_ptr_array_free(body, TRUE);
    if (seps->len < 2) {
      g_array_free(seps, TRUE);
      i = end;
      continue;
    }
    skel k = {g_array_new(FALSE, FALSE, sizeof(double)), g_array_new(FALSE, FALSE, sizeof(double)),
              g_array_new(FALSE, FALSE, sizeof(gboolean)),
              g_array_new(FALSE, FALSE, sizeof(gboolean))};
    add_bound(k.xs, k.xs_ruled, x0 - 1, FALSE);
    for (guint s = 0; s < seps->len; s++)
      add_bound(k.xs, k.xs_ruled, g_array_index(seps, double, s), FALSE);
    add_bound(k.xs, k.xs_ruled, x1 + 1, FALSE);
    g_array_free(seps, TRUE);

    /* Rows: each header line, then the body's anchored rows. */
    GArray *words = g_array_new(FALSE, FALSE, sizeof(guint));
    for (int j = start; j < end; j++)
      g_array_append_vals(words, sh[j].line->words->data, sh[j].line->words->len);
    int nbody = (int)words->len;
    int *row_of = g_new(int, words->len + 1);
    GArray *centres = g_array_new(FALSE, FALSE, sizeof(double));
    /* Header lines are rows of their own, but for labels interleaved with
     * the line above (one header cell centred beside a two-line one). */
    const double *kx = (const double *)k.xs->data;
    int knx = (int)k.xs->len;
    int *hrow = g_new(int, start - hstart + 1);
    int nh = 0, band0 = hstart;
    double band_sum = 0;
    int band_n = 0;
    GPtrArray *hl = g_ptr_array_new();
    for (int j = hstart; j < start; j++)
      g_ptr_array_add(hl, sh[j].line);
    for (int j = hstart; j < start; j++) {
      if (j > hstart && (!lines_interleave(page, sh[j - 1].line, sh[j].line) ||
                         line_clashes_row(page, hl, band0 - hstart, j - hstart, sh[j].line,
                                          kx, knx, true))) {
        band0 = j;
        double c = band_sum / band_n;
        g_array_append_val(centres, c);
        band_sum = 0;
        band_n = 0;
        nh++;
      }
      hrow[j - hstart] = nh;
      band_sum += (sh[j].line->box.y0 + sh[j].line->box.y1) / 2;
      band_n++;
    }
    if (band_n) {
      double c = band_sum / band_n;
      g_array_append_val(centres, c);
      nh++;
    }
    g_ptr_array_free(hl, TRUE);
    int nnum = 0;
    for (int j = start; j < end; j++)
      nnum += sh[j].numeric;
    /* Anchors suit grids of numbers whose labels span rows (score sheets);
     * forms full of wrapped prose keep to their text lines. */
    if ((lines_stacked(page, sh, start, end, kx, knx, h) ||
         lines_off_pitch(page, sh, start, end, kx, knx)) &&
        nnum * 5 >= (end - start) * 3) {
      /* A line of text in several columns and no values (a header inside
       * the body, a line of prose cells) is a row, not a label that spans. */
      bool *text_row = g_new0(bool, words->len + 1);
      guint at = 0;
      /* Labels left of every value column that share a height (产出指标 over
       * seven rows, 质量指标 over two) are spanning labels, not a row. */
      int minv = knx;
      for (guint q = 0; q < words->len; q++) {
        const b2j_word *wd = W(page, g_array_index(words, guint, q));
        if (b2j_token_is_numeric(wd->text))
          minv = MIN(minv, line_col(kx, knx, (wd->box.x0 + wd->box.x1) / 2));
      }
      for (int j = start; j < end; j++) {
        const GArray *lw = sh[j].line->words;
        int c0 = -1;
        bool multi = !sh[j].numeric;
        for (guint q = 0; q < lw->len && multi; q++) {
          const b2j_box *b = &W(page, g_array_index(lw, guint, q))->box;
          int c = line_col(kx, knx, (b->x0 + b->x1) / 2);
          if (c0 < 0)
            c0 = c;
          else if (c != c0)
            c0 = -2;
        }
        /* ... unless a cell of it wraps into a line of values right above
         * or below (a note beside 任务完成及时率 87%), which shares its
         * height with a spanning label by chance. */
        for (int d = -1; d <= 1 && multi && c0 == -2; d += 2) {
          int m = j + d;
          if (m < start || m >= end || !sh[m].numeric)
            continue;
          const GArray *mw = sh[m].line->words;
          for (guint q = 0; q < lw->len && multi; q++) {
            const b2j_box *b = &W(page, g_array_index(lw, guint, q))->box;
            int c = line_col(kx, knx, (b->x0 + b->x1) / 2);
            for (guint r = 0; r < mw->len && multi; r++) {
              const b2j_word *o = W(page, g_array_index(mw, guint, r));
              multi = token_is_value(o->text) ||
                      line_col(kx, knx, (o->box.x0 + o->box.x1) / 2) != c ||
                      fabs(o->box.y0 + o->box.y1 - b->y0 - b->y1) / 2 > 0.8 * h;
            }
          }
        }
        bool left = true;
        for (guint q = 0; q < lw->len && left; q++) {
          const b2j_box *b = &W(page, g_array_index(lw, guint, q))->box;
          left = line_col(kx, knx, (b->x0 + b->x1) / 2) < minv;
        }
        /* A line of labels in two columns or more (预期目标 … 实际完成情况)
         * a row's pitch under a row of values, not a wrapped line's (about
         * one em), starts a row too: the value row ends a block. */
        bool apart = false;
        if (!sh[j].numeric && j > start && sh[j - 1].numeric && lw->len >= 2) {
          const b2j_word *w0 = W(page, g_array_index(lw, guint, 0));
          const b2j_box *pb = &sh[j - 1].line->box, *lb = &sh[j].line->box;
          int ca = -1;
          apart = first_cjk(w0->text) &&
                  (lb->y0 + lb->y1) / 2 - (pb->y0 + pb->y1) / 2 >= 1.35 * em_of(w0);
          bool two = false;
          const GArray *pw = sh[j - 1].line->words;
          for (guint q = 0; q < lw->len && apart; q++) {
            const b2j_word *wq = W(page, g_array_index(lw, guint, q));
            int c = line_col(kx, knx, (wq->box.x0 + wq->box.x1) / 2);
            double cq = (wq->box.y0 + wq->box.y1) / 2;
            apart = !token_is_value(wq->text) && cq - (pb->y0 + pb->y1) / 2 >= 1.35 * em_of(w0);
            /* not the wrapped tail of a cell of the row above */
            for (guint r = 0; r < pw->len && apart; r++) {
              const b2j_word *o = W(page, g_array_index(pw, guint, r));
              apart = line_col(kx, knx, (o->box.x0 + o->box.x1) / 2) != c ||
                      cq - (o->box.y0 + o->box.y1) / 2 >= 1.35 * em_of(w0);
            }
            /* nor a line whose cells wrap on below, or a label centred
             * between two rows: the next line is a row's pitch away too */
            const GArray *nw = j + 1 < end ? sh[j + 1].line->words : NULL;
            for (guint r = 0; nw && r < nw->len && apart; r++) {
              const b2j_word *o = W(page, g_array_index(nw, guint, r));
              apart = (o->box.y0 + o->box.y1) / 2 - cq >= 1.35 * em_of(w0);
            }
            two |= ca >= 0 && c != ca;
            ca = c;
          }
          apart = apart && two;
        }
        for (guint q = 0; q < lw->len; q++)
          text_row[at++] = (multi && c0 == -2 && !left) || apart;
      }
      anchor_rows(page, words, text_row, kx, knx, h, row_of, centres);
      g_free(text_row);
    } else {
      /* Every text line is a row but for name tails and number tails. */
      GPtrArray *bl = g_ptr_array_new();
      for (int j = start; j < end; j++)
        g_ptr_array_add(bl, sh[j].line);
      int *row = group_rows(page, bl, kx, knx, 0);
      guint at = 0;
      double sum = 0;
      int cnt = 0;
      for (guint j = 0; j < bl->len; j++) {
        const b2j_line *l = bl->pdata[j];
        for (guint q = 0; q < l->words->len; q++)
          row_of[at++] = row[j];
        sum += (l->box.y0 + l->box.y1) / 2;
        cnt++;
        if (j + 1 == bl->len || row[j + 1] != row[j]) {
          double c = sum / cnt;
          g_array_append_val(centres, c);
          sum = 0;
          cnt = 0;
        }
      }
      g_free(row);
      g_ptr_array_free(bl, TRUE);
    }
    for (int j = 0; j < nbody; j++)
      row_of[j] += nh;
    for (int j = hstart; j < start; j++) {
      const b2j_line *l = sh[j].line;
      g_array_append_vals(words, l->words->data, l->words->len);
      row_of = g_renew(int, row_of, words->len + 1);
      for (guint q = words->len - l->words->len; q < words->len; q++)
        row_of[q] = hrow[j - hstart];
    }
    g_free(hrow);
    double y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
    for (int j = hstart; j < end; j++) {
      y0 = MIN(y0, sh[j].line->box.y0);
      y1 = MAX(y1, sh[j].line->box.y1);
    }
    add_bound(k.ys, k.ys_ruled, y0 - 1, FALSE);
    for (guint j = 1; j < centres->len; j++) {
      double m = (g_array_index(centres, double, j - 1) + g_array_index(centres, double, j)) / 2;
      add_bound(k.ys, k.ys_ruled, m, FALSE);
    }
    add_bound(k.ys, k.ys_ruled, y1 + 1, FALSE);
    g_array_free(centres, TRUE);
    GArray *none = g_array_new(FALSE, FALSE, sizeof(seg));
    bool *hopen = header_wraps(page, words, row_of, nh, (int)k.ys->len - 1, kx, knx);
    hopen = group_spans(page, words, row_of, nh, (const double *)k.ys->data, (int)k.ys->len - 1,
                        kx, knx, hopen);
    b2j_grid *g = finish(page, &k, none, none, words, row_of, hopen, false);
    g_free(hopen);
    g_free(row_of);
    g_array_free(none, TRUE);
    skel_free(&k);
    if (g) {
      for (guint j = 0; j < words->len; j++)
        used[g_array_index(words, guint, j)] = true;
      g_ptr_array_add(grids, g);
    }
    g_array_free(words, TRUE);
    i = end;
  }
  g_free(sh);
  g_ptr_array_unref(lines);
}

/* ---------- ruled regions ---------- */

static b2j_box seg_box(const GArray *hs, const GArray *vs) {
  b2j_box b = {G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE};
  for (guint i = 0; i < hs->len; i++) {
    const seg *s = &g_array_index(hs, seg, i);
    b.x0 = MIN(b.x0, s->a0);
    b.x1 = MAX(b.x1, s->a1);
    b.y0 = MIN(b.y0, s->pos);
    b.y1 = MAX(b.y1, s->pos);
  }
  for (guint i = 0; i < vs->len; i++) {
    const seg *s = &g_array_index(vs, seg, i);
    b.y0 = MIN(b.y0, s->a0);
    b.y1 = MAX(b.y1, s->a1);
    b.x0 = MIN(b.x0, s->pos);
    b.x1 = MAX(b.x1, s->pos);
  }
  return b;
}

/* Does any line strictly between y0 and y1 (over [x0, x1]) look like part of
 * a table: several runs of words? Title and unit lines do not. */
static bool tabular_between(const b2j_page *page, GPtrArray *lines, double h, double x0,
                            double x1, double y0, double y1) {
  bool any = false;
  for (guint l = 0; l < lines->len; l++) {
    b2j_line *ln = lines->pdata[l];
    double cy = (ln->box.y0 + ln->box.y1) / 2;
    if (cy <= y0 || cy >= y1 || ln->box.x1 < x0 || ln->box.x0 > x1)
      continue;
    any = true;
    lshape s = shape_of(page, ln, h);
    if (s.nseg >= 2 && !s.unit_line)
      return true;
  }
  return !any; /* an empty band (a double rule) does not break a region */
}

static void ruled_tables(const b2j_page *page, bool *used, GPtrArray *grids) {
  GArray *H = g_array_new(FALSE, FALSE, sizeof(seg)), *V = g_array_new(FALSE, FALSE, sizeof(seg));
  word_index ix;
  word_index_init(&ix, page);
  for (guint i = 0; i < page->rules->len; i++) {
    const b2j_rule *r = &g_array_index(page->rules, b2j_rule, i);
    if (inside_word(&ix, r))
      continue;
    if (r->horizontal) {
      seg s = {(r->box.y0 + r->box.y1) / 2, r->box.x0, r->box.x1};
      g_array_append_val(H, s);
    } else {
      seg s = {(r->box.x0 + r->box.x1) / 2, r->box.y0, r->box.y1};
      g_array_append_val(V, s);
    }
  }
  word_index_clear(&ix);
  merge_segs(H);
  merge_segs(V);
  drop_loose(V, H, 0);
  drop_loose(H, V, 0.25 * page->width);
  trim_overshoot(page, V, H, false);
  trim_overshoot(page, H, V, true);
  int nh = (int)H->len, nv = (int)V->len;
  int *parent = g_new(int, nh + nv + 1);
  for (int i = 0; i < nh + nv; i++)
    parent[i] = i;
  for (int i = 0; i < nh; i++) {
    const seg *h = &g_array_index(H, seg, i);
    for (int j = 0; j < nv; j++) {
      const seg *v = &g_array_index(V, seg, j);
      if (v->pos >= h->a0 - TOUCH && v->pos <= h->a1 + TOUCH && h->pos >= v->a0 - TOUCH &&
          h->pos <= v->a1 + TOUCH) {
        int a = uf_find(parent, i), b = uf_find(parent, nh + j);
        if (a != b)
          parent[a] = b;
      }
    }
  }
  bool *h_done = g_new0(bool, nh + 1);
  /* Lattices: clusters with two or more rules each way. */
  for (int root = 0; root < nh + nv; root++) {
    if (uf_find(parent, root) != root)
      continue;
    GArray *ch = g_array_new(FALSE, FALSE, sizeof(seg)), *cv = g_array_new(FALSE, FALSE, sizeof(seg));
    for (int i = 0; i < nh; i++)
      if (uf_find(parent, i) == root)
        g_array_append_val(ch, g_array_index(H, seg, i));
    for (int j = 0; j < nv; j++)
      if (uf_find(parent, nh + j) == root)
        g_array_append_val(cv, g_array_index(V, seg, j));
    if (ch->len >= 2 && cv->len >= 2) {
      for (int i = 0; i < nh; i++)
        if (uf_find(parent, i) == root)
          h_done[i] = true;
      b2j_box box = seg_box(ch, cv);
      if (box.x1 - box.x0 > 20 && box.y1 - box.y0 > 8) {
        b2j_grid *g = region_grid(page, ch, cv, box, used);
        if (g)
          g_ptr_array_add(grids, g);
      }
    }
    g_array_free(ch, TRUE);
    g_array_free(cv, TRUE);
  }

  /* Horizontal rules alone (three-line tables, row rules without column
   * rules): consecutive rules of about the same extent, not parted by a
   * stretch of title or prose lines. */
  GArray *free_h = g_array_new(FALSE, FALSE, sizeof(seg));
  for (int i = 0; i < nh; i++) {
    const seg *s = &g_array_index(H, seg, i);
    if (!h_done[i] && s->a1 - s->a0 >= 0.25 * page->width)
      g_array_append_val(free_h, *s);
  }
  if (free_h->len >= 2) {
    GArray *fw = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < page->words->len; i++)
      if (!used[i])
        g_array_append_val(fw, i);
    double h = median_height(page, fw);
    GPtrArray *lines = b2j_lines_of(page, fw);
    g_array_free(fw, TRUE);
    guint a = 0;
    while (a < free_h->len) {
      guint b = a + 1;
      while (b < free_h->len) {
        const seg *p = &g_array_index(free_h, seg, b - 1), *q = &g_array_index(free_h, seg, b);
        double ov = MIN(p->a1, q->a1) - MAX(p->a0, q->a0);
        if (ov < 0.7 * MIN(p->a1 - p->a0, q->a1 - q->a0) ||
            !tabular_between(page, lines, h, MAX(p->a0, q->a0), MIN(p->a1, q->a1), p->pos,
                             q->pos))
          break;
        b++;
      }
      if (b - a >= 2) {
        GArray *ch = g_array_new(FALSE, FALSE, sizeof(seg));
        g_array_append_vals(ch, &g_array_index(free_h, seg, a), b - a);
        GArray *none = g_array_new(FALSE, FALSE, sizeof(seg));
        b2j_box box = seg_box(ch, none);
        b2j_grid *g = region_grid(page, ch, none, box, used);
        if (g && g->n_rows >= 2)
          g_ptr_array_add(grids, g);
        else
          b2j_grid_free(g); /* its words stay used: they were inside rules */
        g_array_free(none, TRUE);
        g_array_free(ch, TRUE);
      }
      a = b;
    }
    g_ptr_array_unref(lines);
  }
  g_array_free(free_h, TRUE);
  g_free(h_done);
  g_free(parent);
  g_array_free(H, TRUE);
  g_array_free(V, TRUE);
}

/* ---------- public ---------- */

static int by_top(gconstpointer a, gconstpointer b) {
  const b2j_grid *p = *(b2j_grid *const *)a, *q = *(b2j_grid *const *)b;
  if (p->box.y0 != q->box.y0)
    return p->box.y0 < q->box.y0 ? -1 : 1;
  return p->box.x0 < q->box.x0 ? -1 : p->box.x0 > q->box.x0;
}

static bool in_any_grid(const GPtrArray *grids, const b2j_box *b) {
  double cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;
  for (guint g = 0; g < grids->len; g++) {
    const b2j_grid *gr = grids->pdata[g];
    if (cx >= gr->box.x0 && cx <= gr->box.x1 && cy >= gr->box.y0 && cy <= gr->box.y1)
      return true;
  }
  return false;
}

GPtrArray *b2j_layout_prose_lines(const b2j_page *page, const GPtrArray *grids) {
  GArray *idx = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint i = 0; i < page->words->len; i++)
    if (!grids || !in_any_grid(grids, &W(page, i)->box))
      g_array_append_val(idx, i);
  GPtrArray *lines = b2j_lines_of(page, idx);
  g_array_free(idx, TRUE);
  return lines;
}

GPtrArray *b2j_layout_tables(const b2j_page *page) {
  GPtrArray *grids = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_grid_free);
  if (!page || !page->words || !page->words->len)
    return grids;
  bool *used = g_new0(bool, page->words->len);
  if (page->rules && page->rules->len)
    ruled_tables(page, used, grids);
  unruled_tables(page, used, grids);
  g_free(used);
  g_ptr_array_sort(grids, by_top);

  GPtrArray *prose = b2j_layout_prose_lines(page, grids);
  for (guint g = 0; g < grids->len; g++) {
    b2j_grid *gr = grids->pdata[g];
    double top = g > 0 ? ((b2j_grid *)grids->pdata[g - 1])->box.y1 : -G_MAXDOUBLE;
    double bottom = g + 1 < grids->len ? ((b2j_grid *)grids->pdata[g + 1])->box.y0 : G_MAXDOUBLE;
    for (guint l = 0; l < prose->len; l++) {
      const b2j_line *ln = prose->pdata[l];
      double cy = (ln->box.y0 + ln->box.y1) / 2;
      if (cy > top && cy < gr->box.y0)
        g_ptr_array_add(gr->above, g_strdup(ln->text));
      else if (cy > gr->box.y1 && cy < bottom)
        g_ptr_array_add(gr->below, g_strdup(ln->text));
    }
  }
  g_ptr_array_unref(prose);
  return grids;
}

/* ---------- the cheap pre-test ---------- */

/* The most values of `v` (sorted in place) within any window of `w`. */
static int densest(double *v, int n, double w) {
  qsort(v, (size_t)n, sizeof(double), cmp_double);
  int best = 0;
  for (int i = 0, j = 0; j < n; j++) {
    while (v[j] - v[i] > w)
      i++;
    best = MAX(best, j - i + 1);
  }
  return best;
}

bool b2j_layout_page_may_have_table(const b2j_page *page) {
  static const char *const table_words[] = {"科目编码", "科目名称", "栏次", "单位：", "单位:",
                                            "项目名称", "一级指标", "二级指标", "三级指标",
                                            "指标值", "功能分类", "经济分类", "预算数",
                                            "决算数", "行次", "金额", NULL};
  if (!page || !page->words || !page->words->len)
    return false;
  int hits = 0, nnum = 0;
  guint n = page->words->len;
  double *x0 = g_new(double, n), *x1 = g_new(double, n), *yc = g_new(double, n);
  for (guint i = 0; i < n; i++) {
    const b2j_word *w = W(page, i);
    if (!w->text)
      continue;
    if (b2j_token_is_numeric(w->text)) {
      x0[nnum] = w->box.x0;
      x1[nnum] = w->box.x1;
      yc[nnum] = (w->box.y0 + w->box.y1) / 2;
      nnum++;
    }
    /* A cell such as 合计 or 本年支出小计 (not a sentence that mentions it). */
    if (g_utf8_strlen(w->text, -1) <= 10 &&
        (g_str_has_suffix(w->text, "合计") || g_str_has_suffix(w->text, "总计") ||
         g_str_has_suffix(w->text, "小计"))) {
      hits++;
      continue;
    }
    for (int k = 0; table_words[k]; k++)
      if (strstr(w->text, table_words[k])) {
        hits++;
        break;
      }
  }
  /* Numbers in a column share an edge, numbers in a row a baseline;
   * numbers in prose seldom do either. A page holding the last rows of a
   * table continued from the page before may have no header words at all,
   * so a few aligned numbers are enough. */
  int aligned = nnum ? MAX(densest(x1, nnum, 1.5), densest(x0, nnum, 1.5)) : 0;
  int in_row = nnum ? densest(yc, nnum, 2.0) : 0;
  g_free(x0);
  g_free(x1);
  g_free(yc);
  return hits >= 2 || aligned >= 3 || in_row >= 3 || (hits >= 1 && nnum >= 2);
}
