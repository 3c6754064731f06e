/* Stray marks in OCR'd indicator values (≥90o%, 100%0, ”95o%, ≥90% -.).
 *
 * A scan's % is two small rings and a stroke; chi_sim reads a blurred one
 * with a ring as a glyph of its own: a lowercase o beside the % (a ring is
 * as small as an o; a digit 0 is as tall as the digits), a digit after it
 * (0, 6, 9), or a 9 or 0 before it. The same % alone in a cell reads
 * o%, 9%0, 0%6, 2%0, 9%6: so a digit beside a % is the number's only when
 * the reading leaves no doubt.
 *
 * Conservative by design: a whole word is repaired only when it is a value
 * (an operator, one number, a % or a short unit) with nothing else, and
 * only to the reading the marks leave no doubt about. A doubtful number
 * stays as read (unparsed, it shows as text): a wrong number that looks
 * right is worse than a visible misreading. */
#include <string.h>

#include "ocr.h"

/* Operators a value starts with (chi_sim's 之 and 》 are ≥ by now). */
static const char *const OPS[] = {"≥", "≤", "≧", "≦", "＝", "＞", "＜", "=", ">", "<", NULL};

static size_t op_len(const char *s) {
  for (int i = 0; OPS[i]; i++) {
    size_t n = strlen(OPS[i]);
    if (strncmp(s, OPS[i], n) == 0)
      return n;
  }
  return 0;
}

static bool is_han(gunichar c) {
  return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
}

/* The parts of a value word: [op][ ]int[.frac] then the tail. */
typedef struct {
  const char *op;  /* start of the operator (or of the number) */
  size_t op_n;     /* bytes of operator, with a space after it */
  const char *num; /* the number's first digit */
  size_t int_n;    /* digits before the point */
  size_t num_n;    /* bytes of the whole number */
  const char *tail;
} value_parts;

static bool split_value(const char *s, value_parts *v) {
  v->op = s;
  v->op_n = op_len(s);
  if (v->op_n && s[v->op_n] == ' ')
    v->op_n++;
  v->num = s + v->op_n;
  const char *p = v->num;
  while (g_ascii_isdigit(*p))
    p++;
  v->int_n = (size_t)(p - v->num);
  if (v->int_n == 0)
    return false;
  if (*p == '.' && g_ascii_isdigit(p[1])) {
    p++;
    while (g_ascii_isdigit(*p))
      p++;
  }
  v->num_n = (size_t)(p - v->num);
  v->tail = p;
  return true;
}

/* A short unit: one to three Chinese characters (年, 个, 人次). */
static bool han_unit(const char *s) {
  int n = 0;
  for (; *s; s = g_utf8_next_char(s), n++)
    if (!is_han(g_utf8_get_char(s)))
      return false;
  return n >= 1 && n <= 3;
}

/* Digits of the number without its point. */
static size_t count_digits(const char *s, size_t n) {
  size_t d = 0;
  for (size_t i = 0; i < n; i++)
    d += g_ascii_isdigit(s[i]) != 0;
  return d;
}

/* Whether the number (int_n digits, no point) is at most 100. */
static bool at_most_100(const char *num, size_t int_n) {
  while (int_n > 1 && *num == '0') {
    num++;
    int_n--;
  }
  return int_n < 3 || (int_n == 3 && strncmp(num, "100", 3) == 0);
}

/* Repairs the % tail of a value: "o%", "%o", "o%o", "%D" (D a digit) after
 * the number. Appends the clean value to `out` and returns true when the
 * tail is one of these and the number is certain; false (out untouched)
 * otherwise. A clean "%" is appended too (returns true, *changed false). */
static bool percent_value(const value_parts *v, GString *out, bool *changed) {
  const char *t = v->tail;
  bool o_before = false, o_after = false;
  char digit_after = 0;
  if (*t == 'o') {
    o_before = true;
    t++;
  }
  if (*t != '%')
    return false;
  t++;
  bool han_after = false;
  if (*t == 'o')
    o_after = true;
  else if (g_ascii_isdigit(*t))
    digit_after = *t;
  else if (is_han(g_utf8_get_char(t)) && !*g_utf8_next_char(t) &&
           !g_utf8_strchr("以及左含上下内外", -1, g_utf8_get_char(t)))
    /* One glyph glued after the % (≥92%鸣: a speck or a seal's stroke
     * named), no word's start (以上, 左右, 含): dropped. */
    han_after = true;
  else if (*t)
    return false; /* 以上, a letter, a second % */
  if (*t && !han_after && t[1])
    return false; /* more than one mark after the % */
  size_t keep = v->num_n;
  bool frac = keep != v->int_n;
  bool marks = o_before || o_after || digit_after || han_after;
  /* A lone % reads 9%0, 2%0, 0%6, 9%o: one digit is no number's evidence. */
  if (marks && count_digits(v->num, v->num_n) < 2)
    return false;
  if (digit_after && !o_before) {
    /* The digit after the % is a ring; the one before may be the other
     * ring (≥929%0 is ≥92%, ≥910%6 is ≥91%). A 9 ending a three-digit
     * whole number over 100 is one (109% with a ring after is rarer than
     * a 9 for the ring); 0 and 2 are left alone (110%, 120% are real
     * values, 10%0 may be 1%), except 100 itself. */
    char last = v->num[v->num_n - 1];
    bool hundred = !frac && v->int_n == 3 && strncmp(v->num, "100", 3) == 0;
    if (!frac && v->int_n == 3 && last == '9' && !at_most_100(v->num, v->int_n))
      keep--;
    else if (strchr("029", last) && !hundred)
      return false;
  }
  /* Over 100% it is no share but a misread digit (≥995o% for ≥95%). */
  if (marks && !at_most_100(v->num, frac ? v->int_n : keep))
    return false;
  if (marks && frac && v->int_n >= 3)
    return false;
  if (han_after && (frac || !at_most_100(v->num, v->int_n)))
    return false;
  g_string_append_len(out, v->op, (gssize)v->op_n);
  g_string_append_len(out, v->num, (gssize)keep);
  g_string_append_c(out, '%');
  *changed = marks;
  return true;
}

