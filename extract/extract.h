/* extract/: a PDF's bytes to Page IR through poppler-glib.
 *
 * Opens a document from memory (the caller read the file once, for the
 * checksum too), reports why a file cannot be opened in terms a user acts on
 * (not a PDF, encrypted, damaged), and turns each page's text layer into
 * positioned words. Rendering a page to pixels for OCR or ruling-line
 * detection also lives here, since poppler is the only thing that can draw it,
 * and so does the ink a page draws as paths (vector_ink.cc, through poppler's
 * C++ core: poppler-glib does not give paths out).
 *
 * A b2j_pdf is not shared between threads: open one per worker.
 */
#ifndef B2J_EXTRACT_H
#define B2J_EXTRACT_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "ir/ir.h"

typedef struct b2j_pdf b2j_pdf;

/* Why a file could not be opened; codes are the JSON errors[].code values. */
typedef enum {
  B2J_OPEN_OK = 0,
  B2J_OPEN_EMPTY,     /* "not_pdf": zero bytes */
  B2J_OPEN_NOT_PDF,   /* "not_pdf": no %PDF- header (HTML, images, text...) */
  B2J_OPEN_ENCRYPTED, /* "encrypted": needs a password, or the one given is wrong */
  B2J_OPEN_DAMAGED    /* "damaged": poppler could not parse it */
} b2j_open_status;

const char *b2j_open_status_code(b2j_open_status s);

/* Looks at the first bytes only; says what the file is when it is not a PDF
 * ("HTML", "PNG image", "ZIP archive", "text") in *what (static string), or
 * NULL when it looks like a PDF. */
b2j_open_status b2j_pdf_sniff(const guint8 *data, gsize len, const char **what);

/* Opens from memory. `bytes` is borrowed (poppler keeps its own reference).
 * On failure returns NULL, sets *status and *message (g_free it). */
b2j_pdf *b2j_pdf_open(GBytes *bytes, const char *password, b2j_open_status *status,
                      char **message);
void b2j_pdf_close(b2j_pdf *pdf);

int b2j_pdf_page_count(const b2j_pdf *pdf);

/* Document info dictionary title, or NULL (g_free it). */
char *b2j_pdf_title(const b2j_pdf *pdf);

/* Reads page `number` (1-based): size, rotation, words from the text layer
 * (one word per run of characters that poppler groups, with the union of
 * its glyph boxes), and whether it draws images. The caller owns the page
 * (b2j_page_free). Returns NULL if poppler cannot load the page. */
b2j_page *b2j_pdf_read_page(b2j_pdf *pdf, int number);

/* The page's plain text in poppler's reading order (g_free it), or NULL. */
char *b2j_pdf_page_text(b2j_pdf *pdf, int number);

/* Renders page `number` at `dpi` on white to 32-bit xRGB (cairo's
 * CAIRO_FORMAT_RGB24 layout, native-endian), `*stride` bytes a row; the
 * caller g_free()s the pixels. NULL on failure or when the page would exceed
 * `max_pixels` (a 20000x20000 pt page must not exhaust memory). */
guint32 *b2j_pdf_render_rgb(b2j_pdf *pdf, int number, double dpi, gint64 max_pixels,
                            int *width, int *height, int *stride);

/* One page held open, so that reading its words and rendering it share
 * poppler's work: poppler builds a page's text (a full pass over its
 * content) on the first of either, and a fresh page object would build it
 * again. Belongs to its b2j_pdf (close the page first) and, like it, to one
 * thread. */
typedef struct b2j_pdf_page b2j_pdf_page;

/* Page `number` (1-based), or NULL if out of range or poppler cannot load
 * it; b2j_pdf_page_close() it. */
b2j_pdf_page *b2j_pdf_page_open(b2j_pdf *pdf, int number);
void b2j_pdf_page_close(b2j_pdf_page *pp);

/* b2j_pdf_read_page() and b2j_pdf_render_rgb() on an open page; the same
 * ownership of what they return. */
b2j_page *b2j_pdf_page_read(b2j_pdf_page *pp);
guint32 *b2j_pdf_page_render_rgb(b2j_pdf_page *pp, double dpi, gint64 max_pixels, int *width,
                                 int *height, int *stride);
/* The same rendering into a buffer the caller keeps from page to page:
 * *buf (g_free it at the end; NULL to start) of *cap bytes, grown when the
 * page needs more. Touching fresh memory costs page faults, dear here
 * (see pipeline/main.c). False on failure. */
bool b2j_pdf_page_render_into(b2j_pdf_page *pp, double dpi, gint64 max_pixels, guint32 **buf,
                              gsize *cap, int *width, int *height, int *stride);

/* What a page's vector pass saw. */
typedef enum {
  B2J_VECTOR_OK = 0, /* every mark that is not text is a path: the ink is complete */
  B2J_VECTOR_UNSURE, /* it also draws images, shadings or patterns: render it */
  B2J_VECTOR_FAILED  /* poppler's interpreter could not run on it */
} b2j_vector_status;

/* The ink the page draws as paths, for ruling lines without a rendering:
 * each stroked straight, axis-parallel segment (as wide as its line) and
 * each filled axis-parallel rectangle, in a colour dark enough to show on
 * white, appended to `out` (of b2j_box) in points in the page as displayed.
 * Text is not interpreted, so this costs a fraction of a rendering. */
b2j_vector_status b2j_pdf_page_vector_ink(b2j_pdf_page *pp, GArray *out);

#endif
