/* validate/: every rule made to pass and made to fail on small hand-made
 * documents. Test names say what they pin. */
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "tests/lib/tap.h"
#include "validate/validate.h"

#include "tests/lib/validate_fixtures.h"


static const char *const COLS03 =
    "功能分类科目编码|科目名称|本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出";
static const char *const COLS02 =
    "功能分类科目编码|科目名称|本年收入合计|财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入";
static const char *const COLS05 = "功能分类科目编码|科目名称|小计|基本支出|项目支出";

/* ---------- column and hierarchy sums ---------- */

static void test_column_sum_over_xiang_rows(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t3", "expenditure", "公开03表", "万元", COLS03, 5);
  tv_row(t, "合计||30.00|12.00|18.00|||");
  tv_row(t, "2101101|行政单位医疗|10.00|2.00|8.00|||");
  tv_row(t, "2101501|行政运行|20.00|10.00|10.00|||");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "column_sum", "合计/本年支出合计")),
         "column_sum: 合计 = Σ项 when only 项 rows are printed (pass)");
  TAP_OK(tv_pass(tv_find(d, "column_sum", "合计/基本支出")), "column_sum: 基本支出 column passes");
  TAP_OK(tv_find(d, "column_sum", "合计/上缴上级支出") == NULL,
         "column_sum: a column with nothing printed is not checked");
  tv_done(d);

  d = b2j_doc_new("t");
  t = tv_table(d, "t3", "expenditure", "公开03表", "万元", COLS03, 5);
  tv_row(t, "合计||30.00|12.50|18.00|||");
  tv_row(t, "2101101|行政单位医疗|10.00|2.00|8.00|||");
  tv_row(t, "2101501|行政运行|20.00|10.00|10.00|||");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "column_sum", "合计/基本支出");
  TAP_OK(tv_fail(c), "column_sum: 合计 基本支出 12.50 ≠ Σ 12.00 fails");
  TAP_OK(tv_msg_has(c, "2101101") && tv_msg_has(c, "2101501") && tv_msg_has(c, "p.5"),
         "column_sum: the message names the rows summed and the page");
  TAP_OK(c && c->expected.present && c->found.present &&
             b2j_dec_cmp(c->expected.value, (b2j_dec){1200, 2}) == 0 &&
             b2j_dec_cmp(c->found.value, (b2j_dec){1250, 2}) == 0,
         "column_sum: expected is the sum, found the printed 合计");
  tv_done(d);
}

static void test_hierarchy_sum_lei_kuan_xiang(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t5", "general_budget_expenditure", "公开05表", "万元", COLS05, 7);
  tv_row(t, "合计||30.00|12.00|18.00");
  tv_row(t, "210|卫生健康支出|30.00|12.00|18.00");
  tv_row(t, "21011|行政事业单位医疗|10.00|2.00|8.00");
  tv_row(t, "2101101|行政单位医疗|10.00|2.00|8.00");
  tv_row(t, "21015|医疗保障管理事务|20.00|10.00|10.00");
  tv_row(t, "2101501|行政运行|15.00|10.00|5.00");
  tv_row(t, "2101502|一般行政管理事务|5.00||5.00");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "hierarchy_sum", "210/小计")), "hierarchy_sum: 类 = Σ款 (pass)");
  TAP_OK(tv_pass(tv_find(d, "hierarchy_sum", "21015/项目支出")), "hierarchy_sum: 款 = Σ项 (pass)");
  const b2j_check *c = tv_find(d, "column_sum", "合计/小计");
  TAP_OK(tv_pass(c) && tv_msg_has(c, "[210]"), "column_sum: 合计 = Σ类 only, not Σ of every row");
  tv_done(d);

  d = b2j_doc_new("t");
  t = tv_table(d, "t5", "general_budget_expenditure", "公开05表", "万元", COLS05, 7);
  tv_row(t, "合计||30.00|12.00|18.00");
  tv_row(t, "210|卫生健康支出|30.00|12.00|18.00");
  tv_row(t, "21011|行政事业单位医疗|10.00|2.00|8.00");
  tv_row(t, "2101101|行政单位医疗|10.00|2.00|8.00");
  tv_row(t, "21015|医疗保障管理事务|20.00|10.00|10.00");
  tv_row(t, "2101501|行政运行|15.00|10.00|6.00");
  tv_row(t, "2101502|一般行政管理事务|5.00||5.00");
  b2j_validate(d);
  c = tv_find(d, "hierarchy_sum", "21015/项目支出");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "2101501"), "hierarchy_sum: 款 ≠ Σ项 fails naming the 项 rows");
  TAP_OK(tv_pass(tv_find(d, "hierarchy_sum", "210/项目支出")),
         "hierarchy_sum: the 类 row is still = Σ款");
  tv_done(d);
}

static void test_column_sum_unreadable_cell_not_evaluated(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t3", "expenditure", "公开03表", "万元", COLS03, 5);
  tv_row(t, "合计||30.00|12.00|18.00|||");
  tv_row(t, "2101101|行政单位医疗|1O.00|2.00|8.00|||");
  tv_row(t, "2101501|行政运行|20.00|10.00|10.00|||");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "column_sum", "合计/本年支出合计");
  TAP_OK(c && !c->evaluated && tv_msg_has(c, "1O.00"),
         "column_sum: an unreadable cell makes the check not evaluated, quoting the cell");
  tv_done(d);
}

/* ---------- row identities ---------- */

static void test_row_identity_expenditure(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t3", "expenditure", "公开03表", "万元", COLS03, 5);
  tv_row(t, "合计||30.00|12.00|18.00|||");
  tv_row(t, "2101101|行政单位医疗|10.00|2.00|8.00|||");
  tv_row(t, "2101501|行政运行|20.00|10.00|9.00|||");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "row_identity", "2101101/本年支出合计")),
         "row_identity: 本年支出合计 = 基本 + 项目 + … (pass)");
  const b2j_check *c = tv_find(d, "row_identity", "2101501/本年支出合计");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "基本支出 + 项目支出"),
         "row_identity: 20.00 ≠ 10.00 + 9.00 fails and names the columns");
  tv_done(d);
}

static void test_row_identity_income(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t2", "income", "公开02表", "万元", COLS02, 4);
  tv_row(t, "合计||100.00|90.00||10.00|||");
  tv_row(t, "2101501|行政运行|100.00|90.00||9.00|||");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "row_identity", "合计/本年收入合计")),
         "row_identity: 本年收入合计 = Σ income columns (pass)");
  TAP_OK(tv_fail(tv_find(d, "row_identity", "2101501/本年收入合计")),
         "row_identity: 本年收入合计 ≠ Σ income columns fails");
  tv_done(d);
}

static void test_row_identity_subtotal_05(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t5", "general_budget_expenditure", "公开05表", "万元", COLS05, 7);
  tv_row(t, "合计||12.54|2.11|10.43");
  tv_row(t, "2101101|行政单位医疗|12.54|2.11|10.34");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "row_identity", "合计/小计")), "row_identity: 小计 = 基本 + 项目 (pass)");
  TAP_OK(tv_fail(tv_find(d, "row_identity", "2101101/小计")),
         "row_identity: 小计 ≠ 基本 + 项目 (transposed digits) fails");
  tv_done(d);
}

/* ---------- 09 三公 ---------- */

static const char *const COLS09 =
    "预算数/合计|预算数/因公出国(境)费|预算数/公务用车购置及运行维护费/小计|预算数/公务用车购置及运行维护费/公务用车购置费|"
    "预算数/公务用车购置及运行维护费/公务用车运行维护费|预算数/公务接待费|决算数/合计|决算数/因公出国(境)费|"
    "决算数/公务用车购置及运行维护费/小计|决算数/公务用车购置及运行维护费/公务用车购置费|"
    "决算数/公务用车购置及运行维护费/公务用车运行维护费|决算数/公务接待费";

