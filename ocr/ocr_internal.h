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

/* image.c */
PIX *b2j_ocr_gray_from_rgb(const guint32 *rgb, int width, int height, int stride);
PIX *b2j_ocr_binarize(PIX *gray, double dpi);
PIX *b2j_ocr_line_mask(PIX *bin, double dpi);
guint32 *b2j_ocr_rgb_from_bin(PIX *bin, int *stride);

/* lexicon.c */
b2j_lexicon *b2j_lexicon_new(void);
void b2j_lexicon_free(b2j_lexicon *lex);
char *b2j_lexicon_lookup(const b2j_lexicon *lex, const char *text);
/* `text` with each window one glyph off a phrase of the indicator tables
 * (覆盖率, 按时完成) replaced by it, 不少干 before a number as 不少于, a
 * count's unit 欠 as 次, and no ASCII point after a Chinese glyph (before
 * another or at the end); NULL when nothing changed. g_free the result. */
char *b2j_lexicon_fix_phrases(const b2j_lexicon *lex, const char *text);

#endif
