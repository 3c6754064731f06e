/* libFuzzer target: the layout stage fed with a synthetic Page IR. The bytes
 * are read as records: one kind byte, four coordinates (two bytes each, in
 * tenths of a point) and for words one vocabulary index. Words, horizontal
 * and vertical rules in any arrangement — overlapping, zero-sized, out of the
 * page — must give lines and grids without a crash. */
#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"
#include "layout/layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const VOCAB[] = {
    "合计", "2101101", "行政单位医疗", "12.54", "0.00", "-", "公开05表", "单位：万元",
    "1,234.50", "基本支出", "项目支出", "（", "）", "", " ", "一般公共预算财政拨款支出决算表",
    "362.62", "2023", "%", "≥90%"};

static double coord(const uint8_t *p) { return (double)((p[0] << 8) | p[1]) / 10.0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  b2j_page *page = b2j_page_new(1, 595, 842); /* freed below, with its words and rules */
  size_t i = 0;
  int records = 0;
  while (i + 10 <= size && records++ < 2000) {
    uint8_t kind = data[i];
    double x0 = coord(data + i + 1), y0 = coord(data + i + 3);
    double x1 = coord(data + i + 5), y1 = coord(data + i + 7);
    b2j_box box = {x0, y0, x1, y1};
    if (kind % 4 == 0)
      b2j_page_add_rule(page, box, true);
    else if (kind % 4 == 1)
      b2j_page_add_rule(page, box, false);
    else
      b2j_page_add_word(page, g_strdup(VOCAB[data[i + 9] % G_N_ELEMENTS(VOCAB)]), box,
                        kind % 4 == 3 ? (data[i + 9] / 255.0) : -1,
                        kind % 4 == 3 ? B2J_ORIGIN_OCR : B2J_ORIGIN_TEXT);
    i += 10;
  }
  GPtrArray *lines = b2j_layout_lines(page);
  GPtrArray *grids = b2j_layout_tables(page);
  GPtrArray *prose = b2j_layout_prose_lines(page, grids);
  (void)b2j_layout_page_may_have_table(page);
  g_ptr_array_unref(prose);
  g_ptr_array_unref(grids);
  g_ptr_array_unref(lines);
  b2j_page_free(page);
  return 0;
}
