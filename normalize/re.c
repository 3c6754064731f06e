/* Compiled-once pcre2 patterns and the small character classes every
 * normalize/ source shares. */
#include "normalize_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/valgrind.h>

static gpointer compile_re(gpointer data) {
  const char *src = data;
  int err = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                   &err, &erroff, NULL);
  if (!code) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    /* A bad pattern is a bug in this file, not bad input: stop loudly. */
    fprintf(stderr, "normalize: pattern /%s/ at %zu: %s\n", src, (size_t)erroff, (char *)msg);
    abort();
  }
  /* JIT is an optimisation only; patterns work without it. Under valgrind
   * the JIT's generated code reads its own stack in ways memcheck cannot
   * follow (false "uninitialised value" reports), so it is left off there. */
  if (!RUNNING_ON_VALGRIND)
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  return code;
}

const pcre2_code *b2j_norm_re_get(b2j_norm_re *re) {
  return g_once(&re->once, compile_re, (gpointer)re->source);
}

bool b2j_norm_re_match(b2j_norm_re *re, const char *s, size_t len, size_t start,
                       PCRE2_SIZE *ov, int npairs) {
  const pcre2_code *code = b2j_norm_re_get(re);
  /* Match data per call: the only mutable pcre2 state, never shared. */
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
  if (!md)
    return false;
  int rc = pcre2_match(code, (PCRE2_SPTR)s, len, start, 0, md, NULL);
  bool ok = rc >= 0;
  if (ok && ov) {
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
    uint32_t have = pcre2_get_ovector_count(md);
    for (int i = 0; i < npairs; i++) {
      if ((uint32_t)i < have && i < rc) {
        ov[2 * i] = v[2 * i];
        ov[2 * i + 1] = v[2 * i + 1];
      } else {
        ov[2 * i] = ov[2 * i + 1] = PCRE2_UNSET;
      }
    }
  }
  pcre2_match_data_free(md);
  return ok;
}

char b2j_norm_lookalike_digit(gunichar c) {
  switch (c) {
  case 'O':
  case 'o':
  case 0x3007: /* 〇 */
    return '0';
  case 'l':
  case 'I':
  case '|':
    return '1';
  case 'S':
    return '5';
  case 'B':
    return '8';
  case 'Z':
    return '2';
  default:
    return '\0';
  }
}

bool b2j_norm_is_space(gunichar c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x3000 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F;
}

bool b2j_norm_is_han(gunichar c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}

char *b2j_norm_nfkc_trim(const char *s) {
  char *valid = g_utf8_make_valid(s ? s : "", -1);
  char *n = g_utf8_normalize(valid, -1, G_NORMALIZE_NFKC);
  g_free(valid);
  if (!n)
    return g_strdup("");
  /* Trim Unicode white space at both ends (NFKC already made U+3000 a space,
   * but NBSP-like characters that NFKC leaves are handled too). */
  const char *b = n;
  while (*b && b2j_norm_is_space(g_utf8_get_char(b)))
    b = g_utf8_next_char(b);
  const char *e = n + strlen(n);
  while (e > b) {
    const char *p = g_utf8_find_prev_char(b, e);
    if (!p || !b2j_norm_is_space(g_utf8_get_char(p)))
      break;
    e = p;
  }
  char *r = g_strndup(b, (gsize)(e - b));
  g_free(n);
  return r;
}
