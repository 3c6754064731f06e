/* Builders for the validate/ tests: small hand-made documents (tables from
 * '|'-separated rows, budget lines, indicators) and queries over the checks
 * b2j_validate() produced. Header-only, shared by test_validate*.c. */
#ifndef B2J_TEST_VALIDATE_FIXTURES_H
#define B2J_TEST_VALIDATE_FIXTURES_H

#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "tests/lib/tap.h"
#include "validate/validate.h"

static b2j_table *tv_table(b2j_doc *d, const char *id, const char *kind, const char *form,
                           const char *unit, const char *cols, int page) {
  b2j_table *t = b2j_table_new(id);
  g_free(t->kind);
  t->kind = g_strdup(kind);
  t->form = g_strdup(form);
  t->unit = g_strdup(unit);
  g_array_append_val(t->pages, page);
  char **v = g_strsplit(cols, "|", -1);
  for (int i = 0; v[i]; i++)
    g_ptr_array_add(t->columns, g_strdup(v[i]));
  g_strfreev(v);
  g_ptr_array_add(d->tables, t);
  return t;
}

/* A row "合计||362.62|..." on the table's first page; a cell's value is set
 * when its text is a plain decimal. */
static void tv_row(b2j_table *t, const char *cells) {
  b2j_row *r = b2j_row_new();
  char **v = g_strsplit(cells, "|", -1);
  int page = t->pages->len ? g_array_index(t->pages, int, 0) : 0;
  for (int i = 0; v[i]; i++) {
    b2j_cell *c = b2j_cell_new(v[i], page);
    b2j_dec x;
    if (*v[i] && b2j_dec_parse(v[i], &x)) {
      c->value.present = true;
      c->value.value = x;
    }
    g_ptr_array_add(r->cells, c);
  }
  g_strfreev(v);
  g_ptr_array_add(t->rows, r);
}

/* A page with one word per string (NULL-terminated). */
static void tv_page(b2j_doc *d, int number, const char *const *words) {
  b2j_page *p = b2j_page_new(number, 595, 842);
  for (int i = 0; words && words[i]; i++) {
    b2j_box box = {10, 10.0 + 12 * i, 300, 20.0 + 12 * i};
    b2j_page_add_word(p, g_strdup(words[i]), box, -1, B2J_ORIGIN_TEXT);
  }
  g_ptr_array_add(d->pages, p);
}

static const b2j_check *tv_find(const b2j_doc *d, const char *rule, const char *where) {
  for (guint i = 0; i < d->checks->len; i++) {
    const b2j_check *c = g_ptr_array_index(d->checks, i);
    if (strcmp(c->rule, rule) == 0 && (!where || (c->where && strcmp(c->where, where) == 0)))
      return c;
  }
  return NULL;
}

static int tv_count(const b2j_doc *d, const char *rule, int ok, int evaluated) {
  int n = 0;
  for (guint i = 0; i < d->checks->len; i++) {
    const b2j_check *c = g_ptr_array_index(d->checks, i);
    if (strcmp(c->rule, rule) == 0 && (ok < 0 || (int)c->ok == ok) &&
        (evaluated < 0 || (int)c->evaluated == evaluated))
      n++;
  }
  return n;
}

/* evaluated && ok */
static int tv_pass(const b2j_check *c) { return c && c->evaluated && c->ok; }
static int tv_fail(const b2j_check *c) { return c && c->evaluated && !c->ok; }
static int tv_msg_has(const b2j_check *c, const char *s) {
  return c && c->message && strstr(c->message, s) != NULL;
}

static void tv_dump(const b2j_doc *d) {
  for (guint i = 0; i < d->checks->len; i++) {
    const b2j_check *c = g_ptr_array_index(d->checks, i);
    printf("# %s %s [%s%s] %s\n", c->rule, c->where ? c->where : "",
           c->evaluated ? "" : "not evaluated ", c->evaluated ? (c->ok ? "ok" : "FAIL") : "",
           c->message ? c->message : "");
  }
}

/* TV_DUMP=1 lists every check of every test document. */
static void tv_done(b2j_doc *d) {
  if (getenv("TV_DUMP"))
    tv_dump(d);
  b2j_doc_free(d);
}

#endif
