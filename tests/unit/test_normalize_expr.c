/* normalize/: indicator expressions (年度指标值 / 实际完成值). Every example of
 * DOMAIN.md "Performance tables", and the target and actual cells of the
 * seeds' 绩效自评表 (/work/shared/seeds), OCR-damaged ones (seed 004, 001)
 * included. */
#include <glib.h>
#include <string.h>

#include "normalize/normalize.h"
#include "tests/lib/tap.h"

/* want_value NULL: qualitative (op, value and unit must all be null). */
static void expr_is(const char *raw, const char *want_op, const char *want_value,
                    const char *want_unit) {
  b2j_expr e;
  bool ok = b2j_expr_parse(raw, &e);
  char buf[B2J_DEC_STRLEN];
  const char *v = e.value.present ? b2j_dec_format(e.value.value, buf) : NULL;
  if (want_value) {
    TAP_OK(ok, "'%s' is quantitative", raw);
  } else {
    TAP_OK(!ok, "'%s' is qualitative", raw);
  }
  TAP_STREQ(e.op, want_op, "'%s' op", raw);
  TAP_STREQ(v, want_value, "'%s' value", raw);
  TAP_STREQ(e.unit, want_unit, "'%s' unit", raw);
  TAP_OK(e.raw != NULL, "'%s' keeps its raw text", raw);
  b2j_expr_clear(&e);
}

static void test_domain_examples(void) {
  expr_is("≥90%", ">=", "90", "%");
  expr_is("≤4 个单位", "<=", "4", "个单位");
  expr_is("=1个", "=", "1", "个");
  expr_is("≥ 2689.5 万元", ">=", "2689.5", "万元");
  expr_is("12 月前完成", NULL, NULL, NULL);
  expr_is("2023年12月31日前", NULL, NULL, NULL);
  expr_is("定性", NULL, NULL, NULL);
  expr_is("优", NULL, NULL, NULL);
  expr_is("满意", NULL, NULL, NULL);
  expr_is("逐步扩大", NULL, NULL, NULL);
  expr_is("15 年", NULL, "15", "年");
  expr_is("50 件次", NULL, "50", "件次");
  expr_is("100%", NULL, "100", "%");
  expr_is("≥4000 万", ">=", "4000", "万");
}

static void test_operators(void) {
  expr_is("≧95%", ">=", "95", "%");
  expr_is("⩾95%", ">=", "95", "%");
  expr_is(">=95%", ">=", "95", "%");
  expr_is("≦12 月", "<=", "12", "月");
  expr_is("⩽3", "<=", "3", NULL);
  expr_is("<=3", "<=", "3", NULL);
  expr_is("＝100%", "=", "100", "%");
  expr_is(">0", ">", "0", NULL);
  expr_is("<5%", "<", "5", "%");
  expr_is("＞80%", ">", "80", "%");
  expr_is("不低于90%", ">=", "90", "%");
  expr_is("不少于3次", ">=", "3", "次");
  expr_is("不超过12万元", "<=", "12", "万元");
  expr_is("不高于5%", "<=", "5", "%");
  expr_is("90%以上", ">=", "90", "%");
  expr_is("95%及以上", ">=", "95", "%");
  expr_is("3天以内", "<=", "3", "天");
  expr_is("≥90%以上", ">=", "90", "%");
  /* OCR: seed 001 "》80%", seed 004 "\geq 8 人" (LaTeX from a formula OCR) */
  expr_is("》80%", ">=", "80", "%");
  expr_is("\\geq 8 人", ">=", "8", "人");
  expr_is("\\geq 80%", ">=", "80", "%");
  expr_is("$\\geq 80\\%$", ">=", "80", "%");
  expr_is("\\leq 4 个单位", "<=", "4", "个单位");

  size_t n;
  TAP_STREQ(b2j_op_parse("≥", &n), ">=", "op alone: ≥");
  TAP_OK(n == strlen("≥"), "op length in bytes");
  TAP_STREQ(b2j_op_parse("定性", &n), NULL, "定性 is no operator");
  TAP_OK(n == 0, "no bytes consumed");
  TAP_STREQ(b2j_op_parse("\\geq", NULL), ">=", "\\geq beats \\ge");
  TAP_STREQ(b2j_op_parse(NULL, NULL), NULL, "NULL");
}

