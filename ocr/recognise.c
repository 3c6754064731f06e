/* OCR of one page: orientation, skew, seal, binarisation, ruling lines and
 * cells, then tesseract line by line.
 *
 * Whole-page recognition of a table page is slow and poor (a single block
 * reads the titles only; automatic segmentation reads 支出 as 文出 and loses
 * separators). Reading each cell's text lines alone, with the lines removed,
 * numbers through eng with a digit alphabet and the rest through chi_sim, is
 * both faster and more exact; the cells come from the same ruling lines the
 * layout stage uses, so a cell's words fall inside its grid cell. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ocr_internal.h"

#define NUM_WHITELIST "0123456789.,-%()"
/* eng's mean confidence (0..100) under which a numeric-looking chunk is read
 * again by chi_sim and the better reading kept. */
#define NUM_MIN_CONF 75.0f
/* chi_sim's confidence (0..1) for digits and a measure word read where the
 * digit alphabet saw a % (digits_and_measure). */
#define MEASURE_MIN_CONF 0.4
/* A symbol under this confidence (0..100) contributes alternatives. */
#define ALT_SYMBOL_CONF 90.0f
/* A label re-read as a raw line counts only this sure (0..1). */
#define RAW_LINE_MIN_CONF 0.6
#define MAX_ALTERNATIVES 4
/* How much surer chi_sim must be of a grey reading of Chinese than of the
 * binary one: none. On 150-190 dpi scans measured, indicators read exactly
 * rose from a margin of 0.05 to 0.02 to 0 and fell below it. */
#define GREY_MARGIN 0.0
/* The same for a number: its grey reading must be clearly surer. */
#define GREY_NUM_MARGIN 0.05
/* A Chinese reading this sure is not read again from grey (no grey reading
 * beat one in the scans measured). */
#define GREY_SURE 0.9
/* A lone Chinese glyph is read again from grey only from this sure. */
#define GREY_LONE_MIN 0.5
/* Above this share of mid-grey (80-179) in its ink (0-179) a page's strokes
 * are soft (soft_strokes). */
#define SOFT_INK_SHARE 0.5
/* Orientation: text lines sampled per candidate turn, and the mean chi_sim
 * confidence that settles the upright reading without trying the others. */
#define TURN_SAMPLES 4
#define TURN_SURE 0.6
/* pixFindSkew's confidence needed to trust its angle. */
#define SKEW_MIN_CONF 1.5f

G_DEFINE_QUARK(b2j-ocr-error-quark, b2j_ocr_error)

void b2j_ocr_process_init(void) {
  /* The num_threads clauses inside tesseract override omp_set_num_threads;
   * only the variable, read when libgomp loads, limits them. */
  g_setenv("OMP_THREAD_LIMIT", "1", FALSE);
}

static TessBaseAPI *engine(const char *lang, TessOcrEngineMode oem, TessPageSegMode psm,
                           GError **error) {
  TessBaseAPI *api = TessBaseAPICreate();
  if (!api) {
    g_set_error(error, b2j_ocr_error_quark(), 1,
                "tesseract's library cannot be loaded (install libtesseract5)");
    return NULL;
  }
  /* Tesseract prints its debug chatter to debug_file; keep stderr for ours. */
  char *names[] = {"debug_file"};
  char *values[] = {"/dev/null"};
  if (TessBaseAPIInit4(api, NULL, lang, oem, NULL, 0, names, values, 1, FALSE) != 0) {
    g_set_error(error, b2j_ocr_error_quark(), 1,
                "tesseract cannot load the '%s' model (install tesseract-ocr-%s)", lang,
                strcmp(lang, "chi_sim") == 0 ? "chi-sim" : lang);
    TessBaseAPIDelete(api);
    return NULL;
  }
  /* The C API's default is one block (--psm 6); say what we mean. */
  TessBaseAPISetPageSegMode(api, psm);
  return api;
}

b2j_ocr_ctx *b2j_ocr_ctx_new(GError **error) {
  b2j_ocr_ctx *ctx = g_new0(b2j_ocr_ctx, 1);
  ctx->eng = engine("eng", OEM_LSTM_ONLY, PSM_SINGLE_LINE, error);
  if (!ctx->eng)
    goto fail;
  ctx->chi = engine("chi_sim", OEM_LSTM_ONLY, PSM_SINGLE_LINE, error);
  if (!ctx->chi)
    goto fail;
  TessBaseAPISetVariable(ctx->eng, "tessedit_char_whitelist", NUM_WHITELIST);
  /* Per-character alternatives from the LSTM, for the choice iterator. */
  TessBaseAPISetVariable(ctx->eng, "lstm_choice_mode", "2");
  ctx->lex = b2j_lexicon_new();
  ctx->fixes = g_ptr_array_new_with_free_func(NULL);
  return ctx;
fail:
  b2j_ocr_ctx_free(ctx);
  return NULL;
}

static void fix_free(gpointer p) {
  b2j_ocr_fix *f = p;
  g_free(f->from);
  g_free(f->to);
  g_free(f);
}

void b2j_ocr_ctx_free(b2j_ocr_ctx *ctx) {
  if (!ctx)
    return;
  TessBaseAPI *apis[] = {ctx->eng, ctx->chi};
  for (size_t i = 0; i < G_N_ELEMENTS(apis); i++)
    if (apis[i]) {
      TessBaseAPIEnd(apis[i]);
      TessBaseAPIDelete(apis[i]);
    }
  b2j_lexicon_free(ctx->lex);
  if (ctx->fixes) {
    for (guint i = 0; i < ctx->fixes->len; i++)
      fix_free(g_ptr_array_index(ctx->fixes, i));
    g_ptr_array_free(ctx->fixes, TRUE);
  }
  pixDestroy(&ctx->dbg_gray);
  if (ctx->dbg_regions)
    g_array_free(ctx->dbg_regions, TRUE);
  g_free(ctx);
}

void b2j_ocr_ctx_set_debug(b2j_ocr_ctx *ctx, bool keep) {
  ctx->debug = keep;
}

const GPtrArray *b2j_ocr_last_fixes(const b2j_ocr_ctx *ctx) {
  return ctx->fixes;
}

/* ---------- orientation and skew ---------- */

/* ---------- text lines and chunks inside a region ---------- */

typedef struct {
  int x0, y0, x1, y1; /* pixels, upright frame */
  int region;         /* index into the page's regions */
  bool cut_above;     /* y0 is a valley split_tall cut at: no growing up */
  bool cut_below;     /* y1 is such a valley: no growing down */
} chunk;

