/* normalize/: text repair and text-layer assessment. Strings are from the
 * seeds (/work/shared/seeds) unless said otherwise; garbled variants are made
 * from them the way broken PDF fonts damage text. */
#include <glib.h>
#include <string.h>

#include "normalize/normalize.h"
#include "tests/lib/tap.h"

static void repair_is(const char *in, const char *want, const char *what) {
  char *got = b2j_text_repair(in, NULL);
  TAP_STREQ(got, want, "repair: %s", what);
  g_free(got);
}

static void test_spacing(void) {
  /* seed 001 prints 公开 02 表, 项 目, 栏 次 with spaces between CJK */
  repair_is("收 入 决 算 表", "收入决算表", "spaced-out CJK title joins");
  repair_is("公开 02 表", "公开02表", "form caption joins around the number");
  repair_is("项 目", "项目", "spaced header cell joins");
  repair_is("栏 次", "栏次", "栏次 joins");
  /* seed 004: spaces around numbers in Chinese prose */
  repair_is("海东市平安区医疗保障局 关于报送 2024 年度整体支出绩效 自评报告的函",
            "海东市平安区医疗保障局关于报送2024年度整体支出绩效自评报告的函",
            "prose spaces around a year and between CJK runs go");
  repair_is("2023 年 12 月底前", "2023年12月底前", "date with spaces joins");
  /* a wrapped cell from seed 001 (公开02表) */
  repair_is("机关事业单位基本\n养老保险缴费支出", "机关事业单位基本养老保险缴费支出",
            "a newline inside a wrapped cell joins");
  repair_is("DRG DIP", "DRG DIP", "space between two Latin words stays");
  repair_is("37, 188. 34", "37, 188. 34", "spaces inside an OCR number stay for the number parser");
  repair_is("4477.07 4674", "4477.07 4674", "digit gap between numbers stays (layout decides)");
  repair_is("2101101 行政单位医疗", "2101101 行政单位医疗", "space after a leading subject code stays");
  repair_is("208 05 05 机关事业单位基本养老保险缴费支出", "208 05 05 机关事业单位基本养老保险缴费支出",
            "split 类/款/项 code keeps its spaces");
  repair_is("共 112 人", "共112人", "a count inside prose is not mistaken for a code");
  repair_is("  单位：万元 \t", "单位：万元", "trims both ends");
  /* seed 001 公开01表 row, cells separated by tabs */
  repair_is("八、其他收入\t8\t\t九、卫生健康支出\t21\t329.85",
            "八、其他收入\t8\t九、卫生健康支出\t21\t329.85",
            "tabs stay as single column boundaries");
  repair_is("项 目 \t 行次", "项目\t行次", "spaces beside a tab fold into it");
  repair_is("因公出国 (境) 费", "因公出国(境)费", "ASCII brackets next to CJK join");
  repair_is("", "", "empty stays empty");
  char *n = b2j_text_repair(NULL, NULL);
  TAP_STREQ(n, "", "NULL gives an empty string");
  g_free(n);
}

