/* normalize/: whole-cell numbers, OCR repairs, units and conversion to 元.
 * Cell texts are from the seeds (/work/shared/seeds) unless said otherwise. */
#include <glib.h>
#include <string.h>

#include "normalize/normalize.h"
#include "tests/lib/tap.h"

static const char *fmt(b2j_dec d) {
  static char buf[B2J_DEC_STRLEN];
  return b2j_dec_format(d, buf);
}

/* The cell parses as VALUE with exactly this decimal text. */
static void value_is(bool ocr, const char *cell, const char *want, const char *what) {
  b2j_number n;
  bool ok = ocr ? b2j_number_parse_ocr(cell, &n) : b2j_number_parse(cell, &n);
  TAP_OK(ok && n.kind == B2J_NUM_VALUE, "%s: '%s' is a number", what, cell);
  TAP_STREQ(ok ? fmt(n.value) : NULL, want, "%s: '%s' value", what, cell);
}

static void kind_is(bool ocr, const char *cell, b2j_num_kind want, const char *what) {
  b2j_number n;
  bool ok = ocr ? b2j_number_parse_ocr(cell, &n) : b2j_number_parse(cell, &n);
  TAP_OK(!ok && n.kind == want, "%s: '%s' kind %d (got %d)", what, cell, (int)want, (int)n.kind);
}

static void test_plain(void) {
  value_is(false, "362.62", "362.62", "公开01表 amount");
  value_is(false, "187,267,966.43", "187267966.43", "seed 000 thousands separators");
  value_is(false, "0.00", "0.00", "zero keeps its printed scale");
  value_is(false, "0", "0", "bare zero");
  value_is(false, "2.4", "2.4", "one decimal");
  value_is(false, "2689.5", "2689.5", "seed 002 budget");
  value_is(false, "190.1445", "190.1445", "four decimals (seed 002)");
  value_is(false, "12253.401784", "12253.401784", "DOMAIN six decimals");
  value_is(false, "2101101", "2101101", "a code column parses as digits too");
  value_is(false, " 15.24 ", "15.24", "surrounding spaces trimmed");
  value_is(false, "\u20101.5", "-1.5", "U+2010 hyphen as minus");

  b2j_number n;
  TAP_OK(b2j_number_parse("187,267,966.43", &n) && n.had_separators && !n.had_spaces,
         "separators flagged");
  TAP_OK(b2j_number_parse("100%", &n) && n.percent && strcmp(fmt(n.value), "100") == 0,
         "100%% → 100 with the percent flag");
  TAP_OK(b2j_number_parse("97.82%", &n) && n.percent && strcmp(fmt(n.value), "97.82") == 0,
         "97.82%% → 97.82 percent");
  TAP_OK(b2j_number_parse("41.76%", &n) && n.percent, "执行率 41.76%% (seed 001)");
  TAP_OK(b2j_number_parse("-1.5", &n) && !n.paren_negative && strcmp(fmt(n.value), "-1.5") == 0,
         "-1.5");
  TAP_OK(b2j_number_parse("(1.5)", &n) && n.paren_negative && strcmp(fmt(n.value), "-1.5") == 0,
         "(1.5) → -1.5, flagged");
  TAP_OK(b2j_number_parse("（1,234.50）", &n) && n.paren_negative &&
             strcmp(fmt(n.value), "-1234.50") == 0,
         "full-width brackets → negative");
  TAP_OK(b2j_number_parse("−3.10", &n) && strcmp(fmt(n.value), "-3.10") == 0,
         "U+2212 minus sign");
  TAP_OK(b2j_number_parse("１２３", &n) && n.fullwidth && strcmp(fmt(n.value), "123") == 0,
         "full-width digits, flagged");
  TAP_OK(b2j_number_parse("１８７，２６７．４３", &n) && n.fullwidth && n.had_separators &&
             strcmp(fmt(n.value), "187267.43") == 0,
         "full-width comma and point");
  TAP_OK(b2j_number_parse("５０％", &n) && n.percent && strcmp(fmt(n.value), "50") == 0,
         "full-width percent");
}