/* Cells of the seeds' performance tables. */
static void test_seed_cells(void) {
  /* seed 001 部门整体支出绩效自评表 and 项目支出绩效自评表 */
  expr_is("24 家", NULL, "24", "家");
  expr_is("2023 年 12 月底前", NULL, NULL, NULL);
  expr_is("2023 年 12 月底前已 定", NULL, NULL, NULL);
  expr_is("≥75%", ">=", "75", "%");
  expr_is("≥60%", ">=", "60", "%");
  expr_is("≥2", ">=", "2", NULL);
  expr_is("2", NULL, "2", NULL);
  expr_is("2023年12 月31日前", NULL, NULL, NULL);
  expr_is("25万", NULL, "25", "万");
  expr_is("10.49万", NULL, "10.49", "万");
  expr_is("≥15年", ">=", "15", "年");
  expr_is("持续", NULL, NULL, NULL);
  expr_is("≥3000", ">=", "3000", NULL);
  expr_is("≥10", ">=", "10", NULL);
  expr_is("59.22 万", NULL, "59.22", "万");
  expr_is("8.86万", NULL, "8.86", "万");
  expr_is("≥95%", ">=", "95", "%");
  /* seed 002 */
  expr_is("≥1 次", ">=", "1", "次");
  expr_is("1 次", NULL, "1", "次");
  expr_is("≤1 年", "<=", "1", "年");
  expr_is("2.46 万元", NULL, "2.46", "万元");
  expr_is("2.4335 77 万 元", NULL, "2.433577", "万元"); /* a wrapped decimal joins */
  expr_is("12 月 前完成", NULL, NULL, NULL);
  expr_is("12 月 前完", NULL, NULL, NULL);
  expr_is("≤12 万元", "<=", "12", "万元");
  expr_is("9.1828", NULL, "9.1828", NULL);
  expr_is("≤7 个 单位", "<=", "7", "个单位");
  expr_is("7 个单 位", NULL, "7", "个单位");
  expr_is("≤6 个 月", "<=", "6", "个月");
  expr_is("2726 万元", NULL, "2726", "万元");
  expr_is("按要求 按规定 拨付", NULL, NULL, NULL);
  expr_is("≤12 月", "<=", "12", "月");
  expr_is("17 万 元", NULL, "17", "万元");
  expr_is("≤26 个街镇", "<=", "26", "个街镇");
  expr_is("190.1445 万元", NULL, "190.1445", "万元");
  expr_is("5 月", NULL, "5", "月");
  expr_is("390.40", NULL, "390.40", NULL);
  /* seed 004 (OCR'd 整体支出绩效自评表) */
  expr_is("8人", NULL, "8", "人");
  expr_is("≥12次", ">=", "12", "次");
  expr_is("=9000元", "=", "9000", "元");
  expr_is("≥300平方米", ">=", "300", "平方米");
  expr_is("95", NULL, "95", NULL);
  expr_is("效果显著", NULL, NULL, NULL);
  expr_is("有所提高", NULL, NULL, NULL);
  /* prose-like and ranges stay qualitative */
  expr_is("5%-10%", NULL, NULL, NULL);
  expr_is("2023年", NULL, NULL, NULL);
  expr_is("第1名", NULL, NULL, NULL);
  expr_is("8 人次，较上年增长", NULL, NULL, NULL);
  expr_is("≥ 定性", NULL, NULL, NULL);
  expr_is("—", NULL, NULL, NULL);
}

static void test_raw_and_empty(void) {
  b2j_expr e;
  TAP_OK(!b2j_expr_parse("", &e) && e.raw == NULL && e.op == NULL && !e.value.present,
         "empty cell: raw is null");
  b2j_expr_clear(&e);
  TAP_OK(!b2j_expr_parse("  ", &e) && e.raw == NULL, "blank cell: raw is null");
  b2j_expr_clear(&e);
  TAP_OK(!b2j_expr_parse(NULL, &e) && e.raw == NULL, "NULL: raw is null");
  b2j_expr_clear(&e);
  b2j_expr_parse("≥ 2689.5 万元", &e);
  TAP_STREQ(e.raw, "≥ 2689.5万元", "raw is the repaired text");
  b2j_expr_clear(&e);
  b2j_expr_parse("12 月前完成", &e);
  TAP_STREQ(e.raw, "12月前完成", "qualitative raw kept (repaired)");
  b2j_expr_clear(&e);
  b2j_expr_parse("＝1个", &e);
  TAP_STREQ(e.raw, "＝1个", "raw keeps the full-width ＝ as printed");
  TAP_STREQ(e.op, "=", "full-width ＝ reads as =");
  b2j_expr_clear(&e);
  b2j_expr_parse("0.00%", &e);
  char buf[B2J_DEC_STRLEN];
  TAP_STREQ(e.value.present ? b2j_dec_format(e.value.value, buf) : NULL, "0.00",
            "value keeps its printed scale");
  b2j_expr_clear(&e);
}

/* seed 000's goal table prints 指标性质, 指标值 and 度量单位 in separate cells. */
static void test_parts(void) {
  b2j_expr e;
  char buf[B2J_DEC_STRLEN];
  TAP_OK(b2j_expr_parse_parts("≥", "90", "%", &e), "≥ | 90 | %% is quantitative");
  TAP_STREQ(e.op, ">=", "parts op");
  TAP_STREQ(e.value.present ? b2j_dec_format(e.value.value, buf) : NULL, "90", "parts value");
  TAP_STREQ(e.unit, "%", "parts unit");
  TAP_STREQ(e.raw, "≥90%", "parts raw joined");
  b2j_expr_clear(&e);
  TAP_OK(!b2j_expr_parse_parts("定性", "", "", &e), "定性 | | is qualitative");
  TAP_STREQ(e.raw, "定性", "定性 raw");
  TAP_OK(e.op == NULL && !e.value.present && e.unit == NULL, "定性: all null");
  b2j_expr_clear(&e);
  TAP_OK(!b2j_expr_parse_parts("＝", "预算金额", "", &e), "＝ | 预算金额 is qualitative");
  TAP_STREQ(e.raw, "＝预算金额", "its raw");
  TAP_OK(e.op == NULL, "no op without a number");
  b2j_expr_clear(&e);
  TAP_OK(b2j_expr_parse_parts("≥", "90%", NULL, &e) && strcmp(e.unit, "%") == 0,
         "percent inside the value cell");
  b2j_expr_clear(&e);
  TAP_OK(b2j_expr_parse_parts(NULL, "5", "次", &e) && e.op == NULL && strcmp(e.unit, "次") == 0,
         "no operator cell");
  b2j_expr_clear(&e);
  TAP_OK(!b2j_expr_parse_parts(NULL, NULL, NULL, &e) && e.raw == NULL, "all empty: null");
  b2j_expr_clear(&e);
}

int main(void) {
  test_domain_examples();
  test_operators();
  test_seed_cells();
  test_raw_and_empty();
  test_parts();
  return tap_done();
}