static void test_three_public(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t9", "three_public", "公开09表", "万元", COLS09, 11);
  tv_row(t, "2|0|0|0|0|2|0.89|0|0.5|0.2|0.3|0.39");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "three_public_sum", "预算数/合计")),
         "three_public_sum: 预算数 合计 = 出国 + 公务用车 + 接待 (pass)");
  TAP_OK(tv_pass(tv_find(d, "three_public_sum", "决算数/合计")),
         "three_public_sum: 决算数 合计 passes");
  TAP_OK(tv_pass(tv_find(d, "three_public_vehicle", "决算数/公务用车购置及运行维护费/小计")),
         "three_public_vehicle: 小计 = 购置费 + 运行维护费 (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  t = tv_table(d, "t9", "three_public", "公开09表", "万元", COLS09, 11);
  tv_row(t, "2|0|0|0|0|2|0.98|0|0.5|0.2|0.4|0.39");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "three_public_sum", "决算数/合计")),
         "three_public_sum: 决算数 合计 0.98 ≠ 0.89 fails");
  TAP_OK(tv_fail(tv_find(d, "three_public_vehicle", "决算数/公务用车购置及运行维护费/小计")),
         "three_public_vehicle: 小计 0.5 ≠ 0.2 + 0.4 fails");
  TAP_OK(tv_pass(tv_find(d, "three_public_sum", "预算数/合计")),
         "three_public_sum: the 预算数 group is checked on its own");
  tv_done(d);
}

/* ---------- 01 / 04 balances ---------- */

static b2j_table *add_01(b2j_doc *d, const char *inc, const char *inc_total, const char *exp210,
                         const char *exp221, const char *exp_total, const char *end,
                         const char *tot_in, const char *tot_out) {
  b2j_table *t = tv_table(d, "t1", "income_expenditure_summary", "公开01表", "万元",
                          "项目|行次|决算数|项目|行次|决算数", 3);
  char *r;
  r = g_strdup_printf("一、一般公共预算财政拨款收入|1|%s|九、卫生健康支出|21|%s", inc, exp210);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("二、事业收入|2||十九、住房保障支出|22|%s", exp221);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("本年收入合计|10|%s|本年支出合计|23|%s", inc_total, exp_total);
  tv_row(t, r);
  g_free(r);
  tv_row(t, "使用非财政拨款结余（含专用结余）|11||结余分配|24|");
  r = g_strdup_printf("年初结转和结余|12||年末结转和结余|25|%s", end);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("总计|13|%s|总计|26|%s", tot_in, tot_out);
  tv_row(t, r);
  g_free(r);
  return t;
}

static void test_balance_01(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "balance_totals", NULL)), "balance_totals: 收入总计 = 支出总计 (pass)");
  TAP_OK(tv_pass(tv_find(d, "balance_income", NULL)),
         "balance_income: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 (pass)");
  TAP_OK(tv_pass(tv_find(d, "balance_expenditure", NULL)),
         "balance_expenditure: 支出总计 = 本年支出合计 + 结余分配 + 年末 (pass)");
  TAP_OK(tv_pass(tv_find(d, "summary_income_sum", NULL)),
         "summary_income_sum: 本年收入合计 = Σ income items (pass)");
  TAP_OK(tv_pass(tv_find(d, "summary_expenditure_sum", "本年支出合计/决算数")),
         "summary_expenditure_sum: 本年支出合计 = Σ 类 lines (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  add_01(d, "362.62", "362.62", "347.49", "15.31", "362.62", "1.00", "362.62", "363.62");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "balance_totals", NULL)), "balance_totals: 362.62 ≠ 363.62 fails");
  TAP_OK(tv_pass(tv_find(d, "balance_expenditure", NULL)),
         "balance_expenditure: 363.62 = 362.62 + 1.00 年末 passes");
  TAP_OK(tv_fail(tv_find(d, "summary_expenditure_sum", "本年支出合计/决算数")),
         "summary_expenditure_sum: Σ 类 lines 362.80 ≠ 362.62 fails");
  tv_done(d);

  d = b2j_doc_new("t");
  add_01(d, "362.62", "360.62", "347.49", "15.13", "362.62", "", "360.62", "362.62");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "summary_income_sum", NULL)),
         "summary_income_sum: 本年收入合计 360.62 ≠ Σ items 362.62 fails");
  TAP_OK(tv_pass(tv_find(d, "balance_income", NULL)),
         "balance_income: still = 本年收入合计 (each identity on its own)");
  tv_done(d);
}

static const char *const COLS04 =
    "项目|行次|金额|项目|行次|合计|一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款";

static b2j_table *add_04(b2j_doc *d, const char *row210_total, const char *row210_gb,
                         const char *fund_col) {
  b2j_table *t = tv_table(d, "t4", "appropriation_summary", "公开04表", "万元", COLS04, 6);
  tv_row(t, "一、一般公共预算财政拨款|1|347.49|九、卫生健康支出|21|347.49|347.49||");
  char *r = g_strdup_printf("二、政府性基金预算财政拨款|2||十九、住房保障支出|22|%s|%s|%s|",
                            row210_total, row210_gb, fund_col);
  tv_row(t, r);
  g_free(r);
  tv_row(t, "三、国有资本经营预算财政拨款|3|15.13||||||");
  tv_row(t, "本年收入合计|9|362.62|本年支出合计|23|362.62|362.62||");
  tv_row(t, "年初财政拨款结转和结余|10||年末财政拨款结转和结余|24||||");
  tv_row(t, "总计|14|362.62|总计|28|362.62|362.62||");
  return t;
}

static void test_balance_04_fund_row(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_04(d, "15.13", "15.13", "");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "fund_row_sum", "住房保障支出/合计")),
         "fund_row_sum: 04 合计 = 一般公共预算 + 政府性基金 + 国有资本 (pass)");
  TAP_OK(tv_pass(tv_find(d, "balance_totals", NULL)), "balance_totals: 04 总计 balance (pass)");
  TAP_OK(tv_pass(tv_find(d, "balance_income", NULL)), "balance_income: 04 收入总计 (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  add_04(d, "15.13", "15.13", "1.00");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "fund_row_sum", "住房保障支出/合计")),
         "fund_row_sum: 15.13 ≠ 15.13 + 1.00 fails");
  tv_done(d);

  /* A budget's 财政拨款收支预算总表 (syn-009) names its totals 一、本年收入 and
   * 收入总计: no 本年收入合计 row, and each row still sums. */
  d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t4", "appropriation_summary", NULL, "万元",
                          "项目|预算数|项目|合计|一般公共预算|政府性基金预算|国有资本经营预算", 5);
  tv_row(t, "一、本年收入|109944.31|一、一般公共服务支出|109362.24|109362.24|0.00|0.00");
  tv_row(t, "（二）政府性基金预算拨款|219.69|五、其他支出|219.69|0.00|200.69|0.00");
  tv_row(t, "收入总计|109944.31|支出总计|109944.31|109724.62|219.69|0.00");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "fund_row_sum", "一般公共服务支出/合计")) &&
             tv_fail(tv_find(d, "fund_row_sum", "其他支出/合计")),
         "fund_row_sum: a budget 04 without 本年收入合计 is summed by row (pass and fail)");
  tv_done(d);
}

/* ---------- across tables ---------- */

static void add_02(b2j_doc *d, const char *unit, const char *total, const char *approp,
                   const char *r1, const char *r2) {
  b2j_table *t = tv_table(d, "t2", "income", "公开02表", unit, COLS02, 4);
  char *r = g_strdup_printf("合计||%s|%s|||||", total, approp);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("2101501|行政运行|%s|%s|||||", r1, r1);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("2210201|住房公积金|%s|%s|||||", r2, r2);
  tv_row(t, r);
  g_free(r);
}