/* Runs of non-zero entries of a projection, joined across gaps < min_gap. */
static GArray *runs(NUMA *na, int min_gap) {
  GArray *out = g_array_new(FALSE, FALSE, sizeof(int) * 2);
  int n = numaGetCount(na), start = -1, last = -2;
  for (int i = 0; i < n; i++) {
    l_float32 v = 0;
    numaGetFValue(na, i, &v);
    if (v <= 0)
      continue;
    if (start >= 0 && i - last - 1 < min_gap) {
      last = i;
      continue;
    }
    if (start >= 0) {
      int r[2] = {start, last + 1};
      g_array_append_val(out, r);
    }
    start = last = i;
  }
  if (start >= 0) {
    int r[2] = {start, last + 1};
    g_array_append_val(out, r);
  }
  return out;
}

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* A band under half a line's height (a stroke of 二, the top of 元 wrapped
 * to a cell's second line, the dot of a character cut off by a clear row)
 * joins the neighbour that makes the shorter whole, when close and the
 * result is no taller than a line; in place. A line's height is the
 * tallest band up to twice the median or up to `text_h` (the height of
 * text of 14 pt), so one tall blot cannot swallow every line, and the two
 * halves of a lone 元 (median of few bands) are still measured against
 * the line above: with the legs of 元 cut by the cell's rule, the median
 * is that cut piece (17 of a 37-row line), and the top bar 8 rows over it
 * was left alone (read 70). A line is at least half that, text of 7 pt: the
 * two bars of a ＝ alone in its cell (a goal table's 指标性质) are one
 * glyph, not two strokes each too thin to be read. */
static void merge_thin_bands(GArray *bands, int text_h) {
  if (bands->len < 2)
    return;
  int *hs = g_new(int, bands->len);
  for (guint i = 0; i < bands->len; i++)
    hs[i] = g_array_index(bands, int, 2 * i + 1) - g_array_index(bands, int, 2 * i);
  qsort(hs, bands->len, sizeof(int), cmp_int);
  int med = hs[bands->len / 2], line = med;
  for (guint i = 0; i < bands->len; i++)
    if (hs[i] <= MAX(2 * med, text_h))
      line = MAX(line, hs[i]);
  line = MAX(line, text_h / 2);
  g_free(hs);
  bool changed = true;
  while (changed && bands->len > 1) {
    changed = false;
    for (guint i = 0; i < bands->len; i++) {
      int *b = &g_array_index(bands, int, 2 * i);
      if ((b[1] - b[0]) * 2 >= line)
        continue;
      int best = -1, best_h = G_MAXINT;
      for (int d = -1; d <= 1; d += 2) {
        if ((d < 0 && i == 0) || (d > 0 && i + 1 >= bands->len))
          continue;
        int *o = &g_array_index(bands, int, 2 * (i + d));
        int gap = d < 0 ? b[0] - o[1] : o[0] - b[1];
        int merged = MAX(o[1], b[1]) - MIN(o[0], b[0]);
        if (gap <= line / 3 && merged * 4 <= line * 5 && merged < best_h) {
          best_h = merged;
          best = (int)i + d;
        }
      }
      if (best < 0)
        continue;
      int *o = &g_array_index(bands, int, 2 * best);
      o[0] = MIN(o[0], b[0]);
      o[1] = MAX(o[1], b[1]);
      g_array_remove_index(bands, i);
      changed = true;
      break;
    }
  }
}

/* The outer column of a decimal point just beside column `x` of `raw`
 * (dir -1: to its left, 1: to its right) in rows y0..y1-1: a small mark in
 * the lower half of the rows, within half their height of x, with clear
 * columns between. `x` itself when there is none. */
static int point_beside(PIX *raw, int x, int y0, int y1, int dir) {
  int w = pixGetWidth(raw), h = y1 - y0, reach = MAX(2, h / 2);
  if (h < 4)
    return x;
  int first = -1, last = -1;
  for (int k = 1; k <= reach; k++) {
    int cx = x + dir * k;
    if (cx < 0 || cx >= w)
      break;
    int top = -1;
    for (int y = y0; y < y1; y++) {
      l_uint32 v = 0;
      pixGetPixel(raw, cx, y, &v);
      if (v) {
        top = y;
        break;
      }
    }
    if (top < 0) {
      if (first >= 0)
        break; /* the mark ended */
      continue;
    }
    if ((top - y0) * 2 < h)
      return x; /* ink in the upper half: a glyph, not a point */
    if (first < 0)
      first = cx;
    last = cx;
  }
  if (first < 0 || abs(last - first) + 1 > MAX(2, h / 3))
    return x;
  return last;
}

/* Splits the ink of `src` inside box (x0,y0)-(x1,y1) into text lines by the
 * row profile, and each line into chunks at gaps wider than its height (a
 * column gap or a wide space, never the space inside a number). */
static void find_chunks(PIX *src, int x0, int y0, int x1, int y1, int region, double dpi,
                        GArray *out) {
  if (x1 - x0 < 4 || y1 - y0 < 4)
    return;
  BOX *b = boxCreate(x0, y0, x1 - x0, y1 - y0);
  PIX *raw = pixClipRectangle(src, b, NULL);
  boxDestroy(&b);
  if (!raw)
    return;
  /* Specks would join every line to the next in the profiles: lines are
   * found without marks under 2.5 pt (a decimal point inside a number is
   * still read: recognition crops the unfiltered image). */
  int min_h = MAX(4, (int)lround(dpi / 36.0)); /* 2 pt */
  int speck = MAX(5, (int)lround(dpi / 29.0));  /* 2.5 pt */
  PIX *crop = pixSelectBySize(raw, speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
  if (!crop) {
    pixDestroy(&raw);
    return;
  }
  NUMA *rows = pixCountPixelsByRow(crop, NULL);
  /* Lines of a wrapped cell are a few pixels apart: split at any clear row,
   * then give a thin band (a stroke of 二, a stray mark) to its neighbour. */
  int row_gap = MAX(2, (int)lround(dpi / 150.0));
  GArray *bands = rows ? runs(rows, row_gap) : NULL;
  numaDestroy(&rows);
  if (bands)
    merge_thin_bands(bands, (int)lround(dpi * 14.0 / 72.0));
  for (guint i = 0; bands && i < bands->len; i++) {
    int *band = &g_array_index(bands, int, 2 * i);
    int bh = band[1] - band[0];
    if (bh < min_h)
      continue; /* a speck or a stray stroke of a removed line */
    BOX *bb = boxCreate(0, band[0], pixGetWidth(crop), bh);
    PIX *line = pixClipRectangle(crop, bb, NULL);
    boxDestroy(&bb);
    if (!line)
      continue;
    NUMA *cols = pixCountPixelsByColumn(line);
    GArray *segs = cols ? runs(cols, MAX(row_gap, bh * 3 / 2)) : NULL;
    numaDestroy(&cols);
    for (guint j = 0; segs && j < segs->len; j++) {
      int *s = &g_array_index(segs, int, 2 * j);
      if (s[1] - s[0] < 2)
        continue;
      /* Tighten the band to this chunk's own ink. */
      BOX *cb = boxCreate(s[0], 0, s[1] - s[0], bh), *fg = NULL;
      PIX *piece = pixClipRectangle(line, cb, NULL);
      boxDestroy(&cb);
      int ty0 = 0, ty1 = bh;
      if (piece && pixClipToForeground(piece, NULL, &fg) == 0 && fg) {
        l_int32 fx, fy, fw, fh;
        boxGetGeometry(fg, &fx, &fy, &fw, &fh);
        /* A flat piece of a taller line (一、, a dash, 二) keeps the line's
         * height: tesseract sizes glyphs by the image, and a lone 一 cut to
         * its own ink reads as anything. */
        if (fh * 10 >= bh * 6) {
          ty0 = fy;
          ty1 = fy + fh;
        }
        boxDestroy(&fg);
      }
      pixDestroy(&piece);
      int cw = s[1] - s[0], chh = ty1 - ty0;
      /* Specks, and what is left of a ruling line after its removal; a lone
       * dash (short and flat) stays. */
      if (chh < min_h && cw < min_h)
        continue;
      if (chh < min_h / 2 && cw > 4 * min_h)
        continue;
      /* Under 3.2 pt tall is a blot or a rule's stub, unless it is a thin
       * dash (a digit is 5 pt tall, a CJK glyph 7). */
      if (chh * 5 < min_h * 8 && !(chh * 5 < min_h * 3 && cw >= min_h))
        continue;
      int cx0 = s[0], cx1 = s[1];
      /* A number wrapped in its cell ("278569" over ".66", "4477." over
       * "07") has its point at the edge of a line, where the speck filter
       * left it out of the chunk: take it back in. */
      if (i > 0 && j == 0)
        cx0 = point_beside(raw, cx0, band[0] + ty0, band[0] + ty1, -1);
      if (i + 1 < bands->len && j + 1 == segs->len)
        cx1 = point_beside(raw, cx1 - 1, band[0] + ty0, band[0] + ty1, 1) + 1;
      chunk c = {x0 + cx0, y0 + band[0] + ty0, x0 + cx1, y0 + band[0] + ty1, region, false, false};
      g_array_append_val(out, c);
    }
    if (segs)
      g_array_free(segs, TRUE);
    pixDestroy(&line);
  }
  if (bands)
    g_array_free(bands, TRUE);
  pixDestroy(&crop);
  pixDestroy(&raw);
}

/* Text outside the cells (titles, prose, tables drawn without rules): a
 * page-wide row profile would join lines through any speck or a neighbour
 * column, so characters are joined sideways instead (a closing as wide as
 * the gap inside a word, never a column gap) and each piece that results is
 * a chunk. Specks stay in (a decimal point joins its digits); alone they are
 * too small to be a chunk. */
static void find_chunks_free(PIX *src, int region, double dpi, bool join_stacked, GArray *out) {
  int min_h = MAX(4, (int)lround(dpi / 36.0));  /* 2 pt */
  int join = MAX(5, (int)lround(dpi / 20.0));   /* 3.6 pt */
  int max_h = (int)lround(dpi / 1.8);           /* 40 pt: a picture or a seal */
  PIX *closed = pixCloseSafeBrick(NULL, src, join, 1);
  BOXA *ba = closed ? pixConnCompBB(closed, 8) : NULL;
  pixDestroy(&closed);
  GArray *found = g_array_new(FALSE, FALSE, sizeof(chunk));
  GArray *strokes = g_array_new(FALSE, FALSE, sizeof(chunk));
  for (int i = 0; ba && i < boxaGetCount(ba); i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
    if (bh > max_h)
      continue;
    chunk c = {x, y, x + bw, y + bh, region, false, false};
    /* Under 3.2 pt tall: a blot, or what is left of a rule next to the
     * cells (a lone dash outside a ruled cell is lost with them); a flat
     * stroke may be the top of a glyph (below). */
    if (bh * 5 < min_h * 8) {
      if (bw >= min_h)
        g_array_append_val(strokes, c);
      continue;
    }
    g_array_append_val(found, c);
  }
  boxaDestroy(&ba);
  /* The top bar of 元 wrapped alone to a line of its own under 197.93万
   * stands clear of the rest of the glyph, which read without it is TDC:
   * a flat stroke just over a chunk, within its width, nearer to it than
   * to any chunk above, and the whole no taller than 14 pt, is its top. */
  int text_h = (int)lround(dpi * 14.0 / 72.0);
  for (guint k = 0; k < strokes->len; k++) {
    const chunk *st = &g_array_index(strokes, chunk, k);
    int below = -1, gap_below = G_MAXINT, gap_above = G_MAXINT;
    for (guint i = 0; i < found->len; i++) {
      const chunk *c = &g_array_index(found, chunk, i);
      if (c->x1 <= st->x0 || c->x0 >= st->x1)
        continue;
      if (c->y0 >= st->y1 && c->y0 - st->y1 < gap_below) {
        gap_below = c->y0 - st->y1;
        below = (int)i;
      } else if (c->y1 <= st->y0) {
        gap_above = MIN(gap_above, st->y0 - c->y1);
      }
    }
    if (below < 0 || gap_below > min_h || gap_below >= gap_above)
      continue;
    chunk *c = &g_array_index(found, chunk, below);
    if (st->x0 < c->x0 || st->x1 > c->x1 || c->y1 - st->y0 > text_h)
      continue;
    c->y0 = st->y0;
  }
  g_array_free(strokes, TRUE);
  /* Large type has gaps inside a glyph wider than the closing (讠 and 十 of
   * a bold 计): pieces of one line, alike in height and close for their
   * size, are one chunk. With `join_stacked`, so are pieces alike in height
   * stacked in one glyph's width (八 over 厶 in a title's 公) whose union is
   * no taller than a glyph: two lines of text stacked make at least twice a
   * line's height. Not for the orientation's sample lines, which are
   * measured as the components fall. */
  bool merged = true;
  while (merged) {
    merged = false;
    for (guint i = 0; i < found->len && !merged; i++) {
      chunk *a = &g_array_index(found, chunk, i);
      for (guint j = 0; j < found->len && !merged; j++) {
        chunk *b = &g_array_index(found, chunk, j);
        if (i == j || b->x0 < a->x0)
          continue;
        int ha = a->y1 - a->y0, hb = b->y1 - b->y0, hmax = MAX(ha, hb);
        int overlap = MIN(a->y1, b->y1) - MAX(a->y0, b->y0);
        int gap = b->x0 - a->x1;
        int x_overlap = MIN(a->x1, b->x1) - MAX(a->x0, b->x0);
        int union_h = MAX(a->y1, b->y1) - MIN(a->y0, b->y0);
        bool stacked = join_stacked && MIN(ha, hb) * 10 >= 6 * hmax &&
                       x_overlap * 2 >= MIN(a->x1 - a->x0, b->x1 - b->x0) &&
                       union_h * 5 <= 8 * hmax;
        if (!stacked && (hmax * 2 > 3 * MIN(ha, hb) || overlap * 10 < 7 * MIN(ha, hb) ||
                         gap * 100 > 35 * hmax))
          continue;
        a->x1 = MAX(a->x1, b->x1);
        a->y0 = MIN(a->y0, b->y0);
        a->y1 = MAX(a->y1, b->y1);
        g_array_remove_index_fast(found, j);
        merged = true;
      }
    }
  }
  g_array_append_vals(out, found->data, found->len);
  g_array_free(found, TRUE);
}

/* Digits are single components, taller than wide; a CJK character is square
 * or wider, or several pieces. Numeric-looking when the tall components are
 * all narrow. */
static bool looks_numeric(PIX *piece, int *n_tall) {
  int h = pixGetHeight(piece);
  *n_tall = 0;
  BOXA *ba = pixConnCompBB(piece, 8);
  if (!ba)
    return false;
  int n = boxaGetCount(ba), tall = 0, narrow = 0;
  for (int i = 0; i < n; i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
    if (bh < 0.55 * h)
      continue;
    tall++;
    if (bw <= 0.85 * bh)
      narrow++;
  }
  boxaDestroy(&ba);
  *n_tall = tall;
  return tall > 0 && narrow == tall;
}

/* Components of `piece`, specks aside. A digit is one; 科 of a narrow
 * 科目 is two (禾 beside 斗). */
static int glyph_parts(PIX *piece) {
  int h = pixGetHeight(piece), speck = MAX(2, h / 10), parts = 0;
  BOXA *ba = pixConnCompBB(piece, 8);
  for (int i = 0; ba && i < boxaGetCount(ba); i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
    parts += bw > speck || bh > speck;
  }
  boxaDestroy(&ba);
  return parts;
}

static int count_digits(const char *s) {
  int n = 0;
  for (; s && *s; s++)
    n += g_ascii_isdigit(*s) != 0;
  return n;
}

/* A scan's specks next to a number read as points and commas. A real point
 * or comma sits on the baseline; a small mark anywhere else goes. Returns a
 * new image, or NULL when nothing changed. */
static PIX *drop_specks(PIX *piece) {
  int h = pixGetHeight(piece);
  BOXA *ba = NULL;
  PIXA *pa = NULL;
  ba = pixConnComp(piece, &pa, 8);
  if (!ba)
    return NULL;
  PIX *out = NULL;
  int small = MAX(3, h / 4);
  int n = boxaGetCount(ba), near = MAX(2, h / 6), w = pixGetWidth(piece);
  for (int i = 0; i < n; i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
    /* A hairline at either end, as tall as the digits: what a rule left. */
    bool sliver = bw <= 2 && bh * 10 >= h * 7 && (x <= 1 || x + bw >= w - 1);
    if (!sliver && (bw > small || bh > small || y + bh >= h * 0.7))
      continue;
    /* Part of a glyph (the circles of %) sits next to the rest of it. */
    bool attached = false;
    for (int j = 0; j < n && !attached; j++) {
      l_int32 ox, oy, ow, oh;
      boxaGetBoxGeometry(ba, j, &ox, &oy, &ow, &oh);
      attached = j != i && (ow > small || oh > small) && ox <= x + bw + near &&
                 x <= ox + ow + near && oy <= y + bh + near && y <= oy + oh + near;
    }
    if (attached && !sliver)
      continue;
    if (!out)
      out = pixCopy(NULL, piece);
    PIX *comp = pixaGetPix(pa, i, L_CLONE);
    pixRasterop(out, x, y, bw, bh, PIX_SRC ^ PIX_DST, comp, 0, 0);
    pixDestroy(&comp);
  }
  boxaDestroy(&ba);
  pixaDestroy(&pa);
  return out;
}

/* ---------- recognition of one chunk ---------- */

typedef struct {
  char *text;
  double conf;          /* 0..1 */
  char **alternatives;  /* NULL-terminated or NULL */
  bool numeric;
} reading;

static bool is_cjk(gunichar c) {
  return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN || (c >= 0x3000 && c <= 0x303f) ||
         (c >= 0xff00 && c <= 0xffef);
}

/* Tesseract's line text without the spaces it puts between CJK characters
 * (and next to them); spaces between Latin words stay single. */
static char *tidy_text(const char *s) {
  GString *out = g_string_new(NULL);
  gunichar prev = 0;
  bool pending_space = false;
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c)) {
      pending_space = out->len > 0;
      continue;
    }
    if (pending_space && !is_cjk(prev) && !is_cjk(c))
      g_string_append_c(out, ' ');
    pending_space = false;
    g_string_append_unichar(out, c);
    prev = c;
  }
  return g_string_free(out, FALSE);
}

typedef struct {
  char best[8];
  char alt[3][8];
  float alt_conf[3];
  int n_alt;
} symbol_choices;

static int cmp_alt(const void *a, const void *b) {
  const float *x = a, *y = b;
  return (*x < *y) - (*x > *y);
}

/* Alternatives of a whole numeric token: the best reading with one
 * low-confidence symbol replaced by one of its other choices, most likely
 * first. */
static char **build_alternatives(GArray *syms) {
  typedef struct {
    float conf;
    guint pos;
    int k;
  } cand;
  GArray *cands = g_array_new(FALSE, FALSE, sizeof(cand));
  for (guint i = 0; i < syms->len; i++) {
    symbol_choices *s = &g_array_index(syms, symbol_choices, i);
    for (int k = 0; k < s->n_alt; k++) {
      cand c = {s->alt_conf[k], i, k};
      g_array_append_val(cands, c);
    }
  }
  if (cands->len == 0) {
    g_array_free(cands, TRUE);
    return NULL;
  }
  g_array_sort(cands, cmp_alt);
  guint n = MIN(cands->len, MAX_ALTERNATIVES);
  char **alts = g_new0(char *, n + 1);
  for (guint j = 0; j < n; j++) {
    cand *c = &g_array_index(cands, cand, j);
    GString *t = g_string_new(NULL);
    for (guint i = 0; i < syms->len; i++) {
      symbol_choices *s = &g_array_index(syms, symbol_choices, i);
      g_string_append(t, i == c->pos ? s->alt[c->k] : s->best);
    }
    alts[j] = g_string_free(t, FALSE);
  }
  g_array_free(cands, TRUE);
  return alts;
}

/* Reads the padded chunk image with one engine. Numeric readings join their
 * symbols (tesseract splits "37,188.34" at imagined spaces) and collect
 * per-symbol choices. */
static reading read_with(TessBaseAPI *api, PIX *img, double dpi, bool numeric) {
  reading r = {NULL, 0, NULL, numeric};
  TessBaseAPISetImage2(api, img);
  TessBaseAPISetSourceResolution(api, (int)lround(dpi));
  if (TessBaseAPIRecognize(api, NULL) != 0) {
    TessBaseAPIClear(api);
    return r;
  }
  TessResultIterator *it = TessBaseAPIGetIterator(api);
  GString *text = g_string_new(NULL);
  double min_conf = 100, sum_conf = 0;
  int words = 0;
  GArray *syms = numeric ? g_array_new(FALSE, TRUE, sizeof(symbol_choices)) : NULL;
  if (it) {
    TessPageIterator *pit = TessResultIteratorGetPageIterator(it);
    TessPageIteratorBegin(pit);
    TessPageIteratorLevel level = numeric ? RIL_SYMBOL : RIL_WORD;
    do {
      char *t = TessResultIteratorGetUTF8Text(it, level);
      if (!t)
        continue;
      float c = TessResultIteratorConfidence(it, level);
      if (!numeric && text->len)
        g_string_append_c(text, ' ');
      g_string_append(text, t);
      if (numeric) {
        symbol_choices s = {0};
        g_strlcpy(s.best, t, sizeof s.best);
        if (c < ALT_SYMBOL_CONF) {
          TessChoiceIterator *ci = TessResultIteratorGetChoiceIterator(it);
          if (ci) {
            do {
              const char *ct = TessChoiceIteratorGetUTF8Text(ci);
              if (!ct || !*ct || strcmp(ct, s.best) == 0 || s.n_alt >= 3)
                continue;
              g_strlcpy(s.alt[s.n_alt], ct, sizeof s.alt[0]);
              s.alt_conf[s.n_alt++] = TessChoiceIteratorConfidence(ci);
            } while (TessChoiceIteratorNext(ci));
            TessChoiceIteratorDelete(ci);
          }
        }
        g_array_append_val(syms, s);
      }
      words++;
      min_conf = MIN(min_conf, c);
      sum_conf += c;
      TessDeleteText(t);
    } while (TessPageIteratorNext(pit, level));
    TessResultIteratorDelete(it);
  }
  TessBaseAPIClear(api);
  r.text = tidy_text(text->str);
  g_string_free(text, TRUE);
  /* No number ends in a dash: that one is a speck or a rule's stub. */
  gsize tl = strlen(r.text);
  if (numeric && tl > 1 && r.text[tl - 1] == '-')
    r.text[tl - 1] = '\0';
  /* A number is as good as its worst digit; Chinese text is judged by its
   * words on average (chi_sim gives the odd word of a good line 0). */
  r.conf = words ? CLAMP((numeric ? min_conf : sum_conf / words) / 100.0, 0, 1) : 0;
  if (syms) {
    if (r.conf < ALT_SYMBOL_CONF / 100.0)
      r.alternatives = build_alternatives(syms);
    g_array_free(syms, TRUE);
  }
  return r;
}