/* A trailing word of specks: "-." "." "," (a lone dash is a cell's value). */
static bool speck_word(const char *s) {
  size_t n = strlen(s);
  return n >= 1 && n <= 2 && strspn(s, "-.,") == n && strpbrk(s, ".,");
}

char *b2j_ocr_marks_correct(const char *text) {
  if (!text || !*text || !g_utf8_validate(text, -1, NULL))
    return NULL;
  /* The % alone (度量单位 of a goal table) with a ring read o. */
  if (strcmp(text, "o%") == 0)
    return g_strdup("%");
  const char *s = text;
  bool lead = false, lead_ren = false;
  /* A closing quote cannot open a value: a speck. */
  if (g_str_has_prefix(s, "”") || g_str_has_prefix(s, "’")) {
    s += strlen("”");
    if (*s == ' ')
      s++;
    lead = true;
  } else if (g_str_has_prefix(s, "人") && g_ascii_isdigit(s[strlen("人")])) {
    /* 人 glued before a percentage (人98%): no unit precedes a number. */
    s += strlen("人");
    lead = lead_ren = true;
  }
  char *core = NULL;
  const char *sp = strchr(s, ' ');
  bool trail = false;
  value_parts v;
  if (sp) {
    /* "≥90% -.": the value, then specks; the only space allowed besides
     * one after the operator. */
    const char *after_op = s + op_len(s);
    if (*after_op == ' ')
      sp = strchr(after_op + 1, ' ');
  }
  if (sp) {
    if (!speck_word(sp + 1))
      return NULL;
    core = g_strndup(s, (gsize)(sp - s));
    trail = true;
  } else {
    core = g_strdup(s);
  }
  char *result = NULL;
  if (split_value(core, &v)) {
    GString *out = g_string_new(NULL);
    bool changed = false;
    if (percent_value(&v, out, &changed)) {
      if (changed || lead || trail)
        result = g_string_free(out, FALSE);
      else
        g_string_free(out, TRUE);
    } else {
      g_string_free(out, TRUE);
      /* A clean number with a unit loses a lead quote only ("”15年"). */
      if (lead && !lead_ren && !trail && han_unit(v.tail))
        result = g_strdup(core);
    }
  }
  g_free(core);
  return result;
}

char *b2j_ocr_value_glyphs_correct(const char *text) {
  if (!text || !g_utf8_validate(text, -1, NULL))
    return NULL;
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast(text, -1, &n);
  bool changed = false;
  for (glong i = 1; i < n; i++) {
    /* Digits before and after: how many run back from i - 1. */
    glong d = 0;
    while (d < i && g_unichar_isdigit(u[i - 1 - d]))
      d++;
    if (d == 0)
      continue;
    gunichar before = i - 1 - d >= 0 ? u[i - 1 - d] : 0;
    if (u[i] == 0x82D1 /* 苑 */) {
      u[i] = 0x5143; /* 元: 苑 never follows a number */
      changed = true;
    } else if (u[i] == 0x4E14 /* 且 */ && d <= 2 && before == 0x5E74 /* 年 */ &&
               i + 1 < n && g_unichar_isdigit(u[i + 1])) {
      u[i] = 0x6708; /* 月 between a date's month and day */
      changed = true;
    } else if (u[i] == 0x65E6 /* 旦 */ && d <= 2 && before == 0x6708 /* 月 */) {
      u[i] = 0x65E5; /* 日 after a date's day */
      changed = true;
    }
  }
  char *out = changed ? g_ucs4_to_utf8(u, n, NULL, NULL, NULL) : NULL;
  g_free(u);
  return out;
}

bool b2j_ocr_speck_glyph(const char *text, int width, int height, int ink_w, int ink_h,
                         double conf, int n_tall) {
  if (!text || !g_utf8_validate(text, -1, NULL) || g_utf8_strlen(text, -1) != 1 ||
      !is_han(g_utf8_get_char(text)))
    return false;
  /* A Chinese glyph is about as wide as the line is high (the narrowest,
   * 川 or 卜, over half of it): one under 0.4 of the height, with no stroke
   * reaching past half the height and read without confidence, is a speck
   * (or a rule's remnant) that chi_sim named. */
  if (width <= 0 || height <= 0 || n_tall != 0 || conf >= 0.7)
    return false;
  /* The chunk's width counts its margins; a dot's own extent is smaller
   * than any character's (一 is as wide as the line is high). */
  return width * 5 < height * 2 || (ink_w * 2 < height && ink_h * 2 < height);
}
