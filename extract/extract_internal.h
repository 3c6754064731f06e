/* Shared by the extract/ sources only: the vector pass (vector_ink.cc, C++
 * over poppler's private API) as extract.c calls it. */
#ifndef B2J_EXTRACT_INTERNAL_H
#define B2J_EXTRACT_INTERNAL_H

#include "extract.h"

/* A second, poppler-core view of a document poppler-glib already opened
 * (which made poppler's global parameters). `data` is borrowed and must
 * outlive it. NULL when poppler cannot open it. Close with
 * b2j_vector_doc_close. */
typedef struct b2j_vector_doc b2j_vector_doc;
b2j_vector_doc *b2j_vector_doc_open(const guint8 *data, gsize len, const char *password);
void b2j_vector_doc_close(b2j_vector_doc *vd);

/* Appends to `out` (of b2j_box, points, top-left origin, the page as
 * displayed) the ink page `number` draws as paths: see b2j_pdf_page_vector_ink. */
b2j_vector_status b2j_vector_doc_ink(b2j_vector_doc *vd, int number, double width,
                                     double height, GArray *out);

#endif