static void reading_clear(reading *r) {
  g_free(r->text);
  g_strfreev(r->alternatives);
  r->text = NULL;
  r->alternatives = NULL;
}

/* The reading's text becomes `text` (taken); tesseract's alternatives were
 * for the old text and go. */
static void reading_retext(reading *r, char *text) {
  g_free(r->text);
  r->text = text;
  g_strfreev(r->alternatives);
  r->alternatives = NULL;
}

/* A numeric reading must look like a number: digits with separators, a
 * percentage, a bracketed negative or a dash. */
static bool plausible_number(const char *s) {
  int digits = 0;
  for (const char *p = s; *p; p++) {
    if (g_ascii_isdigit(*p))
      digits++;
    else if (!strchr(NUM_WHITELIST, *p))
      return false;
  }
  return digits > 0 || (strlen(s) == 1 && *s == '-');
}

/* Ink in row y (or column x when `col`) of `src` between a and b. */
static bool has_ink(PIX *src, bool col, int at, int a, int b) {
  l_int32 n = 0;
  BOX *box = col ? boxCreate(at, a, 1, b - a) : boxCreate(a, at, b - a, 1);
  pixCountPixelsInRect(src, box, &n, NULL);
  boxDestroy(&box);
  return n > 0;
}

/* A cell's interior stops short of its rules; a glyph that nearly touches
 * a rule pokes out of it (a 2 with its foot cut reads 7). With the rules
 * already erased, grow the chunk while the next row or column out still
 * has ink, up to `reach` pixels. */
static void grow_to_glyphs(PIX *src, chunk *c, int reach) {
  int w = pixGetWidth(src), h = pixGetHeight(src);
  for (int k = 0; k < reach && !c->cut_above && c->y0 > 0 &&
                  has_ink(src, false, c->y0 - 1, c->x0, c->x1);
       k++)
    c->y0--;
  for (int k = 0; k < reach && !c->cut_below && c->y1 < h &&
                  has_ink(src, false, c->y1, c->x0, c->x1);
       k++)
    c->y1++;
  for (int k = 0; k < reach && c->x0 > 0 && has_ink(src, true, c->x0 - 1, c->y0, c->y1); k++)
    c->x0--;
  for (int k = 0; k < reach && c->x1 < w && has_ink(src, true, c->x1, c->y0, c->y1); k++)
    c->x1++;
}

/* ".66" at `s`: the decimals of a number wrapped in its narrow cell
 * ("278569" over ".66"), whose point is the number's own. */
static bool decimal_tail(const char *s) {
  size_t n = strspn(s + 1, "0123456789");
  return s[0] == '.' && (n == 1 || n == 2) && s[1 + n] == '\0';
}

/* Measure words a count in these reports ends in (12次, =1个, 3件): glyphs
 * narrow enough for the digit alphabet to read as %. */
static bool measure_word(gunichar c) {
  return c && g_utf8_strchr("次个件份批项家人场篇户所座台套辆名位张条期本天年月", -1, c);
}

/* A numeric-looking chunk read by chi_sim with a mark in front or behind
 * (”97.57, 介179.21): the number alone, when what is left is one. */
static void trim_to_number(reading *r) {
  if (!r->text)
    return;
  const char *a = r->text;
  while (*a && !g_ascii_isdigit(*a) && *a != '(' && *a != '-' && !decimal_tail(a))
    a = g_utf8_next_char(a);
  const char *b = r->text + strlen(r->text);
  while (b > a && !g_ascii_isdigit(b[-1]) && b[-1] != '%' && b[-1] != ')')
    b = g_utf8_prev_char(b);
  if (a == r->text && *b == '\0')
    return;
  /* A count and its measure word (793件, 5个: the word low beside its
   * digits, so unit_start did not cut it off) keep the word: a small whole
   * number, then one measure word or 元, nothing else. */
  if (b > a && b[0] && g_utf8_strlen(b, -1) == 1 && b - a <= 4 &&
      strspn(a, "0123456789") == (size_t)(b - a)) {
    gunichar u = g_utf8_get_char(b);
    if (measure_word(u) || u == 0x5143 /* 元 */) {
      char *t = g_strdup(a);
      g_free(r->text);
      r->text = t;
      return;
    }
  }
  char *t = g_strndup(a, (gsize)(b - a));
  if (*t && plausible_number(t)) {
    g_free(r->text);
    r->text = t;
  } else {
    g_free(t);
  }
}

/* Ink extent of row y of a component image: leftmost and rightmost pixel,
 * false when the row is empty. */
static bool row_extent(PIX *comp, int y, int *xl, int *xr) {
  int w = pixGetWidth(comp);
  *xl = -1;
  for (int x = 0; x < w; x++) {
    l_uint32 v = 0;
    pixGetPixel(comp, x, y, &v);
    if (v) {
      if (*xl < 0)
        *xl = x;
      *xr = x;
    }
  }
  return *xl >= 0;
}

/* Mean left and right ink edge over rows [a, b) of `comp`, as fractions of
 * its width; false when no row there has ink. */
static bool band_edges(PIX *comp, int a, int b, double *l, double *r) {
  int w = pixGetWidth(comp), n = 0;
  double sl = 0, sr = 0;
  for (int y = a; y < b; y++) {
    int xl, xr;
    if (!row_extent(comp, y, &xl, &xr))
      continue;
    sl += xl;
    sr += xr + 1;
    n++;
  }
  if (!n)
    return false;
  *l = sl / n / w;
  *r = sr / n / w;
  return true;
}

/* '<' (-1), '>' (1) or neither (0): a chevron's arms end at one side, top
 * and bottom, its tip is at the other side half-way down. `arms_below`:
 * the lower arm is to be checked too (no bar drawn into it). */
static int chevron(PIX *comp, bool arms_below) {
  int w = pixGetWidth(comp), h = pixGetHeight(comp);
  if (h < 8 || w * 2 < h || w > h * 3 / 2)
    return 0;
  double tl, tr, ml, mr, bl = 0, br = 0;
  if (!band_edges(comp, 0, MAX(1, h / 6), &tl, &tr) ||
      !band_edges(comp, h * 2 / 5, h * 3 / 5 + 1, &ml, &mr))
    return 0;
  if (arms_below && !band_edges(comp, h - MAX(1, h / 6), h, &bl, &br))
    return 0;
  /* The arms end at the very edge (the roof of 会 is centred). */
  if (tl > 0.45 && tr > 0.85 && ml < 0.2 && mr < 0.6 && (!arms_below || bl > 0.45))
    return -1;
  if (tr < 0.55 && tl < 0.15 && mr > 0.8 && ml > 0.4 && (!arms_below || br < 0.55))
    return 1;
  return 0;
}

/* One glyph of a chunk: the components (specks aside) overlapping
 * [*x0, *x1) sideways, the span grown until none overlaps it partly. Widens
 * *x0..*x1 to the glyph, sets *y0..*y1 to its height, and records the first
 * `max_group` components in `group`. Returns how many components it has. */
static int glyph_span(BOXA *ba, int speck, l_int32 *x0, l_int32 *x1, l_int32 *y0, l_int32 *y1,
                      int *group, int max_group) {
  int n = boxaGetCount(ba), ng = 0;
  bool grew = true;
  while (grew) {
    grew = false;
    ng = 0;
    *y0 = G_MAXINT32;
    *y1 = 0;
    for (int i = 0; i < n; i++) {
      l_int32 x, y, bw, bh;
      boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
      if ((bw <= speck && bh <= speck) || x >= *x1 || x + bw <= *x0)
        continue;
      if (ng < max_group)
        group[ng] = i;
      ng++;
      *y0 = MIN(*y0, y);
      *y1 = MAX(*y1, y + bh);
      if (x < *x0 || x + bw > *x1) {
        *x0 = MIN(*x0, x);
        *x1 = MAX(*x1, x + bw);
        grew = true;
      }
    }
  }
  return ng;
}

/* The comparison sign (≥ ≤ > < =) a chunk starts with, told by its shape:
 * chi_sim has no ≥ or ≤ (it reads 之, 和, 委, 》) and drops a lone =.
 * *end_x: the first column after the sign. NULL when there is none. */
static const char *lead_sign(PIX *piece, int *end_x) {
  int h = pixGetHeight(piece);
  PIXA *pa = NULL;
  BOXA *ba = pixConnComp(piece, &pa, 8);
  if (!ba)
    return NULL;
  int n = boxaGetCount(ba), speck = MAX(2, h / 10);
  /* The leftmost real component, and every one overlapping it sideways. */
  int first = -1;
  l_int32 fx0 = G_MAXINT32, fx1 = 0;
  for (int i = 0; i < n; i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
    if (bw <= speck && bh <= speck)
      continue;
    if (x < fx0) {
      fx0 = x;
      fx1 = x + bw;
      first = i;
    }
  }
  const char *sign = NULL;
  int group[3];
  l_int32 fy0, fy1;
  int ng = first >= 0 ? glyph_span(ba, speck, &fx0, &fx1, &fy0, &fy1, group, 3) : 0;
  if (ng == 1 || ng == 2) {
    l_int32 ax, ay, aw, ah, bx = 0, by = 0, bw = 0, bh = 0;
    boxaGetBoxGeometry(ba, group[0], &ax, &ay, &aw, &ah);
    if (ng == 2) {
      boxaGetBoxGeometry(ba, group[1], &bx, &by, &bw, &bh);
      if (bh > ah) { /* the taller first */
        int t = group[0];
        group[0] = group[1];
        group[1] = t;
        l_int32 tx = ax, ty = ay, tw = aw, th = ah;
        ax = bx, ay = by, aw = bw, ah = bh;
        bx = tx, by = ty, bw = tw, bh = th;
      }
    }
    if (ng == 2 && ah * 3 <= aw && bh * 3 <= bw && abs(aw - bw) * 8 <= MAX(aw, bw) &&
        abs(ax - bx) * 6 <= MAX(aw, bw) && ah * 2 >= h / 8) {
      /* Two equal bars, one above the other (二 has a shorter top). */
      sign = "=";
    } else if (ah * 2 >= h) {
      /* A chevron, alone or with a (perhaps slanted) bar under it. */
      bool bar = ng == 2 && bh * 2 <= bw && by * 2 >= ay * 2 + ah && bw * 2 >= aw;
      if (ng == 1 || bar) {
        PIX *comp = pixaGetPix(pa, group[0], L_CLONE);
        int dir = comp ? chevron(comp, true) : 0;
        pixDestroy(&comp);
        if (dir)
          sign = bar ? (dir < 0 ? "≤" : "≥") : (dir < 0 ? "<" : ">");
      }
    }
  }
  boxaDestroy(&ba);
  pixaDestroy(&pa);
  if (sign)
    *end_x = fx1;
  return sign;
}

/* The first component at least half `piece` tall, narrow as a digit is,
 * in boxes sorted by x: the digits' line. -1 when there is none. */
static int digits_line(BOXA *sorted, int h) {
  int n = boxaGetCount(sorted);
  for (int i = 0; i < n; i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(sorted, i, &x, &y, &bw, &bh);
    if (bh * 2 >= h)
      return bw * 10 <= bh * 8 ? i : -1;
  }
  return -1;
}

/* Whether everything left of column `at` ends before it and sits on the
 * digits' line: nothing rises above it, and every tall stroke spans it. The
 * left dot of 小 (小计) is digit-shaped, but the hook of 小 starts over it. 彳 of 得 is as narrow as
 * a digit, but 得分 is a word, not 1分; 件 rises above 50 in 50件次, whose
 * 次 is no %. */
static bool digits_before(PIX *piece, int at) {
  BOXA *ba = pixConnCompBB(piece, 8);
  /* boxaSort warns on stderr of an empty set: a blank piece has no digits. */
  BOXA *sorted =
      ba && boxaGetCount(ba) ? boxaSort(ba, L_SORT_BY_X, L_SORT_INCREASING, NULL) : NULL;
  boxaDestroy(&ba);
  if (!sorted)
    return false;
  int d = digits_line(sorted, pixGetHeight(piece));
  bool ok = d >= 0;
  l_int32 dx = 0, dy = 0, dw = 0, dh = 0;
  if (ok)
    boxaGetBoxGeometry(sorted, d, &dx, &dy, &dw, &dh);
  ok = ok && dx < at;
  int tol = MAX(2, dh / 10);
  for (int i = 0; ok && i < boxaGetCount(sorted); i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(sorted, i, &x, &y, &bw, &bh);
    if (x >= at)
      break;
    if (x + bw > at || y < dy - tol ||
        (bh * 2 >= dh && (abs(y - dy) > tol || abs(y + bh - dy - dh) > tol)))
      ok = false;
  }
  boxaDestroy(&sorted);
  return ok;
}

/* Where a unit in Chinese (份, 件, 万元, 个单位) starts after a number: the
 * first glyph rising above the digits, taller or wider than they are, with
 * a glyph's to four glyphs' width of ink from there on (a closing bracket
 * is narrow, a title after a year long), everything before it on the
 * digits' line. 0 when the piece does not start with digits or has no
 * unit. */
static int unit_start(PIX *piece) {
  int h = pixGetHeight(piece), w = pixGetWidth(piece);
  BOXA *ba = pixConnCompBB(piece, 8);
  if (!ba || boxaGetCount(ba) == 0) {
    boxaDestroy(&ba);
    return 0;
  }
  BOXA *sorted = boxaSort(ba, L_SORT_BY_X, L_SORT_INCREASING, NULL);
  boxaDestroy(&ba);
  if (!sorted)
    return 0;
  int n = boxaGetCount(sorted), at = 0;
  l_int32 dx, dy, dw, dh;
  int d = digits_line(sorted, h);
  if (d >= 0)
    boxaGetBoxGeometry(sorted, d, &dx, &dy, &dw, &dh);
  /* A unit rises above the digits by a tenth of their height: they leave
   * room for it (个 may rise no more than that over a 2 that fills 33 of
   * the piece's 36 rows). */
  int tol = d >= 0 ? MAX(2, dh / 10) : 0;
  if (d >= 0 && dy >= tol) {
    for (int i = d + 1; i < n && !at; i++) {
      l_int32 x, y, bw, bh;
      boxaGetBoxGeometry(sorted, i, &x, &y, &bw, &bh);
      /* A CJK glyph rises above the digits, and is taller than they are
       * or wider than any of them (the roof of 个). */
      if (y > dy - tol || (bh < dh + tol && bw * 10 < dh * 11))
        continue;
      /* A unit is a few glyphs (个单位 at most): a line of prose after a
       * year (2025年度项目支出绩效自评表) is read whole. */
      if ((w - x) * 10 >= dh * 8 && (w - x) * 2 <= dh * 9)
        at = x;
      else
        break;
    }
    /* The unit's glyph may start with strokes lower than the digits: 冫 of
     * 次, two dots left of 欠. A short mark reaching into the digits' upper
     * half just left of the unit (a point sits low) is part of it, and so
     * is what lies under it. */
    if (at) {
      int from = at;
      for (int i = n - 1; i >= 0; i--) {
        l_int32 x, y, bw, bh;
        boxaGetBoxGeometry(sorted, i, &x, &y, &bw, &bh);
        if (x >= at)
          continue;
        if (bh * 10 >= dh * 6 || x + bw < from - MAX(2, dh / 4))
          break; /* a digit, or a gap */
        if (y * 2 >= 2 * dy + dh)
          continue; /* low: a point, unless a mark above takes it */
        from = MIN(from, x);
      }
      for (int i = 0; i < n && from < at; i++) {
        l_int32 x, y, bw, bh;
        boxaGetBoxGeometry(sorted, i, &x, &y, &bw, &bh);
        if (x < from && x + bw > from && bh * 10 < dh * 6)
          from = x;
      }
      at = from;
    }
  }
  boxaDestroy(&sorted);
  if (at && !digits_before(piece, at))
    at = 0;
  return at;
}

