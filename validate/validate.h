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

#endif
