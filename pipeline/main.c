/* budget2json: the command-line tool, a thin driver over the stages.
 *
 *   budget2json [OPTIONS] FILE.pdf...
 *
 * One budget2json/1 object per input: pretty JSON on stdout for a single
 * file, JSON Lines for several (or with --jsonl), or one NAME.json per input
 * with -o DIR. Exit status: 0 all ok, 1 some partial or failed, 2 usage.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "emit/emit.h"
#include "process.h"

#ifndef B2J_VERSION
#define B2J_VERSION "0.0.0"
#endif

typedef struct {
  char *output_dir;
  char *jsonl;
  char *password;
  int max_pages;
  gboolean compact;
  gboolean pretty;
  gboolean quiet;
  gboolean version;
  gboolean no_repair;
} cli_options;

/* The output file name for an input: its base name with .json for .pdf.
 * Two inputs with the same base name in one run get the second one a suffix
 * from its path's hash, so neither overwrites the other. */
static char *output_name(const char *input, GHashTable *used) {
  char *base = g_path_get_basename(input);
  size_t n = strlen(base);
  if (n > 4 && g_ascii_strcasecmp(base + n - 4, ".pdf") == 0)
    base[n - 4] = '\0';
  char *name = g_strconcat(base, ".json", NULL);
  if (g_hash_table_contains(used, name)) {
    g_free(name);
    char *h = g_compute_checksum_for_string(G_CHECKSUM_SHA256, input, -1);
    h[8] = '\0';
    name = g_strdup_printf("%s-%s.json", base, h);
    g_free(h);
  }
  g_hash_table_add(used, g_strdup(name));
  g_free(base);
  return name;
}

/* Writes all of buf or fails; used for stdout and the JSON Lines file so a
 * line is never left half-written by a short write. */
static bool write_all(FILE *f, const char *buf, size_t len) {
  return fwrite(buf, 1, len, f) == len && fflush(f) == 0;
}

