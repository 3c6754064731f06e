/* Indicator level names: the closed vocabulary a level cell is read into. */
#include <stdlib.h>

#include "normalize/normalize.h"
#include "tests/lib/tap.h"

static void level_is(const char *cell, const char *want, bool want_fix, const char *what) {
  bool fixed = !want_fix;
  char *got = b2j_indicator_level(cell, &fixed);
  TAP_STREQ(got, want, what);
  TAP_OK(fixed == want_fix, "%s: %s", what, want_fix ? "said to be corrected" : "not a correction");
  g_free(got);
}

/* `fix` (an indicator-name corrector) of `read` is `want`. */
static void name_fix_is(char *(*fix)(const char *), const char *read, const char *want,
                        const char *what) {
  char *s = fix(read);
  TAP_STREQ(s, want, "%s", what);
  g_free(s);
}

static void rate_is(const char *read, const char *want, const char *what) {
  name_fix_is(b2j_indicator_name_rate, read, want, what);
}

/* Indicator names of the noisy scans whose 率 was misread, and names that
 * end on a rate's stem with a word of their own. */
static void test_rate_names(void) {
  rate_is("任务完成及时素", "任务完成及时率", "rate: 及时素 is 及时率 (syn-010 scan)");
  rate_is("政策落实到位夷", "政策落实到位率", "rate: 到位夷 is 到位率 (syn-010 scan)");
  rate_is("政策知晓床", "政策知晓率", "rate: 知晓床 is 知晓率 (syn-007 scan)");
  rate_is("验收合格束", "验收合格率", "rate: 合格束 is 合格率 (syn-012 scan)");
  rate_is("资金拨付及时性", NULL, "rate: 及时性 is a word on the stem");
  rate_is("服务对象满意度", NULL, "rate: so is 满意度");
  rate_is("年度目标完成情况", NULL, "rate: a name ending in another word stays");
  rate_is("政策知晓率", NULL, "rate: a rate read right stays");
  rate_is("确保资金及时到位", NULL, "rate: a name ending on a stem alone stays");
  rate_is("及时素2", NULL, "rate: only a Chinese glyph at the very end");
}

static void count_is(const char *read, const char *want, const char *what) {
  name_fix_is(b2j_indicator_name_count, read, want, what);
}

/* Count names of the noisy scans (syn-007, syn-010, syn-012). */
static void test_count_names(void) {
  count_is("服务乡镇(街道)数弗", "服务乡镇(街道)数量", "count: 数弗 is 数量 (syn-012 scan)");
  count_is("服务乡镇(街道)数了", "服务乡镇(街道)数量", "count: 数了 is 数量 (syn-010 scan)");
  count_is("服务乡镇(街道)数):", "服务乡镇(街道)数量", "count: marks after 数 are its 量 (syn-007 scan)");
  count_is("开展培训次至", "开展培训次数", "count: 次至 is 次数 (syn-010 scan)");
  count_is("服务乡镇(街道)数量", NULL, "count: a count read right stays");
  count_is("参训人数", NULL, "count: a name ending on 数 stays");
  count_is("统计数据", NULL, "count: 数据 is a word");
  count_is("一次性", NULL, "count: 一次性 is a word");
  count_is("培训次数", NULL, "count: 次数 stays");
  count_is("数量达到", NULL, "count: two glyphs after the stem are words, not a misread");
}

