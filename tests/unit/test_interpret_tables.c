/* Tables read from synthetic pages through layout and interpret: a
 * 政府性基金预算支出表 with no amounts (本表无数据) takes its column labels from
 * its header rows, and its lone 合计 row is the body (boxes from the
 * garbled-grade corpus page, unruled). */
#include <string.h>

#include "interpret/interpret.h"
#include "layout/layout.h"
#include "tests/lib/tap.h"

static void wb(b2j_page *p, const char *t, double x0, double y0, double x1, double y1) {
  b2j_page_add_word(p, g_strdup(t), (b2j_box){x0, y0, x1, y1}, -1, B2J_ORIGIN_TEXT);
}

/* The document's first table, or NULL when none was found. */
static const b2j_table *first_table(const b2j_doc *doc) {
  return doc->tables->len ? g_ptr_array_index(doc->tables, 0) : NULL;
}

static const char *col(const b2j_table *t, guint i) {
  return i < t->columns->len ? g_ptr_array_index(t->columns, i) : NULL;
}

static void test_empty_table_header(void) {
  b2j_doc *doc = b2j_doc_new("synthetic.pdf");
  b2j_page *p = b2j_page_new(1, 600, 800);
  wb(p, "附表8", 276.9, 40.6, 318.4, 58.9);
  wb(p, "政府性基金预算支出表", 164.8, 56.6, 430.1, 83.6);
  wb(p, "部门：上海市普陀区人民法院", 50.0, 83.1, 218.7, 101.4);
  wb(p, "金额单位：万元", 454.3, 83.1, 544.9, 101.4);
  wb(p, "项目", 171.1, 101.5, 199.1, 118.8);
  wb(p, "合计", 343.6, 109.8, 371.7, 127.2);
  wb(p, "基本支出", 402.6, 109.8, 462.8, 127.2);
  wb(p, "项目支出", 477.7, 109.8, 537.8, 127.2);
  wb(p, "科目编码", 58.9, 118.1, 119.1, 135.5);
  wb(p, "科目名称", 194.0, 118.1, 254.2, 135.5);
  wb(p, "合计", 130.4, 134.8, 158.5, 152.2);
  wb(p, "注：本部门本年度无政府性基金预算支出，故本表无数据。", 50.0, 153.1, 336.3, 169.5);
  g_ptr_array_add(doc->pages, p);
  GPtrArray *page_grids = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  g_ptr_array_add(page_grids, b2j_layout_tables(p));
  b2j_interpret_tables(doc, page_grids);
  TAP_OK(doc->tables->len == 1, "empty table: one table (got %u)", doc->tables->len);
  if (doc->tables->len == 1) {
    const b2j_table *t = g_ptr_array_index(doc->tables, 0);
    TAP_STREQ(t->kind, "government_fund", "empty table: kind from its title");
    TAP_OK(t->columns->len == 5, "empty table: 5 columns (got %u)", t->columns->len);
    TAP_STREQ(col(t, 0), "科目编码", "empty table: column 1 is 科目编码, not 列1");
    TAP_STREQ(col(t, 1), "科目名称", "empty table: column 2 is 科目名称 (项目 above it)");
    TAP_STREQ(col(t, 2), "合计", "empty table: column 3 is 合计");
    TAP_STREQ(col(t, 4), "项目支出", "empty table: column 5 is 项目支出");
    TAP_OK(t->rows->len == 1, "empty table: one body row, the header rows are not body (got %u)",
           t->rows->len);
    if (t->rows->len == 1) {
      const b2j_row *r = g_ptr_array_index(t->rows, 0);
      const b2j_cell *c = r->cells->len > 1 ? g_ptr_array_index(r->cells, 1) : NULL;
      TAP_STREQ(c ? c->text : NULL, "合计", "empty table: the body row is 合计 in the name column");
    }
  }
  g_ptr_array_unref(page_grids);
  b2j_doc_free(doc);
}

/* Page `number` holding a ruled table of `groups` side-by-side groups whose
 * header labels are `labels` (3 per group) over two body rows from `first`,
 * its header's top at `top`; with a title when `title`. */
