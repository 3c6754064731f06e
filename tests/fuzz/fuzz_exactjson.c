/* libFuzzer target: the batch parent's exact JSON reader (pipeline/
 * exactjson.c, compiled in here since pipeline/ is not in the library).
 * Whatever cJSON accepts, the exact reader accepts too, with every number
 * kept as its text; nothing else may crash it. */
#include <cjson/cJSON.h>
#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pipeline/exactjson.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every number of `plain` is a string in `exact`, at the same place. */
static void same_shape(const cJSON *plain, const cJSON *exact) {
  if (cJSON_IsNumber(plain)) {
    if (!cJSON_IsString(exact))
      abort();
    return;
  }
  if ((plain->type & 0xff) != (exact->type & 0xff))
    abort();
  const cJSON *a = plain->child, *b = exact->child;
  for (; a && b; a = a->next, b = b->next)
    same_shape(a, b);
  if (a || b)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = g_strndup((const char *)data, size); /* freed below */
  cJSON *plain = cJSON_Parse(s);                 /* freed below */
  cJSON *exact = b2j_json_parse_exact(s, -1);    /* freed below */
  if (plain && !exact)
    abort();
  if (plain && exact)
    same_shape(plain, exact);
  (void)b2j_json_str(exact, "a");
  (void)b2j_json_int(exact, "a", 0);
  cJSON_Delete(plain);
  cJSON_Delete(exact);
  g_free(s);
  return 0;
}
