/* Shared by the normalize/ sources only; not part of the public API. */
#ifndef B2J_NORMALIZE_INTERNAL_H
#define B2J_NORMALIZE_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>
#include <stdbool.h>
#include <stdint.h>

#include "normalize/normalize.h"

/* True for the 3755 GB2312 level-1 hanzi (gb2312_l1.c). */
bool b2j_norm_is_common_hanzi(gunichar c);

/* A pcre2 pattern compiled on first use, once per process (g_once), then
 * read-only: safe to share between threads. Declare with B2J_NORM_RE. */
typedef struct {
  const char *source;
  GOnce once;
} b2j_norm_re;

#define B2J_NORM_RE(src) {(src), G_ONCE_INIT}

/* The compiled pattern (PCRE2_UTF | PCRE2_UCP). A pattern that does not
 * compile is a programming error: it aborts with the message. */
const pcre2_code *b2j_norm_re_get(b2j_norm_re *re);

/* Matches re against s[0..len) starting at byte `start`. On success copies up
 * to `npairs` offset pairs (group 0 first; unset groups are PCRE2_UNSET) into
 * ov and returns true. */
bool b2j_norm_re_match(b2j_norm_re *re, const char *s, size_t len, size_t start,
                       PCRE2_SIZE *ov, int npairs);

/* OCR look-alike letters for digits: O o 〇 → '0', l I | → '1', S → '5',
 * B → '8', Z → '2'; '\0' for anything else. */
char b2j_norm_lookalike_digit(gunichar c);

/* White space as the pages give it: ASCII, NBSP, ideographic space, the
 * U+2000 block, and the rest of Unicode's space separators. */
bool b2j_norm_is_space(gunichar c);

/* A CJK ideograph (unified, extensions, compatibility). */
bool b2j_norm_is_han(gunichar c);

/* The text with surrounding white space removed and full NFKC applied
 * (full-width forms to ASCII, ideographic space to space). g_free() it. */
char *b2j_norm_nfkc_trim(const char *s);

#endif