static b2j_page *grouped_page(int number, const char *const *labels, int groups, double top,
                              int first, bool title) {
  b2j_page *p = b2j_page_new(number, 600, 800);
  if (title)
    wb(p, "一般公共预算财政拨款基本支出决算表", 150, top - 40, 450, top - 25);
  double w = 60, x0 = 50, xe = x0 + 3 * w * groups;
  for (int r = 0; r <= 3; r++)
    b2j_page_add_rule(p, (b2j_box){x0, top + 20 * r - 0.5, xe, top + 20 * r + 0.5}, true);
  for (int c = 0; c <= 3 * groups; c++)
    b2j_page_add_rule(p, (b2j_box){x0 + w * c - 0.5, top, x0 + w * c + 0.5, top + 60}, false);
  static const char *const body[4][3] = {{"30101", "基本工资", "12.50"},
                                         {"30102", "津贴补贴", "3.25"},
                                         {"3010 3", "奖金", ""},
                                         {"30107", "绩效工资", "2.00"}};
  for (int g = 0; g < groups; g++)
    for (int k = 0; k < 3; k++) {
      double x = x0 + w * (3 * g + k) + 4;
      wb(p, labels[3 * g + k], x, top + 4, x + 40, top + 16);
      for (int r = 0; r < 2; r++)
        if (*body[first + r][k])
          wb(p, body[first + r][k], x, top + 24 + 20 * r, x + 40, top + 36 + 20 * r);
    }
  return p;
}

/* The tables of `pages` (taken) interpreted. */
static b2j_doc *interpreted(b2j_page **pages, int n) {
  b2j_doc *doc = b2j_doc_new("synthetic.pdf");
  GPtrArray *page_grids = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  for (int i = 0; i < n; i++) {
    g_ptr_array_add(doc->pages, pages[i]);
    g_ptr_array_add(page_grids, b2j_layout_tables(pages[i]));
  }
  b2j_interpret_tables(doc, page_grids);
  g_ptr_array_unref(page_grids);
  return doc;
}

static b2j_doc *grouped_table(const char *const *labels, int groups) {
  b2j_page *p = grouped_page(1, labels, groups, 100, 0, true);
  return interpreted(&p, 1);
}

/* Marks a scan leaves in a header label (科目-编码, 小计., ~|_--类) go; marks
 * a label prints (维修(护)费) stay. */
static void test_header_stray_marks(void) {
  static const char *const labels[] = {"科目-编码", "维修(护)费", "小计.", "~|_--类", "科目名称", "决算数"};
  b2j_doc *doc = grouped_table(labels, 2);
  const b2j_table *t = first_table(doc);
  TAP_STREQ(t ? col(t, 0) : NULL, "科目编码", "stray marks: 科目-编码 is 科目编码");
  TAP_STREQ(t ? col(t, 1) : NULL, "维修(护)费", "stray marks: brackets a label prints stay");
  TAP_STREQ(t ? col(t, 2) : NULL, "小计", "stray marks: 小计. is 小计");
  TAP_STREQ(t ? col(t, 3) : NULL, "类", "stray marks: ~|_--类 is 类");
  b2j_doc_free(doc);
}

/* A table continued on a scanned page repeats its header, one label
 * misread (科目编码 read 48给码), over a row with no amount whose code
 * wrapped (3010 over 3): the repeat is no body row. */
static void test_repeated_header_misread(void) {
  static const char *const first[] = {"科目编码", "科目名称", "决算数", "科目编码", "科目名称",
                                      "决算数",   "科目编码", "科目名称", "决算数"};
  static const char *const again[] = {"48给码",   "科目名称", "决算数", "科目编码", "科目名称",
                                      "决算数",   "科目编码", "科目名称", "决算数"};
  b2j_page *pages[2] = {grouped_page(1, first, 3, 680, 0, true),
                        grouped_page(2, again, 3, 50, 2, false)};
  b2j_doc *doc = interpreted(pages, 2);
  const b2j_table *t = first_table(doc);
  TAP_OK(doc->tables->len == 1, "repeated header: one table over two pages (got %u)",
         doc->tables->len);
  TAP_OK(t && t->rows->len == 4, "repeated header: four body rows, the repeat dropped (got %u)",
         t ? t->rows->len : 0);
  b2j_doc_free(doc);
}

/* 公开06表's groups repeat one header: a label one character off what the
 * other groups agree on (OCR's 科目给码, 决算到) is their label; with only two
 * groups there is no majority, and a label further off stays. */
