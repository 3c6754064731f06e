/* Indicator levels of a performance form read from synthetic pages through
 * layout and interpret: a 一级指标 cell that names no level (the last line of
 * a wrapped name, 指标) on an OCR'd page takes the level its 二级指标 stands
 * under; born-digital text stays as printed. */
#include <string.h>

#include "interpret/interpret.h"
#include "layout/layout.h"
#include "tests/lib/tap.h"
#include "validate/validate.h"

#define ROWS 12

/* 一级, 二级, 三级 of each body row ("" for an empty, merged cell). */
static const char *const BODY[ROWS][3] = {
    {"产出指标", "数量指标", "开展活动次数"},
    {"", "质量指标", "验收合格率"},
    {"指标", "服务对象满意度指标", "群众满意度"},
    {"", "经济效益指标", "减轻群众负担"},
    {"", "社会效益指标", "群众获得感"},
    {"", "指标", "环境改善"},
    {"", "", "植被覆盖率"},
    {"", "可持给影咏各械-", "持续发挥作用年限"},
    {"项目产出", "数量指标", "检查机构数量"},
    {"", "成本指标", "项目成本控制"},
    {"竣音度指标", "服务对象满意度指标", "群众满意度"},
    {"", "", "合计数"},
};

/* A document of the one page `p` (taken), its tables laid out and
 * interpreted (b2j_doc_free it). */
static b2j_doc *interpret_page(b2j_page *p) {
  b2j_doc *doc = b2j_doc_new("synthetic.pdf");
  g_ptr_array_add(doc->pages, p);
  GPtrArray *page_grids = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  g_ptr_array_add(page_grids, b2j_layout_tables(p));
  b2j_interpret_tables(doc, page_grids);
  g_ptr_array_unref(page_grids);
  return doc;
}

/* A ruled 项目支出绩效自评表 of BODY, its words OCR'd or from a text layer,
 * with a total row under it labelled `total` in its first three cells when
 * not NULL. */
static b2j_doc *form_scored(bool ocr, const char *total, const char *score_head) {
  const char *const head[] = {"一级指标", "二级指标", "三级指标", "年度指标值",
                              "实际完成值", "分值", score_head};
  b2j_page *p = b2j_page_new(1, 600, 800);
  p->source = ocr ? B2J_SOURCE_OCR : B2J_SOURCE_TEXT;
  b2j_origin o = ocr ? B2J_ORIGIN_OCR : B2J_ORIGIN_TEXT;
  double conf = ocr ? 0.9 : -1;
  b2j_page_add_word(p, g_strdup("项目支出绩效自评表"), (b2j_box){150, 60, 450, 75}, conf, o);
  double w = 70, x0 = 50, top = 100;
  int rows = ROWS + (total ? 1 : 0);
  for (int r = 0; r <= rows + 1; r++)
    b2j_page_add_rule(p, (b2j_box){x0, top + 20 * r - 0.5, x0 + 7 * w, top + 20 * r + 0.5}, true);
  for (int c = 0; c <= 7; c++)
    b2j_page_add_rule(p, (b2j_box){x0 + w * c - 0.5, top, x0 + w * c + 0.5, top + 20 * (rows + 1)},
                      false);
  for (int c = 0; c < 7; c++)
    b2j_page_add_word(p, g_strdup(head[c]), (b2j_box){x0 + w * c + 4, top + 4, x0 + w * c + 60, top + 16},
                      conf, o);
  for (int r = 0; r < ROWS; r++) {
    double y = top + 20 * (r + 1);
    const char *cells[7] = {BODY[r][0], BODY[r][1], BODY[r][2], "≥1次", "1次", "10", "10"};
    for (int c = 0; c < 7; c++)
      if (*cells[c])
        b2j_page_add_word(p, g_strdup(cells[c]), (b2j_box){x0 + w * c + 4, y + 4, x0 + w * c + 60, y + 16},
                          conf, o);
  }
  if (total) {
    double y = top + 20 * (ROWS + 1);
    const char *cells[7] = {total, total, total, "", "", "100", "93"};
    for (int c = 0; c < 7; c++)
      if (*cells[c])
        b2j_page_add_word(p, g_strdup(cells[c]), (b2j_box){x0 + w * c + 4, y + 4, x0 + w * c + 60, y + 16},
                          conf, o);
  }
  return interpret_page(p);
}

static b2j_doc *form(bool ocr, const char *total) { return form_scored(ocr, total, "得分"); }

