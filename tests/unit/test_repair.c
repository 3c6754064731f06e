/* validate/repair.c: constrained repair of OCR'd numbers. The tables are rows
 * of seed-001's 一般公共预算财政拨款支出决算表 (公开05表, 万元) with the misreadings
 * its noisy scan gave ("485" for 4.85, "12454" for 12.54, "人15.24"). */
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "tests/lib/tap.h"
#include "validate/validate.h"

#include "tests/lib/validate_fixtures.h"

static const char *const COLS05 = "功能分类科目编码|科目名称|小计|基本支出|项目支出";

/* Every cell of `t` read with confidence `conf` (-1: born-digital), in a
 * box of its own. */
static void cells_read_at(b2j_table *t, double conf) {
  for (guint r = 0; r < t->rows->len; r++) {
    b2j_row *row = g_ptr_array_index(t->rows, r);
    for (guint c = 0; c < row->cells->len; c++) {
      b2j_cell *cell = g_ptr_array_index(row->cells, c);
      cell->confidence = conf;
      cell->has_box = true;
      cell->box = (b2j_box){100.0 * c, 20.0 * r, 100.0 * c + 90, 20.0 * r + 15};
    }
  }
}

/* An OCR'd page `number`, w x h points, added to `d` (which owns it). */
static void add_ocr_page(b2j_doc *d, int number, double w, double h) {
  b2j_page *p = b2j_page_new(number, w, h);
  p->source = B2J_SOURCE_OCR;
  g_ptr_array_add(d->pages, p);
}

/* A budget 04 (财政拨款收支预算总表, 元) on OCR'd page 2 whose totals sit
 * right under its items: its three items, then 收入总计/支出总计, every
 * cell read with good confidence. The rows as in `rows`, or putuo's when
 * NULL. */
static b2j_table *table04_bare(b2j_doc *d, const char *const rows[4]) {
  static const char *const PUTUO[4] = {
      "一、一般公共预算资金|156,211,123|一、一般公共服务支出|2,932,700|2,932,700||",
      "二、政府性基金||二、公共安全支出|1,633,000|1,633,000||",
      "三、国有资本经营预算||三、城乡社区支出|151,645,423|151,645,423||",
      "收入总计|156,211,123|支出总计|156,211,123|156,211,123||",
  };
  add_ocr_page(d, 2, 842, 595);
  b2j_table *t = tv_table(d, "t2", "appropriation_summary", NULL, "元",
                          "项目|预算数|项目|合计|一般公共预算|政府性基金预算|国有资本经营预算", 2);
  for (int i = 0; i < 4; i++)
    tv_row(t, (rows ? rows : PUTUO)[i]);
  cells_read_at(t, 0.99);
  return t;
}

/* A 05 table of four rows (合计 first) in `unit`, on page 10; every cell
 * OCR'd with good confidence and a box of its own, or born-digital. */
static b2j_table *table05_of(b2j_doc *d, b2j_origin origin, const char *unit,
                             const char *const rows[4]) {
  b2j_page *p = b2j_page_new(10, 595, 842);
  p->source = origin == B2J_ORIGIN_OCR ? B2J_SOURCE_OCR : B2J_SOURCE_TEXT;
  g_ptr_array_add(d->pages, p);
  b2j_table *t = tv_table(d, "t5", "general_budget_expenditure", "公开05表", unit, COLS05, 10);
  for (int i = 0; i < 4; i++)
    tv_row(t, rows[i]);
  cells_read_at(t, origin == B2J_ORIGIN_OCR ? 0.99 : -1);
  return t;
}

/* seed-001's 05 table cut to three lines, totals summed to match. */
static b2j_table *table05(b2j_doc *d, b2j_origin origin) {
  static const char *const rows[4] = {
      "合计|合计|22.47|22.47|",
      "2080505|机关事业单位基本养老保险缴费支出|15.24|15.24|",
      "2101102|事业单位医疗|4.85|4.85|",
      "2080508|对机关事业单位职业年金的补助|2.38|2.38|",
  };
  return table05_of(d, origin, "万元", rows);
}

