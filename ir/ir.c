#include "ir.h"

#include <stdarg.h>

static void word_clear(gpointer p) {
  b2j_word *w = p;
  g_free(w->text);
  g_strfreev(w->alternatives);
}

b2j_page *b2j_page_new(int number, double width, double height) {
  b2j_page *p = g_new0(b2j_page, 1);
  p->number = number;
  p->width = width;
  p->height = height;
  p->ocr_confidence = -1;
  p->words = g_array_new(FALSE, TRUE, sizeof(b2j_word));
  g_array_set_clear_func(p->words, word_clear);
  p->rules = g_array_new(FALSE, TRUE, sizeof(b2j_rule));
  return p;
}

void b2j_page_free(b2j_page *p) {
  if (!p)
    return;
  g_array_free(p->words, TRUE);
  g_array_free(p->rules, TRUE);
  g_free(p);
}

void b2j_page_add_word(b2j_page *p, char *text, b2j_box box, double conf, b2j_origin origin) {
  b2j_word w = {.text = text, .box = box, .conf = conf, .origin = origin, .alternatives = NULL};
  g_array_append_val(p->words, w);
}

void b2j_page_add_rule(b2j_page *p, b2j_box box, bool horizontal) {
  b2j_rule r = {.box = box, .horizontal = horizontal};
  g_array_append_val(p->rules, r);
}

const char *b2j_text_layer_name(b2j_text_layer t) {
  switch (t) {
  case B2J_LAYER_CLEAN:
    return "clean";
  case B2J_LAYER_REPAIRED:
    return "repaired";
  case B2J_LAYER_GARBLED:
    return "garbled";
  case B2J_LAYER_NONE:
  default:
    return "none";
  }
}

const char *b2j_status_name(b2j_status s) {
  switch (s) {
  case B2J_STATUS_PARTIAL:
    return "partial";
  case B2J_STATUS_FAILED:
    return "failed";
  case B2J_STATUS_OK:
  default:
    return "ok";
  }
}

static void error_free(gpointer p) {
  b2j_error *e = p;
  g_free(e->code);
  g_free(e->message);
  g_free(e);
}

static void warning_free(gpointer p) {
  b2j_warning *w = p;
  g_free(w->code);
  g_free(w->table);
  g_free(w->message);
  g_free(w);
}

b2j_doc *b2j_doc_new(const char *file) {
  b2j_doc *d = g_new0(b2j_doc, 1);
  d->source.file = g_strdup(file);
  d->status = B2J_STATUS_OK;
  d->errors = g_ptr_array_new_with_free_func(error_free);
  d->document.kinds = g_ptr_array_new_with_free_func(g_free);
  d->pages = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_page_free);
  d->tables = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_table_free);
  d->budget_lines = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_budget_line_free);
  d->projects = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_project_free);
  d->indicators = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_indicator_free);
  d->figures = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_figure_free);
  d->checks = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_check_free);
  d->warnings = g_ptr_array_new_with_free_func(warning_free);
  return d;
}

void b2j_doc_free(b2j_doc *d) {
  if (!d)
    return;
  g_free(d->source.file);
  g_free(d->source.sha256);
  g_free(d->document.title);
  g_free(d->document.department);
  g_ptr_array_free(d->document.kinds, TRUE);
  g_ptr_array_free(d->errors, TRUE);
  g_ptr_array_free(d->pages, TRUE);
  g_ptr_array_free(d->tables, TRUE);
  g_ptr_array_free(d->budget_lines, TRUE);
  g_ptr_array_free(d->projects, TRUE);
  g_ptr_array_free(d->indicators, TRUE);
  g_ptr_array_free(d->figures, TRUE);
  g_ptr_array_free(d->checks, TRUE);
  g_ptr_array_free(d->warnings, TRUE);
  g_free(d);
}

void b2j_doc_error(b2j_doc *d, const char *code, int page, const char *fmt, ...) {
  b2j_error *e = g_new0(b2j_error, 1);
  va_list ap;
  va_start(ap, fmt);
  e->message = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  e->code = g_strdup(code);
  e->page = page;
  g_ptr_array_add(d->errors, e);
}

void b2j_doc_warn(b2j_doc *d, const char *code, int page, const char *table, const char *fmt,
                  ...) {
  b2j_warning *w = g_new0(b2j_warning, 1);
  va_list ap;
  va_start(ap, fmt);
  w->message = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  w->code = g_strdup(code);
  w->page = page;
  w->table = g_strdup(table);
  g_ptr_array_add(d->warnings, w);
}

b2j_table *b2j_table_new(const char *id) {
  b2j_table *t = g_new0(b2j_table, 1);
  t->id = g_strdup(id);
  t->pages = g_array_new(FALSE, FALSE, sizeof(int));
  t->kind = g_strdup("other");
  t->columns = g_ptr_array_new_with_free_func(g_free);
  t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_row_free);
  return t;
}