static const b2j_indicator *indicator(const b2j_doc *doc, guint i) {
  return i < doc->indicators->len ? g_ptr_array_index(doc->indicators, i) : NULL;
}

static const char *level1(const b2j_doc *doc, guint i) {
  const b2j_indicator *x = indicator(doc, i);
  return x ? x->level1 : "(no indicator)";
}

static const char *level2(const b2j_doc *doc, guint i) {
  const b2j_indicator *x = indicator(doc, i);
  return x ? x->level2 : "(no indicator)";
}

static bool warned(const b2j_doc *doc, const char *code, const char *part) {
  for (guint i = 0; i < doc->warnings->len; i++) {
    const b2j_warning *w = g_ptr_array_index(doc->warnings, i);
    if (strcmp(w->code, code) == 0 && strstr(w->message, part))
      return true;
  }
  return false;
}

static void test_scanned(void) {
  b2j_doc *doc = form(true, NULL);
  TAP_OK(doc->indicators->len == ROWS, "scan: %d indicators (got %u)", ROWS, doc->indicators->len);
  TAP_STREQ(level1(doc, 0), "产出指标", "scan: a level read right stays");
  TAP_STREQ(level1(doc, 1), "产出指标", "scan: an empty merged cell keeps the level above");
  TAP_STREQ(level1(doc, 2), "满意度指标",
            "scan: 指标 (the last line of 满意度|指标) is the level over 服务对象满意度指标");
  TAP_OK(warned(doc, "ocr_text_corrected", "满意度指标"), "scan: the level read from the 二级 says so");
  TAP_STREQ(level1(doc, 3), "效益指标",
            "scan: an empty cell under a level that cannot stand over 经济效益指标 takes 效益指标");
  TAP_STREQ(level1(doc, 4), "效益指标", "scan: the row below keeps it");
  TAP_STREQ(level2(doc, 5), "生态效益指标",
            "scan: 指标 between 社会效益指标 and 可持续影响指标 is 生态效益指标");
  TAP_STREQ(level2(doc, 6), "生态效益指标", "scan: and so is the row it is merged over");
  TAP_OK(warned(doc, "ocr_text_corrected", "生态效益指标"), "scan: the level put between says so");
  TAP_STREQ(level2(doc, 7), "可持续影响指标", "scan: 可持给影咏各械- is 可持续影响指标");
  TAP_STREQ(level1(doc, 7), "效益指标", "scan: and stands under 效益指标");
  TAP_STREQ(level1(doc, 8), "项目产出", "scan: a level name of the report's own stays");
  TAP_STREQ(level1(doc, 9), "项目产出", "scan: 成本指标 names no 一级: the level above stays");
  TAP_STREQ(indicator(doc, 11) ? indicator(doc, 11)->name : NULL, "合计数",
            "scan: a name in one cell starting with a total word is an indicator, no total");
  TAP_STREQ(level1(doc, 10), "满意度指标",
            "scan: 竣音度指标 (two glyphs off) over 服务对象满意度指标 is 满意度指标");
  b2j_doc_free(doc);
}

/* syn-010's noisy scan read a blurred 得分 header as 1853: the column after
 * 分值 holding numbers is still 得分 on an OCR'd page, and says so; a
 * born-digital header is what it says. */
static void test_score_header_misread(void) {
  b2j_doc *doc = form_scored(true, NULL, "1853");
  const b2j_indicator *x = indicator(doc, 0);
  TAP_OK(x && x->score.present && b2j_dec_cmp(x->score.value, (b2j_dec){10, 0}) == 0,
         "score header read 1853: the column after 分值 gives the scores");
  TAP_OK(warned(doc, "ocr_text_corrected", "'1853' after 分值"), "score header: the reading is named");
  b2j_doc_free(doc);
  doc = form_scored(false, NULL, "1853");
  x = indicator(doc, 0);
  TAP_OK(x && !x->score.present, "born-digital: a column headed 1853 is no 得分");
  b2j_doc_free(doc);
}

static void test_digital(void) {
  b2j_doc *doc = form(false, NULL);
  TAP_OK(doc->indicators->len == ROWS, "text: %d indicators (got %u)", ROWS, doc->indicators->len);
  TAP_STREQ(level1(doc, 1), "产出指标", "text: an empty merged cell keeps the level above");
  TAP_STREQ(level1(doc, 2), "指标", "text: born-digital text is what it says");
  TAP_STREQ(level1(doc, 3), "指标", "text: and the row below inherits it");
  TAP_STREQ(level2(doc, 5), "指标", "text: a cut 二级 stays as printed");
  TAP_STREQ(level1(doc, 10), "竣音度指标", "text: a 一级 printed so stays");
  TAP_OK(!warned(doc, "ocr_text_corrected", "一级指标"), "text: no level read from a 二级");
  TAP_OK(!warned(doc, "ocr_text_corrected", "二级指标"), "text: none put between");
  b2j_doc_free(doc);
}

