/* Which files a batch reads: named files, folders walked recursively, and
 * lists of paths on stdin ("-").
 *
 * In a folder a file is an input when its first KiB holds "%PDF-" (so a PDF
 * without the .pdf suffix is found), or when its name ends in .pdf even if
 * it is not a PDF (so an HTML page saved as x.pdf gets a `failed` object
 * instead of vanishing). A file named on the command line is always an
 * input. Symbolic links are followed, but a link back to a folder being
 * walked (a loop) is reported and not entered; a folder reached twice is
 * walked once. Entries are sorted, so the order is the same on every run.
 * A folder named on the command line in which no input is found becomes an
 * input itself (its `failed` object says it is unreadable as a PDF).
 */
#ifndef B2J_INPUTS_H
#define B2J_INPUTS_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct {
  GPtrArray *paths; /* of char*, owned: inputs in order (a file reached twice
                       through folders once; named twice, twice) */
  GPtrArray *notes; /* of char*, owned: human sentences (symlink loops, unreadable folders) */
  bool any_folder;  /* a folder or a stdin list was given: batch mode */
} b2j_inputs;

/* Collects inputs from args (files, folders, "-" = read paths from `list`,
 * one per line). Never fails: what cannot be used is in notes, or left to the
 * worker to report (a missing file named on the command line becomes a
 * `failed` object). Free with b2j_inputs_clear. */
void b2j_inputs_collect(char **args, int n_args, FILE *list, b2j_inputs *out);
void b2j_inputs_clear(b2j_inputs *in);

/* True when the first KiB of the file at path holds "%PDF-". */
bool b2j_sniff_pdf(const char *path);

#endif
