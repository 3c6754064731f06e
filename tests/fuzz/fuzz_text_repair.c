/* libFuzzer target: text repair and the match key on arbitrary bytes (valid
 * UTF-8 or not). Neither may crash, and repair must return valid UTF-8. */
#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "normalize/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = g_strndup((const char *)data, size); /* NUL-terminated copy, freed below */
  b2j_repair_info info;
  char *r = b2j_text_repair(s, &info);
  if (!r || !g_utf8_validate(r, -1, NULL))
    abort();
  char *k = b2j_text_match_key(s);
  g_free(k);
  g_free(r);
  g_free(s);
  return 0;
}
