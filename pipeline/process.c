#include "process.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <string.h>
#include <unistd.h>

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

/* ---------- OCR of the pages without a usable text layer ----------
 *
 * The main thread reads and renders pages (a b2j_pdf is not shared between
 * threads) and hands each rendering to a pool of OCR workers, one tesseract
 * context per running worker. Workers only touch their own page and job; what
 * they have to say is kept as notes and joins the document's warnings after
 * the pool is done, in page order, so the output does not depend on the
 * number of threads. */

typedef struct {
  char *code; /* warning code (static string, not owned) */
  char *text; /* the message; owned */
} ocr_note;

typedef struct {
  GAsyncQueue *idle;   /* b2j_ocr_ctx* not in use; owned by ocr_pages() */
  GMutex lock;         /* guards in_flight and own_busy */
  GCond slot_freed;    /* signalled when a rendering is released */
  int in_flight;       /* renderings alive (bounded: each is ~35 MB at 300 dpi) */
  const b2j_slots *slots; /* the batch's tokens (borrowed), or NULL: no slots taken */
  bool own_busy;       /* a job runs in the process's own slot */
  int wake[2];         /* a job left the own slot: a byte here wakes take_slot() */
  const char *path;    /* the input as named (debug file names); borrowed */
  const b2j_options *opt; /* borrowed */
} ocr_shared;

typedef struct {
  b2j_page *page;   /* borrowed from the document; only this job touches it */
  guint32 *rgb;     /* the rendering; owned, freed as soon as it is read */
  int width, height, stride;
  double dpi;
  const char *why;  /* why the page needs OCR (static string) */
  GArray *notes;    /* ocr_note, in the order they arose; owned */
  bool read;        /* the page came out with words */
  int slot;         /* SLOT_NONE, SLOT_OWN or SLOT_TOKEN: what the job holds */
  ocr_shared *shared; /* borrowed */
} ocr_job;

enum { SLOT_NONE, SLOT_OWN, SLOT_TOKEN };

static void ocr_note_clear(gpointer p) { g_free(((ocr_note *)p)->text); }

