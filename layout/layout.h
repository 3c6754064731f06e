/* layout/: positioned words and ruling lines to text lines and table grids.
 *
 * Works on Page IR only, so a born-digital page and an OCR'd page take the
 * same path. Results own their strings; the pages they came from are
 * borrowed and must outlive nothing here (indices, not pointers, refer back).
 */
#ifndef B2J_LAYOUT_H
#define B2J_LAYOUT_H

#include <glib.h>

#include "ir/ir.h"

/* A line of text: words that share a baseline band, left to right. */
typedef struct {
  char *text;      /* words joined; a space only where the gap is wide */
  b2j_box box;
  GArray *words;   /* of guint: indices into page->words */
} b2j_line;

void b2j_line_free(b2j_line *l);

/* Groups a page's words into lines, top to bottom. Returns a GPtrArray of
 * b2j_line* that frees its elements; the caller g_ptr_array_unref()s it. */
GPtrArray *b2j_layout_lines(const b2j_page *page);

#endif