static void add_03(b2j_doc *d, const char *total, const char *b1, const char *p1, const char *b2) {
  b2j_table *t = tv_table(d, "t3", "expenditure", "公开03表", "万元", COLS03, 5);
  char *r;
  b2j_dec x1, x2, y1, s1, s;
  b2j_dec_parse(b1, &x1);
  b2j_dec_parse(p1, &y1);
  b2j_dec_parse(b2, &x2);
  b2j_dec_add(x1, y1, &s1);
  b2j_dec_add(s1, x2, &s);
  char bs1[B2J_DEC_STRLEN], bs[B2J_DEC_STRLEN], bb[B2J_DEC_STRLEN];
  b2j_dec_format(s1, bs1);
  b2j_dec_format(s, bs);
  b2j_dec_add(x1, x2, &s);
  b2j_dec_format(s, bb);
  r = g_strdup_printf("合计||%s|%s|%s|||", total, bb, p1);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("2101501|行政运行|%s|%s|%s|||", bs1, b1, p1);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("2210201|住房公积金|%s|%s||||", b2, b2);
  tv_row(t, r);
  g_free(r);
}

static void add_05(b2j_doc *d, const char *b1, const char *p1, const char *b2) {
  b2j_table *t = tv_table(d, "t5", "general_budget_expenditure", "公开05表", "万元", COLS05, 7);
  b2j_dec x1, y1, x2, s1, s, bsum;
  b2j_dec_parse(b1, &x1);
  b2j_dec_parse(p1, &y1);
  b2j_dec_parse(b2, &x2);
  b2j_dec_add(x1, y1, &s1);
  b2j_dec_add(s1, x2, &s);
  b2j_dec_add(x1, x2, &bsum);
  char a[B2J_DEC_STRLEN], b[B2J_DEC_STRLEN], c[B2J_DEC_STRLEN];
  char *r = g_strdup_printf("合计||%s|%s|%s", b2j_dec_format(s, a), b2j_dec_format(bsum, b), p1);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("2101501|行政运行|%s|%s|%s", b2j_dec_format(s1, c), b1, p1);
  tv_row(t, r);
  g_free(r);
  r = g_strdup_printf("2210201|住房公积金|%s|%s|", b2, b2);
  tv_row(t, r);
  g_free(r);
}

static void test_cross_totals_01_02_03(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  add_02(d, "万元", "362.62", "362.62", "347.49", "15.13");
  add_03(d, "362.62", "100.00", "247.49", "15.13");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "cross_income_total", NULL)),
         "cross_income_total: 01 本年收入合计 = 02 合计 (pass)");
  TAP_OK(tv_pass(tv_find(d, "cross_expenditure_total", NULL)),
         "cross_expenditure_total: 01 本年支出合计 = 03 合计 (pass)");
  TAP_OK(tv_pass(tv_find(d, "cross_class_01_03", "210/本年支出合计")),
         "cross_class_01_03: 01 卫生健康支出 = Σ 03 rows under 210 (pass)");
  TAP_OK(tv_pass(tv_find(d, "cross_class_01_03", "221/本年支出合计")),
         "cross_class_01_03: 01 住房保障支出 = Σ 03 rows under 221 (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  add_02(d, "万元", "362.26", "362.26", "347.13", "15.13");
  add_03(d, "326.62", "100.00", "211.49", "15.13");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "cross_income_total", NULL);
  TAP_OK(tv_fail(c) && tv_msg_has(c, "t1") && tv_msg_has(c, "t2"),
         "cross_income_total: 362.62 ≠ 362.26 fails naming both tables");
  TAP_OK(tv_fail(tv_find(d, "cross_expenditure_total", NULL)),
         "cross_expenditure_total: 362.62 ≠ 326.62 fails");
  c = tv_find(d, "cross_class_01_03", "210/本年支出合计");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "2101501"),
         "cross_class_01_03: 01 卫生健康支出 ≠ Σ 03 under 210 fails naming the 03 codes");
  tv_done(d);
}

static void test_cross_units_and_precision(void) {
  /* 01 in 万元 (2 digits) against 02 in 元: compared at the coarser scale. */
  b2j_doc *d = b2j_doc_new("t");
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  add_02(d, "元", "3626200.40", "3626200.40", "3474900.40", "151300");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "cross_income_total", NULL);
  TAP_OK(tv_pass(c) && tv_msg_has(c, "printed precision") && tv_msg_has(c, "元"),
         "cross_income_total: 362.62 万元 = 3626200.40 元 at the 万元 table's precision");
  tv_done(d);

  d = b2j_doc_new("t");
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  add_02(d, "元", "3626300.00", "3626300.00", "3475000", "151300");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "cross_income_total", NULL)),
         "cross_income_total: 362.62 万元 ≠ 3626300 元 (0.01 万元 apart, no 尾数误差 declared) fails");
  tv_done(d);
}

static void test_tail_tolerance_when_declared(void) {
  const char *const note[] = {"注：本套报表金额单位转换时可能存在尾数误差。", NULL};
  b2j_doc *d = b2j_doc_new("t");
  tv_page(d, 3, note);
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  add_02(d, "万元", "362.63", "362.63", "347.50", "15.13");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "cross_income_total", NULL);
  TAP_OK(tv_pass(c) && tv_msg_has(c, "尾数误差") && tv_msg_has(c, "tolerance used"),
         "tolerance: 0.01 万元 apart passes when the report declares 尾数误差, and says so");
  tv_done(d);

  d = b2j_doc_new("t");
  tv_page(d, 3, note);
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  add_02(d, "万元", "362.64", "362.64", "347.51", "15.13");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "cross_income_total", NULL)),
         "tolerance: 0.02 万元 apart fails even with 尾数误差 declared");
  tv_done(d);
}

static void test_cross_code_03_05(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_02(d, "万元", "362.62", "362.62", "347.49", "15.13");
  add_03(d, "362.62", "100.00", "247.49", "15.13");
  add_05(d, "100.00", "247.49", "15.13");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "cross_code_03_05", "2101501/基本支出")),
         "cross_code_03_05: 03 = 05 per code 基本支出 when fully 财政拨款 (pass)");
  TAP_OK(tv_pass(tv_find(d, "cross_code_03_05", "2101501/项目支出")),
         "cross_code_03_05: 项目支出 per code (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  add_02(d, "万元", "362.62", "362.62", "347.49", "15.13");
  add_03(d, "362.62", "100.00", "247.49", "15.13");
  add_05(d, "90.00", "257.49", "15.13");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "cross_code_03_05", "2101501/基本支出");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "2101501"), "cross_code_03_05: 03 100.00 ≠ 05 90.00 fails");
  tv_done(d);

  /* Not fully financed by 财政拨款: the rule does not apply, and says so. */
  d = b2j_doc_new("t");
  add_02(d, "万元", "362.62", "300.00", "347.49", "15.13");
  add_03(d, "362.62", "100.00", "247.49", "15.13");
  add_05(d, "90.00", "257.49", "15.13");
  b2j_validate(d);
  c = tv_find(d, "cross_code_03_05", NULL);
  TAP_OK(c && !c->evaluated && tv_msg_has(c, "not applicable") &&
             tv_count(d, "cross_code_03_05", -1, 1) == 0,
         "cross_code_03_05: not evaluated when 02 财政拨款收入 ≠ 本年收入合计");
  tv_done(d);
}

