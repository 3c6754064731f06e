#include "exactjson.h"

#include <string.h>

/* Copies the JSON text, quoting each number token. Strings are copied
 * verbatim (escapes included), so a digit inside a string is never touched.
 * Number characters need no escaping inside a JSON string. */
static char *quote_numbers(const char *s, size_t n) {
  GString *out = g_string_sized_new(n + n / 8 + 16); /* its text is returned */
  size_t i = 0;
  while (i < n) {
    char c = s[i];
    if (c == '"') {
      size_t j = i + 1;
      while (j < n && s[j] != '"')
        j += s[j] == '\\' ? 2 : 1;
      if (j >= n)
        j = n - 1; /* unterminated: copy it and let cJSON fail */
      g_string_append_len(out, s + i, (gssize)(j - i + 1));
      i = j + 1;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      size_t j = i + 1;
      while (j < n && (strchr("0123456789.eE+-", s[j]) != NULL))
        j++;
      g_string_append_c(out, '"');
      g_string_append_len(out, s + i, (gssize)(j - i));
      g_string_append_c(out, '"');
      i = j;
    } else {
      g_string_append_c(out, c);
      i++;
    }
  }
  return g_string_free(out, FALSE);
}

cJSON *b2j_json_parse_exact(const char *json, gssize len) {
  if (!json)
    return NULL;
  size_t n = len < 0 ? strlen(json) : (size_t)len;
  char *q = quote_numbers(json, n); /* freed below */
  cJSON *root = cJSON_Parse(q);
  g_free(q);
  return root;
}

const char *b2j_json_str(const cJSON *obj, const char *key) {
  const cJSON *v = obj ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

const char *b2j_json_str2(const cJSON *obj, const char *key, const char *key2) {
  const cJSON *v = obj ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
  return cJSON_IsObject(v) ? b2j_json_str(v, key2) : NULL;
}

long long b2j_json_int(const cJSON *obj, const char *key, long long dflt) {
  const char *s = b2j_json_str(obj, key);
  if (!s)
    return dflt;
  char *end = NULL;
  long long v = g_ascii_strtoll(s, &end, 10);
  return end && end != s ? v : dflt;
}