/* Removes the | chi_sim reads for what is left of a ruling line next to or
 * through a cell's text (项目成本控制| 长效机制|建立); no Chinese cell text
 * has one. In place. */
static void drop_bars(char *text) {
  if (!text || !strchr(text, '|'))
    return;
  bool han = false;
  for (const char *p = text; *p && !han; p = g_utf8_next_char(p))
    han = g_unichar_get_script(g_utf8_get_char(p)) == G_UNICODE_SCRIPT_HAN;
  if (!han)
    return;
  char *w = text;
  for (const char *p = text; *p; p++)
    if (*p != '|')
      *w++ = *p;
  *w = '\0';
}

/* Marks chi_sim reads for a blurred full stop: 。 is a ring set low in its
 * square, which a soft scan flattens into a blob (its hole closed or broken)
 * read as a dash. Not 、 or ，: those are real marks a wrapped line may end
 * on, and blurred they look the same; nor a point, which is what chi_sim
 * calls a speck after a word (小计. in a header, 10.49万.). */
static const char *const STOP_MISREADS[] = {"-", "_", NULL};

/* Whether the rightmost component of `piece` is a full stop: a blob no
 * wider than half the line and under half its height, at least a fifth of
 * it wide, lying in its lowest half (a hyphen sits at mid-height). */
static bool ends_in_stop(PIX *piece) {
  int h = pixGetHeight(piece);
  BOXA *ba = pixConnCompBB(piece, 8);
  l_int32 bx = -1, by = 0, bw = 0, bh = 0;
  for (int i = 0; ba && i < boxaGetCount(ba); i++) {
    l_int32 x, y, w, hh;
    boxaGetBoxGeometry(ba, i, &x, &y, &w, &hh);
    if (x + w > bx + bw) {
      bx = x;
      by = y;
      bw = w;
      bh = hh;
    }
  }
  boxaDestroy(&ba);
  return bx >= 0 && 5 * bw >= h && 2 * bw <= h && 2 * bh < h && 2 * by >= h;
}

static PIX *chunk_image(PIX *src, const chunk *c);

/* A Chinese reading of chunk `c` of `src` ending in a mark where the chunk
 * ends in a full stop's blob: the mark is a full stop (组织实施- was
 * 组织实施。 on a blurred scan). The text may grow, so it is replaced. The
 * image is cut only for a reading that ends in such a mark. */
static void full_stop_from_blob(PIX *src, const chunk *c, reading *r) {
  if (!r->text || !*r->text)
    return;
  const char *last = g_utf8_find_prev_char(r->text, r->text + strlen(r->text));
  if (!last || last == r->text ||
      g_unichar_get_script(g_utf8_get_char(g_utf8_find_prev_char(r->text, last))) !=
          G_UNICODE_SCRIPT_HAN)
    return;
  bool mark = false;
  for (int i = 0; STOP_MISREADS[i] && !mark; i++)
    mark = strcmp(last, STOP_MISREADS[i]) == 0;
  if (!mark)
    return;
  PIX *piece = chunk_image(src, c);
  bool stop = piece && ends_in_stop(piece);
  pixDestroy(&piece);
  if (!stop)
    return;
  char *t = g_strdup_printf("%.*s。", (int)(last - r->text), r->text);
  reading_retext(r, t);
}

static int percent_start(PIX *piece);
static bool percent_alone(PIX *piece);

/* Whether chi_sim reads `img` as the digits `digits` and one measure word,
 * at >= MEASURE_MIN_CONF; that reading goes to *out (reading_clear it).
 * chi_sim reads a real % as % however unsure it is (0.00-0.82 over a
 * noisy scan's 34 of them), so a measure word it reads is one even when it
 * is unsure (1次 at 0.44 on that scan). */
static bool digits_and_measure(b2j_ocr_ctx *ctx, PIX *img, double dpi, const char *digits,
                               reading *out) {
  reading rc = read_with(ctx->chi, img, dpi, false);
  gsize len = strlen(digits);
  if (rc.text && rc.conf >= MEASURE_MIN_CONF && g_str_has_prefix(rc.text, digits) &&
      g_utf8_strlen(rc.text + len, -1) == 1 && measure_word(g_utf8_get_char(rc.text + len))) {
    rc.numeric = false;
    *out = rc;
    return true;
  }
  reading_clear(&rc);
  return false;
}

/* The white margin tesseract is given around a piece: it reads a glyph
 * touching the edge badly. */
static int read_margin(PIX *piece) {
  return MAX(6, pixGetHeight(piece) / 3);
}

/* Chunk c cut out of `src`, or NULL. The caller pixDestroy()s it. */
static PIX *chunk_image(PIX *src, const chunk *c) {
  BOX *b = boxCreate(c->x0, c->y0, c->x1 - c->x0, c->y1 - c->y0);
  PIX *piece = b ? pixClipRectangle(src, b, NULL) : NULL;
  boxDestroy(&b);
  return piece;
}

/* Reads one chunk image (owned, taken): numbers through eng with the digit
 * alphabet, the rest through chi_sim. */
static reading read_piece(b2j_ocr_ctx *ctx, PIX *piece, double dpi) {
  reading none = {g_strdup(""), 0, NULL, false};
  int pad = read_margin(piece);
  int tall = 0;
  bool numeric = looks_numeric(piece, &tall);
  /* `piece` stays as cut, for percent_start's look at a % read below. */
  PIX *despecked = numeric ? drop_specks(piece) : NULL;
  PIX *img = pixAddBorder(despecked ? despecked : piece, pad, 0);
  pixDestroy(&despecked);
  if (!img) {
    pixDestroy(&piece);
    return none;
  }
  reading r = {0};
  if (numeric) {
    r = read_with(ctx->eng, img, dpi, true);
    if (r.conf * 100 < NUM_MIN_CONF || !plausible_number(r.text)) {
      reading alt = read_with(ctx->chi, img, dpi, false);
      trim_to_number(&alt);
      if (!plausible_number(r.text) || alt.conf > r.conf + 0.1) {
        reading_clear(&r);
        r = alt;
      } else {
        reading_clear(&alt);
      }
    } else if (r.text && g_str_has_suffix(r.text, "%") && percent_start(piece) == 0) {
      /* A % with no %'s shape: a narrow measure word the digit alphabet
       * read as % (=1个 as =1%); chi_sim says which. */
      gchar *digits = g_strndup(r.text, strlen(r.text) - 1);
      reading m;
      if (digits_and_measure(ctx, img, dpi, digits, &m)) {
        reading_clear(&r);
        r = m;
      }
      g_free(digits);
    } else if (2 * count_digits(r.text) < tall ||
               (r.text && *r.text && strspn(r.text, "0123456789") == strlen(r.text) &&
                count_digits(r.text) < glyph_parts(piece))) {
      /* Far fewer digits than tall glyphs, or digits alone fewer than the
       * parts they were read from: narrow CJK characters (科目 of a
       * wrapped 科目编码 header, read 8, or 48 from 禾, 斗 and 目 when cut
       * clean from the 编码 under it), which chi_sim reads. */
      reading alt = read_with(ctx->chi, img, dpi, false);
      bool cjk = false;
      for (const char *p = alt.text; p && *p && !cjk; p = g_utf8_next_char(p))
        cjk = g_unichar_get_script(g_utf8_get_char(p)) == G_UNICODE_SCRIPT_HAN;
      if (cjk && alt.conf >= 0.6) {
        reading_clear(&r);
        r = alt;
      } else {
        reading_clear(&alt);
      }
    }
  } else {
    r = read_with(ctx->chi, img, dpi, false);
    if (!r.text || !*r.text) {
      /* The line finder of single-line mode sometimes finds no line in a
       * clean short label (生态效益, 满意度 over their 指标) and returns
       * nothing; read it again as one raw line, no layout analysis, and
       * keep what is read with confidence (a speck read raw is junk). */
      TessBaseAPISetPageSegMode(ctx->chi, PSM_RAW_LINE);
      reading raw = read_with(ctx->chi, img, dpi, false);
      TessBaseAPISetPageSegMode(ctx->chi, PSM_SINGLE_LINE);
      if (raw.text && *raw.text && raw.conf >= RAW_LINE_MIN_CONF) {
        reading_clear(&r);
        r = raw;
      } else {
        reading_clear(&raw);
      }
    }
    drop_bars(r.text);
  }
  /* chi_sim has no ≥ in a target like ≥90% and reads it 之 (or 》): a
   * glyph that never starts a number. */
  if (r.text && (g_str_has_prefix(r.text, "之") || g_str_has_prefix(r.text, "》")) &&
      g_ascii_isdigit(r.text[3])) {
    char *t = g_strconcat("≥", r.text + 3, NULL);
    g_free(r.text);
    r.text = t;
  }
  pixDestroy(&img);
  pixDestroy(&piece);
  g_free(none.text);
  return r;
}

/* `piece` from column x on, cut to its ink; NULL when there is none. */
static PIX *clip_from(PIX *piece, int x) {
  int w = pixGetWidth(piece), h = pixGetHeight(piece);
  if (x >= w)
    return NULL;
  BOX *b = boxCreate(x, 0, w - x, h), *fg = NULL;
  PIX *rest = pixClipRectangle(piece, b, NULL);
  boxDestroy(&b);
  PIX *tight = NULL;
  if (rest && pixClipToForeground(rest, &tight, &fg) == 0 && tight) {
    /* Keep the line's height: tesseract sizes glyphs by the image. */
    pixDestroy(&tight);
    l_int32 fx, fy, fw, fh;
    boxGetGeometry(fg, &fx, &fy, &fw, &fh);
    BOX *cb = boxCreate(fx, 0, fw, h);
    tight = pixClipRectangle(rest, cb, NULL);
    boxDestroy(&cb);
  }
  boxDestroy(&fg);
  pixDestroy(&rest);
  return tight;
}

/* Where the last glyph of `piece` starts when it has the shape of a %: a
 * small ring at the glyph's upper left, one at its lower right, a stroke
 * between (the digit alphabet reads a blurred or clipped % as 06, 9%6, 0%
 * or 00). -1 when it has not. *alone: the glyph is all the piece holds,
 * specks aside. */
static int percent_glyph(PIX *piece, bool *alone) {
  int h = pixGetHeight(piece);
  BOXA *ba = pixConnCompBB(piece, 8);
  int n = ba ? boxaGetCount(ba) : 0, at = -1, marks = 0;
  l_int32 gx0 = 0, gx1 = -1, gy0 = G_MAXINT32, gy1 = 0;
  int speck = MAX(2, h / 10), last = -1;
  for (int i = 0; i < n; i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
    if (bw > speck || bh > speck) {
      marks++;
      if (x + bw > gx1) {
        gx1 = x + bw;
        gx0 = x;
        last = i;
      }
    }
  }
  /* The last glyph: every component overlapping the rightmost sideways. */
  int ng = last >= 0 ? glyph_span(ba, speck, &gx0, &gx1, &gy0, &gy1, NULL, 0) : 0;
  *alone = ng == marks;
  int gw = gx1 - gx0, gh = gy1 - gy0;
  if (ng >= 2 && ng <= 3 && gh * 10 >= h * 6 && gw * 2 >= gh) {
    bool upper = false, lower = false, stroke = false;
    for (int i = 0; i < n; i++) {
      l_int32 x, y, bw, bh;
      boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
      if ((bw <= speck && bh <= speck) || x >= gx1 || x + bw <= gx0)
        continue;
      /* A ring is up to two thirds of the glyph's height, and the two
       * overlap in height by up to a third: a blurred % 33 rows tall can
       * have rings of 20 rows, rows 0-20 and 12-32 (≥75% read ≥715%). */
      bool ring = bh * 3 <= gh * 2 && bw * 10 <= gw * 6;
      if (ring && (y - gy0 + bh) * 3 <= gh * 2 && x <= gx0 + gw / 5)
        upper = true;
      else if (ring && (y - gy0) * 3 >= gh && x + bw >= gx1 - gw / 5)
        lower = true;
      else if (bh * 10 >= gh * 7)
        stroke = true;
    }
    if ((upper && lower) || ((upper || lower) && stroke))
      at = gx0;
  }
  boxaDestroy(&ba);
  return at;
}

/* Where a % starts whose parts percent_start cannot tell apart: its rings
 * grown into its stroke (one component), or its stroke lost between them
 * (two rings side by side). Its two holes still show it: small (a ring's,
 * not a digit's), the left one in the upper half and the right one in the
 * lower half a third of the text height further right, no other hole beside
 * them, and the ink around them one glyph or two small rings (a 9 before a
 * 6 is two tall glyphs). The x of the ink around the holes, or -1. Only for
 * a reading already shown wrong. */
