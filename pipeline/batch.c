#include "batch.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "emit/emit.h"
#include "exactjson.h"
#include "progress.h"
#include "slots.h"
#include "sqlite_out.h"
#include "worker.h"

#ifndef B2J_VERSION
#define B2J_VERSION "0.0.0"
#endif

/* The one piece of mutable global state: which signal asked the batch to
 * stop (0 = none). A signal handler can tell the main loop something only
 * through a global, and a volatile sig_atomic_t is the one type it may write
 * safely. The signals are blocked except inside ppoll, so the loop never
 * misses one between checking the flag and waiting. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig) { stop_signal = sig; }

typedef struct {
  const char *path; /* borrowed from the inputs */
  char *out_name;   /* -o: the file name in the output folder (owned), else NULL */
  char *json;       /* stream outputs: the result until it is written (owned) */
  char *status;     /* "ok" "partial" "failed" (owned); NULL while not done */
  char *code;       /* the first error's code, or NULL (owned) */
  int pages;
  double seconds;
  bool done, skipped, write_failed;
} item;

/* A line already in the --jsonl file (resume). */
typedef struct {
  char *version, *status; /* owned */
  int pages;
  off_t off;  /* where the line starts */
  size_t len; /* without the newline */
} jsonl_entry;

static void jsonl_entry_free(gpointer p) {
  jsonl_entry *e = p;
  g_free(e->version);
  g_free(e->status);
  g_free(e);
}

typedef struct {
  const b2j_batch_options *o; /* borrowed */
  item *items;                /* owned, n of them */
  guint n;
  int out_fd;                 /* stream outputs: stdout or the --jsonl file; else -1 */
  bool stream;                /* results go to out_fd, one line each, in input order */
  bool stream_is_file;        /* out_fd is --jsonl FILE (resumable) */
  GHashTable *jsonl_index;    /* "file\tsha256" -> jsonl_entry* (owned), or NULL */
  b2j_db *db;                 /* --sqlite, or NULL (owned) */
  b2j_progress *progress;     /* owned */
  guint write_pos;            /* stream outputs: items before this are written */
  bool out_full;              /* the output ran out of space: start nothing more */
  int write_errors;
} batch;

/* ---------- small helpers ---------- */

/* The hex sha256 of a file (g_free) and its size; NULL when unreadable. */
static char *file_sha256(const char *path, gint64 *bytes) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256); /* freed below */
  char buf[1 << 16];
  gint64 total = 0;
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
    if (n > 0) {
      g_checksum_update(ck, (const guchar *)buf, n);
      total += n;
    }
  }
  close(fd);
  char *hex = n == 0 ? g_strdup(g_checksum_get_string(ck)) : NULL;
  g_checksum_free(ck);
  if (bytes)
    *bytes = total;
  return hex;
}

static bool is_space_error(int e) { return e == ENOSPC || e == EFBIG || e == EDQUOT; }

static double now_s(void) { return (double)g_get_monotonic_time() / 1e6; }

/* ---------- output names (-o) ---------- */

static char *name_stem(const char *path) {
  char *base = g_path_get_basename(path);
  size_t n = strlen(base);
  if (n > 4 && g_ascii_strcasecmp(base + n - 4, ".pdf") == 0)
    base[n - 4] = '\0';
  return base;
}

/* NAME.json for a.pdf. When two inputs of the batch share a stem, each of
 * them is NAME-HASH8.json instead, HASH8 being the first 8 hex digits of
 * the sha256 of the path as named (a/x.pdf vs b/x.pdf): the same command
 * gives the same names on every run, which resume relies on. With
 * --unique-names every input gets the hashed name, so batches that share an
 * output folder (several machines) never collide either. */
static void assign_names(batch *b) {
  GHashTable *count = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL); /* below */
  for (guint i = 0; i < b->n; i++) {
    char *stem = name_stem(b->items[i].path); /* owned by count below */
    guint c = GPOINTER_TO_UINT(g_hash_table_lookup(count, stem));
    g_hash_table_replace(count, stem, GUINT_TO_POINTER(c + 1));
  }
  for (guint i = 0; i < b->n; i++) {
    char *stem = name_stem(b->items[i].path); /* freed below */
    if (b->o->unique_names || GPOINTER_TO_UINT(g_hash_table_lookup(count, stem)) > 1) {
      char *h = g_compute_checksum_for_string(G_CHECKSUM_SHA256, b->items[i].path, -1); /* below */
      h[8] = '\0';
      b->items[i].out_name = g_strdup_printf("%s-%s.json", stem, h);
      g_free(h);
    } else {
      b->items[i].out_name = g_strconcat(stem, ".json", NULL);
    }
    g_free(stem);
  }
  g_hash_table_destroy(count);
}

