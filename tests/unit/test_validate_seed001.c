/* Seed 001 (屈原管理区医保局 2023 决算): its 公开03表 and 公开05表 rows from
 * 2101501 down are shifted against 公开02表 (2101501 行政运行 carries 105.6,
 * which is 2101301 城乡医疗救助's amount in 02). The cross-table checks must
 * fail naming 2101501 and the rows below, and pass for the rows above. The
 * numbers are those of /work/shared/seeds/001_4aab53e2ab223d76.txt. */
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "tests/lib/tap.h"
#include "validate/validate.h"

#include "tests/lib/validate_fixtures.h"

/* 02: code, name, 本年收入合计 = 财政拨款收入 */
static const char *const SEED02[][3] = {
    {"2080505", "机关事业单位基本养老保险缴费支出", "15.24"},
    {"2080508", "对机关事业单位职业年金的补助", "2.4"},
    {"2101101", "行政单位医疗", "12.54"},
    {"2101102", "事业单位医疗", "4.85"},
    {"2101103", "公务员医疗补助", "1.8"},
    {"2101199", "其他行政事业单位医疗支出", "0.98"},
    {"2101399", "其他医疗救助支出", "8.87"},
    {"2101501", "行政运行", "45.83"},
    {"2101505", "医疗保障政策管理", "14.45"},
    {"2101506", "医疗保障经办事务", "109.65"},
    {"2101550", "事业运行", "25.28"},
    {"2210201", "住房公积金", "15.13"},
    {"2101301", "城乡医疗救助", "105.6"},
    {NULL, NULL, NULL}};

/* 03 and 05 (identical in the seed): code, name, total, 基本支出, 项目支出 */
static const char *const SEED03[][5] = {
    {"2080505", "机关事业单位基本养老保险缴费支出", "15.24", "15.24", ""},
    {"2080508", "对机关事业单位职业年金的补助", "2.4", "2.4", ""},
    {"2101101", "行政单位医疗", "12.54", "2.11", "10.43"},
    {"2101102", "事业单位医疗", "4.85", "4.85", ""},
    {"2101103", "公务员医疗补助", "1.8", "1.8", ""},
    {"2101199", "其他行政事业单位医疗支出", "0.98", "0.98", ""},
    {"2101399", "其他医疗救助支出", "8.87", "8.87", ""},
    {"2101501", "行政运行", "105.6", "0", "105.6"},
    {"2101505", "医疗保障政策管理", "45.83", "43", "2.83"},
    {"2101506", "医疗保障经办事务", "14.45", "1.23", "13.22"},
    {"2101550", "事业运行", "109.65", "1.94", "107.71"},
    {"2210201", "住房公积金", "25.28", "25.28", ""},
    {"2101301", "城乡医疗救助", "15.13", "15.13", ""},
    {NULL, NULL, NULL, NULL, NULL}};

static const char *const SHIFTED[] = {"2101501", "2101505", "2101506", "2101550", "2210201",
                                      "2101301", NULL};
static const char *const ABOVE[] = {"2080505", "2080508", "2101101", "2101102",
                                    "2101103", "2101199", "2101399", NULL};

static void seed_02_03_05(b2j_doc *d) {
  b2j_table *t = tv_table(d, "t2", "income", "公开02表", "万元",
                          "功能分类科目编码|科目名称|本年收入合计|财政拨款收入|上级补助收入|事业收入|"
                          "经营收入|附属单位上缴收入|其他收入",
                          4);
  tv_row(t, "合计|合计|362.62|362.62|||||");
  for (int i = 0; SEED02[i][0]; i++) {
    char *r = g_strdup_printf("%s|%s|%s|%s|||||", SEED02[i][0], SEED02[i][1], SEED02[i][2],
                              SEED02[i][2]);
    tv_row(t, r);
    g_free(r);
  }
  t = tv_table(d, "t3", "expenditure", "公开03表", "万元",
               "功能分类科目编码|科目名称|本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|"
               "对附属单位补助支出",
               5);
  tv_row(t, "合计|合计|362.62|122.83|239.79|||");
  for (int i = 0; SEED03[i][0]; i++) {
    char *r = g_strdup_printf("%s|%s|%s|%s|%s|||", SEED03[i][0], SEED03[i][1], SEED03[i][2],
                              SEED03[i][3], SEED03[i][4]);
    tv_row(t, r);
    g_free(r);
  }
  t = tv_table(d, "t5", "general_budget_expenditure", "公开05表", "万元",
               "功能分类科目编码|科目名称|小计|基本支出|项目支出", 7);
  tv_row(t, "合计|合计|362.62|122.83|239.79");
  for (int i = 0; SEED03[i][0]; i++) {
    char *r = g_strdup_printf("%s|%s|%s|%s|%s", SEED03[i][0], SEED03[i][1], SEED03[i][2],
                              SEED03[i][3], SEED03[i][4]);
    tv_row(t, r);
    g_free(r);
  }
}

