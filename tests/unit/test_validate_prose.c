/* validate/validate_prose.c: comparisons written in prose ("X元，比年初预算B元，
 * 减少D元", "比上年增加D元，增长P%"), made to pass and to fail. Strings from
 * seed 001. */
#include <string.h>

#include "ir/ir.h"
#include "tests/lib/tap.h"
#include "validate/validate.h"

#include "tests/lib/validate_fixtures.h"

static b2j_doc *doc_of(const char *sentence) {
  const char *const words[] = {sentence, NULL};
  b2j_doc *d = b2j_doc_new("t");
  tv_page(d, 2, words);
  b2j_validate(d);
  return d;
}

static void test_difference(void) {
  b2j_doc *d = doc_of("2023年度“三公”经费财政拨款决算数6,013.79元，比年初预算45,566.00元，减少39,552.21元");
  TAP_OK(tv_pass(tv_find(d, "prose_comparison", "p.2/6,013.79元/差额")),
         "prose_comparison: 45566.00 − 6013.79 = 减少 39552.21 (pass)");
  tv_done(d);
  d = doc_of("决算数6,013.79元，比年初预算45,566.00元，减少39,552.12元");
  const b2j_check *c = tv_find(d, "prose_comparison", "p.2/6,013.79元/差额");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "39552.21") && tv_msg_has(c, "p.2"),
         "prose_comparison: a difference printed 39552.12 fails, naming the page and the sum");
  tv_done(d);
  d = doc_of("支出34,221.08元，年初预算23,402.00元，减少10,819.08元");
  c = tv_find(d, "prose_comparison", "p.2/34,221.08元/差额");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "direction"),
         "prose_comparison: 减少 where the amount grew fails on the direction");
  tv_done(d);
}

static void test_rate(void) {
  b2j_doc *d = doc_of("2023年度本年支出合计187,267,966.43元，比上年增加11,671,567.97元，增长6.6%，其中");
  TAP_OK(tv_pass(tv_find(d, "prose_comparison", "p.2/187,267,966.43元/增幅")),
         "prose_comparison: 增长 6.6%% = 11671567.97 / (X − D) at one decimal (pass)");
  tv_done(d);
  d = doc_of("“医疗救助”（款）2023年度决算33,864,236.66元，比2023年年初预算减少501,363.34元,减少1.5%");
  TAP_OK(tv_pass(tv_find(d, "prose_comparison", "p.2/33,864,236.66元/增幅")),
         "prose_comparison: 减少 1.5%% against the budget X + D (pass)");
  tv_done(d);
  d = doc_of("本年收入合计187,267,966.43元，比上年增加12,868,424.22元，增长7.9%");
  const b2j_check *c = tv_find(d, "prose_comparison", "p.2/187,267,966.43元/增幅");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "7.4"), "prose_comparison: 7.9%% where the amounts give 7.4%% fails");
  tv_done(d);
  d = doc_of("基本支出0元，比2022年年初预算增加（减少）0元，增长（减少）0%");
  TAP_OK(tv_pass(tv_find(d, "prose_comparison", "p.2/0元/增幅")),
         "prose_comparison: no change and 0%% passes even from a zero base");
  tv_done(d);
}

static void test_no_sentence(void) {
  b2j_doc *d = doc_of("全区基本医疗保险参保人员33.82万人，同比增长4.11%");
  TAP_OK(tv_find(d, "prose_comparison", NULL) == NULL,
         "prose_comparison: a growth rate with no amounts makes no check");
  tv_done(d);
  /* Table cells are not prose: amounts side by side in a row make no check. */
  d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t5", "general_budget_expenditure", "公开05表", "元",
                          "功能分类科目编码|科目名称|小计|基本支出|项目支出", 2);
  tv_row(t, "2101501|行政运行|45,566.00|6,013.79|39,552.21");
  b2j_validate(d);
  TAP_OK(tv_count(d, "prose_comparison", 1, 1) == 0 && tv_find(d, "prose_comparison", NULL) == NULL,
         "prose_comparison: a table row's amounts make no prose check");
  tv_done(d);
}