int main(void) {
  test_rate_names();
  test_count_names();
  level_is("产出指标 (50分)", "产出指标", false, "a bracketed score note goes");
  level_is("数量指标（5分）", "数量指标", false, "a full-width bracketed note goes");
  level_is("经 济 效 益 指 标", "经济效益指标", false, "a wrapped name is joined");
  level_is("经济效益指标人10分)", "经济效益指标", true,
           "seed 001's note (10分) with its bracket read 人 is not part of the name");
  level_is("生态效益指标位0分)", "生态效益指标", true, "the note with 1( read as 位");
  level_is("服务对象满题度指标人10分)", "服务对象满意度指标", true,
           "a glyph off and its note's bracket read 人 (seed-001 noisy scan)");
  level_is("服务对象满急度指标人10分)", "服务对象满意度指标", true,
           "the same name, 意 read 急, on the next page");
  level_is("产出措标人50分)", "产出指标", true,
           "a four-glyph name one off: the bracket's glyph is no part of it");
  level_is("项目效益10分", "项目效益10分", false,
           "a name of the report's own with an unbracketed note is no misreading");
  level_is("服务对象满题度指标人", "服务对象满意度指标", true, "no note: nearest as before");
  level_is("可持续影1向指标", "可持续影响指标", true, "响 read as 1向 (syn-003 scan)");
  level_is("服务对象满意庋指标", "服务对象满意度指标", true, "one glyph off");
  level_is("产出指杯", "产出指标", true, "one glyph off a four-character name");
  level_is("可持续发展指标", "可持续发展指标", false,
           "a name of the older framework is not pulled to 可持续影响指标");
  level_is("社会效益", "社会效益", false, "a shorter name of the report's own stays");
  level_is("效益", "效益", false, "a cut name is no misreading");
  level_is("经会效益指标", "经会效益指标", false,
           "as near to 经济效益指标 as to 社会效益指标: left as read");
  level_is("产出指标数量指标", "产出指标数量指标", false, "a name going on in Chinese is left");
  level_is("指标", "指标", false, "a name's last line alone names no level");
  TAP_OK(b2j_indicator_level("  ", NULL) == NULL, "an empty cell has no level");
  level_is("(10分)", "(10分)", false, "a note alone is left as read");
  TAP_OK(b2j_indicator_level(NULL, NULL) == NULL, "NULL is no level, not a crash");

  /* Scanned readings (syn-010, syn-012 noisy scans): marks read into a
   * name, a stray glyph after it, 指标 garbled with the stem one in three off. */
  level_is("服务对象满意度指标昌", "服务对象满意度指标", true, "a stray glyph after a name goes");
  level_is("经:济效益指标", "经济效益指标", true, "a mark read into a name goes");
  level_is("产出指标-", "产出指标", true, "a mark after a name goes");
  level_is("经:齐效益折杯", "经济效益指标", true,
           "济 read :齐 and 指标 read 折杯: the stem 经齐效益 is 经济效益's, one off");
  level_is("服务对象贞六度指本", "服务对象满意度指标", true, "满意 read 贞六, 标 read 本");
  level_is("服务对象痪及度指酝", "服务对象满意度指标", true, "满意 read 痪及");
  level_is("可持给影咏各械-", "可持续影响指标", true,
           "可持给影咏 is 可持续影响's stem two off, 可持续发展's three");
  level_is("经会效益折杯", "经会效益折杯", false,
           "a stem as near 经济效益 as 社会效益 is left, 指标 garbled or not");
  level_is("社会效益目标", "社会效益指标", true, "a stem read right with its suffix off is that name");
  level_is("产出数量指标", "产出数量指标", false,
           "a name of the report's own as long as 经济效益指标 is no misreading (stem two off)");
  level_is("服务对象满意度标", "服务对象满意度标", false,
           "a name printed short (a glyph dropped) is not stretched to the framework's");
  level_is("可持续影响1234", "可持续影响1234", false, "a reading with digits in its tail is no name");
  level_is("指标-", "指标-", false, "a cut name with a mark stays as read");

  TAP_OK(b2j_indicator_level_known("满意度指标"), "满意度指标 is a level name");
  TAP_OK(!b2j_indicator_level_known("指标"), "指标 is none");
  TAP_OK(!b2j_indicator_level_known(NULL), "NULL is none");
  TAP_STREQ(b2j_indicator_level_parent("经济效益指标"), "效益指标", "经济效益指标 stands under 效益指标");
  TAP_STREQ(b2j_indicator_level_parent("时效指标"), "产出指标", "时效指标 under 产出指标");
  TAP_STREQ(b2j_indicator_level_parent("服务对象满意度指标"), "满意度指标",
            "服务对象满意度指标 under 满意度指标");
  TAP_STREQ(b2j_indicator_level_parent("生态环境成本指标"), "成本指标",
            "the newer framework's cost names under 成本指标");
  TAP_STREQ(b2j_indicator_level_parent("成本指标"), NULL,
            "成本指标 names no 一级: 产出指标's in the older framework, a 一级 in the newer");
  TAP_STREQ(b2j_indicator_level_parent("产出指标"), NULL, "a 一级 stands under none");

  TAP_OK(b2j_indicator_level_like("竣音度指标", "满意度指标"), "竣音度指标 may be 满意度指标 (syn-012 noisy scan)");
  TAP_OK(!b2j_indicator_level_like("项目产出", "产出指标"), "项目产出 is no 产出指标");
  TAP_OK(!b2j_indicator_level_like("产出", "产出指标"), "two glyphs are too few to tell");
  TAP_OK(!b2j_indicator_level_like("效益", "效益指标"), "half a name off is too far");
  TAP_OK(!b2j_indicator_level_like(NULL, "效益指标"), "NULL is like none");
  TAP_STREQ(b2j_indicator_level_between("效益指标", "社会效益指标", "可持续影响指标", "指标"), "生态效益指标",
            "指标 between 社会效益指标 and 可持续影响指标 is 生态效益指标");
  TAP_STREQ(b2j_indicator_level_between("效益指标", "社会效益指标", "可持续发展指标", "效益指标"),
            "生态效益指标", "also before the older 可持续发展指标, cut after its first line");
  TAP_STREQ(b2j_indicator_level_between("产出指标", "质量指标", "成本指标", "指标"), "时效指标",
            "时效指标 between 质量指标 and 成本指标");
  TAP_STREQ(b2j_indicator_level_between("效益指标", "经济效益指标", "可持续影响指标", "指标"), NULL,
            "two names between: no telling");
  TAP_STREQ(b2j_indicator_level_between("效益指标", "经济效益指标", "社会效益指标", "指标"), NULL,
            "none between: the reading is something else");
  TAP_STREQ(b2j_indicator_level_between("效益指标", "社会效益指标", "可持续影响指标", "环境指标"), NULL,
            "a reading that is not the name's end stays");
  TAP_STREQ(b2j_indicator_level_between("产出指标", "社会效益指标", "可持续影响指标", "指标"), NULL,
            "neighbours not under the row's 一级: no telling");
  TAP_STREQ(b2j_indicator_level_between("效益指标", NULL, "社会效益指标", "指标"), NULL,
            "no name before: no telling");
  return tap_done();
}