static int percent_holes_at(PIX *piece) {
  int h = pixGetHeight(piece);
  BOXA *ink = pixConnCompBB(piece, 8);
  int n = ink ? boxaGetCount(ink) : 0;
  l_int32 by0 = G_MAXINT32, by1 = -1;
  for (int i = 0; i < n; i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ink, i, &x, &y, &bw, &bh);
    if (bh * 3 >= h) {
      by0 = MIN(by0, y);
      by1 = MAX(by1, y + bh);
    }
  }
  PIX *holes = by1 > by0 ? pixHolesByFilling(piece, 4) : NULL;
  BOXA *hb = holes ? pixConnCompBB(holes, 4) : NULL;
  pixDestroy(&holes);
  int nh = hb ? boxaGetCount(hb) : 0, band = by1 - by0, at = -1;
  /* The two holes furthest right (by centre), ignoring specks. */
  int a = -1, b = -1;
  double acx = -1, bcx = -1;
  for (int i = 0; i < nh; i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(hb, i, &x, &y, &bw, &bh);
    if (bw < 2 && bh < 2)
      continue;
    double cx = x + bw / 2.0;
    if (cx > bcx) {
      a = b;
      acx = bcx;
      b = i;
      bcx = cx;
    } else if (cx > acx) {
      a = i;
      acx = cx;
    }
  }
  if (a >= 0) {
    l_int32 ax, ay, aw, ah, bx, by, bw, bh;
    boxaGetBoxGeometry(hb, a, &ax, &ay, &aw, &ah);
    boxaGetBoxGeometry(hb, b, &bx, &by, &bw, &bh);
    double mid = by0 + band / 2.0;
    bool small = ah * 20 <= band * 9 && bh * 20 <= band * 9 && aw * 5 <= band * 2 &&
                 bw * 5 <= band * 2;
    bool diagonal = ay + ah / 2.0 < mid && by + bh / 2.0 > mid && ay + ah <= by + band / 10 &&
                    (bcx - acx) * 10 >= band * 3;
    /* No third hole near them (an 8 beside them would add two). */
    int near = 0;
    for (int i = 0; i < nh; i++) {
      l_int32 x, y, w, hh;
      boxaGetBoxGeometry(hb, i, &x, &y, &w, &hh);
      if ((w >= 2 || hh >= 2) && x + w / 2.0 >= acx - band * 0.6)
        near++;
    }
    /* The ink ringing each hole: one glyph (the % whole, or its halves
     * overlapping sideways) or two small rings; a 9 and a 6 are two tall
     * glyphs side by side. */
    int ca = -1, cb = -1;
    l_int32 caw = 0, cbw = 0;
    for (int i = 0; i < n; i++) {
      l_int32 x, y, w, hh;
      boxaGetBoxGeometry(ink, i, &x, &y, &w, &hh);
      if (x <= ax && x + w >= ax + aw && y <= ay && y + hh >= ay + ah && (ca < 0 || w < caw)) {
        ca = i;
        caw = w;
      }
      if (x <= bx && x + w >= bx + bw && y <= by && y + hh >= by + bh && (cb < 0 || w < cbw)) {
        cb = i;
        cbw = w;
      }
    }
    bool one_glyph = false;
    if (ca >= 0 && cb >= 0) {
      l_int32 x1, y1, w1, h1, x2, y2, w2, h2;
      boxaGetBoxGeometry(ink, ca, &x1, &y1, &w1, &h1);
      boxaGetBoxGeometry(ink, cb, &x2, &y2, &w2, &h2);
      int overlap = MIN(x1 + w1, x2 + w2) - MAX(x1, x2);
      one_glyph = ca == cb || overlap * 10 >= MIN(w1, w2) * 3 ||
                  (h1 * 20 <= band * 13 && h2 * 20 <= band * 13);
      if (small && diagonal && near == 2 && one_glyph)
        at = MIN(x1, x2);
    }
  }
  boxaDestroy(&hb);
  boxaDestroy(&ink);
  return at;
}

/* Where a % percent_start missed starts after digits, or 0; `at` is
 * percent_holes_at(piece). */
static int percent_by_holes(PIX *piece, int at) {
  return at > 0 && digits_before(piece, at) ? at : 0;
}

/* Whether the piece is a % alone (a gap cut it from its number): the holes
 * say % (`at`, percent_holes_at), and nothing but specks lies before it. */
static bool lone_percent(PIX *piece, int at) {
  int h = pixGetHeight(piece);
  return at >= 0 && at <= MAX(2, h / 10) && pixGetWidth(piece) * 2 <= h * 3;
}

/* A reading the digit alphabet got wrong around a %: a % with junk around
 * it (995%, 100%., 919%%), letters chi_sim read for a ring (999ao), or more
 * digits than `digits` read before the % (9590 for 95 and a %'s rings). */
static bool misread_percent(const char *text, const char *digits) {
  if (!text || !*text)
    return false;
  size_t n = strlen(text), nd = strlen(digits);
  const char *pct = strchr(text, '%');
  bool clean_pct = pct && pct == text + n - 1 && plausible_number(text);
  bool letters = false;
  for (const char *p = text; *p; p++)
    letters |= g_ascii_isalpha(*p) != 0;
  if ((pct && !clean_pct) || letters)
    return true;
  if (clean_pct)
    return strncmp(text, digits, nd) != 0; /* 995% for 95% */
  return n > nd && strncmp(text, digits, nd) == 0 && count_digits(text) == (int)n;
}

/* Where a % closing a number starts, told by its shape (percent_glyph),
 * digits before it. 0 when the piece does not end in one. */
static int percent_start(PIX *piece) {
  bool alone = false;
  int at = percent_glyph(piece, &alone);
  return at > 0 && digits_before(piece, at) ? at : 0;
}

/* Whether `piece` is one % and nothing else: a 度量单位 cell's lone %,
 * whose rings the digit alphabet reads 00 (its stroke, 8 of 10 wide as
 * tall, no tall glyph wider, keeps it numeric-looking). */
static bool percent_alone(PIX *piece) {
  bool alone = false;
  int tall = 0;
  return percent_glyph(piece, &alone) >= 0 && alone && looks_numeric(piece, &tall);
}

/* The digits of `piece` (borrowed) left of column `at`, read through the
 * digit alphabet into *out when they are a number ending in a digit (the
 * number before a %); false, *out untouched, otherwise. */
static bool read_digits_before(b2j_ocr_ctx *ctx, PIX *piece, int at, double dpi,
                               reading *out) {
  BOX *nb = boxCreate(0, 0, at, pixGetHeight(piece));
  PIX *num = pixClipRectangle(piece, nb, NULL);
  boxDestroy(&nb);
  int tall_n = 0;
  if (!num || !looks_numeric(num, &tall_n)) {
    pixDestroy(&num);
    return false;
  }
  reading rn = read_piece(ctx, num, dpi);
  gsize len = rn.text ? strlen(rn.text) : 0;
  if (len && plausible_number(rn.text) && g_ascii_isdigit(rn.text[len - 1])) {
    *out = rn;
    return true;
  }
  reading_clear(&rn);
  return false;
}

/* Reads a piece (owned, taken) that may be a number followed by its unit
 * in Chinese, or by a % the digit alphabet misreads. */
static reading read_number_unit_as_cut(b2j_ocr_ctx *ctx, PIX *piece, double dpi) {
  int tall_n = 0;
  if (percent_alone(piece)) {
    /* The rings read as digits or o, the stroke dropped (00, 0%6): no
     * number, the % alone. */
    reading r = read_piece(ctx, piece, dpi);
    bool marks = r.text && *r.text;
    for (const char *p = r.text; marks && *p; p++)
      marks = g_ascii_isdigit(*p) || *p == '%' || *p == 'o' || *p == 'O';
    /* One digit alone is that digit: a 4's crossbar and stem pass the
     * shape test (a score of 4 alone in its cell read as %). */
    if (marks && r.text[1] == '\0' && g_ascii_isdigit(r.text[0]))
      marks = false;
    if (marks && strcmp(r.text, "%") != 0) {
      reading_retext(&r, g_strdup("%"));
      r.numeric = false;
    }
    return r;
  }
  int pct_x = percent_start(piece);
  reading digits;
  if (pct_x > 0 && read_digits_before(ctx, piece, pct_x, dpi, &digits)) {
    /* 次 (冫 beside 欠, its legs apart) has rings and a stroke where a %
     * has them: when chi_sim reads the whole as these digits and a Chinese
     * unit, surely, it is that unit. */
    PIX *wimg = pixAddBorder(piece, read_margin(piece), 0);
    reading m;
    bool measure = wimg && digits_and_measure(ctx, wimg, dpi, digits.text, &m);
    pixDestroy(&wimg);
    pixDestroy(&piece);
    if (measure) {
      reading_clear(&digits);
      return m;
    }
    reading_retext(&digits, g_strconcat(digits.text, "%", NULL));
    return digits;
  }
  /* A number with its unit: the number through the digit alphabet (chi_sim
   * drops or garbles digits next to Chinese), the unit through chi_sim. */
  int unit_x = unit_start(piece);
  if (unit_x > 0) {
    BOX *nb = boxCreate(0, 0, unit_x, pixGetHeight(piece));
    PIX *num = pixClipRectangle(piece, nb, NULL);
    boxDestroy(&nb);
    PIX *unit = clip_from(piece, unit_x);
    if (num && unit && looks_numeric(num, &tall_n)) {
      reading rn = read_piece(ctx, num, dpi);
      PIX *uimg = pixAddBorder(unit, read_margin(unit), 0);
      pixDestroy(&unit);
      reading ru = uimg ? read_with(ctx->chi, uimg, dpi, false) : (reading){0};
      pixDestroy(&uimg);
      if (plausible_number(rn.text) && ru.text && *ru.text && !g_ascii_isdigit(ru.text[0])) {
        pixDestroy(&piece);
        /* A speck before the unit read as a separator (6,次 8.欠): no
         * number ends in one. */
        gsize nl = strlen(rn.text);
        while (nl > 1 && (rn.text[nl - 1] == ',' || rn.text[nl - 1] == '.'))
          rn.text[--nl] = '\0';
        char *t = g_strconcat(rn.text, ru.text, NULL);
        g_free(rn.text);
        rn.text = t;
        rn.numeric = false;
        g_strfreev(rn.alternatives);
        rn.alternatives = NULL;
        rn.conf = MIN(rn.conf, ru.conf);
        reading_clear(&ru);
        return rn;
      }
      reading_clear(&rn);
      reading_clear(&ru);
    } else {
      pixDestroy(&num);
      pixDestroy(&unit);
    }
  }
  return read_piece(ctx, piece, dpi);
}

static reading read_number_unit(b2j_ocr_ctx *ctx, PIX *piece, double dpi) {
  PIX *keep = pixClone(piece);
  reading r = read_number_unit_as_cut(ctx, piece, dpi);
  /* A % cut off from its number, read 9 or 9%o: the cell joins "100 %". */
  /* The holes are found once, for both uses below. */
  int holes = keep && r.text ? percent_holes_at(keep) : -1;
  if (keep && r.text && strcmp(r.text, "%") != 0 && count_digits(r.text) <= 2 &&
      lone_percent(keep, holes)) {
    reading_retext(&r, g_strdup("%"));
    pixDestroy(&keep);
    return r;
  }
  int at = keep && r.text && *r.text ? percent_by_holes(keep, holes) : 0;
  reading rn;
  if (at > 0 && read_digits_before(ctx, keep, at, dpi, &rn)) {
    if (misread_percent(r.text, rn.text)) {
      reading_retext(&rn, g_strconcat(rn.text, "%", NULL));
      reading_clear(&r);
      r = rn;
    } else {
      reading_clear(&rn);
    }
  }
  pixDestroy(&keep);
  return r;
}

/* A chunk split from the line above at a valley (split_tall) still holds
 * the ends of that line's strokes that reach under the cut: the tail of a
 * comma (平衡, over 补助额 read 补助额“, 利用, over 率 read 率-). A
 * component of `src` crossing the cut with most of its ink above it is the
 * line above's, and its part in `piece` (the chunk's image, its origin at
 * c->x0, c->y0) is erased. In place. Not the other way: a comma closing
 * the upper line (带量采购工作，) may hang mostly under the cut. */
static void drop_line_above(PIX *src, const chunk *c, PIX *piece) {
  if (!c->cut_above)
    return;
  /* The chunk and a line's height over it. */
  int top = MAX(0, c->y0 - (c->y1 - c->y0)), cut = c->y0 - top;
  BOX *b = boxCreate(c->x0, top, c->x1 - c->x0, c->y1 - top);
  PIX *area = pixClipRectangle(src, b, NULL);
  boxDestroy(&b);
  PIXA *pa = NULL;
  BOXA *ba = area ? pixConnComp(area, &pa, 8) : NULL;
  for (int i = 0; ba && i < boxaGetCount(ba); i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
    if (y >= cut || y + bh <= cut)
      continue; /* wholly on one side */
    PIX *comp = pixaGetPix(pa, i, L_CLONE);
    NUMA *rows = comp ? pixCountPixelsByRow(comp, NULL) : NULL;
    l_float32 v = 0, above = 0, below = 0;
    for (int r = 0; rows && r < bh; r++) {
      numaGetFValue(rows, r, &v);
      if (y + r < cut)
        above += v;
      else
        below += v;
    }
    numaDestroy(&rows);
    /* A tail with nothing of this line under it: a comma that touches a
     * glyph of this line (点, over the dot of 间 in 运行时间) is one
     * component with that stroke, and stays. */
    bool alone = above > below;
    for (int j = 0; alone && j < boxaGetCount(ba); j++) {
      l_int32 ox, oy, ow, oh;
      boxaGetBoxGeometry(ba, j, &ox, &oy, &ow, &oh);
      alone = j == i || oy + oh <= cut || ox >= x + bw || ox + ow <= x;
    }
    /* Its rows from the cut down sit at the top of the piece. */
    if (comp && alone)
      pixRasterop(piece, x, 0, bw, y + bh - cut, PIX_SUBTRACT, comp, 0, cut - y);
    pixDestroy(&comp);
  }
  boxaDestroy(&ba);
  pixaDestroy(&pa);
  pixDestroy(&area);
}

/* ---------- Chinese from the grey page ---------- */

/* The deskewed grey page with the rules white; NULL when `up` is not 8 bpp.
 * The caller pixDestroy()s it. */
static PIX *grey_without_rules(PIX *up, PIX *rules) {
  if (!up || pixGetDepth(up) != 8)
    return NULL;
  PIX *grey = pixCopy(NULL, up);
  /* The mask as the binary page had it removed: wider, it eats the edges of
   * glyphs set close to a rule (通畅 read 诵畅). */
  if (grey)
    pixSetMasked(grey, rules, 255);
  return grey;
}

/* Whether the page's strokes are soft: most of its ink is mid-grey, as on a
 * blurred or low-resolution scan (0.58-0.93 on the noisy scans measured, 0.31-0.44
 * on crisp 300 dpi ones). Only there does a grey reading beat the binary
 * one; on a crisp page it was measured to change nothing, so it is not
 * paid for. */
static bool soft_strokes(PIX *up) {
  NUMA *hist = up && pixGetDepth(up) == 8 ? pixGetGrayHistogram(up, 2) : NULL;
  if (!hist)
    return false;
  double dark = 0, mid = 0;
  for (int i = 0; i < 180; i++) {
    l_float32 v = 0;
    numaGetFValue(hist, i, &v);
    if (i < 80)
      dark += v;
    else
      mid += v;
  }
  numaDestroy(&hist);
  return mid > SOFT_INK_SHARE * (dark + mid);
}

/* The Han characters of s, and its ASCII digits and points in `digits`
 * (when given, up to its size). */