static void test_ocr_spacing(void) {
  /* DOMAIN: "OCR text puts spaces inside numbers (37, 188. 34)" */
  b2j_number n;
  TAP_OK(b2j_number_parse("37, 188. 34", &n) && n.had_spaces && n.had_separators &&
             strcmp(fmt(n.value), "37188.34") == 0,
         "37, 188. 34 → 37188.34, spaces flagged");
  /* seed 002 得分 cells */
  value_is(false, "14. 8", "14.8", "score split after the point");
  value_is(false, "99. 8", "99.8", "total split after the point");
  value_is(false, "12。54", "12.54", "。 as the point between digits");
  value_is(false, "12·54", "12.54", "· as the point between digits");
  kind_is(false, "12。", B2J_NUM_TEXT, "。 at the end is a sentence stop, not a point");
  kind_is(false, "。54", B2J_NUM_TEXT, "。 without a digit before it");

  /* A space between digits: a wrapped cell or two numbers (DOMAIN: 4477.07 4674) */
  TAP_OK(!b2j_number_parse("4477.07 4674", &n) && n.kind == B2J_NUM_SPLIT &&
             strcmp(fmt(n.value), "4477.074674") == 0,
         "4477.07 4674 is SPLIT with the joined reading");
  TAP_OK(!b2j_number_parse("0.90732 3", &n) && n.kind == B2J_NUM_SPLIT &&
             strcmp(fmt(n.value), "0.907323") == 0,
         "seed 002 年初预算数 '0.90732 3' is SPLIT → 0.907323");
  kind_is(false, "2.4335 77 万 元", B2J_NUM_TEXT, "split number with a unit is not a cell number");
}

static void test_nonnumbers(void) {
  kind_is(false, "", B2J_NUM_EMPTY, "empty cell");
  kind_is(false, "   ", B2J_NUM_EMPTY, "blank cell");
  kind_is(false, NULL, B2J_NUM_EMPTY, "NULL cell");
  kind_is(false, "-", B2J_NUM_ZERO_DASH, "hyphen");
  kind_is(false, "—", B2J_NUM_ZERO_DASH, "em dash (seed 002 分值 cells)");
  kind_is(false, "－", B2J_NUM_ZERO_DASH, "full-width hyphen");
  kind_is(false, "——", B2J_NUM_ZERO_DASH, "double em dash");
  kind_is(false, "/", B2J_NUM_SLASH, "slash");
  kind_is(false, "／", B2J_NUM_SLASH, "full-width slash");
  kind_is(false, "无", B2J_NUM_NONE_WORD, "无 (seed 001 公开07表)");
  kind_is(false, "2023年", B2J_NUM_TEXT, "a year with 年");
  kind_is(false, "≥90%", B2J_NUM_TEXT, "an indicator expression");
  kind_is(false, "12 月前完成", B2J_NUM_TEXT, "a deadline");
  kind_is(false, "第1页", B2J_NUM_TEXT, "a page label");
  kind_is(false, "362.62万元", B2J_NUM_TEXT, "an amount with its unit");
  kind_is(false, "1,23", B2J_NUM_TEXT, "bad grouping is refused without OCR mode");
  kind_is(false, "12..54", B2J_NUM_TEXT, "doubled point refused without OCR mode");
  kind_is(false, "1O0", B2J_NUM_TEXT, "letters refused without OCR mode");
  kind_is(false, "(1.5", B2J_NUM_TEXT, "unbalanced bracket");
  kind_is(false, "-(1.5)", B2J_NUM_TEXT, "sign and brackets together");
  kind_is(false, "1.5.", B2J_NUM_TEXT, "trailing point");
  kind_is(false, "63258211 联系电话", B2J_NUM_TEXT, "number with words");
  kind_is(false, "99999999999999999999", B2J_NUM_TEXT, "too large to represent");
  b2j_number n;
  b2j_number_parse("0", &n);
  TAP_OK(n.kind == B2J_NUM_VALUE && b2j_dec_is_zero(n.value), "0 is a VALUE, not ZERO_DASH");
}

