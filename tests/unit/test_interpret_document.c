/* Document metadata from the first pages: the title (its parts joined), the
 * department (title or 部门 line, whichever is whole) and the fiscal year. */
#include <string.h>

#include "interpret/interpret.h"
#include "tests/lib/tap.h"

typedef struct {
  const char *text;
  double height;
} line_spec;

/* One page whose lines are the given texts, top to bottom, with heights. */
static b2j_doc *doc_with(const line_spec *lines) {
  b2j_doc *d = b2j_doc_new("t.pdf");
  b2j_page *p = b2j_page_new(1, 595, 842);
  p->text_layer = B2J_LAYER_CLEAN;
  double y = 50;
  for (int i = 0; lines[i].text; i++) {
    b2j_box b = {60, y, 60 + 14.0 * (double)g_utf8_strlen(lines[i].text, -1), y + lines[i].height};
    b2j_page_add_word(p, g_strdup(lines[i].text), b, -1, B2J_ORIGIN_TEXT);
    y += lines[i].height + 4;
  }
  g_ptr_array_add(d->pages, p);
  return d;
}

int main(void) {
  /* Seed 000's cover: the department over the kind of report, the first line
   * taller because its digits come from another font. */
  const line_spec cover[] = {{"2023年度北京市门头沟区医疗保障局", 29},
                             {"部门决算公开说明", 21.2},
                             {"第一部分 2023年度部门决算报表", 21.2},
                             {"（报表详见附件）", 19.3},
                             {NULL, 0}};
  b2j_doc *d = doc_with(cover);
  b2j_interpret_document(d, NULL);
  TAP_STREQ(d->document.title, "2023年度北京市门头沟区医疗保障局部门决算公开说明",
            "a title set on two lines is joined; the section heading under it is not");
  TAP_STREQ(d->document.department, "北京市门头沟区医疗保障局", "department from the title");
  TAP_OK(d->document.fiscal_year == 2023, "fiscal year from the title");
  b2j_doc_free(d);

  /* Seed 001: the title names a short form; the 部门 line the whole name. */
  const line_spec s001[] = {{"2023年度 屈原管理区医保局部门决算", 24},
                            {"部门：岳阳市屈原管理区医疗保障局", 12},
                            {NULL, 0}};
  d = doc_with(s001);
  b2j_interpret_document(d, NULL);
  TAP_STREQ(d->document.department, "岳阳市屈原管理区医疗保障局",
            "the 部门 line's full name wins over the title's short form");
  b2j_doc_free(d);

  /* A real report (Jiangsu 人大 2018): the 部门 line is cut short. */
  const line_spec renda[] = {{"江苏省人大常委会办公厅2018年度部门预算公开", 24},
                             {"部门：江苏省人大", 12},
                             {NULL, 0}};
  d = doc_with(renda);
  b2j_interpret_document(d, NULL);
  TAP_STREQ(d->document.department, "江苏省人大常委会办公厅",
            "a 部门 line that the title's name contains is a cut-short form");
  TAP_OK(d->document.fiscal_year == 2018, "2018 from the title");
  b2j_doc_free(d);

  /* Seed 004: a covering letter's document number is not the title. */
  const line_spec letter[] = {{"平医保字〔2025〕29号", 20},
                              {"海东市平安区医疗保障局2024年度整体支出绩效自评报告", 18},
                              {NULL, 0}};
  d = doc_with(letter);
  b2j_interpret_document(d, NULL);
  TAP_STREQ(d->document.title, "海东市平安区医疗保障局2024年度整体支出绩效自评报告",
            "a document number (…字〔2025〕29号) is never the title");
  TAP_STREQ(d->document.department, "海东市平安区医疗保障局",
            "department before the year in a performance report's title");
  b2j_doc_free(d);

  /* Seed 002: no year in the title; the cover prints it alone. */
  const line_spec s002[] = {{"北京市丰台区医疗保障局整体绩效评价报告", 24},
                            {"（2023年度）", 16},
                            {NULL, 0}};
  d = doc_with(s002);
  b2j_interpret_document(d, NULL);
  TAP_OK(d->document.fiscal_year == 2023, "year from a cover line of its own");
  TAP_STREQ(d->document.department, "北京市丰台区医疗保障局",
            "department ends where 整体绩效 begins");
  b2j_doc_free(d);
  return tap_done();
}