/* A batch killed with SIGKILL in the middle of g_file_set_contents_full
 * leaves its temporary file, NAME.json.XXXXXX, next to the outputs (never a
 * half NAME.json). Removes those of this batch's own names; another batch's
 * files in a shared folder are left alone. */
static void remove_stale_temporaries(batch *b) {
  GDir *d = g_dir_open(b->o->output_dir, 0, NULL);
  if (!d)
    return;
  GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal); /* borrows the items' names */
  for (guint i = 0; i < b->n; i++)
    g_hash_table_add(names, b->items[i].out_name);
  const char *e;
  while ((e = g_dir_read_name(d)) != NULL) {
    size_t n = strlen(e);
    if (n < 8 || e[n - 7] != '.')
      continue;
    char *stem = g_strndup(e, n - 7); /* "NAME.json" */
    bool ours = g_hash_table_contains(names, stem);
    for (size_t k = n - 6; ours && k < n; k++)
      ours = g_ascii_isalnum(e[k]);
    if (ours) {
      char *path = g_build_filename(b->o->output_dir, e, NULL); /* freed below */
      g_unlink(path);
      g_free(path);
    }
    g_free(stem);
  }
  g_hash_table_destroy(names);
  g_dir_close(d);
}

/* ---------- the --jsonl file: index for resume ---------- */

/* Reads the existing lines of the --jsonl file. A last line without its
 * newline is what a kill in the middle of write(2) leaves: it is cut off the
 * file, and its document is simply redone. */
