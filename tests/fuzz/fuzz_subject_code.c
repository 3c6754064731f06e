/* libFuzzer target: subject codes (政府收支分类科目), plain, OCR-repaired and
 * as a prefix of a cell. A code read is all digits and fits its buffer. */
#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_code(const char code[B2J_CODE_MAX]) {
  size_t n = strnlen(code, B2J_CODE_MAX);
  if (n == 0 || n >= B2J_CODE_MAX)
    abort();
  for (size_t i = 0; i < n; i++)
    if (code[i] < '0' || code[i] > '9')
      abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = g_strndup((const char *)data, size); /* freed below */
  char code[B2J_CODE_MAX];
  if (b2j_subject_code_parse(s, code))
    check_code(code);
  int fixed = 0;
  if (b2j_subject_code_parse_ocr(s, code, &fixed, NULL, NULL))
    check_code(code);
  size_t off = 0;
  if (b2j_subject_code_prefix(s, code, &off) && off > strlen(s))
    abort();
  g_free(s);
  return 0;
}
