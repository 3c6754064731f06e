/* libFuzzer target: indicator expressions ("≥90%", "12 月前完成"), whole and
 * from a goal table's separate cells (the input split at the first two
 * 0x01 bytes into op, value and unit). */
#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "normalize/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = g_strndup((const char *)data, size); /* freed below */
  b2j_expr e = {0};
  b2j_expr_parse(s, &e);
  b2j_expr_clear(&e);
  char **parts = g_strsplit(s, "\x01", 3); /* freed below */
  guint n = g_strv_length(parts);
  b2j_expr p = {0};
  b2j_expr_parse_parts(n > 0 ? parts[0] : NULL, n > 1 ? parts[1] : NULL, n > 2 ? parts[2] : NULL,
                       &p);
  b2j_expr_clear(&p);
  g_strfreev(parts);
  g_free(s);
  return 0;
}
