/* Indicator values (年度指标值, 实际完成值): operator, number, unit. */
#include "normalize_internal.h"

#include <string.h>

/* Longest spellings first, so "\geq" wins over "\ge" and ">=" over ">". */
static const struct {
  const char *text, *op;
} OPS[] = {
    {"\\geqslant", ">="}, {"\\leqslant", "<="}, {"\\geq", ">="}, {"\\leq", "<="},
    {"\\ge", ">="},       {"\\le", "<="},       {">=", ">="},    {"<=", "<="},
    {"==", "="},          {"≥", ">="},          {"≧", ">="},     {"⩾", ">="},
    {"》", ">="}, /* OCR's reading of ≥ ("》80%") */
    {"≤", "<="},          {"≦", "<="},          {"⩽", "<="},     {"＝", "="},
    {"=", "="},           {"＞", ">"},          {">", ">"},      {"＜", "<"},
    {"<", "<"},           {"大于等于", ">="},   {"大于或等于", ">="},
    {"不低于", ">="},     {"不少于", ">="},     {"不小于", ">="}, {"小于等于", "<="},
    {"小于或等于", "<="}, {"不超过", "<="},     {"不高于", "<="}, {"不大于", "<="},
    {"不多于", "<="},     {"大于", ">"},        {"高于", ">"},   {"超过", ">"},
    {"多于", ">"},        {"小于", "<"},        {"低于", "<"},   {"少于", "<"},
};

const char *b2j_op_parse(const char *s, size_t *len) {
  if (len)
    *len = 0;
  if (!s)
    return NULL;
  size_t best = 0;
  const char *op = NULL;
  for (size_t i = 0; i < G_N_ELEMENTS(OPS); i++) {
    size_t n = strlen(OPS[i].text);
    if (n > best && strncmp(s, OPS[i].text, n) == 0) {
      best = n;
      op = OPS[i].op;
    }
  }
  if (len)
    *len = best;
  return op;
}

/* Suffixes that carry the operator after the number: "90%以上", "3天以内". */
static const struct {
  const char *text, *op;
} SUFFIX_OPS[] = {
    {"及以上", ">="}, {"以上", ">="}, {"及以下", "<="}, {"以下", "<="}, {"以内", "<="},
};

static bool ends_with(const char *s, size_t n, const char *suf, size_t *m) {
  *m = strlen(suf);
  return n >= *m && memcmp(s + n - *m, suf, *m) == 0;
}

/* A unit is a few letters, ideographs or symbols: "%", "个单位", "平方米",
 * "万元", "元/人", "m2". Digits, punctuation and spaces inside mean a date,
 * a range or a sentence. */
static bool unit_ok(const char *u) {
  static b2j_norm_re RE = B2J_NORM_RE("^(?:\\p{Han}|[A-Za-z%‰°/·])+(?:(?<=[A-Za-z])[23])?$");
  return g_utf8_strlen(u, -1) <= 8 && b2j_norm_re_match(&RE, u, strlen(u), 0, NULL, 0);
}

/* Deadlines and dates are targets in time, not quantities. */
static bool is_date_like(b2j_dec v, const char *unit) {
  static b2j_norm_re RE = B2J_NORM_RE("前|底|末|完成|截止|之内|以后|之后");
  if (b2j_norm_re_match(&RE, unit, strlen(unit), 0, NULL, 0))
    return true;
  /* "2023年": a year, not fifteen years. */
  if (v.scale == 0 && v.coef >= 1900 && v.coef <= 2100 && g_str_has_prefix(unit, "年"))
    return true;
  return false;
}

static void set_qualitative(b2j_expr *out) {
  g_free(out->op);
  g_free(out->unit);
  out->op = NULL;
  out->unit = NULL;
  out->value.present = false;
}

