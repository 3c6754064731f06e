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
  /* A name with a score note after it whose bracket was misread
   * (经济效益指标人10分), 生态效益指标位0分)): the note holds a digit or 分,
   * and no name goes on after a level name. The longest name wins
   * (服务对象满意度指标 over 满意度指标, which it does not start with anyway). */
  const char *best = NULL;
  for (int i = 0; LEVELS[i]; i++)
    if (g_str_has_prefix(s, LEVELS[i]) && (!best || strlen(LEVELS[i]) > strlen(best)))
      best = LEVELS[i];
  if (best) {
    const char *rest = s + strlen(best);
    if (!*rest)
      return s;
    bool note = strstr(rest, "分") != NULL;
    for (const char *p = rest; *p && !note; p++)
      note = g_ascii_isdigit(*p);
    if (note) {
      g_free(s);
      if (corrected)
        *corrected = true;
      return g_strdup(best);
    }
    return s;
  }
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
  g_free(u);
  if (!hit || ties) {
    return s;
  }
  g_free(s);
  if (corrected)
    *corrected = true;
  return g_strdup(hit);
}