static void test_group_header_vote(void) {
  static const char *const three[] = {"科目编码", "科目名称", "决算数", "科目给码", "科目名称",
                                      "决算到",   "科目编码", "科目名称", "决算数"};
  b2j_doc *doc = grouped_table(three, 3);
  const b2j_table *t = first_table(doc);
  TAP_OK(t && t->columns->len == 9, "group vote: 9 columns (got %u)", t ? t->columns->len : 0);
  TAP_STREQ(t ? col(t, 3) : NULL, "科目编码", "group vote: 科目给码 is the others' 科目编码");
  TAP_STREQ(t ? col(t, 5) : NULL, "决算数", "group vote: 决算到 is the others' 决算数");
  TAP_STREQ(t ? col(t, 6) : NULL, "科目编码", "group vote: an agreeing label stays");
  b2j_doc_free(doc);

  static const char *const two[] = {"科目编码", "科目名称", "决算数",
                                    "科目给码", "科目名称", "决算到"};
  doc = grouped_table(two, 2);
  t = first_table(doc);
  TAP_STREQ(t ? col(t, 3) : NULL, "科目给码", "group vote: two groups make no majority");
  b2j_doc_free(doc);

  static const char *const far[] = {"科目编码", "科目名称", "决算数", "科目编码", "科目名称",
                                    "预算数额", "科目编码", "科目名称", "决算数"};
  doc = grouped_table(far, 3);
  t = first_table(doc);
  TAP_STREQ(t ? col(t, 5) : NULL, "预算数额", "group vote: a label more than a character off stays");
  b2j_doc_free(doc);
}

/* A ruled performance form under `title`: header 一级指标 … 得分 over one
 * indicator row. */
static b2j_doc *performance_form(const char *title) {
  static const char *const head[] = {"一级指标", "二级指标", "三级指标", "年度指标值",
                                     "实际完成值", "分值", "得分"};
  static const char *const row[] = {"产出指标", "数量指标", "开展活动次数", "≥1次", "1次", "20",
                                    "20"};
  b2j_page *p = b2j_page_new(1, 600, 800);
  wb(p, title, 150, 60, 450, 75);
  double w = 70, x0 = 50, top = 100;
  for (int r = 0; r <= 2; r++)
    b2j_page_add_rule(p, (b2j_box){x0, top + 20 * r - 0.5, x0 + 7 * w, top + 20 * r + 0.5}, true);
  for (int c = 0; c <= 7; c++)
    b2j_page_add_rule(p, (b2j_box){x0 + w * c - 0.5, top, x0 + w * c + 0.5, top + 40}, false);
  for (int c = 0; c < 7; c++) {
    wb(p, head[c], x0 + w * c + 4, top + 4, x0 + w * c + 60, top + 16);
    wb(p, row[c], x0 + w * c + 4, top + 24, x0 + w * c + 50, top + 36);
  }
  return interpreted(&p, 1);
}

/* A scanned 项目支出绩效自评表 whose title OCR garbled two glyphs
 * (项目支出绩效和目评表, seed-002's scan) matches the broad 支出…表 rule;
 * its header words say it is a performance form. A budget title over such
 * cells without 绩效 keeps its kind. */
static void test_garbled_performance_title(void) {
  b2j_doc *doc = performance_form("项目支出绩效和目评表");
  const b2j_table *t = first_table(doc);
  TAP_STREQ(t ? t->kind : NULL, "project_performance",
            "garbled performance title: the form's header words decide");
  b2j_doc_free(doc);
  doc = performance_form("一般公共预算财政拨款支出决算表");
  t = first_table(doc);
  TAP_STREQ(t ? t->kind : NULL, "general_budget_expenditure",
            "garbled performance title: a budget title without 绩效 keeps its kind");
  b2j_doc_free(doc);
}

/* An OCR'd ruled page titled `title` with columns `labels` (n_cols) over
 * `rows` (n_rows x n_cols texts, "" for blank). */