static double total_score(const b2j_doc *doc) {
  const b2j_project *p = doc->projects->len ? g_ptr_array_index(doc->projects, 0) : NULL;
  if (!p || !p->total_score.present)
    return -1;
  char buf[B2J_DEC_STRLEN];
  return g_ascii_strtod(b2j_dec_format(p->total_score.value, buf), NULL);
}

/* The total row closes the indicators, its label read with a stray glyph
 * after it (总分人, syn-012's noisy scan) or not. */
static void test_total_row(void) {
  static const char *const labels[] = {"总分", "总分人", "合计昌"};
  for (int i = 0; i < 3; i++) {
    b2j_doc *doc = form(true, labels[i]);
    TAP_OK(doc->indicators->len == ROWS, "total %s: %d indicators, the total none (got %u)", labels[i],
           ROWS, doc->indicators->len);
    TAP_OK(total_score(doc) == 93, "total %s: the project's total score is 93 (got %g)", labels[i],
           total_score(doc));
    b2j_doc_free(doc);
  }
}

/* A ruled 绩效目标 table (seed-000's columns) whose 度量单位 of the first
 * row reads `unit`, its words OCR'd or from a text layer: the first
 * indicator's target raw. */
static char *goal_target(bool ocr, const char *unit) {
  static const char *const head[] = {"序号", "三级指标", "指标性质", "指标值", "度量单位", "指标权重"};
  const char *rows[2][6] = {{"1", "数量指标确保基金收支安全", "≥", "90", unit, "20%"},
                            {"2", "时效指标项目按期完成率", "≥", "90", "%", "10%"}};
  b2j_page *p = b2j_page_new(1, 600, 800);
  p->source = ocr ? B2J_SOURCE_OCR : B2J_SOURCE_TEXT;
  b2j_origin o = ocr ? B2J_ORIGIN_OCR : B2J_ORIGIN_TEXT;
  double conf = ocr ? 0.9 : -1, w = 80, x0 = 50, top = 100;
  b2j_page_add_word(p, g_strdup("部门整体绩效目标设立情况"), (b2j_box){150, 60, 450, 75}, conf, o);
  for (int r = 0; r <= 3; r++)
    b2j_page_add_rule(p, (b2j_box){x0, top + 20 * r - 0.5, x0 + 6 * w, top + 20 * r + 0.5}, true);
  for (int c = 0; c <= 6; c++)
    b2j_page_add_rule(p, (b2j_box){x0 + w * c - 0.5, top, x0 + w * c + 0.5, top + 60}, false);
  for (int r = 0; r < 3; r++)
    for (int c = 0; c < 6; c++) {
      const char *t = r == 0 ? head[c] : rows[r - 1][c];
      b2j_page_add_word(p, g_strdup(t), (b2j_box){x0 + w * c + 4, top + 20 * r + 4, x0 + w * c + 76, top + 20 * r + 16},
                        conf, o);
    }
  b2j_doc *doc = interpret_page(p);
  const b2j_indicator *x = indicator(doc, 0);
  char *raw = x && x->target.raw ? g_strdup(x->target.raw) : NULL;
  b2j_doc_free(doc);
  return raw;
}

static void test_goal_unit(void) {
  char *a = goal_target(true, "9%0"), *b = goal_target(true, "o%o"), *c = goal_target(false, "9%0"),
       *d = goal_target(true, "%");
  TAP_STREQ(a, "≥90%", "goal table, OCR: a unit read 9%%0 is the %% its rings made");
  TAP_STREQ(b, "≥90%", "goal table, OCR: a unit read o%%o is %%");
  TAP_OK(c && strcmp(c, "≥90%") != 0, "goal table, text layer: 9%%0 stays as printed (got %s)",
         c ? c : "NULL");
  TAP_STREQ(d, "≥90%", "goal table, OCR: a clean %% is left alone");
  g_free(a);
  g_free(b);
  g_free(c);
  g_free(d);
}

/* A ruled goal table whose first row, inside the frame and spanning it,
 * holds `above` (a title, or a field row when `field`), then its header and
 * two indicators (syn-009's 财政投资评审经费绩效目标). */