/* ---- against the tables (validate_prose_tables.c) ---- */

/* A 公开09表 in 万元 with both blocks: 预算数 then 决算数. */
static void three_public_table(b2j_doc *d, const char *budget_row) {
  b2j_table *t = tv_table(d, "t9", "three_public", "公开09表", "万元",
                          "预算数/合计|预算数/因公出国（境）费|预算数/公务用车购置及运行维护费/小计|"
                          "预算数/公务用车购置及运行维护费/公务用车购置费|"
                          "预算数/公务用车购置及运行维护费/公务用车运行维护费|预算数/公务接待费|"
                          "决算数/合计|决算数/因公出国（境）费|决算数/公务用车购置及运行维护费/小计|"
                          "决算数/公务用车购置及运行维护费/公务用车购置费|"
                          "决算数/公务用车购置及运行维护费/公务用车运行维护费|决算数/公务接待费",
                          9);
  t->title = g_strdup("财政拨款“三公”经费支出决算表");
  tv_row(t, budget_row);
}

static b2j_doc *doc_with(const char *sentence, const char *budget_row) {
  const char *const words[] = {sentence, NULL};
  b2j_doc *d = b2j_doc_new("t");
  three_public_table(d, budget_row);
  tv_page(d, 2, words);
  b2j_validate(d);
  return d;
}

/* Seed 001: “三公” 预算为2万元，支出决算为0.89万元，完成预算的44.5%，决算数小于预算数. */
static const char SEED001_3P[] =
    "“三公”经费财政拨款支出预算为2万元，支出决算为0.89万元，完成预算的44.5%，"
    "决算数小于预算数的主要原因是厉行节约，严控支出";