void b2j_table_free(b2j_table *t) {
  if (!t)
    return;
  g_free(t->id);
  g_array_free(t->pages, TRUE);
  g_free(t->form);
  g_free(t->kind);
  g_free(t->title);
  g_free(t->unit);
  g_ptr_array_free(t->columns, TRUE);
  g_ptr_array_free(t->rows, TRUE);
  g_free(t);
}

b2j_row *b2j_row_new(void) {
  b2j_row *r = g_new0(b2j_row, 1);
  r->cells = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_cell_free);
  return r;
}

void b2j_row_free(b2j_row *r) {
  if (!r)
    return;
  g_ptr_array_free(r->cells, TRUE);
  g_free(r);
}

b2j_cell *b2j_cell_new(const char *text, int page) {
  b2j_cell *c = g_new0(b2j_cell, 1);
  c->text = g_strdup(text ? text : "");
  c->page = page;
  c->confidence = -1;
  return c;
}

void b2j_cell_free(b2j_cell *c) {
  if (!c)
    return;
  g_free(c->text);
  g_free(c);
}

void b2j_budget_line_free(b2j_budget_line *l) {
  if (!l)
    return;
  g_free(l->table);
  g_free(l->form);
  g_free(l->code);
  g_free(l->level);
  g_free(l->classification);
  g_free(l->name);
  g_free(l->column);
  g_free(l->unit);
  g_free(l);
}

/* The slot of a fund line's amount by B2J_FUND_*. */
static b2j_opt_dec *fund_slot(b2j_fund *f, int k) {
  b2j_opt_dec *slot[B2J_FUND_AMOUNTS] = {&f->initial_budget, &f->annual_budget, &f->executed,
                                         &f->weight,         &f->execution_rate, &f->score};
  return slot[k];
}

b2j_opt_dec b2j_fund_amount(const b2j_fund *f, int k) {
  return *fund_slot((b2j_fund *)f, k);
}

static void value_from(b2j_opt_dec *v, const b2j_cell *cell) {
  if (cell)
    *v = cell->value;
}

void b2j_doc_values_from_cells(b2j_doc *d) {
  for (guint i = 0; i < d->projects->len; i++) {
    b2j_project *p = g_ptr_array_index(d->projects, i);
    value_from(&p->total_weight, p->total_weight_from);
    value_from(&p->total_score, p->total_score_from);
    for (guint j = 0; p->funds && j < p->funds->len; j++) {
      b2j_fund *f = g_ptr_array_index(p->funds, j);
      for (int k = 0; k < B2J_FUND_AMOUNTS; k++)
        value_from(fund_slot(f, k), f->from[k]);
    }
  }
  for (guint i = 0; i < d->indicators->len; i++) {
    b2j_indicator *x = g_ptr_array_index(d->indicators, i);
    value_from(&x->weight, x->weight_from);
    value_from(&x->score, x->score_from);
  }
}

void b2j_fund_free(b2j_fund *f) {
  if (!f)
    return;
  g_free(f->line);
  g_free(f);
}

void b2j_project_free(b2j_project *p) {
  if (!p)
    return;
  g_free(p->table);
  g_free(p->name);
  g_free(p->authority);
  g_free(p->implementer);
  if (p->funds)
    g_ptr_array_free(p->funds, TRUE);
  g_free(p);
}

void b2j_expr_clear(b2j_expr *e) {
  g_free(e->raw);
  g_free(e->op);
  g_free(e->unit);
  e->raw = e->op = e->unit = NULL;
  e->value.present = false;
}

void b2j_indicator_free(b2j_indicator *i) {
  if (!i)
    return;
  g_free(i->table);
  g_free(i->project);
  g_free(i->level1);
  g_free(i->level2);
  g_free(i->name);
  b2j_expr_clear(&i->target);
  b2j_expr_clear(&i->actual);
  g_free(i->note);
  g_free(i);
}

void b2j_figure_free(b2j_figure *f) {
  if (!f)
    return;
  g_free(f->key);
  g_free(f->label);
  g_free(f->unit);
  g_free(f->text_value);
  g_free(f->text);
  g_free(f);
}

b2j_check *b2j_check_new(const char *rule, const char *where) {
  b2j_check *c = g_new0(b2j_check, 1);
  c->rule = g_strdup(rule);
  c->where = g_strdup(where);
  c->tables = g_ptr_array_new_with_free_func(g_free);
  c->evaluated = true;
  return c;
}

void b2j_check_free(b2j_check *c) {
  if (!c)
    return;
  g_free(c->rule);
  g_free(c->where);
  g_free(c->message);
  g_ptr_array_free(c->tables, TRUE);
  g_free(c);
}