static void test_lookalikes(void) {
  b2j_repair_info info;
  /* "一般公共预算支出" with Kangxi radicals for 一 and 支 (U+2F00, U+2F40) */
  char *r = b2j_text_repair("\u2F00般公共预算\u2F40出", &info);
  TAP_STREQ(r, "一般公共预算支出", "Kangxi radicals fold to the unified ideographs");
  TAP_OK(info.lookalikes == 2, "two look-alikes counted (got %zu)", info.lookalikes);
  g_free(r);
  /* ⼈ U+2F08 人, ⽤ U+2F64 用: "人员经费" "用于" */
  repair_is("\u2F08员经费合计", "人员经费合计", "⼈ folds to 人");
  repair_is("主要\u2F64于以下方面", "主要用于以下方面", "⽤ folds to 用");
  /* CJK Radicals Supplement: ⻓ ⻔ (NFKC leaves them; the table folds them) */
  r = b2j_text_repair("\u2ED4头沟区医疗保障局", &info);
  TAP_STREQ(r, "门头沟区医疗保障局", "⻔ (U+2ED4) folds to 门");
  TAP_OK(info.lookalikes == 1, "supplement radical counted");
  g_free(r);
  repair_is("\u2ED3期护理保险", "长期护理保险", "⻓ (U+2ED3) folds to 长");
  /* CJK Compatibility Ideographs: U+F98E 年, U+FA01 度, U+F9DD 利 */
  repair_is("2023\uF98E\uFA01", "2023年度", "compatibility ideographs fold");
  repair_is("福\uF9DD费", "福利费", "compatibility 利 folds");
  /* full-width digits and letters */
  r = b2j_text_repair("ＤＲＧ付费覆盖率 ≥ ８０％", &info);
  TAP_STREQ(r, "DRG付费覆盖率 ≥ 80%", "full-width letters, digits and %% fold");
  TAP_OK(info.fullwidth == 6, "six full-width characters counted (got %zu)", info.fullwidth);
  g_free(r);
  /* full-width CJK punctuation stays in prose */
  repair_is("因公出国（境）费用", "因公出国（境）费用", "full-width brackets stay in prose");
  repair_is("单位：万元", "单位：万元", "full-width colon stays");
  repair_is("收支总计１８７，２６７，９６６．４３元", "收支总计187,267,966.43元",
            "full-width digits, grouping comma and point in an amount become ASCII");
  repair_is("指标1，2，3", "指标1，2，3", "a full-width comma between list items stays");
  repair_is("共3，500人", "共3,500人", "a comma before three digits groups them");
  repair_is("主要原因：人员工资增加；", "主要原因：人员工资增加；", "full-width semicolon stays");
  repair_is("指标性质＝", "指标性质＝", "full-width equals (seed 000 goal table) stays");
  repair_is("①完成", "①完成", "circled number stays a list marker");
  repair_is("面积㎡", "面积m2", "㎡ becomes m2");
  /* seed 002/004: 〔2025〕; Word PDFs emit „‟ for 〔〕 */
  repair_is("平医保字〔2025〕29号", "平医保字〔2025〕29号", "〔〕 stay");
  r = b2j_text_repair("平医保字\u201E2025\u201F29号", &info);
  TAP_STREQ(r, "平医保字〔2025〕29号", "„‟ map back to 〔〕");
  TAP_OK(info.brackets == 2, "two brackets counted");
  g_free(r);
  repair_is("\u201C三公\u201D经费", "\u201C三公\u201D经费", "Chinese quotes stay");
  repair_is("医保\u200B目录", "医保目录", "zero-width space dropped");
  repair_is("支出\u3000合计", "支出合计", "ideographic space between CJK goes");
}

static void test_info(void) {
  b2j_repair_info info;
  char *r = b2j_text_repair("收 入 决 算 表", &info);
  TAP_OK(info.spaces_removed == 4 && info.cjk_gaps == 4, "four CJK gaps removed (got %zu/%zu)",
         info.spaces_removed, info.cjk_gaps);
  g_free(r);
  r = b2j_text_repair("\uE001\uE002合计\uFFFD", &info);
  TAP_OK(info.pua == 2, "PUA code points counted");
  TAP_OK(info.replacement == 1, "U+FFFD counted");
  TAP_STREQ(r, "\uE001\uE002合计\uFFFD", "PUA and U+FFFD are kept in the text");
  g_free(r);
  r = b2j_text_repair("合\x01计", &info);
  TAP_STREQ(r, "合计", "control character dropped");
  TAP_OK(info.controls == 1, "control counted");
  g_free(r);
  r = b2j_text_repair("合计\xff\xfe", &info);
  TAP_OK(info.replacement >= 1, "invalid UTF-8 counts as U+FFFD");
  TAP_OK(g_utf8_validate(r, -1, NULL), "output is valid UTF-8");
  g_free(r);
  /* NFC: a decomposed é comes out composed */
  repair_is("Cafe\u0301", "Caf\u00E9", "result is NFC");
}