static b2j_page *ocr_ruled_page(const char *title, const char *const *labels, int n_cols,
                                const char *const *rows, int n_rows) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  p->source = B2J_SOURCE_OCR;
  b2j_page_add_word(p, g_strdup(title), (b2j_box){150, 60, 450, 75}, 0.95, B2J_ORIGIN_OCR);
  double top = 100, x0 = 40;
  double w[8] = {0};
  for (int c = 0; c < n_cols; c++)
    w[c] = strstr(labels[c], "名称") ? 200 : 60;
  double xe = x0;
  for (int c = 0; c < n_cols; c++)
    xe += w[c];
  for (int r = 0; r <= n_rows + 1; r++)
    b2j_page_add_rule(p, (b2j_box){x0, top + 20 * r - 0.5, xe, top + 20 * r + 0.5}, true);
  double x = x0;
  for (int c = 0; c <= n_cols; c++) {
    b2j_page_add_rule(p, (b2j_box){x - 0.5, top, x + 0.5, top + 20 * (n_rows + 1)}, false);
    if (c < n_cols)
      x += w[c];
  }
  x = x0;
  for (int c = 0; c < n_cols; c++) {
    b2j_page_add_word(p, g_strdup(labels[c]), (b2j_box){x + 4, top + 4, x + 40, top + 16}, 0.95,
                      B2J_ORIGIN_OCR);
    for (int r = 0; r < n_rows; r++) {
      const char *txt = rows[r * n_cols + c];
      if (*txt)
        b2j_page_add_word(p, g_strdup(txt),
                          (b2j_box){x + 4, top + 24 + 20 * r, x + w[c] - 6, top + 36 + 20 * r},
                          0.9, B2J_ORIGIN_OCR);
    }
    x += w[c];
  }
  return p;
}

static const char *cell_text(const b2j_doc *doc, guint r, guint c) {
  const b2j_table *t = first_table(doc);
  const b2j_row *row = t && r < t->rows->len ? g_ptr_array_index(t->rows, r) : NULL;
  const b2j_cell *cell = row && c < row->cells->len ? g_ptr_array_index(row->cells, c) : NULL;
  return cell ? cell->text : NULL;
}

static int warnings_with(const b2j_doc *doc, const char *code, const char *part) {
  int n = 0;
  for (guint i = 0; i < doc->warnings->len; i++) {
    const b2j_warning *w = g_ptr_array_index(doc->warnings, i);
    n += strcmp(w->code, code) == 0 && strstr(w->message, part) != NULL;
  }
  return n;
}

/* syn-006's noisy scan read the 款 of 2101199 as "1": 210 1 99 is no code,
 * and 2101199 is the only code one digit away named 其他行政事业单位医疗支出.
 * A known code beside another code's name (2101102 beside 公务员医疗补助,
 * which is 2101103) is a finding, not a misreading: it stays. */
static void test_unknown_ocr_code_is_the_code_its_name_gives(void) {
  static const char *const labels[] = {"类", "款", "项", "科目名称", "决算数"};
  static const char *const rows[] = {
      "210", "11", "01", "行政单位医疗",             "41.17",
      "210", "1",  "99", "其他行政事业单位医疗支出", "33.59",
      "210", "11", "02", "公务员医疗补助",           "44.76",
      "210", "1",  "03", "没有这个名称",             "1.00",
  };
  b2j_page *p = ocr_ruled_page("一般公共预算财政拨款支出决算表", labels, 5, rows, 4);
  b2j_doc *doc = interpreted(&p, 1);
  TAP_STREQ(cell_text(doc, 1, 1), "11", "code from name: 款 '1' of 210 1 99 is 11");
  TAP_OK(warnings_with(doc, "ocr_text_corrected", "2101199") == 1,
         "code from name: the correction is recorded");
  TAP_STREQ(cell_text(doc, 2, 2), "02", "code from name: a known code beside another's name stays");
  TAP_STREQ(cell_text(doc, 3, 1), "1", "code from name: a name the classification lacks fixes nothing");
  b2j_doc_free(doc);

  static const char *const labels1[] = {"科目编码", "科目名称", "决算数"};
  static const char *const rows1[] = {"71011", "行政事业单位医疗", "174.22"};
  p = ocr_ruled_page("一般公共预算财政拨款支出决算表", labels1, 3, rows1, 1);
  doc = interpreted(&p, 1);
  TAP_STREQ(cell_text(doc, 0, 0), "21011", "code from name: syn-011's 71011 is 21011");
  b2j_doc_free(doc);

  /* A real report's noisy scan read the last 3 of 30103 as %; ?0213 lost
   * its first 3. One mark stands for one digit; two marks fix nothing. */
  static const char *const rows2[] = {
      "3010%", "奖金",         "206.16",
      "?0213", "维修(护)费",   "100.00",
      "30%0%", "津贴补贴",     "4220.60",
  };
  p = ocr_ruled_page("一般公共预算基本支出预算表", labels1, 3, rows2, 3);
  doc = interpreted(&p, 1);
  TAP_STREQ(cell_text(doc, 0, 0), "30103", "code from name: 3010%% beside 奖金 is 30103");
  TAP_OK(warnings_with(doc, "ocr_text_corrected", "'3010%'") == 1,
         "code from name: the correction quotes the code as read");
  TAP_STREQ(cell_text(doc, 1, 0), "30213", "code from name: ?0213 beside 维修(护)费 is 30213");
  TAP_STREQ(cell_text(doc, 2, 0), "30%0%", "code from name: two marks in a code fix nothing");
  b2j_doc_free(doc);
}