static int han_and_digits(const char *s, char *digits, size_t size) {
  int han = 0;
  size_t nd = 0;
  for (const char *p = s; p && *p; p = g_utf8_next_char(p)) {
    gunichar u = g_utf8_get_char(p);
    if (g_unichar_get_script(u) == G_UNICODE_SCRIPT_HAN)
      han++;
    else if (u < 0x80 && (g_ascii_isdigit((char)u) || u == '.') && digits && nd + 1 < size)
      digits[nd++] = (char)u;
  }
  if (digits && size)
    digits[nd] = '\0';
  return han;
}

/* Whether a reading starts with a comparison sign (≥90%, ＝2个): targets,
 * whose signs chi_sim cannot read from grey either. */
static bool starts_with_sign(const char *s) {
  return s && (g_str_has_prefix(s, "≥") || g_str_has_prefix(s, "≤") || strchr("<>=", s[0]));
}

/* Whether the grey reading `g` may stand for the binary reading `b`: both
 * Chinese, the same digits and points, no sign before; one glyph for one
 * glyph, and words of two glyphs or more beside digits (one glyph there may
 * be a speck, read 人 or 中 before a number: 人0.98). */
static bool grey_reading_fits(const char *b, const char *g) {
  char db[64], dg[64];
  int hb = han_and_digits(b, db, sizeof db), hg = han_and_digits(g, dg, sizeof dg);
  if (hb == 0 || hg == 0 || strcmp(db, dg) != 0 || starts_with_sign(b) || strchr(g, '|'))
    return false;
  return (hb > 1 && hg > 1) || (hb == hg && !*db);
}

/* Chunk `c` read by `api` from the grey page, with a white margin; an
 * empty reading (text NULL) when the image cannot be cut. */
static reading read_from_grey(TessBaseAPI *api, PIX *grey, const chunk *c, double dpi,
                              bool numeric) {
  PIX *piece = chunk_image(grey, c);
  PIX *img = piece ? pixAddBorder(piece, read_margin(piece), 255) : NULL;
  pixDestroy(&piece);
  reading g = {NULL, 0, NULL, numeric};
  if (img)
    g = read_with(api, img, dpi, numeric);
  pixDestroy(&img);
  return g;
}

/* chi_sim reads blurred Chinese better from grey than from its
 * binarisation, which breaks thin strokes apart or fills a glyph's counters
 * (主管部门 read 主签户门, 全年预算 read 全年预天): its LSTM sees the
 * strokes' soft edges. An unsure Chinese reading is read again from the grey
 * page, and the grey reading is kept when it fits (grey_reading_fits) and
 * chi_sim is surer of it. On a crisp page the two mostly agree. */
static void prefer_grey_reading(b2j_ocr_ctx *ctx, PIX *grey, const chunk *c, double dpi,
                                reading *r) {
  int han = han_and_digits(r->text, NULL, 0);
  /* A lone glyph read with no confidence is a speck, whatever grey says. */
  if (r->conf >= GREY_SURE || han == 0 || (han == 1 && r->conf < GREY_LONE_MIN) ||
      starts_with_sign(r->text))
    return;
  reading g = read_from_grey(ctx->chi, grey, c, dpi, false);
  drop_bars(g.text);
  if (g.text && grey_reading_fits(r->text, g.text) && g.conf > r->conf + GREY_MARGIN) {
    reading_clear(r);
    *r = g;
  } else {
    reading_clear(&g);
  }
}

/* Whether s is an amount as these reports print one: digits grouped by
 * commas in threes or not at all, no leading zero, at most one point with
 * digits after it (12,308.48, 2040404, 0.95). */
static bool printed_amount(const char *s) {
  const char *point = strchr(s, '.');
  const char *end = point ? point : s + strlen(s);
  if (s == end || !g_ascii_isdigit(*s) || (*s == '0' && end - s > 1))
    return false;
  const char *first_comma = memchr(s, ',', (size_t)(end - s));
  int run = 0; /* digits since the last comma */
  for (const char *q = s; q < end; q++) {
    if (*q == ',') {
      if (run == 0 || run > 3 || (q != first_comma && run != 3))
        return false;
      run = 0;
    } else if (g_ascii_isdigit(*q)) {
      run++;
    } else {
      return false;
    }
  }
  if (first_comma && run != 3)
    return false;
  if (point && !point[1])
    return false;
  for (const char *q = point ? point + 1 : end; *q; q++)
    if (!g_ascii_isdigit(*q))
      return false;
  return true;
}

/* Blur thins a digit's hairlines (a 4's diagonal, a 3's curves) to light
 * grey, which binarising drops: 13,641.34 read 13,641.31, 5,343.83 read
 * 5. 343. 824. The digit LSTM sees them in the grey page. An unsure number
 * is read again from grey. The grey reading must be an amount as printed
 * (printed_amount); it is kept when the engine is clearly surer of it and
 * it has as many digits, or the binary reading is no printed amount at
 * all. Otherwise it becomes the reading's first alternative, for repair to
 * take only if the checks agree. */
static void prefer_grey_number(b2j_ocr_ctx *ctx, PIX *grey, const chunk *c, double dpi,
                               reading *r) {
  if (r->conf >= GREY_SURE || !r->text || count_digits(r->text) == 0)
    return;
  /* A % after a number grouped in thousands is a misread last digit (a
   * blurred 3 read 5,343.8%): no percentage runs to thousands. */
  size_t body = strspn(r->text, "0123456789,. ");
  if (body != strlen(r->text) &&
      !(strcmp(r->text + body, "%") == 0 && memchr(r->text, ',', body)))
    return;
  reading g = read_from_grey(ctx->eng, grey, c, dpi, true);
  /* From grey the engine often takes a thousands comma for a point
   * (13.649.07): of several points only the last can be one. */
  char *last = g.text ? strrchr(g.text, '.') : NULL;
  for (char *q = g.text; last && q < last; q++)
    if (*q == '.') {
      *q = ',';
      g_strfreev(g.alternatives); /* of the text as read */
      g.alternatives = NULL;
    }
  /* The binary reading as the digit engine writes one: no spaces. */
  char *b = g_strdup(r->text);
  char *end = b;
  for (const char *p = b; *p; p++)
    if (*p != ' ')
      *end++ = *p;
  *end = '\0';
  bool usable = g.text && printed_amount(g.text) && strcmp(g.text, b) != 0;
  bool surer = usable && g.conf > r->conf + GREY_NUM_MARGIN &&
               (count_digits(g.text) == count_digits(r->text) || !printed_amount(b));
  g_free(b);
  if (surer) {
    reading_clear(r);
    *r = g;
    return;
  }
  if (usable) {
    guint n = r->alternatives ? g_strv_length(r->alternatives) : 0;
    char **alts = g_new0(char *, n + 2);
    alts[0] = g_strdup(g.text);
    for (guint i = 0; i < n; i++)
      alts[i + 1] = r->alternatives[i];
    g_free(r->alternatives);
    r->alternatives = alts;
  }
  reading_clear(&g);
}

static reading read_chunk(b2j_ocr_ctx *ctx, PIX *src, const chunk *c, double dpi) {
  reading none = {g_strdup(""), 0, NULL, false};
  PIX *piece = chunk_image(src, c);
  if (!piece)
    return none;
  drop_line_above(src, c, piece);
  int end_x = 0;
  const char *sign = lead_sign(piece, &end_x);
  if (sign) {
    PIX *rest = clip_from(piece, end_x);
    reading r = rest ? read_number_unit(ctx, rest, dpi) : (reading){g_strdup(""), 0.9, NULL, false};
    /* Two bars before Chinese are 二 (二级指标), not =: = stands alone or
     * before a number. */
    if (strcmp(sign, "=") == 0 && r.text && *r.text && !g_ascii_isdigit(r.text[0])) {
      reading_clear(&r);
      g_free(none.text);
      return read_number_unit(ctx, piece, dpi);
    }
    pixDestroy(&piece);
    char *t = g_strconcat(sign, r.text, NULL);
    g_free(r.text);
    r.text = t;
    /* ≥90% is a target, not an amount: no numeric alternatives. */
    r.numeric = false;
    g_strfreev(r.alternatives);
    r.alternatives = NULL;
    g_free(none.text);
    return r;
  }
  g_free(none.text);
  return read_number_unit(ctx, piece, dpi);
}

static int cmp_chunk_height(const void *a, const void *b) {
  const chunk *p = a, *q = b;
  return (p->y1 - p->y0) - (q->y1 - q->y0);
}

/* A tall chunk is one line when read whole at least this surely while
 * neither half reads this surely (split_tall). */
#define SPLIT_WHOLE_SURE 0.8
#define SPLIT_HALF_UNSURE 0.6

/* chi_sim's confidence in chunk `c` of `src`, read as the page loop reads it
 * (grown to its glyphs first). */
static double chunk_confidence(b2j_ocr_ctx *ctx, PIX *src, chunk c, double dpi) {
  grow_to_glyphs(src, &c, (int)lround(dpi / 48.0));
  reading r = read_chunk(ctx, src, &c, dpi);
  double conf = r.text && *r.text ? r.conf : 0;
  reading_clear(&r);
  return conf;
}

/* Splits chunk `c` of `src` at its emptiest row while it is taller than
 * `max_h` (two lines of a narrow cell set so tight, or so blurred, that no
 * row between them is clear); pieces go to `out`. */
static void split_tall(b2j_ocr_ctx *ctx, PIX *src, chunk c, int max_h, double dpi, int depth,
                       GArray *out) {
  int h = c.y1 - c.y0;
  if (h <= max_h || depth > 3) {
    g_array_append_val(out, c);
    return;
  }
  BOX *b = boxCreate(c.x0, c.y0, c.x1 - c.x0, h);
  PIX *crop = pixClipRectangle(src, b, NULL);
  boxDestroy(&b);
  NUMA *rows = crop ? pixCountPixelsByRow(crop, NULL) : NULL;
  pixDestroy(&crop);
  if (!rows) {
    g_array_append_val(out, c);
    return;
  }
  int best = -1;
  l_float32 least = 1e30f, most = 0;
  for (int y = 0; y < h; y++) {
    l_float32 v = 0;
    numaGetFValue(rows, y, &v);
    most = MAX(most, v);
    if (y >= h * 3 / 10 && y <= h * 7 / 10 && v < least) {
      least = v;
      best = y;
    }
  }
  numaDestroy(&rows);
  /* Two lines leave a valley between them; one tall line (a title) does
   * not. */
  if (best < 0 || least > most / 8) {
    g_array_append_val(out, c);
    return;
  }
  chunk top = c, bottom = c;
  top.y1 = c.y0 + best;
  bottom.y0 = c.y0 + best + 1;
  top.cut_below = bottom.cut_above = true;
  /* A valley crossed by ink may be the gap inside one row of large glyphs
   * (合 over 口, with 计's upright through it): the reading decides. Kept
   * whole when chi_sim reads the whole surely and neither half: a reading
   * of two lines as one may be sure of a part (数量指标 over (5分) read
   * "(5" at 0.99), so sure halves always split. Only for a short chunk, up
   * to three of its height across: a row of large glyphs is a label (合计,
   * 项目), while longer wrapped text, two lines of it, is the common case
   * and would cost three readings more each. */
  if (least > 0 && ctx && c.x1 - c.x0 <= 3 * h) {
    double whole = chunk_confidence(ctx, src, c, dpi);
    double halves =
        MAX(chunk_confidence(ctx, src, top, dpi), chunk_confidence(ctx, src, bottom, dpi));
    if (whole >= SPLIT_WHOLE_SURE && halves < SPLIT_HALF_UNSURE) {
      g_array_append_val(out, c);
      return;
    }
  }
  split_tall(ctx, src, top, max_h, dpi, depth + 1, out);
  split_tall(ctx, src, bottom, max_h, dpi, depth + 1, out);
}

/* Chunks more than 1.5 lines tall (a line's height is the page's median
 * chunk height) are split into lines. In place. */
static void split_tall_chunks(b2j_ocr_ctx *ctx, PIX *src, GArray *chunks, double dpi) {
  if (chunks->len < 5)
    return;
  GArray *sorted = g_array_sized_new(FALSE, FALSE, sizeof(chunk), chunks->len);
  g_array_append_vals(sorted, chunks->data, chunks->len);
  g_array_sort(sorted, cmp_chunk_height);
  const chunk *mid = &g_array_index(sorted, chunk, sorted->len / 2);
  int max_h = (mid->y1 - mid->y0) * 3 / 2;
  g_array_set_size(sorted, 0);
  for (guint i = 0; i < chunks->len; i++) {
    split_tall(ctx, src, g_array_index(chunks, chunk, i), max_h, dpi, 0, sorted);
  }
  g_array_set_size(chunks, 0);
  g_array_append_vals(chunks, sorted->data, sorted->len);
  g_array_free(sorted, TRUE);
}

/* ---------- orientation ---------- */

static int cmp_chunk_width(const void *a, const void *b) {
  const chunk *p = a, *q = b;
  return (q->x1 - q->x0) - (p->x1 - p->x0);
}

/* Mean chi_sim confidence over a few text-line-shaped chunks of `bin`
 * (lines removed), read as they stand. */
static double reading_score(b2j_ocr_ctx *ctx, PIX *bin, double dpi, int *n_lines) {
  GArray *chunks = g_array_new(FALSE, FALSE, sizeof(chunk));
  find_chunks_free(bin, 0, dpi, false, chunks);
  /* Line-shaped: about a character high (6-16 pt), at least three wide. */
  double px = dpi / 72.0;
  guint k = 0;
  for (guint i = 0; i < chunks->len; i++) {
    chunk c = g_array_index(chunks, chunk, i);
    int ch = c.y1 - c.y0, cw = c.x1 - c.x0;
    if (ch >= 6 * px && ch <= 16 * px && cw >= 3 * ch)
      g_array_index(chunks, chunk, k++) = c;
  }
  g_array_set_size(chunks, k);
  *n_lines = (int)k;
  g_array_sort(chunks, cmp_chunk_width);
  double sum = 0;
  int n = 0;
  for (guint i = 0; i < chunks->len && n < TURN_SAMPLES; i++) {
    chunk *c = &g_array_index(chunks, chunk, i);
    /* A long line costs as much as several short ones: read its start. */
    int maxw = (int)(8 * (c->y1 - c->y0));
    BOX *b = boxCreate(c->x0, c->y0, MIN(c->x1 - c->x0, maxw), c->y1 - c->y0);
    PIX *piece = pixClipRectangle(bin, b, NULL);
    boxDestroy(&b);
    PIX *img = piece ? pixAddBorder(piece, MAX(4, (c->y1 - c->y0) / 3), 0) : NULL;
    pixDestroy(&piece);
    if (!img)
      continue;
    reading r = read_with(ctx->chi, img, dpi, false);
    pixDestroy(&img);
    sum += r.conf;
    n++;
    reading_clear(&r);
  }
  g_array_free(chunks, TRUE);
  return n ? sum / n : 0;
}

