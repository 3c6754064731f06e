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

#endif
