/* Grid skeleton → cells: merging, word assignment, cell text. */
#include <math.h>
#include <string.h>

#include "layout_internal.h"

void b2j_grid_free(b2j_grid *g) {
  if (!g)
    return;
  if (g->cells)
    g_ptr_array_unref(g->cells);
  if (g->above)
    g_ptr_array_unref(g->above);
  if (g->below)
    g_ptr_array_unref(g->below);
  g_free(g);
}

static void cell_free(b2j_grid_cell *c) {
  if (!c)
    return;
  g_free(c->text);
  if (c->words)
    g_array_free(c->words, TRUE);
  g_free(c);
}

const b2j_grid_cell *b2j_grid_at(const b2j_grid *g, int row, int col) {
  if (!g || row < 0 || col < 0 || row >= g->n_rows || col >= g->n_cols)
    return NULL;
  for (guint i = 0; i < g->cells->len; i++) {
    const b2j_grid_cell *c = g->cells->pdata[i];
    if (row >= c->row && row < c->row + c->rowspan && col >= c->col && col < c->col + c->colspan)
      return c;
  }
  return NULL;
}

GPtrArray *b2j_lines_of(const b2j_page *page, const GArray *idx) {
  /* A shallow page over the subset lets lines.c do the grouping; its word
   * structs are copies whose strings stay the page's. */
  b2j_page sub = *page;
  sub.words = g_array_sized_new(FALSE, FALSE, sizeof(b2j_word), idx->len);
  for (guint i = 0; i < idx->len; i++)
    g_array_append_val(sub.words,
                       g_array_index(page->words, b2j_word, g_array_index(idx, guint, i)));
  GPtrArray *lines = b2j_layout_lines(&sub);
  for (guint l = 0; l < lines->len; l++) {
    GArray *w = ((b2j_line *)lines->pdata[l])->words;
    for (guint k = 0; k < w->len; k++)
      g_array_index(w, guint, k) = g_array_index(idx, guint, g_array_index(w, guint, k));
  }
  g_array_free(sub.words, TRUE);
  return lines;
}

bool b2j_token_is_numeric(const char *s) {
  int digits = 0, other = 0;
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
      digits++;
    else if (strchr(",.%-+()", (int)(c < 128 ? c : 'x')) || c == 0xFF0C || c == 0xFF0E ||
             c == 0xFF05 || c == 0xFF08 || c == 0xFF09 || c == 0xFF0D)
      continue;
    else
      other++;
  }
  return digits > 0 && other == 0;
}

static bool cjk_char(gunichar c) { return c >= 0x2E80; }

static bool ends_cjk(const GString *s) {
  if (!s->len)
    return false;
  const char *last = g_utf8_find_prev_char(s->str, s->str + s->len);
  return last && cjk_char(g_utf8_get_char(last));
}

typedef struct {
  const b2j_page *page;
} wctx;

static const b2j_word *W(const b2j_page *p, guint i) {
  return &g_array_index(p->words, b2j_word, i);
}

static int by_cy(const void *a, const void *b, void *user) {
  const b2j_page *p = ((const wctx *)user)->page;
  const b2j_word *wa = W(p, *(const guint *)a), *wb = W(p, *(const guint *)b);
  double ca = wa->box.y0 + wa->box.y1, cb = wb->box.y0 + wb->box.y1;
  if (ca != cb)
    return ca < cb ? -1 : 1;
  return wa->box.x0 < wb->box.x0 ? -1 : wa->box.x0 > wb->box.x0;
}

static int by_x(const void *a, const void *b, void *user) {
  const b2j_page *p = ((const wctx *)user)->page;
  const b2j_word *wa = W(p, *(const guint *)a), *wb = W(p, *(const guint *)b);
  return wa->box.x0 < wb->box.x0 ? -1 : wa->box.x0 > wb->box.x0;
}

