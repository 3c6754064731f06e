/* emit/: the document model to budget2json/1 JSON (../shared/SCHEMA.md).
 *
 * Built with cJSON; every amount is written with cJSON_CreateRaw from its
 * exact decimal text, so no number passes through a double. Text that is not
 * valid UTF-8 is made valid (U+FFFD) so the output is always valid JSON.
 */
#ifndef B2J_EMIT_H
#define B2J_EMIT_H

#include <stdbool.h>

#include "ir/ir.h"

#define B2J_SCHEMA "budget2json/1"

/* The whole object as JSON text; `pretty` indents it, otherwise one line
 * (for JSON Lines). The caller g_free()s the result; NULL only when memory
 * runs out. */
char *b2j_emit_json(const b2j_doc *doc, bool pretty);

/* A `failed` object for a document that could not even be processed (a child
 * that crashed or timed out): only source fields and one error. Same
 * ownership as b2j_emit_json. */
char *b2j_emit_failed(const char *file, const char *sha256, long long bytes, const char *code,
                      const char *message, bool pretty);

#endif
