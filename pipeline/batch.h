/* The batch runner: many documents, each in its own child process, with
 * limits, resume, atomic outputs, progress and a summary. main.c parses the
 * options and calls one of the two entry points. */
#ifndef B2J_BATCH_H
#define B2J_BATCH_H

#include <stdbool.h>

#include "inputs.h"
#include "process.h"

typedef struct {
  const char *output_dir; /* -o DIR, or NULL */
  const char *jsonl;      /* --jsonl FILE ("-" = stdout), or NULL */
  const char *sqlite;     /* --sqlite DB, or NULL */
  const char *summary;    /* --summary FILE, or NULL */
  b2j_options popt;       /* what each document is read with (borrowed strings) */
  int jobs;               /* -j: children at once (>= 1) */
  int timeout_s;          /* --timeout: wall seconds per document (0 = none) */
  long long max_memory_mb;/* --max-memory: address space per child (0 = none) */
  bool pretty;            /* indented JSON in -o files */
  bool compact;           /* one line even for one file on stdout */
  bool quiet;             /* no progress, messages or summary on stderr */
  bool force;             /* redo inputs whose output already exists */
  bool unique_names;      /* -o names always NAME-HASH8.json (shared folders) */
  bool share_slots;       /* no --threads given: the documents share -j OCR slots
                           * (slots.h), so one left alone OCRs up to -j pages at
                           * once; else each has popt.threads */
} b2j_batch_options;

/* Processes every input; returns the exit status (0 all ok, 1 some partial,
 * failed, not done or not written, 2 when an output cannot be opened). */
int b2j_batch_run(const b2j_batch_options *o, const b2j_inputs *in);

/* One file, in this process, JSON on stdout (pretty unless compact): the
 * plain `budget2json x.pdf` path. Returns the exit status. */
int b2j_run_single(const b2j_batch_options *o, const char *path);

#endif
