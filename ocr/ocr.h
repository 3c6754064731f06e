/* ocr/: page images to Page IR — ruling lines for every page that has a table,
 * and (for pages without a usable text layer) words by tesseract.
 *
 * Image work is leptonica's. Nothing here keeps state between calls except
 * what a caller-owned context holds, so pages run in parallel with one
 * context per worker thread.
 */
#ifndef B2J_OCR_H
#define B2J_OCR_H

#include <glib.h>
#include <stdbool.h>

#include "ir/ir.h"

/* Finds horizontal and vertical ruling lines in a page rendering and adds
 * them to page->rules in page coordinates (points). `pixels` is 32-bit xRGB
 * as extract/'s b2j_pdf_render_rgb gives it (borrowed), `dpi` the rendering's
 * resolution. Returns the number of rules added. */
int b2j_rules_from_rgb(b2j_page *page, const guint32 *pixels, int width, int height, int stride,
                       double dpi);
/* The same from the ink a page draws as paths (`ink` of b2j_box in points,
 * borrowed, as extract/'s b2j_pdf_page_vector_ink gives it): boxes no
 * thicker than a rule are its fragments, a thicker filled area gives its
 * four edges, then the same joining and the same tests as on a rendering. */
int b2j_rules_from_ink(b2j_page *page, const GArray *ink);

/* ---------- OCR of a page without a usable text layer ----------
 *
 * A b2j_ocr_ctx holds the tesseract engines (eng for numbers, chi_sim for
 * Chinese) and the lexicon. Creating one costs about 0.2 s of CPU (models);
 * make one per worker thread and reuse it for every page. A context is never
 * shared between threads.
 *
 * Tesseract's OpenMP threads make it several times slower per page (and
 * pages run in parallel anyway). libgomp reads OMP_THREAD_LIMIT only when it
 * loads; tesseract, and libgomp with it, is loaded on first use
 * (ocr/tesseract_lazy.c), so b2j_ocr_process_init() at the start of main()
 * is early enough. */

typedef struct b2j_ocr_ctx b2j_ocr_ctx;

/* A Chinese reading replaced by its lexicon entry (a subject name, a table
 * title, a header or indicator word one character away). */
typedef struct {
  char *from;  /* as tesseract read it */
  char *to;    /* the lexicon entry */
  b2j_box box; /* points, upright page frame */
  double conf; /* tesseract's confidence in `from`, 0..1 */
  const char *why; /* static; NULL: a lexicon entry one character away */
} b2j_ocr_fix;

/* Sets OMP_THREAD_LIMIT=1 unless the environment already sets it. Changes
 * the environment: call before any thread starts. */
void b2j_ocr_process_init(void);

/* Whether tesseract's library can be loaded (loads it on the first call). */
bool b2j_ocr_tesseract_available(void);

/* Loads the engines from tesseract's default tessdata (or $TESSDATA_PREFIX).
 * NULL and *error set when a model is missing. Free with b2j_ocr_ctx_free. */
b2j_ocr_ctx *b2j_ocr_ctx_new(GError **error);
void b2j_ocr_ctx_free(b2j_ocr_ctx *ctx);

/* Keep the last page's image and regions for b2j_ocr_write_debug (costs one
 * page image of memory). Off by default. */
void b2j_ocr_ctx_set_debug(b2j_ocr_ctx *ctx, bool keep);

/* OCRs one page rendering (32-bit xRGB as b2j_pdf_render_rgb gives it,
 * borrowed; `dpi` its resolution, 300 recommended). Finds and undoes the
 * page's turn (90/180/270) and skew, drops a red seal, binarises, finds the
 * ruling lines and cells, and reads cell by cell and line by line.
 *
 * Adds to `page`: words, one per text chunk (a line of a cell, or a run of
 * text outside the cells up to a wide gap; Chinese without spaces), origin
 * OCR, conf 0..1 (a number's lowest digit confidence, a text's mean word
 * confidence), numeric tokens with alternatives (owned by the word); and
 * rules; all in points in the upright, deskewed frame; sets
 * source = OCR, rotation (the clockwise turn the scan had, undone here),
 * skew_deg (clockwise positive, as found), ocr_confidence (mean word
 * confidence), and width/height to the upright frame (swapped for a page
 * turned 90/270). text_layer is left as it was. Existing words are dropped
 * first (a garbled layer's words are replaced). Returns false with *error
 * set only when the image cannot be processed at all. */