static void load_jsonl_index(batch *b, const char *path) {
  struct stat st;
  if (fstat(b->out_fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
    return;
  FILE *f = fopen(path, "re");
  if (!f)
    return;
  b->jsonl_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, jsonl_entry_free);
  char *line = NULL; /* getline's buffer, freed below */
  size_t cap = 0;
  ssize_t len;
  off_t off = 0;
  while ((len = getline(&line, &cap, f)) > 0) {
    if (line[len - 1] != '\n') {
      if (ftruncate(b->out_fd, off) == 0)
        b2j_progress_message(b->progress, "dropped a truncated last line from the JSON Lines "
                                          "file (an interrupted run); its input is redone");
      break;
    }
    cJSON *j = b2j_json_parse_exact(line, len - 1); /* deleted below */
    const char *file = b2j_json_str2(j, "source", "file");
    const char *sha = b2j_json_str2(j, "source", "sha256");
    if (file && sha) {
      jsonl_entry *e = g_new0(jsonl_entry, 1); /* owned by the index */
      e->version = g_strdup(b2j_json_str2(j, "tool", "version"));
      e->status = g_strdup(b2j_json_str(j, "status"));
      e->pages = (int)b2j_json_int(cJSON_GetObjectItemCaseSensitive(j, "source"), "pages", 0);
      e->off = off;
      e->len = (size_t)len - 1;
      g_hash_table_replace(b->jsonl_index, g_strconcat(file, "\t", sha, NULL), e);
    }
    cJSON_Delete(j);
    off += len;
  }
  free(line);
  fclose(f);
}

/* The text of an indexed line (g_free), or NULL. */
static char *read_jsonl_line(batch *b, const jsonl_entry *e) {
  char *buf = g_malloc(e->len + 1);
  ssize_t n = pread(b->out_fd, buf, e->len, e->off);
  if (n != (ssize_t)e->len) {
    g_free(buf);
    return NULL;
  }
  buf[e->len] = '\0';
  return buf;
}

/* ---------- results ---------- */

static void store_in_db(batch *b, const cJSON *doc) {
  GError *err = NULL;
  if (!b2j_db_upsert(b->db, doc, &err)) {
    char *msg = g_strdup_printf("unable to store '%s' in '%s': %s",
                                b2j_json_str2(doc, "source", "file"), b->o->sqlite, err->message);
    b2j_progress_message(b->progress, msg);
    g_free(msg);
    g_error_free(err);
    b->write_errors++;
  }
}

/* Resume: true when the input's output is already there for the same
 * sha256 and tool version (then the item is done and skipped). With
 * --sqlite, an output found but missing from the database is stored now. */
static bool resume_check(batch *b, item *it) {
  const b2j_batch_options *o = b->o;
  if (o->force || (!o->output_dir && !b->jsonl_index && !b->db))
    return false;
  cJSON *prev = NULL; /* the earlier result, parsed exactly; freed below */
  char *sha = NULL;   /* freed below */
  char *status = NULL;
  int pages = 0;
  bool skip = false;
  if (o->output_dir) {
    char *out = g_build_filename(o->output_dir, it->out_name, NULL); /* freed below */
    char *text = NULL;
    gsize len = 0;
    if (g_file_get_contents(out, &text, &len, NULL))
      prev = b2j_json_parse_exact(text, (gssize)len);
    g_free(text);
    g_free(out);
    const char *psha = b2j_json_str2(prev, "source", "sha256");
    if (psha && g_strcmp0(b2j_json_str2(prev, "tool", "version"), B2J_VERSION) == 0) {
      sha = file_sha256(it->path, NULL);
      skip = sha && strcmp(sha, psha) == 0;
    }
  } else if (b->jsonl_index) {
    sha = file_sha256(it->path, NULL);
    char *key = sha ? g_strconcat(it->path, "\t", sha, NULL) : NULL;
    const jsonl_entry *e = key ? g_hash_table_lookup(b->jsonl_index, key) : NULL;
    g_free(key);
    if (e && g_strcmp0(e->version, B2J_VERSION) == 0) {
      skip = true;
      status = g_strdup(e->status);
      pages = e->pages;
      if (b->db && !b2j_db_has(b->db, sha, B2J_VERSION, NULL, NULL)) {
        char *text = read_jsonl_line(b, e);
        prev = b2j_json_parse_exact(text, -1);
        g_free(text);
      }
    }
  } else if (b->db) {
    sha = file_sha256(it->path, NULL);
    skip = sha && b2j_db_has(b->db, sha, B2J_VERSION, &status, &pages);
  }
  if (skip && prev) {
    if (!status) {
      status = g_strdup(b2j_json_str(prev, "status"));
      pages = (int)b2j_json_int(cJSON_GetObjectItemCaseSensitive(prev, "source"), "pages", 0);
    }
    if (b->db && !b2j_db_has(b->db, sha, B2J_VERSION, NULL, NULL))
      store_in_db(b, prev);
  }
  if (skip) {
    it->done = it->skipped = true;
    it->status = status ? status : g_strdup("ok");
    it->pages = pages;
  } else {
    g_free(status);
  }
  cJSON_Delete(prev);
  g_free(sha);
  return skip;
}

/* Writes one line to the stream with a single write(2): on an O_APPEND file
 * a reader sees the whole line or none of it. A short write (file size
 * limit, full disk) is cut back off so no half line stays. */
static bool write_line(batch *b, item *it) {
  size_t len = strlen(it->json);
  char *line = g_malloc(len + 1); /* freed below */
  memcpy(line, it->json, len);
  line[len] = '\n';
  off_t before = b->stream_is_file ? lseek(b->out_fd, 0, SEEK_END) : -1;
  size_t done = 0;
  int e = 0;
  while (done < len + 1) {
    ssize_t n = write(b->out_fd, line + done, len + 1 - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      e = n < 0 ? errno : ENOSPC;
      break;
    }
    done += (size_t)n;
    if (b->stream_is_file && done < len + 1) { /* never finish a line in pieces */
      e = EFBIG;
      break;
    }
  }
  g_free(line);
  if (!e)
    return true;
  if (b->stream_is_file && before >= 0 && done > 0 && ftruncate(b->out_fd, before) != 0)
    e = errno;
  char *msg = g_strdup_printf("unable to write the result for '%s'%s%s: %s", it->path,
                              b->o->jsonl && strcmp(b->o->jsonl, "-") ? " to " : "",
                              b->o->jsonl && strcmp(b->o->jsonl, "-") ? b->o->jsonl : "",
                              g_strerror(e));
  b2j_progress_message(b->progress, msg);
  g_free(msg);
  if (is_space_error(e) || e == EPIPE)
    b->out_full = true;
  return false;
}

/* Writes stream results in input order as far as they are done. */
static void flush_stream(batch *b) {
  while (b->stream && b->write_pos < b->n && b->items[b->write_pos].done) {
    item *it = &b->items[b->write_pos++];
    if (it->json && !b->out_full && !write_line(b, it)) {
      it->write_failed = true;
      b->write_errors++;
    } else if (it->json && b->out_full) {
      it->write_failed = true;
    }
    g_free(it->json);
    it->json = NULL;
  }
}

/* Takes `json` (a whole budget2json/1 object) and `doc`, its exact parse (or
 * NULL to parse it here): reports its errors, stores it in the database and
 * writes it (or holds it for the stream). */
static void record_result(batch *b, item *it, char *json, cJSON *doc, double seconds) {
  if (!doc)
    doc = b2j_json_parse_exact(json, -1); /* freed below */
  it->done = true;
  it->seconds = seconds;
  it->status = g_strdup(doc ? b2j_json_str(doc, "status") : "failed");
  it->pages = (int)b2j_json_int(cJSON_GetObjectItemCaseSensitive(doc, "source"), "pages", 0);
  const cJSON *errs = cJSON_GetObjectItemCaseSensitive(doc, "errors");
  if (!cJSON_IsArray(errs))
    errs = NULL;
  const cJSON *e;
  cJSON_ArrayForEach(e, errs) {
    if (!it->code)
      it->code = g_strdup(b2j_json_str(e, "code"));
    const char *m = b2j_json_str(e, "message");
    if (m)
      b2j_progress_message(b->progress, m);
  }
  if (b->db && doc)
    store_in_db(b, doc);
  cJSON_Delete(doc);
  if (b->o->output_dir) {
    char *out = g_build_filename(b->o->output_dir, it->out_name, NULL); /* freed below */
    GError *werr = NULL;
    /* GLib writes a temporary file and renames it over the target: a reader
     * never sees half a file, even if we are killed. A new file is not
     * fsync'ed one by one (that doubled the time per document here; GLib
     * still syncs before replacing an existing one): sync_outputs syncs once
     * at the end, and after a power cut a re-run redoes any output it cannot
     * parse. */
    if (!g_file_set_contents_full(out, json, -1,
                                  G_FILE_SET_CONTENTS_CONSISTENT |
                                      G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                  0644, &werr)) {
      char *msg = g_strdup_printf("unable to write '%s': %s", out, werr->message);
      b2j_progress_message(b->progress, msg);
      g_free(msg);
      if (werr->code == G_FILE_ERROR_NOSPC)
        b->out_full = true;
      g_error_free(werr);
      it->write_failed = true;
      b->write_errors++;
    }
    g_free(out);
    g_free(json);
  } else if (b->stream) {
    it->json = json;
  } else {
    g_free(json); /* --sqlite only */
  }
  b2j_progress_done(b->progress, it->path, it->status, it->pages, seconds, false);
  flush_stream(b);
}

/* A child was reaped: its JSON, or a failed object saying why there is none. */
static void finish_worker(batch *b, b2j_worker *w, int wait_status) {
  item *it = &b->items[w->item];
  double secs = (double)(g_get_monotonic_time() - w->start_us) / 1e6;
  char *json = NULL;
  cJSON *doc = NULL; /* handed to record_result */
  if (!w->timed_out && WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0 &&
      w->out->len > 0) {
    doc = b2j_json_parse_exact(w->out->str, (gssize)w->out->len);
    if (doc) /* take the buffer: no copy */
      json = g_string_free(w->out, FALSE), w->out = NULL;
  }
  if (!json) {
    const char *code = "crashed";
    char *msg = b2j_worker_failure(w, wait_status, it->path, b->o->timeout_s,
                                   b->o->max_memory_mb, &code);
    gint64 bytes = 0;
    char *sha = file_sha256(it->path, &bytes); /* freed below */
    json = b2j_emit_failed(it->path, sha, bytes, code, msg, b->o->output_dir && b->o->pretty);
    g_free(sha);
    g_free(msg);
  }
  record_result(b, it, json, doc, secs);
}

/* ---------- the summary ---------- */

static int summarize(batch *b, double seconds, bool interrupted, const GPtrArray *notes) {
  int n_ok = 0, n_partial = 0, n_failed = 0, n_skipped = 0, n_not_done = 0;
  long long pages = 0;
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "schema", "budget2json-summary/1");
  cJSON *tool = cJSON_AddObjectToObject(root, "tool");
  cJSON_AddStringToObject(tool, "name", "budget2json");
  cJSON_AddStringToObject(tool, "version", B2J_VERSION);
  cJSON *by_code = cJSON_CreateObject();
  cJSON *files = cJSON_CreateArray();
  for (guint i = 0; i < b->n; i++) {
    const item *it = &b->items[i];
    cJSON *f = cJSON_CreateObject();
    cJSON_AddStringToObject(f, "file", it->path);
    if (!it->done) {
      n_not_done++;
      cJSON_AddNullToObject(f, "status");
    } else {
      const char *s = it->status ? it->status : "failed";
      if (strcmp(s, "ok") == 0)
        n_ok++;
      else if (strcmp(s, "partial") == 0)
        n_partial++;
      else
        n_failed++;
      n_skipped += it->skipped;
      if (!it->skipped) /* pages read by this run */
        pages += it->pages;
      cJSON_AddStringToObject(f, "status", s);
      if (it->code) {
        cJSON *c = cJSON_GetObjectItemCaseSensitive(by_code, it->code);
        if (c)
          cJSON_SetNumberValue(c, c->valuedouble + 1);
        else
          cJSON_AddNumberToObject(by_code, it->code, 1);
      }
    }
    if (it->code)
      cJSON_AddStringToObject(f, "code", it->code);
    else
      cJSON_AddNullToObject(f, "code");
    cJSON_AddBoolToObject(f, "skipped", it->skipped);
    char fsecs[32]; /* from fork to reap: the document's own wall time */
    g_snprintf(fsecs, sizeof fsecs, "%.3f", it->seconds);
    cJSON_AddRawToObject(f, "seconds", fsecs);
    cJSON_AddBoolToObject(f, "written", it->done && !it->write_failed);
    if (it->out_name)
      cJSON_AddStringToObject(f, "output", it->out_name);
    cJSON_AddItemToArray(files, f);
  }
  cJSON_AddNumberToObject(root, "inputs", b->n);
  cJSON_AddNumberToObject(root, "ok", n_ok);
  cJSON_AddNumberToObject(root, "partial", n_partial);
  cJSON_AddNumberToObject(root, "failed", n_failed);
  cJSON_AddNumberToObject(root, "skipped", n_skipped);
  cJSON_AddNumberToObject(root, "not_done", n_not_done);
  cJSON_AddNumberToObject(root, "write_errors", b->write_errors);
  cJSON_AddNumberToObject(root, "pages", (double)pages);
  char secs[32];
  g_snprintf(secs, sizeof secs, "%.3f", seconds);
  cJSON_AddRawToObject(root, "seconds", secs);
  cJSON_AddBoolToObject(root, "interrupted", interrupted);
  cJSON_AddItemToObject(root, "failed_by_code", by_code);
  cJSON *jn = cJSON_AddArrayToObject(root, "notes");
  for (guint i = 0; notes && i < notes->len; i++)
    cJSON_AddItemToArray(jn, cJSON_CreateString(g_ptr_array_index(notes, i)));
  cJSON_AddItemToObject(root, "files", files);

  int status = (n_partial || n_failed || n_not_done || b->write_errors || interrupted) ? 1 : 0;
  if (!b->o->quiet) {
    fprintf(stderr,
            "budget2json: %u inputs: %d ok, %d partial, %d failed%s", b->n, n_ok, n_partial,
            n_failed, n_not_done ? "" : ";");
    if (n_not_done)
      fprintf(stderr, ", %d not done;", n_not_done);
    fprintf(stderr, " %d skipped as done before; %lld pages in %.1f s%s\n", n_skipped, pages,
            seconds, interrupted ? " (interrupted)" : "");
  }
  if (b->o->summary) {
    char *text = cJSON_Print(root); /* cJSON_free'd below */
    GError *err = NULL;
    if (!text || !g_file_set_contents_full(b->o->summary, text, -1,
                                           G_FILE_SET_CONTENTS_CONSISTENT, 0644, &err)) {
      fprintf(stderr, "budget2json: unable to write the summary '%s': %s\n", b->o->summary,
              err ? err->message : "out of memory");
      g_clear_error(&err);
      status = 1;
    }
    cJSON_free(text);
  }
  cJSON_Delete(root);
  return status;
}

