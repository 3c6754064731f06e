/* Whole-cell numbers: exact decimals from printed and OCR'd cells. */
#include "normalize_internal.h"

#include <string.h>

/* Cells longer than this are prose, not a number. */
#define TOK_MAX 64

/* A cell reduced to ASCII number characters, each remembering the code-point
 * index it came from (for reporting fixes). */
typedef struct {
  char c[TOK_MAX + 1];
  int pos[TOK_MAX + 1];
  int n;
} tok;

static bool tok_push(tok *t, char c, int pos) {
  if (t->n >= TOK_MAX)
    return false;
  t->c[t->n] = c;
  t->pos[t->n] = pos;
  t->n++;
  t->c[t->n] = '\0';
  return true;
}

static void tok_delete(tok *t, int i) {
  memmove(t->c + i, t->c + i + 1, (size_t)(t->n - i)); /* moves the NUL too */
  memmove(t->pos + i, t->pos + i + 1, sizeof(int) * (size_t)(t->n - i));
  t->n--;
}

static bool add_fix(b2j_number *out, b2j_fix_kind kind, gunichar from, char to, int pos) {
  if (out->n_fixes >= B2J_NUM_MAX_FIXES)
    return false;
  out->fixes[out->n_fixes++] = (b2j_num_fix){kind, from, to, pos};
  return true;
}

static bool is_dash(gunichar c) {
  return c == '-' || c == 0x2010 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
         c == 0x2212 || c == 0xFF0D || c == 0x2500 || c == 0x2501 || c == 0xFE58 || c == 0xFE63;
}

/* Points OCR and some fonts print for the decimal point. */
static bool is_alt_point(gunichar c) {
  return c == 0x3002 /* 。 */ || c == 0xB7 /* · */ || c == 0x30FB || c == 0xFF65 || c == 0x2027;
}

/* EMPTY / ZERO_DASH / SLASH / NONE_WORD, or TEXT when the cell is none of them. */
static b2j_num_kind classify_nonnumber(const char *t) {
  if (!*t)
    return B2J_NUM_EMPTY;
  if (strcmp(t, "/") == 0 || strcmp(t, "\\") == 0)
    return B2J_NUM_SLASH;
  if (strcmp(t, "无") == 0 || strcmp(t, "無") == 0)
    return B2J_NUM_NONE_WORD;
  size_t dashes = 0;
  for (const char *p = t; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (is_dash(c))
      dashes++;
    else if (!b2j_norm_is_space(c))
      return B2J_NUM_TEXT;
  }
  /* "-", "—", "——", "- -": a printed zero; more is a rule, not a value. */
  return dashes >= 1 && dashes <= 4 ? B2J_NUM_ZERO_DASH : B2J_NUM_TEXT;
}

/* The core grammar: "187,267,966.43", "12.54", "0.00", "100". */
static bool core_ok(const tok *t) {
  static b2j_norm_re RE = B2J_NORM_RE("^(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?$");
  return b2j_norm_re_match(&RE, t->c, (size_t)t->n, 0, NULL, 0);
}

/* OCR separator repairs on a core of digits, ',' and '.', made only where the
 * grouping leaves one reading. Returns false when none is certain. */
