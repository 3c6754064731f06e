#include "sqlite_out.h"

#include <sqlite3.h>
#include <string.h>

#include "exactjson.h"

struct b2j_db {
  sqlite3 *h;
};

/* Every amount column is TEXT: the exact printed decimal. `yuan` columns hold
 * the exact amount in 元, also as text. Cast in queries (CAST(value AS
 * NUMERIC)) only where a rounding is acceptable. */
static const char SCHEMA_SQL[] =
    "PRAGMA journal_mode=WAL;"
    /* No fsync per document: a power cut may lose the last ones, never the
     * database; the next run stores them again from the outputs. */
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS documents(doc_key TEXT PRIMARY KEY, sha256 TEXT, file TEXT,"
    " bytes INTEGER, pages INTEGER, status TEXT, tool_version TEXT, title TEXT,"
    " department TEXT, fiscal_year INTEGER, kinds TEXT, stored_at TEXT);"
    "CREATE TABLE IF NOT EXISTS errors(doc_key TEXT, code TEXT, message TEXT, page INTEGER);"
    "CREATE TABLE IF NOT EXISTS pages(doc_key TEXT, page INTEGER, source TEXT,"
    " text_layer TEXT, rotation INTEGER, skew_deg TEXT, ocr_confidence TEXT);"
    "CREATE TABLE IF NOT EXISTS tables(doc_key TEXT, table_id TEXT, pages TEXT, form TEXT,"
    " kind TEXT, title TEXT, unit TEXT, columns TEXT);"
    "CREATE TABLE IF NOT EXISTS cells(doc_key TEXT, table_id TEXT, row INTEGER, col INTEGER,"
    " column_name TEXT, text TEXT, value TEXT, page INTEGER, bbox TEXT, confidence TEXT);"
    "CREATE TABLE IF NOT EXISTS budget_lines(doc_key TEXT, table_id TEXT, form TEXT, code TEXT,"
    " level TEXT, classification TEXT, name TEXT, column_name TEXT, value TEXT, unit TEXT,"
    " yuan TEXT, page INTEGER);"
    "CREATE TABLE IF NOT EXISTS projects(doc_key TEXT, project_no INTEGER, table_id TEXT,"
    " name TEXT, authority TEXT, implementer TEXT, total_weight TEXT, total_score TEXT);"
    "CREATE TABLE IF NOT EXISTS project_funds(doc_key TEXT, project_no INTEGER, line TEXT,"
    " initial_budget TEXT, annual_budget TEXT, executed TEXT, weight TEXT,"
    " execution_rate TEXT, score TEXT);"
    "CREATE TABLE IF NOT EXISTS indicators(doc_key TEXT, table_id TEXT, project TEXT,"
    " level1 TEXT, level2 TEXT, name TEXT, target_raw TEXT, target_op TEXT, target_value TEXT,"
    " target_unit TEXT, actual_raw TEXT, actual_op TEXT, actual_value TEXT, actual_unit TEXT,"
    " weight TEXT, score TEXT, note TEXT, page INTEGER);"
    "CREATE TABLE IF NOT EXISTS figures(doc_key TEXT, key TEXT, label TEXT, value TEXT,"
    " unit TEXT, yuan TEXT, page INTEGER, text TEXT);"
    "CREATE TABLE IF NOT EXISTS checks(doc_key TEXT, rule TEXT, tables TEXT, where_at TEXT,"
    " expected TEXT, found TEXT, ok INTEGER);"
    "CREATE TABLE IF NOT EXISTS warnings(doc_key TEXT, code TEXT, page INTEGER,"
    " table_id TEXT, message TEXT);"
    "CREATE INDEX IF NOT EXISTS errors_k ON errors(doc_key);"
    "CREATE INDEX IF NOT EXISTS pages_k ON pages(doc_key);"
    "CREATE INDEX IF NOT EXISTS tables_k ON tables(doc_key);"
    "CREATE INDEX IF NOT EXISTS cells_k ON cells(doc_key);"
    "CREATE INDEX IF NOT EXISTS budget_lines_k ON budget_lines(doc_key);"
    "CREATE INDEX IF NOT EXISTS projects_k ON projects(doc_key);"
    "CREATE INDEX IF NOT EXISTS project_funds_k ON project_funds(doc_key);"
    "CREATE INDEX IF NOT EXISTS indicators_k ON indicators(doc_key);"
    "CREATE INDEX IF NOT EXISTS figures_k ON figures(doc_key);"
    "CREATE INDEX IF NOT EXISTS checks_k ON checks(doc_key);"
    "CREATE INDEX IF NOT EXISTS warnings_k ON warnings(doc_key);";

/* The tables a document's rows live in, deleted together on upsert. */
static const char *const CHILD_TABLES[] = {"errors",   "pages",         "tables",
                                           "cells",    "budget_lines",  "projects",
                                           "project_funds", "indicators", "figures",
                                           "checks",   "warnings",      "documents", NULL};

static void set_err(GError **err, sqlite3 *h, const char *what) {
  g_set_error(err, g_quark_from_static_string("b2j-sqlite"), 1, "%s: %s", what,
              h ? sqlite3_errmsg(h) : "out of memory");
}

b2j_db *b2j_db_open(const char *path, GError **err) {
  sqlite3 *h = NULL;
  if (sqlite3_open(path, &h) != SQLITE_OK) {
    set_err(err, h, "unable to open the database");
    sqlite3_close(h);
    return NULL;
  }
  sqlite3_busy_timeout(h, 30000); /* a reader (or a second batch) may hold a lock */
  char *msg = NULL;
  if (sqlite3_exec(h, SCHEMA_SQL, NULL, NULL, &msg) != SQLITE_OK) {
    g_set_error(err, g_quark_from_static_string("b2j-sqlite"), 1,
                "unable to create the tables: %s", msg ? msg : "?");
    sqlite3_free(msg);
    sqlite3_close(h);
    return NULL;
  }
  b2j_db *db = g_new0(b2j_db, 1); /* freed by b2j_db_close */
  db->h = h;
  return db;
}

void b2j_db_close(b2j_db *db) {
  if (!db)
    return;
  sqlite3_close(db->h);
  g_free(db);
}

bool b2j_db_has(b2j_db *db, const char *sha256, const char *version, char **status, int *pages) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db->h,
                         "SELECT status, pages FROM documents WHERE doc_key = ?1"
                         " AND tool_version = ?2",
                         -1, &st, NULL) != SQLITE_OK)
    return false;
  sqlite3_bind_text(st, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, version, -1, SQLITE_TRANSIENT);
  bool found = sqlite3_step(st) == SQLITE_ROW;
  if (found && status)
    *status = g_strdup((const char *)sqlite3_column_text(st, 0));
  if (found && pages)
    *pages = sqlite3_column_int(st, 1);
  sqlite3_finalize(st);
  return found;
}