static b2j_doc *goal_with_row_above(const char *above, bool field) {
  static const char *const head[] = {"序号", "三级指标", "指标性质", "指标值", "度量单位", "指标权重"};
  static const char *const rows[2][6] = {{"1", "数量指标服务乡镇数量", "≥", "8", "个", "7%"},
                                         {"2", "数量指标制定工作方案", "=", "2", "个", "7%"}};
  b2j_page *p = b2j_page_new(1, 600, 800);
  p->source = B2J_SOURCE_OCR;
  double w = 80, x0 = 50, top = 100;
  for (int r = 0; r <= 4; r++)
    b2j_page_add_rule(p, (b2j_box){x0, top + 20 * r - 0.5, x0 + 6 * w, top + 20 * r + 0.5}, true);
  for (int c = 0; c <= 6; c++) {
    /* A title spans the frame; a field row has its label cell apart. */
    bool full = c == 0 || c == 6 || (field && c == 1);
    b2j_page_add_rule(p, (b2j_box){x0 + w * c - 0.5, full ? top : top + 20, x0 + w * c + 0.5, top + 80},
                      false);
  }
  if (field) {
    b2j_page_add_word(p, g_strdup("项目名称"), (b2j_box){x0 + 4, top + 4, x0 + 76, top + 16}, 0.9,
                      B2J_ORIGIN_OCR);
    b2j_page_add_word(p, g_strdup(above), (b2j_box){x0 + w + 100, top + 4, x0 + w + 300, top + 16},
                      0.9, B2J_ORIGIN_OCR);
  } else {
    b2j_page_add_word(p, g_strdup(above), (b2j_box){x0 + 100, top + 4, x0 + 380, top + 16}, 0.9,
                      B2J_ORIGIN_OCR);
  }
  for (int r = 1; r < 4; r++)
    for (int c = 0; c < 6; c++) {
      const char *t = r == 1 ? head[c] : rows[r - 2][c];
      b2j_page_add_word(p, g_strdup(t), (b2j_box){x0 + w * c + 4, top + 20 * r + 4, x0 + w * c + 76, top + 20 * r + 16},
                        0.9, B2J_ORIGIN_OCR);
    }
  return interpret_page(p);
}

static const char *first_cell(const b2j_doc *doc) {
  const b2j_table *t = doc->tables->len ? g_ptr_array_index(doc->tables, 0) : NULL;
  const b2j_row *r = t && t->rows->len ? g_ptr_array_index(t->rows, 0) : NULL;
  const b2j_cell *c = r && r->cells->len ? g_ptr_array_index(r->cells, 0) : NULL;
  return c ? c->text : NULL;
}

static void test_goal_header_opening_the_table_is_no_row(void) {
  b2j_doc *doc = goal_with_row_above("财政投资评审经费绩效目标", false);
  const b2j_table *t = doc->tables->len ? g_ptr_array_index(doc->tables, 0) : NULL;
  TAP_STREQ(first_cell(doc), "1", "goal table: the header under its title is columns, not row 1");
  TAP_STREQ(t ? t->title : NULL, "财政投资评审经费绩效目标", "goal table: the framed title is the title");
  TAP_OK(t && t->rows->len == 2 && doc->indicators->len == 2,
         "goal table: two body rows, two indicators");
  b2j_doc_free(doc);
  doc = goal_with_row_above("医保基金监管专项经费", true);
  TAP_STREQ(first_cell(doc), "项目名称", "goal table: a field row above the header stays a row");
  b2j_doc_free(doc);
}

/* A document of an OCR'd (or born-digital) 项目支出绩效自评表 on page 1 whose
 * 项目名称 cell reads `name` with confidence `conf`, two indicators under
 * it; then page 2 of prose lines `prose` (NULL-terminated, OCR'd), and when
 * `other` is given, page 3 with another project's form named so. */