/* Clockwise degrees the page image is turned from upright: the turn whose
 * text reads best. Tesseract's OSD was tried and is unreliable on Chinese
 * table pages (it turned upright noisy pages over); reading a few lines
 * each way costs about the same and is not. `bin` is deskewed, lines gone. */
static int detect_turn(b2j_ocr_ctx *ctx, PIX *bin, double dpi, bool sideways) {
  int unused = 0;
  double best = -1;
  int turn = 0;
  /* Text lines run across a page that is upright or upside down; along it
   * when it lies on its side. The other pair is tried only when the first
   * reads badly both ways. */
  static const int flat[] = {0, 180, 90, 270}, side[] = {90, 270, 0, 180};
  const int *tries = sideways ? side : flat;
  for (size_t i = 0; i < 4; i++) {
    if (i == 2 && best >= 0.4)
      break;
    /* Undo a clockwise turn t by turning (360 - t) more clockwise. */
    PIX *t = pixRotateOrth(bin, ((360 - tries[i]) / 90) % 4);
    if (!t)
      continue;
    double sc = reading_score(ctx, t, dpi, &unused);
    pixDestroy(&t);
#ifdef B2J_OCR_TIMING
    fprintf(stderr, "  turn %d score %.3f\n", tries[i], sc);
#endif
    if (sc > best + 0.05) {
      best = sc;
      turn = tries[i];
    }
    if (best >= TURN_SURE)
      break;
  }
  return turn;
}

/* ---------- cells from the ruling lines ---------- */

/* The page's rules (points) drawn into a mask at the image's resolution,
 * each grown by `ext` past its ends and to at least `thick` pixels across. */
static PIX *rules_raster(const b2j_page *page, int w, int h, double dpi, int ext, int thick) {
  double px = dpi / 72.0;
  PIX *mask = pixCreate(w, h, 1);
  if (!mask)
    return NULL;
  for (guint i = 0; i < page->rules->len; i++) {
    const b2j_rule *r = &g_array_index(page->rules, b2j_rule, i);
    int x0 = (int)floor(r->box.x0 * px), y0 = (int)floor(r->box.y0 * px);
    int x1 = (int)ceil(r->box.x1 * px), y1 = (int)ceil(r->box.y1 * px);
    if (r->horizontal) {
      x0 -= ext;
      x1 += ext;
      int cy = (y0 + y1) / 2;
      y0 = MIN(y0 - 1, cy - thick / 2 - 1);
      y1 = MAX(y1 + 1, cy + thick / 2 + 1);
    } else {
      y0 -= ext;
      y1 += ext;
      int cx = (x0 + x1) / 2;
      x0 = MIN(x0 - 1, cx - thick / 2 - 1);
      x1 = MAX(x1 + 1, cx + thick / 2 + 1);
    }
    pixRasterop(mask, x0, y0, x1 - x0, y1 - y0, PIX_SET, NULL, 0, 0);
  }
  return mask;
}

/* The chunks of text inside cell `rg` of `src`, clear of its rules, tagged
 * with region index `region`. */
static void find_cell_chunks(PIX *src, const b2j_ocr_region *rg, int region, double dpi,
                             GArray *out) {
  int inset = MAX(1, (int)lround(dpi / 150.0));
  find_chunks(src, rg->x0 + inset, rg->y0 + inset, rg->x1 - inset, rg->y1 - inset, region, dpi,
              out);
}

/* ---------- Each cell's own strokes ---------- */

/* The page chose its binarisation by all its ink, but one page may set big
 * dark titles over cells of small thin digits (5 pt numbers scanned at
 * 178 dpi keep their thin strokes only as light grey): the strict reading
 * that suits the page breaks those digits into specks (2,542.60 read as
 * "4 tw AN"). A cell whose strict ink is far below its loose ink may be
 * such a cell, but as often its loose reading has only found the paper's
 * texture or a seal's remains (read 洛安1 ; 人广 over a stamped 30). So
 * both readings of the cell are tried, and the loose one replaces the
 * strict one in `clean` only when chi_sim and the digit engine are surer of
 * it by a clear margin, and sure enough on their own. */
#define CELL_FAINT_RATIO 0.35
#define CELL_LOOSE_MIN_CONF 0.6
#define CELL_LOOSE_MARGIN 0.1

/* The mean confidence of the words read from region `rg` of `src`, each
 * weighted by its length; 0 when none is read. */
static double region_reading_conf(b2j_ocr_ctx *ctx, PIX *src, const b2j_ocr_region *rg,
                                  double dpi) {
  GArray *chunks = g_array_new(FALSE, FALSE, sizeof(chunk));
  find_cell_chunks(src, rg, 0, dpi, chunks);
  double sum = 0, len = 0;
  for (guint i = 0; i < chunks->len; i++) {
    chunk *c = &g_array_index(chunks, chunk, i);
    grow_to_glyphs(src, c, (int)lround(dpi / 48.0));
    reading r = read_chunk(ctx, src, c, dpi);
    double n = r.text ? (double)g_utf8_strlen(r.text, -1) : 0;
    sum += r.conf * n;
    len += n;
    reading_clear(&r);
  }
  g_array_free(chunks, TRUE);
  return len > 0 ? sum / len : 0;
}

static void loose_for_faint_cells(b2j_ocr_ctx *ctx, PIX *clean, PIX *loose,
                                  const GArray *regions, double dpi) {
  l_int32 min_ink = (l_int32)lround(dpi * dpi / 900.0);
  for (guint i = 0; i < regions->len; i++) {
    const b2j_ocr_region *rg = &g_array_index(regions, b2j_ocr_region, i);
    BOX *box = boxCreate(rg->x0, rg->y0, rg->x1 - rg->x0, rg->y1 - rg->y0);
    l_int32 ns = 0, nl = 0;
    if (!box || pixCountPixelsInRect(clean, box, &ns, NULL) ||
        pixCountPixelsInRect(loose, box, &nl, NULL) || nl < min_ink ||
        ns >= CELL_FAINT_RATIO * nl) {
      boxDestroy(&box);
      continue;
    }
    boxDestroy(&box);
    double strict_conf = region_reading_conf(ctx, clean, rg, dpi);
    double loose_conf = region_reading_conf(ctx, loose, rg, dpi);
    if (loose_conf >= CELL_LOOSE_MIN_CONF && loose_conf > strict_conf + CELL_LOOSE_MARGIN)
      pixRasterop(clean, rg->x0, rg->y0, rg->x1 - rg->x0, rg->y1 - rg->y0, PIX_SRC, loose,
                  rg->x0, rg->y0);
  }
}

/* The white areas the rules enclose (grown past their ends so crossings
 * close): each is a cell, a merged cell one area. */
static void find_cells(const b2j_page *page, int w, int h, double dpi, GArray *regions) {
  if (page->rules->len == 0)
    return;
  double px = dpi / 72.0;
  PIX *mask = rules_raster(page, w, h, dpi, MAX(3, (int)lround(2.5 * px)),
                           MAX(3, (int)lround(1.0 * px)));
  if (!mask)
    return;
  pixInvert(mask, mask);
  BOXA *ba = pixConnCompBB(mask, 4);
  pixDestroy(&mask);
  if (!ba)
    return;
  int min_side = MAX(6, (int)lround(4.0 * px));
  for (int i = 0; i < boxaGetCount(ba); i++) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh);
    /* The area around the tables touches the image's edge. */
    if (x <= 0 || y <= 0 || x + bw >= w || y + bh >= h)
      continue;
    if (bw < min_side || bh < min_side)
      continue;
    b2j_ocr_region rg = {x, y, x + bw, y + bh, true, -1};
    g_array_append_val(regions, rg);
  }
  boxaDestroy(&ba);
}

/* Drops groups of touching rules that together span less than a small box,
 * or, of two rules or more, a strip under half an inch across and at most
 * four times as long: the strokes of a large title's glyphs, which chain
 * from glyph to glyph (一般, 算支), not a table, whose rows and columns make
 * it larger. A lone rule is kept or dropped by the rule finder. In place. */
static void drop_glyph_rules(b2j_page *page) {
  const double tol = 3.0, min_span = 36.0, strip_len = 4 * min_span; /* points */
  guint n = page->rules->len;
  if (n == 0)
    return;
  guint *parent = g_new(guint, n);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < n; i++) {
    const b2j_box *a = &g_array_index(page->rules, b2j_rule, i).box;
    for (guint j = i + 1; j < n; j++) {
      const b2j_box *b = &g_array_index(page->rules, b2j_rule, j).box;
      if (a->x1 + tol < b->x0 || b->x1 + tol < a->x0 || a->y1 + tol < b->y0 ||
          b->y1 + tol < a->y0)
        continue;
      guint ri = i, rj = j;
      while (parent[ri] != ri)
        ri = parent[ri];
      while (parent[rj] != rj)
        rj = parent[rj];
      parent[rj] = ri;
    }
  }
  b2j_box *span = g_new(b2j_box, n);
  guint *members = g_new0(guint, n);
  for (guint i = 0; i < n; i++)
    span[i] = (b2j_box){G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE};
  for (guint i = 0; i < n; i++) {
    guint r = i;
    while (parent[r] != r)
      r = parent[r];
    parent[i] = r;
    members[r]++;
    const b2j_box *a = &g_array_index(page->rules, b2j_rule, i).box;
    span[r].x0 = MIN(span[r].x0, a->x0);
    span[r].y0 = MIN(span[r].y0, a->y0);
    span[r].x1 = MAX(span[r].x1, a->x1);
    span[r].y1 = MAX(span[r].y1, a->y1);
  }
  guint k = 0;
  for (guint i = 0; i < n; i++) {
    const b2j_box *g = &span[parent[i]];
    double gw = g->x1 - g->x0, gh = g->y1 - g->y0;
    bool small = gw < min_span && gh < min_span;
    bool strip = members[parent[i]] > 1 &&
                 ((gw < min_span && gh < strip_len) || (gh < min_span && gw < strip_len));
    if (small || strip)
      continue;
    g_array_index(page->rules, b2j_rule, k++) = g_array_index(page->rules, b2j_rule, i);
  }
  g_array_set_size(page->rules, k);
  g_free(parent);
  g_free(span);
  g_free(members);
}

/* Does rule `r` meet a rule of the other direction at the point (x, y)? */
static bool meets(const b2j_page *page, bool horizontal, double x, double y, double tol) {
  for (guint i = 0; i < page->rules->len; i++) {
    const b2j_rule *o = &g_array_index(page->rules, b2j_rule, i);
    if (o->horizontal == horizontal)
      continue;
    if (x >= o->box.x0 - tol && x <= o->box.x1 + tol && y >= o->box.y0 - tol &&
        y <= o->box.y1 + tol)
      return true;
  }
  return false;
}

/* A short rule must end on rules at both ends, as a cell's edge does: a
 * stroke of a title glyph standing on the table's top line meets one only.
 * In place. */
static void drop_stub_rules(b2j_page *page) {
  const double tol = 3.0, long_rule = 30.0; /* points */
  GArray *keep = g_array_new(FALSE, FALSE, sizeof(b2j_rule));
  for (guint i = 0; i < page->rules->len; i++) {
    const b2j_rule *r = &g_array_index(page->rules, b2j_rule, i);
    double len = r->horizontal ? r->box.x1 - r->box.x0 : r->box.y1 - r->box.y0;
    bool ok = len >= long_rule;
    if (!ok && r->horizontal) {
      double y = (r->box.y0 + r->box.y1) / 2;
      ok = meets(page, true, r->box.x0, y, tol) && meets(page, true, r->box.x1, y, tol);
    } else if (!ok) {
      double x = (r->box.x0 + r->box.x1) / 2;
      ok = meets(page, false, x, r->box.y0, tol) && meets(page, false, x, r->box.y1, tol);
    }
    if (ok) {
      g_array_append_val(keep, *r);
    }
  }
  g_array_set_size(page->rules, 0);
  g_array_append_vals(page->rules, keep->data, keep->len);
  g_array_free(keep, TRUE);
}

/* ---------- words from chunks ---------- */

/* A comma-like mark (，、；) keeps its glyph's whole advance but inks only
 * its left quarter, so the text after it starts most of an em further on
 * and the chunk finder cuts a cell's line there ("任务，" | "提升服务"): a
 * false column edge for a table drawn without rules. */
static bool ends_in_pause(const char *t) {
  size_t n = strlen(t);
  if (!n)
    return false;
  const char *p = g_utf8_find_prev_char(t, t + n);
  gunichar c = p ? g_utf8_get_char(p) : 0;
  return c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == ',' || c == ';';
}

void b2j_ocr_join_after_pauses(b2j_page *page, guint first, const int *region) {
  GArray *ws = page->words;
  int *rg = g_memdup2(region, sizeof(int) * (ws->len - first));
  bool joined = true;
  while (joined) {
    joined = false;
    for (guint i = first; i < ws->len && !joined; i++) {
      b2j_word *a = &g_array_index(ws, b2j_word, i);
      if (!ends_in_pause(a->text))
        continue;
      double ha = a->box.y1 - a->box.y0;
      int best = -1;
      double best_gap = 0;
      for (guint j = first; j < ws->len; j++) {
        b2j_word *b = &g_array_index(ws, b2j_word, j);
        if (j == i || rg[j - first] != rg[i - first])
          continue;
        double hb = b->box.y1 - b->box.y0;
        double overlap = MIN(a->box.y1, b->box.y1) - MAX(a->box.y0, b->box.y0);
        double gap = b->box.x0 - a->box.x1;
        /* The same line, and within the mark's blank advance plus letter
         * spacing: under an em, where a column gap after a mark is the
         * mark's blank and a column gap more. */
        if (overlap < 0.6 * MIN(ha, hb) || gap < -0.2 * ha || gap > 0.95 * MAX(ha, hb) ||
            !*b->text || (ends_in_pause(b->text) && g_utf8_strlen(b->text, -1) == 1))
          continue;
        if (best < 0 || gap < best_gap) {
          best = (int)j;
          best_gap = gap;
        }
      }
      if (best < 0)
        continue;
      b2j_word *b = &g_array_index(ws, b2j_word, best);
      char *t = g_strconcat(a->text, b->text, NULL);
      g_free(a->text);
      a->text = t;
      a->box.x0 = MIN(a->box.x0, b->box.x0);
      a->box.y0 = MIN(a->box.y0, b->box.y0);
      a->box.x1 = MAX(a->box.x1, b->box.x1);
      a->box.y1 = MAX(a->box.y1, b->box.y1);
      a->conf = MIN(a->conf, b->conf);
      /* Text with a mark in it is no number: no numeric alternatives. */
      g_strfreev(a->alternatives);
      a->alternatives = NULL;
      g_array_remove_index(ws, (guint)best); /* its clear function frees b */
      memmove(rg + (best - (int)first), rg + (best - (int)first) + 1,
              sizeof(int) * (ws->len - (guint)best));
      joined = true;
    }
  }
  g_free(rg);
}

