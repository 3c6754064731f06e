/* ocr/marks.c: stray marks beside OCR'd indicator values.
 *
 * The readings are chi_sim's of the corpus scans (scan-noisy seed-001,
 * syn-007, syn-009, syn-010, syn-012; scan-clean seed-000): the rings of a
 * blurred % read as o, 0, 6 or 9, specks read as quotes and dashes. What a
 * repair must never do is turn a reading into another number. */
#include <stdlib.h>

#include "ocr/ocr.h"
#include "tests/lib/tap.h"

static void check(const char *read, const char *want, const char *why) {
  char *got = b2j_ocr_marks_correct(read);
  TAP_STREQ(got, want, "'%s' -> %s: %s", read, want ? want : "unchanged", why);
  g_free(got);
}

int main(void) {
  /* The rings of % read as o beside it. */
  check("≥90o%", "≥90%", "o before the %");
  check("≥85o%", "≥85%", "o before the %");
  check("100o%", "100%", "100 with an o");
  check("=91o%", "=91%", "after =");
  check(">90o%", ">90%", "after >");
  check("≥65%o", "≥65%", "o after the %");
  check("≥98o%o", "≥98%", "o on both sides");
  check("20o%o", "20%", "no operator, o on both sides");
  check("≥ 90o%", "≥ 90%", "a space after the operator is kept");
  check("0.5o%", "0.5%", "a decimal share");
  /* A ring read as a digit after the %. */
  check("100o%6", "100%", "o before and 6 after");
  check("100%0", "100%", "0 after 100%");
  check("≥85%0", "≥85%", "0 after the %");
  check("=96%0", "=96%", "0 after the %");
  check("≥94%9", "≥94%", "9 after the %");
  /* Both rings read: a 9 before the % making a share over 100. */
  check("≥909%0", "≥90%", "909% with a ring after is 90%");
  check("≥929%0", "≥92%", "929% with a ring after is 92%");
  check("≥859%0", "≥85%", "859% with a ring after is 85%");
  /* Specks before and after a value. */
  check("≥90% -.", "≥90%", "a speck word after the value");
  check("人98%", "98%", "人 glued before a percentage");
  check("”95o%", "95%", "a closing quote and an o");
  check("” 95o%", "95%", "a closing quote, a space, an o");
  check("”15年", "15年", "a closing quote before a number with its unit");
  check("o%", "%", "a lone % cell with a ring read o");
  check("≥92%鸣", "≥92%", "one glyph glued after a share (syn-007 noisy)");

  /* Doubtful readings stay as read. */
  check("≥995o%", NULL, "995% is no share: which digit is wrong is unknown");
  check("895o%", NULL, "over 100");
  check("≥7959%o", NULL, "over 100");
  check("≥910%6", NULL, "910 or 91: a 0 before the % may be real (110%)");
  check("110%0", NULL, "110% is a real value: the 0 is the number's");
  check("10%0", NULL, "10% or 1% with both rings read");
  check("9%0", NULL, "a lone % reads 9%0");
  check("2%0", NULL, "a lone % reads 2%0");
  check("0%6", NULL, "a lone % reads 0%6");
  check("9%o", NULL, "a lone % reads 9%o");
  check("9o%", NULL, "one digit beside marks");
  check("≥9000", NULL, "no % read: 9000 is a number");
  check("≥80o0", NULL, "no % read: o0 may be 00 of a number");
  check("≥715%", NULL, "a clean % is no evidence of a misread digit");
  check("919%%", NULL, "two % signs");
  check("”919%%", NULL, "two % signs after a quote: nothing is dropped but the quote");
  check("”98%p", NULL, "a letter after the %: nothing is dropped but the quote");
  check("人90%以上", NULL, "人 only before a bare percentage");
  check("≥920%人", NULL, "a Chinese mark after the %");
  check("≥90%以", NULL, "以 after the % opens 以上");
  check("≥90%左", NULL, "左 after the % opens 左右");
  check("90.5%鸣", NULL, "a glyph after a decimal share stays");
  check("≥90%鸣鸣", NULL, "two glyphs after the %");
  check("100 9%6", NULL, "two lines of a cell");
  check("84.749%6", NULL, "a 9 before the % of a decimal");
  check("100.5o%", NULL, "a decimal over 100");
  check("≥90%-", NULL, "a dash glued to the value");
  check("≥90% -", NULL, "a lone dash word may be a value");
  check("“15年", NULL, "an opening quote may open a quotation");
  check("人15年", NULL, "人 only before a percentage");
  check("人均98%", NULL, "人均 is a word");
  check("100O%", NULL, "a capital O may be a 0");
  /* Clean values and text are never touched. */
  check("100", NULL, "a plain number");
  check("90%", NULL, "a clean percentage");
  check("≥90%", NULL, "a clean target");
  check("0.5%", NULL, "a clean decimal percentage");
  check("10%以上", NULL, "a percentage with 以上");
  check("2次", NULL, "a number with its unit");
  check("2%", NULL, "2次 read as 2%: no mark to go by");
  check("15年", NULL, "a clean number with its unit");
  check("完成医保基金监管专项经费年度工作任务，资金使用合规，服务对象满意度不低二90%6。", NULL,
        "prose with a misread %");
  check("报告期内人员经费占比84.74%，公用经费占比15.26%。", NULL, "prose with percentages");
  check("", NULL, "empty");
  check(NULL, NULL, "NULL");

  /* Date and unit glyphs read as look-alikes (scan-noisy syn-007, syn-010,
   * syn-012 targets). */
  static const char *const VALUE_GLYPHS[][3] = {
      {"2020年12且31日前", "2020年12月31日前", "且 between a date's month and day is 月"},
      {"2024年12月31旦前", "2024年12月31日前", "旦 after a date's day is 日"},
      {"≤429苑", "≤429元", "苑 after a number is 元"},
      {"2020年12月31日前", NULL, "a clean date"},
      {"并且31项", NULL, "且 after no date's month"},
      {"元旦前", NULL, "旦 after no number (元旦)"},
      {"12旦", NULL, "旦 after a number but no 月"},
      {"文苑", NULL, "苑 after no number"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(VALUE_GLYPHS); i++) {
    char *got = b2j_ocr_value_glyphs_correct(VALUE_GLYPHS[i][0]);
    TAP_STREQ(got, VALUE_GLYPHS[i][1], "value glyphs: '%s': %s", VALUE_GLYPHS[i][0],
              VALUE_GLYPHS[i][2]);
    g_free(got);
  }

  /* Specks chi_sim named: chunk sizes of scan-noisy seed-001 pages 27 and
   * 30 (the 人 before 98%, the 人 before 6.98) against real one-glyph
   * cells of the same pages (门 38x34, 率 34x34). */
  TAP_OK(b2j_ocr_speck_glyph("人", 13, 42, 13, 42, 0.34, 0), "人 13x42 px, no tall stroke: a speck");
  TAP_OK(b2j_ocr_speck_glyph("人", 10, 33, 10, 33, 0.62, 0), "人 10x33 px: a speck");
  TAP_OK(b2j_ocr_speck_glyph("个", 14, 37, 14, 37, 0.32, 0), "个 14x37 px: a speck");
  TAP_OK(!b2j_ocr_speck_glyph("门", 38, 34, 38, 34, 0.62, 0), "门 38x34 px is a glyph");
  TAP_OK(!b2j_ocr_speck_glyph("率", 34, 34, 34, 34, 0.73, 1), "率 34x34 px is a glyph");
  TAP_OK(!b2j_ocr_speck_glyph("人", 13, 42, 13, 42, 0.34, 1), "a stroke of the line's height is no speck");
  TAP_OK(!b2j_ocr_speck_glyph("人", 13, 42, 13, 42, 0.93, 0), "read with confidence: kept");
  TAP_OK(!b2j_ocr_speck_glyph("1", 10, 33, 10, 33, 0.30, 0), "a digit is never dropped");
  TAP_OK(!b2j_ocr_speck_glyph("，", 10, 33, 10, 33, 0.30, 0), "punctuation is not this rule's");
  TAP_OK(!b2j_ocr_speck_glyph("人人", 13, 42, 13, 42, 0.34, 0), "two glyphs are not one speck");
  /* Dots in a chunk of the line's height (scan-noisy seed-002 pages 20
   * and 23: 12x34 and 14x34 px, the ink about 10x6), against a real 一,
   * as wide as the line is high and a few pixels tall. */
  TAP_OK(b2j_ocr_speck_glyph("人", 14, 34, 10, 6, 0.45, 0), "a dot in a 14x34 chunk: a speck");
  TAP_OK(b2j_ocr_speck_glyph("个", 18, 34, 12, 9, 0.18, 0), "a dot in an 18x34 chunk: a speck");
  TAP_OK(!b2j_ocr_speck_glyph("一", 40, 34, 30, 5, 0.45, 0), "一 spans the line's width: a glyph");
  TAP_OK(!b2j_ocr_speck_glyph("人", 18, 34, 16, 28, 0.45, 0), "ink of the line's height: a glyph");
  TAP_OK(!b2j_ocr_speck_glyph("人", 14, 34, 10, 6, 0.85, 0), "a dot read with confidence: kept");
  TAP_OK(!b2j_ocr_speck_glyph(NULL, 13, 42, 13, 42, 0.34, 0), "NULL");
  return tap_done();
}
