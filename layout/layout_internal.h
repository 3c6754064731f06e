/* Private to layout/: helpers its files share. Not for other stages. */
#ifndef B2J_LAYOUT_INTERNAL_H
#define B2J_LAYOUT_INTERNAL_H

#include "layout.h"

/* Lines (as b2j_layout_lines) of a subset of a page's words: `idx` holds
 * indices into page->words (borrowed); the lines' word indices are page
 * indices too. Same ownership as b2j_layout_lines. */
GPtrArray *b2j_lines_of(const b2j_page *page, const GArray *idx);

/* Whether a token reads as an amount, a count or a code: digits with
 * separators, sign, percent or parentheses (full-width digits too). */
bool b2j_token_is_numeric(const char *s);

/* The text of a set of words (indices into page->words, borrowed) in reading
 * order: lines top to bottom, CJK joined without spaces, other tokens with
 * one space. g_free the result. */
char *b2j_join_words(const b2j_page *page, const GArray *idx);

/* A grid's skeleton: nx column boundaries xs[] and ny row boundaries ys[],
 * ascending, and which slot edges carry a wall (a rule, or a whitespace
 * separator that no word crosses). vwall[r * nx + c]: the edge at xs[c] in
 * row r; hwall[r * (nx - 1) + c]: the edge at ys[r] in column c. Arrays are
 * owned by whoever built the lattice. */
typedef struct {
  int nx, ny;
  double *xs, *ys;
  bool *vwall, *hwall;
} b2j_lattice;

/* Turns a lattice and the words inside it (indices, borrowed) into a grid:
 * merged cells where walls are missing, words to the slot holding their
 * centre, cell texts. `rows` (borrowed, may be NULL) gives each word's row
 * when it is known better than by its centre (words of an unruled table
 * whose cells are not centred on their row). The caller owns the grid
 * (b2j_grid_free). */
b2j_grid *b2j_grid_build(const b2j_page *page, const b2j_lattice *lat, const GArray *words,
                         const int *rows, bool ruled);

#endif
