/* budget2json: the command-line tool, a thin driver over the stages.
 *
 *   budget2json [OPTIONS] FILE.pdf|FOLDER|-...
 *
 * One file and no batch option: read in this process, pretty JSON on stdout
 * (batch.c: b2j_run_single). Anything else is a batch (batch.c): each
 * document in its own child process with time and memory limits, JSON Lines
 * on stdout or --jsonl FILE, or one NAME.json per input with -o DIR, and
 * optionally an SQLite database; re-runs resume. Exit status: 0 all ok,
 * 1 some partial or failed, 2 usage.
 */
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "batch.h"
#include "inputs.h"
#include "ocr/ocr.h"

#ifndef B2J_VERSION
#define B2J_VERSION "0.0.0"
#endif

#define DEFAULT_TIMEOUT_S 300
#define DEFAULT_MAX_MEMORY_MB 4096

typedef struct { /* every string g_free'd at the end of main */
  char *output_dir, *jsonl, *sqlite, *summary, *password, *debug_dir;
  int max_pages, jobs, threads, timeout_s, max_memory_mb;
  gboolean compact, pretty, quiet, version, force, unique_names;
  gboolean no_repair;
} cli_options;

static int usage(const char *msg) {
  fprintf(stderr, "budget2json: %s (try --help)\n", msg);
  return 2;
}

/* Whether this run is a batch: anything but one named file with none of the
 * batch options keeps the in-process path (and its pretty output). */
static bool is_batch(const cli_options *o, int argc, char **argv) {
  if (argc != 2 || o->output_dir || o->jsonl || o->sqlite || o->summary || o->force ||
      o->unique_names ||
      o->jobs != -1 || o->timeout_s != -1 || o->max_memory_mb != -1)
    return true;
  struct stat st;
  return strcmp(argv[1], "-") == 0 || (stat(argv[1], &st) == 0 && S_ISDIR(st.st_mode));
}

/* Pages OCR'd at once within a document as the user set it: --threads,
 * else $B2J_THREADS; 0 when neither is set. */
static int threads_given(const cli_options *o) {
  if (o->threads > 0)
    return o->threads;
  const char *env = g_getenv("B2J_THREADS");
  if (env && *env) {
    char *end = NULL;
    gint64 v = g_ascii_strtoll(env, &end, 10);
    if (end && *end == '\0' && v > 0 && v <= 256)
      return (int)v;
  }
  return 0;
}

static int run(cli_options *o, int argc, char **argv) {
  if (o->version) {
    printf("budget2json %s\n", B2J_VERSION);
    return 0;
  }
  if (argc < 2)
    return usage("no input files");
  if (o->max_pages < 0)
    return usage("--max-pages must be 0 or more");
  if (o->jobs == 0 || o->jobs < -1)
    return usage("-j must be 1 or more");
  if (o->timeout_s < -1 || o->max_memory_mb < -1)
    return usage("--timeout and --max-memory must be 0 or more");
  if (o->output_dir && o->jsonl)
    return usage("choose one of -o and --jsonl");
  if (o->threads == 0 || o->threads < -1)
    return usage("--threads must be 1 or more");
  bool batch = is_batch(o, argc, argv);
  /* Not set: every core for one file; in a batch the documents share -j
   * slots (pipeline/slots.h), one page each unless places are idle. */
  int threads = threads_given(o);
  bool share_slots = batch && threads == 0;
  if (threads == 0)
    threads = batch ? 1 : (int)g_get_num_processors();
  b2j_batch_options bo = {
      .output_dir = o->output_dir,
      .jsonl = o->jsonl,
      .sqlite = o->sqlite,
      .summary = o->summary,
      .popt = {.password = o->password, .max_pages = o->max_pages,
               .debug_dir = o->debug_dir, .threads = threads,
               .no_repair = o->no_repair},
      .jobs = o->jobs > 0 ? o->jobs : (int)g_get_num_processors(),
      .timeout_s = o->timeout_s >= 0 ? o->timeout_s : DEFAULT_TIMEOUT_S,
      .max_memory_mb = o->max_memory_mb >= 0 ? o->max_memory_mb : DEFAULT_MAX_MEMORY_MB,
      .pretty = o->pretty,
      .compact = o->compact,
      .quiet = o->quiet,
      .force = o->force,
      .unique_names = o->unique_names,
      .share_slots = share_slots,
  };
  if (!batch)
    return b2j_run_single(&bo, argv[1]);
  b2j_inputs in = {0}; /* cleared below */
  b2j_inputs_collect(argv + 1, argc - 1, stdin, &in);
  int status = b2j_batch_run(&bo, &in);
  b2j_inputs_clear(&in);
  return status;
}

