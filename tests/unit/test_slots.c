/* A batch's shared OCR slots (pipeline/slots.h): tokens are taken without
 * waiting, one reader gets each, they cross fork() as the batch's children
 * do, and a process that dies holding one takes it with it. */
#include <sys/wait.h>
#include <unistd.h>

#include "pipeline/slots.h"
#include "tests/lib/tap.h"

/* Runs `take_then` in a child: 't' takes a token and keeps it, 'r' takes
 * one and gives it back. The child's exit status: 0 when it got a token. */
static int in_child(const b2j_slots *s, char take_then) {
  pid_t pid = fork();
  if (pid == 0) {
    bool got = b2j_slots_try_take(s);
    if (got && take_then == 'r')
      b2j_slots_give_back(s);
    _exit(got ? 0 : 1);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int main(void) {
  b2j_slots s = {-1, -1};
  TAP_OK(b2j_slots_open(&s, NULL) && s.rfd >= 0 && s.wfd >= 0, "the token pipe opens");
  TAP_OK(!b2j_slots_try_take(&s), "an empty pipe gives no token and does not wait");

  b2j_slots_put(&s, 2);
  TAP_OK(b2j_slots_try_take(&s), "first of two tokens taken");
  TAP_OK(b2j_slots_try_take(&s), "second of two tokens taken");
  TAP_OK(!b2j_slots_try_take(&s), "no third: the pipe holds only what was put in");

  b2j_slots_give_back(&s);
  TAP_OK(b2j_slots_try_take(&s), "a token given back can be taken again");

  b2j_slots_put(&s, 1);
  TAP_OK(in_child(&s, 'r') == 0, "a child process takes the batch's token and gives it back");
  TAP_OK(b2j_slots_try_take(&s), "the token a child gave back is the parent's to take");

  b2j_slots_put(&s, 1);
  TAP_OK(in_child(&s, 't') == 0, "a child that exits holding its token");
  TAP_OK(!b2j_slots_try_take(&s), "... takes it with it: the others run with fewer");
  TAP_OK(in_child(&s, 't') == 1, "a child finds none then, and does not wait for one");

  b2j_slots_close(&s);
  TAP_OK(s.rfd == -1 && s.wfd == -1, "closing forgets both ends");
  return tap_done();
}