static void test_cross_code_02_05(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_02(d, "万元", "362.62", "362.62", "347.49", "15.13");
  add_05(d, "100.00", "247.49", "15.13");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "cross_code_02_05", "2101501/财政拨款收入");
  TAP_OK(tv_pass(c) && tv_msg_has(c, "assumed no carry-over"),
         "cross_code_02_05: 02 财政拨款收入 = 05 小计 per code (pass; assumption stated)");
  tv_done(d);

  d = b2j_doc_new("t");
  add_02(d, "万元", "362.62", "362.62", "337.49", "25.13");
  add_05(d, "100.00", "247.49", "15.13");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "cross_code_02_05", "2101501/财政拨款收入")) &&
             tv_fail(tv_find(d, "cross_code_02_05", "2210201/财政拨款收入")),
         "cross_code_02_05: per-code differences fail on both codes");
  tv_done(d);

  /* 04 shows a carry-over: not applicable. */
  d = b2j_doc_new("t");
  add_02(d, "万元", "362.62", "362.62", "337.49", "25.13");
  add_05(d, "100.00", "247.49", "15.13");
  b2j_table *t = tv_table(d, "t4", "appropriation_summary", "公开04表", "万元", COLS04, 6);
  tv_row(t, "本年收入合计|9|362.62|本年支出合计|23|362.62|362.62||");
  tv_row(t, "年初财政拨款结转和结余|10|5.00|年末财政拨款结转和结余|24|5.00|5.00||");
  b2j_validate(d);
  c = tv_find(d, "cross_code_02_05", NULL);
  TAP_OK(c && !c->evaluated && tv_msg_has(c, "carry-over"),
         "cross_code_02_05: not evaluated when 04 shows 结转和结余");
  tv_done(d);
}

static void test_cross_04_05_and_02(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_04(d, "15.13", "15.13", "");
  add_05(d, "100.00", "247.49", "15.13");
  add_02(d, "万元", "362.62", "362.62", "347.49", "15.13");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "cross_general_budget_total", NULL)),
         "cross_general_budget_total: 04 一般公共预算 本年支出合计 = 05 合计 (pass)");
  TAP_OK(tv_pass(tv_find(d, "cross_appropriation_income", NULL)),
         "cross_appropriation_income: 04 本年收入合计 = 02 财政拨款收入 (pass)");
  TAP_OK(tv_pass(tv_find(d, "cross_class_04_05", "221/小计")),
         "cross_class_04_05: 04 类 line = Σ 05 under the 类 (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  add_04(d, "15.13", "15.13", "");
  add_05(d, "100.00", "247.49", "25.13");
  add_02(d, "万元", "372.62", "372.62", "347.49", "25.13");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "cross_general_budget_total", NULL)),
         "cross_general_budget_total: 362.62 ≠ 372.62 fails");
  TAP_OK(tv_fail(tv_find(d, "cross_appropriation_income", NULL)),
         "cross_appropriation_income: 362.62 ≠ 372.62 fails");
  TAP_OK(tv_fail(tv_find(d, "cross_class_04_05", "221/小计")),
         "cross_class_04_05: 04 住房保障支出 15.13 ≠ Σ 05 under 221 25.13 fails");
  tv_done(d);
}

static void add_06(b2j_doc *d, const char *people, const char *office) {
  b2j_table *t = tv_table(d, "t6", "basic_expenditure_detail", "公开06表", "万元",
                          "经济分类科目编码|科目名称|决算数|经济分类科目编码|科目名称|决算数", 8);
  tv_row(t, "301|工资福利支出|90.00|302|商品和服务支出|25.13");
  tv_row(t, "30101|基本工资|60.00|30201|办公费|20.13");
  tv_row(t, "30102|津贴补贴|30.00|30211|差旅费|5.00");
  char *r = g_strdup_printf("人员经费合计|人员经费合计|%s|公用经费合计|公用经费合计|%s", people,
                            office);
  tv_row(t, r);
  g_free(r);
}

static void test_cross_basic_detail_06_05(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_05(d, "100.00", "247.49", "15.13");
  add_06(d, "90.00", "25.13");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "cross_basic_detail", NULL)),
         "cross_basic_detail: 06 人员经费合计 + 公用经费合计 = 05 基本支出 (pass)");
  TAP_OK(tv_pass(tv_find(d, "hierarchy_sum", "301/决算数")) &&
             tv_pass(tv_find(d, "hierarchy_sum", "302/决算数")),
         "hierarchy_sum: 06 economic 301 = Σ 301xx across side-by-side groups (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  add_05(d, "100.00", "247.49", "15.13");
  add_06(d, "90.00", "24.13");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "cross_basic_detail", NULL);
  TAP_OK(tv_fail(c) && tv_msg_has(c, "人员经费合计"),
         "cross_basic_detail: 114.13 ≠ 115.13 fails naming the 06 footers");
  tv_done(d);
}

/* ---------- empty 07/08 ---------- */

static void add_07(b2j_doc *d, const char *v) {
  b2j_table *t = tv_table(d, "t7", "government_fund", "公开07表", "万元",
                          "科目代码|科目名称|年初结转和结余|本年收入|小计|基本支出|项目支出|年末结转和结余", 9);
  tv_row(t, "合计||||||");
  char *r = g_strdup_printf("无||0|0|%s|%s|0|0", v, v);
  tv_row(t, r);
  g_free(r);
}

static void test_empty_table_note(void) {
  const char *const words[] = {"政府性基金预算财政拨款收入支出决算表",
                               "说明：我单位没有政府性基金收入，故本表无数据。", NULL};
  b2j_doc *d = b2j_doc_new("t");
  tv_page(d, 9, words);
  add_07(d, "0");
  add_04(d, "15.13", "15.13", "");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "empty_table_note", "公开07表")),
         "empty_table_note: 07 with no numbers and 本表无数据 on its page (pass)");
  TAP_OK(tv_pass(tv_find(d, "empty_fund_consistency", "公开07表")),
         "empty_fund_consistency: 04 政府性基金 column zero and 07 empty (pass)");
  tv_done(d);

  const char *const bare[] = {"政府性基金预算财政拨款收入支出决算表", NULL};
  d = b2j_doc_new("t");
  tv_page(d, 9, bare);
  add_07(d, "0");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "empty_table_note", "公开07表")),
         "empty_table_note: 07 with no numbers and no note fails");
  tv_done(d);

  d = b2j_doc_new("t");
  tv_page(d, 9, words);
  add_07(d, "3.50");
  add_04(d, "15.13", "15.13", "");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "empty_fund_consistency", "公开07表")),
         "empty_fund_consistency: 07 holds numbers while 04's 政府性基金 column is zero: fails");
  tv_done(d);
}

/* ---------- missing tables ---------- */

static void test_missing_tables_not_evaluated(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_03(d, "362.62", "100.00", "247.49", "15.13");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "cross_expenditure_total", NULL);
  TAP_OK(c && !c->evaluated && !c->ok && tv_msg_has(c, "公开01表"),
         "missing 01: cross_expenditure_total is listed, not evaluated, saying which table is missing");
  c = tv_find(d, "cross_basic_detail", NULL);
  TAP_OK(c && !c->evaluated, "missing 05/06: cross_basic_detail not evaluated");
  c = tv_find(d, "empty_table_note", NULL);
  TAP_OK(c && !c->evaluated, "missing 07: empty_table_note not evaluated");
  TAP_OK(tv_count(d, "three_public_sum", -1, 0) == 1, "missing 09: three_public_sum not evaluated");
  tv_done(d);

  /* A performance-only report gets no finance-table rules. */
  d = b2j_doc_new("t");
  b2j_validate(d);
  TAP_OK(tv_find(d, "cross_income_total", NULL) == NULL,
         "no standard table at all: no finance rules are listed");
  tv_done(d);
}