/* One INSERT: a statement and the values bound so far. Values are text or
 * NULL; the column's declared affinity turns "7" into 7 for INTEGER columns
 * and keeps "12.54" as text for amounts. */
typedef struct {
  sqlite3 *h;
  sqlite3_stmt *st;
  int n;
  bool failed;
} ins;

static void ins_begin(ins *q, sqlite3 *h, const char *sql) {
  q->h = h;
  q->n = 0;
  q->failed = sqlite3_prepare_v2(h, sql, -1, &q->st, NULL) != SQLITE_OK;
}

static void bind(ins *q, const char *v) {
  if (q->failed)
    return;
  q->n++;
  if (v)
    sqlite3_bind_text(q->st, q->n, v, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(q->st, q->n);
}

static void bind_int(ins *q, long long v) {
  if (q->failed)
    return;
  sqlite3_bind_int64(q->st, ++q->n, v);
}

/* Binds an array or object as its JSON text (NULL when absent). The tree's
 * numbers are strings, so this is only for arrays of text (columns). */
static void bind_json(ins *q, const cJSON *v) {
  if (!v || cJSON_IsNull(v)) {
    bind(q, NULL);
    return;
  }
  char *s = cJSON_PrintUnformatted(v); /* freed below */
  bind(q, s);
  cJSON_free(s);
}

/* An array of scalars joined with commas ("7,8"). */
static void bind_joined(ins *q, const cJSON *arr) {
  if (!cJSON_IsArray(arr)) {
    bind(q, NULL);
    return;
  }
  GString *s = g_string_new(NULL); /* freed below */
  const cJSON *e;
  cJSON_ArrayForEach(e, arr) {
    if (cJSON_IsString(e)) {
      if (s->len)
        g_string_append_c(s, ',');
      g_string_append(s, e->valuestring);
    }
  }
  bind(q, s->str);
  g_string_free(s, TRUE);
}

static bool ins_end(ins *q) {
  bool ok = !q->failed && sqlite3_step(q->st) == SQLITE_DONE;
  sqlite3_finalize(q->st);
  q->st = NULL;
  return ok;
}

static const cJSON *arr(const cJSON *o, const char *k) {
  const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsArray(a) ? a : NULL;
}

static bool insert_rows(sqlite3 *h, const char *key, const cJSON *d) {
  bool ok = true;
  const cJSON *e;
  ins q;
  cJSON_ArrayForEach(e, arr(d, "errors")) {
    ins_begin(&q, h, "INSERT INTO errors VALUES(?,?,?,?)");
    bind(&q, key), bind(&q, b2j_json_str(e, "code")), bind(&q, b2j_json_str(e, "message"));
    bind(&q, b2j_json_str(e, "page"));
    ok = ins_end(&q) && ok;
  }
  cJSON_ArrayForEach(e, arr(d, "pages")) {
    ins_begin(&q, h, "INSERT INTO pages VALUES(?,?,?,?,?,?,?)");
    bind(&q, key), bind(&q, b2j_json_str(e, "page")), bind(&q, b2j_json_str(e, "source"));
    bind(&q, b2j_json_str(e, "text_layer")), bind(&q, b2j_json_str(e, "rotation"));
    bind(&q, b2j_json_str(e, "skew_deg")), bind(&q, b2j_json_str(e, "ocr_confidence"));
    ok = ins_end(&q) && ok;
  }
  cJSON_ArrayForEach(e, arr(d, "tables")) {
    const char *tid = b2j_json_str(e, "id");
    const cJSON *cols = arr(e, "columns");
    ins_begin(&q, h, "INSERT INTO tables VALUES(?,?,?,?,?,?,?,?)");
    bind(&q, key), bind(&q, tid), bind_joined(&q, arr(e, "pages"));
    bind(&q, b2j_json_str(e, "form")), bind(&q, b2j_json_str(e, "kind"));
    bind(&q, b2j_json_str(e, "title")), bind(&q, b2j_json_str(e, "unit")), bind_json(&q, cols);
    ok = ins_end(&q) && ok;
    int r = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, arr(e, "rows")) {
      r++;
      int c = 0;
      const cJSON *cell;
      cJSON_ArrayForEach(cell, arr(row, "cells")) {
        const cJSON *cname = cols ? cJSON_GetArrayItem(cols, c) : NULL;
        c++;
        ins_begin(&q, h, "INSERT INTO cells VALUES(?,?,?,?,?,?,?,?,?,?)");
        bind(&q, key), bind(&q, tid), bind_int(&q, r), bind_int(&q, c);
        bind(&q, cJSON_IsString(cname) ? cname->valuestring : NULL);
        bind(&q, b2j_json_str(cell, "text")), bind(&q, b2j_json_str(cell, "value"));
        bind(&q, b2j_json_str(cell, "page")), bind_joined(&q, arr(cell, "bbox"));
        bind(&q, b2j_json_str(cell, "confidence"));
        ok = ins_end(&q) && ok;
      }
    }
  }
  cJSON_ArrayForEach(e, arr(d, "budget_lines")) {
    ins_begin(&q, h, "INSERT INTO budget_lines VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    static const char *const k[] = {"table", "form", "code", "level", "classification", "name",
                                    "column", "value", "unit", "yuan", "page", NULL};
    bind(&q, key);
    for (int i = 0; k[i]; i++)
      bind(&q, b2j_json_str(e, k[i]));
    ok = ins_end(&q) && ok;
  }
  int pno = 0;
  cJSON_ArrayForEach(e, arr(d, "projects")) {
    pno++;
    ins_begin(&q, h, "INSERT INTO projects VALUES(?,?,?,?,?,?,?,?)");
    bind(&q, key), bind_int(&q, pno), bind(&q, b2j_json_str(e, "table"));
    bind(&q, b2j_json_str(e, "name")), bind(&q, b2j_json_str(e, "authority"));
    bind(&q, b2j_json_str(e, "implementer")), bind(&q, b2j_json_str(e, "total_weight"));
    bind(&q, b2j_json_str(e, "total_score"));
    ok = ins_end(&q) && ok;
    const cJSON *f;
    cJSON_ArrayForEach(f, arr(e, "funds")) {
      static const char *const k[] = {"line",   "initial_budget", "annual_budget", "executed",
                                      "weight", "execution_rate", "score",         NULL};
      ins_begin(&q, h, "INSERT INTO project_funds VALUES(?,?,?,?,?,?,?,?,?)");
      bind(&q, key), bind_int(&q, pno);
      for (int i = 0; k[i]; i++)
        bind(&q, b2j_json_str(f, k[i]));
      ok = ins_end(&q) && ok;
    }
  }
  cJSON_ArrayForEach(e, arr(d, "indicators")) {
    ins_begin(&q, h, "INSERT INTO indicators VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bind(&q, key), bind(&q, b2j_json_str(e, "table")), bind(&q, b2j_json_str(e, "project"));
    bind(&q, b2j_json_str(e, "level1")), bind(&q, b2j_json_str(e, "level2"));
    bind(&q, b2j_json_str(e, "name"));
    static const char *const ex[] = {"raw", "op", "value", "unit", NULL};
    for (int i = 0; ex[i]; i++)
      bind(&q, b2j_json_str2(e, "target", ex[i]));
    for (int i = 0; ex[i]; i++)
      bind(&q, b2j_json_str2(e, "actual", ex[i]));
    bind(&q, b2j_json_str(e, "weight")), bind(&q, b2j_json_str(e, "score"));
    bind(&q, b2j_json_str(e, "note")), bind(&q, b2j_json_str(e, "page"));
    ok = ins_end(&q) && ok;
  }
  cJSON_ArrayForEach(e, arr(d, "figures")) {
    static const char *const k[] = {"key", "label", "value", "unit", "yuan", "page", "text", NULL};
    ins_begin(&q, h, "INSERT INTO figures VALUES(?,?,?,?,?,?,?,?)");
    bind(&q, key);
    for (int i = 0; k[i]; i++)
      bind(&q, b2j_json_str(e, k[i]));
    ok = ins_end(&q) && ok;
  }
  cJSON_ArrayForEach(e, arr(d, "checks")) {
    const cJSON *okv = cJSON_GetObjectItemCaseSensitive(e, "ok");
    ins_begin(&q, h, "INSERT INTO checks VALUES(?,?,?,?,?,?,?)");
    bind(&q, key), bind(&q, b2j_json_str(e, "rule")), bind_joined(&q, arr(e, "tables"));
    bind(&q, b2j_json_str(e, "where")), bind(&q, b2j_json_str(e, "expected"));
    bind(&q, b2j_json_str(e, "found"));
    if (cJSON_IsBool(okv))
      bind_int(&q, cJSON_IsTrue(okv) ? 1 : 0);
    else
      bind(&q, NULL);
    ok = ins_end(&q) && ok;
  }
  cJSON_ArrayForEach(e, arr(d, "warnings")) {
    ins_begin(&q, h, "INSERT INTO warnings VALUES(?,?,?,?,?)");
    bind(&q, key), bind(&q, b2j_json_str(e, "code")), bind(&q, b2j_json_str(e, "page"));
    bind(&q, b2j_json_str(e, "table")), bind(&q, b2j_json_str(e, "message"));
    ok = ins_end(&q) && ok;
  }
  return ok;
}

bool b2j_db_upsert(b2j_db *db, const cJSON *d, GError **err) {
  sqlite3 *h = db->h;
  const char *sha = b2j_json_str2(d, "source", "sha256");
  const char *file = b2j_json_str2(d, "source", "file");
  /* freed below */
  char *key = sha ? g_strdup(sha) : g_strconcat("unread:", file ? file : "?", NULL);
  if (sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
    set_err(err, h, "unable to start a transaction");
    g_free(key);
    return false;
  }
  bool ok = true;
  for (int i = 0; CHILD_TABLES[i] && ok; i++) {
    char *sql = g_strdup_printf("DELETE FROM %s WHERE doc_key = ?1", CHILD_TABLES[i]); /* below */
    sqlite3_stmt *st = NULL;
    ok = sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK;
    if (ok) {
      sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    g_free(sql);
  }
  const cJSON *doc = cJSON_GetObjectItemCaseSensitive(d, "document");
  if (ok) {
    ins q;
    ins_begin(&q, h,
              "INSERT INTO documents VALUES(?,?,?,?,?,?,?,?,?,?,?,"
              "strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    bind(&q, key), bind(&q, sha), bind(&q, file);
    bind(&q, b2j_json_str2(d, "source", "bytes")), bind(&q, b2j_json_str2(d, "source", "pages"));
    bind(&q, b2j_json_str(d, "status")), bind(&q, b2j_json_str2(d, "tool", "version"));
    bind(&q, b2j_json_str(doc, "title")), bind(&q, b2j_json_str(doc, "department"));
    bind(&q, b2j_json_str(doc, "fiscal_year"));
    bind_joined(&q, doc ? arr(doc, "kinds") : NULL);
    ok = ins_end(&q);
  }
  ok = ok && insert_rows(h, key, d);
  if (ok && sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
    g_free(key);
    return true;
  }
  set_err(err, h, "unable to store the document");
  sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
  g_free(key);
  return false;
}