int main(int argc, char **argv) {
  setlocale(LC_ALL, "C.UTF-8");
  cli_options o = {0};
  GOptionEntry entries[] = {
      {"output-dir", 'o', 0, G_OPTION_ARG_FILENAME, &o.output_dir,
       "Write one NAME.json per input into DIR (atomically)", "DIR"},
      {"jsonl", 0, 0, G_OPTION_ARG_FILENAME, &o.jsonl,
       "Write one JSON object per line to FILE ('-' for stdout)", "FILE"},
      {"password", 0, 0, G_OPTION_ARG_STRING, &o.password, "Password for encrypted PDFs", "PW"},
      {"max-pages", 0, 0, G_OPTION_ARG_INT, &o.max_pages,
       "Read at most N pages of a document (0: all)", "N"},
      {"compact", 'c', 0, G_OPTION_ARG_NONE, &o.compact, "One-line JSON even for one file",
       NULL},
      {"pretty", 0, 0, G_OPTION_ARG_NONE, &o.pretty, "Indented JSON in -o files", NULL},
      {"no-repair", 0, 0, G_OPTION_ARG_NONE, &o.no_repair,
       "Never repair an OCR'd number, even when the sums allow only one reading", NULL},
      {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "Print no messages on stderr", NULL},
      {"version", 'V', 0, G_OPTION_ARG_NONE, &o.version, "Print the version and exit", NULL},
      {NULL, 0, 0, 0, NULL, NULL, NULL}};
  GOptionContext *ctx = g_option_context_new("FILE.pdf...");
  g_option_context_set_summary(
      ctx, "Turns Chinese government budget, final-account and performance-evaluation\n"
           "reports (PDF) into structured JSON (budget2json/1).");
  g_option_context_set_description(
      ctx, "Output: one pretty JSON object on stdout for one file; JSON Lines for several;\n"
           "with -o DIR one NAME.json each. Exit status: 0 all ok, 1 some partial or\n"
           "failed, 2 usage error.\n");
  g_option_context_add_main_entries(ctx, entries, NULL);
  GError *err = NULL;
  if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
    fprintf(stderr, "budget2json: %s (try --help)\n", err->message);
    g_error_free(err);
    g_option_context_free(ctx);
    return 2;
  }
  g_option_context_free(ctx);
  if (o.version) {
    printf("budget2json %s\n", B2J_VERSION);
    return 0;
  }
  if (argc < 2) {
    fprintf(stderr, "budget2json: no input files (try --help)\n");
    return 2;
  }
  if (o.max_pages < 0) {
    fprintf(stderr, "budget2json: --max-pages must be 0 or more\n");
    return 2;
  }
  if (o.output_dir && o.jsonl) {
    fprintf(stderr, "budget2json: choose one of -o and --jsonl\n");
    return 2;
  }
  if (o.output_dir) {
    if (g_mkdir_with_parents(o.output_dir, 0755) != 0) {
      fprintf(stderr, "budget2json: unable to create output directory '%s': %s\n",
              o.output_dir, g_strerror(errno));
      return 2;
    }
    if (access(o.output_dir, W_OK) != 0) {
      fprintf(stderr, "budget2json: output directory '%s' is not writable: %s\n", o.output_dir,
              g_strerror(errno));
      return 2;
    }
  }
  FILE *jsonl = NULL;
  if (o.jsonl) {
    jsonl = strcmp(o.jsonl, "-") == 0 ? stdout : fopen(o.jsonl, "a");
    if (!jsonl) {
      fprintf(stderr, "budget2json: unable to open '%s' for writing: %s\n", o.jsonl,
              g_strerror(errno));
      return 2;
    }
  }

  b2j_options popt = {.password = o.password, .max_pages = o.max_pages,
                      .no_repair = o.no_repair};
  int n_inputs = argc - 1;
  bool one_line = jsonl || n_inputs > 1 || o.compact;
  int exit_status = 0;
  GHashTable *used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 1; i < argc; i++) {
    const char *path = argv[i];
    b2j_doc *doc = b2j_process_file(path, &popt);
    if (doc->status != B2J_STATUS_OK)
      exit_status = 1;
    if (!o.quiet) {
      for (guint k = 0; k < doc->errors->len; k++) {
        const b2j_error *e = g_ptr_array_index(doc->errors, k);
        fprintf(stderr, "budget2json: %s\n", e->message);
      }
    }
    bool written = true;
    if (o.output_dir) {
      char *json = b2j_emit_json(doc, o.pretty);
      char *name = output_name(path, used);
      char *out = g_build_filename(o.output_dir, name, NULL);
      GError *werr = NULL;
      /* GLib writes a temporary file, syncs it and renames it over the
       * target: a reader never sees half a file, even if we are killed. */
      written = json && g_file_set_contents_full(out, json, -1,
                                                 G_FILE_SET_CONTENTS_CONSISTENT |
                                                     G_FILE_SET_CONTENTS_DURABLE,
                                                 0644, &werr);
      if (!written) {
        fprintf(stderr, "budget2json: unable to write '%s': %s\n", out,
                werr ? werr->message : "out of memory");
        g_clear_error(&werr);
      }
      g_free(out);
      g_free(name);
      g_free(json);
    } else {
      char *json = b2j_emit_json(doc, !one_line);
      GString *line = g_string_new(json);
      g_string_append_c(line, '\n');
      FILE *dst = jsonl ? jsonl : stdout;
      written = json && write_all(dst, line->str, line->len);
      if (!written)
        fprintf(stderr, "budget2json: unable to write the result for '%s': %s\n", path,
                g_strerror(errno));
      g_string_free(line, TRUE);
      g_free(json);
    }
    if (!written)
      exit_status = 1;
    b2j_doc_free(doc);
  }
  g_hash_table_destroy(used);
  if (jsonl && jsonl != stdout && fclose(jsonl) != 0) {
    fprintf(stderr, "budget2json: unable to finish '%s': %s\n", o.jsonl, g_strerror(errno));
    exit_status = 1;
  }
  g_free(o.output_dir);
  g_free(o.jsonl);
  g_free(o.password);
  return exit_status;
}