static void test_three_public_vs_table(void) {
  b2j_doc *d = doc_with(SEED001_3P, "2|0|0|0|0|2|0.89|0|0|0|0|0.89");
  TAP_OK(tv_pass(tv_find(d, "prose_amount_vs_table", "p.2/“三公”经费/0.89万元/决算数")) &&
             tv_pass(tv_find(d, "prose_amount_vs_table", "p.2/“三公”经费/0.89万元/预算数")),
         "prose_amount_vs_table: seed 001's 0.89 and 2 万元 = 09's 决算数/合计 and 预算数/合计 (pass)");
  TAP_OK(tv_pass(tv_find(d, "prose_rate_vs_table", "p.2/“三公”经费/0.89万元/完成预算")),
         "prose_rate_vs_table: 完成预算的44.5%% = 0.89 / 2 from the cells (pass)");
  TAP_OK(tv_pass(tv_find(d, "prose_direction_vs_table", "p.2/“三公”经费/0.89万元/方向")),
         "prose_direction_vs_table: 决算数小于预算数 and 0.89 < 2 in the table (pass)");
  tv_done(d);
  /* The table says the budget was 0.8: 决算 above it. */
  d = doc_with(SEED001_3P, "0.8|0|0|0|0|0.8|0.89|0|0|0|0|0.89");
  const b2j_check *c = tv_find(d, "prose_amount_vs_table", "p.2/“三公”经费/0.89万元/预算数");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "预算数/合计") && tv_msg_has(c, "p.9"),
         "prose_amount_vs_table: prose 2 万元 against a 预算数 cell of 0.8 fails, naming the cell and page");
  c = tv_find(d, "prose_direction_vs_table", "p.2/“三公”经费/0.89万元/方向");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "小于"),
         "prose_direction_vs_table: 决算数小于预算数 where the table's 决算 is larger fails");
  c = tv_find(d, "prose_rate_vs_table", "p.2/“三公”经费/0.89万元/完成预算");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "111.3"),
         "prose_rate_vs_table: 44.5%% where the cells give 0.89 / 0.8 = 111.3%% fails");
  tv_done(d);
  /* Seed 000: the item named by the heading before the sentence. */
  d = doc_with("其中：2.公务接待费2023年度决算数0元，比年初预算数9,566.00元，减少9,566.00元，主要原因：无公务接待支出。",
               "4.5566|0|3.6|0|3.6|0.9566|0.601379|0|0.601379|0|0.601379|0");
  TAP_OK(tv_pass(tv_find(d, "prose_amount_vs_table", "p.2/公务接待费/0元/预算数")) &&
             tv_pass(tv_find(d, "prose_amount_vs_table", "p.2/公务接待费/0元/差额")) &&
             tv_pass(tv_find(d, "prose_direction_vs_table", "p.2/公务接待费/0元/方向")),
         "prose_*_vs_table: seed 000's 公务接待费 0 元 against 9,566.00 元: 元 prose, 万元 cells (pass)");
  tv_done(d);
  d = doc_with("其中：2.公务接待费2023年度决算数0元，比年初预算数9,566.00元，增加9,566.00元。",
               "4.5566|0|3.6|0|3.6|0.9566|0.601379|0|0.601379|0|0.601379|0");
  TAP_OK(tv_fail(tv_find(d, "prose_direction_vs_table", "p.2/公务接待费/0元/方向")),
         "prose_direction_vs_table: 增加 where the table's 决算 is below its 预算 fails");
  tv_done(d);
  /* The corpus' wording: no budget in the sentence, only in 09. */
  const char *flat = "2023年度“三公”经费财政拨款支出决算为5.00万元，决算数与预算数持平。其中：";
  d = doc_with(flat, "5|0|0|0|0|5|5|0|0|0|0|5");
  TAP_OK(tv_pass(tv_find(d, "prose_direction_vs_table", "p.2/“三公”经费/5.00万元/方向")),
         "prose_direction_vs_table: 决算数与预算数持平 with 09's 5 and 5 (pass)");
  tv_done(d);
  d = doc_with(flat, "6|0|0|0|0|6|5|0|0|0|0|5");
  TAP_OK(tv_fail(tv_find(d, "prose_direction_vs_table", "p.2/“三公”经费/5.00万元/方向")),
         "prose_direction_vs_table: 持平 where 09 says 预算 6, 决算 5 fails");
  tv_done(d);
  /* No 09 table: not evaluated, never a pass. */
  const char *const words[] = {SEED001_3P, NULL};
  d = b2j_doc_new("t");
  tv_page(d, 2, words);
  b2j_validate(d);
  c = tv_find(d, "prose_amount_vs_table", "p.2/“三公”经费/0.89万元/决算数");
  TAP_OK(c && !c->evaluated && !c->ok && tv_msg_has(c, "not evaluated") &&
             tv_count(d, "prose_rate_vs_table", -1, -1) == 0,
         "prose_amount_vs_table: without a 09 table the sentence is reported not evaluated");
  tv_done(d);
}

/* A 05 table: 行政运行 under two 款, so only the path names the line. */
static b2j_doc *doc05(const char *title, const char *unit, const char *sentence,
                      const char *const *rows) {
  const char *const words[] = {sentence, NULL};
  b2j_doc *d = b2j_doc_new("t");
  b2j_table *t = tv_table(d, "t5", "general_budget_expenditure", NULL, unit,
                          "功能分类科目编码|科目名称|合计|基本支出|项目支出", 5);
  t->title = g_strdup(title);
  for (int i = 0; rows[i]; i++)
    tv_row(t, rows[i]);
  tv_page(d, 7, words);
  b2j_validate(d);
  return d;
}