/* Real reports' noisy scans read a speck or a rule's stub after a code as
 * a glyph: 301 人, 2010201 分, 2040599。, 30299 1. The classification names
 * each code as its row does, so the glyphs are no part of it; beside another
 * name, or with three glyphs after it, the cell stays as read. */
static void test_known_code_with_marks_after_is_the_code(void) {
  static const char *const labels[] = {"科目编码", "科目名称", "金额"};
  static const char *const rows[] = {
      "301 人",     "工资福利支出",       "13747.87",
      "2010201 分", "行政运行",           "3233.03",
      "2040599。",  "其他法院支出",       "910.00",
      "30299 1",    "其他商品和服务支出", "994.54",
      "221 姻",     "没有这个名称",       "2.00",
      "303 个人和", "对个人和家庭的补助", "1.00",
  };
  b2j_page *p = ocr_ruled_page("一般公共预算支出预算表", labels, 3, rows, 6);
  b2j_doc *doc = interpreted(&p, 1);
  TAP_STREQ(cell_text(doc, 0, 0), "301", "code with marks: 301 人 beside 工资福利支出 is 301");
  TAP_STREQ(cell_text(doc, 1, 0), "2010201", "code with marks: 2010201 分 beside 行政运行");
  TAP_STREQ(cell_text(doc, 2, 0), "2040599", "code with marks: a full stop after 2040599");
  TAP_STREQ(cell_text(doc, 3, 0), "30299", "code with marks: a digit that makes no code (302991)");
  TAP_STREQ(cell_text(doc, 4, 0), "221 姻", "code with marks: beside a name not its own, left");
  TAP_STREQ(cell_text(doc, 5, 0), "303 个人和", "code with marks: three glyphs after it are words, left");
  TAP_OK(warnings_with(doc, "ocr_text_corrected", "'301 人'") == 1,
         "code with marks: the correction quotes the code as read");
  b2j_doc_free(doc);

  /* A table whose title was not read (五】财政拨款 …) still has a code column. */
  static const char *const rows2[] = {"3010%", "奖金", "167.12", "221 申宙", "住房保障支出", "2319.16"};
  p = ocr_ruled_page("五】财政拨款", labels, 3, rows2, 2);
  doc = interpreted(&p, 1);
  TAP_STREQ(cell_text(doc, 0, 0), "30103", "untitled table: 3010%% beside 奖金 is 30103");
  TAP_STREQ(cell_text(doc, 1, 0), "221", "untitled table: 221 申宙 beside 住房保障支出 is 221");
  b2j_doc_free(doc);
}

/* syn-009's noisy scan read “三公”经费支出预算表 as 三公-经费支出决算表:
 * 支出决算表 occurs in it whole, but the title names 三公. */
