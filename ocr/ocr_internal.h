/* Shared by the ocr/ sources only. */
#ifndef B2J_OCR_INTERNAL_H
#define B2J_OCR_INTERNAL_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "ocr.h"

/* A region read on its own: a table cell, or a stretch of text outside the
 * tables. Pixels in the upright, deskewed image. */
typedef struct {
  int x0, y0, x1, y1;
  bool cell;
  double conf; /* lowest word confidence inside, -1 when nothing was read */
} b2j_ocr_region;

typedef struct b2j_lexicon b2j_lexicon;

struct b2j_ocr_ctx {
  TessBaseAPI *eng; /* digits-and-punctuation alphabet, one line */
  TessBaseAPI *chi; /* chi_sim, one line */
  b2j_lexicon *lex;
  GPtrArray *fixes; /* of b2j_ocr_fix*, the last page's */
  bool debug;
  PIX *dbg_gray;    /* the last page, upright and deskewed (debug only) */
  GArray *dbg_regions; /* of b2j_ocr_region (debug only) */
  double dbg_dpi;
};

GQuark b2j_ocr_error_quark(void);

/* omp_serial.c: libgomp's ABI (its libgomp_g.h, which is not installed),
 * the entry points libtesseract imports, run in the calling thread. */
void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags);
void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads,
                            unsigned count, unsigned flags);
unsigned GOMP_sections_next(void);
void GOMP_sections_end_nowait(void);
/* Whether libtesseract's OpenMP regions run in the calling thread, through
 * these, rather than through libgomp. False only in a program linked without
 * the Makefile's EXPORT_OMP: tesseract then reads the same, at libgomp's
 * cost. */
bool b2j_ocr_openmp_serial(void);

/* image.c */
PIX *b2j_ocr_gray_from_rgb(const guint32 *rgb, int width, int height, int stride, double dpi);
/* The page's binarisation (pixDestroy it): Sauvola strict or, on a page of
 * faint strokes, loose. With `loose_too`, a page read strict also gives its
 * loose reading there (the caller pixDestroys it; NULL on a faint page or
 * when it could not be made), for the regions whose strokes are fainter than
 * the page's. */
PIX *b2j_ocr_binarize_both(PIX *gray, double dpi, PIX **loose_too);
PIX *b2j_ocr_binarize(PIX *gray, double dpi);
PIX *b2j_ocr_line_mask(PIX *bin, double dpi);
guint32 *b2j_ocr_rgb_from_bin(PIX *bin, int *stride);

/* rules.c, open to the tests: a rendering's ink, and the fragments of
 * ruling lines in it (before collinear ones are joined), in pixels. */
typedef struct {
  double x0, y0, x1, y1;
} b2j_rule_frag;

/* Ink of an xRGB rendering as a 1 bpp PIX (pixDestroy it), NULL on failure. */
PIX *b2j_rules_ink(const guint32 *pixels, int width, int height, int stride);
/* Appends to `out` (of b2j_rule_frag) the fragments of horizontal (or
 * vertical) rules at least `len` pixels long: the components of `bin`
 * opened with a len x 1 (1 x len) brick, a component thicker than
 * `thick_px` replaced by its runs of full lines. The _morph variant opens
 * with leptonica (the reference); the other reads runs of pixels, with the
 * same fragments in the same order, without making the opened images. */
void b2j_rules_fragments(PIX *bin, int len, bool horizontal, double thick_px, GArray *out);
void b2j_rules_fragments_morph(PIX *bin, int len, bool horizontal, double thick_px,
                               GArray *out);

/* lexicon.c */
b2j_lexicon *b2j_lexicon_new(void);
void b2j_lexicon_free(b2j_lexicon *lex);
char *b2j_lexicon_lookup(const b2j_lexicon *lex, const char *text);
/* `text` with each window one glyph off a phrase of the indicator tables
 * (覆盖率, 按时完成) replaced by it, 不少干 before a number as 不少于, a
 * count's unit 欠 as 次, and no ASCII point after a Chinese glyph (before
 * another or at the end); NULL when nothing changed. g_free the result. */
char *b2j_lexicon_fix_phrases(const b2j_lexicon *lex, const char *text);
/* `text` with each window that is a word of the look-alike vocabulary
 * (党员, 拨付, 提升 …) but for glyphs read as their look-alikes (常员, 梭付,
 * 担升) replaced by that word; NULL when nothing changed. g_free the result. */
char *b2j_lexicon_fix_lookalikes(const b2j_lexicon *lex, const char *text);

#endif