static bool ocr_fix_separators(tok *t, b2j_number *out) {
  /* A doubled point: "12..54". */
  char *dd = strstr(t->c, "..");
  if (dd) {
    int i = (int)(dd - t->c);
    if (strchr(dd + 2, '.') || strchr(t->c, '.') != dd)
      return false;
    if (!add_fix(out, B2J_FIX_DOUBLE_POINT, '.', '\0', t->pos[i + 1]))
      return false;
    tok_delete(t, i + 1);
    if (core_ok(t))
      return true;
  }
  int seps[TOK_MAX], k = 0;
  for (int i = 0; i < t->n; i++)
    if (t->c[i] == ',' || t->c[i] == '.')
      seps[k++] = i;
  if (k == 0)
    return false;
  /* Group lengths: before the first separator, between them, after the last. */
  int first = seps[0];
  int last_len = t->n - seps[k - 1] - 1;
  if (first < 1 || last_len < 1)
    return false;
  for (int j = 1; j < k; j++)
    if (seps[j] - seps[j - 1] - 1 != 3)
      return false; /* inner groups of a grouped number are three digits */
  bool all_point = true, all_comma = true;
  for (int j = 0; j < k; j++) {
    if (t->c[seps[j]] == '.')
      all_comma = false;
    else
      all_point = false;
  }
  int grouping; /* how many of the separators (from the left) are grouping */
  if (last_len != 3) {
    grouping = k - 1; /* a last group of other than three digits: decimal point */
  } else if (all_point && k >= 2) {
    grouping = k; /* "187.267.966": two points cannot both be decimal */
  } else {
    return false; /* "1.234,567" and the like: no certain reading */
  }
  if (grouping > 0 && first > 3)
    return false;
  for (int j = 0; j < k; j++) {
    int i = seps[j];
    char want = j < grouping ? ',' : '.';
    if (t->c[i] == want)
      continue;
    b2j_fix_kind kind = want == '.' ? B2J_FIX_COMMA_DECIMAL : B2J_FIX_POINT_GROUP;
    if (!add_fix(out, kind, (gunichar)t->c[i], want, t->pos[i]))
      return false;
    t->c[i] = want;
  }
  if (all_comma && grouping == k)
    return false; /* unreachable in practice: core_ok would have taken it */
  return core_ok(t);
}

static bool to_dec(const tok *t, b2j_dec *v) {
  char buf[TOK_MAX + 1];
  int n = 0;
  for (int i = 0; i < t->n; i++)
    if (t->c[i] != ',' && t->c[i] != ' ')
      buf[n++] = t->c[i];
  buf[n] = '\0';
  return b2j_dec_parse(buf, v);
}