static b2j_cell *cell_at(b2j_table *t, guint r, guint c) {
  return g_ptr_array_index(((b2j_row *)g_ptr_array_index(t->rows, r))->cells, c);
}

/* Sets a cell as OCR read it. */
static void misread(b2j_cell *cell, const char *text, double conf) {
  g_free(cell->text);
  cell->text = g_strdup(text);
  b2j_dec v;
  cell->value.present = b2j_dec_parse(text, &v);
  cell->value.value = v;
  cell->confidence = conf;
}

static int count_warnings(const b2j_doc *d, const char *code) {
  int n = 0;
  for (guint i = 0; i < d->warnings->len; i++)
    n += strcmp(((const b2j_warning *)g_ptr_array_index(d->warnings, i))->code, code) == 0;
  return n;
}

static bool warning_has(const b2j_doc *d, const char *s) {
  for (guint i = 0; i < d->warnings->len; i++)
    if (strstr(((const b2j_warning *)g_ptr_array_index(d->warnings, i))->message, s))
      return true;
  return false;
}

static void test_lost_point_is_restored_when_the_checks_allow_one_reading(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  misread(cell_at(t, 2, 2), "485", 0.99);
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "column_sum", "合计/小计")), "lost point: 合计/小计 fails before");
  int n = b2j_repair(d);
  b2j_cell *c = cell_at(t, 2, 2);
  TAP_OK(n == 1 && strcmp(c->text, "4.85") == 0 && c->value.present &&
             b2j_dec_cmp(c->value.value, (b2j_dec){485, 2}) == 0,
         "lost point: '485' becomes 4.85 (repaired %d, text %s)", n, c->text);
  TAP_OK(count_warnings(d, "repaired_number") == 1 && warning_has(d, "'485'"),
         "lost point: one repaired_number warning quotes the original reading");
  TAP_OK(tv_pass(tv_find(d, "column_sum", "合计/小计")), "lost point: checks validated again pass");
  tv_done(d);
}

/* Sets a cell as OCR read a number in pieces that the layout joined into
 * `joined` ("948330 25" is 94833025, "1 15. 24" is 115.24). */
static void misread_joined(b2j_cell *cell, const char *text, b2j_dec joined, double conf) {
  misread(cell, text, conf);
  cell->value.present = true;
  cell->value.value = joined;
}

static void test_point_read_as_a_space_is_restored(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  /* syn-008's scan read 948330.25 as "948330 25", joined to 94833025. */
  b2j_cell *c = cell_at(t, 2, 2);
  misread_joined(c, "4 85", (b2j_dec){485, 0}, 0.99);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 1 && strcmp(c->text, "4.85") == 0, "space: '4 85' becomes 4.85 (repaired %d)", n);
  tv_done(d);
}

static void test_word_alternative_is_taken(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  /* 2.38 read 2.36 at 0.6; tesseract's other choice for the last digit: 8. */
  b2j_cell *c = cell_at(t, 3, 3);
  misread(c, "2.36", 0.6);
  b2j_page *p = g_ptr_array_index(d->pages, 0);
  b2j_page_add_word(p, g_strdup("2.36"), (b2j_box){c->box.x0 + 5, c->box.y0 + 2, c->box.x1 - 5,
                                                   c->box.y1 - 2}, 0.6, B2J_ORIGIN_OCR);
  char **alts = g_new0(char *, 2);
  alts[0] = g_strdup("2.38");
  g_array_index(p->words, b2j_word, p->words->len - 1).alternatives = alts;
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 1 && strcmp(c->text, "2.38") == 0, "alternative: 2.36 becomes tesseract's 2.38");
  tv_done(d);
}

static void test_born_digital_number_is_never_repaired(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_TEXT);
  misread(cell_at(t, 2, 2), "485", -1);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 0 && strcmp(cell_at(t, 2, 2)->text, "485") == 0 &&
             count_warnings(d, "repaired_number") == 0,
         "born-digital: '485' on a text page stays as printed");
  TAP_OK(tv_fail(tv_find(d, "column_sum", "合计/小计")), "born-digital: the check still fails");
  tv_done(d);
}