static void test_failing_check_changes_no_value(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  add_02(d, "万元", "362.26", "362.26", "347.13", "15.13");
  const b2j_table *t = g_ptr_array_index(d->tables, 1);
  const b2j_row *r = g_ptr_array_index(t->rows, 0);
  const b2j_cell *cell = g_ptr_array_index(r->cells, 2);
  char before[B2J_DEC_STRLEN];
  b2j_dec_format(cell->value.value, before);
  b2j_validate(d);
  char after[B2J_DEC_STRLEN];
  TAP_OK(tv_fail(tv_find(d, "cross_income_total", NULL)), "a failing check is recorded");
  TAP_STREQ(b2j_dec_format(cell->value.value, after), before,
            "a failing check never changes the value");
  TAP_STREQ(cell->text, "362.26", "a failing check never changes the text");
  tv_done(d);
}


/* ---------- table shapes from real layouts ---------- */

static void test_split_code_columns(void) {
  /* 类/款/项 printed in three columns under one "科目代码" header. */
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t3", "expenditure", "公开03表", "万元",
                          "项目/科目代码/类款项|项目/科目代码/类款项|项目/科目代码/类款项|科目名称|"
                          "本年支出合计|基本支出|项目支出",
                          5);
  tv_row(t, "|||合计|30.00|12.00|18.00");
  tv_row(t, "208|||社会保障和就业支出|30.00|12.00|18.00");
  tv_row(t, "208|01||人力资源和社会保障管理事务|30.00|12.00|18.00");
  tv_row(t, "208|01|01|行政运行|12.00|12.00|");
  tv_row(t, "208|01|02|一般行政管理事务|18.00||17.00");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "hierarchy_sum", "208/本年支出合计")),
         "split 类/款/项 columns: codes joined, 208 = Σ 20801 (pass)");
  TAP_OK(tv_fail(tv_find(d, "hierarchy_sum", "20801/项目支出")),
         "split 类/款/项 columns: 20801 项目支出 18 ≠ Σ项 17 fails");
  TAP_OK(tv_pass(tv_find(d, "column_sum", "合计/本年支出合计")),
         "split 类/款/项 columns: 合计 found in the name column");
  tv_done(d);
}

static void test_unlabelled_blank_column_is_skipped(void) {
  /* A budget 基本支出表 whose empty second header cell became "列2". */
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t6", "basic_expenditure_detail", NULL, "万元",
                          "科目编码|列2|科目名称|合计|人员经费|公用经费", 8);
  tv_row(t, "||合计|100.00|80.00|20.00");
  tv_row(t, "301||工资福利支出|80.00|80.00|0.00");
  tv_row(t, "30101||基本工资|80.00|80.00|0.00");
  tv_row(t, "302||商品和服务支出|20.00|0.00|20.00");
  tv_row(t, "30201||办公费|20.00|0.00|20.00");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "column_sum", "合计/合计")),
         "an empty unlabelled column is not a value column: 合计 = Σ 301, 302 (pass)");
  TAP_OK(tv_pass(tv_find(d, "row_identity", "301/合计")),
         "row_identity: budget 06 合计 = 人员经费 + 公用经费 (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  t = tv_table(d, "t6", "basic_expenditure_detail", NULL, "万元",
               "科目编码|列2|科目名称|合计|人员经费|公用经费", 8);
  tv_row(t, "||合计|100.00|80.00|20.00");
  tv_row(t, "301||工资福利支出|80.00|70.00|0.00");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "row_identity", "301/合计")),
         "row_identity: budget 06 合计 80 ≠ 70 + 0 fails");
  tv_done(d);
}

static void test_cross_code_03_05_leaves_out_fund_codes(void) {
  /* 政府性基金 money (07) shows in 03 but not in 05: those codes are left out. */
  b2j_doc *d = b2j_doc_new("t");
  add_02(d, "万元", "362.62", "362.62", "347.49", "15.13");
  add_03(d, "362.62", "100.00", "247.49", "15.13");
  add_05(d, "100.00", "0", "15.13");
  b2j_table *t = tv_table(d, "t7", "government_fund", "公开07表", "万元",
                          "科目编码|科目名称|年初结转和结余|本年收入|小计|基本支出|项目支出|年末结转和结余", 9);
  tv_row(t, "|合计||247.49|247.49||247.49|");
  tv_row(t, "2101501|行政运行||247.49|247.49||247.49|");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "cross_code_03_05", "2101501/项目支出");
  TAP_OK(c == NULL, "cross_code_03_05: a code with 07 amounts is not compared");
  c = tv_find(d, "cross_code_03_05", "2210201/基本支出");
  TAP_OK(tv_pass(c) && tv_msg_has(c, "left out"),
         "cross_code_03_05: other codes still compared, the message says codes were left out");
  tv_done(d);
}


static void test_wrapped_cell_read_joined(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_01(d, "362.62", "362.6 2", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "summary_income_sum", NULL);
  TAP_OK(tv_pass(c) && tv_msg_has(c, "wrapped cell") && tv_msg_has(c, "362.6 2"),
         "a wrapped cell “362.6 2” is read joined by the checks, and the message says so");
  const b2j_table *t = g_ptr_array_index(d->tables, 0);
  const b2j_row *r = g_ptr_array_index(t->rows, 2);
  const b2j_cell *cell = g_ptr_array_index(r->cells, 2);
  TAP_OK(!cell->value.present && strcmp(cell->text, "362.6 2") == 0,
         "reading a wrapped cell joined leaves the cell unchanged");
  tv_done(d);
}

/* ---------- performance ---------- */

static b2j_opt_dec od(const char *s) {
  b2j_opt_dec o = {false, {0, 0}};
  if (s)
    o.present = b2j_dec_parse(s, &o.value);
  return o;
}

static void add_indicator(b2j_doc *d, const char *table, const char *project, const char *name,
                          const char *w, const char *s) {
  b2j_indicator *x = g_new0(b2j_indicator, 1);
  x->table = g_strdup(table);
  x->project = g_strdup(project);
  x->name = g_strdup(name);
  x->weight = od(w);
  x->score = od(s);
  x->page = 12;
  g_ptr_array_add(d->indicators, x);
}

static b2j_project *add_project(b2j_doc *d, const char *table, const char *name,
                                const char *budget, const char *exec, const char *rate,
                                const char *fw, const char *fs, const char *tw, const char *ts) {
  b2j_project *p = g_new0(b2j_project, 1);
  p->table = g_strdup(table);
  p->name = g_strdup(name);
  p->funds = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_fund_free);
  b2j_fund *f = g_new0(b2j_fund, 1);
  f->line = g_strdup("年度资金总额");
  f->initial_budget = od(budget);
  f->annual_budget = od(budget);
  f->executed = od(exec);
  f->execution_rate = od(rate);
  f->weight = od(fw);
  f->score = od(fs);
  g_ptr_array_add(p->funds, f);
  p->total_weight = od(tw);
  p->total_score = od(ts);
  g_ptr_array_add(d->projects, p);
  return p;
}

static void test_score_le_weight(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_indicator(d, "t12", "离休人员医药费", "服务人员", "5", "5");
  add_indicator(d, "t12", "离休人员医药费", "项目资金成本控制", "5", "6");
  add_project(d, "t12", "离休人员医药费", "25", "10.44", "41.76", "10", "12", "100", "90");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "score_le_weight", "离休人员医药费/服务人员")),
         "score_le_weight: 得分 5 ≤ 分值 5 (pass)");
  const b2j_check *c = tv_find(d, "score_le_weight", "离休人员医药费/项目资金成本控制");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "p.12"), "score_le_weight: 得分 6 > 分值 5 fails, with the page");
  TAP_OK(tv_fail(tv_find(d, "score_le_weight", "离休人员医药费/年度资金总额")),
         "score_le_weight: fund line 得分 12 > 分值 10 fails");
  tv_done(d);
}

