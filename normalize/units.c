/* Money units: 元 / 万元 / 亿元 in captions and after numbers in prose. */
#include "normalize_internal.h"

#include <string.h>

static const char *unit_from_match(const char *s, PCRE2_SIZE b, PCRE2_SIZE e) {
  size_t n = (size_t)(e - b);
  if (n == strlen("亿元") && memcmp(s + b, "亿元", n) == 0)
    return "亿元";
  if (n == strlen("万元") && memcmp(s + b, "万元", n) == 0)
    return "万元";
  if (n == strlen("元") && memcmp(s + b, "元", n) == 0)
    return "元";
  return NULL;
}

const char *b2j_unit_canonical(const char *unit) {
  static b2j_norm_re RE = B2J_NORM_RE("^\\s*(?:人民币)?\\s*(亿元|万元|元)\\s*$");
  if (!unit)
    return NULL;
  PCRE2_SIZE ov[4];
  if (!b2j_norm_re_match(&RE, unit, strlen(unit), 0, ov, 2))
    return NULL;
  return unit_from_match(unit, ov[2], ov[3]);
}

const char *b2j_unit_from_caption(const char *text) {
  /* "单位：万元", "金额单位: 元", "（单位：万元）", "项目资金（万元）", "(万元)".
   * Matched on the repaired text, whose full-width brackets and colon stay. */
  static b2j_norm_re RE = B2J_NORM_RE(
      "单位\\s*[:：]?\\s*(?:人民币)?\\s*(亿元|万元|元)"
      "|[（(]\\s*(?:人民币)?\\s*(亿元|万元|元)\\s*[）)]");
  if (!text)
    return NULL;
  char *rep = b2j_text_repair(text, NULL);
  PCRE2_SIZE ov[6];
  const char *u = NULL;
  if (b2j_norm_re_match(&RE, rep, strlen(rep), 0, ov, 3)) {
    if (ov[2] != PCRE2_UNSET)
      u = unit_from_match(rep, ov[2], ov[3]);
    else if (ov[4] != PCRE2_UNSET)
      u = unit_from_match(rep, ov[4], ov[5]);
  }
  g_free(rep);
  return u;
}

bool b2j_amount_find(const char *text, size_t from, b2j_amount *out) {
  /* The number may not continue a longer token (a digit, point, comma or
   * Latin letter just before it); 万元 and 亿元 are tried before 元. */
  static b2j_norm_re RE = B2J_NORM_RE(
      "(?<![\\d.,A-Za-z])((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(亿元|万元|元)");
  if (!text)
    return false;
  size_t len = strlen(text);
  size_t start = from;
  while (start <= len) {
    PCRE2_SIZE ov[6];
    if (!b2j_norm_re_match(&RE, text, len, start, ov, 3))
      return false;
    char buf[64];
    size_t n = 0;
    for (PCRE2_SIZE i = ov[2]; i < ov[3] && n + 1 < sizeof buf; i++)
      if (text[i] != ',')
        buf[n++] = text[i];
    buf[n] = '\0';
    if (b2j_dec_parse(buf, &out->value)) {
      out->unit = unit_from_match(text, ov[4], ov[5]);
      out->start = ov[2];
      out->end = ov[5];
      return true;
    }
    start = ov[1]; /* too long to represent: look further on */
  }
  return false;
}

bool b2j_to_yuan(b2j_dec v, const char *unit, b2j_dec *yuan) {
  const char *u = b2j_unit_canonical(unit);
  if (!u)
    return false;
  int k = strcmp(u, "亿元") == 0 ? 8 : strcmp(u, "万元") == 0 ? 4 : 0;
  return b2j_dec_shift(v, k, yuan);
}