static void test_two_fitting_combinations_repair_nothing(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  /* 基本支出 2.38 read 2.88 at 0.5, the 合计 22.47 read 22.97 at 0.5, and
   * 项目支出 blank: either 2.88 → 2.38 or 22.97 → 22.47 ... both readings
   * of one column, and the 小计 side of the row identity names neither. */
  misread(cell_at(t, 3, 3), "2.88", 0.5);
  misread(cell_at(t, 0, 3), "22.97", 0.5);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 0 || (strcmp(cell_at(t, 3, 3)->text, "2.38") == 0 &&
                    strcmp(cell_at(t, 0, 3)->text, "22.47") == 0),
         "two cells wrong: nothing repaired unless both readings together are the only fit "
         "(repaired %d)", n);
  tv_done(d);
}


/* Sets a cell as OCR read a number whose point became a space: the cell
 * joins the digits ("250884 31" is 25088431), as interpret/ does. */
static void misread_split(b2j_cell *cell, const char *text, int64_t joined, double conf) {
  misread_joined(cell, text, (b2j_dec){joined, 0}, conf);
}

static void test_one_row_that_lost_both_points_is_restored_together(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  /* seed-001's noisy 05 table: 事业单位医疗 4.85 read "485" in 小计 and in
   * 基本支出. Either alone breaks the row identity 小计 = 基本 + 项目. */
  misread(cell_at(t, 2, 2), "485", 0.99);
  misread(cell_at(t, 2, 3), "485", 0.99);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 2 && strcmp(cell_at(t, 2, 2)->text, "4.85") == 0 &&
             strcmp(cell_at(t, 2, 3)->text, "4.85") == 0,
         "one row, two lost points: both read 4.85 together (repaired %d)", n);
  TAP_OK(warning_has(d, "(with one other cell's)"), "one row, two lost points: the warning says so");
  TAP_OK(tv_pass(tv_find(d, "column_sum", "合计/小计")) &&
             tv_pass(tv_find(d, "column_sum", "合计/基本支出")),
         "one row, two lost points: the column sums pass after");
  tv_done(d);
}

static void test_three_points_read_as_spaces_in_one_column_are_restored(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  /* syn-008's 301 children read "250884 31", "741387 16", "660389 82": no
   * one of them settles the sum while the other two still want. */
  misread_split(cell_at(t, 1, 3), "15 24", 1524, 0.99);
  misread_split(cell_at(t, 2, 3), "4 85", 485, 0.95);
  misread_split(cell_at(t, 3, 3), "2 38", 238, 0.86);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 3 && strcmp(cell_at(t, 1, 3)->text, "15.24") == 0 &&
             strcmp(cell_at(t, 2, 3)->text, "4.85") == 0 &&
             strcmp(cell_at(t, 3, 3)->text, "2.38") == 0,
         "three spaces for points in one column: all three restored (repaired %d)", n);
  TAP_OK(warning_has(d, "(with other cells')"), "three spaces: the warning says other cells shared it");
  tv_done(d);
}

static void test_a_group_with_one_unreadable_cell_is_left_as_read(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  /* syn-008's 302 children: "153784 35" and "121286 12" lost their points,
   * but "160949 5" also lost a digit, so no combination settles the sum. */
  misread_split(cell_at(t, 1, 3), "15 24", 1524, 0.99);
  misread_split(cell_at(t, 2, 3), "4 85", 485, 0.99);
  misread_split(cell_at(t, 3, 3), "2 3", 23, 0.99);
  misread(cell_at(t, 1, 2), "15.24", 0.99);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(strcmp(cell_at(t, 3, 3)->text, "2 3") == 0 &&
             count_warnings(d, "repaired_number") == n,
         "one cell beyond reach: it stays as read (repaired %d)", n);
  TAP_OK(tv_fail(tv_find(d, "column_sum", "合计/基本支出")),
         "one cell beyond reach: the column sum still fails");
  tv_done(d);
}

/* A real report's noisy scan read two children of 301 in its one-column
 * 基本支出 table as "78: 09" and "4色. 68": its sum is not evaluated, and
 * neither reading alone settles it, the other cell still no number. The
 * check naming the other cell once one is read back ties the two. */
