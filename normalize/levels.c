/* Indicator level names (一级指标, 二级指标) are a closed vocabulary: the
 * national performance framework names them, and a table prints them, at
 * most, with a score note under the name ((10分)). A level cell read by OCR
 * with a note misread (经济效益指标人10分)) or one glyph off (可持续影1向指标)
 * is still that name. */
#include <string.h>

#include "normalize.h"

static const char *const LEVELS[] = {
    "产出指标",   "效益指标",     "满意度指标",     "成本指标",     "数量指标",
    "质量指标",   "时效指标",     "经济效益指标",   "社会效益指标", "生态效益指标",
    "可持续影响指标", "服务对象满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
    "可持续发展指标", NULL};

/* Levenshtein distance between two short character strings, capped at 3. */
static int distance(const gunichar *a, glong na, const gunichar *b, glong nb) {
  if (na - nb > 3 || nb - na > 3)
    return 3;
  /* Names are under 16 characters; longer cells are never names. */
  int prev[32], cur[32];
  if (nb >= 31 || na >= 31)
    return 3;
  for (glong j = 0; j <= nb; j++)
    prev[j] = (int)j;
  for (glong i = 1; i <= na; i++) {
    cur[0] = (int)i;
    for (glong j = 1; j <= nb; j++) {
      int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      int del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = MIN(sub, MIN(del, ins));
    }
    memcpy(prev, cur, sizeof(int) * (size_t)(nb + 1));
  }
  return MIN(prev[nb], 3);
}

/* No whitespace, and nothing from the first bracket on: 产出指标 (50分). */
static char *strip(const char *cell) {
  GString *s = g_string_new(NULL);
  for (const char *p = cell; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if ((c == '(' || c == 0xff08) && s->len)
      break;
    if (!g_unichar_isspace(c))
      g_string_append_unichar(s, c);
  }
  return g_string_free(s, FALSE);
}

/* Punctuation, symbols and stray marks OCR reads off a speck or a rule
 * (经:齐效益指标, 可持续影响指标-) dropped: no level name holds any. */
static char *drop_marks(const char *s) {
  GString *o = g_string_new(NULL);
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_ispunct(c))
      continue;
    switch (g_unichar_type(c)) {
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
      continue;
    default:
      g_string_append_unichar(o, c);
    }
  }
  return g_string_free(o, FALSE);
}

/* The name `s` starts with, when what follows is a score note with its
 * bracket misread (经济效益指标人10分), 生态效益指标位0分)) or one stray glyph
 * (服务对象满意度指标昌): no name goes on after a level name by a glyph or
 * a note. NULL when `s` starts with none, or goes on further. Sets *exact
 * when `s` is the name itself. The longest name wins (服务对象满意度指标 over
 * 满意度指标, which it does not start with anyway). */
static const char *name_with_tail(const char *s, bool *exact) {
  *exact = false;
  const char *best = NULL;
  for (int i = 0; LEVELS[i]; i++)
    if (g_str_has_prefix(s, LEVELS[i]) && (!best || strlen(LEVELS[i]) > strlen(best)))
      best = LEVELS[i];
  if (!best)
    return NULL;
  const char *rest = s + strlen(best);
  if (!*rest) {
    *exact = true;
    return best;
  }
  if (!*g_utf8_next_char(rest))
    return best; /* one stray glyph */
  bool note = strstr(rest, "分") != NULL;
  for (const char *p = rest; *p && !note; p++)
    note = g_ascii_isdigit(*p);
  return note ? best : NULL;
}

/* Glyphs of `a` unlike those of `b` at the same place, both n long. */
static int glyphs_off(const gunichar *a, const gunichar *b, glong n) {
  int d = 0;
  for (glong i = 0; i < n; i++)
    d += a[i] != b[i];
  return d;
}