static void test_ocr(void) {
  b2j_number n;
  TAP_OK(b2j_number_parse_ocr("1O4.09", &n) && n.n_fixes == 1 &&
             n.fixes[0].kind == B2J_FIX_LOOKALIKE && n.fixes[0].from == 'O' &&
             n.fixes[0].to == '0' && n.fixes[0].pos == 1 && strcmp(fmt(n.value), "104.09") == 0,
         "O → 0 inside a number, reported at its position");
  value_is(true, "l5.24", "15.24", "l → 1");
  value_is(true, "3I.8", "31.8", "I → 1");
  value_is(true, "2S.28", "25.28", "S → 5");
  value_is(true, "1B.74", "18.74", "B → 8");
  value_is(true, "Z.4", "2.4", "Z → 2");
  value_is(true, "1〇5.6", "105.6", "〇 → 0");
  value_is(true, "36o.62", "360.62", "o → 0");
  kind_is(true, "OS", B2J_NUM_TEXT, "no real digit: not a number");
  kind_is(true, "BOSS", B2J_NUM_TEXT, "a word stays a word");
  kind_is(true, "IO1", B2J_NUM_TEXT, "more look-alikes than digits: not repaired");
  kind_is(true, "2023年", B2J_NUM_TEXT, "OCR mode still refuses a year");
  kind_is(true, "第1页", B2J_NUM_TEXT, "OCR mode still refuses a page label");

  TAP_OK(b2j_number_parse_ocr("12..54", &n) && n.n_fixes == 1 &&
             n.fixes[0].kind == B2J_FIX_DOUBLE_POINT && strcmp(fmt(n.value), "12.54") == 0,
         "doubled point repaired and reported");
  TAP_OK(b2j_number_parse_ocr("37,188,34", &n) && n.n_fixes == 1 &&
             n.fixes[0].kind == B2J_FIX_COMMA_DECIMAL && strcmp(fmt(n.value), "37188.34") == 0,
         "last comma before two digits is the decimal point");
  TAP_OK(b2j_number_parse_ocr("187.267.966.43", &n) && n.n_fixes == 2 &&
             n.fixes[0].kind == B2J_FIX_POINT_GROUP && strcmp(fmt(n.value), "187267966.43") == 0,
         "points before three-digit groups are separators");
  TAP_OK(b2j_number_parse_ocr("1.234.567", &n) && n.n_fixes == 2 &&
             strcmp(fmt(n.value), "1234567") == 0,
         "two points before three digits each: grouping");
  TAP_OK(b2j_number_parse_ocr("1.234", &n) && n.n_fixes == 0 && strcmp(fmt(n.value), "1.234") == 0,
         "one point before three digits stays a decimal point (no fix)");
  kind_is(true, "1.234,567", B2J_NUM_TEXT, "mixed separators with no certain reading");
  kind_is(true, "12,34,56", B2J_NUM_TEXT, "inner group of two digits is not grouping");
  TAP_OK(b2j_number_parse_ocr("|754.75", &n) && n.n_fixes == 1 &&
             n.fixes[0].kind == B2J_FIX_EDGE_MARK && strcmp(fmt(n.value), "754.75") == 0,
         "a ruling line read as | at the edge is dropped, not read as 1");
  TAP_OK(b2j_number_parse_ocr("37, 188. 34", &n) && n.n_fixes == 0 &&
             strcmp(fmt(n.value), "37188.34") == 0,
         "OCR mode accepts spaced separators without a fix");
  TAP_OK(b2j_number_parse_ocr("362.62", &n) && n.n_fixes == 0, "a clean number needs no fix");
  kind_is(true, "—", B2J_NUM_ZERO_DASH, "OCR mode keeps the dash kind");
}

