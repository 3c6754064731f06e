/* Text repair (look-alikes, widths, spacing) and text-layer quality. */
#include "normalize_internal.h"

#include <string.h>

/* CJK Radicals Supplement glyphs that look exactly like a whole character
 * and that NFKC leaves alone (only U+2E9F and U+2EF3 have compatibility
 * mappings). PDF fonts use them for the simplified characters; radical-only
 * shapes (⻈ 讠, ⻐ 钅, ⻖ 阝) are not characters and are left as they are. */
static const struct {
  gunichar from, to;
} RADICAL_SUPPLEMENT[] = {
    {0x2EA0, 0x6C11}, /* ⺠ 民 */ {0x2EC5, 0x89C1}, /* ⻅ 见 */ {0x2EC6, 0x89D2}, /* ⻆ 角 */
    {0x2EC9, 0x8D1D}, /* ⻉ 贝 */ {0x2ECB, 0x8F66}, /* ⻋ 车 */ {0x2ED3, 0x957F}, /* ⻓ 长 */
    {0x2ED4, 0x95E8}, /* ⻔ 门 */ {0x2ED9, 0x97E6}, /* ⻙ 韦 */ {0x2EDA, 0x9875}, /* ⻚ 页 */
    {0x2EDB, 0x98CE}, /* ⻛ 风 */ {0x2EDC, 0x98DE}, /* ⻜ 飞 */ {0x2EE2, 0x9A6C}, /* ⻢ 马 */
    {0x2EE3, 0x9AA8}, /* ⻣ 骨 */ {0x2EE5, 0x9C7C}, /* ⻥ 鱼 */ {0x2EE6, 0x9E1F}, /* ⻦ 鸟 */
    {0x2EE7, 0x5364}, /* ⻧ 卤 */ {0x2EE8, 0x9EA6}, /* ⻨ 麦 */ {0x2EE9, 0x9EC4}, /* ⻩ 黄 */
    {0x2EEA, 0x9EFE}, /* ⻪ 黾 */ {0x2EEC, 0x9F50}, /* ⻬ 齐 */ {0x2EEE, 0x9F7F}, /* ⻮ 齿 */
    {0x2EF0, 0x9F99}, /* ⻰ 龙 */
};

static gunichar radical_supplement(gunichar c) {
  if (c < 0x2E80 || c > 0x2EFF)
    return 0;
  for (size_t i = 0; i < G_N_ELEMENTS(RADICAL_SUPPLEMENT); i++)
    if (RADICAL_SUPPLEMENT[i].from == c)
      return RADICAL_SUPPLEMENT[i].to;
  return 0;
}

/* Characters NFKC would change but that carry meaning in report prose. */
static bool keep_as_is(gunichar c) {
  switch (c) {
  case 0xFF08: /* （ */
  case 0xFF09: /* ） */
  case 0xFF0C: /* ， */
  case 0xFF1A: /* ： */
  case 0xFF1B: /* ； */
  case 0xFF01: /* ！ */
  case 0xFF1F: /* ？ */
  case 0xFF1D: /* ＝ (a goal table's 指标性质 column prints it) */
  case 0xFF3B: /* ［ */
  case 0xFF3D: /* ］ */
  case 0xFF5B: /* ｛ */
  case 0xFF5D: /* ｝ */
  case 0xFF5E: /* ～ */
  case 0x2026: /* … (NFKC: "...") */
    return true;
  default:
    break;
  }
  /* ① ⑴ ⒈ Ⓐ, ㈠ ㊀, Ⅰ Ⅱ: list markers; NFKC would make "①完成" read "1完成". */
  return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x3200 && c <= 0x32FF) ||
         (c >= 0x2160 && c <= 0x217F);
}

static bool is_pua(gunichar c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) ||
         (c >= 0x100000 && c <= 0x10FFFD);
}

