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

int main(void) {
  test_difference();
  test_rate();
  test_no_sentence();
  return tap_done();
}