/* Parses `work` (NFKC'd, trimmed) into out's op/value/unit. */
static bool parse_work(const char *work, b2j_expr *out) {
  /* LaTeX from OCR: "$\geq 80\%$". */
  GString *w = g_string_new(NULL);
  for (const char *p = work; *p; p++) {
    if (*p == '$')
      continue;
    if (p[0] == '\\' && p[1] == '%')
      continue; /* "\%" → "%": drop the backslash */
    g_string_append_c(w, *p);
  }
  const char *p = w->str;
  while (*p == ' ')
    p++;
  size_t n = 0;
  const char *op = b2j_op_parse(p, &n);
  p += n;
  while (*p == ' ')
    p++;

  /* One number; a wrapped decimal ("2.4335 77") joins, since the cell holds a
   * single value and a decimal cannot be followed by a second number and a unit. */
  static b2j_norm_re NUM = B2J_NORM_RE("^([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+(?: \\d+)?)?)\\s*(.*)$");
  PCRE2_SIZE ov[6];
  bool ok = b2j_norm_re_match(&NUM, p, strlen(p), 0, ov, 3);
  b2j_dec v = {0, 0};
  char *unit = NULL;
  if (ok) {
    char buf[64];
    size_t k = 0;
    for (PCRE2_SIZE i = ov[2]; i < ov[3] && k + 1 < sizeof buf; i++)
      if (p[i] != ',' && p[i] != ' ' && p[i] != '+')
        buf[k++] = p[i];
    buf[k] = '\0';
    ok = b2j_dec_parse(buf, &v);
  }
  if (ok) {
    unit = g_strndup(p + ov[4], (gsize)(ov[5] - ov[4]));
    g_strstrip(unit);
    size_t m, ul = strlen(unit);
    for (size_t i = 0; i < G_N_ELEMENTS(SUFFIX_OPS); i++) {
      if (ends_with(unit, ul, SUFFIX_OPS[i].text, &m)) {
        unit[ul - m] = '\0';
        g_strchomp(unit);
        if (!op)
          op = SUFFIX_OPS[i].op;
        break;
      }
    }
    if (*unit && (!unit_ok(unit) || is_date_like(v, unit)))
      ok = false;
  }
  g_string_free(w, TRUE);
  if (!ok) {
    g_free(unit);
    set_qualitative(out);
    return false;
  }
  out->op = op ? g_strdup(op) : NULL;
  out->value.present = true;
  out->value.value = v;
  if (*unit) {
    out->unit = unit;
  } else {
    g_free(unit);
    out->unit = NULL;
  }
  return true;
}

bool b2j_expr_parse(const char *raw, b2j_expr *out) {
  memset(out, 0, sizeof *out);
  if (!raw)
    return false;
  char *rep = b2j_text_repair(raw, NULL);
  if (!*rep) {
    g_free(rep);
    return false;
  }
  out->raw = rep;
  char *work = b2j_norm_nfkc_trim(rep);
  bool r = parse_work(work, out);
  g_free(work);
  return r;
}

bool b2j_expr_parse_parts(const char *op_text, const char *value_text, const char *unit_text,
                          b2j_expr *out) {
  memset(out, 0, sizeof *out);
  char *o = b2j_text_repair(op_text, NULL);
  char *v = b2j_text_repair(value_text, NULL);
  char *u = b2j_text_repair(unit_text, NULL);
  char *joined = g_strconcat(o, v, u, NULL);
  bool r = false;
  if (*joined) {
    out->raw = joined;
    joined = NULL;
    size_t n = 0;
    const char *op = *o ? b2j_op_parse(o, &n) : NULL;
    b2j_number num;
    bool is_num = b2j_number_parse(v, &num);
    /* The operator cell must be an operator and nothing else ("定性" is not);
     * the value cell one number; the unit cell a unit. */
    bool op_ok = !*o || (op && o[n] == '\0');
    bool quant = op_ok && is_num && !num.percent && (!*u || unit_ok(u));
    if (quant) {
      out->op = op ? g_strdup(op) : NULL;
      out->value.present = true;
      out->value.value = num.value;
      out->unit = *u ? g_strdup(u) : NULL;
      r = true;
    } else if (op_ok && is_num && num.percent && !*u) {
      /* "≥" | "90%" | "": the percent sign sits in the value cell. */
      out->op = op ? g_strdup(op) : NULL;
      out->value.present = true;
      out->value.value = num.value;
      out->unit = g_strdup("%");
      r = true;
    }
  }
  g_free(joined);
  g_free(o);
  g_free(v);
  g_free(u);
  return r;
}
