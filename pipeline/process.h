/* pipeline/: one document from file to document model, running the stages in
 * order. The CLI (main.c) and the batch runner call this; it never exits the
 * process and never prints: everything that went wrong is in the returned
 * document's errors and warnings. */
#ifndef B2J_PROCESS_H
#define B2J_PROCESS_H

#include <stdbool.h>

#include "ir/ir.h"
#include "slots.h"

typedef struct {
  const char *password; /* or NULL */
  int max_pages;        /* 0 = no limit */
  long long max_bytes;  /* 0 = no limit */
  const char *debug_dir; /* --debug-dir: a PNG per OCR'd page goes here, or NULL */
  int threads;           /* pages OCR'd at once (one tesseract context each); <= 1: one */
  const b2j_slots *slots; /* a batch's shared OCR slots (borrowed), or NULL: then
                           * `threads` pages at once whatever else runs */
  bool no_repair;        /* --no-repair: keep OCR'd numbers as read (no b2j_repair) */
} b2j_options;

/* Processes `path` (as the user named it; it is also source.file).
 * Always returns a document (status failed when nothing could be read);
 * the caller frees it with b2j_doc_free. */
b2j_doc *b2j_process_file(const char *path, const b2j_options *opt);

#endif
