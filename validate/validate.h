/* validate/: the arithmetic a report must satisfy, checked on the document
 * model interpret/ produced. Runs after interpretation and before emit/.
 *
 * b2j_validate() appends to doc->checks one b2j_check per rule instance the
 * document allows (DOMAIN.md "Arithmetic that must hold"): column and
 * hierarchy sums, row identities, the 01/04 balance identities, cross-table
 * identities (01↔02↔03, 04↔05, 02/03↔05 by subject code, 05↔06), the 三公
 * table, empty-table notes (07/08), performance identities (得分 ≤ 分值, 总分,
 * 执行率), prose figures against tables, comparisons written in prose (X − B =
 * D, growth rates), years in titles, and placeholder text.
 *
 * - Passing checks are listed too. A rule that could not run (its table is
 *   missing, a cell is unreadable, a precondition does not hold) is added with
 *   evaluated = false and a message saying why; it never passes quietly.
 * - Values are compared at the coarser printed precision of the two sides
 *   (rounding half away from zero). When the report declares 尾数误差 and a
 *   万元 table is involved, a difference of 0.01 万元 is also accepted and the
 *   message says so.
 * - `expected` is what the rule predicts (a sum, the other table's amount),
 *   `found` the printed amount under test; both in the table's unit, or in 元
 *   when the two sides are in different units (the message says which).
 * - Nothing but doc->checks is changed: a failing check never edits a value.
 *
 * Ownership: every check is allocated here and owned by doc->checks (freed
 * with the document by b2j_doc_free). `doc` is borrowed. No global state:
 * calls on different documents may run in parallel.
 */
#ifndef B2J_VALIDATE_H
#define B2J_VALIDATE_H

#include "ir/ir.h"

void b2j_validate(b2j_doc *doc);

/* Constrained repair of OCR'd numbers (repair.c), run after b2j_validate.
 * A number on an OCR'd page read with confidence under 0.9, in a table a
 * failing check names, is tried with each of its other readings (its words'
 * tesseract alternatives, b2j_repair_confusions of each digit). A reading is
 * taken when it is the only one of that cell, and no other cell's reading
 * fixes the same check, that makes every check the cell takes part in pass
 * (and one of them failed). Readings that restore a number's form (a lost
 * point, a point read as a space, marks or a stray minus around it) are also
 * tried wherever the cell reads with confidence, and together across the
 * cells of one failing sum: several cells that lost their points in one
 * column are repaired when exactly one combination of their readings makes
 * every check they move pass. The cell gets the new text and value, budget
 * lines read from it follow, a "repaired_number" warning quotes the original
 * reading, and doc->checks is validated again. Born-digital numbers are
 * never touched. Returns the number of cells repaired. `doc` is borrowed and
 * changed in place; no global state. */
int b2j_repair(b2j_doc *doc);

/* The digits a read digit is often confused with on noisy scans ("" for a
 * non-digit). Static string, do not free. */
const char *b2j_repair_confusions(char digit);

/* Other readings of cell text `text`: for each word text word_texts[i]
 * (NULL-terminated) occurring once in `text`, `text` with it replaced by each
 * of word_alts[i] (NULL-terminated, may be NULL); with `confusions`, `text`
 * with one digit swapped for each of its confusions. Distinct, never `text`
 * itself. Caller frees (g_ptr_array_unref; strings go with it). */
GPtrArray *b2j_repair_candidates(const char *text, const char *const *const *word_alts,
                                 const char *const *word_texts, bool confusions);
/* Appends to `out` (of g_malloc'd strings) the readings of digits-only
 * `text` with a decimal point restored, inserted or in place of one digit,
 * showing 1..prec decimals. */
void b2j_repair_point_candidates(const char *text, int prec, GPtrArray *out);
/* `text` with every character that cannot be part of a number dropped
 * ("人15.24" → "15.24"); NULL when nothing changes or no digit is left.
 * Caller frees. */
char *b2j_repair_strip_marks(const char *text);
/* Appends to `out` the readings of `text` whose one glyph inside the number
 * that no number has ("1$897.44", "1L54327", "4色. 68") is each digit in
 * turn (with a point restored for `prec` decimals when none is left); a
 * digit lost under a speck or a seal's stroke. Nothing when there are two
 * such glyphs or none. */
void b2j_repair_glyph_digit_candidates(const char *text, int prec, GPtrArray *out);
/* `text` without a leading minus ("- 44.76" → "44.76"); NULL when it has
 * none or no digit follows. Caller frees. */
char *b2j_repair_strip_sign(const char *text);
/* The first space-separated token of `text` when it is made of number
 * characters and more follows ("100 9%o" → "100"); else NULL. Caller frees. */
char *b2j_repair_first_token(const char *text);
/* The digits of `text` when it is digit groups split by runs of ',', '.'
 * and ' ' (thousands separators read as points or doubled: "2,.932, 700",
 * "1.633, 000" → "2932700", "1633000"), the first group of one to three
 * digits and every later one of three; else NULL. For a column of whole
 * numbers only. Caller frees. */
char *b2j_repair_thousands_digits(const char *text);

#endif
