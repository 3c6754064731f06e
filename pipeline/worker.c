#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emit/emit.h"

/* ASan reserves terabytes of address space for its shadow memory, so an
 * RLIMIT_AS would make every allocation fail: sanitizer builds skip it. */
#if defined(__SANITIZE_ADDRESS__)
#define B2J_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define B2J_ASAN 1
#endif
#endif
#ifndef B2J_ASAN
#define B2J_ASAN 0
#endif

#define ERR_KEEP 4096 /* bytes of the child's stderr worth keeping */

static bool write_fd_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    buf += n;
    len -= (size_t)n;
  }
  return true;
}

/* Test hooks (documented in the man page under ENVIRONMENT): make the child
 * for a matching path misbehave, so the tests can pin what the parent does. */
static void test_hooks(const char *path) {
  const char *crash = g_getenv("B2J_TEST_CRASH_ON");
  const char *hang = g_getenv("B2J_TEST_HANG_ON");
  const char *oom = g_getenv("B2J_TEST_OOM_ON");
  const char *delay = g_getenv("B2J_TEST_DELAY_MS");
  if (delay && *delay)
    g_usleep((gulong)g_ascii_strtoull(delay, NULL, 10) * 1000);
  if (crash && *crash && strstr(path, crash))
    abort();
  if (hang && *hang && strstr(path, hang))
    for (;;)
      pause();
  if (oom && *oom && strstr(path, oom)) {
    for (;;) { /* leaks on purpose until the limit stops it */
      char *p = g_malloc(64 << 20);
      memset(p, 1, 64 << 20);
    }
  }
}

/* The child's whole life; never returns. */
static G_NORETURN void child_main(const char *path, const b2j_worker_config *cfg, int out_w,
                                  int err_w, pid_t parent) {
  /* Die with the parent: a batch killed with SIGKILL leaves no orphans. */
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent)
    _exit(99);
  /* Own process group: a terminal's Ctrl-C reaches the parent only, which
   * then stops its children itself. */
  setpgid(0, 0);
  struct sigaction dfl = {.sa_handler = SIG_DFL};
  sigaction(SIGINT, &dfl, NULL);
  sigaction(SIGTERM, &dfl, NULL);
  sigaction(SIGPIPE, &dfl, NULL);
  sigaction(SIGXFSZ, &dfl, NULL);
  sigprocmask(SIG_SETMASK, cfg->child_mask, NULL);
  /* stderr to the parent; stdout too, so a library's stray print can never
   * land in the JSON Lines the parent writes there; no stdin (a list on
   * stdin was read before any child started). */
  int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (dup2(err_w, STDERR_FILENO) < 0 || dup2(err_w, STDOUT_FILENO) < 0 ||
      (null_fd >= 0 && dup2(null_fd, STDIN_FILENO) < 0))
    _exit(98);
  close(err_w);
  if (null_fd >= 0)
    close(null_fd);
  struct rlimit core = {0, 0};
  setrlimit(RLIMIT_CORE, &core);
  if (cfg->max_memory_mb > 0 && !B2J_ASAN) {
    rlim_t lim = (rlim_t)cfg->max_memory_mb << 20;
    struct rlimit as = {lim, lim};
    setrlimit(RLIMIT_AS, &as);
  }
  test_hooks(path);
  b2j_doc *doc = b2j_process_file(path, cfg->popt); /* freed below */
  char *json = b2j_emit_json(doc, cfg->pretty);      /* g_free'd below */
  bool ok = json && write_fd_all(out_w, json, strlen(json));
  g_free(json);
  b2j_doc_free(doc);
  /* _exit: the parent's stdio buffers and atexit handlers are not ours. */
  _exit(ok ? 0 : 3);
}