int main(int argc, char **argv) {
  /* Before any thread: tesseract's OpenMP must see OMP_THREAD_LIMIT=1 when
   * it loads (ocr/ocr.h). */
  b2j_ocr_process_init();
  setlocale(LC_ALL, "C.UTF-8");
  /* Each document runs in a short-lived process, where touching fresh
   * memory (a page fault per 4 KiB) costs more than much of the work: a
   * fault took 3-25 us on the machines measured, and a document touched
   * 10 MB. glibc gives big blocks (a 2 MB page rendering) their own mmap,
   * fresh each time, and hands freed heap back to the kernel, to fault it
   * in again for the next page. Keep both in the heap for the process's
   * life: a third fewer page faults on the digital corpus. No threshold
   * keeps the 35 MB a scanned page's image takes in poppler (and again in
   * our rendering) out of mmap: 32 MB is glibc's largest, so mmap is off.
   * On a 35-page scan: 335,000 faults down to 46,000, 7% less CPU, the
   * same peak memory. */
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  /* -1 marks "not given": a given -j, --timeout or --max-memory asks for the
   * batch path even for one file; --threads does not. */
  cli_options o = {.jobs = -1, .threads = -1, .timeout_s = -1, .max_memory_mb = -1};
  GOptionEntry entries[] = {
      {"output-dir", 'o', 0, G_OPTION_ARG_FILENAME, &o.output_dir,
       "Write one NAME.json per input into DIR (atomically)", "DIR"},
      {"jsonl", 0, 0, G_OPTION_ARG_FILENAME, &o.jsonl,
       "Append one JSON object per line to FILE ('-' for stdout)", "FILE"},
      {"sqlite", 0, 0, G_OPTION_ARG_FILENAME, &o.sqlite,
       "Also store the results in the SQLite database DB (upserted by sha256)", "DB"},
      {"summary", 0, 0, G_OPTION_ARG_FILENAME, &o.summary,
       "Write the batch summary as JSON to FILE", "FILE"},
      {"jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs,
       "Documents at once, each in its own process (default: the number of cores)", "N"},
      {"threads", 't', 0, G_OPTION_ARG_INT, &o.threads,
       "Pages OCR'd at once within a document (default: $B2J_THREADS, else the number of "
       "cores for one file; in a batch the documents share -j slots)",
       "N"},
      {"timeout", 0, 0, G_OPTION_ARG_INT, &o.timeout_s,
       "Give up on a document after SECONDS of wall time (default 300; 0: never)", "SECONDS"},
      {"max-memory", 0, 0, G_OPTION_ARG_INT, &o.max_memory_mb,
       "Address space per document in MB (default 4096; 0: no limit)", "MB"},
      {"force", 0, 0, G_OPTION_ARG_NONE, &o.force,
       "Redo inputs whose output already exists for the same sha256 and version", NULL},
      {"unique-names", 0, 0, G_OPTION_ARG_NONE, &o.unique_names,
       "Name every -o file NAME-HASH.json (for folders shared by several batches)", NULL},
      {"password", 0, 0, G_OPTION_ARG_STRING, &o.password, "Password for encrypted PDFs", "PW"},
      {"max-pages", 0, 0, G_OPTION_ARG_INT, &o.max_pages,
       "Read at most N pages of a document (0: all)", "N"},
      {"compact", 'c', 0, G_OPTION_ARG_NONE, &o.compact, "One-line JSON even for one file",
       NULL},
      {"pretty", 0, 0, G_OPTION_ARG_NONE, &o.pretty, "Indented JSON in -o files", NULL},
      {"debug-dir", 0, 0, G_OPTION_ARG_FILENAME, &o.debug_dir,
       "For each OCR'd page, write NAME-pNNN.png into DIR: the page with its lines, cells "
       "(coloured by confidence) and words drawn over it",
       "DIR"},
      {"no-repair", 0, 0, G_OPTION_ARG_NONE, &o.no_repair,
       "Keep OCR'd numbers as read: no repair from the checks' arithmetic", NULL},
      {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "Print no messages on stderr", NULL},
      {"version", 'V', 0, G_OPTION_ARG_NONE, &o.version, "Print the version and exit", NULL},
      {NULL, 0, 0, 0, NULL, NULL, NULL}};
  GOptionContext *ctx = g_option_context_new("FILE.pdf|FOLDER|-...");
  g_option_context_set_summary(
      ctx, "Turns Chinese government budget, final-account and performance-evaluation\n"
           "reports (PDF) into structured JSON (budget2json/1).");
  g_option_context_set_description(
      ctx, "Inputs: files, folders (searched recursively for PDFs), or '-' for a list of\n"
           "paths on stdin. Output: one pretty JSON object on stdout for one file; JSON\n"
           "Lines for several; with -o DIR one NAME.json each. A re-run skips inputs done\n"
           "before (see --force). Exit status: 0 all ok, 1 some partial or failed,\n"
           "2 usage error. See budget2json(1).\n");
  g_option_context_add_main_entries(ctx, entries, NULL);
  GError *err = NULL;
  int status;
  if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
    status = usage(err->message);
    g_error_free(err);
  } else {
    status = run(&o, argc, argv);
  }
  g_option_context_free(ctx);
  g_free(o.output_dir);
  g_free(o.jsonl);
  g_free(o.sqlite);
  g_free(o.summary);
  g_free(o.password);
  g_free(o.debug_dir);
  return status;
}