static void test_total_score_conventions(void) {
  /* Seed 001's first project: Σ indicators 85 + fund line 5 = 总分 90. */
  b2j_doc *d = b2j_doc_new("t");
  const char *w[] = {"5", "20", "20", "5", "10", "10", "10", "10"};
  const char *s[] = {"5", "20", "20", "0", "10", "10", "10", "10"};
  for (int i = 0; i < 8; i++) {
    char name[16];
    g_snprintf(name, sizeof name, "指标%d", i);
    add_indicator(d, "t12", "离休人员医药费", name, w[i], s[i]);
  }
  add_project(d, "t12", "离休人员医药费", "25", "10.44", "41.76", "10", "5", "100", "90");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "total_score", NULL);
  TAP_OK(tv_pass(c) && tv_msg_has(c, "fund line counts"),
         "total_score: 总分 = Σ得分 + fund-line 得分 (seed convention, said in message)");
  c = tv_find(d, "total_weight", NULL);
  TAP_OK(tv_pass(c), "total_weight: 总分 分值 100 = Σ分值 90 + fund 10 (pass)");
  tv_done(d);

  /* A form whose 总分 counts the indicators only. */
  d = b2j_doc_new("t");
  add_indicator(d, "t13", "P", "a", "50", "45");
  add_indicator(d, "t13", "P", "b", "50", "50");
  add_project(d, "t13", "P", "10", "10", "100", "10", "10", "100", "95");
  b2j_validate(d);
  c = tv_find(d, "total_score", NULL);
  TAP_OK(tv_pass(c) && tv_msg_has(c, "not counted"),
         "total_score: 总分 = Σ得分 without the fund line is accepted and said");
  tv_done(d);

  d = b2j_doc_new("t");
  add_indicator(d, "t13", "P", "a", "50", "45");
  add_indicator(d, "t13", "P", "b", "50", "40");
  add_project(d, "t13", "P", "10", "10", "100", "10", "10", "100", "97");
  b2j_validate(d);
  TAP_OK(tv_fail(tv_find(d, "total_score", NULL)),
         "total_score: 总分 97 matches neither 85 nor 95: fails");
  tv_done(d);

  d = b2j_doc_new("t");
  add_indicator(d, "t13", "P", "a", "50", "45");
  add_project(d, "t13", "P", "10", "10", "100", "10", "10", "100", NULL);
  b2j_validate(d);
  c = tv_find(d, "total_score", NULL);
  TAP_OK(c && !c->evaluated, "total_score: no 总分 read: not evaluated");
  tv_done(d);
}

static void test_execution_rate(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_project(d, "t12", "A", "25", "10.44", "41.76", NULL, NULL, NULL, NULL);
  add_project(d, "t13", "B", "40", "39.41", "98.52", NULL, NULL, NULL, NULL);
  add_project(d, "t14", "C", "6.98", "1.4", "20", NULL, NULL, NULL, NULL);
  add_project(d, "t15", "D", "25", "10.44", "47.16", NULL, NULL, NULL, NULL);
  add_project(d, "t16", "E", "0", "0", "100", NULL, NULL, NULL, NULL);
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "execution_rate", "A/年度资金总额/执行率")),
         "execution_rate: 10.44 / 25 = 41.76%% (pass)");
  const b2j_check *c = tv_find(d, "execution_rate", "B/年度资金总额/执行率");
  TAP_OK(tv_pass(c) && tv_msg_has(c, "truncated"),
         "execution_rate: 39.41 / 40 = 98.525%% printed 98.52%% accepted as truncated (seed 001)");
  TAP_OK(tv_pass(tv_find(d, "execution_rate", "C/年度资金总额/执行率")),
         "execution_rate: 1.4 / 6.98 printed 20%% at the printed precision (pass)");
  TAP_OK(tv_fail(tv_find(d, "execution_rate", "D/年度资金总额/执行率")),
         "execution_rate: 47.16%% for 41.76%% fails");
  c = tv_find(d, "execution_rate", "E/年度资金总额/执行率");
  TAP_OK(c && !c->evaluated, "execution_rate: 全年预算数 0: not evaluated");
  tv_done(d);
}

/* A fund line under 年度资金总额 (annual and executed amounts; NULL = empty). */
static b2j_fund *add_fund_line(b2j_project *p, const char *line, const char *annual,
                               const char *exec) {
  b2j_fund *f = g_new0(b2j_fund, 1);
  f->line = g_strdup(line);
  f->annual_budget = od(annual);
  f->executed = od(exec);
  g_ptr_array_add(p->funds, f);
  return f;
}

/* seed-002's 2023年基层党组织党建活动经费: 2.433577 = 0.8809 + 1.552677. */
static void test_fund_lines_sum(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_project *a = add_project(d, "t3", "A", "2.433577", "2.433577", NULL, NULL, NULL, NULL, NULL);
  add_fund_line(a, "其中：当年财政拨款", "0.8809", "0.8809");
  add_fund_line(a, "上年结转资金", "1.552677", "1.552677");
  add_fund_line(a, "其他资金", NULL, NULL);
  b2j_project *b = add_project(d, "t4", "B", "2.433577", "2.433577", NULL, NULL, NULL, NULL, NULL);
  add_fund_line(b, "其中：当年财政拨款", "0.8809", "0.8809");
  add_fund_line(b, "上年结转资金", "1.252677", "1.552677");
  add_fund_line(b, "其他资金", NULL, NULL);
  /* syn-010's scan: a part printed "直26.17". */
  b2j_project *c = add_project(d, "t5", "C", "58.83", "58.83", NULL, NULL, NULL, NULL, NULL);
  b2j_cell *cell = b2j_cell_new("直58.83", 4);
  b2j_fund *f = add_fund_line(c, "其中：当年财政拨款", NULL, "58.83");
  f->from[B2J_FUND_ANNUAL] = cell;
  add_fund_line(c, "上年结转资金", NULL, NULL);
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "fund_lines_sum", "A/年度资金总额/全年预算数")) &&
             tv_pass(tv_find(d, "fund_lines_sum", "A/年度资金总额/全年执行数")),
         "fund_lines_sum: 2.433577 = 0.8809 + 1.552677 + (empty) in both columns (pass)");
  TAP_OK(tv_fail(tv_find(d, "fund_lines_sum", "B/年度资金总额/全年预算数")) &&
             tv_pass(tv_find(d, "fund_lines_sum", "B/年度资金总额/全年执行数")),
         "fund_lines_sum: a part read 1.252677 for 1.552677 fails its column only");
  const b2j_check *k = tv_find(d, "fund_lines_sum", "C/年度资金总额/全年预算数");
  TAP_OK(k && !k->evaluated && tv_msg_has(k, "直58.83"),
         "fund_lines_sum: a part that is no number leaves the column not evaluated, quoted");
  TAP_OK(tv_pass(tv_find(d, "fund_lines_sum", "C/年度资金总额/全年执行数")),
         "fund_lines_sum: the other column is still evaluated");
  TAP_OK(tv_find(d, "fund_lines_sum", "C/年度资金总额/年初预算数") == NULL,
         "fund_lines_sum: a column printed nowhere is no check");
  tv_done(d);
  b2j_cell_free(cell);
}

/* ---------- prose figures ---------- */

static void add_figure(b2j_doc *d, const char *key, const char *label, const char *value,
                       const char *unit, const char *text) {
  b2j_figure *f = g_new0(b2j_figure, 1);
  f->key = g_strdup(key);
  f->label = g_strdup(label);
  b2j_dec_parse(value, &f->value);
  f->unit = g_strdup(unit);
  f->page = 14;
  f->text = g_strdup(text);
  g_ptr_array_add(d->figures, f);
}

