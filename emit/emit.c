#include "emit.h"

#include <cjson/cJSON.h>
#include <string.h>

#ifndef B2J_VERSION
#define B2J_VERSION "0.0.0"
#endif

static cJSON *str_or_null(const char *s) {
  if (!s)
    return cJSON_CreateNull();
  if (g_utf8_validate(s, -1, NULL))
    return cJSON_CreateString(s);
  char *valid = g_utf8_make_valid(s, -1);
  cJSON *j = cJSON_CreateString(valid);
  g_free(valid);
  return j;
}

static cJSON *dec_json(b2j_dec d) {
  char buf[B2J_DEC_STRLEN];
  return cJSON_CreateRaw(b2j_dec_format(d, buf));
}

static cJSON *opt_dec_json(b2j_opt_dec d) {
  return d.present ? dec_json(d.value) : cJSON_CreateNull();
}

static cJSON *int_or_null(int v) {
  if (v <= 0)
    return cJSON_CreateNull();
  char buf[24];
  g_snprintf(buf, sizeof buf, "%d", v);
  return cJSON_CreateRaw(buf);
}

static cJSON *int_json(long long v) {
  char buf[24];
  g_snprintf(buf, sizeof buf, "%lld", v);
  return cJSON_CreateRaw(buf);
}

/* Coordinates are geometry, not amounts: two decimals of a point is finer
 * than any glyph, and printing them fixed keeps output stable. */
static cJSON *coord_json(double v) {
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd(buf, sizeof buf, "%.2f", v);
  if (strcmp(buf, "-0.00") == 0)
    strcpy(buf, "0.00");
  return cJSON_CreateRaw(buf);
}

static cJSON *ratio_json(double v) {
  if (v < 0)
    return cJSON_CreateNull();
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd(buf, sizeof buf, "%.3f", v);
  return cJSON_CreateRaw(buf);
}

static cJSON *str_array(const GPtrArray *a) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; a && i < a->len; i++)
    cJSON_AddItemToArray(arr, str_or_null(g_ptr_array_index(a, i)));
  return arr;
}

static void add(cJSON *obj, const char *key, cJSON *val) { cJSON_AddItemToObject(obj, key, val); }

static cJSON *errors_json(const GPtrArray *errors) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < errors->len; i++) {
    const b2j_error *e = g_ptr_array_index(errors, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "code", str_or_null(e->code));
    add(o, "message", str_or_null(e->message));
    add(o, "page", int_or_null(e->page));
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static cJSON *tool_json(void) {
  cJSON *o = cJSON_CreateObject();
  add(o, "name", cJSON_CreateString("budget2json"));
  add(o, "version", cJSON_CreateString(B2J_VERSION));
  return o;
}

static cJSON *source_json(const char *file, const char *sha, long long bytes, int pages) {
  cJSON *o = cJSON_CreateObject();
  add(o, "file", str_or_null(file));
  add(o, "sha256", str_or_null(sha));
  add(o, "bytes", bytes >= 0 ? int_json(bytes) : cJSON_CreateNull());
  add(o, "pages", pages > 0 ? int_json(pages) : cJSON_CreateNull());
  return o;
}

static cJSON *document_json(const b2j_docinfo *d) {
  cJSON *o = cJSON_CreateObject();
  add(o, "title", str_or_null(d->title));
  add(o, "department", str_or_null(d->department));
  add(o, "fiscal_year", int_or_null(d->fiscal_year));
  add(o, "kinds", str_array(d->kinds));
  return o;
}

static cJSON *pages_json(const GPtrArray *pages) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < pages->len; i++) {
    const b2j_page *p = g_ptr_array_index(pages, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "page", int_json(p->number));
    add(o, "source", cJSON_CreateString(p->source == B2J_SOURCE_OCR ? "ocr" : "text"));
    add(o, "text_layer", cJSON_CreateString(b2j_text_layer_name(p->text_layer)));
    add(o, "rotation", int_json(p->rotation));
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buf, sizeof buf, "%.2f", p->skew_deg);
    if (strcmp(buf, "-0.00") == 0)
      strcpy(buf, "0.00");
    add(o, "skew_deg", cJSON_CreateRaw(buf));
    add(o, "ocr_confidence", ratio_json(p->ocr_confidence));
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static cJSON *cell_json(const b2j_cell *c) {
  cJSON *o = cJSON_CreateObject();
  add(o, "text", str_or_null(c->text ? c->text : ""));
  add(o, "value", opt_dec_json(c->value));
  add(o, "page", int_or_null(c->page));
  if (c->has_box) {
    cJSON *b = cJSON_CreateArray();
    cJSON_AddItemToArray(b, coord_json(c->box.x0));
    cJSON_AddItemToArray(b, coord_json(c->box.y0));
    cJSON_AddItemToArray(b, coord_json(c->box.x1));
    cJSON_AddItemToArray(b, coord_json(c->box.y1));
    add(o, "bbox", b);
  } else {
    add(o, "bbox", cJSON_CreateNull());
  }
  add(o, "confidence", ratio_json(c->confidence));
  return o;
}