static b2j_doc *project_form_with(const char *name, double conf, bool ocr,
                                  const char *const *prose, const char *other,
                                  const char *target_label) {
  const char *const head[] = {"一级指标", "二级指标", "三级指标", target_label,
                              "实际完成值", "分值", "得分"};
  static const char *const body[2][7] = {
      {"产出指标", "数量指标", "开展培训次数", "=8次", "8次", "10", "10"},
      {"效益指标", "满意度指标", "服务对象满意度", "≥90%", "95%", "10", "9"}};
  b2j_doc *doc = b2j_doc_new("synthetic.pdf");
  GPtrArray *page_grids = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  int n_pages = other ? 3 : 2;
  for (int pg = 1; pg <= n_pages; pg++) {
    b2j_page *p = b2j_page_new(pg, 600, 800);
    bool form_page = pg != 2;
    bool page_ocr = pg == 2 || ocr;
    p->source = page_ocr ? B2J_SOURCE_OCR : B2J_SOURCE_TEXT;
    b2j_origin o = page_ocr ? B2J_ORIGIN_OCR : B2J_ORIGIN_TEXT;
    double c0 = page_ocr ? 0.95 : -1;
    if (form_page) {
      b2j_page_add_word(p, g_strdup("项目支出绩效自评表"), (b2j_box){150, 60, 450, 75}, c0, o);
      double w = 70, x0 = 50, top = 100;
      for (int r = 0; r <= 4; r++)
        b2j_page_add_rule(p, (b2j_box){x0, top + 20 * r - 0.5, x0 + 7 * w, top + 20 * r + 0.5}, true);
      for (int c = 0; c <= 7; c++) {
        bool full = c == 0 || c == 1 || c == 7;
        b2j_page_add_rule(p, (b2j_box){x0 + w * c - 0.5, full ? top : top + 20, x0 + w * c + 0.5, top + 80},
                          false);
      }
      b2j_page_add_word(p, g_strdup("项目名称"), (b2j_box){x0 + 4, top + 4, x0 + 60, top + 16}, c0, o);
      b2j_page_add_word(p, g_strdup(pg == 1 ? name : other),
                        (b2j_box){x0 + w + 4, top + 4, x0 + w + 200, top + 16},
                        pg == 1 && ocr ? conf : c0, o);
      for (int r = 1; r < 4; r++)
        for (int c = 0; c < 7; c++)
          b2j_page_add_word(p, g_strdup(r == 1 ? head[c] : body[r - 2][c]),
                            (b2j_box){x0 + w * c + 4, top + 20 * r + 4, x0 + w * c + 60, top + 20 * r + 16},
                            c0, o);
    } else {
      for (int k = 0; prose && prose[k]; k++)
        b2j_page_add_word(p, g_strdup(prose[k]), (b2j_box){60, 100 + 30 * k, 500, 112 + 30 * k}, 0.9,
                          B2J_ORIGIN_OCR);
    }
    g_ptr_array_add(doc->pages, p);
    g_ptr_array_add(page_grids, b2j_layout_tables(p));
  }
  b2j_interpret_tables(doc, page_grids);
  g_ptr_array_unref(page_grids);
  return doc;
}

static b2j_doc *project_form(const char *name, double conf, bool ocr, const char *const *prose,
                             const char *other) {
  return project_form_with(name, conf, ocr, prose, other, "年度指标值");
}

/* A wrapped 年度指标|值 header whose last line was lost on a noisy scan
 * still names the target column. */
static void test_target_column_without_value(void) {
  b2j_doc *doc = project_form_with("人事考试经费", 0.95, true, NULL, NULL, "年度指标");
  const b2j_indicator *x = indicator(doc, 0);
  TAP_STREQ(x && x->target.raw ? x->target.raw : NULL, "=8次",
            "target column: 年度指标 (its 值 lost) holds the targets");
  b2j_doc_free(doc);
}

static const char *project_name(const b2j_doc *doc) {
  const b2j_project *p = doc->projects->len ? g_ptr_array_index(doc->projects, 0) : NULL;
  return p ? p->name : "(no project)";
}

static const char *indicator_project(const b2j_doc *doc, guint i) {
  const b2j_indicator *x = indicator(doc, i);
  return x ? x->project : "(no indicator)";
}

/* Strings from the scan-noisy readings of the synthetic reports' forms and
 * the prose that names their projects. */