static bool is_invisible(gunichar c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

static bool is_control(gunichar c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

static bool is_lookalike_block(gunichar c) {
  return (c >= 0x2F00 && c <= 0x2FDF) || (c >= 0x2E80 && c <= 0x2EFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

/* Wide (CJK) characters: ideographs, kana, CJK punctuation, full-width forms,
 * Chinese quotes and dashes, enclosed numbers. */
static bool is_wide(gunichar c) {
  return b2j_norm_is_han(c) || (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x30FF) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2026 ||
         (c >= 0x2460 && c <= 0x24FF) || (c >= 0x3200 && c <= 0x32FF);
}

/* Narrow characters that join a CJK neighbour without a space. */
static bool is_narrow_word(gunichar c) {
  return (c < 0x80 && g_ascii_isalnum((char)c)) || c == '%' || c == '(' || c == ')' ||
         c == '[' || c == ']';
}

/* Appends the NFKC form of c, counting what kind of fold it was. */
static void append_folded(GString *out, gunichar c, b2j_repair_info *info) {
  if (c < 0x80) {
    g_string_append_c(out, (char)c);
    return;
  }
  gunichar dec[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose(c, TRUE, dec, G_N_ELEMENTS(dec));
  if (n == 1 && dec[0] == c) { /* the common case: nothing to fold */
    g_string_append_unichar(out, c);
    return;
  }
  char buf[8];
  int len = g_unichar_to_utf8(c, buf);
  char *k = g_utf8_normalize(buf, len, G_NORMALIZE_NFKC);
  if (!k) {
    g_string_append_len(out, buf, len);
    return;
  }
  if (strcmp(k, buf) != 0 || (size_t)len != strlen(k)) {
    if (is_lookalike_block(c))
      info->lookalikes++;
    else if (c >= 0xFF01 && c <= 0xFF5E)
      info->fullwidth++;
    else
      info->other_folded++;
  }
  g_string_append(out, k);
  g_free(k);
}

static bool is_any_digit(gunichar c) {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* A full-width comma inside a number ("187，267，966.43"): a digit before it,
 * exactly three digits after it, then no further digit. */
static bool is_grouping_comma(const GString *out, const char *p) {
  if (!out->len || !g_ascii_isdigit(out->str[out->len - 1]))
    return false;
  const char *q = g_utf8_next_char(p);
  for (int i = 0; i < 3; i++) {
    if (!*q || !is_any_digit(g_utf8_get_char(q)))
      return false;
    q = g_utf8_next_char(q);
  }
  return !*q || !is_any_digit(g_utf8_get_char(q));
}

/* First pass: character mapping. White space comes out as single ASCII
 * spaces (runs kept: the second pass decides). */
static char *map_chars(const char *s, b2j_repair_info *info) {
  GString *out = g_string_sized_new(strlen(s) + 8);
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    info->chars++;
    gunichar r;
    if (c == 0x201E) {
      g_string_append(out, "〔");
      info->brackets++;
    } else if (c == 0x201F) {
      g_string_append(out, "〕");
      info->brackets++;
    } else if (is_invisible(c)) {
      info->invisible++;
    } else if (c == '\t') {
      g_string_append_c(out, '\t'); /* a column boundary: kept by fix_spacing */
    } else if (b2j_norm_is_space(c)) {
      g_string_append_c(out, ' ');
    } else if (is_control(c)) {
      info->controls++;
    } else if (is_pua(c)) {
      info->pua++;
      g_string_append_unichar(out, c);
    } else if (c == 0xFFFD) {
      info->replacement++;
      g_string_append_unichar(out, c);
    } else if (c == 0xFF0C && is_grouping_comma(out, p)) {
      g_string_append_c(out, ','); /* a separator in a number, not prose */
      info->fullwidth++;
    } else if (keep_as_is(c)) {
      g_string_append_unichar(out, c);
    } else if ((r = radical_supplement(c)) != 0) {
      info->lookalikes++;
      g_string_append_unichar(out, r);
    } else {
      append_folded(out, c, info);
    }
  }
  return g_string_free(out, FALSE);
}

/* True when out (so far) is a subject code standing alone at the start:
 * "2101101", "301", "208 05 05". Its space before the name is kept. */
static bool is_leading_code(const GString *out) {
  static b2j_norm_re RE = B2J_NORM_RE("^(?:\\d{3}|\\d{5}|\\d{7}|\\d{3} \\d{2}(?: \\d{2})?)$");
  return b2j_norm_re_match(&RE, out->str, out->len, 0, NULL, 0);
}

/* Second pass: white space runs become one space or nothing. */
static char *fix_spacing(const char *s, b2j_repair_info *info) {
  GString *out = g_string_sized_new(strlen(s));
  gunichar prev = 0; /* last character written, 0 at the start */
  const char *p = s;
  while (*p) {
    gunichar c = g_utf8_get_char(p);
    if (c != ' ' && c != '\t') {
      g_string_append_unichar(out, c);
      prev = c;
      p = g_utf8_next_char(p);
      continue;
    }
    bool tab = false;
    while (*p == ' ' || *p == '\t')
      tab |= *p++ == '\t';
    if (!*p || prev == 0)
      continue; /* leading or trailing: trimmed */
    if (tab) {
      /* Tabs separate cells in tabular text: one stays, never joined. */
      g_string_append_c(out, '\t');
      prev = '\t';
      continue;
    }
    gunichar next = g_utf8_get_char(p);
    bool wp = is_wide(prev), wn = is_wide(next);
    bool join = (wp && wn) || (wp && is_narrow_word(next)) ||
                (wn && is_narrow_word(prev) && !is_leading_code(out));
    if (join) {
      info->spaces_removed++;
      if (wp && wn && (b2j_norm_is_han(prev) || b2j_norm_is_han(next)))
        info->cjk_gaps++;
    } else {
      g_string_append_c(out, ' ');
    }
  }
  return g_string_free(out, FALSE);
}

char *b2j_text_repair(const char *s, b2j_repair_info *info) {
  b2j_repair_info local;
  if (!info)
    info = &local;
  memset(info, 0, sizeof *info);
  if (!s)
    return g_strdup("");
  char *valid = g_utf8_make_valid(s, -1);
  char *mapped = map_chars(valid, info);
  g_free(valid);
  /* NFC joins combining marks that per-character folding left apart. */
  char *nfc = g_utf8_normalize(mapped, -1, G_NORMALIZE_NFC);
  g_free(mapped);
  char *res = fix_spacing(nfc ? nfc : "", info);
  g_free(nfc);
  return res;
}

char *b2j_text_match_key(const char *s) {
  char *rep = b2j_text_repair(s, NULL);
  char *k = g_utf8_normalize(rep, -1, G_NORMALIZE_NFKC);
  g_free(rep);
  GString *out = g_string_new(NULL);
  for (const char *p = k ? k : ""; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (b2j_norm_is_space(c))
      continue;
    g_string_append_unichar(out, c < 0x80 ? (gunichar)g_ascii_tolower((char)c) : c);
  }
  g_free(k);
  return g_string_free(out, FALSE);
}

/* ---------- text-layer quality ---------- */

/* Latin-1 letters in quantity mean GBK bytes read as Latin-1 ("¸ÃÄê¶È"):
 * reports are Chinese, so a page of them with no ideographs is garbage. */
#define LAYER_LATIN1_SHARE 0.30

b2j_text_layer b2j_text_layer_assess(const char *text, b2j_layer_stats *stats) {
  b2j_layer_stats local;
  if (!stats)
    stats = &local;
  memset(stats, 0, sizeof *stats);
  char *rep = b2j_text_repair(text ? text : "", &stats->repair);
  size_t latin1 = 0;
  for (const char *p = rep; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c == ' ' || c == '\t')
      continue;
    stats->chars++;
    if (c >= 0xA1 && c <= 0xFF)
      latin1++;
    if (b2j_norm_is_han(c)) {
      stats->han++;
      if (b2j_norm_is_common_hanzi(c))
        stats->common_han++;
    }
  }
  g_free(rep);
  const b2j_repair_info *ri = &stats->repair;
  stats->bad = ri->pua + ri->replacement + ri->controls;
  /* Controls were dropped from the text; count them among what was there. */
  size_t seen = stats->chars + ri->controls;
  if (seen == 0)
    return B2J_LAYER_NONE;
  if ((double)stats->bad >= B2J_LAYER_BAD_SHARE * (double)seen)
    return B2J_LAYER_GARBLED;
  if (stats->han >= B2J_LAYER_MIN_HAN &&
      (double)stats->common_han < B2J_LAYER_COMMON_SHARE * (double)stats->han)
    return B2J_LAYER_GARBLED;
  if (stats->han < B2J_LAYER_MIN_HAN && stats->chars >= B2J_LAYER_MIN_HAN &&
      (double)latin1 >= LAYER_LATIN1_SHARE * (double)stats->chars)
    return B2J_LAYER_GARBLED;
  if (ri->lookalikes > 0 ||
      (stats->han > 0 && (double)ri->cjk_gaps > B2J_LAYER_GAP_SHARE * (double)stats->han))
    return B2J_LAYER_REPAIRED;
  return B2J_LAYER_CLEAN;
}

b2j_text_layer b2j_text_layer_assess_words(const char *const *words, size_t n,
                                           b2j_layer_stats *stats) {
  GString *all = g_string_new(NULL);
  for (size_t i = 0; i < n; i++) {
    if (!words || !words[i])
      continue;
    if (all->len)
      g_string_append_c(all, ' ');
    g_string_append(all, words[i]);
  }
  b2j_text_layer t = b2j_text_layer_assess(all->str, stats);
  g_string_free(all, TRUE);
  return t;
}
