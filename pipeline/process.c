#include "process.h"

#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "extract/extract.h"
#include "interpret/interpret.h"
#include "layout/layout.h"
#include "normalize/normalize.h"
#include "ocr/ocr.h"
#include "validate/validate.h"

/* Pages without a usable text layer are read from a 300 dpi rendering:
 * tesseract's models are trained near that resolution, and a table's digits
 * are then 25-40 pixels tall. */
#define OCR_DPI 300.0
/* A page over this many pixels at OCR_DPI (an A3 sheet is 35 Mpx) is
 * rendered at a lower resolution instead of exhausting memory. */
#define OCR_MAX_PIXELS 40000000

/* Ruling lines are found on a rendering; 72 dpi keeps a 0.5 pt rule visible
 * while costing a few milliseconds a page. */
#define RULES_DPI 72.0
/* No rendering for rules larger than this (a 20000 pt page would need 7.7e10
 * pixels at 72 dpi): such a page is read from its words alone. */
#define RULES_MAX_PIXELS 40000000

/* Reads the whole file: it is hashed and parsed from the same bytes. */
static GBytes *read_input(b2j_doc *doc, const char *path, const b2j_options *opt) {
  GError *err = NULL;
  char *data = NULL;
  gsize len = 0;
  if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
    b2j_doc_error(doc, "unreadable", 0, "unable to read '%s': it is a directory", path);
    return NULL;
  }
  if (opt->max_bytes > 0) {
    GStatBuf st;
    if (g_stat(path, &st) == 0 && st.st_size > opt->max_bytes) {
      doc->source.bytes = st.st_size;
      b2j_doc_error(doc, "too_large", 0, "'%s' is %lld bytes, over the limit of %lld", path,
                    (long long)st.st_size, opt->max_bytes);
      return NULL;
    }
  }
  if (!g_file_get_contents(path, &data, &len, &err)) {
    b2j_doc_error(doc, "unreadable", 0, "unable to read '%s': %s", path, err->message);
    g_error_free(err);
    return NULL;
  }
  return g_bytes_new_take(data, len);
}

static void hash_input(b2j_doc *doc, GBytes *bytes) {
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(bytes, &len);
  doc->source.sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
  doc->source.bytes = (gint64)len;
}

/* Decides each page's text-layer quality and repairs its words in place, so
 * that everything after sees the same clean text either way. */
static void repair_text_layer(b2j_page *page) {
  if (page->words->len == 0) {
    page->text_layer = B2J_LAYER_NONE;
    return;
  }
  GPtrArray *texts = g_ptr_array_sized_new(page->words->len);
  for (guint i = 0; i < page->words->len; i++)
    g_ptr_array_add(texts, g_array_index(page->words, b2j_word, i).text);
  page->text_layer =
      b2j_text_layer_assess_words((const char *const *)texts->pdata, texts->len, NULL);
  g_ptr_array_free(texts, TRUE);
  if (page->text_layer == B2J_LAYER_GARBLED || page->text_layer == B2J_LAYER_NONE)
    return;
  for (guint i = 0; i < page->words->len; i++) {
    b2j_word *w = &g_array_index(page->words, b2j_word, i);
    char *fixed = b2j_text_repair(w->text, NULL);
    if (fixed) {
      g_free(w->text);
      w->text = fixed;
    }
  }
}

/* --debug-dir: DIR/NAME-pNNN.png, the page as OCR saw it with its lines,
 * cells (coloured by confidence) and words drawn over it. */
static void write_debug_png(b2j_doc *doc, const b2j_ocr_ctx *ocr, const b2j_page *page,
                            const char *path, const char *dir) {
  char *base = g_path_get_basename(path);
  char *dot = strrchr(base, '.');
  if (dot && dot != base)
    *dot = '\0';
  char *name = g_strdup_printf("%s-p%03d.png", base, page->number);
  char *file = g_build_filename(dir, name, NULL);
  GError *err = NULL;
  if (g_mkdir_with_parents(dir, 0755) != 0 || !b2j_ocr_write_debug(ocr, page, file, &err))
    b2j_doc_warn(doc, "debug_failed", page->number, NULL, "page %d: cannot write '%s'%s%s",
                 page->number, file, err ? ": " : "", err ? err->message : "");
  g_clear_error(&err);
  g_free(file);
  g_free(name);
  g_free(base);
}

