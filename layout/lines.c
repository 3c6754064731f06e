#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

void b2j_line_free(b2j_line *l) {
  if (!l)
    return;
  g_free(l->text);
  g_array_free(l->words, TRUE);
  g_free(l);
}

typedef struct {
  const b2j_page *page;
} sort_ctx;

static int by_top(const void *a, const void *b, void *user) {
  const b2j_page *page = ((sort_ctx *)user)->page;
  const b2j_word *wa = &g_array_index(page->words, b2j_word, *(const guint *)a);
  const b2j_word *wb = &g_array_index(page->words, b2j_word, *(const guint *)b);
  double ca = (wa->box.y0 + wa->box.y1) / 2, cb = (wb->box.y0 + wb->box.y1) / 2;
  if (ca != cb)
    return ca < cb ? -1 : 1;
  return wa->box.x0 < wb->box.x0 ? -1 : wa->box.x0 > wb->box.x0;
}

static int by_left(const void *a, const void *b, void *user) {
  const b2j_page *page = ((sort_ctx *)user)->page;
  const b2j_word *wa = &g_array_index(page->words, b2j_word, *(const guint *)a);
  const b2j_word *wb = &g_array_index(page->words, b2j_word, *(const guint *)b);
  return wa->box.x0 < wb->box.x0 ? -1 : wa->box.x0 > wb->box.x0;
}

static bool ends_cjk(const char *s) {
  if (!*s)
    return false;
  const char *last = g_utf8_find_prev_char(s, s + strlen(s));
  gunichar c = last ? g_utf8_get_char(last) : 0;
  return c >= 0x2E80;
}

static bool starts_cjk(const char *s) { return *s && g_utf8_get_char(s) >= 0x2E80; }

static b2j_line *finish_line(const b2j_page *page, GArray *idx) {
  sort_ctx ctx = {page};
  g_array_sort_with_data(idx, by_left, &ctx);
  b2j_line *l = g_new0(b2j_line, 1);
  l->words = idx;
  GString *s = g_string_new(NULL);
  double prev_x1 = 0, prev_h = 0;
  for (guint i = 0; i < idx->len; i++) {
    const b2j_word *w = &g_array_index(page->words, b2j_word, g_array_index(idx, guint, i));
    double h = w->box.y1 - w->box.y0;
    if (i == 0) {
      l->box = w->box;
    } else {
      double gap = w->box.x0 - prev_x1;
      /* CJK text carries no spaces: join touching CJK runs, keep a space
       * where the gap is a real one or a Latin/number word meets another. */
      bool cjk_join = ends_cjk(s->str) && starts_cjk(w->text) && gap < 0.3 * MAX(h, prev_h);
      if (!cjk_join)
        g_string_append_c(s, ' ');
      l->box.x0 = MIN(l->box.x0, w->box.x0);
      l->box.y0 = MIN(l->box.y0, w->box.y0);
      l->box.x1 = MAX(l->box.x1, w->box.x1);
      l->box.y1 = MAX(l->box.y1, w->box.y1);
    }
    g_string_append(s, w->text);
    prev_x1 = w->box.x1;
    prev_h = h;
  }
  l->text = g_string_free(s, FALSE);
  return l;
}

/* The vertical extent of a word's glyphs. A text layer's boxes span the
 * font's ascent and descent (about 1.45 em for CJK fonts), taller than the
 * pitch of tightly set rows, so a label centred between two rows would
 * reach into both; its advance widths give the em (a CJK character is one
 * em wide, a digit about half), which bounds the glyphs' height. OCR boxes
 * hug the ink already. */
static void glyph_band(const b2j_word *w, double *y0, double *y1) {
  *y0 = w->box.y0;
  *y1 = w->box.y1;
  if (w->origin != B2J_ORIGIN_TEXT || !w->text)
    return;
  double units = 0;
  for (const char *p = w->text; *p; p = g_utf8_next_char(p))
    units += g_utf8_get_char(p) >= 0x2E80 ? 1.0 : 0.55;
  double h = w->box.y1 - w->box.y0;
  double em = units > 0 ? (w->box.x1 - w->box.x0) / units : h;
  double g = MAX(MIN(h, em), 0.6 * h);
  double cy = (w->box.y0 + w->box.y1) / 2;
  *y0 = cy - g / 2;
  *y1 = cy + g / 2;
}

GPtrArray *b2j_layout_lines(const b2j_page *page) {
  GPtrArray *lines = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_line_free);
  guint n = page->words->len;
  if (n == 0)
    return lines;
  guint *order = g_new(guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  sort_ctx ctx = {page};
  g_qsort_with_data(order, (gint)n, sizeof(guint), by_top, &ctx);

  /* Sweep top to bottom: a word joins the current line when its vertical
   * centre falls inside the line's band; a word's own height sets the band so
   * a tall CJK glyph and a short digit on one baseline stay together. */
  GArray *cur = NULL;
  double band_y0 = 0, band_y1 = 0;
  for (guint k = 0; k < n; k++) {
    const b2j_word *w = &g_array_index(page->words, b2j_word, order[k]);
    double cy = (w->box.y0 + w->box.y1) / 2, g0, g1;
    glyph_band(w, &g0, &g1);
    if (cur && cy >= band_y0 && cy <= band_y1) {
      g_array_append_val(cur, order[k]);
      band_y0 = MIN(band_y0, g0);
      band_y1 = MAX(band_y1, g1);
      continue;
    }
    if (cur)
      g_ptr_array_add(lines, finish_line(page, cur));
    cur = g_array_new(FALSE, FALSE, sizeof(guint));
    g_array_append_val(cur, order[k]);
    band_y0 = g0;
    band_y1 = g1;
  }
  if (cur)
    g_ptr_array_add(lines, finish_line(page, cur));
  g_free(order);
  return lines;
}