static void test_match_key(void) {
  char *a = b2j_text_match_key("因公出国（境）费");
  char *b = b2j_text_match_key("因公出国 (境) 费");
  TAP_STREQ(a, b, "match key ignores bracket width and spaces");
  g_free(a);
  g_free(b);
  a = b2j_text_match_key("公开 02 表");
  TAP_STREQ(a, "公开02表", "match key of a caption");
  g_free(a);
  a = b2j_text_match_key("DRG DIP");
  TAP_STREQ(a, "drgdip", "match key lower-cases ASCII and drops spaces");
  g_free(a);
}

/* A clean page: a stretch of seed 001's 公开02表 and prose. */
static const char *CLEAN =
    "收入决算表 公开 02 表 单位：万元 部门：岳阳市屈原管理区医疗保障局 项 目 本年收入合计 "
    "财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入 功能分类 科目编码 "
    "科目名称 栏次 1 2 3 4 5 6 7 合计 362.62 362.62 2080505 机关事业单位基本 养老保险缴费支出 "
    "15.24 15.24 2080508 对机关事业单位职业 年金的补助 2.4 2.4 2101101 行政单位医疗 12.54 12.54";

static void test_assess(void) {
  b2j_layer_stats st;
  TAP_OK(b2j_text_layer_assess(CLEAN, &st) == B2J_LAYER_CLEAN, "seed 001 table text is CLEAN");
  TAP_OK(st.han > 100 && st.common_han == st.han, "all its ideographs are common (%zu/%zu)",
         st.common_han, st.han);

  TAP_OK(b2j_text_layer_assess("", NULL) == B2J_LAYER_NONE, "empty text: NONE");
  TAP_OK(b2j_text_layer_assess(" \n\t ", NULL) == B2J_LAYER_NONE, "white space only: NONE");
  TAP_OK(b2j_text_layer_assess(NULL, NULL) == B2J_LAYER_NONE, "NULL: NONE");

  /* Spaced out: every character of a seed 004 sentence followed by a space */
  const char *spaced = "平 安 区 医 疗 保 障 局 2024 年 度 整 体 支 出 绩 效 情 况 报 告 如 下 ：";
  TAP_OK(b2j_text_layer_assess(spaced, &st) == B2J_LAYER_REPAIRED, "spaced-out CJK: REPAIRED");

  /* Kangxi look-alikes in seed 001 prose: 一 支 人 用 replaced */
  const char *kangxi = "\u2F00般公共预算财政拨款\u2F40出决算表，\u2F08员经费主要\u2F64于"
                       "基本工资、津贴补贴、奖金、伙食补助费、绩效工资。";
  TAP_OK(b2j_text_layer_assess(kangxi, &st) == B2J_LAYER_REPAIRED, "Kangxi look-alikes: REPAIRED");
  TAP_OK(st.repair.lookalikes == 4, "four look-alikes (got %zu)", st.repair.lookalikes);

  /* No ToUnicode: glyph ids in the PUA */
  const char *pua = "\uE0A1\uE0B2\uE0C3\uE0D4\uE0E5 362.62 \uE0A1\uE0B2\uE0F6\uE011";
  TAP_OK(b2j_text_layer_assess(pua, &st) == B2J_LAYER_GARBLED, "PUA glyphs: GARBLED");
  const char *fffd = "\uFFFD\uFFFD\uFFFD\uFFFD 12.54 \uFFFD\uFFFD";
  TAP_OK(b2j_text_layer_assess(fffd, NULL) == B2J_LAYER_GARBLED, "U+FFFD: GARBLED");

  /* seed 000's first line, UTF-8 bytes read as GBK (classic mojibake) */
  const char *moji = "2023骞村害鍖椾含甯傞棬澶存矡鍖哄尰鐤椾繚闅滃眬閮ㄩ棬鍐崇畻鍏\uFFFD寮\uFFFD璇存槑 "
                     "绗\uFFFD涓\uFFFD閮ㄥ垎 2023骞村害閮ㄩ棬鍐崇畻鎶ヨ〃";
  TAP_OK(b2j_text_layer_assess(moji, &st) == B2J_LAYER_GARBLED,
         "GBK/UTF-8 mojibake: GARBLED (common %zu of %zu)", st.common_han, st.han);

  /* A table page of numbers only is not judged by its ideographs */
  const char *nums = "362.62 122.83 239.79 15.24 2.4 12.54 2.11 10.43 4.85 1.8 0.98 8.87";
  TAP_OK(b2j_text_layer_assess(nums, NULL) == B2J_LAYER_CLEAN, "numbers-only page: CLEAN");

  /* Words, as extract/ gives them */
  const char *words[] = {"收", "入", "决", "算", "表", "公", "开", "0", "2", "表"};
  TAP_OK(b2j_text_layer_assess_words(words, 10, NULL) == B2J_LAYER_REPAIRED,
         "one word per CJK character: REPAIRED");
  const char *words2[] = {"收入决算表", "公开", "02", "表", "单位：万元", NULL, "合计", "362.62"};
  TAP_OK(b2j_text_layer_assess_words(words2, 8, NULL) == B2J_LAYER_CLEAN,
         "ordinary words (a NULL skipped): CLEAN");
}