bool b2j_ocr_page(b2j_ocr_ctx *ctx, b2j_page *page, const guint32 *rgb, int width, int height,
                  int stride, double dpi, GError **error);

/* Joins each OCR'd word of `page` from index `first` on that ends in a
 * comma-like mark (，、；) to the word just after it on its line, in the same
 * region (`region[i - first]` is word i's), less than an em away: the mark's
 * blank advance cut the line there, not a column gap. */
void b2j_ocr_join_after_pauses(b2j_page *page, guint first, const int *region);

/* Lexicon corrections made by the last b2j_ocr_page call: b2j_ocr_fix*,
 * borrowed from the context, valid until its next b2j_ocr_page or free. */
const GPtrArray *b2j_ocr_last_fixes(const b2j_ocr_ctx *ctx);

/* Corrects one OCR'd string with the lexicon: returns the entry (g_free it)
 * when `text` (mostly Chinese, >= 4 characters) is one substituted character,
 * or one extra non-Chinese mark, from exactly one entry; NULL when it is an
 * entry, the start or end of one (a wrapped cell), or nothing near. */
char *b2j_ocr_lexicon_correct(const b2j_ocr_ctx *ctx, const char *text);

/* Corrects the phrases of the indicator tables inside one OCR'd string:
 * a window one Chinese glyph off a phrase such as 覆盖率 or 按时完成 (only
 * when one phrase is that near), 不少干 before a number, 欠 after a digit.
 * Returns the corrected string (g_free it) or NULL when nothing changed. */
char *b2j_ocr_phrases_correct(const b2j_ocr_ctx *ctx, const char *text);

/* Corrects glyphs read as a look-alike (常 for 党, 梭 for 拨) where the
 * glyph meant makes a common word of these reports (党员, 拨付) and the
 * reading is no word there. Returns the corrected string (g_free it) or
 * NULL when nothing changed. */
char *b2j_ocr_lookalikes_correct(const b2j_ocr_ctx *ctx, const char *text);

/* Removes stray marks from one OCR'd value word (never from a text layer):
 * the rings of a blurred % read as glyphs of their own (≥90o% → ≥90%,
 * 100o%6 → 100%, ≥65%o → ≥65%, ≥85%0 → ≥85%, ≥929%0 → ≥92%), a closing
 * quote or 人 glued before a value (”95% → 95%, ”15年 → 15年, 人98% → 98%),
 * specks after one (≥90% -. → ≥90%), and o% (a lone % cell) → %. Only a
 * whole word that is an optional operator, one number and a % (or a short
 * Chinese unit) is touched, and only where the marks cannot belong to the
 * number: one digit beside marks (a lone % reads 9%0), a number over 100
 * once repaired, or a 0 or 2 before a % with a digit after it (10%0 may be
 * 1%) stay as read. Returns the repaired word (g_free it) or NULL. */
char *b2j_ocr_marks_correct(const char *text);

/* Glyphs of a date or an amount's unit read as a look-alike that no word
 * puts there: 且 for 月 and 旦 for 日 in a date (2020年12且31日前,
 * 12月31旦前), 苑 for 元 after a number (≤429苑). Returns the corrected
 * string (g_free it) or NULL when nothing changed. */
char *b2j_ocr_value_glyphs_correct(const char *text);

/* Whether an OCR'd chunk `width` x `height` pixels (the line's height),
 * whose ink spans `ink_w` x `ink_h`, with `n_tall` ink components reaching
 * past half of that height, read as `text` with confidence `conf` (0..1),
 * is a speck rather than a glyph: one Chinese character with no tall stroke,
 * read under 0.7, either narrower than 0.4 of the height (the 人 of 人98%, a
 * speck in the cell before 98%) or whose ink spans under half the height
 * both ways (a dot read 人 before 满足工作需要). */
bool b2j_ocr_speck_glyph(const char *text, int width, int height, int ink_w, int ink_h,
                         double conf, int n_tall);

/* Writes a PNG of the last page (needs b2j_ocr_ctx_set_debug(ctx, true)
 * before b2j_ocr_page): the upright, deskewed image with ruling lines (blue),
 * cells filled by confidence (green >= 0.9, orange >= 0.7, red below, grey
 * empty) and word boxes (purple). `page` is the page the call filled. */
bool b2j_ocr_write_debug(const b2j_ocr_ctx *ctx, const b2j_page *page, const char *path,
                         GError **error);

#endif
