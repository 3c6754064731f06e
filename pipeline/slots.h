/* A batch's OCR slots, shared by its document processes: at most -j pages
 * are OCR'd at once across the batch, and a document left running alone at
 * the batch's end OCRs up to -j of its pages at once instead of one, so the
 * places of the documents that have ended do not sit idle.
 *
 * Each document process always has one slot of its own. The others are
 * tokens: bytes in a pipe that every process of the batch inherits. The
 * batch puts one in for each -j place no document will take again (every
 * input started, one ended), so the pipe never holds more tokens than there
 * are idle places. A process borrows a token for one page and writes it back
 * when the page is read; GNU make's jobserver works the same way. A process
 * killed while it holds tokens loses them: the rest of the batch then OCRs
 * fewer pages at once, and never waits for ever, since each process still
 * has its own slot. */
#ifndef B2J_SLOTS_H
#define B2J_SLOTS_H

#include <glib.h>
#include <stdbool.h>

typedef struct {
  int rfd, wfd; /* the token pipe; the read end is non-blocking */
} b2j_slots;

/* Opens the pipe, empty. False with *err when it cannot. */
bool b2j_slots_open(b2j_slots *s, GError **err);

/* Closes both ends (in the batch, after its last child). */
void b2j_slots_close(b2j_slots *s);

/* The batch: n more tokens into the pipe. */
void b2j_slots_put(const b2j_slots *s, int n);

/* A document process: takes a token when one is there, without waiting. */
bool b2j_slots_try_take(const b2j_slots *s);

/* A document process: a taken token back into the pipe. */
void b2j_slots_give_back(const b2j_slots *s);

#endif