/* Arbitrary input never crashes, and repair always gives valid, trimmed
 * UTF-8: random mixes of the characters the functions care about and raw
 * bytes (fixed seed, so a failure reproduces). */
static void test_robustness(void) {
  static const char *const PIECES[] = {
      "收", "入", " ", "\t", "\n", "\u3000", "1", "0", ".", ",", "，", "．", "。", "·", "%",
      "％", "(", ")", "（", "）", "-", "—", "/", "无", "≥", "》", "\\geq", "万元", "元", "年",
      "月", "前", "O", "l", "|", "\u2F00", "\u2ED4", "\uE001", "\uFFFD", "\u201E", "\u201F",
      "\xff", "\xc3", "\x01", "\u200B", "2101101", "208", "以上", "e\u0301", "①"};
  GRand *rnd = g_rand_new_with_seed(20240601);
  int bad = 0;
  for (int i = 0; i < 3000; i++) {
    GString *g = g_string_new(NULL);
    int n = g_rand_int_range(rnd, 0, 24);
    for (int k = 0; k < n; k++)
      g_string_append(g, PIECES[g_rand_int_range(rnd, 0, (gint32)G_N_ELEMENTS(PIECES))]);
    char *r = b2j_text_repair(g->str, NULL);
    size_t len = strlen(r);
    if (!g_utf8_validate(r, -1, NULL) || (len && (r[0] == ' ' || r[len - 1] == ' ')))
      bad++;
    g_free(r);
    b2j_number num;
    b2j_number_parse(g->str, &num);
    b2j_number_parse_ocr(g->str, &num);
    b2j_expr e;
    b2j_expr_parse(g->str, &e);
    b2j_expr_clear(&e);
    char code[B2J_CODE_MAX];
    b2j_subject_code_parse_ocr(g->str, code, NULL, NULL, NULL);
    b2j_amount a;
    b2j_amount_find(g->str, 0, &a);
    (void)b2j_unit_from_caption(g->str);
    (void)b2j_text_layer_assess(g->str, NULL);
    g_string_free(g, TRUE);
  }
  g_rand_free(rnd);
  TAP_OK(bad == 0, "3000 random inputs: valid trimmed UTF-8 out, no crash (%d bad)", bad);
}

int main(void) {
  test_spacing();
  test_lookalikes();
  test_info();
  test_match_key();
  test_assess();
  test_robustness();
  return tap_done();
}