static void test_misread_three_public_title_keeps_its_kind(void) {
  static const char *const labels[] = {"合计", "因公出国(境)费", "小计", "公务接待费"};
  static const char *const rows[] = {"39.29", "0.00", "37.01", "2.28"};
  b2j_page *p = ocr_ruled_page("三公-经费支出决算表", labels, 4, rows, 1);
  b2j_doc *doc = interpreted(&p, 1);
  const b2j_table *t = first_table(doc);
  TAP_STREQ(t ? t->kind : NULL, "three_public", "三公-经费支出决算表 is the 三公 table");
  b2j_doc_free(doc);

  /* syn-009's noisy scan read the 因公出国(境)费 header as "8": one digit
   * among header words is a speck, and the row is still the header. */
  static const char *const speck[] = {"合计", "8", "小计", "公务接待费"};
  p = ocr_ruled_page("“三公”经费支出决算表", speck, 4, rows, 1);
  doc = interpreted(&p, 1);
  t = first_table(doc);
  TAP_OK(t && t->columns->len == 4 && strcmp(col(t, 0), "合计") == 0 &&
             strcmp(col(t, 3), "公务接待费") == 0 && t->rows->len == 1,
         "a header with one stray digit among its words is the header (columns %s … %s)",
         t ? col(t, 0) : "-", t ? col(t, 3) : "-");
  b2j_doc_free(doc);
  static const char *const amounts[] = {"合计", "8", "2.5", "公务接待费"};
  p = ocr_ruled_page("“三公”经费支出决算表", amounts, 4, rows, 1);
  doc = interpreted(&p, 1);
  t = first_table(doc);
  TAP_OK(t && t->rows->len == 2, "two numbers in the top row make it a row of amounts");
  b2j_doc_free(doc);

  /* A real report's clean scan: a standard expenditure title sits one glyph
   * off inside the title, but the title names 三公, a kind more specific. */
  p = ocr_ruled_page("十一2017年江苏省高级人民法院部门一般公共预算4一三公?经费、会议费、培训费支出预算表",
                     labels, 4, rows, 1);
  doc = interpreted(&p, 1);
  t = first_table(doc);
  TAP_STREQ(t ? t->kind : NULL, "three_public",
            "a misread 三公 title near an expenditure title is still the 三公 table");
  b2j_doc_free(doc);
  /* The near title still wins over a broader rule: 一般公共预算基本支出表
   * with 基本 misread is no plain general budget expenditure table. */
  static const char *const labels5[] = {"科目编码", "科目名称", "金额"};
  static const char *const rows5[] = {"301", "工资福利支出", "10.00"};
  p = ocr_ruled_page("一般公共预算基木支出表", labels5, 3, rows5, 1);
  doc = interpreted(&p, 1);
  t = first_table(doc);
  TAP_STREQ(t ? t->kind : NULL, "basic_expenditure_detail",
            "a title one glyph off 一般公共预算基本支出表 is the basic detail, not the broader kind");
  b2j_doc_free(doc);
}

/* A real report's clean scan read 2024年部门财政拨款收支预算总表 as
 * 财政拨于收文预算总表: one glyph from the standard 收支预算总表, two from its
 * own title. Its amounts split by fund say which it is; a 收支总表 whose
 * only amount column is 预算数 stays the summary. */
static void test_summary_split_by_fund_is_the_appropriations(void) {
  static const char *const labels[] = {"项目", "合计", "一般公共预算", "政府性基金预算"};
  static const char *const rows[] = {"一般公共服务支出", "2,932,700", "2,932,700", ""};
  b2j_page *p = ocr_ruled_page("2024年部门财政拨于收文预算总表", labels, 4, rows, 1);
  b2j_doc *doc = interpreted(&p, 1);
  const b2j_table *t = first_table(doc);
  TAP_STREQ(t ? t->kind : NULL, "appropriation_summary",
            "a 收支总表 split by fund is the appropriations' summary");
  b2j_doc_free(doc);
  static const char *const labels2[] = {"项目", "预算数", "项目", "预算数"};
  static const char *const rows2[] = {"一般公共预算资金", "2,932,700", "一般公共服务支出",
                                      "2,932,700"};
  p = ocr_ruled_page("2024年部门财务收支预算总表", labels2, 4, rows2, 1);
  doc = interpreted(&p, 1);
  t = first_table(doc);
  TAP_STREQ(t ? t->kind : NULL, "income_expenditure_summary",
            "a 收支总表 with one amount column stays the summary");
  b2j_doc_free(doc);
}

/* A real report's noisy scan read the 合计 row under the header as 会计 |
 * 会计 | 13,. 979. 92: no code, no amount that parses, so it became the
 * header's second row and its amount the column's name. Digits with only
 * separators and marks between them are a garbled amount, which makes a
 * row of data; the header stays 科目编码 | 科目名称 | 金额. */
