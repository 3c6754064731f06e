/* Shared between the files of interpret/ only. */
#ifndef B2J_INTERPRET_INTERNAL_H
#define B2J_INTERPRET_INTERNAL_H

#include <stdbool.h>

#include "interpret.h"

/* A grid as a dense rows x cols view: every slot points at the cell that
 * covers it (merged cells repeat), with its text. Owns the text copies, not
 * the cells (borrowed from the grid, which must outlive it). */
typedef struct {
  int rows, cols, page;
  const b2j_grid_cell **cell;
  char **text;
} b2j_matrix;

b2j_matrix *b2j_matrix_from_grid(const b2j_grid *g);
void b2j_matrix_free(b2j_matrix *m);
/* Borrowed text of slot (r, c); "" outside the matrix. */
const char *b2j_mtext(const b2j_matrix *m, int r, int c);

/* White space removed (g_free the result). */
char *b2j_squash(const char *s);
bool b2j_has(const char *s, const char *word);

/* The table kind a squashed title names, or NULL. Static string. */
const char *b2j_kind_from_title(const char *title);

/* Levenshtein distance between a and b (code points), stopping early past
 * `limit` (returns limit + 1 then). */
int b2j_edit_distance(const gunichar *a, int na, const gunichar *b, int nb, int limit);

/* The kind of the standard title an OCR'd title holds with at most one
 * misread, missing or extra character ("部门(单位)整体广出绩效自评表" →
 * overall_performance), or NULL. Static string. *verbatim (may be NULL) says
 * whether that standard title occurs in `title` unchanged. */
const char *b2j_kind_from_ocr_title(const char *title, bool *verbatim);

/* One label per column from the first header_rows rows (SCHEMA.md's rule).
 * Returns a GPtrArray of g_malloc'd strings that frees them. */
GPtrArray *b2j_flatten_header(const b2j_matrix *m, int header_rows);

/* Parses cell->text into cell->value when the whole cell is one number, or
 * a number wrapped inside its cell; returns true for the latter (the caller
 * warns). */
bool b2j_fill_cell_value(b2j_cell *cell, bool from_ocr);

/* Reads a performance form, goal table or score sheet whose rows are already
 * in `t`: sets t->columns and adds the project and its indicators to doc.
 * `matrices` (borrowed) are the table's grids as matrices, page by page. */
void b2j_interpret_performance(b2j_doc *doc, b2j_table *t, const GPtrArray *matrices);
/* Each project name OCR read unsure in its 项目名称 cell becomes the one text
 * the document prints within a few glyphs of it, with its indicators'
 * project; recorded as ocr_text_corrected. Run once all tables are read. */
void b2j_projects_named_from_text(b2j_doc *doc);

#endif