static void test_two_unreadable_cells_of_one_sum_are_read_together(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_ocr_page(d, 3, 595, 842);
  b2j_table *t = tv_table(d, "t6", "basic_expenditure_detail", NULL, "万元",
                          "科目编码|科目名称|金额", 3);
  tv_row(t, "301|工资福利支出|1045.19");
  tv_row(t, "30101|基本工资|917.42");
  tv_row(t, "30112|其他社会保障缴费|78.09");
  tv_row(t, "30114|医疗费|49.68");
  cells_read_at(t, 0.95);
  misread(cell_at(t, 2, 2), "78: 09", 0.53);
  misread(cell_at(t, 3, 2), "4色. 68", 0.61);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 2 && strcmp(cell_at(t, 2, 2)->text, "78.09") == 0 &&
             strcmp(cell_at(t, 3, 2)->text, "49.68") == 0,
         "two unreadable cells of one sum: '78: 09' and '4色. 68' read back together as 78.09 "
         "and 49.68 (repaired %d)",
         n);
  TAP_OK(tv_pass(tv_find(d, "hierarchy_sum", "301/金额")), "two unreadable cells: 301 = Σ passes");
  tv_done(d);
}

static void test_stray_minus_before_an_amount_is_dropped(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  /* syn-006's "- 44.76": a stroke left of the amount read as a minus. */
  b2j_cell *c = cell_at(t, 2, 3);
  misread(c, "- 4.85", 0.99);
  c->value.present = true;
  c->value.value = (b2j_dec){-485, 2};
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 1 && strcmp(c->text, "4.85") == 0, "minus: '- 4.85' becomes 4.85 (repaired %d)", n);
  tv_done(d);
}

/* One misread cell of table05 that repair reads back alone: where it is,
 * what OCR read and how sure, what it must become. Adding a case is adding
 * a line. */
static const struct {
  int row, col;
  const char *read;
  double conf;
  const char *want, *what;
} ONE_CELL[] = {
    {1, 2, "人15.24", 0.35, "15.24", "marks: '人15.24' read as 15.24 when the sums then pass"},
    /* A % whose rings were lost, after a space (an 执行率 read "100 9%o"). */
    {2, 3, "4.85 9%o", 0.6, "4.85", "mark after: '4.85 9%o' becomes 4.85"},
    /* A speck read as a 9 where tesseract was unsure ("954.70" for 54.70). */
    {1, 2, "915.24", 0.34, "15.24", "extra digit: '915.24' read unsure becomes 15.24"},
    /* A decimal too many in a column of two, read with confidence ("174.272"). */
    {2, 3, "4.815", 0.99, "4.85", "extra decimal: '4.815' in a two-decimal column becomes 4.85"},
    /* A 5 whose top stroke faded, read 0 (5,033.00 for 5533.00 on a clean
     * scan of a real report). */
    {1, 2, "10.24", 0.8, "15.24", "faded 5: '10.24' read unsure becomes 15.24"},
    /* A 5 whose open bottom closed, read 8 (20,702.28 for 20702.25 on a
     * clean scan of a real report). */
    {2, 3, "4.88", 0.74, "4.85", "closed 5: '4.88' read unsure becomes 4.85"},
    /* A point read as a colon ("78: 09" on a real report's noisy scan). */
    {1, 2, "15: 24", 0.53, "15.24", "colon: '15: 24' becomes 15.24"},
    /* A thousands comma read as a point or doubled ("13,. 979. 92",
     * "3. 660. 38"): the last point is the number's. */
    {1, 2, "1.5.24", 0.6, "15.24", "two points: '1.5.24' keeps its last one"},
    {1, 2, "1,.5.24", 0.6, "15.24", "a comma and two points: '1,.5.24' keeps the last point"},
    /* A digit read as a glyph no number has ("1$897.44" for 15897.44 on a
     * clean scan of a real report; "1L54327" for 11543.27, its point lost
     * too, on a noisy one). */
    {1, 2, "1$.24", 0.9, "15.24", "glyph: '1$.24' becomes 15.24"},
    {1, 2, "1L24", 0.9, "15.24", "glyph and point: '1L24' becomes 15.24"},
    /* A rule's stub read as a digit before a number the cell did not parse. */
    {1, 2, "1 15.24", 0.6, "15.24", "stub: '1 15.24' read as no number becomes 15.24"},
};

