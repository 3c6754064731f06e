/* interpret/: what the tables and the prose mean — which standard table a grid
 * is, its columns, budget lines, projects, indicators, prose figures, and the
 * document's own metadata. Reads Page IR (repaired words) and layout's grids;
 * writes into the document model. */
#ifndef B2J_INTERPRET_H
#define B2J_INTERPRET_H

#include <glib.h>

#include "ir/ir.h"
#include "layout/layout.h"

/* Fills doc->document (title, department, fiscal year, kinds) from the
 * document's pages. `info_title` is the PDF's own Title entry or NULL
 * (borrowed); it is used only when the pages name no title. */
void b2j_interpret_document(b2j_doc *doc, const char *info_title);

/* Reads every grid of the document: recognises the table (form and kind from
 * its title and header words), stitches tables continued across pages,
 * flattens merged headers into one label per column, and fills doc->tables,
 * doc->budget_lines, doc->projects and doc->indicators. `page_grids` holds,
 * for each entry of doc->pages in order, a GPtrArray of b2j_grid* (borrowed;
 * NULL or empty for a page without tables). */
void b2j_interpret_tables(b2j_doc *doc, const GPtrArray *page_grids);

/* Finds headline figures in the prose (text outside tables): 本年收入合计,
 * 本年支出合计, 基本支出, 项目支出, “三公”经费, 机关运行经费, 政府采购, 自评得分
 * and 等级. Same `page_grids` as above, used to tell prose from tables. */
void b2j_interpret_figures(b2j_doc *doc, const GPtrArray *page_grids);

/* Sets doc->document.kinds from the tables found (and the text, when no
 * table says). Call after b2j_interpret_tables. */
void b2j_interpret_kinds(b2j_doc *doc);

#endif