/* Makes the batch's files durable with one sync at the end instead of one
 * per document; false (message printed) when the system says it failed. */
static bool sync_outputs(batch *b) {
  int fd = -1;
  if (b->o->output_dir)
    fd = open(b->o->output_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  bool ok = true;
  if (fd >= 0) {
    ok = syncfs(fd) == 0;
    close(fd);
  }
  if (b->stream_is_file && fsync(b->out_fd) != 0 && errno != EINVAL)
    ok = false; /* EINVAL: a device such as /dev/full, nothing to sync */
  if (!ok)
    fprintf(stderr, "budget2json: unable to sync the outputs to disk: %s\n", g_strerror(errno));
  return ok;
}

/* ---------- the run ---------- */

/* Opens the outputs; false (message printed) on a usage-level problem. */
static bool open_outputs(batch *b) {
  const b2j_batch_options *o = b->o;
  if (o->output_dir) {
    if (g_mkdir_with_parents(o->output_dir, 0755) != 0) {
      fprintf(stderr, "budget2json: unable to create output directory '%s': %s\n",
              o->output_dir, g_strerror(errno));
      return false;
    }
    if (access(o->output_dir, W_OK) != 0) {
      fprintf(stderr, "budget2json: output directory '%s' is not writable: %s\n",
              o->output_dir, g_strerror(errno));
      return false;
    }
    remove_stale_temporaries(b);
  } else if (o->jsonl && strcmp(o->jsonl, "-") != 0) {
    b->out_fd = open(o->jsonl, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (b->out_fd < 0) {
      fprintf(stderr, "budget2json: unable to open '%s' for writing: %s\n", o->jsonl,
              g_strerror(errno));
      return false;
    }
    b->stream = b->stream_is_file = true;
    if (!o->force)
      load_jsonl_index(b, o->jsonl);
  } else if (o->jsonl || !o->sqlite) {
    b->out_fd = STDOUT_FILENO;
    b->stream = true;
  }
  if (o->sqlite) {
    GError *err = NULL;
    b->db = b2j_db_open(o->sqlite, &err);
    if (!b->db) {
      fprintf(stderr, "budget2json: '%s': %s\n", o->sqlite, err->message);
      g_error_free(err);
      return false;
    }
  }
  return true;
}

int b2j_batch_run(const b2j_batch_options *o, const b2j_inputs *in) {
  batch b = {.o = o, .n = in->paths->len, .out_fd = -1};
  b.items = g_new0(item, b.n ? b.n : 1); /* freed with their strings at the end */
  for (guint i = 0; i < b.n; i++)
    b.items[i].path = g_ptr_array_index(in->paths, i);
  b.progress = b2j_progress_new((int)b.n, o->quiet);
  for (guint i = 0; i < in->notes->len; i++)
    b2j_progress_message(b.progress, g_ptr_array_index(in->notes, i));
  if (o->output_dir)
    assign_names(&b);
  if (!open_outputs(&b)) {
    b2j_progress_free(b.progress);
    for (guint i = 0; i < b.n; i++)
      g_free(b.items[i].out_name);
    g_free(b.items);
    if (b.out_fd > STDOUT_FILENO)
      close(b.out_fd);
    if (b.jsonl_index)
      g_hash_table_destroy(b.jsonl_index);
    return 2;
  }

  /* Signals: INT and TERM set the flag and are blocked except inside ppoll;
   * a closed stdout or a file size limit must give an error, not kill us. */
  sigset_t block, orig;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, &orig);
  struct sigaction sa = {.sa_handler = on_stop_signal}, old_int, old_term, old_pipe, old_xfsz;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &old_int);
  sigaction(SIGTERM, &sa, &old_term);
  struct sigaction ign = {.sa_handler = SIG_IGN};
  sigaction(SIGPIPE, &ign, &old_pipe);
  sigaction(SIGXFSZ, &ign, &old_xfsz);
  stop_signal = 0;
  /* Tesseract's OpenMP threads slow each page down when documents already
   * run in parallel (ARCHITECTURE.md); the children inherit this. */
  g_setenv("OMP_THREAD_LIMIT", "1", FALSE);

  int jobs = o->jobs > 0 ? o->jobs : 1;
  b2j_options popt = o->popt;
  b2j_slots slots = {-1, -1}; /* closed at the end */
  bool sharing = o->share_slots && jobs > 1 && b2j_slots_open(&slots, NULL);
  if (sharing) {
    /* Under --max-memory a document's OCR threads must fit its address
     * space: each took up to 350 MB more here (a tesseract context, a
     * malloc arena, a stack, a rendering), the first 270 MB. */
    popt.threads = jobs;
    if (o->max_memory_mb > 0)
      popt.threads = (int)MIN((long long)jobs, MAX(1LL, o->max_memory_mb / 400));
    popt.slots = &slots;
  }
  int tokens = 0; /* put into the slots pipe so far */
  b2j_worker_config cfg = {.popt = &popt, .pretty = o->output_dir && o->pretty,
                           .max_memory_mb = o->max_memory_mb, .child_mask = &orig};
  b2j_worker *ws = g_new0(b2j_worker, jobs); /* owned; each cleared when reaped */
  for (int k = 0; k < jobs; k++)
    ws[k].out_fd = ws[k].err_fd = -1;
  /* Stream outputs are written in input order; a slow document must not let
   * finished ones pile up without bound, so starting waits past this. */
  guint window = (guint)MAX(64, 8 * jobs);
  struct pollfd *pfd = g_new0(struct pollfd, 2 * jobs); /* freed at the end */
  int *pslot = g_new0(int, 2 * jobs); /* worker of each pollfd; freed at the end */
  double t0 = now_s();
  guint next = 0;
  int running = 0;
  bool tty_tick = isatty(STDERR_FILENO) == 1 && !o->quiet;

  for (;;) {
    bool stopping = stop_signal != 0 || b.out_full;
    while (!stopping && running < jobs && next < b.n) {
      if (b.stream && next >= b.write_pos + window)
        break;
      item *it = &b.items[next];
      if (resume_check(&b, it)) {
        b2j_progress_done(b.progress, it->path, it->status, it->pages, 0, true);
        next++;
        flush_stream(&b);
        continue;
      }
      int k = 0;
      while (ws[k].pid != 0)
        k++;
      if (!b2j_worker_start(&ws[k], it->path, &cfg)) {
        if (running > 0) /* out of processes for now: retry when one ends */
          break;
        char *msg = g_strdup_printf("unable to start a worker for '%s': %s", it->path,
                                    g_strerror(errno));
        char *json = b2j_emit_failed(it->path, NULL, 0, "crashed", msg, cfg.pretty); /* taken */
        g_free(msg);
        record_result(&b, it, json, NULL, 0);
        next++;
        continue;
      }
      ws[k].item = next;
      if (o->timeout_s > 0)
        ws[k].deadline_us = ws[k].start_us + (gint64)o->timeout_s * G_USEC_PER_SEC;
      running++;
      next++;
    }
    /* Every input started: the places of documents that end stay idle, and
     * their slots go to the documents still running. */
    if (sharing && next >= b.n && jobs - running > tokens) {
      b2j_slots_put(&slots, jobs - running - tokens);
      tokens = jobs - running;
    }
    if (running == 0 && (next >= b.n || stopping))
      break;
    if (running == 0)
      continue;

    int nfds = 0;
    gint64 now = g_get_monotonic_time();
    gint64 wait_us = (gint64)(tty_tick ? 1 : 3600) * G_USEC_PER_SEC;
    for (int k = 0; k < jobs; k++) {
      if (ws[k].pid == 0)
        continue;
      if (ws[k].out_fd >= 0)
        pfd[nfds] = (struct pollfd){.fd = ws[k].out_fd, .events = POLLIN}, pslot[nfds++] = k;
      if (ws[k].err_fd >= 0)
        pfd[nfds] = (struct pollfd){.fd = ws[k].err_fd, .events = POLLIN}, pslot[nfds++] = k;
      if (ws[k].deadline_us && !ws[k].timed_out)
        wait_us = MIN(wait_us, MAX(0, ws[k].deadline_us - now));
    }
    struct timespec ts = {.tv_sec = wait_us / G_USEC_PER_SEC,
                          .tv_nsec = (wait_us % G_USEC_PER_SEC) * 1000};
    int r = ppoll(pfd, (nfds_t)nfds, &ts, &orig);
    if (stop_signal)
      break;
    for (int i = 0; r > 0 && i < nfds; i++)
      if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR))
        b2j_worker_read(&ws[pslot[i]], pfd[i].fd);
    now = g_get_monotonic_time();
    for (int k = 0; k < jobs; k++) {
      b2j_worker *w = &ws[k];
      if (w->pid == 0)
        continue;
      if (w->out_fd < 0 && w->err_fd < 0) {
        int st = 0;
        while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR) {
        }
        finish_worker(&b, w, st);
        b2j_worker_clear(w);
        running--;
      } else if (w->deadline_us && !w->timed_out && now >= w->deadline_us) {
        kill(w->pid, SIGKILL); /* its pipes close; it is reaped above next round */
        w->timed_out = true;
      }
    }
    if (tty_tick)
      b2j_progress_tick(b.progress);
  }

  /* Stopped or finished: no child outlives the batch, and a result cut short
   * is simply not written (the next run redoes it). */
  bool interrupted = stop_signal != 0;
  for (int k = 0; k < jobs; k++) {
    if (ws[k].pid == 0)
      continue;
    kill(ws[k].pid, SIGKILL);
    while (waitpid(ws[k].pid, NULL, 0) < 0 && errno == EINTR) {
    }
    b2j_worker_clear(&ws[k]);
  }
  b2j_slots_close(&slots);
  flush_stream(&b);
  b2j_progress_free(b.progress);
  b.progress = NULL;
  if (interrupted && !o->quiet)
    fprintf(stderr, "budget2json: stopped by signal %d; run the same command again to finish\n",
            (int)stop_signal);
  if (b.out_full && !o->quiet)
    fprintf(stderr, "budget2json: stopped: the output has no room left\n");
  if (!sync_outputs(&b))
    b.write_errors++;
  int status = summarize(&b, now_s() - t0, interrupted, in->notes);

  if (b.stream_is_file && close(b.out_fd) != 0) {
    fprintf(stderr, "budget2json: unable to finish '%s': %s\n", o->jsonl, g_strerror(errno));
    status = 1;
  }
  b2j_db_close(b.db);
  if (b.jsonl_index)
    g_hash_table_destroy(b.jsonl_index);
  for (guint i = 0; i < b.n; i++) {
    g_free(b.items[i].out_name);
    g_free(b.items[i].json);
    g_free(b.items[i].status);
    g_free(b.items[i].code);
  }
  g_free(b.items);
  g_free(ws);
  g_free(pfd);
  g_free(pslot);
  sigaction(SIGINT, &old_int, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  sigaction(SIGPIPE, &old_pipe, NULL);
  sigaction(SIGXFSZ, &old_xfsz, NULL);
  sigprocmask(SIG_SETMASK, &orig, NULL);
  return status;
}

/* ---------- one file, in process ---------- */

/* Writes all of buf or fails, so a line is never left half-written by a
 * short write. */
static bool write_all(FILE *f, const char *buf, size_t len) {
  return fwrite(buf, 1, len, f) == len && fflush(f) == 0;
}

int b2j_run_single(const b2j_batch_options *o, const char *path) {
  b2j_doc *doc = b2j_process_file(path, &o->popt); /* freed below */
  int status = doc->status == B2J_STATUS_OK ? 0 : 1;
  if (!o->quiet) {
    for (guint k = 0; k < doc->errors->len; k++) {
      const b2j_error *e = g_ptr_array_index(doc->errors, k);
      fprintf(stderr, "budget2json: %s\n", e->message);
    }
  }
  char *json = b2j_emit_json(doc, !o->compact); /* freed below */
  GString *line = g_string_new(json); /* freed below */
  g_string_append_c(line, '\n');
  if (!json || !write_all(stdout, line->str, line->len)) {
    fprintf(stderr, "budget2json: unable to write the result for '%s': %s\n", path,
            g_strerror(errno));
    status = 1;
  }
  g_string_free(line, TRUE);
  g_free(json);
  b2j_doc_free(doc);
  return status;
}
