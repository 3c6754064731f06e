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

int main(void) {
  level_is("产出指标 (50分)", "产出指标", false, "a bracketed score note goes");
  level_is("数量指标（5分）", "数量指标", false, "a full-width bracketed note goes");
  level_is("经 济 效 益 指 标", "经济效益指标", false, "a wrapped name is joined");
  level_is("经济效益指标人10分)", "经济效益指标", true,
           "seed 001's note (10分) with its bracket read 人 is not part of the name");
  level_is("生态效益指标位0分)", "生态效益指标", true, "the note with 1( read as 位");
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
  return tap_done();
}