static void test_figure_vs_table(void) {
  b2j_doc *d = b2j_doc_new("t");
  add_01(d, "362.62", "362.62", "347.49", "15.13", "362.62", "", "362.62", "362.62");
  add_figure(d, "total_income", "收入合计", "3626200", "元", "2023年度收入合计3626200元");
  add_figure(d, "total_expenditure", "支出合计", "362.26", "万元", "2023年度支出合计362.26万元");
  add_figure(d, "basic_expenditure", "基本支出", "122.83", "万元", "基本支出122.83万元");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "figure_vs_table", "total_income");
  TAP_OK(tv_pass(c) && tv_msg_has(c, "p.14"),
         "figure_vs_table: prose 3626200 元 = 01 本年收入合计 362.62 万元 after conversion (pass)");
  c = tv_find(d, "figure_vs_table", "total_expenditure");
  TAP_OK(tv_fail(c), "figure_vs_table: prose 362.26 万元 ≠ 01 本年支出合计 362.62 fails");
  c = tv_find(d, "figure_vs_table", "basic_expenditure");
  TAP_OK(c && !c->evaluated && tv_msg_has(c, "no table"),
         "figure_vs_table: no 03/05 table for 基本支出: not evaluated, saying why");
  tv_done(d);
}


static void test_three_public_blocks_without_prefix(void) {
  /* A header that lost 预算数/决算数: the two blocks are told by order. */
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t9", "three_public", "公开09表", "万元",
                          "合计|因公出国(境)费|小计|公务用车购置费|公务用车运行维护费|公务接待费|"
                          "合计|因公出国(境)费|小计|公务用车购置费|公务用车运行维护费|公务接待费",
                          11);
  tv_row(t, "8.68||7.09||7.09|1.59|5.00||4.11||4.11|0.89");
  add_figure(d, "three_public", "“三公”经费", "5.00", "万元",
             "2022年度“三公”经费财政拨款支出决算为5.00万元，完成预算的57.6%");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "three_public_sum", "预算数/合计")) &&
             tv_pass(tv_find(d, "three_public_sum", "决算数/合计")),
         "three_public_sum: unprefixed blocks checked separately, named by order");
  const b2j_check *c = tv_find(d, "figure_vs_table", "three_public");
  TAP_OK(tv_pass(c), "figure_vs_table: prose 三公 决算 5.00 万元 = the second (决算数) block's 合计");
  tv_done(d);
}


static void test_budget_layouts(void) {
  /* A budget 收支总表: 一、财政拨款 with sub-items 1./2., a 小计, then 上年结转. */
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t1", "income_expenditure_summary", NULL, "万元",
                          "项目名称|金额|功能科目名称|金额", 3);
  tv_row(t, "一、财政拨款|100.00|一、公共安全支出|110.00");
  tv_row(t, "1.一般公共预算|100.00||");
  tv_row(t, "2.政府性基金预算|||");
  tv_row(t, "二、其他资金|5.00||");
  tv_row(t, "当年收入小计|105.00||");
  tv_row(t, "上年结转资金|5.00||");
  tv_row(t, "收入合计|110.00|支出合计|110.00");
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "summary_income_sum", NULL);
  TAP_OK(tv_pass(c) && !tv_msg_has(c, "一般公共预算"),
         "summary_income_sum: sub-items (1.…) and 小计 lines are not added again (pass)");
  tv_done(d);

  /* 一、财政拨款 = its numbered sub-items; an OCR'd "1." read "L.", its
   * point lost ("1一般公共预算") or read as a comma ("1，"), is one. */
  static const char *const SUB[][2] = {{"1.一般公共预算", "100.00"},
                                       {"L.一般公共预算", "100.00"},
                                       {"1一般公共预算", "100.00"},
                                       {"1，一般公共预算资金", "100.00"},
                                       {"1.一般公共预算", "10.00"}};
  for (int k = 0; k < 5; k++) {
    d = b2j_doc_new("t");
    t = tv_table(d, "t1", "income_expenditure_summary", NULL, "万元",
                 "项目名称|金额|功能科目名称|金额", 3);
    tv_row(t, "一、财政拨款|100.00|一、公共安全支出|100.00");
    char *r = g_strdup_printf("%s|%s||", SUB[k][0], SUB[k][1]);
    tv_row(t, r);
    g_free(r);
    tv_row(t, "2.政府性基金预算|||");
    tv_row(t, "二、其他资金|||");
    tv_row(t, "收入合计|100.00|支出合计|100.00");
    b2j_validate(d);
    c = tv_find(d, "summary_sub_items", "一、财政拨款");
    if (k < 4)
      TAP_OK(tv_pass(c) && tv_msg_has(c, SUB[k][0]) &&
                 tv_pass(tv_find(d, "summary_income_sum", NULL)),
             "summary_sub_items: 一、财政拨款 100 = %s 100 + 2. (empty), and the sub-item is not "
             "an item of 收入合计 (pass)",
             SUB[k][0]);
    else
      TAP_OK(tv_fail(c), "summary_sub_items: 一、财政拨款 100 ≠ 1. 10 + 2. (empty) fails");
    tv_done(d);
  }
  /* A speck read as a digit before an item's own number is no sub-item. */
  d = b2j_doc_new("t");
  t = tv_table(d, "t1", "income_expenditure_summary", NULL, "万元",
               "项目名称|金额|项目名称|金额", 3);
  tv_row(t, "一、财政拨款|100.00|一、基本支出|60.00");
  tv_row(t, "|||2二、项目支出|40.00");
  tv_row(t, "收入合计|100.00|支出合计|100.00");
  b2j_validate(d);
  TAP_OK(tv_find(d, "summary_sub_items", "一、基本支出") == NULL,
         "summary_sub_items: '2二、项目支出' is an item with a speck, not a sub-item of 一、基本支出");
  tv_done(d);

  /* A budget 04 that prints 收入总计 and 支出总计 right under its items (no
   * 本年收入合计, no carry-over): they are the items' sums, per column. */
  static const char *const BARE[][2] = {{"156,211,123", "156,211,123"},
                                        {"156,271,123", "156,211,123"},
                                        {"156,211,123", "156,271,123"}};
  for (int k = 0; k < 3; k++) {
    d = b2j_doc_new("t");
    t = tv_table(d, "t2", "appropriation_summary", NULL, "元",
                 "项目|预算数|项目|合计|一般公共预算|政府性基金预算|国有资本经营预算", 5);
    tv_row(t, "一、一般公共预算资金|156,211,123|一、一般公共服务支出|2,932,700|2,932,700||");
    tv_row(t, "二、政府性基金||二、公共安全支出|1,633,000|1,633,000||");
    tv_row(t, "三、国有资本经营预算||三、城乡社区支出|151,645,423|151,645,423||");
    char *r = g_strdup_printf("收入总计|156,211,123|支出总计|%s|%s||", BARE[k][0], BARE[k][1]);
    tv_row(t, r);
    g_free(r);
    b2j_validate(d);
    const b2j_check *e = tv_find(d, "summary_expenditure_sum", "支出总计/合计");
    const b2j_check *g = tv_find(d, "summary_expenditure_sum", "支出总计/一般公共预算");
    const b2j_check *bt = tv_find(d, "balance_totals", "收入总计/支出总计");
    if (k == 0)
      TAP_OK(tv_pass(tv_find(d, "summary_income_sum", "收入总计")) && tv_pass(e) && tv_pass(g) &&
                 tv_pass(bt) && !tv_find(d, "balance_income", NULL),
             "summary: a bare budget 04's 收入总计 and 支出总计 are its items' sums and balance "
             "(pass; no balance_income, which would restate the sum)");
    else if (k == 1)
      TAP_OK(tv_fail(e) && tv_pass(g) && tv_fail(bt),
             "summary: a bare 04's 支出总计/合计 156,271,123 ≠ Σ items fails, and so does its balance");
    else
      TAP_OK(tv_pass(e) && tv_fail(g) && tv_pass(bt),
             "summary: a bare 04's 支出总计/一般公共预算 156,271,123 ≠ Σ items fails alone");
    tv_done(d);
  }
  /* With a carry-over line, 收入总计 is more than the items: no item sum. */
  d = b2j_doc_new("t");
  t = tv_table(d, "t2", "appropriation_summary", NULL, "万元", "项目|预算数|项目|合计|一般公共预算", 5);
  tv_row(t, "一、一般公共预算|100.00|一、公共安全支出|110.00|110.00");
  tv_row(t, "上年结转|10.00|||");
  tv_row(t, "收入总计|110.00|支出总计|110.00|110.00");
  b2j_validate(d);
  TAP_OK(!tv_find(d, "summary_income_sum", NULL) && !tv_find(d, "summary_expenditure_sum", NULL),
         "summary: a 04 with 上年结转 and no 本年收入合计 gets no item sum for its 收入总计");
  tv_done(d);

  /* A 三公 table that adds 会议费 and 培训费. */
  d = b2j_doc_new("t");
  t = tv_table(d, "t11", "three_public", NULL, "万元",
               "合计|“三公”经费/小计|因公出国（境）费|“三公”经费/公务用车购置及运行维护费/小计|"
               "公务用车购置费|公务用车运行维护费|公务接待费|会议费|培训费",
               17);
  tv_row(t, "2599.37|670.12|180.00|304.40||304.40|185.72|228.00|1701.25");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "three_public_with_meetings", NULL)),
         "three_public_with_meetings: 合计 = “三公”经费小计 + 会议费 + 培训费 (pass)");
  TAP_OK(tv_pass(tv_find(d, "three_public_sum", "“三公”经费/小计")),
         "three_public_sum: “三公”经费小计 = 出国 + 公务用车 + 接待 (pass)");
  TAP_OK(tv_pass(tv_find(d, "three_public_vehicle", NULL)),
         "three_public_vehicle: the 公务用车 小计, not the 三公 小计 (pass)");
  tv_done(d);

  /* A budget's empty 政府性基金 table carries no note: not a failure. */
  d = b2j_doc_new("t");
  t = tv_table(d, "t7", "government_fund", "公开10表", "万元", "功能科目代码|功能科目名称|金额", 15);
  t->title = g_strdup("2017年度部门政府性基金支出预算表");
  tv_row(t, "|合计|");
  b2j_validate(d);
  const b2j_check *k = tv_find(d, "empty_table_note", NULL);
  TAP_OK(k && !k->evaluated && tv_msg_has(k, "budget"),
         "empty_table_note: not evaluated for a budget (预算) table");
  tv_done(d);

  /* 款 printed "2" for "02" in split code columns. */
  d = b2j_doc_new("t");
  t = tv_table(d, "t9", "basic_expenditure_detail", NULL, "元",
               "类|款|经济分类科目名称|合计|人员经费|公用经费", 29);
  tv_row(t, "301||工资福利支出|300|300|0");
  tv_row(t, "301|01|基本工资|100|100|0");
  tv_row(t, "301|2|津贴补贴|200|200|0");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "hierarchy_sum", "301/合计")),
         "split code parts: a one-digit 款 \"2\" reads as 02 (30102), so 301 = Σ (pass)");
  tv_done(d);
}