/* Reads a page with no usable text layer through OCR. The engine is loaded
 * on the first such page of the document and kept for the rest. Returns false
 * (with a warning saying why) when the page stays unread. */
static bool ocr_page(b2j_doc *doc, b2j_pdf *pdf, b2j_page *page, b2j_ocr_ctx **ocr,
                     bool *ocr_failed, const char *path, const b2j_options *opt) {
  int n = page->number;
  const char *why = page->text_layer == B2J_LAYER_GARBLED ? "the text layer is garbled"
                                                          : "the page has no text layer";
  if (!*ocr && !*ocr_failed) {
    GError *err = NULL;
    *ocr = b2j_ocr_ctx_new(&err);
    if (*ocr && opt->debug_dir)
      b2j_ocr_ctx_set_debug(*ocr, true);
    if (!*ocr) {
      *ocr_failed = true;
      b2j_doc_warn(doc, "ocr_unavailable", n, NULL, "OCR cannot start: %s",
                   err ? err->message : "unknown error");
      g_clear_error(&err);
    }
  }
  if (!*ocr) {
    b2j_doc_warn(doc, "needs_ocr", n, NULL, "page %d: %s and OCR is not available", n, why);
    return false;
  }
  /* A huge page gets a lower resolution rather than no reading at all. */
  double dpi = OCR_DPI;
  double px = (page->width * dpi / 72.0) * (page->height * dpi / 72.0);
  if (px > OCR_MAX_PIXELS)
    dpi = dpi * sqrt(OCR_MAX_PIXELS / px);
  int w = 0, h = 0, stride = 0;
  guint32 *rgb = b2j_pdf_render_rgb(pdf, n, dpi, OCR_MAX_PIXELS, &w, &h, &stride);
  if (!rgb) {
    b2j_doc_warn(doc, "needs_ocr", n, NULL, "page %d: %s and it cannot be rendered for OCR", n,
                 why);
    return false;
  }
  GError *err = NULL;
  bool ok = b2j_ocr_page(*ocr, page, rgb, w, h, stride, dpi, &err);
  g_free(rgb);
  if (!ok) {
    b2j_doc_warn(doc, "ocr_failed", n, NULL, "page %d: OCR failed: %s", n,
                 err ? err->message : "unknown error");
    g_clear_error(&err);
    return false;
  }
  /* OCR'd text takes the same repair as a text layer's (full-width forms,
   * look-alikes, spacing). */
  for (guint k = 0; k < page->words->len; k++) {
    b2j_word *wd = &g_array_index(page->words, b2j_word, k);
    char *fixed = b2j_text_repair(wd->text, NULL);
    if (fixed) {
      g_free(wd->text);
      wd->text = fixed;
    }
  }
  if (opt->debug_dir)
    write_debug_png(doc, *ocr, page, path, opt->debug_dir);
  if (page->words->len == 0) {
    /* Nothing legible: a blank scan, or an image too faint to read. */
    b2j_doc_warn(doc, "blank_page", n, NULL, "page %d: OCR found no text on it", n);
    return false;
  }
  const GPtrArray *fixes = b2j_ocr_last_fixes(*ocr);
  for (guint k = 0; fixes && k < fixes->len; k++) {
    const b2j_ocr_fix *f = g_ptr_array_index(fixes, k);
    b2j_doc_warn(doc, "ocr_text_corrected", n, NULL,
                 "page %d: '%s' read by OCR corrected to '%s' (one character from a known term)",
                 n, f->from, f->to);
  }
  return true;
}