static void seed_01_04_06(b2j_doc *d) {
  b2j_table *t = tv_table(d, "t1", "income_expenditure_summary", "公开01表", "万元",
                          "项目|行次|决算数|项目|行次|决算数", 3);
  tv_row(t, "一、一般公共预算财政拨款收入|1|362.62|一、一般公共服务支出|14|");
  tv_row(t, "二、政府性基金预算财政拨款收入|2||八、社会保障和就业支出|20|17.64");
  tv_row(t, "三、国有资本经营预算财政拨款收入|3||九、卫生健康支出|21|329.85");
  tv_row(t, "四、上级补助收入|4||十九、住房保障支出|22|15.13");
  tv_row(t, "本年收入合计|10|362.62|本年支出合计|23|362.62");
  tv_row(t, "使用非财政拨款结余（含专用结余）|11||结余分配|24|");
  tv_row(t, "年初结转和结余|12||年末结转和结余|25|");
  tv_row(t, "总计|13|362.62|总计|26|362.62");
  t = tv_table(d, "t4", "appropriation_summary", "公开04表", "万元",
               "项目|行次|金额|项目|行次|合计|一般公共预算财政拨款|政府性基金预算财政拨款|"
               "国有资本经营预算财政拨款",
               6);
  tv_row(t, "一、一般公共预算财政拨款|1|362.62|八、社会保障和就业支出|20|17.64|17.64||");
  tv_row(t, "二、政府性基金预算财政拨款|2||九、卫生健康支出|21|329.85|329.85||");
  tv_row(t, "三、国有资本经营预算财政拨款|3||十九、住房保障支出|22|15.13|15.13||");
  tv_row(t, "本年收入合计|9|362.62|本年支出合计|23|362.62|362.62||");
  tv_row(t, "年初财政拨款结转和结余|10||年末财政拨款结转和结余|24||||");
  tv_row(t, "总计|14|362.62|总计|28|362.62|362.62||");
  t = tv_table(d, "t6", "basic_expenditure_detail", "公开06表", "万元",
               "经济分类科目编码|科目名称|决算数|经济分类科目编码|科目名称|决算数|经济分类科目编码|"
               "科目名称|决算数",
               8);
  tv_row(t, "301|工资福利支出|95.22|302|商品和服务支出|18.74|307|债务利息及费用支出|0");
  tv_row(t, "人员经费合计|人员经费合计|104.09|公用经费合计|公用经费合计|公用经费合计|公用经费合计|"
            "公用经费合计|18.74");
}

static bool failing_names(const b2j_doc *d, const char *rule, const char *code) {
  for (guint i = 0; i < d->checks->len; i++) {
    const b2j_check *c = g_ptr_array_index(d->checks, i);
    if (strcmp(c->rule, rule) == 0 && c->evaluated && !c->ok && c->where &&
        g_str_has_prefix(c->where, code) && c->message && strstr(c->message, code))
      return true;
  }
  return false;
}

static bool passing_at(const b2j_doc *d, const char *rule, const char *code) {
  bool any = false;
  for (guint i = 0; i < d->checks->len; i++) {
    const b2j_check *c = g_ptr_array_index(d->checks, i);
    if (strcmp(c->rule, rule) == 0 && c->where && g_str_has_prefix(c->where, code)) {
      if (!c->evaluated || !c->ok)
        return false;
      any = true;
    }
  }
  return any;
}

