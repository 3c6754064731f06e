/* One document in its own child process: isolation for the batch.
 *
 * The child (fork) runs b2j_process_file under an address-space limit,
 * writes the budget2json/1 text to a pipe and exits; its stderr goes to a
 * second pipe so the parent can tell "out of memory" from another crash. The
 * parent never processes a document itself, so a crash, a hang or a runaway
 * allocation costs one document, not the batch.
 */
#ifndef B2J_WORKER_H
#define B2J_WORKER_H

#include <glib.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

#include "process.h"

typedef struct {
  const b2j_options *popt; /* borrowed */
  bool pretty;             /* indented JSON (-o with --pretty) */
  long long max_memory_mb; /* RLIMIT_AS of the child; 0 = none */
  const sigset_t *child_mask; /* signal mask the child restores (borrowed) */
} b2j_worker_config;

typedef struct {
  pid_t pid;         /* 0 when no child */
  int out_fd;        /* read end of the result pipe; -1 once at EOF */
  int err_fd;        /* read end of the child's stderr; -1 once at EOF */
  GString *out;      /* the JSON text read so far (owned) */
  GString *err;      /* the last few KiB of the child's stderr (owned) */
  gint64 start_us;   /* monotonic */
  gint64 deadline_us;/* monotonic; 0 = no limit */
  bool timed_out;    /* the parent killed it at the deadline */
  guint item;        /* index of the input in the batch */
} b2j_worker;

/* Starts a child for `path`. False (errno set) when fork or pipe fails; the
 * worker is then untouched. On success the caller owns the worker's fds and
 * strings until b2j_worker_clear. */
bool b2j_worker_start(b2j_worker *w, const char *path, const b2j_worker_config *cfg);

/* Reads what is ready on fd (one of the worker's); at EOF closes it and sets
 * it to -1. */
void b2j_worker_read(b2j_worker *w, int fd);

/* Closes the fds and frees the buffers; the child must have been reaped. */
void b2j_worker_clear(b2j_worker *w);

/* What became of a reaped child whose JSON is not usable: the failed-object
 * code ("timeout", "out_of_memory", "crashed") and a sentence (g_free). */
char *b2j_worker_failure(const b2j_worker *w, int wait_status, const char *path,
                         int timeout_s, long long max_memory_mb, const char **code);

#endif
