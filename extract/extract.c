#include "extract.h"
#include "extract_internal.h"

#include <cairo.h>
#include <poppler.h>
#include <string.h>

struct b2j_pdf {
  PopplerDocument *doc;
  GBytes *bytes;          /* a reference, for the vector pass's own view */
  char *password;         /* NULL or a copy */
  b2j_vector_doc *vector; /* opened on the first vector pass; NULL until then */
  bool vector_tried;
};

const char *b2j_open_status_code(b2j_open_status s) {
  switch (s) {
  case B2J_OPEN_EMPTY:
  case B2J_OPEN_NOT_PDF:
    return "not_pdf";
  case B2J_OPEN_ENCRYPTED:
    return "encrypted";
  case B2J_OPEN_DAMAGED:
    return "damaged";
  case B2J_OPEN_OK:
  default:
    return "ok";
  }
}

static bool has_prefix_ci(const guint8 *data, gsize len, const char *prefix) {
  gsize n = strlen(prefix);
  return len >= n && g_ascii_strncasecmp((const char *)data, prefix, n) == 0;
}

b2j_open_status b2j_pdf_sniff(const guint8 *data, gsize len, const char **what) {
  *what = NULL;
  if (len == 0) {
    *what = "an empty file";
    return B2J_OPEN_EMPTY;
  }
  /* The PDF spec allows junk before the header; readers accept it within
   * the first kilobyte. */
  gsize window = len < 1024 ? len : 1024;
  for (gsize i = 0; i + 5 <= window; i++)
    if (memcmp(data + i, "%PDF-", 5) == 0)
      return B2J_OPEN_OK;
  /* Skip leading whitespace and a UTF-8 BOM to name what the file is. */
  gsize i = 0;
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    i = 3;
  while (i < len && g_ascii_isspace(data[i]))
    i++;
  const guint8 *p = data + i;
  gsize rest = len - i;
  if (has_prefix_ci(p, rest, "<!doctype html") || has_prefix_ci(p, rest, "<html") ||
      has_prefix_ci(p, rest, "<head") || has_prefix_ci(p, rest, "<!--"))
    *what = "HTML";
  else if (has_prefix_ci(p, rest, "<?xml"))
    *what = "XML";
  else if (rest >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
    *what = "a PNG image";
  else if (rest >= 3 && memcmp(p, "\xff\xd8\xff", 3) == 0)
    *what = "a JPEG image";
  else if (rest >= 4 && (memcmp(p, "II*\0", 4) == 0 || memcmp(p, "MM\0*", 4) == 0))
    *what = "a TIFF image";
  else if (rest >= 4 && memcmp(p, "PK\x03\x04", 4) == 0)
    *what = "a ZIP archive (perhaps a Word or Excel file)";
  else if (rest >= 8 && memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
    *what = "an old Office document";
  else if (g_utf8_validate((const char *)p, (gssize)(rest < 4096 ? rest : 4096), NULL))
    *what = "text";
  else
    *what = "binary data";
  return B2J_OPEN_NOT_PDF;
}

b2j_pdf *b2j_pdf_open(GBytes *bytes, const char *password, b2j_open_status *status,
                      char **message) {
  *message = NULL;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(bytes, &len);
  const char *what = NULL;
  *status = b2j_pdf_sniff(data, len, &what);
  if (*status != B2J_OPEN_OK) {
    *message = g_strdup_printf("not a PDF: the file is %s", what);
    return NULL;
  }
  GError *err = NULL;
  /* poppler 22.12's poppler_document_new_from_bytes crashes when a wrong
   * password is given (its retry reuses a freed stream); reading through a
   * memory stream takes another path and reports the error properly. */
  GInputStream *in = g_memory_input_stream_new_from_bytes(bytes);
  PopplerDocument *doc =
      poppler_document_new_from_stream(in, (goffset)len, password, NULL, &err);
  g_object_unref(in);
  if (!doc) {
    if (err && g_error_matches(err, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED)) {
      *status = B2J_OPEN_ENCRYPTED;
      *message = g_strdup(password ? "encrypted: the password given does not open it"
                                   : "encrypted: a password is needed (--password)");
    } else {
      *status = B2J_OPEN_DAMAGED;
      *message = g_strdup_printf("damaged: %s", err ? err->message : "poppler cannot parse it");
    }
    g_clear_error(&err);
    return NULL;
  }
  b2j_pdf *pdf = g_new0(b2j_pdf, 1);
  pdf->doc = doc;
  pdf->bytes = g_bytes_ref(bytes);
  pdf->password = g_strdup(password);
  *status = B2J_OPEN_OK;
  return pdf;
}

void b2j_pdf_close(b2j_pdf *pdf) {
  if (!pdf)
    return;
  b2j_vector_doc_close(pdf->vector);
  g_object_unref(pdf->doc);
  g_bytes_unref(pdf->bytes);
  g_free(pdf->password);
  g_free(pdf);
}

int b2j_pdf_page_count(const b2j_pdf *pdf) { return poppler_document_get_n_pages(pdf->doc); }

char *b2j_pdf_title(const b2j_pdf *pdf) {
  char *t = poppler_document_get_title(pdf->doc);
  if (t && !*g_strstrip(t)) {
    g_free(t);
    return NULL;
  }
  return t;
}

/* poppler applies the page's /Rotate itself: sizes, text boxes and renderings
 * all come in the frame of the page as displayed. */
static void displayed_size(PopplerPage *page, double *w, double *h) {
  poppler_page_get_size(page, w, h);
}

/* Cuts poppler's text into words at whitespace, each with the union of its
 * glyph boxes. poppler gives one rectangle per character of its text, in the
 * same order; CJK runs with no gap come out as one word, which layout/ splits
 * further by column when it needs to. */
static void words_from_text_layer(PopplerPage *page, b2j_page *out) {
  char *text = poppler_page_get_text(page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  if (!text || !poppler_page_get_text_layout(page, &rects, &n_rects)) {
    g_free(text);
    g_free(rects);
    return;
  }
  GString *word = g_string_new(NULL);
  b2j_box box = {0, 0, 0, 0};
  guint idx = 0;
  for (const char *p = text; *p && idx < n_rects; p = g_utf8_next_char(p), idx++) {
    gunichar c = g_utf8_get_char_validated(p, -1);
    if (c == (gunichar)-1 || c == (gunichar)-2)
      break; /* poppler returns valid UTF-8; stop rather than misalign if not */
    bool space = g_unichar_isspace(c) || c == 0x3000;
    if (space) {
      if (word->len) {
        b2j_page_add_word(out, g_strdup(word->str), box, -1, B2J_ORIGIN_TEXT);
        g_string_truncate(word, 0);
      }
      continue;
    }
    const PopplerRectangle *r = &rects[idx];
    b2j_box b = {MIN(r->x1, r->x2), MIN(r->y1, r->y2), MAX(r->x1, r->x2), MAX(r->y1, r->y2)};
    if (!word->len) {
      box = b;
    } else {
      /* A visible gap starts a new word even where poppler put no space:
       * adjacent table cells (a right-aligned number, then the next
       * column's text) often sit closer than poppler's word spacing, and
       * layout/ needs them apart. Glyphs of one CJK run or one number abut,
       * so a quarter of the glyph height is a safe cut. */
      double hgt = MAX(box.y1 - box.y0, b.y1 - b.y0);
      bool same_line = b.y0 < box.y1 - hgt * 0.3 && b.y1 > box.y0 + hgt * 0.3;
      bool near = b.x0 <= box.x1 + hgt * 0.25 && b.x0 >= box.x0 - hgt * 0.5;
      if (!same_line || !near) {
        b2j_page_add_word(out, g_strdup(word->str), box, -1, B2J_ORIGIN_TEXT);
        g_string_truncate(word, 0);
        box = b;
      } else {
        box.x0 = MIN(box.x0, b.x0);
        box.y0 = MIN(box.y0, b.y0);
        box.x1 = MAX(box.x1, b.x1);
        box.y1 = MAX(box.y1, b.y1);
      }
    }
    g_string_append_unichar(word, c);
  }
  if (word->len)
    b2j_page_add_word(out, g_strdup(word->str), box, -1, B2J_ORIGIN_TEXT);
  g_string_free(word, TRUE);
  g_free(rects);
  g_free(text);
}

struct b2j_pdf_page {
  PopplerPage *page; /* owned */
  b2j_pdf *pdf;      /* borrowed: the page's document */
  int number;
};

b2j_pdf_page *b2j_pdf_page_open(b2j_pdf *pdf, int number) {
  if (number < 1 || number > b2j_pdf_page_count(pdf))
    return NULL;
  PopplerPage *page = poppler_document_get_page(pdf->doc, number - 1);
  if (!page)
    return NULL;
  b2j_pdf_page *pp = g_new0(b2j_pdf_page, 1);
  pp->page = page;
  pp->pdf = pdf;
  pp->number = number;
  return pp;
}

void b2j_pdf_page_close(b2j_pdf_page *pp) {
  if (!pp)
    return;
  g_object_unref(pp->page);
  g_free(pp);
}

b2j_page *b2j_pdf_page_read(b2j_pdf_page *pp) {
  PopplerPage *page = pp->page;
  double w, h;
  displayed_size(page, &w, &h);
  b2j_page *out = b2j_page_new(pp->number, w, h);
  words_from_text_layer(page, out);
  /* Image mapping costs a second pass over the page; it only matters when
   * the page has little text (a scan, or a chart). */
  if (out->words->len < 20) {
    GList *images = poppler_page_get_image_mapping(page);
    out->has_images = images != NULL;
    poppler_page_free_image_mapping(images);
  }
  return out;
}

b2j_page *b2j_pdf_read_page(b2j_pdf *pdf, int number) {
  b2j_pdf_page *pp = b2j_pdf_page_open(pdf, number);
  if (!pp)
    return NULL;
  b2j_page *out = b2j_pdf_page_read(pp);
  b2j_pdf_page_close(pp);
  return out;
}

char *b2j_pdf_page_text(b2j_pdf *pdf, int number) {
  PopplerPage *page = poppler_document_get_page(pdf->doc, number - 1);
  if (!page)
    return NULL;
  char *t = poppler_page_get_text(page);
  g_object_unref(page);
  return t;
}

bool b2j_pdf_page_render_into(b2j_pdf_page *pp, double dpi, gint64 max_pixels, guint32 **buf,
                              gsize *cap, int *width, int *height, int *stride) {
  PopplerPage *page = pp->page;
  double w, h;
  displayed_size(page, &w, &h);
  double scale = dpi / 72.0;
  double pw = w * scale, ph = h * scale;
  if (pw < 1 || ph < 1 || pw * ph > (double)max_pixels || pw > 32000 || ph > 32000)
    return false;
  int iw = (int)(pw + 0.5), ih = (int)(ph + 0.5);
  int st = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, iw);
  gsize need = (gsize)st * (gsize)ih;
  if (need > *cap) {
    guint32 *grown = g_try_realloc(*buf, need);
    if (!grown)
      return false;
    *buf = grown;
    *cap = need;
  }
  cairo_surface_t *surf =
      cairo_image_surface_create_for_data((unsigned char *)*buf, CAIRO_FORMAT_RGB24, iw, ih, st);
  cairo_t *cr = cairo_create(surf);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  poppler_page_render(page, cr);
  cairo_destroy(cr);
  cairo_surface_flush(surf);
  bool ok = cairo_surface_status(surf) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surf);
  if (!ok)
    return false;
  *width = iw;
  *height = ih;
  *stride = st;
  return true;
}

guint32 *b2j_pdf_page_render_rgb(b2j_pdf_page *pp, double dpi, gint64 max_pixels, int *width,
                                 int *height, int *stride) {
  guint32 *px = NULL;
  gsize cap = 0;
  if (!b2j_pdf_page_render_into(pp, dpi, max_pixels, &px, &cap, width, height, stride)) {
    g_free(px);
    return NULL;
  }
  return px;
}

guint32 *b2j_pdf_render_rgb(b2j_pdf *pdf, int number, double dpi, gint64 max_pixels,
                            int *width, int *height, int *stride) {
  b2j_pdf_page *pp = b2j_pdf_page_open(pdf, number);
  if (!pp)
    return NULL;
  guint32 *px = b2j_pdf_page_render_rgb(pp, dpi, max_pixels, width, height, stride);
  b2j_pdf_page_close(pp);
  return px;
}

b2j_vector_status b2j_pdf_page_vector_ink(b2j_pdf_page *pp, GArray *out) {
  b2j_pdf *pdf = pp->pdf;
  if (!pdf->vector_tried) {
    pdf->vector_tried = true;
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(pdf->bytes, &len);
    pdf->vector = b2j_vector_doc_open(data, len, pdf->password);
  }
  if (!pdf->vector)
    return B2J_VECTOR_FAILED;
  double w, h;
  displayed_size(pp->page, &w, &h);
  return b2j_vector_doc_ink(pdf->vector, pp->number, w, h, out);
}