/* A thousands comma lost to a space ("1 633, 000" on a clean scan of a real
 * report, for 1,633,000): the cell parses as no number; the space where a
 * comma belongs is that comma when the sums then pass. */
static void test_space_for_a_thousands_comma(void) {
  static const char *const rows[4] = {
      "合计|合计|1,640,000|1,640,000|",
      "2080505|机关事业单位基本养老保险缴费支出|1,633,000|1,633,000|",
      "2101102|事业单位医疗|4,850|4,850|",
      "2080508|对机关事业单位职业年金的补助|2,150|2,150|",
  };
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05_of(d, B2J_ORIGIN_OCR, "元", rows);
  b2j_cell *c = cell_at(t, 1, 2);
  misread(c, "1 633, 000", 0.9);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 1 && c->value.present && c->value.value.coef == 1633000 &&
             c->value.value.scale == 0,
         "lost comma: '1 633, 000' becomes 1633000 (repaired %d, '%s')", n, c->text);
  tv_done(d);
}

/* A leading digit lost before its thousands comma (", 882, 399" for
 * 8,882,399 on a noisy scan of a real report): each digit before it is one
 * reading, and the one the sums allow is taken. */
static void test_lost_leading_digit(void) {
  static const char *const rows[4] = {
      "合计|合计|8,889,399|8,889,399|",
      "2080505|机关事业单位基本养老保险缴费支出|8,882,399|8,882,399|",
      "2101102|事业单位医疗|4,850|4,850|",
      "2080508|对机关事业单位职业年金的补助|2,150|2,150|",
  };
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05_of(d, B2J_ORIGIN_OCR, "元", rows);
  b2j_cell *c = cell_at(t, 1, 3);
  misread(c, ", 882, 399", 0.59);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 1 && c->value.present && c->value.value.coef == 8882399,
         "lost leading digit: ', 882, 399' becomes 8882399 (repaired %d, '%s')", n, c->text);
  tv_done(d);
}

/* A budget 04 whose 支出总计/合计 read 156,271,123 (a 1 read as 7) while its
 * 一般公共预算 column holds an unreadable cell. Reading the 合计 as
 * 156,211,123 settles the row and the balance of the totals; reading the
 * 一般公共预算 total as 156,271,123 settles the row only and leaves the
 * balance failing, so the first is taken. */
static void test_reading_that_settles_more_is_taken(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table04_bare(d, NULL);
  misread(cell_at(t, 1, 4), "吾", 0.3);
  b2j_cell *tot = cell_at(t, 3, 3), *gb = cell_at(t, 3, 4);
  misread(tot, "156,271,123", 0.89);
  tot->value = (b2j_opt_dec){true, {156271123, 0}};
  gb->confidence = 0.87;
  gb->value = (b2j_opt_dec){true, {156211123, 0}};
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 1 && strcmp(tot->text, "156,211,123") == 0 && strcmp(gb->text, "156,211,123") == 0,
         "settles more: 支出总计/合计 156,271,123 becomes 156,211,123, its 一般公共预算 is kept "
         "(repaired %d)", n);
  TAP_OK(tv_pass(tv_find(d, "balance_totals", "收入总计/支出总计")),
         "settles more: the totals balance after the repair");
  tv_done(d);
}

/* A budget 01 whose 支出总计 = Σ items waits on two cells whose thousands
 * separators were read as points ("2,.932, 700" and "1.633, 000" on a
 * real report's noisy scan): the sum's message names both, so the two
 * readings are tried together and taken. */
