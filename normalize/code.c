/* Subject codes of the 政府收支分类科目: parsing, class, level, parent. */
#include "normalize_internal.h"

#include <string.h>

/* The 类 a code's first three digits must name (the ranges in use since the
 * 2007 reform, with room for yearly additions):
 *   101-110 收入 (税收 101, 非税 103, 债务 105, 转移性 110);
 *   201-234 功能分类支出 (一般公共服务 201 … 抗疫特别国债 234);
 *   301-399 部门经济分类, 501-599 政府经济分类.
 * A future lexicon (b2j_subject_lookup_fn) can check the exact code. */
static b2j_subject_class class_of_prefix(int p) {
  if (p >= 101 && p <= 110)
    return B2J_SUBJ_INCOME;
  if (p >= 201 && p <= 234)
    return B2J_SUBJ_FUNCTIONAL;
  if ((p >= 301 && p <= 399) || (p >= 501 && p <= 599))
    return B2J_SUBJ_ECONOMIC;
  return B2J_SUBJ_NONE;
}

b2j_subject_class b2j_subject_classify(const char *code, b2j_subject_level *level) {
  if (level)
    *level = B2J_LEVEL_NONE;
  if (!code)
    return B2J_SUBJ_NONE;
  size_t n = strlen(code);
  if (n != 3 && n != 5 && n != 7)
    return B2J_SUBJ_NONE;
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isdigit(code[i]))
      return B2J_SUBJ_NONE;
  int p = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  b2j_subject_class c = class_of_prefix(p);
  if (c == B2J_SUBJ_NONE)
    return c;
  /* Economic codes stop at 款; every segment after the 类 is 01-99. */
  if (c == B2J_SUBJ_ECONOMIC && n == 7)
    return B2J_SUBJ_NONE;
  if (n >= 5 && code[3] == '0' && code[4] == '0')
    return B2J_SUBJ_NONE;
  if (n == 7 && code[5] == '0' && code[6] == '0')
    return B2J_SUBJ_NONE;
  if (level)
    *level = n == 3 ? B2J_LEVEL_LEI : n == 5 ? B2J_LEVEL_KUAN : B2J_LEVEL_XIANG;
  return c;
}

const char *b2j_subject_class_name(b2j_subject_class c) {
  switch (c) {
  case B2J_SUBJ_FUNCTIONAL:
    return "functional";
  case B2J_SUBJ_ECONOMIC:
    return "economic";
  default:
    return NULL;
  }
}

const char *b2j_subject_level_name(b2j_subject_level l) {
  switch (l) {
  case B2J_LEVEL_LEI:
    return "类";
  case B2J_LEVEL_KUAN:
    return "款";
  case B2J_LEVEL_XIANG:
    return "项";
  default:
    return NULL;
  }
}

bool b2j_subject_code_parent(const char *code, char out[B2J_CODE_MAX]) {
  b2j_subject_level l;
  if (b2j_subject_classify(code, &l) == B2J_SUBJ_NONE || l == B2J_LEVEL_LEI)
    return false;
  size_t n = l == B2J_LEVEL_KUAN ? 3 : 5;
  memcpy(out, code, n);
  out[n] = '\0';
  return true;
}

/* The token as digits: contiguous ("2080505") or split 类/款/项 ("208 05 05").
 * In OCR mode look-alike letters count as digits when they are fewer than the
 * real digits. */
static bool read_code(const char *s, char out[B2J_CODE_MAX], bool ocr, int *n_fixed) {
  static b2j_norm_re SHAPE =
      B2J_NORM_RE("^(?:\\S{3}|\\S{5}|\\S{7}|\\S{3} \\S{2}|\\S{3} \\S{2} \\S{2})$");
  if (n_fixed)
    *n_fixed = 0;
  if (!s)
    return false;
  char *t = b2j_norm_nfkc_trim(s);
  /* One space between groups: collapse runs. */
  GString *g = g_string_new(NULL);
  for (const char *p = t; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (b2j_norm_is_space(c)) {
      if (g->len && g->str[g->len - 1] != ' ')
        g_string_append_c(g, ' ');
    } else {
      g_string_append_unichar(g, c);
    }
  }
  g_free(t);
  bool ok = b2j_norm_re_match(&SHAPE, g->str, g->len, 0, NULL, 0);
  int digits = 0, fixed = 0;
  size_t n = 0;
  for (const char *p = g->str; ok && *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    char d;
    if (c == ' ')
      continue;
    if (c >= '0' && c <= '9') {
      d = (char)c;
      digits++;
    } else if (ocr && (d = b2j_norm_lookalike_digit(c)) != '\0') {
      fixed++;
    } else {
      ok = false;
      break;
    }
    if (n + 1 >= B2J_CODE_MAX) {
      ok = false;
      break;
    }
    out[n++] = d;
  }
  g_string_free(g, TRUE);
  if (!ok || fixed >= digits)
    return false;
  out[n] = '\0';
  if (b2j_subject_classify(out, NULL) == B2J_SUBJ_NONE)
    return false;
  if (n_fixed)
    *n_fixed = fixed;
  return true;
}

bool b2j_subject_code_parse(const char *s, char out[B2J_CODE_MAX]) {
  char tmp[B2J_CODE_MAX];
  if (!read_code(s, tmp, false, NULL))
    return false;
  memcpy(out, tmp, sizeof tmp);
  return true;
}

bool b2j_subject_code_parse_ocr(const char *s, char out[B2J_CODE_MAX], int *n_fixed,
                                b2j_subject_lookup_fn lookup, void *user) {
  char tmp[B2J_CODE_MAX];
  int fixed = 0;
  if (n_fixed)
    *n_fixed = 0;
  if (!read_code(s, tmp, true, &fixed))
    return false;
  /* A repaired code is a guess: with a lexicon, only a known code stands. */
  if (fixed > 0 && lookup && !lookup(tmp, user))
    return false;
  memcpy(out, tmp, sizeof tmp);
  if (n_fixed)
    *n_fixed = fixed;
  return true;
}

bool b2j_subject_code_prefix(const char *s, char out[B2J_CODE_MAX], size_t *name_off) {
  /* Digits (split or not) then something that is not a digit, point or
   * comma: "2101101 行政单位医疗" but not "362.62" or "2023年". */
  static b2j_norm_re RE = B2J_NORM_RE(
      "^\\s*(\\d{3} \\d{2} \\d{2}|\\d{3} \\d{2}|\\d{7}|\\d{5}|\\d{3})(?![\\d.,])\\s*(?=\\S)");
  if (!s)
    return false;
  PCRE2_SIZE ov[4];
  if (!b2j_norm_re_match(&RE, s, strlen(s), 0, ov, 2))
    return false;
  char *code = g_strndup(s + ov[2], (gsize)(ov[3] - ov[2]));
  char tmp[B2J_CODE_MAX];
  bool ok = read_code(code, tmp, false, NULL);
  g_free(code);
  /* "2023 年" is a year with its unit: a name starts with a word, and a
   * code's name never starts with 年/月/日. */
  const char *rest = s + ov[1];
  if (ok && (g_str_has_prefix(rest, "年") || g_str_has_prefix(rest, "月") ||
             g_str_has_prefix(rest, "日") || g_str_has_prefix(rest, "%")))
    ok = false;
  if (!ok)
    return false;
  memcpy(out, tmp, sizeof tmp);
  if (name_off)
    *name_off = (size_t)ov[1];
  return true;
}