static void test_project_name_from_text(void) {
  static const char *const prose[] = {
      "经自评， 人事考试经费2022年度全年预算数139.80万元，全年执行数139.80万元，",
      "保障人事考试经费顺利实施，完成年度目标任务，提高群众满意诬。", NULL};
  b2j_doc *doc = project_form("人事岩试经费", 0.84, true, prose, NULL);
  TAP_STREQ(project_name(doc), "人事考试经费",
            "project name: a glyph misread in the 项目名称 cell is the name the prose prints");
  TAP_STREQ(indicator_project(doc, 0), "人事考试经费", "project name: its indicators carry it");
  TAP_STREQ(indicator_project(doc, 1), "人事考试经费", "project name: all of them");
  TAP_OK(warned(doc, "ocr_text_corrected", "人事岩试经费"), "project name: the correction says so");
  b2j_doc_free(doc);

  static const char *const tail[] = {
      "普法宣传专项经费2022年度全年预算数42.13万元，", "保障普法宣传专项经费顺利实施，完成年度目标任务，",
      NULL};
  doc = project_form("普法宣传专项经旨中", 0.26, true, tail, NULL);
  TAP_STREQ(project_name(doc), "普法宣传专项经费",
            "project name: a glyph off and one too many: the window the prose lines agree on");
  b2j_doc_free(doc);

  doc = project_form("人事岩试经费", 0.95, true, prose, NULL);
  TAP_STREQ(project_name(doc), "人事岩试经费", "project name: a confident reading stands");
  b2j_doc_free(doc);

  doc = project_form("人事岩试经费", -1, false, prose, NULL);
  TAP_STREQ(project_name(doc), "人事岩试经费", "project name: born-digital text is what it says");
  b2j_doc_free(doc);

  static const char *const batch[] = {"2023年救治补助资金(第二批)已全部拨付，", NULL};
  doc = project_form("2023年救治补助资金(第一批)", 0.78, true, batch, NULL);
  TAP_STREQ(project_name(doc), "2023年救治补助资金(第一批)",
            "project name: numerals are never taken from another text (第一批, 第二批)");
  b2j_doc_free(doc);

  static const char *const listed[] = {"5、区级扶贫捐款专项资金", NULL};
  doc = project_form("区级扶贫捐款专项资金四", 0.05, true, listed, NULL);
  TAP_STREQ(project_name(doc), "区级扶贫捐款专项资金",
            "project name: a lone numeral after the name's last glyph is a speck (seed-001 scan)");
  b2j_doc_free(doc);
  static const char *const listed2[] = {"5、区级扶贫捐款专项资金四", NULL};
  doc = project_form("区级扶贫捐款专项资金", 0.05, true, listed2, NULL);
  TAP_STREQ(project_name(doc), "区级扶贫捐款专项资金",
            "project name: a numeral is never added from another text");
  b2j_doc_free(doc);

  static const char *const two[] = {"人事考试经费。", "人事岩试经贵。", NULL};
  doc = project_form("人事岩试经费", 0.84, true, two, NULL);
  TAP_STREQ(project_name(doc), "人事岩试经费", "project name: two texts as near, no correction");
  b2j_doc_free(doc);

  static const char *const pair[] = {"2023年劳派人员其他类经费全年预算数12.00万元，", NULL};
  doc = project_form("2023年劳派人员工资类经费", 0.84, true, pair, "2023年劳派人员其他类经费");
  TAP_STREQ(project_name(doc), "2023年劳派人员工资类经费",
            "project name: never another project's name (two projects a word apart)");
  b2j_doc_free(doc);

  static const char *const none[] = {"资金使用规范，", NULL};
  doc = project_form("人事岩试经费", 0.84, true, none, NULL);
  TAP_STREQ(project_name(doc), "人事岩试经费", "project name: nothing near in the text, as read");
  b2j_doc_free(doc);
}


/* A ruled 项目支出绩效自评表 with a funds block (one 年度资金总额 line of
 * 8.87 万元, its 执行率 cell reading `rate`) under the fund header words
 * `heads` (by B2J_FUND_*), then two indicators whose 得分 read `score` and
 * 40, and a 总分 row of 分值 100 and 得分 `total`: Σ 得分 + the fund line's 10.
 * OCR'd words read at 0.8 when `ocr`. */