static void test_units(void) {
  TAP_STREQ(b2j_unit_from_caption("单位：万元"), "万元", "caption 单位：万元 (seed 001)");
  TAP_STREQ(b2j_unit_from_caption("单位: 元"), "元", "caption 单位: 元");
  TAP_STREQ(b2j_unit_from_caption("金额单位：万元"), "万元", "caption 金额单位：万元");
  TAP_STREQ(b2j_unit_from_caption("单位：亿元"), "亿元", "caption 亿元");
  TAP_STREQ(b2j_unit_from_caption("（单位：万元）"), "万元", "caption in brackets");
  TAP_STREQ(b2j_unit_from_caption("单位：人民币元"), "元", "caption with 人民币");
  TAP_STREQ(b2j_unit_from_caption("项目资金 (万元)"), "万元", "header 项目资金 (万元) (seed 001)");
  TAP_STREQ(b2j_unit_from_caption("项目资金（万元）"), "万元", "header with full-width brackets");
  TAP_STREQ(b2j_unit_from_caption("单 位 ： 万 元"), "万元", "spaced-out caption");
  TAP_STREQ(b2j_unit_from_caption("部门：岳阳市屈原管理区医疗保障局"), NULL, "no unit in 部门 line");
  TAP_STREQ(b2j_unit_from_caption("部门(单位)名称"), NULL, "部门(单位) is not a unit caption");
  TAP_STREQ(b2j_unit_from_caption(NULL), NULL, "NULL caption");

  TAP_STREQ(b2j_unit_canonical("万元"), "万元", "canonical 万元");
  TAP_STREQ(b2j_unit_canonical(" 元 "), "元", "canonical 元 with spaces");
  TAP_STREQ(b2j_unit_canonical("万"), NULL, "万 alone is not a money unit");
  TAP_STREQ(b2j_unit_canonical("%"), NULL, "%% is not a money unit");

  /* Amounts in prose */
  b2j_amount a;
  const char *s1 = "2023年度收入合计362.62万元，其中财政拨款收入362.62万元";
  TAP_OK(b2j_amount_find(s1, 0, &a) && strcmp(fmt(a.value), "362.62") == 0 &&
             strcmp(a.unit, "万元") == 0,
         "362.62万元 in prose");
  TAP_OK(strncmp(s1 + a.start, "362.62", 6) == 0 && strcmp(s1 + a.end, "，其中财政拨款收入362.62万元") == 0,
         "offsets cover the amount and its unit");
  b2j_amount a2;
  TAP_OK(b2j_amount_find(s1, a.end, &a2) && a2.start > a.end, "the next amount is found from `end`");
  TAP_OK(!b2j_amount_find(s1, a2.end, &a2), "no third amount");
  const char *s2 = "2023年度收、支总计187,267,966.43元，比上年增加11,671,567.97元，增长6.6%。";
  TAP_OK(b2j_amount_find(s2, 0, &a) && strcmp(fmt(a.value), "187267966.43") == 0 &&
             strcmp(a.unit, "元") == 0,
         "separated amount in 元 (seed 000)");
  const char *s3 = "全年基本医保基金收入 48.38 亿元，支出 46.43 亿元";
  TAP_OK(b2j_amount_find(s3, 0, &a) && strcmp(fmt(a.value), "48.38") == 0 &&
             strcmp(a.unit, "亿元") == 0,
         "亿元 with a space (seed 003)");
  const char *s4 = "2023年度公务用车保有量1辆";
  TAP_OK(!b2j_amount_find(s4, 0, &a), "no amount without a money unit");
  const char *s5 = "编号A12元";
  TAP_OK(!b2j_amount_find(s5, 0, &a), "digits glued to a letter are not an amount");

  /* Exact conversion to 元 */
  b2j_dec v, y;
  b2j_dec_parse("12.54", &v);
  TAP_OK(b2j_to_yuan(v, "万元", &y) && strcmp(fmt(y), "125400") == 0, "12.54 万元 = 125400 元");
  b2j_dec_parse("12253.401784", &v);
  TAP_OK(b2j_to_yuan(v, "万元", &y) && strcmp(fmt(y), "122534017.84") == 0,
         "12253.401784 万元 = 122534017.84 元 exactly (DOMAIN)");
  b2j_dec_parse("48.38", &v);
  TAP_OK(b2j_to_yuan(v, "亿元", &y) && strcmp(fmt(y), "4838000000") == 0, "48.38 亿元");
  b2j_dec_parse("187267966.43", &v);
  TAP_OK(b2j_to_yuan(v, "元", &y) && strcmp(fmt(y), "187267966.43") == 0, "元 unchanged");
  b2j_dec_parse("0.00", &v);
  TAP_OK(b2j_to_yuan(v, "万元", &y) && b2j_dec_is_zero(y), "0.00 万元 is zero");
  b2j_dec_parse("-1.5", &v);
  TAP_OK(b2j_to_yuan(v, "万元", &y) && strcmp(fmt(y), "-15000") == 0, "negative converts");
  TAP_OK(!b2j_to_yuan(v, "%", &y), "unknown unit refused");
  TAP_OK(!b2j_to_yuan(v, NULL, &y), "NULL unit refused");
  b2j_dec_parse("99999999999999", &v);
  TAP_OK(!b2j_to_yuan(v, "亿元", &y), "overflow refused");
}

static const char *known_code(const char *code, void *user) {
  (void)user;
  /* A stand-in lexicon: two codes of seed 001's 公开02表. */
  if (strcmp(code, "2101101") == 0)
    return "行政单位医疗";
  if (strcmp(code, "2101501") == 0)
    return "行政运行";
  return NULL;
}

static void code_is(const char *in, const char *want, const char *what) {
  char out[B2J_CODE_MAX] = "";
  bool ok = b2j_subject_code_parse(in, out);
  TAP_STREQ(ok ? out : NULL, want, "code %s: '%s'", what, in);
}