/* ---------- years and placeholders ---------- */

static void test_years_in_titles(void) {
  b2j_doc *d = b2j_doc_new("t");
  d->document.fiscal_year = 2023;
  b2j_table *t = tv_table(d, "t1", "other", NULL, NULL, "a", 3);
  t->title = g_strdup("2023年度收入决算表");
  t = tv_table(d, "t2", "other", NULL, NULL, "a", 4);
  t->title = g_strdup("2022年度支出决算表");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "year_consistency", "t1/title")),
         "year_consistency: 2023 title in a 2023 report (pass)");
  const b2j_check *c = tv_find(d, "year_consistency", "t2/title");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "2022"), "year_consistency: a stray 2022 title fails");
  tv_done(d);
}

static void test_placeholders(void) {
  const char *const clean[] = {"岳阳市屈原管理区医疗保障局", "2023年度部门决算", NULL};
  const char *const dirty[] = {"XX局2023年度部门决算", NULL};
  b2j_doc *d = b2j_doc_new("t");
  tv_page(d, 1, clean);
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "placeholder_text", NULL)), "placeholder_text: no XX局 (pass)");
  tv_done(d);

  d = b2j_doc_new("t");
  tv_page(d, 1, clean);
  tv_page(d, 2, dirty);
  b2j_validate(d);
  const b2j_check *c = tv_find(d, "placeholder_text", "p.2");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "XX局"), "placeholder_text: XX局 on p.2 fails, quoting it");
  TAP_OK(tv_count(d, "placeholder_text", 1, 1) == 0, "placeholder_text: no passing check beside a find");
  tv_done(d);
}


/* ---------- 07 by fund ---------- */

static void test_fund_balance_07(void) {
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t7", "government_fund", "公开07表", "万元",
                          "科目代码|科目名称|年初结转和结余|本年收入|小计|基本支出|项目支出|年末结转和结余", 9);
  tv_row(t, "合计||10.00|90.00|95.00|0|95.00|5.00");
  tv_row(t, "2290402||10.00|90.00|95.00|0|95.00|4.00");
  tv_row(t, "2290403||x|1.00|1.00|0|1.00|0");
  b2j_validate(d);
  TAP_OK(tv_pass(tv_find(d, "fund_balance", "合计")), "fund_balance: 07 合计 10 + 90 = 95 + 5");
  TAP_OK(tv_fail(tv_find(d, "fund_balance", "2290402")), "fund_balance: 07 row 10 + 90 != 95 + 4");
  const b2j_check *k = tv_find(d, "fund_balance", "2290403");
  TAP_OK(k && !k->evaluated, "fund_balance: unreadable cell -> not evaluated");
  tv_done(d);
  d = b2j_doc_new("t");
  t = tv_table(d, "t7", "government_fund", "公开10表", "万元", "功能科目代码|功能科目名称|金额", 9);
  tv_row(t, "合计||5.00");
  b2j_validate(d);
  TAP_OK(tv_count(d, "fund_balance", -1, 0) == 1 && tv_count(d, "fund_balance", -1, 1) == 0,
         "fund_balance: a budget's expenditure-only fund table -> one not-evaluated check");
  tv_done(d);
}

int main(void) {
  test_column_sum_over_xiang_rows();
  test_hierarchy_sum_lei_kuan_xiang();
  test_column_sum_unreadable_cell_not_evaluated();
  test_row_identity_expenditure();
  test_row_identity_income();
  test_row_identity_subtotal_05();
  test_three_public();
  test_balance_01();
  test_balance_04_fund_row();
  test_cross_totals_01_02_03();
  test_cross_units_and_precision();
  test_tail_tolerance_when_declared();
  test_cross_code_03_05();
  test_cross_code_02_05();
  test_cross_04_05_and_02();
  test_cross_basic_detail_06_05();
  test_empty_table_note();
  test_missing_tables_not_evaluated();
  test_failing_check_changes_no_value();
  test_split_code_columns();
  test_wrapped_cell_read_joined();
  test_unlabelled_blank_column_is_skipped();
  test_cross_code_03_05_leaves_out_fund_codes();
  test_score_le_weight();
  test_total_score_conventions();
  test_execution_rate();
  test_fund_lines_sum();
  test_figure_vs_table();
  test_three_public_blocks_without_prefix();
  test_budget_layouts();
  test_years_in_titles();
  test_placeholders();
  test_fund_balance_07();
  return tap_done();
}
