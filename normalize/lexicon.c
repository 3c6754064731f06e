/* The subject lexicon: data/subjects.tsv compiled in (tools/tsv2c.sh) as rows
 * of code, name, classification, source, sorted by code. Read-only data, so
 * lookups are safe from any thread. */
#include <string.h>

#include "normalize.h"

/* Generated: four strings a row, NULL after the last. */
extern const char *const b2j_subject_rows[];

static size_t row_count(void) {
  size_t n = 0;
  while (b2j_subject_rows[n * 4])
    n++;
  return n;
}

/* Index of the first row of `code`, or -1. Binary search over the sorted rows. */
static long first_row(const char *code) {
  static gsize count = 0;
  /* The count is computed once; g_once_init keeps that thread-safe. */
  if (g_once_init_enter(&count))
    g_once_init_leave(&count, row_count() + 1);
  long lo = 0, hi = (long)count - 2, found = -1;
  while (lo <= hi) {
    long mid = (lo + hi) / 2;
    int c = strcmp(b2j_subject_rows[mid * 4], code);
    if (c < 0) {
      lo = mid + 1;
    } else {
      if (c == 0)
        found = mid;
      hi = mid - 1;
    }
  }
  return found;
}

const char *b2j_subject_standard_name(const char *code) {
  if (!code)
    return NULL;
  long r = first_row(code);
  if (r < 0)
    return NULL;
  /* Prefer the standard name over a report's spelling or an alias. */
  for (long k = r; b2j_subject_rows[k * 4] && strcmp(b2j_subject_rows[k * 4], code) == 0; k++)
    if (strcmp(b2j_subject_rows[k * 4 + 3], "standard") == 0)
      return b2j_subject_rows[k * 4 + 1];
  return b2j_subject_rows[r * 4 + 1];
}

const char *b2j_subject_lexicon_lookup(const char *code, void *user) {
  (void)user;
  return b2j_subject_standard_name(code);
}

/* Names compare without spaces, width or bracket style. */
static char *name_key(const char *s) { return b2j_text_match_key(s); }

bool b2j_subject_name_matches(const char *code, const char *name) {
  long r = code && name ? first_row(code) : -1;
  if (r < 0)
    return false;
  char *want = name_key(name);
  bool ok = false;
  for (long k = r; !ok && b2j_subject_rows[k * 4] && strcmp(b2j_subject_rows[k * 4], code) == 0;
       k++) {
    char *have = name_key(b2j_subject_rows[k * 4 + 1]);
    ok = strcmp(have, want) == 0;
    g_free(have);
  }
  g_free(want);
  return ok;
}

bool b2j_subject_known(const char *code) { return code && first_row(code) >= 0; }
