/* layout/: positioned words and ruling lines to text lines and table grids.
 *
 * Works on Page IR only, so a born-digital page and an OCR'd page take the
 * same path. Results own their strings; the pages they came from are
 * borrowed and must outlive nothing here (indices, not pointers, refer back).
 */
#ifndef B2J_LAYOUT_H
#define B2J_LAYOUT_H

#include <glib.h>

#include "ir/ir.h"

/* A line of text: words that share a baseline band, left to right. */
typedef struct {
  char *text;      /* words joined; a space only where the gap is wide */
  b2j_box box;
  GArray *words;   /* of guint: indices into page->words */
} b2j_line;

void b2j_line_free(b2j_line *l);

/* Groups a page's words into lines, top to bottom. Returns a GPtrArray of
 * b2j_line* that frees its elements; the caller g_ptr_array_unref()s it. */
GPtrArray *b2j_layout_lines(const b2j_page *page);

/* ---------- Table grids ---------- */

/* One cell of a grid. A merged cell appears once, at its top-left slot, with
 * its spans; interpret/ repeats its text into every slot it covers. */
typedef struct {
  int row, col;         /* 0-based slot of the top-left corner */
  int rowspan, colspan; /* >= 1 */
  char *text;           /* the words inside, in reading order, joined: CJK
                           runs without spaces, other words with one; a name
                           wrapped over two lines comes out as one string */
  b2j_box box;          /* the cell's box (from its rules when ruled) */
  double conf;          /* lowest word confidence inside, -1 if none */
  GArray *words;        /* of guint: indices into page->words */
} b2j_grid_cell;

typedef struct {
  int page;             /* page number the grid is on */
  b2j_box box;          /* the table's outline */
  bool ruled;           /* true: rows and columns came from ruling lines;
                           false: from aligned whitespace */
  int n_rows, n_cols;
  GPtrArray *cells;     /* of b2j_grid_cell*, row-major by top-left slot */
  GPtrArray *above;     /* of char*: text lines between the previous table (or
                           the page top) and this one, top to bottom (title,
                           caption 公开02表, 单位, 部门 lines live here) */
  GPtrArray *below;     /* of char*: text lines after the table up to the next
                           table or the page end (注 notes, 说明) */
} b2j_grid;

void b2j_grid_free(b2j_grid *g);

/* The cell covering slot (row, col), or NULL (borrowed from the grid). */
const b2j_grid_cell *b2j_grid_at(const b2j_grid *g, int row, int col);

/* Finds the tables on a page: ruled grids from page->rules first, then tables
 * drawn without lines from aligned whitespace. Returns a GPtrArray of
 * b2j_grid* in reading order that frees its elements; the caller
 * g_ptr_array_unref()s it. Never fails: a page with no table gives []. */
GPtrArray *b2j_layout_tables(const b2j_page *page);

/* Text lines of the page that fall outside every grid in `grids` (prose,
 * headings), top to bottom. Same ownership as b2j_layout_lines. */
GPtrArray *b2j_layout_prose_lines(const b2j_page *page, const GPtrArray *grids);

/* A cheap test on the words alone: may this page hold a table? (many numbers
 * in aligned rows, or table words such as 科目编码, 栏次, 合计, 单位：). The
 * pipeline renders a page to find its ruling lines only when this says yes,
 * so it errs towards yes. */
bool b2j_layout_page_may_have_table(const b2j_page *page);

#endif