static b2j_doc *funds_form_with(const char *const heads[6], const char *rate, const char *score,
                                const char *total, bool ocr, const char *name, const char *target) {
  const char *const rows[7][8] = {
      {"项目名称", "人事考试经费", "人事考试经费", "人事考试经费", "人事考试经费", "人事考试经费",
       "人事考试经费", "人事考试经费"},
      {"项目资金(万元)", "", heads[0], heads[1], heads[2], heads[3], heads[4], heads[5]},
      {"项目资金(万元)", "年度资金总额", "8.87", "8.87", "8.87", "10", rate, "10"},
      {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "备注"},
      {"产出指标", "数量指标", name, target, "8次", "50", score, ""},
      {"效益指标", "满意度指标", "服务对象满意度", "≥90%", "95%", "40", "40", ""},
      {"总分", "总分", "总分", "", "", "100", total, ""}};
  b2j_page *p = b2j_page_new(1, 600, 800);
  p->source = ocr ? B2J_SOURCE_OCR : B2J_SOURCE_TEXT;
  b2j_origin o = ocr ? B2J_ORIGIN_OCR : B2J_ORIGIN_TEXT;
  double conf = ocr ? 0.8 : -1;
  b2j_page_add_word(p, g_strdup("项目支出绩效自评表"), (b2j_box){150, 60, 450, 75}, conf, o);
  double w = 68, x0 = 24, top = 100;
  for (int r = 0; r <= 7; r++)
    b2j_page_add_rule(p, (b2j_box){x0, top + 20 * r - 0.5, x0 + 8 * w, top + 20 * r + 0.5}, true);
  for (int c = 0; c <= 8; c++)
    b2j_page_add_rule(p, (b2j_box){x0 + w * c - 0.5, top, x0 + w * c + 0.5, top + 140}, false);
  for (int r = 0; r < 7; r++)
    for (int c = 0; c < 8; c++)
      if (*rows[r][c])
        b2j_page_add_word(p, g_strdup(rows[r][c]),
                          (b2j_box){x0 + w * c + 4, top + 20 * r + 4, x0 + w * c + 60, top + 20 * r + 16},
                          conf, o);
  return interpret_page(p);
}

static b2j_doc *funds_form(const char *const heads[6], const char *rate, const char *score,
                           const char *total, bool ocr) {
  return funds_form_with(heads, rate, score, total, ocr, "开展培训次数", "=8次");
}

static const char *const FUND_HEADS[6] = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
/* seed-001's and syn-010's scans of the same header. */
static const char *const FUND_HEADS_MISREAD[6] = {"年初否轴数", "全年也碍数", "全年执行族", "分值", "执行梧", "得分"};

static const b2j_fund *first_fund(const b2j_doc *doc) {
  if (doc->projects->len != 1)
    return NULL;
  const b2j_project *p = g_ptr_array_index(doc->projects, 0);
  return p->funds && p->funds->len ? g_ptr_array_index(p->funds, 0) : NULL;
}

static bool dec_is(b2j_opt_dec v, const char *s) {
  b2j_dec d;
  return v.present && b2j_dec_parse(s, &d) && b2j_dec_cmp(v.value, d) == 0;
}

static const b2j_check *check_of(const b2j_doc *doc, const char *rule) {
  for (guint i = 0; i < doc->checks->len; i++) {
    const b2j_check *k = g_ptr_array_index(doc->checks, i);
    if (strcmp(k->rule, rule) == 0)
      return k;
  }
  return NULL;
}

/* A scan's fund header a glyph or two off its words (年初否轴数, 全年也碍数,
 * 执行梧) still names the amounts' columns; 全年也碍数, as near 全年执行数,
 * is 全年预算数 because 全年执行族 is nearer the other. A born-digital
 * header is matched by its words only. */
static void test_fund_header_misread_on_a_scan(void) {
  b2j_doc *doc = funds_form(FUND_HEADS, "100%", "50", "100", false);
  const b2j_fund *f = first_fund(doc);
  TAP_OK(f && dec_is(f->annual_budget, "8.87") && dec_is(f->execution_rate, "100"),
         "funds: the printed header names 全年预算数 and 执行率");
  b2j_doc_free(doc);
  doc = funds_form(FUND_HEADS_MISREAD, "100%", "50", "100", true);
  f = first_fund(doc);
  TAP_OK(f && dec_is(f->initial_budget, "8.87") && dec_is(f->annual_budget, "8.87") &&
             dec_is(f->executed, "8.87") && dec_is(f->weight, "10") &&
             dec_is(f->execution_rate, "100") && dec_is(f->score, "10"),
         "funds: a scanned header two glyphs off still names all six columns");
  b2j_doc_free(doc);
  doc = funds_form(FUND_HEADS_MISREAD, "100%", "50", "100", false);
  TAP_OK(first_fund(doc) == NULL, "funds: born-digital header words are matched as printed");
  b2j_doc_free(doc);
}

/* A fund line's 执行率 read "100 9" (a % whose rings were lost, after a
 * space) fails 执行率 = 执行数 / 预算数; repair reads the cell as 100 and
 * the fund line takes it. "100 2%0" is no number: the check is not
 * evaluated, and repair settles it the same way. */