/* The name `s` is a misreading of, or NULL. `s` has no marks. */
static const char *nearest(const char *s) {
  /* One glyph off, or two for a name of six or more: the nearest name when
   * it is the only one that near. Only substitutions and marks added (the
   * reading as long as the name or longer): a shorter cell is a name cut by
   * a wrap or a name of the report's own (社会效益), not a misreading. */
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast(s, -1, &n);
  const char *hit = NULL;
  int hit_d = 3, ties = 0;
  for (int i = 0; LEVELS[i]; i++) {
    glong m = 0;
    gunichar *v = g_utf8_to_ucs4_fast(LEVELS[i], -1, &m);
    int d = n >= m ? distance(u, n, v, m) : 3;
    g_free(v);
    if (d > (m >= 6 ? 2 : 1))
      continue;
    if (d < hit_d) {
      hit = LEVELS[i];
      hit_d = d;
      ties = 0;
    } else if (d == hit_d) {
      ties++;
    }
  }
  if (hit || ties) {
    g_free(u);
    return ties ? NULL : hit;
  }
  /* Further off, a name of six glyphs or more read glyph for glyph: every
   * name ends in 指标, so those two glyphs tell no name from another and may
   * be read anyhow (经济效益折杯, 服务对象满意度指本); the glyphs before them
   * (its stem) must be the name's but for one in three, rounded up
   * (经齐效益, 可持给影咏, 服务对象贞六度), and every other name's stem of
   * that length must be further off. */
  int best = 99, second = 99;
  hit = NULL;
  for (int i = 0; LEVELS[i]; i++) {
    glong m = 0;
    gunichar *v = g_utf8_to_ucs4_fast(LEVELS[i], -1, &m);
    if (m == n && m >= 6) {
      int d = glyphs_off(u, v, m - 2);
      if (d < best) {
        second = best;
        best = d;
        hit = LEVELS[i];
      } else if (d < second) {
        second = d;
      }
    }
    g_free(v);
  }
  /* Every glyph of the reading Chinese: a code or a number is no name. */
  bool han = true;
  for (glong i = 0; i < n; i++)
    han = han && g_unichar_get_script(u[i]) == G_UNICODE_SCRIPT_HAN;
  g_free(u);
  if (!hit || !han || best > (n - 1) / 3 || second <= best)
    return NULL;
  return hit;
}

/* `s` without a score note at its end whose bracket was misread or lost
 * (人10分, 15分): the glyphs before its digits, and one glyph fewer (the
 * bracket read as a glyph), tried in that order by nearest(). NULL when `s`
 * ends in no such note. */
static const char *nearest_before_note(const char *s) {
  const char *end = s + strlen(s);
  const char *fen = "分";
  size_t fl = strlen(fen);
  if ((size_t)(end - s) <= fl || strcmp(end - fl, fen) != 0)
    return NULL;
  const char *p = end - fl;
  while (p > s && (g_ascii_isdigit(p[-1]) || p[-1] == '.'))
    p--;
  if (p == end - fl || !g_ascii_isdigit(*p))
    return NULL;
  char *head = g_strndup(s, (size_t)(p - s));
  const char *hit = *head ? nearest(head) : NULL;
  if (!hit && *head) {
    char *last = g_utf8_find_prev_char(head, head + strlen(head));
    if (last && last > head) {
      *last = '\0';
      hit = nearest(head);
    }
  }
  g_free(head);
  return hit;
}

char *b2j_indicator_level(const char *cell, bool *corrected) {
  if (corrected)
    *corrected = false;
  if (!cell)
    return NULL;
  char *s = strip(cell);
  if (!*s) {
    g_free(s);
    return NULL;
  }
  bool exact = false;
  const char *hit = name_with_tail(s, &exact);
  if (exact)
    return s;
  if (!hit) {
    char *bare = drop_marks(s);
    hit = name_with_tail(bare, &exact);
    if (!hit && *bare)
      hit = nearest(bare);
    if (!hit && *bare)
      hit = nearest_before_note(bare);
    g_free(bare);
  }
  if (!hit)
    return s;
  g_free(s);
  if (corrected)
    *corrected = true;
  return g_strdup(hit);
}

bool b2j_indicator_level_known(const char *name) {
  for (int i = 0; name && LEVELS[i]; i++)
    if (strcmp(name, LEVELS[i]) == 0)
      return true;
  return false;
}

/* The framework's 二级指标 under each 一级指标. 成本指标 has none: it is a
 * 二级 under 产出指标 in the older framework and a 一级 of its own (over
 * 经济成本指标 …) in the newer one, and a reading cannot tell which. */
static const struct {
  const char *level2, *level1;
} PARENTS[] = {{"数量指标", "产出指标"},         {"质量指标", "产出指标"},
               {"时效指标", "产出指标"},         {"经济效益指标", "效益指标"},
               {"社会效益指标", "效益指标"},     {"生态效益指标", "效益指标"},
               {"可持续影响指标", "效益指标"},   {"可持续发展指标", "效益指标"},
               {"服务对象满意度指标", "满意度指标"}, {"经济成本指标", "成本指标"},
               {"社会成本指标", "成本指标"},     {"生态环境成本指标", "成本指标"}};

const char *b2j_indicator_level_parent(const char *level2) {
  for (guint i = 0; level2 && i < G_N_ELEMENTS(PARENTS); i++)
    if (strcmp(level2, PARENTS[i].level2) == 0)
      return PARENTS[i].level1;
  return NULL;
}

/* The framework's 二级指标 in the order its tables print them under each
 * 一级指标 (成本指标 under 产出指标 in the older framework; 可持续影响指标 and
 * the older 可持续发展指标 at one place). */