static void test_subject_vs_table(void) {
  /* putuo 财政局 2024 决算: the path in one sentence, the amounts in the next. */
  const char *sh = "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的"
                   "基本支出。年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出"
                   "及退休变化，减少人员经费开支。2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。"
                   "主要用于：局财政业务指导与宣传等基本支出。";
  const char *const good[] = {"201|一般公共服务支出|2,106.66|1,503.52|603.14",
                              "20101|人大事务|10.00|10.00|",
                              "2010101|行政运行|10.00|10.00|",
                              "20106|财政事务|2,096.66|1,493.52|603.14",
                              "2010601|行政运行|1,511.89|1,503.52|8.37",
                              "合计||2,106.66|1,503.52|603.14",
                              NULL};
  b2j_doc *d = doc05("一般公共预算财政拨款支出决算表", "万元", sh, good);
  const char *w = "p.7/一般公共服务支出(类)财政事务(款)行政运行(项)/1511.89万元/决算数";
  TAP_OK(tv_pass(tv_find(d, "prose_amount_vs_table", w)),
         "prose_amount_vs_table: the 类/款/项 path finds 2010601 行政运行 among two (pass)");
  TAP_OK(tv_pass(tv_find(d, "prose_direction_vs_table",
                         "p.7/一般公共服务支出(类)财政事务(款)行政运行(项)/1511.89万元/方向")),
         "prose_direction_vs_table: 决算数小于预算数: the cell 1,511.89 < the prose's 1560.05 (pass)");
  tv_done(d);
  const char *const bad[] = {"201|一般公共服务支出|2,106.66|1,503.52|603.14",
                             "20101|人大事务|1,511.89|1,511.89|",
                             "2010101|行政运行|1,511.89|1,511.89|",
                             "20106|财政事务|594.77|594.77|",
                             "2010601|行政运行|1,151.89|1,143.52|8.37",
                             NULL};
  d = doc05("一般公共预算财政拨款支出决算表", "万元", sh, bad);
  const b2j_check *c = tv_find(d, "prose_amount_vs_table", w);
  TAP_OK(tv_fail(c) && tv_msg_has(c, "11518900"),
         "prose_amount_vs_table: 1511.89 against the path's cell 1,151.89 fails (not the other 行政运行)");
  tv_done(d);
  const char *const none[] = {"201|一般公共服务支出|10.00|10.00|", NULL};
  d = doc05("一般公共预算财政拨款支出决算表", "万元", sh, none);
  c = tv_find(d, "prose_amount_vs_table", w);
  TAP_OK(c && !c->evaluated && tv_count(d, "prose_direction_vs_table", -1, -1) == 0,
         "prose_amount_vs_table: a subject the table lacks is not evaluated, and nothing else is said");
  tv_done(d);
}