static bool parse_cell(const char *cell, b2j_number *out, bool ocr) {
  memset(out, 0, sizeof *out);
  out->kind = B2J_NUM_TEXT;
  if (!cell) {
    out->kind = B2J_NUM_EMPTY;
    return false;
  }
  /* Full-width forms are U+FF01..U+FF5E: UTF-8 EF BC 81 .. EF BD 9E. A byte
   * scan needs no valid UTF-8 (the cell may hold stray bytes). */
  for (const unsigned char *p = (const unsigned char *)cell; p[0]; p++) {
    if (p[0] == 0xEF && p[1] && p[2] &&
        ((p[1] == 0xBC && p[2] >= 0x81) || (p[1] == 0xBD && p[2] <= 0x9E))) {
      out->fullwidth = true;
      break;
    }
  }
  char *t = b2j_norm_nfkc_trim(cell);
  b2j_num_kind nk = classify_nonnumber(t);
  if (nk != B2J_NUM_TEXT) {
    out->kind = nk;
    out->fullwidth = false;
    g_free(t);
    return false;
  }

  /* Reduce to ASCII number characters. */
  tok k = {.n = 0};
  int looks = 0, digits = 0, idx = 0;
  bool ok = true;
  /* OCR reads a ruling line left in the crop as '|': at the token's edges it
   * is that line, not a 1. Find the span inside such marks. */
  int lo = 0, hi = -1, ncp = 0;
  for (const char *p = t; *p; p = g_utf8_next_char(p), ncp++) {
    gunichar c = g_utf8_get_char(p);
    if (c != '|' && !b2j_norm_is_space(c)) {
      if (hi < 0)
        lo = ncp;
      hi = ncp;
    }
  }
  for (const char *p = t; *p && ok; p = g_utf8_next_char(p), idx++) {
    gunichar c = g_utf8_get_char(p);
    char d;
    if (ocr && c == '|' && (idx < lo || idx > hi)) {
      ok = add_fix(out, B2J_FIX_EDGE_MARK, c, '\0', idx);
    } else if (c >= '0' && c <= '9') {
      ok = tok_push(&k, (char)c, idx);
      digits++;
    } else if (c == ',' || c == '.' || c == '(' || c == ')' || c == '%' || c == '+') {
      ok = tok_push(&k, (char)c, idx);
    } else if (c == '-' || c == 0x2212 || c == 0x2010 || c == 0x2011) {
      ok = tok_push(&k, '-', idx);
    } else if (is_alt_point(c)) {
      /* "12。54": a point only between digits; elsewhere it is prose. */
      const char *nx = g_utf8_next_char(p);
      ok = k.n > 0 && g_ascii_isdigit(k.c[k.n - 1]) && g_ascii_isdigit(*nx);
      if (ok)
        ok = tok_push(&k, '.', idx);
    } else if (b2j_norm_is_space(c)) {
      if (k.n > 0 && k.c[k.n - 1] != ' ')
        ok = tok_push(&k, ' ', idx);
    } else if (ocr && (d = b2j_norm_lookalike_digit(c)) != '\0') {
      ok = tok_push(&k, d, idx) && add_fix(out, B2J_FIX_LOOKALIKE, c, d, idx);
      looks++;
    } else {
      ok = false;
    }
  }
  g_free(t);
  /* Look-alikes are digits only inside a token that is mostly digits. */
  if (!ok || (looks > 0 && digits < looks))
    goto text;

  /* Spaces beside separators, signs, brackets and % are OCR noise; a space
   * between two digits may split two numbers and is kept for SPLIT. */
  bool digit_gap = false;
  for (int i = 0; i < k.n;) {
    if (k.c[i] != ' ') {
      i++;
      continue;
    }
    if (i > 0 && i + 1 < k.n && g_ascii_isdigit(k.c[i - 1]) && g_ascii_isdigit(k.c[i + 1])) {
      digit_gap = true;
      i++;
      continue;
    }
    out->had_spaces = true;
    tok_delete(&k, i);
  }

  /* Sign, brackets and percent around the core. */
  static b2j_norm_re SHAPE = B2J_NORM_RE("^([-+]?)(\\(?)(\\d[\\d., ]*)(%?)(\\)?)(%?)$");
  PCRE2_SIZE ov[14];
  if (!b2j_norm_re_match(&SHAPE, k.c, (size_t)k.n, 0, ov, 7))
    goto text;
  bool neg = ov[3] > ov[2] && k.c[ov[2]] == '-';
  bool open = ov[5] > ov[4], close = ov[11] > ov[10];
  bool pct1 = ov[9] > ov[8], pct2 = ov[13] > ov[12];
  if (open != close || (open && ov[3] > ov[2]) || (pct1 && pct2) || (pct2 && !close))
    goto text;
  out->paren_negative = open;
  out->percent = pct1 || pct2;
  tok core = {.n = 0};
  for (PCRE2_SIZE i = ov[6]; i < ov[7]; i++)
    tok_push(&core, k.c[i], k.pos[i]);

  if (digit_gap) {
    /* One wrapped number or two numbers: report the joined reading only. */
    tok joined = {.n = 0};
    for (int i = 0; i < core.n; i++)
      if (core.c[i] != ' ')
        tok_push(&joined, core.c[i], core.pos[i]);
    if (core_ok(&joined) && to_dec(&joined, &out->value)) {
      out->kind = B2J_NUM_SPLIT;
      if (neg || open)
        out->value.coef = -out->value.coef;
      out->had_separators = strchr(joined.c, ',') != NULL;
    } else {
      out->kind = B2J_NUM_TEXT;
    }
    return false;
  }
  if (!core_ok(&core) && !(ocr && ocr_fix_separators(&core, out)))
    goto text;
  out->had_separators = strchr(core.c, ',') != NULL;
  if (!to_dec(&core, &out->value))
    goto text;
  if (neg || open)
    out->value.coef = -out->value.coef;
  out->kind = B2J_NUM_VALUE;
  return true;

text : {
  bool fw = out->fullwidth;
  memset(out, 0, sizeof *out);
  out->kind = B2J_NUM_TEXT;
  out->fullwidth = fw;
  return false;
}
}

bool b2j_number_parse(const char *cell_text, b2j_number *out) {
  return parse_cell(cell_text, out, false);
}

bool b2j_number_parse_ocr(const char *cell_text, b2j_number *out) {
  return parse_cell(cell_text, out, true);
}
