/* Exact decimals: parsing keeps the printed scale, arithmetic never rounds
 * silently, and unit conversion to 元 is exact (SCHEMA.md's examples). */
#include "ir/decimal.h"
#include "tests/lib/tap.h"

static const char *fmt(b2j_dec d) {
  static char buf[B2J_DEC_STRLEN];
  return b2j_dec_format(d, buf);
}

static b2j_dec P(const char *s) {
  b2j_dec d = {0, 0};
  b2j_dec_parse(s, &d);
  return d;
}

int main(void) {
  b2j_dec d;
  TAP_OK(b2j_dec_parse("12.54", &d) && d.coef == 1254 && d.scale == 2, "parse 12.54 keeps two decimals");
  TAP_STREQ(fmt(P("2.40")), "2.40", "printed trailing zero is kept");
  TAP_STREQ(fmt(P("0")), "0", "zero formats as 0");
  TAP_STREQ(fmt(P("-0.5")), "-0.5", "negative below one keeps its leading zero");
  TAP_STREQ(fmt(P("187267966.43")), "187267966.43", "a 元 amount round-trips");
  TAP_STREQ(fmt(P("0.907323")), "0.907323", "six decimals round-trip (seed 002)");
  TAP_OK(!b2j_dec_parse("1,234.5", &d), "separators are not canonical: normalize/ strips them");
  TAP_OK(!b2j_dec_parse("5.", &d), "a bare trailing point is refused");
  TAP_OK(!b2j_dec_parse("", &d) && !b2j_dec_parse("-", &d), "empty and lone sign are refused");
  TAP_OK(!b2j_dec_parse("99999999999999999999", &d), "overflow is refused, not wrapped");
  TAP_OK(!b2j_dec_parse("1.0000000000000000001", &d), "more than 18 decimals is refused");

  b2j_dec sum;
  TAP_OK(b2j_dec_add(P("122.83"), P("239.79"), &sum) && b2j_dec_cmp(sum, P("362.62")) == 0,
         "122.83 + 239.79 == 362.62 exactly (no binary rounding)");
  TAP_OK(b2j_dec_add(P("0.1"), P("0.2"), &sum) && b2j_dec_cmp(sum, P("0.3")) == 0,
         "0.1 + 0.2 == 0.3");
  TAP_OK(b2j_dec_cmp(P("2.4"), P("2.40")) == 0, "2.4 equals 2.40");
  TAP_OK(b2j_dec_cmp(P("-3"), P("2")) < 0 && b2j_dec_cmp(P("10"), P("9.99")) > 0, "ordering");

  b2j_dec y;
  TAP_OK(b2j_dec_shift(P("12.54"), 4, &y), "万元 to 元 shift succeeds");
  TAP_STREQ(fmt(y), "125400", "12.54 万元 is 125400 元 (SCHEMA.md)");
  TAP_OK(b2j_dec_shift(P("12253.401784"), 4, &y), "six-decimal 万元 shifts");
  TAP_STREQ(fmt(y), "122534017.84", "12253.401784 万元 is 122534017.84 元 (DOMAIN.md)");
  TAP_OK(b2j_dec_shift(P("1.5"), 8, &y), "亿元 shift");
  TAP_STREQ(fmt(y), "150000000", "1.5 亿元 is 150000000 元");
  TAP_OK(b2j_dec_shift(P("362.62"), -4, &y), "negative shift grows the scale");
  TAP_STREQ(fmt(y), "0.036262", "362.62 / 10^4");

  b2j_dec r;
  TAP_OK(b2j_dec_div(P("10.44"), P("25"), 4, &r), "division to four places");
  TAP_STREQ(fmt(r), "0.4176", "10.44 / 25 = 0.4176 (执行率 41.76%%)");
  TAP_OK(b2j_dec_div(P("39.41"), P("40"), 4, &r), "division rounds");
  TAP_STREQ(fmt(r), "0.9853", "39.41 / 40 = 0.98525 rounds half up to 0.9853");
  TAP_OK(!b2j_dec_div(P("1"), P("0"), 2, &r), "division by zero is refused");
  TAP_OK(b2j_dec_round(P("20.06"), 1, &r), "round to one place");
  TAP_STREQ(fmt(r), "20.1", "20.06 rounds to 20.1");
  TAP_OK(b2j_dec_round(P("-2.45"), 1, &r), "negative rounds");
  TAP_STREQ(fmt(r), "-2.5", "-2.45 rounds half away from zero");
  TAP_STREQ(fmt(b2j_dec_normalize(P("3.100"))), "3.1", "normalize drops trailing zeros");
  b2j_dec big = {INT64_MAX, 0};
  TAP_OK(!b2j_dec_add(big, P("1"), &sum), "addition overflow is reported");
  TAP_OK(!b2j_dec_shift(big, 1, &y), "shift overflow is reported");
  b2j_dec m;
  TAP_OK(b2j_dec_mul(P("1.5"), P("2.25"), &m), "multiply");
  TAP_STREQ(fmt(m), "3.375", "1.5 * 2.25 = 3.375");
  return tap_done();
}