static void test_two_cells_of_one_summary_sum(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_ocr_page(d, 1, 842, 595);
  b2j_table *t = tv_table(d, "t1", "income_expenditure_summary", NULL, "元",
                          "项目|预算数|项目|预算数", 1);
  tv_row(t, "一、财政拨款收入|156,211,123|一、一般公共服务支出|2,932,700");
  tv_row(t, "二、事业收入||二、公共安全支出|1,633,000");
  tv_row(t, "||三、城乡社区支出|151,645,423");
  tv_row(t, "收入总计|156,211,123|支出总计|156,211,123");
  cells_read_at(t, 0.99);
  b2j_cell *a = cell_at(t, 0, 3), *b = cell_at(t, 1, 3);
  misread(a, "2,.932, 700", 0.65);
  misread(b, "1.633, 000", 0.67);
  a->value.present = b->value.present = false;
  b2j_validate(d);
  const b2j_check *k = tv_find(d, "summary_expenditure_sum", NULL);
  TAP_OK(k && !k->evaluated && tv_msg_has(k, "一般公共服务支出") && tv_msg_has(k, "; so is") &&
             tv_msg_has(k, "公共安全支出"),
         "two unreadable cells: the sum not evaluated names both (%s)", k ? k->message : "none");
  int n = b2j_repair(d);
  TAP_OK(n == 2 && a->value.present && a->value.value.coef == 2932700 && b->value.present &&
             b->value.value.coef == 1633000,
         "two unreadable cells: '2,.932, 700' and '1.633, 000' read 2932700 and 1633000 together "
         "(repaired %d)", n);
  TAP_OK(tv_pass(tv_find(d, "summary_expenditure_sum", NULL)),
         "two unreadable cells: 支出总计 = Σ items passes after");
  tv_done(d);
}

/* A 04 row whose 合计 and 一般公共预算 cells both read "1 633, 000" (a noisy
 * real scan): each reading alone settles its column's 支出总计 sum, and the
 * two together settle the row as well. The three fits agree (the pair's
 * readings are the single ones), so they are one repair, not rivals; and
 * the row's check, waiting on the other cell after one reading, says nothing
 * against it. */
static void test_agreeing_readings_are_one_repair(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table04_bare(d, NULL);
  b2j_cell *a = cell_at(t, 1, 3), *b = cell_at(t, 1, 4);
  misread(a, "1 633, 000", 0.81);
  misread(b, "1 633, 000", 0.79);
  a->value.present = b->value.present = false;
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 2 && a->value.present && a->value.value.coef == 1633000 && b->value.present &&
             b->value.value.coef == 1633000,
         "agreeing readings: both '1 633, 000' of one row read 1633000 (repaired %d)", n);
  TAP_OK(tv_pass(tv_find(d, "fund_row_sum", "公共安全支出/合计")),
         "agreeing readings: the row's fund sum passes after");
  tv_done(d);
}

/* A cell read back by its row's fund sum while its column's 支出总计 sum
 * still waits on another cell that no reading makes a number ("吾"): that
 * sum, not evaluated before or after, says nothing against the reading. */
static void test_a_sum_still_waiting_does_not_block(void) {
  b2j_doc *d = b2j_doc_new("t");
  static const char *const rows[4] = {
      "一、一般公共预算资金|13,448,099|一、一般公共服务支出|2,932,700|2,932,700||",
      "二、政府性基金||二、公共安全支出|1,633,000|1,633,000||",
      "三、国有资本经营预算||九、住房保障支出|8,882,399|8,882,399||",
      "收入总计|13,448,099|支出总计|13,448,099|13,448,099||",
  };
  b2j_table *t = table04_bare(d, rows);
  misread(cell_at(t, 1, 4), "吾", 0.3);
  b2j_cell *c = cell_at(t, 2, 4);
  misread(c, ", 882, 399", 0.59);
  c->value.present = false;
  b2j_validate(d);
  const b2j_check *k = tv_find(d, "summary_expenditure_sum", "支出总计/一般公共预算");
  TAP_OK(k && !k->evaluated && tv_msg_has(k, "; so is"),
         "still waiting: the 一般公共预算 sum names both cells before");
  int n = b2j_repair(d);
  TAP_OK(n == 1 && c->value.present && c->value.value.coef == 8882399,
         "still waiting: ', 882, 399' reads 8882399 by its row though its column's sum waits on "
         "'吾' (repaired %d)", n);
  tv_done(d);
}

