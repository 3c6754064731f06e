/* emit/: every key of budget2json/1 is present, and amounts come out as the
 * exact decimal text read (no binary floating point anywhere). */
#include <string.h>

#include "emit/emit.h"
#include "tests/lib/tap.h"

static b2j_dec D(const char *s) {
  b2j_dec d = {0, 0};
  b2j_dec_parse(s, &d);
  return d;
}

int main(void) {
  b2j_doc *d = b2j_doc_new("a.pdf");
  d->source.sha256 = g_strdup("00");
  d->source.bytes = 10;
  d->source.pages = 1;
  b2j_budget_line *l = g_new0(b2j_budget_line, 1);
  l->table = g_strdup("t5");
  l->code = g_strdup("2101101");
  l->name = g_strdup("行政单位医疗");
  l->column = g_strdup("小计");
  l->value = D("12.54");
  l->unit = g_strdup("万元");
  l->yuan.present = true;
  l->yuan.value = D("125400");
  g_ptr_array_add(d->budget_lines, l);
  b2j_budget_line *l2 = g_new0(b2j_budget_line, 1);
  l2->table = g_strdup("t2");
  l2->name = g_strdup("\"quoted\" \\ and\nnewline");
  l2->column = g_strdup("本年收入合计");
  l2->value = D("4477.074674");
  g_ptr_array_add(d->budget_lines, l2);
  b2j_table *t = b2j_table_new("t5");
  b2j_row *r = b2j_row_new();
  b2j_cell *c = b2j_cell_new("2.40", 7);
  c->value.present = true;
  c->value.value = D("2.40");
  g_ptr_array_add(r->cells, c);
  g_ptr_array_add(t->rows, r);
  g_ptr_array_add(d->tables, t);

  char *json = b2j_emit_json(d, false);
  TAP_OK(json != NULL, "emits");
  TAP_OK(strstr(json, "\"value\":12.54,") != NULL, "12.54 is written 12.54, not 12.539999999999999");
  TAP_OK(strstr(json, "\"yuan\":125400") != NULL, "yuan is the exact integer");
  TAP_OK(strstr(json, "\"value\":4477.074674") != NULL, "six decimals survive (seed 002)");
  TAP_OK(strstr(json, "\"value\":2.40") != NULL, "a printed trailing zero is kept");
  TAP_OK(strstr(json, "\\\"quoted\\\" \\\\ and\\nnewline") != NULL,
         "strings are escaped by the library");
  static const char *const KEYS[] = {"\"schema\":\"budget2json/1\"", "\"tool\":", "\"source\":",
                                     "\"status\":\"ok\"", "\"errors\":[]", "\"document\":",
                                     "\"pages\":[]", "\"tables\":", "\"budget_lines\":",
                                     "\"projects\":[]", "\"indicators\":[]", "\"figures\":[]",
                                     "\"checks\":[]", "\"warnings\":[]", "\"fiscal_year\":null",
                                     NULL};
  for (int i = 0; KEYS[i]; i++)
    TAP_OK(strstr(json, KEYS[i]) != NULL, "key present: %s", KEYS[i]);
  g_free(json);

  char *bad = g_strdup("ok \xff\xfe bytes");
  g_free(d->document.title);
  d->document.title = bad;
  json = b2j_emit_json(d, true);
  TAP_OK(json && g_utf8_validate(json, -1, NULL), "invalid UTF-8 in a string still gives valid UTF-8 JSON");
  g_free(json);
  b2j_doc_free(d);

  json = b2j_emit_failed("x.pdf", NULL, 0, "not_pdf", "'x.pdf' is not a PDF", false);
  TAP_OK(json && strstr(json, "\"status\":\"failed\"") && strstr(json, "\"code\":\"not_pdf\""),
         "a failed object carries status and the error code");
  g_free(json);
  return tap_done();
}
