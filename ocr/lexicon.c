/* The document's own vocabulary: subject names (the national classification),
 * standard table titles, header words and indicator levels. OCR of Chinese
 * mostly fails one character at a time (支出 read as 文出), so a reading one
 * substitution (or one extra character) from exactly one entry of four or
 * more characters is that entry. */
#include <string.h>

#include "ocr_internal.h"

#include "lexicon_data.h"

#define MIN_ENTRY_CHARS 4

typedef struct {
  gunichar *chars;
  glong len;
  const char *utf8; /* static */
} entry;

struct b2j_lexicon {
  entry *entries;
  guint n;
};

b2j_lexicon *b2j_lexicon_new(void) {
  b2j_lexicon *lex = g_new0(b2j_lexicon, 1);
  guint n = G_N_ELEMENTS(B2J_LEXICON);
  lex->entries = g_new0(entry, n);
  for (guint i = 0; i < n; i++) {
    glong len = 0;
    gunichar *u = g_utf8_to_ucs4_fast(B2J_LEXICON[i], -1, &len);
    if (len < MIN_ENTRY_CHARS) {
      g_free(u);
      continue;
    }
    lex->entries[lex->n++] = (entry){u, len, B2J_LEXICON[i]};
  }
  return lex;
}

void b2j_lexicon_free(b2j_lexicon *lex) {
  if (!lex)
    return;
  for (guint i = 0; i < lex->n; i++)
    g_free(lex->entries[i].chars);
  g_free(lex->entries);
  g_free(lex);
}

/* 0 when `a` (the reading) equals `b` (the entry), 1 when one substitution
 * or one extra character apart, 2 for anything further. */
static int edit_at_most_one(const gunichar *a, glong na, const gunichar *b, glong nb) {
  if (na == nb) {
    int diff = 0;
    for (glong i = 0; i < na && diff < 2; i++)
      diff += a[i] != b[i];
    return diff;
  }
  /* Only an extra character in the reading (a stray mark read as a
   * glyph): a missing one is as likely the cell's text wrapping onto the
   * next line. */
  if (na != nb + 1)
    return 2;
  glong i = 0;
  while (i < nb && a[i] == b[i])
    i++;
  /* The extra character must be a mark, not a glyph: 本年收入合 is 本年收入合计
   * cut by a wrap, not 本年收入 with noise. */
  if (g_unichar_get_script(a[i]) == G_UNICODE_SCRIPT_HAN)
    return 2;
  for (glong j = i; j < nb; j++)
    if (b[j] != a[j + 1])
      return 2;
  return 1;
}

/* Length in bytes of a leading enumeration or lead-in that is not part of
 * the name: 一、 （二） (3) 1. 其中： */
static size_t lead_in(const char *text) {
  static const char *const leads[] = {"其中：", "其中:", NULL};
  for (int i = 0; leads[i]; i++)
    if (g_str_has_prefix(text, leads[i]))
      return strlen(leads[i]);
  const char *p = text;
  bool open = false;
  if (g_str_has_prefix(p, "（") || *p == '(') {
    open = true;
    p = g_utf8_next_char(p);
  }
  const char *digits = p;
  while (*p && (g_ascii_isdigit(*p) ||
                g_utf8_strchr("一二三四五六七八九十", -1, g_utf8_get_char(p))))
    p = g_utf8_next_char(p);
  if (p == digits)
    return 0;
  if (open && (g_str_has_prefix(p, "）") || *p == ')'))
    return (size_t)(g_utf8_next_char(p) - text);
  if (!open && (g_str_has_prefix(p, "、") || *p == '.'))
    return (size_t)(g_utf8_next_char(p) - text);
  return 0;
}

static char *lookup_name(const b2j_lexicon *lex, const char *text);

char *b2j_lexicon_lookup(const b2j_lexicon *lex, const char *text) {
  if (!lex || !text)
    return NULL;
  size_t lead = lead_in(text);
  if (lead == 0)
    return lookup_name(lex, text);
  char *fixed = lookup_name(lex, text + lead);
  if (!fixed)
    return NULL;
  char *out = g_strdup_printf("%.*s%s", (int)lead, text, fixed);
  g_free(fixed);
  return out;
}

static char *lookup_name(const b2j_lexicon *lex, const char *text) {
  glong len = 0;
  gunichar *u = g_utf8_to_ucs4_fast(text, -1, &len);
  /* Mostly Chinese only: a number or a code is never a lexicon word. */
  int han = 0;
  for (glong i = 0; i < len; i++)
    han += g_unichar_get_script(u[i]) == G_UNICODE_SCRIPT_HAN;
  const entry *hit = NULL;
  bool ambiguous = false;
  if (len >= MIN_ENTRY_CHARS && han * 4 >= len * 3) {
    for (guint i = 0; i < lex->n; i++) {
      const entry *e = &lex->entries[i];
      int d = edit_at_most_one(u, len, e->chars, e->len);
      /* A start or an end of an entry is one cut by a wrap (年度指标 of
       * 年度指标值): a word already. */
      if (d != 0 && len < e->len &&
          (memcmp(u, e->chars, (size_t)len * sizeof *u) == 0 ||
           memcmp(u, e->chars + (e->len - len), (size_t)len * sizeof *u) == 0))
        d = 0;
      if (d == 0) { /* already a word */
        hit = NULL;
        ambiguous = true;
        break;
      }
      if (d == 1) {
        if (hit)
          ambiguous = true;
        hit = e;
      }
    }
  }
  g_free(u);
  return hit && !ambiguous ? g_strdup(hit->utf8) : NULL;
}

char *b2j_ocr_lexicon_correct(const b2j_ocr_ctx *ctx, const char *text) {
  return ctx ? b2j_lexicon_lookup(ctx->lex, text) : NULL;
}