static void test_budget_plan_vs_table(void) {
  /* putuo 万里街道 2024 预算: headline 350.35, 安排 352.67, table 3,503,499 元. */
  const char *s = "31.“住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
                  "2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加0.53%。";
  const char *const rows[] = {"221|住房保障支出|3,503,499|3,503,499|0",
                              "22102|住房改革支出|3,503,499|3,503,499|0",
                              "2210201|住房公积金|3,503,499|3,503,499|0", NULL};
  b2j_doc *d = doc05("2024年部门一般公共预算支出功能分类预算表", "元", s, rows);
  const char *p = "p.7/住房保障支出(类)住房改革支出(款)住房公积金(项)";
  char *w1 = g_strdup_printf("%s/350.35万元/本年预算", p), *w2 = g_strdup_printf("%s/352.67万元/预算安排", p),
       *w3 = g_strdup_printf("%s/352.67万元/增幅", p), *w4 = g_strdup_printf("%s/352.67万元/方向", p);
  TAP_OK(tv_pass(tv_find(d, "prose_amount_vs_table", w1)),
         "prose_amount_vs_table: headline 350.35万元 = 3,503,499 元 at the prose's precision (pass)");
  const b2j_check *c = tv_find(d, "prose_amount_vs_table", w2);
  TAP_OK(tv_fail(c) && tv_msg_has(c, "3503499"),
         "prose_amount_vs_table: 预算安排352.67万元 against the same cell fails (the report's own slip)");
  TAP_OK(tv_pass(tv_find(d, "prose_rate_vs_table", w3)) &&
             tv_pass(tv_find(d, "prose_direction_vs_table", w4)),
         "prose_rate/direction_vs_table: 增加0.53%% = (350.3499 − 348.52) / 348.52 from the cell (pass)");
  tv_done(d);
  /* 19.75%: (24.3120 − 20.30) / 20.30 = 19.76%, but 20.30 stands for
   * 20.295…20.305: the printed rounding allows 19.75. 19.95 it does not. */
  const char *r = "12.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”24.31万元，主要用于行政单位"
                  "离退休。2023年当年预算执行数为20.30万元，2024年预算安排24.31万元，比2023年预算执行数增加%s%%。";
  const char *const rows2[] = {"2080501|行政单位离退休|243,120|243,120|0", NULL};
  char *s1 = g_strdup_printf(r, "19.75"), *s2 = g_strdup_printf(r, "19.95");
  const char *rw = "p.7/社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)/24.31万元/增幅";
  d = doc05("2024年部门一般公共预算支出功能分类预算表", "元", s1, rows2);
  c = tv_find(d, "prose_rate_vs_table", rw);
  TAP_OK(tv_pass(c) && tv_msg_has(c, "rounding"),
         "prose_rate_vs_table: 19.75%% is within the rounding of 20.30万元 (pass, said)");
  tv_done(d);
  d = doc05("2024年部门一般公共预算支出功能分类预算表", "元", s2, rows2);
  TAP_OK(tv_fail(tv_find(d, "prose_rate_vs_table", rw)),
         "prose_rate_vs_table: 19.95%% is not (fail)");
  tv_done(d);
  /* tianbaoxitong 2025: 782,164 元 printed 78.21万元 (cut, not rounded). */
  const char *const rows3[] = {"2101101|行政单位医疗|782,164|782,164|0", NULL};
  d = doc05("2025年部门一般公共预算支出功能分类预算表", "元",
            "“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”78.21万元，主要用于在职人员医疗保险缴费。",
            rows3);
  c = tv_find(d, "prose_amount_vs_table",
              "p.7/卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)/78.21万元/本年预算");
  TAP_OK(tv_pass(c) && tv_msg_has(c, "truncated"), "prose_amount_vs_table: 78.21 for 78.2164 (truncated, said)");
  tv_done(d);
  /* shpt 司法局 2026: codes printed in the path; the rate 17.66%% copied
   * from the line before where 77.99 → 91.97 gives 17.93%%. */
  const char *coded = "4、社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位职业年金缴费支出（06项）"
                      "91.97万元。主要用于：职业年金。2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，"
                      "比2025年预算执行数增加17.66%。";
  const char *const rows4[] = {"2080506|机关事业单位职业年金缴费支出|919739.00|919739.00|0.00",
                               "2080599|机关事业单位职业年金缴费支出|1.00|1.00|0.00", NULL};
  d = doc05("2026年部门一般公共预算支出功能分类预算表", "元", coded, rows4);
  const char *cp = "p.7/社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金缴费支出(项)/91.97万元";
  char *c1 = g_strdup_printf("%s/预算安排", cp), *c2 = g_strdup_printf("%s/增幅", cp);
  TAP_OK(tv_pass(tv_find(d, "prose_amount_vs_table", c1)),
         "prose_amount_vs_table: （208类）（05款）（06项） finds 2080506 by its code (pass)");
  c = tv_find(d, "prose_rate_vs_table", c2);
  TAP_OK(tv_fail(c) && tv_msg_has(c, "17.93"), "prose_rate_vs_table: 17.66%% where the cell gives 17.93%% fails");
  tv_done(d);
  g_free(c1);
  g_free(c2);
  g_free(s1);
  g_free(s2);
  g_free(w1);
  g_free(w2);
  g_free(w3);
  g_free(w4);
}

int main(void) {
  test_difference();
  test_rate();
  test_no_sentence();
  test_three_public_vs_table();
  test_subject_vs_table();
  test_budget_plan_vs_table();
  return tap_done();
}