static void test_subject_codes(void) {
  /* seed 001 公开02表/06表 */
  code_is("2080505", "2080505", "functional 项");
  code_is("2101101", "2101101", "functional 项");
  code_is("2210201", "2210201", "住房公积金 项");
  code_is("21015", "21015", "functional 款");
  code_is("210", "210", "functional 类");
  code_is("301", "301", "economic 类");
  code_is("30101", "30101", "economic 款");
  code_is("39907", "39907", "economic 款 (399 其他支出)");
  code_is("50101", "50101", "government economic 款");
  code_is("208 05 05", "2080505", "split 类/款/项");
  code_is("208 05", "20805", "split 类/款");
  code_is(" 2101101 ", "2101101", "surrounding spaces");
  code_is("２１０１１０１", "2101101", "full-width digits");
  code_is("2023", NULL, "a year");
  code_is("362.62", NULL, "an amount");
  code_is("14945", NULL, "a count (no 类 149)");
  code_is("63258211", NULL, "a phone number");
  code_is("630203000", NULL, "a department code (seed 004)");
  code_is("3010101", NULL, "economic codes stop at 款");
  code_is("21000", NULL, "款 00 is not a code");
  code_is("2100001", NULL, "项 00 is not a code");
  code_is("2080 505", NULL, "wrong split");
  code_is("21O11O1", NULL, "look-alikes refused without OCR mode");
  code_is("", NULL, "empty");
  code_is(NULL, NULL, "NULL");
  code_is("行政运行", NULL, "a name");

  char out[B2J_CODE_MAX];
  int fixed = -1;
  TAP_OK(b2j_subject_code_parse_ocr("21O11O1", out, &fixed, NULL, NULL) &&
             strcmp(out, "2101101") == 0 && fixed == 2,
         "OCR: 21O11O1 → 2101101, two fixes");
  TAP_OK(b2j_subject_code_parse_ocr("2l0l50l", out, &fixed, NULL, NULL) &&
             strcmp(out, "2101501") == 0 && fixed == 3,
         "OCR: l → 1 in a code");
  TAP_OK(b2j_subject_code_parse_ocr("2101101", out, &fixed, NULL, NULL) && fixed == 0,
         "OCR: a clean code needs no fix");
  TAP_OK(!b2j_subject_code_parse_ocr("OOlIS", out, &fixed, NULL, NULL),
         "OCR: a token of letters is not repaired into a code");
  TAP_OK(b2j_subject_code_parse_ocr("21O15O1", out, &fixed, known_code, NULL) &&
             strcmp(out, "2101501") == 0,
         "OCR with lexicon: a repaired known code stands");
  TAP_OK(!b2j_subject_code_parse_ocr("21O15O9", out, &fixed, known_code, NULL),
         "OCR with lexicon: a repaired unknown code is refused");
  TAP_OK(b2j_subject_code_parse_ocr("2101199", out, &fixed, known_code, NULL),
         "OCR with lexicon: an unrepaired code stands without the lexicon's word");

  size_t off = 0;
  const char *row = "2101101 行政单位医疗";
  TAP_OK(b2j_subject_code_prefix(row, out, &off) && strcmp(out, "2101101") == 0 &&
             strcmp(row + off, "行政单位医疗") == 0,
         "code prefix split from its name (seed 001 公开05表 row)");
  row = "2080505机关事业单位基本养老保险缴费支出";
  TAP_OK(b2j_subject_code_prefix(row, out, &off) && strcmp(out, "2080505") == 0 &&
             strcmp(row + off, "机关事业单位基本养老保险缴费支出") == 0,
         "code glued to its name");
  row = "208 05 05 机关事业单位基本养老保险缴费支出";
  TAP_OK(b2j_subject_code_prefix(row, out, &off) && strcmp(out, "2080505") == 0 &&
             strcmp(row + off, "机关事业单位基本养老保险缴费支出") == 0,
         "split code prefix");
  TAP_OK(b2j_subject_code_prefix("30101 基本工资", out, &off) && strcmp(out, "30101") == 0,
         "economic code prefix (公开06表)");
  TAP_OK(!b2j_subject_code_prefix("2023 年度部门决算", out, &off), "a year is not a code prefix");
  TAP_OK(!b2j_subject_code_prefix("362.62", out, &off), "an amount is not a code prefix");
  TAP_OK(!b2j_subject_code_prefix("2101101", out, &off), "a code alone has no name");
  TAP_OK(!b2j_subject_code_prefix("行政运行", out, &off), "a name alone has no code");
  TAP_OK(!b2j_subject_code_prefix("14945人", out, &off), "a count is not a code");

  b2j_subject_level l;
  TAP_OK(b2j_subject_classify("2101101", &l) == B2J_SUBJ_FUNCTIONAL && l == B2J_LEVEL_XIANG,
         "2101101: functional 项");
  TAP_OK(b2j_subject_classify("21011", &l) == B2J_SUBJ_FUNCTIONAL && l == B2J_LEVEL_KUAN,
         "21011: functional 款");
  TAP_OK(b2j_subject_classify("208", &l) == B2J_SUBJ_FUNCTIONAL && l == B2J_LEVEL_LEI,
         "208: functional 类");
  TAP_OK(b2j_subject_classify("302", &l) == B2J_SUBJ_ECONOMIC && l == B2J_LEVEL_LEI,
         "302: economic 类");
  TAP_OK(b2j_subject_classify("30217", &l) == B2J_SUBJ_ECONOMIC && l == B2J_LEVEL_KUAN,
         "30217: economic 款");
  TAP_OK(b2j_subject_classify("10301", &l) == B2J_SUBJ_INCOME, "10301: income");
  TAP_OK(b2j_subject_classify("2024", &l) == B2J_SUBJ_NONE && l == B2J_LEVEL_NONE, "2024: none");
  TAP_STREQ(b2j_subject_class_name(B2J_SUBJ_FUNCTIONAL), "functional", "class name functional");
  TAP_STREQ(b2j_subject_class_name(B2J_SUBJ_ECONOMIC), "economic", "class name economic");
  TAP_STREQ(b2j_subject_class_name(B2J_SUBJ_INCOME), NULL, "income has no schema name");
  TAP_STREQ(b2j_subject_level_name(B2J_LEVEL_LEI), "类", "level 类");
  TAP_STREQ(b2j_subject_level_name(B2J_LEVEL_KUAN), "款", "level 款");
  TAP_STREQ(b2j_subject_level_name(B2J_LEVEL_XIANG), "项", "level 项");
  TAP_STREQ(b2j_subject_level_name(B2J_LEVEL_NONE), NULL, "no level");

  TAP_OK(b2j_subject_code_parent("2101101", out) && strcmp(out, "21011") == 0, "parent of 项 is 款");
  TAP_OK(b2j_subject_code_parent("21011", out) && strcmp(out, "210") == 0, "parent of 款 is 类");
  TAP_OK(b2j_subject_code_parent("30101", out) && strcmp(out, "301") == 0, "economic parent");
  TAP_OK(!b2j_subject_code_parent("210", out), "a 类 has no parent");
  TAP_OK(!b2j_subject_code_parent("2023", out), "a non-code has no parent");
}