/* ---------- the page ---------- */

/* Records a correction of the reading `from` (taken) to `to` (copied; ""
 * for a reading dropped) at `box`; `why` is static, NULL for a lexicon
 * entry one character away. */
static void record_fix(b2j_ocr_ctx *ctx, char *from, const char *to, b2j_box box, double conf,
                       const char *why) {
  b2j_ocr_fix *f = g_new0(b2j_ocr_fix, 1);
  f->from = from;
  f->to = g_strdup(to);
  f->box = box;
  f->conf = conf;
  f->why = why;
  g_ptr_array_add(ctx->fixes, f);
}

static PIX *turn_and_deskew(PIX *gray, int quads, double angle_deg) {
  PIX *t = quads ? pixRotateOrth(gray, quads) : pixClone(gray);
  if (!t || fabs(angle_deg) < 0.05)
    return t;
  /* Same size: the page frame stays the page; corners bring in white. */
  PIX *d = pixRotate(t, (l_float32)(angle_deg * M_PI / 180.0), L_ROTATE_AREA_MAP,
                     L_BRING_IN_WHITE, 0, 0);
  pixDestroy(&t);
  return d;
}

static int cmp_chunk(const void *a, const void *b) {
  const chunk *p = a, *q = b;
  if (p->y0 != q->y0)
    return p->y0 < q->y0 ? -1 : 1;
  return (p->x0 > q->x0) - (p->x0 < q->x0);
}

#ifdef B2J_OCR_TIMING
#include <time.h>
static double tnow(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
#define TMARK(name) fprintf(stderr, "  %-10s %.3f\n", name, tnow() - t_prev), t_prev = tnow()
#else
#define TMARK(name) (void)0
#endif

bool b2j_ocr_page(b2j_ocr_ctx *ctx, b2j_page *page, const guint32 *rgb, int width, int height,
                  int stride, double dpi, GError **error) {
  for (guint i = 0; i < ctx->fixes->len; i++)
    fix_free(g_ptr_array_index(ctx->fixes, i));
  g_ptr_array_set_size(ctx->fixes, 0);
  pixDestroy(&ctx->dbg_gray);
  if (ctx->dbg_regions) {
    g_array_free(ctx->dbg_regions, TRUE);
    ctx->dbg_regions = NULL;
  }
  if (!rgb || width < 16 || height < 16 || dpi < 50) {
    g_set_error(error, b2j_ocr_error_quark(), 2, "page %d: no usable image to OCR (%dx%d)",
                page->number, width, height);
    return false;
  }
#ifdef B2J_OCR_TIMING
  double t_prev = tnow();
#endif
  PIX *gray = b2j_ocr_gray_from_rgb(rgb, width, height, stride, dpi);
  /* Orientation and skew are judged at half resolution: enough for text
   * lines and four times cheaper. */
  PIX *half = gray ? pixScaleAreaMap2(gray) : NULL;
  PIX *hbin = half ? b2j_ocr_binarize(half, dpi / 2) : NULL;
  pixDestroy(&half);
  if (!hbin) {
    pixDestroy(&gray);
    g_set_error(error, b2j_ocr_error_quark(), 3, "page %d: out of memory binarising", page->number);
    return false;
  }
  TMARK("gray+hbin");
  /* Skew first: a 2 degree skew merges neighbouring lines in the profiles
   * the orientation test reads. Rotations commute, so the angle holds in
   * every quarter turn. Measured both ways: a page whose lines show more
   * sharply once turned a quarter lies on its side. */
  l_float32 angle = 0, sconf = 0, a90 = 0, c90 = 0;
  if (pixFindSkewSweepAndSearch(hbin, &angle, &sconf, 2, 1, 5.0f, 0.5f, 0.01f))
    angle = sconf = 0;
  PIX *r90 = pixRotate90(hbin, 1);
  if (!r90 || pixFindSkewSweepAndSearch(r90, &a90, &c90, 2, 1, 5.0f, 0.5f, 0.01f))
    a90 = c90 = 0;
  pixDestroy(&r90);
  bool sideways = c90 > 1.5f * sconf && c90 >= SKEW_MIN_CONF;
  if (sideways) {
    angle = a90;
    sconf = c90;
  }
  if (sconf < SKEW_MIN_CONF)
    angle = 0;
  PIX *hdesk = fabs(angle) >= 0.05
                   ? pixRotateBySampling(hbin, pixGetWidth(hbin) / 2, pixGetHeight(hbin) / 2,
                                         (l_float32)(angle * M_PI / 180.0), L_BRING_IN_WHITE)
                   : pixClone(hbin);
  PIX *hlines = hdesk ? b2j_ocr_line_mask(hdesk, dpi / 2) : NULL;
  if (hlines)
    pixDilateBrick(hlines, hlines, 3, 3);
  PIX *htext = hlines ? pixSubtract(NULL, hdesk, hlines) : NULL;
  pixDestroy(&hlines);
  pixDestroy(&hdesk);
  int turn = htext ? detect_turn(ctx, htext, dpi / 2, sideways) : 0;
  pixDestroy(&htext);
  int quads = (4 - turn / 90) % 4;
  pixDestroy(&hbin);
#ifdef B2J_OCR_TIMING
  fprintf(stderr, "  turn %d skew %.3f conf %.2f\n", turn, angle, sconf);
#endif
  TMARK("skew");
  PIX *up = turn_and_deskew(gray, quads, angle);
  TMARK("rotate");
  pixDestroy(&gray);
  PIX *loose_bin = NULL; /* a page read strict: its loose reading too */
  PIX *bin = up ? b2j_ocr_binarize_both(up, dpi, &loose_bin) : NULL;
  PIX *lines = bin ? b2j_ocr_line_mask(bin, dpi) : NULL;
  if (!lines) {
    pixDestroy(&up);
    pixDestroy(&bin);
    pixDestroy(&loose_bin);
    g_set_error(error, b2j_ocr_error_quark(), 3, "page %d: out of memory finding lines",
                page->number);
    return false;
  }
  int w = pixGetWidth(bin), h = pixGetHeight(bin);
  TMARK("bin+lines");

  /* The page as the reader sees it. */
  if (quads % 2) {
    double t = page->width;
    page->width = page->height;
    page->height = t;
  }
  if (page->width <= 0 || page->height <= 0) {
    page->width = w * 72.0 / dpi;
    page->height = h * 72.0 / dpi;
  }
  page->rotation = turn;
  /* pixFindSkew gives the turn that straightens the page; the page's own
   * skew is the opposite (clockwise positive). */
  page->skew_deg = -angle;
  page->source = B2J_SOURCE_OCR;
  if (page->words->len)
    g_array_remove_range(page->words, 0, page->words->len);
  if (page->rules->len)
    g_array_set_size(page->rules, 0);

  /* The rule finder sees the line image only (glyph strokes of large
   * titles would pass for short rules), at half resolution. */
  PIX *hb = pixReduceRankBinary2(lines, 1, NULL);
  if (hb) {
    int rs = 0;
    guint32 *hrgb = b2j_ocr_rgb_from_bin(hb, &rs);
    if (hrgb)
      b2j_rules_from_rgb(page, hrgb, pixGetWidth(hb), pixGetHeight(hb), rs, dpi / 2);
    g_free(hrgb);
    pixDestroy(&hb);
  }
  drop_glyph_rules(page);
  drop_stub_rules(page);
  /* What goes before recognition: line pixels near an accepted rule only
   * (a long stroke of a big title is no rule). */
  int grow = MAX(2, (int)lround(dpi / 150.0));
  PIX *near = rules_raster(page, w, h, dpi, grow, MAX(3, (int)lround(dpi / 40.0)));
  if (near)
    pixAnd(lines, lines, near);
  pixDestroy(&near);
  /* One pixel more each way takes the soft edges; more would eat the feet
   * of digits that sit on a rule (a 2 turns into a 7). */
  PIX *fat = pixDilateBrick(NULL, lines, 3, 3);
  /* A blurred vertical rule leaves slivers that read as 1 or 9 before a
   * number set close to it: its sides go two pixels further. No glyph sits
   * that close to a rule's side as a digit's foot does to a rule's top. */
  PIX *vert = fat ? pixOpenBrick(NULL, lines, 1, MAX(15, (int)lround(13.0 * dpi / 72.0))) : NULL;
  if (vert) {
    pixDilateBrick(vert, vert, 7, 1);
    pixOr(fat, fat, vert);
    pixDestroy(&vert);
  }
  pixDestroy(&lines);
  PIX *clean = fat ? pixSubtract(NULL, bin, fat) : NULL;
  PIX *loose_clean = fat && loose_bin ? pixSubtract(NULL, loose_bin, fat) : NULL;
  PIX *grey = fat && soft_strokes(up) ? grey_without_rules(up, fat) : NULL;
  pixDestroy(&fat);
  pixDestroy(&bin);
  pixDestroy(&loose_bin);
  if (!clean) {
    pixDestroy(&loose_clean);
    pixDestroy(&grey);
    pixDestroy(&up);
    g_set_error(error, b2j_ocr_error_quark(), 3, "page %d: out of memory cleaning the image",
                page->number);
    return false;
  }
  TMARK("rules");
  GArray *regions = g_array_new(FALSE, FALSE, sizeof(b2j_ocr_region));
  find_cells(page, w, h, dpi, regions);
  if (loose_clean)
    loose_for_faint_cells(ctx, clean, loose_clean, regions, dpi);
  pixDestroy(&loose_clean);
  GArray *chunks = g_array_new(FALSE, FALSE, sizeof(chunk));
  /* Text outside the cells: the page with the cells blanked. */
  PIX *rest = pixCopy(NULL, clean);
  for (guint i = 0; i < regions->len; i++) {
    b2j_ocr_region *rg = &g_array_index(regions, b2j_ocr_region, i);
    find_cell_chunks(clean, rg, (int)i, dpi, chunks);
    if (rest)
      pixRasterop(rest, rg->x0, rg->y0, rg->x1 - rg->x0, rg->y1 - rg->y0, PIX_CLR, NULL, 0, 0);
  }
  if (rest) {
    b2j_ocr_region all = {0, 0, w, h, false, -1};
    g_array_append_val(regions, all);
    find_chunks_free(rest, (int)regions->len - 1, dpi, true, chunks);
    pixDestroy(&rest);
  }
  split_tall_chunks(ctx, clean, chunks, dpi);
  g_array_sort(chunks, cmp_chunk);
  TMARK("cells");

  double to_pt = 72.0 / dpi, sum_conf = 0;
  int n_words = 0;
  GArray *word_region = g_array_new(FALSE, FALSE, sizeof(int));
  for (guint i = 0; i < chunks->len; i++) {
    chunk *c = &g_array_index(chunks, chunk, i);
    grow_to_glyphs(clean, c, (int)lround(dpi / 48.0));
    reading r = read_chunk(ctx, clean, c, dpi);
    if (!r.text || !*r.text) {
      reading_clear(&r);
      continue;
    }
    b2j_box box = {c->x0 * to_pt, c->y0 * to_pt, c->x1 * to_pt, c->y1 * to_pt};
    /* A speck that chi_sim named (人 before 98%): no word. The first test
     * takes any lone glyph read without confidence; the image decides. */
    int cw = c->x1 - c->x0, ch = c->y1 - c->y0;
    if (b2j_ocr_speck_glyph(r.text, cw, ch, 0, 0, r.conf, 0)) {
      PIX *piece = chunk_image(clean, c);
      int tall = 1, ink_w = cw, ink_h = ch;
      BOX *ink = NULL;
      if (piece) {
        looks_numeric(piece, &tall);
        if (pixClipBoxToForeground(piece, NULL, NULL, &ink) == 0 && ink)
          boxGetGeometry(ink, NULL, NULL, &ink_w, &ink_h);
      }
      boxDestroy(&ink);
      pixDestroy(&piece);
      if (b2j_ocr_speck_glyph(r.text, cw, ch, ink_w, ink_h, r.conf, tall)) {
        record_fix(ctx, r.text, "", box, r.conf,
                   "a speck: a glyph far narrower than the line or a dot, with no stroke of its height");
        r.text = NULL;
        reading_clear(&r);
        continue;
      }
    }
    if (grey && !r.numeric)
      prefer_grey_reading(ctx, grey, c, dpi, &r);
    if (!r.numeric)
      full_stop_from_blob(clean, c, &r);
    if (grey)
      prefer_grey_number(ctx, grey, c, dpi, &r);
    if (!r.numeric) {
      char *fixed = b2j_lexicon_lookup(ctx->lex, r.text);
      if (!fixed)
        fixed = b2j_lexicon_fix_phrases(ctx->lex, r.text);
      /* Look-alike glyphs, in the text as corrected so far. */
      char *alike = b2j_lexicon_fix_lookalikes(ctx->lex, fixed ? fixed : r.text);
      if (alike) {
        g_free(fixed);
        fixed = alike;
      }
      if (fixed) {
        record_fix(ctx, r.text, fixed, box, r.conf, NULL);
        r.text = fixed;
      }
      char *value = b2j_ocr_value_glyphs_correct(r.text);
      if (value) {
        record_fix(ctx, r.text, value, box, r.conf,
                   "a date's or an amount's glyph read as a look-alike that no word puts there");
        r.text = value;
      }
    }
    /* Stray marks beside a value (the rings of a blurred %), numbers read
     * by either engine. */
    char *clean_marks = b2j_ocr_marks_correct(r.text);
    if (clean_marks) {
      record_fix(ctx, r.text, clean_marks, box, r.conf,
                 "stray marks beside a value, such as the rings of a % read as o or a digit");
      r.text = clean_marks;
      /* The alternatives were of the reading with its marks. */
      g_strfreev(r.alternatives);
      r.alternatives = NULL;
    }
    b2j_page_add_word(page, r.text, box, r.conf, B2J_ORIGIN_OCR);
    g_array_index(page->words, b2j_word, page->words->len - 1).alternatives = r.alternatives;
    g_array_append_val(word_region, c->region);
    sum_conf += r.conf;
    n_words++;
    b2j_ocr_region *rg = &g_array_index(regions, b2j_ocr_region, c->region);
    rg->conf = rg->conf < 0 ? r.conf : MIN(rg->conf, r.conf);
  }
  TMARK("recognise");
  b2j_ocr_join_after_pauses(page, 0, (const int *)word_region->data);
  g_array_free(word_region, TRUE);

  page->ocr_confidence = n_words ? sum_conf / n_words : 0;
  g_array_free(chunks, TRUE);
  pixDestroy(&clean);
  pixDestroy(&grey);

  if (ctx->debug) {
    ctx->dbg_gray = up;
    ctx->dbg_regions = regions;
    ctx->dbg_dpi = dpi;
  } else {
    pixDestroy(&up);
    g_array_free(regions, TRUE);
  }
  return true;
}