static void job_note(ocr_job *job, const char *code, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static void job_note(ocr_job *job, const char *code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ocr_note n = {.code = (char *)code, .text = g_strdup_vprintf(fmt, ap)};
  va_end(ap);
  g_array_append_val(job->notes, n);
}

/* --debug-dir: DIR/NAME-pNNN.png, the page as OCR saw it with its lines,
 * cells (coloured by confidence) and words drawn over it. */
static void write_debug_png(ocr_job *job, const b2j_ocr_ctx *ocr, const char *dir) {
  const b2j_page *page = job->page;
  char *base = g_path_get_basename(job->shared->path);
  char *dot = strrchr(base, '.');
  if (dot && dot != base)
    *dot = '\0';
  char *name = g_strdup_printf("%s-p%03d.png", base, page->number);
  char *file = g_build_filename(dir, name, NULL);
  GError *err = NULL;
  if (g_mkdir_with_parents(dir, 0755) != 0 || !b2j_ocr_write_debug(ocr, page, file, &err))
    job_note(job, "debug_failed", "page %d: cannot write '%s'%s%s", page->number, file,
             err ? ": " : "", err ? err->message : "");
  g_clear_error(&err);
  g_free(file);
  g_free(name);
  g_free(base);
}

static void release_rendering(ocr_job *job) {
  if (!job->rgb)
    return;
  g_free(job->rgb);
  job->rgb = NULL;
  ocr_shared *sh = job->shared;
  g_mutex_lock(&sh->lock);
  sh->in_flight--;
  g_cond_signal(&sh->slot_freed);
  g_mutex_unlock(&sh->lock);
}

/* Takes an idle context, or makes one (the pool never runs more jobs than
 * threads, so there are never more contexts than threads). When a new one
 * cannot be made, waits for one in use: the first was made before the pool
 * started, so one is always coming back. */
static b2j_ocr_ctx *take_context(ocr_shared *sh) {
  b2j_ocr_ctx *ocr = g_async_queue_try_pop(sh->idle);
  if (ocr)
    return ocr;
  ocr = b2j_ocr_ctx_new(NULL);
  if (ocr && sh->opt->debug_dir)
    b2j_ocr_ctx_set_debug(ocr, true);
  return ocr ? ocr : g_async_queue_pop(sh->idle);
}

/* In a batch (sh->slots), a page is OCR'd only in a slot: the process's
 * own, else a token of the batch's (pipeline/slots.h). Waits for whichever
 * comes first; main thread only. */
static int take_slot(ocr_shared *sh) {
  for (;;) {
    g_mutex_lock(&sh->lock);
    bool own = !sh->own_busy;
    if (own)
      sh->own_busy = true;
    g_mutex_unlock(&sh->lock);
    if (own)
      return SLOT_OWN;
    if (b2j_slots_try_take(sh->slots))
      return SLOT_TOKEN;
    /* A job freeing the own slot after the check above has written to
     * wake, so this does not sleep through it. */
    struct pollfd p[2] = {{.fd = sh->slots->rfd, .events = POLLIN},
                          {.fd = sh->wake[0], .events = POLLIN}};
    if (poll(p, 2, -1) < 0 && errno != EINTR)
      return SLOT_NONE; /* cannot wait: run over the limit rather than stop */
    char buf[16];
    while (read(sh->wake[0], buf, sizeof buf) > 0) {
    }
  }
}

static void give_slot(ocr_job *job) {
  ocr_shared *sh = job->shared;
  if (job->slot == SLOT_TOKEN) {
    b2j_slots_give_back(sh->slots);
  } else if (job->slot == SLOT_OWN) {
    g_mutex_lock(&sh->lock);
    sh->own_busy = false;
    g_mutex_unlock(&sh->lock);
    while (write(sh->wake[1], "+", 1) < 0 && errno == EINTR) {
    }
  }
  job->slot = SLOT_NONE;
}

/* Reads one rendered page through OCR (any thread). */
static void ocr_job_run(ocr_job *job) {
  ocr_shared *sh = job->shared;
  b2j_page *page = job->page;
  int n = page->number;
  b2j_ocr_ctx *ocr = take_context(sh);
  GError *err = NULL;
  bool ok = b2j_ocr_page(ocr, page, job->rgb, job->width, job->height, job->stride, job->dpi,
                         &err);
  release_rendering(job);
  if (!ok) {
    job_note(job, "ocr_failed", "page %d: OCR failed: %s", n,
             err ? err->message : "unknown error");
    g_clear_error(&err);
    g_async_queue_push(sh->idle, ocr);
    return;
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
  if (sh->opt->debug_dir)
    write_debug_png(job, ocr, sh->opt->debug_dir);
  if (page->words->len == 0) {
    /* Nothing legible: a blank scan, or an image too faint to read. */
    job_note(job, "blank_page", "page %d: OCR found no text on it", n);
  } else {
    job->read = true;
    const GPtrArray *fixes = b2j_ocr_last_fixes(ocr);
    for (guint k = 0; fixes && k < fixes->len; k++) {
      const b2j_ocr_fix *f = g_ptr_array_index(fixes, k);
      if (*f->to)
        job_note(job, "ocr_text_corrected", "page %d: '%s' read by OCR corrected to '%s' (%s)", n,
                 f->from, f->to, f->why ? f->why : "one character from a known term");
      else
        job_note(job, "ocr_text_corrected", "page %d: '%s' read by OCR dropped (%s)", n, f->from,
                 f->why ? f->why : "no text");
    }
  }
  g_async_queue_push(sh->idle, ocr);
}

/* Only pool jobs hold slots (ocr_pages). */
static void ocr_job_run_in_pool(gpointer data, gpointer user_data) {
  (void)user_data;
  ocr_job_run(data);
  give_slot(data);
}

/* Renders the page for OCR (main thread), waiting while `limit` renderings
 * are alive. False with a note when it cannot be rendered. */
static bool render_for_ocr(b2j_pdf *pdf, ocr_job *job, int limit) {
  ocr_shared *sh = job->shared;
  b2j_page *page = job->page;
  g_mutex_lock(&sh->lock);
  while (sh->in_flight >= limit)
    g_cond_wait(&sh->slot_freed, &sh->lock);
  sh->in_flight++;
  g_mutex_unlock(&sh->lock);
  /* A huge page gets a lower resolution rather than no reading at all. */
  double dpi = OCR_DPI;
  double px = (page->width * dpi / 72.0) * (page->height * dpi / 72.0);
  if (px > OCR_MAX_PIXELS)
    dpi = dpi * sqrt(OCR_MAX_PIXELS / px);
  job->dpi = dpi;
  job->rgb = b2j_pdf_render_rgb(pdf, page->number, dpi, OCR_MAX_PIXELS, &job->width,
                                &job->height, &job->stride);
  if (job->rgb)
    return true;
  g_mutex_lock(&sh->lock);
  sh->in_flight--;
  g_mutex_unlock(&sh->lock);
  job_note(job, "needs_ocr", "page %d: %s and it cannot be rendered for OCR", page->number,
           job->why);
  return false;
}

/* OCRs the pages of `doc` that need it with up to `threads` workers, and
 * adds what happened to the document's warnings in page order. Returns the
 * number of pages left unread. */
static int ocr_pages(b2j_doc *doc, b2j_pdf *pdf, const GPtrArray *todo, const char *path,
                     const b2j_options *opt) {
  if (todo->len == 0)
    return 0;
  GError *err = NULL;
  b2j_ocr_ctx *first = b2j_ocr_ctx_new(&err);
  if (!first) {
    b2j_doc_warn(doc, "ocr_unavailable", ((b2j_page *)g_ptr_array_index(todo, 0))->number,
                 NULL, "OCR cannot start: %s", err ? err->message : "unknown error");
    g_clear_error(&err);
    for (guint i = 0; i < todo->len; i++) {
      b2j_page *page = g_ptr_array_index(todo, i);
      const char *why = page->text_layer == B2J_LAYER_GARBLED ? "the text layer is garbled"
                                                              : "the page has no text layer";
      b2j_doc_warn(doc, "needs_ocr", page->number, NULL,
                   "page %d: %s and OCR is not available", page->number, why);
    }
    return (int)todo->len;
  }
  if (opt->debug_dir)
    b2j_ocr_ctx_set_debug(first, true);

  ocr_shared sh = {.idle = g_async_queue_new(), .path = path, .opt = opt, .wake = {-1, -1}};
  g_mutex_init(&sh.lock);
  g_cond_init(&sh.slot_freed);
  g_async_queue_push(sh.idle, first);
  int threads = MAX(1, MIN(opt->threads, (int)todo->len));
  GThreadPool *pool = NULL;
  if (threads > 1)
    pool = g_thread_pool_new(ocr_job_run_in_pool, NULL, threads, FALSE, NULL);
  /* Without a wake pipe the slots cannot be waited for: the pages then run
   * `threads` at once, as outside a batch. */
  if (pool && opt->slots && g_unix_open_pipe(sh.wake, FD_CLOEXEC, NULL) &&
      g_unix_set_fd_nonblocking(sh.wake[0], TRUE, NULL))
    sh.slots = opt->slots;

  ocr_job *jobs = g_new0(ocr_job, todo->len); /* freed below */
  for (guint i = 0; i < todo->len; i++) {
    ocr_job *job = &jobs[i];
    job->page = g_ptr_array_index(todo, i);
    job->shared = &sh;
    job->notes = g_array_new(FALSE, FALSE, sizeof(ocr_note));
    g_array_set_clear_func(job->notes, ocr_note_clear);
    job->why = job->page->text_layer == B2J_LAYER_GARBLED ? "the text layer is garbled"
                                                          : "the page has no text layer";
    /* One rendering ahead of the workers keeps them busy without holding
     * every page image of a long scan at once. */
    if (!render_for_ocr(pdf, job, threads + 1))
      continue;
    if (sh.slots)
      job->slot = take_slot(&sh);
    if (pool)
      g_thread_pool_push(pool, job, NULL);
    else
      ocr_job_run(job);
  }
  if (pool)
    g_thread_pool_free(pool, FALSE, TRUE); /* waits for every job */

  int unread = 0;
  for (guint i = 0; i < todo->len; i++) {
    ocr_job *job = &jobs[i];
    for (guint k = 0; k < job->notes->len; k++) {
      const ocr_note *nt = &g_array_index(job->notes, ocr_note, k);
      b2j_doc_warn(doc, nt->code, job->page->number, NULL, "%s", nt->text);
    }
    unread += !job->read;
    g_array_free(job->notes, TRUE);
  }
  g_free(jobs);
  b2j_ocr_ctx *ocr;
  while ((ocr = g_async_queue_try_pop(sh.idle)))
    b2j_ocr_ctx_free(ocr);
  g_async_queue_unref(sh.idle);
  for (int k = 0; k < 2; k++)
    if (sh.wake[k] >= 0)
      close(sh.wake[k]);
  g_mutex_clear(&sh.lock);
  g_cond_clear(&sh.slot_freed);
  return unread;
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
  GPtrArray *todo = g_ptr_array_new(); /* pages that need OCR, borrowed; freed below */
  guint32 *rules_px = NULL; /* the renderings for rules, one page after another; freed below */
  gsize rules_cap = 0;
  GArray *ink = g_array_new(FALSE, FALSE, sizeof(b2j_box)); /* a page's path ink; freed below */
  for (int i = 1; i <= limit; i++) {
    b2j_pdf_page *pp = b2j_pdf_page_open(pdf, i);
    b2j_page *page = pp ? b2j_pdf_page_read(pp) : NULL;
    if (!page) {
      b2j_doc_error(doc, "damaged", i, "unable to read page %d of '%s'", i, path);
      page = b2j_page_new(i, 0, 0);
      unread++;
    } else {
      repair_text_layer(page);
      if (page->text_layer == B2J_LAYER_GARBLED ||
          (page->text_layer == B2J_LAYER_NONE && page->has_images)) {
        g_ptr_array_add(todo, page);
      } else if ((page->text_layer == B2J_LAYER_CLEAN ||
                  page->text_layer == B2J_LAYER_REPAIRED) &&
                 b2j_layout_page_may_have_table(page)) {
        /* Rules where a page may hold a table: from the paths it draws,
         * unless it also draws images or shadings, which only a rendering
         * shows. That rendering is drawn now from the page object its text
         * came from: poppler reuses that text instead of extracting it
         * again while it draws. */
        g_array_set_size(ink, 0);
        if (b2j_pdf_page_vector_ink(pp, ink) == B2J_VECTOR_OK) {
          b2j_rules_from_ink(page, ink);
        } else {
          int w = 0, h = 0, stride = 0;
          if (b2j_pdf_page_render_into(pp, RULES_DPI, RULES_MAX_PIXELS, &rules_px, &rules_cap,
                                       &w, &h, &stride))
            b2j_rules_from_rgb(page, rules_px, w, h, stride, RULES_DPI);
        }
      }
    }
    b2j_pdf_page_close(pp);
    g_ptr_array_add(doc->pages, page);
  }
  g_free(rules_px);
  g_array_free(ink, TRUE);
  unread += ocr_pages(doc, pdf, todo, path, opt);
  g_ptr_array_free(todo, TRUE);

  /* Tables: grids from words and rules. OCR'd pages came with their rules,
   * the others got theirs as they were read. */
  GPtrArray *page_grids = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < doc->pages->len; i++) {
    b2j_page *page = g_ptr_array_index(doc->pages, i);
    bool ocrd = page->source == B2J_SOURCE_OCR;
    bool usable =
        ocrd || page->text_layer == B2J_LAYER_CLEAN || page->text_layer == B2J_LAYER_REPAIRED;
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