/* Patterns compile once behind g_once; many threads parsing at once (the
 * pipeline's -j workers) must all get the same answers. */
static gpointer parse_many(gpointer data) {
  (void)data;
  int bad = 0;
  for (int i = 0; i < 2000; i++) {
    b2j_number n;
    char buf[B2J_DEC_STRLEN];
    if (!b2j_number_parse_ocr("187.267.966.43", &n) ||
        strcmp(b2j_dec_format(n.value, buf), "187267966.43") != 0)
      bad++;
    if (!b2j_number_parse("37, 188. 34", &n))
      bad++;
    b2j_expr e;
    if (!b2j_expr_parse("≥ 2689.5 万元", &e) || strcmp(e.unit, "万元") != 0)
      bad++;
    b2j_expr_clear(&e);
  }
  return GINT_TO_POINTER(bad);
}

static void test_threads(void) {
  GThread *th[8];
  for (int i = 0; i < 8; i++)
    th[i] = g_thread_new("parse", parse_many, NULL);
  int bad = 0;
  for (int i = 0; i < 8; i++)
    bad += GPOINTER_TO_INT(g_thread_join(th[i]));
  TAP_OK(bad == 0, "eight threads parsing at once agree (%d wrong)", bad);
}

int main(void) {
  test_plain();
  test_ocr_spacing();
  test_nonnumbers();
  test_ocr();
  test_units();
  test_subject_codes();
  test_threads();
  return tap_done();
}
