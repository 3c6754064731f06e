/* libFuzzer target: the cell-number parsers (plain and OCR). A number read
 * must come with a value whose exact text parses back (round trip). */
#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "normalize/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = g_strndup((const char *)data, size); /* freed below */
  b2j_number n, m;
  if (b2j_number_parse(s, &n)) {
    char buf[B2J_DEC_STRLEN];
    b2j_dec back;
    if (!b2j_dec_parse(b2j_dec_format(n.value, buf), &back) || b2j_dec_cmp(back, n.value) != 0)
      abort();
  }
  if (b2j_number_parse_ocr(s, &m) && (m.n_fixes < 0 || m.n_fixes > B2J_NUM_MAX_FIXES))
    abort();
  g_free(s);
  return 0;
}