static void test_seed001_02_03_05_only(void) {
  b2j_doc *d = b2j_doc_new("seed-001");
  seed_02_03_05(d);
  b2j_validate(d);
  for (int i = 0; SHIFTED[i]; i++)
    TAP_OK(failing_names(d, "cross_code_02_05", SHIFTED[i]),
           "seed 001 (02/03/05 only): cross_code_02_05 fails naming %s", SHIFTED[i]);
  for (int i = 0; ABOVE[i]; i++)
    TAP_OK(passing_at(d, "cross_code_02_05", ABOVE[i]),
           "seed 001 (02/03/05 only): cross_code_02_05 passes for %s above the shift", ABOVE[i]);
  const b2j_check *c = tv_find(d, "cross_code_02_05", "2101501/财政拨款收入");
  TAP_OK(c && c->message && strstr(c->message, "105.6") && strstr(c->message, "45.83") &&
             strstr(c->message, "t2") && strstr(c->message, "t5") && strstr(c->message, "p.4") &&
             strstr(c->message, "p.7"),
         "seed 001: the 2101501 message quotes both amounts, tables and pages");
  TAP_OK(c && c->message && strstr(c->message, "assumed no carry-over"),
         "seed 001 (02/03/05 only): the message states the no-carry-over assumption");
  /* The tables are each internally consistent: the shift keeps every sum. */
  TAP_OK(tv_count(d, "column_sum", 0, 1) == 0 && tv_count(d, "column_sum", 1, 1) >= 7,
         "seed 001: every column_sum passes (合计 = Σ项; the shift preserves the totals)");
  TAP_OK(tv_count(d, "row_identity", 0, 1) == 0, "seed 001: every row identity passes");
  TAP_OK(tv_count(d, "cross_code_03_05", 0, 1) == 0 && tv_count(d, "cross_code_03_05", 1, 1) > 0,
         "seed 001: 03 = 05 per code (both are shifted the same way)");
  tv_done(d);
}

static void test_seed001_with_01_04_06(void) {
  b2j_doc *d = b2j_doc_new("seed-001");
  seed_01_04_06(d);
  seed_02_03_05(d);
  const char *const note[] = {"注：", "2.本套报表金额单位转换时可能存在尾数误差。", NULL};
  tv_page(d, 3, note);
  b2j_validate(d);
  for (int i = 0; SHIFTED[i]; i++)
    TAP_OK(failing_names(d, "cross_code_02_05", SHIFTED[i]),
           "seed 001 (with 01/04): cross_code_02_05 fails naming %s", SHIFTED[i]);
  const b2j_check *c = tv_find(d, "cross_code_02_05", "2101501/财政拨款收入");
  TAP_OK(c && c->message && strstr(c->message, "04 shows no"),
         "seed 001 (with 01/04): the no-carry-over condition comes from 公开04表");
  c = tv_find(d, "cross_class_01_03", "210/本年支出合计");
  TAP_OK(tv_fail(c) && tv_msg_has(c, "2101501") && tv_msg_has(c, "329.85"),
         "seed 001: 01 卫生健康支出 329.85 ≠ Σ 03 rows under 210 (319.7), naming 2101501");
  TAP_OK(tv_fail(tv_find(d, "cross_class_01_03", "221/本年支出合计")),
         "seed 001: 01 住房保障支出 15.13 ≠ 03 2210201 25.28");
  TAP_OK(tv_pass(tv_find(d, "cross_class_01_03", "208/本年支出合计")),
         "seed 001: 01 社会保障和就业支出 17.64 = Σ 03 under 208 (above the shift)");
  TAP_OK(tv_fail(tv_find(d, "cross_class_04_05", "210/小计")),
         "seed 001: 04 卫生健康支出 ≠ Σ 05 under 210");
  TAP_OK(tv_pass(tv_find(d, "cross_income_total", NULL)), "seed 001: 01 本年收入合计 = 02 合计");
  TAP_OK(tv_pass(tv_find(d, "cross_expenditure_total", NULL)),
         "seed 001: 01 本年支出合计 = 03 合计");
  TAP_OK(tv_pass(tv_find(d, "cross_general_budget_total", NULL)),
         "seed 001: 04 一般公共预算 本年支出合计 = 05 合计");
  TAP_OK(tv_pass(tv_find(d, "cross_appropriation_income", NULL)),
         "seed 001: 04 本年收入合计 = 02 财政拨款收入");
  TAP_OK(tv_pass(tv_find(d, "cross_basic_detail", NULL)),
         "seed 001: 06 人员经费合计 104.09 + 公用经费合计 18.74 = 05 基本支出 122.83");
  TAP_OK(tv_pass(tv_find(d, "balance_totals", NULL)) &&
             tv_pass(tv_find(d, "balance_income", NULL)) &&
             tv_pass(tv_find(d, "balance_expenditure", NULL)),
         "seed 001: 01 balances hold");
  TAP_OK(tv_count(d, "summary_expenditure_sum", 0, 1) == 0,
         "seed 001: 01/04 本年支出合计 = Σ 类 lines");
  tv_done(d);
}

int main(void) {
  test_seed001_02_03_05_only();
  test_seed001_with_01_04_06();
  return tap_done();
}
