/* Reading budget2json/1 JSON back without losing a digit.
 *
 * cJSON keeps only a double for a number (valuestring stays NULL), and
 * 12.54 as a double is not 12.54. So before parsing, every number token is
 * wrapped in quotes: cJSON then hands its exact printed text as valuestring.
 * The batch parent uses this for everything it reads from a child or from an
 * existing output (status, sha256, SQLite rows); it never re-prints the tree
 * as the output (the child's text is written as is).
 */
#ifndef B2J_EXACTJSON_H
#define B2J_EXACTJSON_H

#include <cjson/cJSON.h>
#include <glib.h>

/* Parses `len` bytes of JSON text (len < 0: NUL-terminated) with every number
 * turned into a string of its exact text. NULL when the text is not one JSON
 * value. The caller frees the tree with cJSON_Delete. */
cJSON *b2j_json_parse_exact(const char *json, gssize len);

/* The string (or number text) at obj[key]; NULL when absent, null or not a
 * scalar. Borrowed from the tree. */
const char *b2j_json_str(const cJSON *obj, const char *key);

/* obj[key][key2] as b2j_json_str. */
const char *b2j_json_str2(const cJSON *obj, const char *key, const char *key2);

/* obj[key] as an integer (from its exact text); `dflt` when absent or null. */
long long b2j_json_int(const cJSON *obj, const char *key, long long dflt);

#endif