char *b2j_join_words(const b2j_page *page, const GArray *idx) {
  GString *s = g_string_new(NULL);
  if (!idx || !idx->len)
    return g_string_free(s, FALSE);
  guint n = idx->len;
  guint *order = g_new(guint, n);
  memcpy(order, idx->data, n * sizeof(guint));
  wctx ctx = {page};
  g_qsort_with_data(order, (gint)n, sizeof(guint), by_cy, &ctx);
  /* Lines inside the cell by centre bands, then each line left to right. */
  guint start = 0;
  while (start < n) {
    const b2j_word *w0 = W(page, order[start]);
    double b0 = w0->box.y0, b1 = w0->box.y1;
    guint end = start + 1;
    while (end < n) {
      const b2j_word *w = W(page, order[end]);
      double cy = (w->box.y0 + w->box.y1) / 2;
      if (cy < b0 || cy > b1)
        break;
      b0 = MIN(b0, w->box.y0);
      b1 = MAX(b1, w->box.y1);
      end++;
    }
    g_qsort_with_data(order + start, (gint)(end - start), sizeof(guint), by_x, &ctx);
    double prev_x1 = 0;
    for (guint k = start; k < end; k++) {
      const b2j_word *w = W(page, order[k]);
      if (!w->text || !*w->text)
        continue;
      if (s->len) {
        bool cjk = ends_cjk(s) && cjk_char(g_utf8_get_char(w->text));
        /* Fragments of one token that touch (a number split by the text
         * layer) join too; a new line inside the cell is a real break. */
        bool touching = k > start && w->box.x0 - prev_x1 < 0.12 * (w->box.y1 - w->box.y0);
        if (!cjk && !touching)
          g_string_append_c(s, ' ');
      }
      g_string_append(s, w->text);
      prev_x1 = w->box.x1;
    }
    start = end;
  }
  g_free(order);
  return g_string_free(s, FALSE);
}

/* Index of the band [b[i], b[i+1]) holding v, clamped to the outer bands. */
static int band_of(const double *b, int nb, double v) {
  int lo = 0, hi = nb - 2;
  if (hi < 0)
    return 0;
  while (lo < hi) {
    int mid = (lo + hi + 1) / 2;
    if (b[mid] <= v)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}

b2j_grid *b2j_grid_build(const b2j_page *page, const b2j_lattice *lat, const GArray *words,
                         const int *rows, bool ruled) {
  int nc = lat->nx - 1, nr = lat->ny - 1;
  if (nc < 1 || nr < 1)
    return NULL;
  b2j_grid *g = g_new0(b2j_grid, 1);
  g->page = page->number;
  g->box = (b2j_box){lat->xs[0], lat->ys[0], lat->xs[nc], lat->ys[nr]};
  g->ruled = ruled;
  g->n_rows = nr;
  g->n_cols = nc;
  g->cells = g_ptr_array_new_with_free_func((GDestroyNotify)cell_free);
  g->above = g_ptr_array_new_with_free_func(g_free);
  g->below = g_ptr_array_new_with_free_func(g_free);

  int *owner = g_new(int, nr * nc);
  for (int i = 0; i < nr * nc; i++)
    owner[i] = -1;
  /* Greedy from the top-left: grow right while no wall, then down while the
   * whole width has no wall above and none inside; cells stay rectangles. */
  for (int r = 0; r < nr; r++) {
    for (int c = 0; c < nc; c++) {
      if (owner[r * nc + c] >= 0)
        continue;
      int cs = 1;
      while (c + cs < nc && !lat->vwall[r * lat->nx + c + cs] && owner[r * nc + c + cs] < 0)
        cs++;
      int rs = 1;
      for (;;) {
        int rr = r + rs;
        if (rr >= nr)
          break;
        bool ok = true;
        for (int k = c; k < c + cs && ok; k++)
          ok = !lat->hwall[rr * nc + k] && owner[rr * nc + k] < 0;
        for (int k = c + 1; k < c + cs && ok; k++)
          ok = !lat->vwall[rr * lat->nx + k];
        if (!ok)
          break;
        rs++;
      }
      b2j_grid_cell *cell = g_new0(b2j_grid_cell, 1);
      cell->row = r;
      cell->col = c;
      cell->rowspan = rs;
      cell->colspan = cs;
      cell->box = (b2j_box){lat->xs[c], lat->ys[r], lat->xs[c + cs], lat->ys[r + rs]};
      cell->conf = -1;
      cell->words = g_array_new(FALSE, FALSE, sizeof(guint));
      int id = (int)g->cells->len;
      g_ptr_array_add(g->cells, cell);
      for (int y = r; y < r + rs; y++)
        for (int x = c; x < c + cs; x++)
          owner[y * nc + x] = id;
    }
  }
  for (guint i = 0; words && i < words->len; i++) {
    guint wi = g_array_index(words, guint, i);
    const b2j_word *w = W(page, wi);
    double cx = (w->box.x0 + w->box.x1) / 2, cy = (w->box.y0 + w->box.y1) / 2;
    int c = band_of(lat->xs, lat->nx, cx);
    int r = rows && rows[i] >= 0 && rows[i] < nr ? rows[i] : band_of(lat->ys, lat->ny, cy);
    b2j_grid_cell *cell = g->cells->pdata[owner[r * nc + c]];
    g_array_append_val(cell->words, wi);
    if (w->conf >= 0 && (cell->conf < 0 || w->conf < cell->conf))
      cell->conf = w->conf;
  }
  for (guint i = 0; i < g->cells->len; i++) {
    b2j_grid_cell *cell = g->cells->pdata[i];
    cell->text = b2j_join_words(page, cell->words);
  }
  g_free(owner);
  return g;
}