static void test_fund_rate_repaired_through_its_cell(void) {
  b2j_doc *doc = funds_form(FUND_HEADS, "100 9", "50", "100", true);
  b2j_validate(doc);
  const b2j_check *k = check_of(doc, "execution_rate");
  TAP_OK(k && k->evaluated && !k->ok, "rate: '100 9' fails 执行率 before repair");
  int n = b2j_repair(doc);
  const b2j_fund *f = first_fund(doc);
  k = check_of(doc, "execution_rate");
  TAP_OK(n == 1 && f && dec_is(f->execution_rate, "100") && k && k->ok,
         "rate: repair reads '100 9' as 100 and the fund line takes it (%d repaired)", n);
  TAP_OK(f && f->from[B2J_FUND_RATE] && strcmp(f->from[B2J_FUND_RATE]->text, "100") == 0,
         "rate: the cell shows the repaired reading");
  TAP_OK(warned(doc, "repaired_number", "row 3 column 7: '100 9'"),
         "rate: the warning names the cell by row and column number (a form's columns name "
         "its indicators, not the funds block)");
  b2j_doc_free(doc);

  doc = funds_form(FUND_HEADS, "100 2%0", "50", "100", true);
  b2j_validate(doc);
  k = check_of(doc, "execution_rate");
  TAP_OK(k && !k->evaluated && strstr(k->message, "'100 2%0' is no number"),
         "rate: '100 2%%0' leaves 执行率 not evaluated, and says why");
  n = b2j_repair(doc);
  f = first_fund(doc);
  TAP_OK(n == 1 && f && dec_is(f->execution_rate, "100"), "rate: repair reads '100 2%%0' as 100");
  b2j_doc_free(doc);

  /* Born-digital text is what the file says. */
  doc = funds_form(FUND_HEADS, "100 9", "50", "100", false);
  b2j_validate(doc);
  TAP_OK(b2j_repair(doc) == 0, "rate: a born-digital '100 9' is never repaired");
  b2j_doc_free(doc);
}

/* Marks a scan puts before a name's or a target's first glyph go; a minus
 * before a number stays. */
static void test_marks_before_names_and_targets(void) {
  b2j_doc *doc = funds_form_with(FUND_HEADS, "100%", "50", "100", true, "-减轻群众负担", "”符合");
  const b2j_indicator *x = indicator(doc, 0);
  TAP_STREQ(x ? x->name : NULL, "减轻群众负担", "marks: '-' before a name goes (syn-012 scan)");
  TAP_STREQ(x && x->target.raw ? x->target.raw : NULL, "符合", "marks: '”' before a target goes");
  TAP_OK(warned(doc, "ocr_text_corrected", "a mark before it"), "marks: the corrections are recorded");
  b2j_doc_free(doc);
  doc = funds_form_with(FUND_HEADS, "100%", "50", "100", true, "减轻群众负担", "-5%");
  x = indicator(doc, 0);
  TAP_OK(x && x->target.value.present && x->target.value.value.coef < 0,
         "marks: a minus before a number is a sign");
  b2j_doc_free(doc);
  doc = funds_form_with(FUND_HEADS, "100%", "50", "100", false, "-减轻群众负担", "-逐步扩大");
  x = indicator(doc, 0);
  TAP_STREQ(x ? x->name : NULL, "-减轻群众负担", "marks: born-digital text is what it says");
  b2j_doc_free(doc);
}

/* An indicator's 得分 read "-48" (a stroke before it) breaks 总分 98 = Σ 得分
 * + the fund line's 10; repair drops the sign in the cell and the indicator
 * takes 48. */
static void test_indicator_score_repaired_through_the_total(void) {
  b2j_doc *doc = funds_form(FUND_HEADS, "100%", "-48", "98", true);
  b2j_validate(doc);
  const b2j_check *k = check_of(doc, "total_score");
  TAP_OK(k && k->evaluated && !k->ok, "score: '-48' fails 总分 before repair");
  int n = b2j_repair(doc);
  const b2j_indicator *x = indicator(doc, 0);
  k = check_of(doc, "total_score");
  TAP_OK(n == 1 && x && dec_is(x->score, "48") && k && k->ok,
         "score: repair reads '-48' as 48 and the indicator takes it (%d repaired)", n);
  b2j_doc_free(doc);
}

int main(void) {
  test_fund_header_misread_on_a_scan();
  test_fund_rate_repaired_through_its_cell();
  test_indicator_score_repaired_through_the_total();
  test_marks_before_names_and_targets();
  test_project_name_from_text();
  test_target_column_without_value();
  test_goal_unit();
  test_goal_header_opening_the_table_is_no_row();
  test_total_row();
  test_scanned();
  test_digital();
  test_score_header_misread();
  return tap_done();
}
