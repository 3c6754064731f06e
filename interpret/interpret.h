/* interpret/: what the tables and the prose mean — which standard table a grid
 * is, its columns, budget lines, projects, indicators, prose figures, and the
 * document's own metadata. Reads Page IR (repaired words) and layout's grids;
 * writes into the document model. */
#ifndef B2J_INTERPRET_H
#define B2J_INTERPRET_H

#include "ir/ir.h"

/* Fills doc->document (title, department, fiscal year, kinds) from the
 * document's pages. `info_title` is the PDF's own Title entry or NULL
 * (borrowed); it is used only when the pages name no title. */
void b2j_interpret_document(b2j_doc *doc, const char *info_title);

#endif