static cJSON *tables_json(const GPtrArray *tables) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < tables->len; i++) {
    const b2j_table *t = g_ptr_array_index(tables, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "id", str_or_null(t->id));
    cJSON *pages = cJSON_CreateArray();
    for (guint k = 0; k < t->pages->len; k++)
      cJSON_AddItemToArray(pages, int_json(g_array_index(t->pages, int, k)));
    add(o, "pages", pages);
    add(o, "form", str_or_null(t->form));
    add(o, "kind", str_or_null(t->kind ? t->kind : "other"));
    add(o, "title", str_or_null(t->title));
    add(o, "unit", str_or_null(t->unit));
    add(o, "columns", str_array(t->columns));
    cJSON *rows = cJSON_CreateArray();
    for (guint r = 0; r < t->rows->len; r++) {
      const b2j_row *row = g_ptr_array_index(t->rows, r);
      cJSON *ro = cJSON_CreateObject();
      cJSON *cells = cJSON_CreateArray();
      for (guint c = 0; c < row->cells->len; c++)
        cJSON_AddItemToArray(cells, cell_json(g_ptr_array_index(row->cells, c)));
      add(ro, "cells", cells);
      cJSON_AddItemToArray(rows, ro);
    }
    add(o, "rows", rows);
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static cJSON *budget_lines_json(const GPtrArray *lines) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < lines->len; i++) {
    const b2j_budget_line *l = g_ptr_array_index(lines, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "table", str_or_null(l->table));
    add(o, "form", str_or_null(l->form));
    add(o, "code", str_or_null(l->code));
    add(o, "level", str_or_null(l->level));
    add(o, "classification", str_or_null(l->classification));
    add(o, "name", str_or_null(l->name ? l->name : ""));
    add(o, "column", str_or_null(l->column));
    add(o, "value", dec_json(l->value));
    add(o, "unit", str_or_null(l->unit));
    add(o, "yuan", opt_dec_json(l->yuan));
    add(o, "page", int_or_null(l->page));
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static cJSON *projects_json(const GPtrArray *projects) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < projects->len; i++) {
    const b2j_project *p = g_ptr_array_index(projects, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "table", str_or_null(p->table));
    add(o, "name", str_or_null(p->name));
    add(o, "authority", str_or_null(p->authority));
    add(o, "implementer", str_or_null(p->implementer));
    cJSON *funds = cJSON_CreateArray();
    for (guint k = 0; p->funds && k < p->funds->len; k++) {
      const b2j_fund *f = g_ptr_array_index(p->funds, k);
      cJSON *fo = cJSON_CreateObject();
      add(fo, "line", str_or_null(f->line));
      add(fo, "initial_budget", opt_dec_json(f->initial_budget));
      add(fo, "annual_budget", opt_dec_json(f->annual_budget));
      add(fo, "executed", opt_dec_json(f->executed));
      add(fo, "weight", opt_dec_json(f->weight));
      add(fo, "execution_rate", opt_dec_json(f->execution_rate));
      add(fo, "score", opt_dec_json(f->score));
      cJSON_AddItemToArray(funds, fo);
    }
    add(o, "funds", funds);
    add(o, "total_weight", opt_dec_json(p->total_weight));
    add(o, "total_score", opt_dec_json(p->total_score));
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static cJSON *expr_json(const b2j_expr *e) {
  cJSON *o = cJSON_CreateObject();
  add(o, "raw", str_or_null(e->raw));
  add(o, "op", str_or_null(e->op));
  add(o, "value", opt_dec_json(e->value));
  add(o, "unit", str_or_null(e->unit));
  return o;
}

static cJSON *indicators_json(const GPtrArray *inds) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < inds->len; i++) {
    const b2j_indicator *x = g_ptr_array_index(inds, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "table", str_or_null(x->table));
    add(o, "project", str_or_null(x->project));
    add(o, "level1", str_or_null(x->level1));
    add(o, "level2", str_or_null(x->level2));
    add(o, "name", str_or_null(x->name));
    add(o, "target", expr_json(&x->target));
    add(o, "actual", expr_json(&x->actual));
    add(o, "weight", opt_dec_json(x->weight));
    add(o, "score", opt_dec_json(x->score));
    add(o, "note", str_or_null(x->note));
    add(o, "page", int_or_null(x->page));
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static cJSON *figures_json(const GPtrArray *figs) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < figs->len; i++) {
    const b2j_figure *f = g_ptr_array_index(figs, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "key", str_or_null(f->key));
    add(o, "label", str_or_null(f->label));
    add(o, "value", f->text_value ? cJSON_CreateNull() : dec_json(f->value));
    add(o, "unit", str_or_null(f->unit));
    add(o, "yuan", opt_dec_json(f->yuan));
    add(o, "text_value", str_or_null(f->text_value));
    add(o, "page", int_or_null(f->page));
    add(o, "text", str_or_null(f->text));
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static cJSON *checks_json(const GPtrArray *checks) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < checks->len; i++) {
    const b2j_check *c = g_ptr_array_index(checks, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "rule", str_or_null(c->rule));
    add(o, "tables", str_array(c->tables));
    add(o, "where", str_or_null(c->where));
    add(o, "expected", opt_dec_json(c->expected));
    add(o, "found", opt_dec_json(c->found));
    add(o, "ok", cJSON_CreateBool(c->evaluated && c->ok));
    add(o, "evaluated", cJSON_CreateBool(c->evaluated));
    add(o, "message", str_or_null(c->message));
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static cJSON *warnings_json(const GPtrArray *warnings) {
  cJSON *arr = cJSON_CreateArray();
  for (guint i = 0; i < warnings->len; i++) {
    const b2j_warning *w = g_ptr_array_index(warnings, i);
    cJSON *o = cJSON_CreateObject();
    add(o, "code", str_or_null(w->code));
    add(o, "page", int_or_null(w->page));
    add(o, "table", str_or_null(w->table));
    add(o, "message", str_or_null(w->message));
    cJSON_AddItemToArray(arr, o);
  }
  return arr;
}

static char *print(cJSON *root, bool pretty) {
  char *s = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
  cJSON_Delete(root);
  if (!s)
    return NULL;
  /* Hand the text over in g_malloc'd memory so callers free one way. */
  char *out = g_strdup(s);
  cJSON_free(s);
  return out;
}

char *b2j_emit_json(const b2j_doc *d, bool pretty) {
  cJSON *root = cJSON_CreateObject();
  add(root, "schema", cJSON_CreateString(B2J_SCHEMA));
  add(root, "tool", tool_json());
  add(root, "source",
      source_json(d->source.file, d->source.sha256, d->source.bytes, d->source.pages));
  add(root, "status", cJSON_CreateString(b2j_status_name(d->status)));
  add(root, "errors", errors_json(d->errors));
  add(root, "document", document_json(&d->document));
  add(root, "pages", pages_json(d->pages));
  add(root, "tables", tables_json(d->tables));
  add(root, "budget_lines", budget_lines_json(d->budget_lines));
  add(root, "projects", projects_json(d->projects));
  add(root, "indicators", indicators_json(d->indicators));
  add(root, "figures", figures_json(d->figures));
  add(root, "checks", checks_json(d->checks));
  add(root, "warnings", warnings_json(d->warnings));
  return print(root, pretty);
}

char *b2j_emit_failed(const char *file, const char *sha256, long long bytes, const char *code,
                      const char *message, bool pretty) {
  b2j_doc *d = b2j_doc_new(file);
  d->source.sha256 = g_strdup(sha256);
  d->source.bytes = bytes;
  d->status = B2J_STATUS_FAILED;
  b2j_doc_error(d, code, 0, "%s", message);
  char *s = b2j_emit_json(d, pretty);
  b2j_doc_free(d);
  return s;
}
