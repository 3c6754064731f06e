/* Progress of a batch on stderr: a bar redrawn in place on a terminal (files,
 * pages, rate, ETA), one plain line per finished document otherwise, nothing
 * with --quiet. */
#ifndef B2J_PROGRESS_H
#define B2J_PROGRESS_H

#include <stdbool.h>

typedef struct b2j_progress b2j_progress;

/* total: inputs in the batch. Free with b2j_progress_free. */
b2j_progress *b2j_progress_new(int total, bool quiet);
/* A document finished (or was skipped by resume: skipped = true). */
void b2j_progress_done(b2j_progress *p, const char *file, const char *status, int pages,
                       double seconds, bool skipped);
/* Prints a message (an error) without breaking the bar. */
void b2j_progress_message(b2j_progress *p, const char *msg);
/* Redraws the bar (the elapsed time moves even when nothing finishes). */
void b2j_progress_tick(b2j_progress *p);
/* Clears the bar line; call before the summary. */
void b2j_progress_free(b2j_progress *p);

#endif