static const struct {
  const char *level1, *level2;
  int rank;
} ORDER[] = {{"产出指标", "数量指标", 0},         {"产出指标", "质量指标", 1},
             {"产出指标", "时效指标", 2},         {"产出指标", "成本指标", 3},
             {"效益指标", "经济效益指标", 0},     {"效益指标", "社会效益指标", 1},
             {"效益指标", "生态效益指标", 2},     {"效益指标", "可持续影响指标", 3},
             {"效益指标", "可持续发展指标", 3},   {"成本指标", "经济成本指标", 0},
             {"成本指标", "社会成本指标", 1},     {"成本指标", "生态环境成本指标", 2}};

static int rank_of(const char *level1, const char *level2) {
  for (guint i = 0; level1 && level2 && i < G_N_ELEMENTS(ORDER); i++)
    if (strcmp(ORDER[i].level1, level1) == 0 && strcmp(ORDER[i].level2, level2) == 0)
      return ORDER[i].rank;
  return -1;
}

const char *b2j_indicator_level_between(const char *level1, const char *before, const char *after,
                                        const char *cut) {
  int a = rank_of(level1, before), b = rank_of(level1, after);
  if (a < 0 || b != a + 2 || !cut || !*cut)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS(ORDER); i++)
    if (strcmp(ORDER[i].level1, level1) == 0 && ORDER[i].rank == a + 1)
      return g_str_has_suffix(ORDER[i].level2, cut) && strcmp(ORDER[i].level2, cut) != 0
                 ? ORDER[i].level2
                 : NULL;
  return NULL;
}

bool b2j_indicator_level_like(const char *reading, const char *name) {
  if (!reading || !name)
    return false;
  glong n = 0, m = 0;
  gunichar *u = g_utf8_to_ucs4_fast(reading, -1, &n);
  gunichar *v = g_utf8_to_ucs4_fast(name, -1, &m);
  int d = distance(u, n, v, m);
  g_free(u);
  g_free(v);
  return n >= 3 && d <= 2 && d * 2 < m;
}

/* Two-glyph stems of the rates these reports measure (…率), and the glyphs
 * that end another word on them (满意度, 及时性, 完成数, 覆盖面, 执行额,
 * 参保人, 完成情况): after a stem those are a word, not 率 misread. */
static const char *const RATE_STEMS[] = {"覆盖", "知晓", "参与", "完成", "合格", "准确", "及时",
                                         "执行", "到位", "结算", "办结", "使用", "参保", "受益",
                                         "达标", "满意", NULL};
#define RATE_STEM_ENDINGS "度性数量值额面人户次项期情况"

char *b2j_indicator_name_rate(const char *name) {
  glong n = 0;
  gunichar *u = name ? g_utf8_to_ucs4_fast(name, -1, &n) : NULL;
  char *out = NULL;
  const gunichar rate = 0x7387; /* 率 */
  if (u && n >= 3 && u[n - 1] != rate &&
      g_unichar_get_script(u[n - 1]) == G_UNICODE_SCRIPT_HAN &&
      !g_utf8_strchr(RATE_STEM_ENDINGS, -1, u[n - 1])) {
    for (int i = 0; RATE_STEMS[i] && !out; i++) {
      gunichar a = g_utf8_get_char(RATE_STEMS[i]);
      gunichar b = g_utf8_get_char(g_utf8_next_char(RATE_STEMS[i]));
      if (u[n - 3] == a && u[n - 2] == b) {
        u[n - 1] = rate;
        out = g_ucs4_to_utf8(u, n, NULL, NULL, NULL);
      }
    }
  }
  g_free(u);
  return out;
}

/* Glyphs that end a word on 数 (数量, 数据, 数额, 数目, 数值, 数字) or 次
 * (次数, 一次性, 次序), and the rate's 率. */
#define COUNT_WORD_ENDINGS "量据额目值字率数性序"

char *b2j_indicator_name_count(const char *name) {
  glong n = 0;
  gunichar *u = name ? g_utf8_to_ucs4_fast(name, -1, &n) : NULL;
  char *out = NULL;
  const gunichar shu = 0x6570 /* 数 */, ci = 0x6b21 /* 次 */;
  /* The stem's position: the last 数 or 次 with one or two glyphs after it. */
  glong at = -1;
  for (glong i = n - 2; u && i >= MAX(2, n - 3) && at < 0; i--)
    if (u[i] == shu || u[i] == ci)
      at = i;
  bool junk = at >= 0;
  for (glong i = at + 1; junk && i < n; i++) {
    bool han = g_unichar_get_script(u[i]) == G_UNICODE_SCRIPT_HAN;
    /* The tail: a glyph that ends no word on the stem, or marks (数):). */
    junk = han ? !g_utf8_strchr(COUNT_WORD_ENDINGS, -1, u[i]) && i == n - 1 && at == n - 2
               : (u[i] < 0x80 && g_ascii_ispunct((char)u[i]));
  }
  if (junk) {
    u[at + 1] = u[at] == shu ? 0x91cf /* 量 */ : shu;
    out = g_ucs4_to_utf8(u, at + 2, NULL, NULL, NULL);
  }
  g_free(u);
  return out;
}