/* A number the layout joined from pieces (wrapped_number_joined), one of
 * them a rule's stub read as 1 ("1 20, 153. 75" for 20153.75 on a noisy
 * scan of a real report): its pieces are tried without the stub, and its
 * digits' other readings; 15.24 and 15,24-style texts of one value are one
 * reading, not two that the checks cannot tell apart. */
static void test_joined_number_loses_a_stub(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = table05(d, B2J_ORIGIN_OCR);
  b2j_cell *c = cell_at(t, 1, 2);
  misread_joined(c, "1 15. 24", (b2j_dec){11524, 2}, 0.67);
  b2j_validate(d);
  int n = b2j_repair(d);
  TAP_OK(n == 1 && c->value.present && c->value.value.coef == 1524 && c->value.value.scale == 2,
         "joined: '1 15. 24' (read as 115.24) becomes 15.24 (repaired %d, '%s')", n, c->text);
  TAP_OK(warning_has(d, "'1 15. 24'"), "joined: the warning quotes the cell as read");
  tv_done(d);
}

static void test_one_cell_is_read_back(void) {
  for (size_t i = 0; i < G_N_ELEMENTS(ONE_CELL); i++) {
    b2j_doc *d = b2j_doc_new("t");
    b2j_table *t = table05(d, B2J_ORIGIN_OCR);
    b2j_cell *c = cell_at(t, ONE_CELL[i].row, ONE_CELL[i].col);
    misread(c, ONE_CELL[i].read, ONE_CELL[i].conf);
    b2j_validate(d);
    int n = b2j_repair(d);
    TAP_OK(n == 1 && strcmp(c->text, ONE_CELL[i].want) == 0, "%s (repaired %d)", ONE_CELL[i].what, n);
    tv_done(d);
  }
}

static bool has_str(const GPtrArray *a, const char *s) {
  for (guint i = 0; i < a->len; i++)
    if (strcmp(g_ptr_array_index(a, i), s) == 0)
      return true;
  return false;
}

static void test_glyph_digit_candidates(void) {
  GPtrArray *c = g_ptr_array_new_with_free_func(g_free);
  b2j_repair_glyph_digit_candidates("1$897.44", 2, c);
  TAP_OK(c->len == 10 && has_str(c, "15897.44"),
         "glyph for a digit: '1$897.44' gives the ten digits in its place (%u)", c->len);
  g_ptr_array_set_size(c, 0);
  b2j_repair_glyph_digit_candidates("1L54327", 2, c);
  TAP_OK(has_str(c, "11543.27") && has_str(c, "1154327"),
         "glyph for a digit: '1L54327' in a two-decimal column gives 11543.27 and 1154327");
  g_ptr_array_set_size(c, 0);
  b2j_repair_glyph_digit_candidates("4色. 68", 2, c);
  TAP_OK(has_str(c, "49.68"), "glyph for a digit: '4色. 68' gives 49.68");
  g_ptr_array_set_size(c, 0);
  b2j_repair_glyph_digit_candidates("1色9是5", 2, c);
  b2j_repair_glyph_digit_candidates("$15.24", 2, c);
  b2j_repair_glyph_digit_candidates("15.24元", 2, c);
  TAP_OK(c->len == 0, "glyph for a digit: two glyphs, or one at the edge, give nothing (%u)",
         c->len);
  g_ptr_array_unref(c);
}

