#include "slots.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib-unix.h>

bool b2j_slots_open(b2j_slots *s, GError **err) {
  int fds[2];
  if (!g_unix_open_pipe(fds, FD_CLOEXEC, err))
    return false;
  /* Several processes wait on the pipe and one byte wakes them all: the
   * ones that lose the race must get EAGAIN, not block in read. */
  if (!g_unix_set_fd_nonblocking(fds[0], TRUE, err)) {
    close(fds[0]);
    close(fds[1]);
    return false;
  }
  s->rfd = fds[0];
  s->wfd = fds[1];
  return true;
}

void b2j_slots_close(b2j_slots *s) {
  if (s->rfd >= 0)
    close(s->rfd);
  if (s->wfd >= 0)
    close(s->wfd);
  s->rfd = s->wfd = -1;
}

/* A pipe holds 64 KiB, far more tokens than -j, so a one-byte write never
 * blocks; it can be interrupted before writing anything. */
static void put_one(int fd) {
  while (write(fd, "+", 1) < 0 && errno == EINTR) {
  }
}

void b2j_slots_put(const b2j_slots *s, int n) {
  for (int i = 0; i < n; i++)
    put_one(s->wfd);
}

bool b2j_slots_try_take(const b2j_slots *s) {
  char c;
  ssize_t r;
  while ((r = read(s->rfd, &c, 1)) < 0 && errno == EINTR) {
  }
  return r == 1;
}

void b2j_slots_give_back(const b2j_slots *s) { put_one(s->wfd); }
