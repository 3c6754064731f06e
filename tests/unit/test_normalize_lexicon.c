/* The compiled-in subject lexicon: standard names, other names reports print
 * (older standard names), and unknown codes. */
#include "normalize/normalize.h"
#include "tests/lib/tap.h"

int main(void) {
  TAP_STREQ(b2j_subject_standard_name("2101101"), "行政单位医疗", "a 项 code's standard name (seed 001)");
  TAP_STREQ(b2j_subject_standard_name("30101"), "基本工资", "an economic 款 code's name");
  TAP_STREQ(b2j_subject_standard_name("210"), "卫生健康支出",
            "the standard name wins over an older one the lexicon also holds");
  TAP_OK(b2j_subject_name_matches("210", "医疗卫生与计划生育支出"),
         "the pre-2018 name of 210 is accepted (2017 reports print it)");
  TAP_OK(b2j_subject_name_matches("2080505", "机关事业单位基本 养老保险缴费支出"),
         "a name wrapped in its cell matches without the wrap space");
  TAP_OK(b2j_subject_name_matches("30212", "因公出国（境）费用"),
         "full-width brackets match the lexicon's");
  TAP_OK(!b2j_subject_name_matches("2101501", "城乡医疗救助"),
         "seed 001's shifted row: 2101501 printed with another code's name does not match");
  TAP_OK(!b2j_subject_name_matches("2101101", "行政单位医"), "a truncated name does not match");
  TAP_OK(b2j_subject_standard_name("2999999") == NULL && !b2j_subject_known("2999999"),
         "an unknown code has no name");
  TAP_OK(b2j_subject_known("221") && b2j_subject_known("2210201"), "known codes are known");
  TAP_STREQ(b2j_subject_lexicon_lookup("2210201", NULL), "住房公积金",
            "the lookup hook for OCR code repair gives the standard name");
  TAP_OK(b2j_subject_standard_name(NULL) == NULL && !b2j_subject_name_matches(NULL, "x"),
         "NULL is unknown, not a crash");
  return tap_done();
}