static void test_garbled_amount_row_is_data(void) {
  static const char *const labels[] = {"科目编码", "科目名称", "金额"};
  static const char *const rows[] = {"会计", "会计", "13,. 979. 92",
                                     "301", "工资福利支出", "10,204.52"};
  b2j_page *p = ocr_ruled_page("一般公共预算基本支出预算表", labels, 3, rows, 2);
  b2j_doc *doc = interpreted(&p, 1);
  const b2j_table *t = first_table(doc);
  TAP_OK(t && t->columns->len == 3 && strcmp(col(t, 2), "金额") == 0 && t->rows->len == 2,
         "a garbled amount makes a row of data, not a header row (column '%s', %u rows)",
         t && t->columns->len > 2 ? col(t, 2) : "-", t ? t->rows->len : 0);
  b2j_doc_free(doc);
  /* A header word with a digit or two is still a header word. */
  static const char *const labels2[] = {"科目编码", "科目名称", "2018年"};
  static const char *const rows2[] = {"301", "工资福利支出", "10,204.52"};
  p = ocr_ruled_page("一般公共预算基本支出预算表", labels2, 3, rows2, 1);
  doc = interpreted(&p, 1);
  t = first_table(doc);
  TAP_OK(t && t->rows->len == 1 && strcmp(col(t, 2), "2018年") == 0,
         "a header of words and 2018年 stays the header");
  b2j_doc_free(doc);
}

/* seed-001's noisy 公开04表 read its 行次 8 as "8.": in a column of whole
 * numbers the point is a speck; in a column of amounts it is left alone. */
static void test_point_after_a_whole_number(void) {
  static const char *const labels[] = {"项目", "行次", "金额"};
  static const char *const rows[] = {
      "一、一般公共预算财政拨款", "1",  "362.62",
      "二、政府性基金预算财政拨款", "2.", "3.",
      "本年收入合计",               "3",  "365.62",
  };
  b2j_page *p = ocr_ruled_page("收入支出决算总表", labels, 3, rows, 3);
  b2j_doc *doc = interpreted(&p, 1);
  TAP_STREQ(cell_text(doc, 1, 1), "2", "行次 '2.' among whole numbers is 2");
  TAP_STREQ(cell_text(doc, 1, 2), "3.", "an amount '3.' among decimals stays as read");
  b2j_doc_free(doc);
}

/* syn-009's noisy income table read 0.00 as 人0.00 (a speck named a
 * glyph); seed-001's 公开04表 15.13 as “15.13. Among numbers, one or two
 * marks before a number go; a Chinese glyph other than 人 and 个 may be a
 * lost digit (a real scan's 了299.00 was 1,299.00), 约 says something,
 * three marks are more than specks, and a row's label keeps its text. */
static void test_marks_before_a_number(void) {
  static const char *const labels[] = {"项目", "合计", "基本支出", "项目支出"};
  static const char *const rows[] = {
      "一般公共服务支出", "12.00",      "10.00", "2.00",
      "行政运行",         "人0.98",     "0.98",  "0.00",
      "机关服务",         "1.00",       "1.00",  "0.00",
      "一般行政管理事务", "“15.13",     "15.13", "0.00",
      "专项业务",         "2.00",       "2.00",  "0.00",
      "其他支出",         "了299.00",   "0.50",  "0.00",
      "事业运行",         "3.00",       "3.00",  "0.00",
      "其他事务",         "约3.00",     "3.00",  "0.00",
      "附2",              "1.00",       "1.00",  "0.00",
  };
  b2j_page *p = ocr_ruled_page("一般公共预算支出决算表", labels, 4, rows, 9);
  b2j_doc *doc = interpreted(&p, 1);
  TAP_STREQ(cell_text(doc, 1, 1), "0.98", "marks before a number: 人0.98 is 0.98");
  TAP_STREQ(cell_text(doc, 3, 1), "15.13", "marks before a number: “15.13 is 15.13");
  TAP_OK(warnings_with(doc, "ocr_text_corrected", "人0.98") == 1,
         "marks before a number: the correction is recorded");
  TAP_STREQ(cell_text(doc, 5, 1), "了299.00", "marks before a number: 了 may be a lost digit");
  TAP_STREQ(cell_text(doc, 7, 1), "约3.00", "marks before a number: 约 is no mark");
  TAP_STREQ(cell_text(doc, 8, 0), "附2", "marks before a number: a row's label keeps its text");
  b2j_doc_free(doc);
}

int main(void) {
  test_empty_table_header();
  test_garbled_performance_title();
  test_group_header_vote();
  test_header_stray_marks();
  test_repeated_header_misread();
  test_unknown_ocr_code_is_the_code_its_name_gives();
  test_known_code_with_marks_after_is_the_code();
  test_misread_three_public_title_keeps_its_kind();
  test_summary_split_by_fund_is_the_appropriations();
  test_point_after_a_whole_number();
  test_garbled_amount_row_is_data();
  test_marks_before_a_number();
  return tap_done();
}