static void test_candidates(void) {
  GPtrArray *c = b2j_repair_candidates("1,234.56", NULL, (const char *const[]){NULL}, true);
  bool has = false, self = false;
  for (guint i = 0; i < c->len; i++) {
    has |= strcmp(g_ptr_array_index(c, i), "1,284.56") == 0;
    self |= strcmp(g_ptr_array_index(c, i), "1,234.56") == 0;
  }
  TAP_OK(has && !self, "candidates: a 3 may have been an 8, never the reading itself");
  g_ptr_array_unref(c);
  GPtrArray *p = g_ptr_array_new_with_free_func(g_free);
  b2j_repair_point_candidates("12454", 2, p);
  bool pt = false, rep = false;
  for (guint i = 0; i < p->len; i++) {
    pt |= strcmp(g_ptr_array_index(p, i), "124.54") == 0;
    rep |= strcmp(g_ptr_array_index(p, i), "12.54") == 0;
  }
  TAP_OK(pt && rep, "point: '12454' may be 124.54 (point lost) or 12.54 (point read as 4)");
  g_ptr_array_unref(p);
  char *s = b2j_repair_strip_marks("1】7.64");
  TAP_OK(s && strcmp(s, "17.64") == 0, "strip: '1】7.64' is 17.64");
  g_free(s);
  s = b2j_repair_strip_marks("8.");
  TAP_OK(s && strcmp(s, "8") == 0, "strip: '8.' is 8");
  g_free(s);
  TAP_OK(b2j_repair_strip_marks("15.24") == NULL, "strip: a clean number gives nothing");
  s = b2j_repair_strip_marks("109362. -24");
  TAP_STREQ(s, "109362.24", "strip: a stroke read as a minus after the point goes (syn-009's scan)");
  g_free(s);
  s = b2j_repair_strip_marks("-人5.20");
  TAP_STREQ(s, "-5.20", "strip: a minus before the number stays");
  g_free(s);
  s = b2j_repair_strip_sign("- 44.76");
  TAP_OK(s && strcmp(s, "44.76") == 0, "sign: '- 44.76' is 44.76");
  g_free(s);
  TAP_OK(b2j_repair_strip_sign("44.76") == NULL && b2j_repair_strip_sign("- ") == NULL,
         "sign: nothing to drop gives nothing");
  s = b2j_repair_first_token("100 9%o");
  TAP_OK(s && strcmp(s, "100") == 0, "first token: '100 9%%o' is 100");
  g_free(s);
  static const char *const THOUSANDS[][2] = {
      {"2,.932, 700", "2932700"}, {"1.633, 000", "1633000"}, {"156. 211. 123", "156211123"},
      {"1.63", NULL},             {"2,.9320, 700", NULL},    {"2,932,", NULL},
      {"人1.633,000", NULL},      {"1633", NULL},            {"1,6330", NULL}};
  for (size_t i = 0; i < G_N_ELEMENTS(THOUSANDS); i++) {
    s = b2j_repair_thousands_digits(THOUSANDS[i][0]);
    TAP_STREQ(s, THOUSANDS[i][1], "thousands: '%s' in whole numbers is %s", THOUSANDS[i][0],
              THOUSANDS[i][1] ? THOUSANDS[i][1] : "no reading");
    g_free(s);
  }
  TAP_OK(b2j_repair_first_token("100") == NULL && b2j_repair_first_token("人100 9") == NULL,
         "first token: a lone number, or one with marks in it, gives nothing");
}

int main(void) {
  /* Shared fixtures this file does not need. */
  (void)tv_count;
  (void)tv_msg_has;
  (void)tv_page;
  test_lost_point_is_restored_when_the_checks_allow_one_reading();
  test_one_cell_is_read_back();
  test_joined_number_loses_a_stub();
  test_space_for_a_thousands_comma();
  test_lost_leading_digit();
  test_reading_that_settles_more_is_taken();
  test_two_cells_of_one_summary_sum();
  test_agreeing_readings_are_one_repair();
  test_a_sum_still_waiting_does_not_block();
  test_glyph_digit_candidates();
  test_word_alternative_is_taken();
  test_point_read_as_a_space_is_restored();
  test_born_digital_number_is_never_repaired();
  test_two_fitting_combinations_repair_nothing();
  test_one_row_that_lost_both_points_is_restored_together();
  test_three_points_read_as_spaces_in_one_column_are_restored();
  test_a_group_with_one_unreadable_cell_is_left_as_read();
  test_two_unreadable_cells_of_one_sum_are_read_together();
  test_stray_minus_before_an_amount_is_dropped();
  test_candidates();
  return tap_done();
}
