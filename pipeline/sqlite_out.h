/* --sqlite DB: the batch's results in an SQLite database, written by the
 * parent process only.
 *
 * Rows come from the budget2json/1 text itself, parsed with every number kept
 * as its exact text (exactjson.h), so amounts are stored as TEXT holding the
 * printed decimal ("12.54", "2.40") — never REAL. A document is keyed by its
 * sha256 (or "unread:" + file when the file could not be read): storing it
 * again deletes its old rows and inserts the new ones in one transaction, so
 * re-runs never duplicate and a kill leaves either the old or the new rows.
 */
#ifndef B2J_SQLITE_OUT_H
#define B2J_SQLITE_OUT_H

#include <cjson/cJSON.h>
#include <glib.h>
#include <stdbool.h>

typedef struct b2j_db b2j_db;

/* Opens (creating tables as needed). NULL with *err set on failure. Close
 * with b2j_db_close. */
b2j_db *b2j_db_open(const char *path, GError **err);
void b2j_db_close(b2j_db *db);

/* True when the database holds the document with this sha256 made by this
 * tool version; then *status (g_free; may be NULL to ignore) and *pages (may
 * be NULL) get what was stored. */
bool b2j_db_has(b2j_db *db, const char *sha256, const char *version, char **status, int *pages);

/* Stores one document (a tree from b2j_json_parse_exact), replacing any rows
 * with the same key. False with *err set (nothing changed) on failure. */
bool b2j_db_upsert(b2j_db *db, const cJSON *doc, GError **err);

#endif