b2j_doc *b2j_process_file(const char *path, const b2j_options *opt) {
  b2j_doc *doc = b2j_doc_new(path);
  GBytes *bytes = read_input(doc, path, opt);
  if (!bytes) {
    doc->status = B2J_STATUS_FAILED;
    return doc;
  }
  hash_input(doc, bytes);

  b2j_open_status st;
  char *msg = NULL;
  b2j_pdf *pdf = b2j_pdf_open(bytes, opt->password, &st, &msg);
  if (!pdf) {
    b2j_doc_error(doc, b2j_open_status_code(st), 0, "'%s' is %s", path, msg);
    g_free(msg);
    g_bytes_unref(bytes);
    doc->status = B2J_STATUS_FAILED;
    return doc;
  }

  int n = b2j_pdf_page_count(pdf);
  doc->source.pages = n;
  if (n <= 0) {
    b2j_doc_error(doc, "no_pages", 0, "'%s' has no pages", path);
    doc->status = B2J_STATUS_FAILED;
    b2j_pdf_close(pdf);
    g_bytes_unref(bytes);
    return doc;
  }
  int limit = n;
  if (opt->max_pages > 0 && n > opt->max_pages) {
    limit = opt->max_pages;
    b2j_doc_error(doc, "too_many_pages", 0,
                  "'%s' has %d pages; only the first %d were read (--max-pages)", path, n,
                  limit);
  }

  int unread = 0;
  b2j_ocr_ctx *ocr = NULL;
  bool ocr_failed = false;
  for (int i = 1; i <= limit; i++) {
    b2j_page *page = b2j_pdf_read_page(pdf, i);
    if (!page) {
      b2j_doc_error(doc, "damaged", i, "unable to read page %d of '%s'", i, path);
      page = b2j_page_new(i, 0, 0);
      unread++;
    } else {
      repair_text_layer(page);
      bool needs_ocr = page->text_layer == B2J_LAYER_GARBLED ||
                       (page->text_layer == B2J_LAYER_NONE && page->has_images);
      if (needs_ocr && !ocr_page(doc, pdf, page, &ocr, &ocr_failed, path, opt))
        unread++;
    }
    g_ptr_array_add(doc->pages, page);
  }

  b2j_ocr_ctx_free(ocr);

  /* Tables: rules from a rendering where a page may hold a table, then grids
   * from words and rules. OCR'd pages came with their rules. */
  GPtrArray *page_grids = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < doc->pages->len; i++) {
    b2j_page *page = g_ptr_array_index(doc->pages, i);
    bool ocrd = page->source == B2J_SOURCE_OCR;
    bool usable =
        ocrd || page->text_layer == B2J_LAYER_CLEAN || page->text_layer == B2J_LAYER_REPAIRED;
    if (usable && !ocrd && b2j_layout_page_may_have_table(page)) {
      int w = 0, h = 0, stride = 0;
      guint32 *px = b2j_pdf_render_rgb(pdf, page->number, RULES_DPI, RULES_MAX_PIXELS, &w, &h,
                                       &stride);
      if (px)
        b2j_rules_from_rgb(page, px, w, h, stride, RULES_DPI);
      g_free(px);
    }
    g_ptr_array_add(page_grids, usable ? b2j_layout_tables(page)
                                       : g_ptr_array_new_with_free_func(
                                             (GDestroyNotify)b2j_grid_free));
  }

  char *info_title = b2j_pdf_title(pdf);
  b2j_interpret_document(doc, info_title);
  g_free(info_title);
  b2j_interpret_tables(doc, page_grids);
  b2j_interpret_figures(doc, page_grids);
  b2j_interpret_kinds(doc);
  g_ptr_array_unref(page_grids);
  b2j_validate(doc);
  if (!opt->no_repair)
    b2j_repair(doc);

  b2j_pdf_close(pdf);
  g_bytes_unref(bytes);

  if (doc->errors->len > 0 || unread > 0)
    doc->status = unread >= limit ? B2J_STATUS_FAILED : B2J_STATUS_PARTIAL;
  if (doc->status == B2J_STATUS_FAILED && unread >= limit && doc->errors->len == 0)
    b2j_doc_error(doc, "unreadable_pages", 0, "no page of '%s' has a usable text layer", path);
  return doc;
}