bool b2j_worker_start(b2j_worker *w, const char *path, const b2j_worker_config *cfg) {
  int outp[2], errp[2];
  if (pipe2(outp, O_CLOEXEC) != 0)
    return false;
  if (pipe2(errp, O_CLOEXEC) != 0) {
    close(outp[0]);
    close(outp[1]);
    return false;
  }
  fflush(stdout);
  fflush(stderr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    close(outp[0]);
    close(outp[1]);
    close(errp[0]);
    close(errp[1]);
    errno = e;
    return false;
  }
  if (pid == 0) {
    close(outp[0]);
    close(errp[0]);
    child_main(path, cfg, outp[1], errp[1], parent);
  }
  close(outp[1]);
  close(errp[1]);
  w->pid = pid;
  w->out_fd = outp[0];
  w->err_fd = errp[0];
  w->out = g_string_sized_new(64 * 1024); /* both freed by b2j_worker_clear */
  w->err = g_string_new(NULL);
  w->start_us = g_get_monotonic_time();
  w->deadline_us = 0;
  w->timed_out = false;
  return true;
}

void b2j_worker_read(b2j_worker *w, int fd) {
  char buf[65536];
  ssize_t n;
  do
    n = read(fd, buf, sizeof buf);
  while (n < 0 && errno == EINTR);
  if (n > 0) {
    if (fd == w->out_fd) {
      g_string_append_len(w->out, buf, n);
    } else {
      g_string_append_len(w->err, buf, n);
      if (w->err->len > 2 * ERR_KEEP) /* keep the tail: the last words matter */
        g_string_erase(w->err, 0, (gssize)(w->err->len - ERR_KEEP));
    }
    return;
  }
  close(fd);
  if (fd == w->out_fd)
    w->out_fd = -1;
  else
    w->err_fd = -1;
}

void b2j_worker_clear(b2j_worker *w) {
  if (w->out_fd >= 0)
    close(w->out_fd);
  if (w->err_fd >= 0)
    close(w->err_fd);
  if (w->out)
    g_string_free(w->out, TRUE);
  if (w->err)
    g_string_free(w->err, TRUE);
  memset(w, 0, sizeof *w);
  w->out_fd = w->err_fd = -1;
}

/* The last non-empty line the child printed (at most 200 bytes, valid
 * UTF-8), to say why it crashed; NULL when it printed nothing. g_free. */
static char *last_line(const char *err) {
  char **lines = g_strsplit(err, "\n", -1); /* freed below */
  char *found = NULL;
  for (int i = (int)g_strv_length(lines) - 1; i >= 0 && !found; i--) {
    char *t = g_strstrip(lines[i]);
    if (*t) {
      if (strlen(t) > 200)
        t[200] = '\0';
      found = g_utf8_make_valid(t, -1);
    }
  }
  g_strfreev(lines);
  return found;
}

static bool said_out_of_memory(const char *err) {
  static const char *const marks[] = {"failed to allocate", "bad_alloc", "out of memory",
                                      "Out of memory", "Cannot allocate memory", NULL};
  for (int i = 0; marks[i]; i++)
    if (strstr(err, marks[i]))
      return true;
  return false;
}

char *b2j_worker_failure(const b2j_worker *w, int wait_status, const char *path, int timeout_s,
                         long long max_memory_mb, const char **code) {
  if (w->timed_out) {
    *code = "timeout";
    return g_strdup_printf("gave up on '%s' after %d s (--timeout)", path, timeout_s);
  }
  if (said_out_of_memory(w->err->str)) {
    *code = "out_of_memory";
    return g_strdup_printf("'%s' needed more than %lld MB of memory (--max-memory)", path,
                           max_memory_mb);
  }
  *code = "crashed";
  char *last = last_line(w->err->str); /* freed below */
  char *msg;
  if (WIFSIGNALED(wait_status))
    msg = g_strdup_printf("the worker reading '%s' crashed (signal %d, %s)%s%s", path,
                          WTERMSIG(wait_status), strsignal(WTERMSIG(wait_status)),
                          last ? ": " : "", last ? last : "");
  else
    msg = g_strdup_printf("the worker reading '%s' stopped with exit status %d and no result%s%s",
                          path, WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1,
                          last ? ": " : "", last ? last : "");
  g_free(last);
  return msg;
}
