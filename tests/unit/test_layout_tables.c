/* Table layout on synthetic Page IR: a ruled grid with merged header cells
 * and wrapped cells, a three-line table, a table drawn without lines, and
 * two tables with prose between them. */
#include "layout/layout.h"
#include "ocr/ocr.h"
#include "tests/lib/tap.h"

#define FS 10.0 /* font size of every synthetic word */

static double units(const char *s) {
  double u = 0;
  for (const char *p = s; *p; p = g_utf8_next_char(p))
    u += g_utf8_get_char(p) >= 0x2E80 ? 1.0 : 0.55;
  return u;
}

/* A word whose left edge is at x, top at y. */
static void wl(b2j_page *p, const char *t, double x, double y) {
  b2j_page_add_word(p, g_strdup(t), (b2j_box){x, y, x + units(t) * FS, y + FS}, -1,
                    B2J_ORIGIN_TEXT);
}

/* A word whose right edge is at x (right-aligned numbers). */
static void wr(b2j_page *p, const char *t, double x, double y) {
  b2j_page_add_word(p, g_strdup(t), (b2j_box){x - units(t) * FS, y, x, y + FS}, -1,
                    B2J_ORIGIN_TEXT);
}

static void hrule(b2j_page *p, double y, double x0, double x1) {
  b2j_page_add_rule(p, (b2j_box){x0, y - 0.5, x1, y + 0.5}, true);
}

static void vrule(b2j_page *p, double x, double y0, double y1) {
  b2j_page_add_rule(p, (b2j_box){x - 0.5, y0, x + 0.5, y1}, false);
}

static const char *at(const b2j_grid *g, int r, int c) {
  const b2j_grid_cell *cell = b2j_grid_at(g, r, c);
  return cell ? cell->text : NULL;
}

static bool has_line(const GPtrArray *a, const char *s) {
  for (guint i = 0; i < a->len; i++)
    if (strcmp(a->pdata[i], s) == 0)
      return true;
  return false;
}

static void test_ruled(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "收入决算表", 250, 60);
  wl(p, "单位：万元", 300, 80);
  /* Columns 50|150|250|350; rows 100|120|140|170|190. */
  hrule(p, 100, 50, 350);
  hrule(p, 120, 150, 350); /* none under 项目: it spans two rows */
  hrule(p, 140, 50, 350);
  hrule(p, 170, 50, 350);
  hrule(p, 190, 50, 350);
  vrule(p, 50, 100, 190);
  vrule(p, 150, 100, 190);
  vrule(p, 250, 120, 190); /* none in row 0: 金额 spans two columns */
  vrule(p, 350, 100, 190);
  wl(p, "项目", 80, 115);
  wl(p, "金额", 230, 105);
  wl(p, "预算数", 170, 125);
  wl(p, "决算数", 270, 125);
  wl(p, "机关事业单位基本", 55, 143);
  wl(p, "养老保险缴费支出", 55, 156);
  wr(p, "4477.07", 245, 143);
  wr(p, "4674", 245, 156);
  wr(p, "12.50", 345, 150);
  wl(p, "合计", 55, 175);
  wr(p, "100.00", 245, 175);
  wr(p, "200.00", 345, 175);
  wl(p, "注：本表无数据", 50, 210);

  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "ruled: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->ruled, "ruled: grid is ruled");
    TAP_OK(g->n_rows == 4 && g->n_cols == 3, "ruled: 4x3 (got %dx%d)", g->n_rows, g->n_cols);
    const b2j_grid_cell *c = b2j_grid_at(g, 0, 0);
    TAP_OK(c && c->rowspan == 2 && c->colspan == 1, "ruled: 项目 spans two rows");
    TAP_STREQ(at(g, 1, 0), "项目", "ruled: slot (1,0) is covered by 项目");
    c = b2j_grid_at(g, 0, 1);
    TAP_OK(c && c->colspan == 2 && c->rowspan == 1, "ruled: 金额 spans two columns");
    TAP_STREQ(at(g, 0, 2), "金额", "ruled: slot (0,2) is covered by 金额");
    TAP_STREQ(at(g, 1, 1), "预算数", "ruled: sub-header 预算数");
    TAP_STREQ(at(g, 2, 0), "机关事业单位基本养老保险缴费支出", "ruled: wrapped name joins");
    TAP_STREQ(at(g, 2, 1), "4477.07 4674", "ruled: wrapped number keeps its parts");
    TAP_STREQ(at(g, 2, 2), "12.50", "ruled: plain number");
    TAP_STREQ(at(g, 3, 0), "合计", "ruled: total row");
    TAP_OK(g->above->len == 2 && has_line(g->above, "收入决算表") &&
               has_line(g->above, "单位：万元"),
           "ruled: title and unit above");
    TAP_OK(g->below->len == 1 && has_line(g->below, "注：本表无数据"), "ruled: note below");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

static void test_three_line(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "基本支出表", 250, 70);
  hrule(p, 100, 50, 450);
  hrule(p, 120, 50, 450);
  hrule(p, 200, 50, 450);
  wl(p, "科目名称", 55, 105);
  wl(p, "预算数", 270, 105);
  wl(p, "决算数", 390, 105);
  const char *names[] = {"工资福利支出", "商品和服务支出", "对个人和家庭的补助", "其他支出"};
  const char *a[] = {"1,234.56", "78.00", "5.10", "0.00"};
  const char *b[] = {"1,200.00", "80.25", "5.00", "-"};
  for (int i = 0; i < 4; i++) {
    wl(p, names[i], 55, 125 + 18 * i);
    wr(p, a[i], 300, 125 + 18 * i);
    wr(p, b[i], 420, 125 + 18 * i);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "three-line: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_rows == 5 && g->n_cols == 3, "three-line: 5x3 (got %dx%d)", g->n_rows, g->n_cols);
    TAP_STREQ(at(g, 0, 2), "决算数", "three-line: header");
    TAP_STREQ(at(g, 1, 1), "1,234.56", "three-line: first value");
    TAP_STREQ(at(g, 3, 0), "对个人和家庭的补助", "three-line: name");
    TAP_STREQ(at(g, 4, 2), "-", "three-line: dash stays");
    TAP_OK(has_line(g->above, "基本支出表"), "three-line: title above");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

static void test_unruled(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "支出决算表", 250, 60);
  wl(p, "单位：万元", 380, 80);
  wl(p, "科目编码", 50, 100);
  wl(p, "科目名称", 120, 100);
  wl(p, "合计", 300, 100);
  wl(p, "基本支出", 380, 100);
  struct {
    const char *code, *name, *a, *b;
  } rows[] = {{"201", "一般公共服务支出", "100.00", "80.00"},
              {"20101", "人大事务", "50.00", "40.00"},
              {"2010101", "机关事业单位基本", "30.00", "20.00"},
              {NULL, "养老保险缴费支出", NULL, NULL},
              {"2010102", "一般行政管理事务", "20.00", "20.00"}};
  for (int i = 0; i < 5; i++) {
    double y = 120 + 15 * i;
    if (rows[i].code)
      wl(p, rows[i].code, 50, y);
    wl(p, rows[i].name, 120, y);
    if (rows[i].a) {
      wr(p, rows[i].a, 320, y);
      wr(p, rows[i].b, 420, y);
    }
  }
  wl(p, "注：本表金额单位为万元，按四舍五入列示。", 50, 220);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "unruled: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(!g->ruled, "unruled: grid from whitespace");
    TAP_OK(g->n_rows == 5 && g->n_cols == 4, "unruled: 5x4 (got %dx%d)", g->n_rows, g->n_cols);
    TAP_STREQ(at(g, 0, 3), "基本支出", "unruled: header");
    TAP_STREQ(at(g, 1, 0), "201", "unruled: code");
    TAP_STREQ(at(g, 1, 2), "100.00", "unruled: right-aligned number");
    TAP_STREQ(at(g, 3, 1), "机关事业单位基本养老保险缴费支出", "unruled: wrapped name joins its row");
    TAP_STREQ(at(g, 3, 3), "20.00", "unruled: the wrapped row keeps its numbers");
    TAP_STREQ(at(g, 4, 0), "2010102", "unruled: next row after the wrap");
    TAP_OK(has_line(g->above, "支出决算表") && has_line(g->above, "单位：万元"),
           "unruled: title and unit above");
    TAP_OK(g->below->len == 1, "unruled: note below");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

static void test_wrapped_numbers(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "项目", 55, 100);
  wl(p, "预算数", 270, 100);
  wl(p, "决算数", 370, 100);
  wl(p, "合计", 55, 120);
  wr(p, "352,12", 300, 120); /* "352,129.55" cut by a narrow cell */
  wr(p, "294,93", 400, 120);
  wr(p, "9.55", 300, 132);
  wr(p, "6.16", 400, 132);
  wl(p, "工资福利支出", 55, 147);
  wr(p, "10.00", 300, 147);
  wr(p, "20.00", 400, 147);
  wl(p, "商品和服务支出", 55, 162);
  wr(p, "1.00", 300, 162);
  wr(p, "2.00", 400, 162);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "wrapped numbers: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_rows == 4 && g->n_cols == 3, "wrapped numbers: 4x3 (got %dx%d)", g->n_rows,
           g->n_cols);
    TAP_STREQ(at(g, 1, 1), "352,12 9.55", "wrapped numbers: both parts in one cell");
    TAP_STREQ(at(g, 1, 2), "294,93 6.16", "wrapped numbers: in every column");
    TAP_STREQ(at(g, 2, 0), "工资福利支出", "wrapped numbers: next row intact");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

static void box2x2(b2j_page *p, double y, const char *a, const char *b, const char *c,
                   const char *d) {
  hrule(p, y, 50, 350);
  hrule(p, y + 20, 50, 350);
  hrule(p, y + 40, 50, 350);
  vrule(p, 50, y, y + 40);
  vrule(p, 200, y, y + 40);
  vrule(p, 350, y, y + 40);
  wl(p, a, 55, y + 5);
  wl(p, b, 205, y + 5);
  wl(p, c, 55, y + 25);
  wr(p, d, 345, y + 25);
}

static void test_two_tables(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "表一", 180, 70);
  box2x2(p, 100, "项目", "金额", "合计", "10.00");
  wl(p, "注：表一说明", 50, 160);
  wl(p, "表二", 180, 250);
  box2x2(p, 300, "指标", "分值", "总分", "100");
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 2, "two tables: two grids (got %u)", grids->len);
  if (grids->len == 2) {
    const b2j_grid *g0 = grids->pdata[0], *g1 = grids->pdata[1];
    TAP_OK(g0->n_rows == 2 && g0->n_cols == 2 && g1->n_rows == 2 && g1->n_cols == 2,
           "two tables: both 2x2");
    TAP_STREQ(at(g0, 1, 1), "10.00", "two tables: first table's value");
    TAP_STREQ(at(g1, 0, 0), "指标", "two tables: second table's header");
    TAP_OK(g0->above->len == 1 && has_line(g0->above, "表一"), "two tables: 表一 above the first");
    TAP_OK(g0->below->len == 2 && has_line(g0->below, "注：表一说明") &&
               has_line(g0->below, "表二"),
           "two tables: note and next title below the first");
    TAP_OK(g1->above->len == 2 && has_line(g1->above, "表二"), "two tables: 表二 above the second");
    TAP_OK(g1->below->len == 0, "two tables: nothing below the second");
    GPtrArray *prose = b2j_layout_prose_lines(p, grids);
    TAP_OK(prose->len == 3, "two tables: three prose lines outside the grids (got %u)",
           prose->len);
    g_ptr_array_unref(prose);
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* At 72 dpi a caption's first glyph stroke merges with the table's left
 * edge and a header glyph with a column rule: the rules poke above the
 * table's top rule into words. The caption stays above the grid and the
 * header cell keeps its span. */
static void test_glyph_overshoot(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "部门：某某局", 50, 89);
  hrule(p, 100, 50, 350);
  hrule(p, 120, 50, 350);
  hrule(p, 140, 50, 350);
  hrule(p, 160, 50, 350);
  vrule(p, 50, 91, 160);   /* left edge fused with 部's stroke */
  vrule(p, 150, 120, 160);
  vrule(p, 250, 112, 160); /* column rule fused with 支's stroke */
  vrule(p, 350, 100, 160);
  wl(p, "支出", 240, 110);
  wl(p, "项目", 55, 125);
  wl(p, "合计", 155, 125);
  wl(p, "基本", 255, 125);
  wl(p, "经费", 55, 145);
  wr(p, "3.00", 245, 145);
  wr(p, "3.00", 345, 145);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "glyph overshoot: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_rows == 3 && g->n_cols == 3, "glyph overshoot: 3x3 (got %dx%d)", g->n_rows,
           g->n_cols);
    TAP_OK(has_line(g->above, "部门：某某局"), "glyph overshoot: caption above the grid");
    const b2j_grid_cell *c = b2j_grid_at(g, 0, 0);
    TAP_OK(c && c->colspan == 3 && !strcmp(c->text, "支出"),
           "glyph overshoot: 支出 spans the three columns");
    TAP_STREQ(at(g, 2, 2), "3.00", "glyph overshoot: body intact");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* A rule that tight bold glyphs touch makes one thick ink component with
 * them; only its full rows are the rule, not the top of the glyphs. */
static void test_rule_with_glyphs(void) {
  enum { PW = 400, PH = 100 };
  guint32 *px = g_new(guint32, PW * PH);
  for (int i = 0; i < PW * PH; i++)
    px[i] = 0xffffff;
  for (int x = 20; x < 380; x++)
    px[60 * PW + x] = 0; /* the rule at y = 60 */
  for (int k = 0; k < 8; k++) /* bold strokes down to it, y 52..59 */
    for (int y = 52; y < 60; y++)
      for (int x = 40 + 40 * k; x < 52 + 40 * k; x++)
        px[y * PW + x] = 0;
  b2j_page *p = b2j_page_new(1, PW, PH);
  b2j_rules_from_rgb(p, px, PW, PH, PW * 4, 72.0);
  int n_h = 0;
  bool at_rule = false, at_glyph = false;
  for (guint i = 0; i < p->rules->len; i++) {
    const b2j_rule *r = &g_array_index(p->rules, b2j_rule, i);
    if (!r->horizontal || r->box.x1 - r->box.x0 < 300)
      continue;
    n_h++;
    double y = (r->box.y0 + r->box.y1) / 2;
    at_rule |= y > 59 && y < 62;
    at_glyph |= y < 58;
  }
  TAP_OK(n_h == 1 && at_rule && !at_glyph,
         "rule with glyphs: one long rule, at the rule (got %d, rule %d, glyph %d)", n_h,
         at_rule, at_glyph);
  b2j_page_free(p);
  g_free(px);
}

/* Headers of an unruled table are centred over their columns and may be
 * wider than the column's values, overhanging the gap a little; a label
 * over several columns lies well on both sides of each gap it spans. */
static void test_header_overhang(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "经济分类科目", 90, 95);
  wl(p, "本年一般公共预算基本支出", 320, 95);
  wl(p, "科目编码", 56, 110);   /* 56..96 over codes 50..85 */
  wl(p, "科目名称", 150, 110);
  wl(p, "合计", 300, 110);
  wl(p, "人员经费", 350, 110);
  wl(p, "公用经费", 420, 110);
  const char *codes[] = {"301", "30102", "30103"};
  const char *names[] = {"工资福利支出", "津贴补贴", "奖金"};
  for (int i = 0; i < 3; i++) {
    double y = 128 + 16 * i;
    wl(p, codes[i], 50, y);
    wl(p, names[i], 105, y);
    wr(p, "10.00", 325, y);
    wr(p, "8.00", 390, y);
    wr(p, "2.00", 460, y);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "header overhang: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 5, "header overhang: 5 columns (got %d)", g->n_cols);
    TAP_STREQ(at(g, g->n_rows - 4, 0), "科目编码", "header overhang: 科目编码 its own cell");
    TAP_STREQ(at(g, g->n_rows - 4, 1), "科目名称", "header overhang: 科目名称 its own cell");
    TAP_STREQ(at(g, g->n_rows - 4, 3), "人员经费", "header overhang: 人员经费 its own cell");
    const b2j_grid_cell *c = b2j_grid_at(g, g->n_rows - 5, 3);
    TAP_OK(c && c->col == 2 && c->colspan == 3, "header overhang: the label over three columns spans them");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* An unruled table whose header wraps in narrow columns (一般公共 / 预算拨款
 * / 收入) and names a column that is empty in every body row (上年结转):
 * the empty column comes from the header, and each wrapped label is one
 * cell; a label over several columns (科目代码) keeps its own row. */
static void test_unruled_wrapped_header(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "项目", 120, 100);
  wl(p, "一般公共", 300, 100);
  wl(p, "科目代码", 50, 111);
  wl(p, "合计", 210, 111);
  wl(p, "上年结转", 250, 111);
  wl(p, "预算拨款", 300, 111);
  wl(p, "其他收入", 350, 111);
  wl(p, "类", 50, 122);
  wl(p, "款", 80, 122);
  wl(p, "科目名称", 110, 122);
  wl(p, "收入", 310, 122);
  struct {
    const char *a, *b, *name, *t, *g, *o;
  } rows[] = {{"204", "", "公共安全支出", "100.00", "90.00", "10.00"},
              {"204", "05", "法院", "100.00", "90.00", "10.00"},
              {"208", "", "社会保障支出", "50.00", "50.00", ""}};
  for (int i = 0; i < 3; i++) {
    double y = 140 + 16 * i;
    wl(p, rows[i].a, 50, y);
    if (*rows[i].b)
      wl(p, rows[i].b, 80, y);
    wl(p, rows[i].name, 110, y);
    wr(p, rows[i].t, 240, y);
    wr(p, rows[i].g, 340, y);
    if (*rows[i].o)
      wr(p, rows[i].o, 390, y);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "wrapped header: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 7 && g->n_rows == 6, "wrapped header: 6x7 (got %dx%d)", g->n_rows,
           g->n_cols);
    TAP_STREQ(at(g, 1, 4), "上年结转", "wrapped header: the empty column has its header");
    TAP_STREQ(at(g, 3, 4), "", "wrapped header: and no values");
    const b2j_grid_cell *c = b2j_grid_at(g, 0, 5);
    TAP_OK(c && c->rowspan == 3 && c->text && !strcmp(c->text, "一般公共预算拨款收入"),
           "wrapped header: the wrapped label is one cell (got %s)", c ? c->text : "(none)");
    TAP_STREQ(at(g, 3, 5), "90.00", "wrapped header: its values below it");
    c = b2j_grid_at(g, 1, 0);
    TAP_OK(c && c->colspan == 2 && c->rowspan == 1, "wrapped header: 科目代码 spans 类 and 款");
    TAP_STREQ(at(g, 2, 1), "款", "wrapped header: 款 in its own row");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* A right-aligned value column whose label is centred off its values: the
 * label heads that column, not an empty one beside it. */
static void test_label_off_values(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "三级指标", 50, 100);
  wl(p, "分值", 130, 100);
  wl(p, "得分", 180, 100);
  const char *names[] = {"目标内容", "决策依据", "决策程序"};
  const char *a[] = {"10", "5", "5"}, *b[] = {"9", "5", "4"};
  for (int i = 0; i < 3; i++) {
    double y = 116 + 16 * i;
    wl(p, names[i], 50, y);
    wr(p, a[i], 155, y);
    wr(p, b[i], 215, y);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "label off values: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 3, "label off values: 3 columns (got %d)", g->n_cols);
    TAP_STREQ(at(g, 0, 2), "得分", "label off values: 得分 heads the last column");
    TAP_STREQ(at(g, 1, 2), "9", "label off values: its value under it");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* A performance form drawn without lines: a funds block, then a header
 * inside the body (一级指标 … 得分) whose section has columns of its own, and
 * a note wrapped over two lines around its row. One grid; the form's rows
 * 项目名称 and 主管部门 stay apart; the indicator block's columns line up. */
static b2j_page *form_page(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "项目名称", 50, 95);
  wl(p, "人事考试经费", 120, 95);
  wl(p, "主管部门", 50, 110);
  wl(p, "某某局", 120, 110);
  wl(p, "实施单位", 300, 110);
  wl(p, "某某局", 370, 110);
  wl(p, "年初预算数", 200, 125);
  wl(p, "全年预算数", 270, 125);
  wl(p, "全年执行数", 340, 125);
  wl(p, "年度资金总额", 90, 140);
  wr(p, "197.93", 250, 140);
  wr(p, "197.93", 320, 140);
  wr(p, "197.93", 390, 140);
  wl(p, "其他资金", 90, 155);
  wr(p, "—", 390, 155);
  wl(p, "一级指标", 50, 170);
  wl(p, "二级指标", 110, 170);
  wl(p, "三级指标", 170, 170);
  wl(p, "指标值", 240, 170);
  wl(p, "完成值", 300, 170);
  wl(p, "分值", 360, 170);
  wl(p, "得分", 410, 170);
  wl(p, "偏差原因", 455, 170);
  wl(p, "产出指标", 50, 185);
  wl(p, "数量指标", 110, 185);
  wl(p, "检查数量", 170, 185);
  wl(p, "≥27家", 240, 185);
  wl(p, "29家", 300, 185);
  wr(p, "8", 380, 185);
  wr(p, "8", 430, 185);
  wl(p, "部分任务", 455, 205);
  wl(p, "产出指标", 50, 211);
  wl(p, "质量指标", 110, 211);
  wl(p, "合格率", 170, 211);
  wl(p, "≥95%", 240, 211);
  wl(p, "88%", 300, 211);
  wr(p, "7", 380, 211);
  wr(p, "4.2", 430, 211);
  wl(p, "推进较慢", 455, 217);
  wl(p, "总分", 50, 240);
  wr(p, "100", 380, 240);
  wr(p, "97.2", 430, 240);
  return p;
}
static int row_with(const b2j_grid *g, const char *text) {
  for (int r = 0; r < g->n_rows; r++)
    for (int c = 0; c < g->n_cols; c++) {
      const char *t = at(g, r, c);
      if (t && !strcmp(t, text))
        return r;
    }
  return -1;
}

static int col_with(const b2j_grid *g, int r, const char *text) {
  for (int c = 0; c < g->n_cols; c++) {
    const char *t = at(g, r, c);
    if (t && !strcmp(t, text))
      return c;
  }
  return -1;
}

static void test_unruled_form(void) {
  b2j_page *p = form_page();
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "unruled form: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    int rn = row_with(g, "项目名称"), ra = row_with(g, "主管部门");
    TAP_OK(rn >= 0 && ra > rn, "unruled form: 项目名称 and 主管部门 rows apart (%d, %d)", rn, ra);
    int h = row_with(g, "一级指标");
    int cw = h >= 0 ? col_with(g, h, "分值") : -1, cs = h >= 0 ? col_with(g, h, "得分") : -1;
    int ca = h >= 0 ? col_with(g, h, "完成值") : -1, cn = h >= 0 ? col_with(g, h, "偏差原因") : -1;
    TAP_OK(h >= 0 && cw >= 0 && cs > cw && ca >= 0 && cn > cs,
           "unruled form: the indicator header has its own columns");
    int r = row_with(g, "合格率");
    TAP_OK(r > h && cw >= 0 && cs >= 0 && ca >= 0 && at(g, r, cw) && !strcmp(at(g, r, cw), "7") &&
               !strcmp(at(g, r, cs), "4.2") && !strcmp(at(g, r, ca), "88%"),
           "unruled form: weight, score and actual under their labels");
    TAP_STREQ(r >= 0 && cn >= 0 ? at(g, r, cn) : NULL, "部分任务推进较慢",
              "unruled form: the wrapped note is one cell of its row");
    TAP_OK(row_with(g, "总分") > r, "unruled form: 总分 row inside the grid");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* An unruled indicator block: 一级/二级 labels are printed once, centred on
 * the rows they cover (产出指标 over four rows, 数量指标 over two, a
 * wrapped 效益 / 指标 over two); each becomes one cell spanning its rows. */
static void test_unruled_spanning_labels(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "一级指标", 50, 100);
  wl(p, "二级指标", 110, 100);
  wl(p, "三级指标", 170, 100);
  wl(p, "指标值", 260, 100);
  wl(p, "分值", 330, 100);
  wl(p, "得分", 380, 100);
  const char *names[] = {"检查数量", "工作方案", "合格率", "完成时间", "知晓率", "获得感"};
  const char *w[] = {"8", "7", "7", "7", "8", "7"};
  for (int i = 0; i < 6; i++) {
    double y = 120 + 20 * i;
    wl(p, names[i], 170, y);
    wl(p, "≥1个", 260, y);
    wr(p, w[i], 350, y);
    wr(p, w[i], 400, y);
  }
  wl(p, "产出指标", 50, 150);  /* centred on rows 0..3 (120..190) */
  wl(p, "数量指标", 110, 130); /* rows 0..1 */
  wl(p, "质量指标", 110, 160);
  wl(p, "时效指标", 110, 180);
  wl(p, "效益", 50, 204);      /* wrapped, centred on rows 4..5 */
  wl(p, "指标", 50, 216);
  wl(p, "社会效益", 110, 210);
  wl(p, "总分", 50, 240);
  wr(p, "100", 350, 240);
  wr(p, "44", 400, 240);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "spanning labels: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    int r0 = row_with(g, "检查数量"), r3 = row_with(g, "完成时间"), r4 = row_with(g, "知晓率");
    const b2j_grid_cell *c = r0 >= 0 ? b2j_grid_at(g, r0, 0) : NULL;
    TAP_OK(c && c->text && !strcmp(c->text, "产出指标") && c->row == r0 &&
               c->row + c->rowspan - 1 == r3,
           "spanning labels: 产出指标 spans its four rows");
    c = r0 >= 0 ? b2j_grid_at(g, r0 + 1, 1) : NULL;
    TAP_OK(c && c->text && !strcmp(c->text, "数量指标") && c->row == r0 && c->rowspan == 2,
           "spanning labels: 数量指标 spans two rows");
    c = r4 >= 0 ? b2j_grid_at(g, r4 + 1, 0) : NULL;
    TAP_OK(c && c->text && !strcmp(c->text, "效益指标") && c->row == r4 && c->rowspan == 2,
           "spanning labels: a wrapped label spans its two rows");
    int rt = row_with(g, "总分");
    TAP_OK(rt > r4 + 1 && b2j_grid_at(g, rt, 0)->row == rt, "spanning labels: 总分 its own row");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Value columns empty in every body row at the table's right end (only
 * 财政拨款收入 has amounts): the header's gaps beyond the body's ink part
 * them; the 栏次 row numbers each. */
static void test_unruled_trailing_empty_columns(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "科目编码", 50, 100);
  wl(p, "科目名称", 120, 100);
  wl(p, "本年收入合计", 220, 100);
  wl(p, "财政拨款收入", 300, 100);
  wl(p, "事业收入", 380, 100);
  wl(p, "其他收入", 440, 100);
  wl(p, "栏次", 120, 116);
  const char *col[] = {"1", "2", "3", "4"};
  const double cx[] = {280, 360, 420, 480};
  for (int i = 0; i < 4; i++)
    wr(p, col[i], cx[i], 116);
  /* Enough rows that one line (the 栏次 row) may cross a body gap. */
  const char *names[] = {"基本养老保险缴费支出", "行政单位医疗", "事业单位医疗"};
  const char *v[] = {"15.24", "12.54", "4.85"};
  for (int i = 0; i < 12; i++) {
    double y = 132 + 16 * i;
    char code[16];
    g_snprintf(code, sizeof code, "21011%02d", i + 1);
    wl(p, code, 50, y);
    wl(p, names[i % 3], 120, y);
    wr(p, v[i % 3], 280, y);
    wr(p, v[i % 3], 360, y);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "trailing empty columns: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 6, "trailing empty columns: 6 columns (got %d)", g->n_cols);
    TAP_STREQ(at(g, 0, 4), "事业收入", "trailing empty columns: 事业收入 its own column");
    TAP_STREQ(at(g, 0, 5), "其他收入", "trailing empty columns: 其他收入 its own column");
    TAP_STREQ(at(g, 1, 5), "4", "trailing empty columns: 栏次 numbers each");
    TAP_STREQ(at(g, 2, 3), "15.24", "trailing empty columns: the amounts stay");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* A word centred at (x + width / 2, cy) whose box is as tall as a CJK
 * font's ascent plus descent (1.45 em): taller than the row pitch of a
 * tightly set table. */
static void wt(b2j_page *p, const char *t, double x, double cy, bool right) {
  double w = units(t) * FS, x0 = right ? x - w : x;
  b2j_page_add_word(p, g_strdup(t), (b2j_box){x0, cy - 7.25, x0 + w, cy + 7.25}, -1,
                    B2J_ORIGIN_TEXT);
}

/* An unruled score sheet set tighter than its glyph boxes are tall, each
 * label and its score printed once, centred on the rows they span: lines
 * chained through the labels stay one table, and a score spans its label's
 * rows. */
static void test_unruled_score_sheet(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  const char *head[] = {"一级", "分值", "二级", "分值", "三级", "分值"};
  const double hx[] = {50, 100, 140, 200, 226, 300};
  for (int i = 0; i < 6; i++)
    wt(p, head[i], hx[i], 100, false);
  const char *l3[] = {"目标内容", "决策依据", "决策程序", "预算管理", "财务管理", "组织机构",
                      "过程控制"};
  const char *s3[] = {"10", "5", "5", "10", "5", "10", "5"};
  for (int i = 0; i < 7; i++) {
    wt(p, l3[i], 226, 116 + 14 * i, false);
    wt(p, s3[i], 320, 116 + 14 * i, true);
  }
  /* Level 1 over rows 0..2 and 3..6, level 2 over 0, 1..2, 3..4, 5..6. */
  wt(p, "项目决策", 50, 116 + 14 * 1, false);
  wt(p, "20", 120, 116 + 14 * 1, true);
  wt(p, "项目过程", 50, 116 + 14 * 4.5, false);
  wt(p, "30", 120, 116 + 14 * 4.5, true);
  const char *l2[] = {"绩效目标", "决策过程", "项目资金", "项目实施"};
  const double c2[] = {0, 1.5, 3.5, 5.5};
  const char *s2[] = {"10", "10", "15", "15"};
  for (int i = 0; i < 4; i++) {
    wt(p, l2[i], 140, 116 + 14 * c2[i], false);
    wt(p, s2[i], 220, 116 + 14 * c2[i], true);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "score sheet: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 6 && g->n_rows == 8, "score sheet: 8 x 6 (got %d x %d)", g->n_rows,
           g->n_cols);
    int r0 = row_with(g, "目标内容"), r2 = row_with(g, "决策程序"), r6 = row_with(g, "过程控制");
    const b2j_grid_cell *c = r0 >= 0 ? b2j_grid_at(g, r0, 1) : NULL;
    TAP_OK(c && c->text && !strcmp(c->text, "20") && c->row == r0 && c->row + c->rowspan - 1 == r2,
           "score sheet: 20 spans the rows of 项目决策");
    c = r6 >= 0 ? b2j_grid_at(g, r6, 1) : NULL;
    TAP_OK(c && c->text && !strcmp(c->text, "30") && c->rowspan == 4,
           "score sheet: 30 spans the four rows of 项目过程");
    c = r2 >= 0 ? b2j_grid_at(g, r2, 3) : NULL;
    TAP_OK(c && c->text && !strcmp(c->text, "10") && c->rowspan == 2,
           "score sheet: 决策过程's 10 spans its two rows");
    c = r2 >= 0 ? b2j_grid_at(g, r2, 5) : NULL;
    TAP_OK(c && c->text && !strcmp(c->text, "5") && c->rowspan == 1,
           "score sheet: a level-3 score stays in its row");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Text-layer boxes span the font's ascent and descent: a label centred
 * between two rows set 1.4 em apart lies inside both rows' boxes, yet is a
 * line of its own. */
static void test_lines_tall_boxes(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wt(p, "决策依据", 200, 100, false);
  wt(p, "项目决策", 50, 107, false);
  wt(p, "决策程序", 200, 114, false);
  wt(p, "5", 300, 114, true);
  GPtrArray *lines = b2j_layout_lines(p);
  TAP_OK(lines->len == 3, "tall boxes: three lines (got %u)", lines->len);
  if (lines->len == 3)
    TAP_STREQ(((b2j_line *)lines->pdata[2])->text, "决策程序 5", "tall boxes: a row keeps its value");
  g_ptr_array_unref(lines);
  b2j_page_free(p);
}

/* A spanning label that shares its height with the first line of a note
 * wrapped into a row of values is no row of its own. */
static void test_unruled_label_beside_note(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  const char *head[] = {"一级指标", "二级指标", "分值", "三级指标", "分值", "说明"};
  const double hx[] = {50, 100, 150, 180, 240, 280};
  for (int i = 0; i < 6; i++)
    wt(p, head[i], hx[i], 105, false);
  const char *names[] = {"甲指标", "乙指标", "丙指标", "丁指标"};
  for (int i = 0; i < 4; i++) {
    wt(p, names[i], 180, 125 + 20 * i, false);
    wt(p, "10", 260, 125 + 20 * i, true);
  }
  wt(p, "产出指标", 50, 155, false); /* over rows 0..3 */
  wt(p, "数量指标", 100, 135, false); /* over rows 0..1 */
  wt(p, "20", 170, 135, true);
  wt(p, "质量指标", 100, 175, false); /* over rows 2..3 */
  wt(p, "20", 170, 175, true);
  wt(p, "受客观因素", 280, 155, false); /* a note over row 2, wrapped */
  wt(p, "影响未完成", 280, 165, false);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "label beside a note: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_rows == 5, "label beside a note: 5 rows (got %d)", g->n_rows);
    TAP_OK(row_with(g, "丙指标") == row_with(g, "乙指标") + 1,
           "label beside a note: no row between 乙指标 and 丙指标");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* A column at the left end whose only ink is one label centred over all
 * the rows (绩效指标) is a column of its own. */
static void test_unruled_sparse_edge_column(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "一级指标", 80, 100);
  wl(p, "三级指标", 140, 100);
  wl(p, "分值", 220, 100);
  /* Enough rows that one line may cross a column gap. */
  const char *names[] = {"服务人数", "工作方案", "合格率", "完成时间", "知晓率", "获得感"};
  for (int i = 0; i < 12; i++) {
    wl(p, names[i % 6], 140, 120 + 16 * i);
    wr(p, "10", 240, 120 + 16 * i);
  }
  wl(p, "产出指标", 80, 144);
  wl(p, "效益指标", 80, 208);
  wl(p, "满意度", 80, 280);
  wl(p, "绩效指标", 30, 208);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "sparse edge column: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 4, "sparse edge column: 4 columns (got %d)", g->n_cols);
    int r = row_with(g, "效益指标");
    TAP_OK(r >= 0 && b2j_grid_at(g, r, 0) && !strcmp(b2j_grid_at(g, r, 0)->text, "绩效指标"),
           "sparse edge column: 绩效指标 alone in the first column");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Four-digit amounts one over the other in an anchored unruled table are
 * two amounts, not a subject code cut in two (3010 over 1). */
static void test_unruled_four_digit_amounts(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  const char *head[] = {"二级", "分值", "三级", "分值", "金额"};
  const double hx[] = {50, 100, 140, 200, 240};
  for (int i = 0; i < 5; i++)
    wt(p, head[i], hx[i], 100, false);
  const char *l3[] = {"目标内容", "决策依据", "决策程序", "预算管理"};
  const char *s3[] = {"10", "5", "5", "10"};
  for (int i = 0; i < 4; i++) {
    wt(p, l3[i], 140, 116 + 14 * i, false);
    wt(p, s3[i], 220, 116 + 14 * i, true);
    wt(p, "4834", 280, 116 + 14 * i, true);
  }
  wt(p, "决策过程", 50, 116 + 14 * 0.5, false); /* over rows 0..1 */
  wt(p, "15", 120, 116 + 14 * 0.5, true);
  wt(p, "项目资金", 50, 116 + 14 * 2.5, false); /* over rows 2..3 */
  wt(p, "15", 120, 116 + 14 * 2.5, true);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "four-digit amounts: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    int r0 = row_with(g, "目标内容"), r1 = row_with(g, "决策依据");
    TAP_STREQ(r0 >= 0 ? at(g, r0, 4) : NULL, "4834", "four-digit amounts: row 0 keeps its own");
    TAP_STREQ(r1 >= 0 ? at(g, r1, 4) : NULL, "4834", "four-digit amounts: row 1 keeps its own");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* A label above a header row inside the body (一级指标 二级指标 分值 得分)
 * spans no further down than that header row. */
static void test_unruled_span_stops_at_header(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wt(p, "预期目标", 110, 116, false);
  wt(p, "20", 270, 116, true);
  wt(p, "年度目标", 50, 132, false);
  wt(p, "完成情况", 110, 132, false);
  wt(p, "30", 270, 132, true);
  wt(p, "一级指标", 110, 148, false);
  wt(p, "二级指标", 180, 148, false);
  wt(p, "分值", 250, 148, false);
  wt(p, "得分", 300, 148, false);
  const char *l2[] = {"数量指标", "质量指标", "时效指标", "成本指标"};
  for (int i = 0; i < 4; i++) {
    wt(p, "产出", 110, 164 + 16 * i, false);
    wt(p, l2[i], 180, 164 + 16 * i, false);
    wt(p, "10", 270, 164 + 16 * i, true);
    wt(p, "9", 320, 164 + 16 * i, true);
  }
  wt(p, "绩效指标", 50, 188, false);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "span stops at a header: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    int rh = row_with(g, "一级指标");
    const b2j_grid_cell *c = rh >= 0 ? b2j_grid_at(g, rh, 0) : NULL;
    TAP_OK(c && (!c->text || strcmp(c->text, "年度目标") != 0),
           "span stops at a header: 年度目标 does not cover the header row");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Two spanning labels left of the values that happen to share a height
 * (产出指标 over six rows, 质量指标 over two) are no row of their own. */
static void test_unruled_labels_share_height(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  const char *names[] = {"甲指标", "乙指标", "丙指标", "丁指标", "戊指标", "己指标"};
  for (int i = 0; i < 6; i++) {
    wt(p, names[i], 200, 116 + 14 * i, false);
    wt(p, "10", 280, 116 + 14 * i, true);
  }
  wt(p, "产出指标", 50, 116 + 14 * 2.5, false);
  wt(p, "数量指标", 110, 116 + 14 * 0.5, false);
  wt(p, "20", 180, 116 + 14 * 0.5, true);
  wt(p, "质量指标", 110, 116 + 14 * 2.5, false);
  wt(p, "时效指标", 110, 116 + 14 * 4.5, false);
  wt(p, "20", 180, 116 + 14 * 4.5, true);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "labels share a height: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_rows == 6, "labels share a height: 6 rows (got %d)", g->n_rows);
    TAP_OK(row_with(g, "丁指标") == row_with(g, "丙指标") + 1,
           "labels share a height: no row between 丙指标 and 丁指标");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Two header labels 0.6 em apart are two columns, not one letter-spaced
 * label (spacing is under half an em), even when the column on the right
 * is empty. */
static void test_unruled_close_header_labels(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "三级指标", 50, 100);
  wl(p, "分值", 120, 100);
  wl(p, "得分", 170, 100);
  wl(p, "偏差原因", 196, 100);
  const char *names[] = {"服务人数", "工作方案", "合格率"};
  for (int i = 0; i < 3; i++) {
    wl(p, names[i], 50, 120 + 16 * i);
    wr(p, "10", 140, 120 + 16 * i);
    wr(p, "9", 188, 120 + 16 * i);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "close header labels: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 4, "close header labels: 4 columns (got %d)", g->n_cols);
    TAP_STREQ(at(g, 0, g->n_cols - 1), "偏差原因", "close header labels: 偏差原因 its own column");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* The 栏次 numbers sit centred over right-aligned amounts: each number and
 * the amounts under it are one column. */
static void test_unruled_column_numbers(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "项目", 50, 100);
  wl(p, "年初结转", 130, 100);
  wl(p, "本年收入", 230, 100);
  wl(p, "年末结转", 330, 100);
  wl(p, "栏次", 50, 116);
  const char *num[] = {"1", "2", "3"};
  for (int i = 0; i < 3; i++)
    wl(p, num[i], 147 + 100 * i, 116);
  const char *names[] = {"合计", "行政运行", "一般行政管理事务"};
  for (int r = 0; r < 3; r++) {
    wl(p, names[r], 50, 132 + 16 * r);
    for (int i = 0; i < 3; i++)
      wr(p, "12.50", 195 + 100 * i, 132 + 16 * r);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "column numbers: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 4, "column numbers: 4 columns (got %d)", g->n_cols);
    int rn = row_with(g, "栏次"), rv = row_with(g, "行政运行");
    TAP_STREQ(rn >= 0 ? at(g, rn, 1) : NULL, "1", "column numbers: 1 heads the first amounts");
    TAP_STREQ(rv >= 0 ? at(g, rv, 1) : NULL, "12.50", "column numbers: the amount under it");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* A word with its box as the text layer gives it. */
static void wb(b2j_page *p, const char *t, double x0, double y0, double x1, double y1) {
  b2j_page_add_word(p, g_strdup(t), (b2j_box){x0, y0, x1, y1}, -1, B2J_ORIGIN_TEXT);
}

/* An unruled 政府性基金预算支出表 with no amounts (boxes from a garbled-grade
 * page): header lines over a lone 合计 row, then the note. It is a table, and
 * 合计, left-aligned in the gap between 科目代码 and 科目名称, lies in the
 * name column. */
static void test_unruled_empty_table(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wb(p, "部门：上海市普陀区人民法院", 50.0, 83.1, 218.7, 101.4);
  wb(p, "金额单位：万元", 454.3, 83.1, 544.9, 101.4);
  wb(p, "项目", 171.1, 101.5, 199.1, 118.8);
  wb(p, "合计", 343.6, 109.8, 371.7, 127.2);
  wb(p, "基本支出", 402.6, 109.8, 462.8, 127.2);
  wb(p, "项目支出", 477.7, 109.8, 537.8, 127.2);
  wb(p, "科目代码", 58.9, 118.1, 119.1, 135.5);
  wb(p, "科目名称", 194.0, 118.1, 254.2, 135.5);
  wb(p, "合计", 130.4, 134.8, 158.5, 152.2);
  wb(p, "注：本部门本年度无政府性基金预算支出，故本表无数据。", 50.0, 153.1, 336.3, 169.5);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "empty table: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 5, "empty table: 5 columns (got %d)", g->n_cols);
    int rn = row_with(g, "科目代码");
    TAP_STREQ(rn >= 0 ? at(g, rn, 1) : NULL, "科目名称", "empty table: 科目名称 in column 2");
    TAP_STREQ(at(g, g->n_rows - 1, 1), "合计", "empty table: 合计 under 科目名称, last row");
    TAP_OK(g->below->len >= 1 && has_line(g->below, "注：本部门本年度无政府性基金预算支出，故本表无数据。"),
           "empty table: the note is below it");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* The top rows of an unruled 项目支出绩效自评表 (boxes from a garbled-grade
 * page, one word per character where the text is letter-spaced): the
 * wrapped label 项目支/出名称 sits closer to its value than a column gap, yet
 * its row is the form's top row, not the title above it; and the letter-
 * spaced names are one cell each, not cut at the column edges. */
static void test_unruled_form_top_row(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  const char *title[] = {"2", "0", "2", "3", "年", "度", "项", "目"};
  for (int i = 0; i < 8; i++)
    wb(p, title[i], 106.1 + 27.4 * i, 50.0, 117.1 + 27.4 * i, 77.0);
  wb(p, "项目支", 54.5, 78.9, 84.5, 93.4);
  wb(p, "出名称", 54.5, 88.8, 84.5, 103.3);
  const char *name[] = {"2", "0", "2", "2"};
  for (int i = 0; i < 4; i++)
    wb(p, name[i], 91.4 + 9.37 * i, 83.9, 96.9 + 9.37 * i, 98.3);
  const char *rest[] = {"年", "中", "央", "财", "政", "医", "疗", "救", "助", "补", "助", "资", "金"};
  for (int i = 0; i < 13; i++)
    wb(p, rest[i], 134.3 + 13.375 * i, 83.9, 144.3 + 13.375 * i, 98.3);
  wb(p, "主管部", 54.5, 103.5, 84.5, 118.0);
  wb(p, "门", 64.5, 113.4, 74.5, 127.9);
  const char *unit[] = {"屈", "原", "管", "理", "区", "医", "保", "局"};
  for (int i = 0; i < 8; i++) {
    wb(p, unit[i], 91.4 + 13.375 * i, 108.4, 101.4 + 13.375 * i, 122.9);
    wb(p, unit[i], 376.1 + 13.375 * i, 108.4, 386.1 + 13.375 * i, 122.9);
  }
  wb(p, "实施单位", 326.4, 108.4, 366.4, 122.9);
  const char *head[] = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
  const double hx[] = {147.8, 230.0, 300.0, 370.0, 410.0, 450.0};
  for (int i = 0; i < 6; i++)
    wl(p, head[i], hx[i], 133.0);
  const char *v1[] = {"59.22", "59.22", "59.22", "10", "100%", "10"};
  wl(p, "年度资金总额", 96.3, 152.7);
  for (int i = 0; i < 6; i++)
    wr(p, v1[i], hx[i] + 45, 152.7);
  wl(p, "其中：当年财政拨款", 96.3, 172.4);
  for (int i = 0; i < 6; i++)
    wr(p, v1[i], hx[i] + 45, 172.4);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "form top row: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_STREQ(at(g, 0, 0), "项目支出名称", "form top row: the wrapped label is row 1, not the title");
    TAP_STREQ(at(g, 0, 1), "2 0 2 2 年中央财政医疗救助补助资金",
              "form top row: the letter-spaced project name is one cell");
    int r = row_with(g, "主管部门");
    TAP_STREQ(r >= 0 ? at(g, r, 1) : NULL, "屈原管理区医保局",
              "form top row: a letter-spaced unit name is one cell");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* An unruled 收入决算表 where one long subject name (syn-011, garbled grade)
 * runs past the whitespace edge of the name column: the name stays in its
 * cell and the amount right of it keeps a cell of its own. */
static void test_unruled_long_name_overflow(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "科目编码", 42, 84);
  wl(p, "科目名称", 117, 84);
  wl(p, "本年收入合计", 310, 84);
  wl(p, "财政拨款收入", 385, 84);
  const char *codes[] = {"201", "20101", "2010101", "2010102", "208", "20805",
                         "2080505", "2080506", "210", "21011", "2101101", "2101102"};
  for (int r = 0; r < 12; r++) {
    double y = 100 + 16 * r;
    wl(p, codes[r], 42, y);
    wl(p, r == 6 ? "机关事业单位基本养老保险缴费支出" : "行政运行", 117, y);
    wr(p, "20.22", 368, y);
    wr(p, "20.22", 440, y);
  }
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "long name: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    int r = row_with(g, "2080505");
    TAP_STREQ(r >= 0 ? at(g, r, 1) : NULL, "机关事业单位基本养老保险缴费支出",
              "long name: the name alone in its cell");
    TAP_STREQ(r >= 0 ? at(g, r, 2) : NULL, "20.22", "long name: the amount in its own cell");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Words of a garbled-grade 部门整体支出绩效自评表 (syn-004, page 2), boxes as the
 * text layer gives them. */
static const struct { const char *t; double x0, y0, x1, y1; } overall_form_words[] = {
    {"2025年度部门整体支出绩效自评表", 152.14, 50.00, 442.80, 77.03},
    {"部门名称", 52.40, 78.90, 92.40, 93.38},
    {"海东市平安区人力资源和社会保障局", 105.61, 78.90, 265.61, 93.38},
    {"全年预算", 310.38, 93.60, 350.38, 108.08},
    {"全年执行", 363.59, 93.60, 403.59, 108.08},
    {"分值", 416.57, 98.55, 436.57, 113.03},
    {"执行", 449.32, 93.60, 469.32, 108.08},
    {"得分", 500.48, 98.55, 520.48, 113.03},
    {"数", 325.38, 103.50, 335.38, 117.98},
    {"数", 378.59, 103.50, 388.59, 117.98},
    {"率", 454.32, 103.50, 464.32, 117.98},
    {"年度资金总额", 105.61, 118.20, 165.61, 132.68},
    {"241.06", 268.38, 118.20, 300.93, 132.68},
    {"241.06", 321.59, 118.20, 354.14, 132.68},
    {"154.28", 374.80, 118.20, 407.35, 132.68},
    {"10", 428.55, 118.20, 440.10, 132.68},
    {"64%", 452.29, 118.20, 473.50, 132.68},
    {"6.4", 527.87, 118.20, 542.42, 132.68},
    {"当", 135.61, 133.91, 145.61, 146.49},
    {"其中：", 105.61, 132.90, 135.61, 147.38},
    {"年财政拨款", 145.61, 132.90, 195.61, 147.38},
    {"241.06", 268.38, 132.90, 300.93, 147.38},
    {"241.06", 321.59, 132.90, 354.14, 147.38},
    {"154.28", 374.80, 132.90, 407.35, 147.38},
    {"—", 422.07, 132.90, 431.01, 147.38},
    {"—", 454.82, 132.90, 463.76, 147.38},
    {"—", 505.98, 132.90, 514.92, 147.38},
    {"上年结转资金", 105.61, 147.60, 165.61, 162.08},
    {"—", 422.07, 147.60, 431.01, 162.08},
    {"—", 454.82, 147.60, 463.76, 162.08},
    {"—", 505.98, 147.60, 514.92, 162.08},
    {"其他资金", 105.61, 162.30, 145.61, 176.78},
    {"—", 422.07, 162.30, 431.01, 176.78},
    {"—", 454.82, 162.30, 463.76, 176.78},
    {"—", 505.98, 162.30, 514.92, 176.78},
    {"况", 409.39, 178.01, 419.39, 190.59},
    {"预期目标", 105.61, 177.00, 145.61, 191.48},
    {"实际完成情", 359.39, 177.00, 409.39, 191.48},
    {"保障部门各项工作顺利实施，完成年度目标任务，提高", 105.61, 191.70, 345.61, 206.18},
    {"已按计划完成年度目标任务，资金使用规", 359.39, 191.70, 539.39, 206.18},
    {"群众满意度。", 105.61, 201.60, 165.61, 216.08},
    {"范，取得良好社会效益。", 359.39, 201.60, 469.39, 216.08},
    {"年度指标", 310.38, 216.30, 350.38, 230.78},
    {"实际完成", 363.59, 216.30, 403.59, 230.78},
    {"分值", 416.57, 221.25, 436.57, 235.73},
    {"得分", 449.32, 221.25, 469.32, 235.73},
    {"偏差原因分析", 478.09, 216.30, 538.09, 230.78},
    {"一级指标", 107.77, 221.25, 147.77, 235.73},
    {"二级指标", 158.93, 221.25, 198.93, 235.73},
    {"三级指标", 234.66, 221.25, 274.66, 235.73},
    {"及改进措施", 478.09, 226.20, 528.09, 240.68},
    {"值", 325.38, 226.20, 335.38, 240.68},
    {"值", 378.59, 226.20, 388.59, 240.68},
    {"制定工作方案", 224.66, 240.90, 284.66, 255.38},
    {"=2个", 319.38, 240.90, 341.38, 255.38},
    {"2个", 375.59, 240.90, 391.59, 255.38},
    {"9", 434.55, 240.90, 440.10, 255.38},
    {"9", 467.30, 240.90, 472.85, 255.38},
    {"数量指标", 158.93, 253.20, 198.93, 267.68},
    {"服务乡镇（街道）数", 207.94, 255.60, 297.94, 270.08},
    {"=15个", 316.38, 260.55, 344.38, 275.03},
    {"15个", 372.59, 260.55, 394.59, 275.03},
    {"9", 434.54, 260.55, 440.09, 275.03},
    {"9", 467.29, 260.55, 472.84, 275.03},
    {"量", 207.94, 265.50, 217.94, 279.98},
    {"政策落实到位率", 207.94, 280.20, 277.94, 294.68},
    {"≥94%", 314.88, 280.20, 346.09, 294.68},
    {"97%", 386.80, 280.20, 408.01, 294.68},
    {"8", 434.55, 280.20, 440.10, 294.68},
    {"8", 467.30, 280.20, 472.85, 294.68},
    {"产出指标", 107.77, 287.55, 147.77, 302.03},
    {"质量指标", 158.93, 287.55, 198.93, 302.03},
    {"有效投诉数量", 224.66, 294.90, 284.66, 309.38},
    {"≤5件", 317.38, 294.90, 343.38, 309.38},
    {"4件", 375.59, 294.90, 391.59, 309.38},
    {"8", 434.55, 294.90, 440.10, 309.38},
    {"8", 467.30, 294.90, 472.85, 309.38},
    {"12月前完", 309.38, 309.60, 351.38, 324.08},
    {"项目完成时间", 224.66, 314.55, 284.66, 329.03},
    {"已完成", 368.59, 314.55, 398.59, 329.03},
    {"8", 434.54, 314.55, 440.09, 329.03},
    {"8", 467.29, 314.55, 472.84, 329.03},
    {"成", 325.38, 319.50, 335.38, 333.98},
    {"时效指标", 158.93, 321.90, 198.93, 336.38},
    {"资金拨付及时性", 207.94, 334.20, 277.94, 348.68},
    {"≤1年", 317.38, 334.20, 343.38, 348.68},
    {"1年", 375.59, 334.20, 391.59, 348.68},
    {"8", 434.55, 334.20, 440.10, 348.68},
    {"8", 467.30, 334.20, 472.85, 348.68},
    {"经济效益", 158.93, 348.90, 198.93, 363.38},
    {"减轻群众负担", 224.66, 353.85, 284.66, 368.33},
    {"优", 325.38, 353.85, 335.38, 368.33},
    {"优", 378.59, 353.85, 388.59, 368.33},
    {"6", 434.55, 353.85, 440.10, 368.33},
    {"6", 467.30, 353.85, 472.85, 368.33},
    {"指标", 168.93, 358.80, 188.93, 373.28},
    {"群众获得感", 229.66, 373.50, 279.66, 387.98},
    {"有效提升", 310.38, 373.50, 350.38, 387.98},
    {"有效提升", 363.59, 373.50, 403.59, 387.98},
    {"6", 434.55, 373.50, 440.10, 387.98},
    {"6", 467.29, 373.50, 472.84, 387.98},
    {"社会效益", 158.93, 375.90, 198.93, 390.38},
    {"效益指标", 107.77, 383.25, 147.77, 397.73},
    {"指标", 168.93, 385.80, 188.93, 400.28},
    {"政策知晓率", 229.66, 388.20, 279.66, 402.68},
    {"≥87%", 314.88, 388.20, 346.09, 402.68},
    {"87%", 386.80, 388.20, 408.01, 402.68},
    {"6", 434.55, 388.20, 440.10, 402.68},
    {"6", 467.30, 388.20, 472.85, 402.68},
    {"长效机制建立", 224.66, 402.90, 284.66, 417.38},
    {"定性", 320.38, 402.90, 340.38, 417.38},
    {"达成", 373.59, 402.90, 393.59, 417.38},
    {"6", 434.55, 402.90, 440.10, 417.38},
    {"6", 467.30, 402.90, 472.85, 417.38},
    {"可持续影", 154.73, 405.30, 194.73, 419.78},
    {"响指标", 154.73, 415.20, 184.73, 429.68},
    {"持续发挥作用年限", 207.94, 417.60, 287.94, 432.08},
    {"≥12年", 314.38, 417.60, 346.38, 432.08},
    {"12年", 372.59, 417.60, 394.59, 432.08},
    {"6", 434.55, 417.60, 440.10, 432.08},
    {"6", 467.29, 417.60, 472.84, 432.08},
    {"服务对象", 154.73, 432.30, 194.73, 446.78},
    {"满意度指", 107.77, 437.25, 147.77, 451.73},
    {"满意度指", 154.73, 442.20, 194.73, 456.68},
    {"群众满意度", 229.66, 442.20, 279.66, 456.68},
    {"≥87%", 314.88, 442.20, 346.09, 456.68},
    {"90%", 386.80, 442.20, 408.01, 456.68},
    {"10", 428.55, 442.20, 440.10, 456.68},
    {"10", 461.29, 442.20, 472.84, 456.68},
    {"标", 122.77, 447.15, 132.77, 461.63},
    {"标", 154.73, 452.10, 164.73, 466.58},
    {"年初预算数", 229.66, 98.55, 279.66, 113.03},
    {"年度预算", 52.40, 118.05, 92.40, 132.53},
    {"申请（万", 52.40, 127.95, 92.40, 142.43},
    {"元）", 52.40, 137.85, 72.40, 152.33},
    {"年度总体", 52.40, 184.35, 92.40, 198.83},
    {"目标", 52.40, 194.25, 72.40, 208.73},
    {"绩效指标", 52.40, 334.20, 92.40, 348.68},
    {"总分", 52.40, 466.80, 72.40, 481.28},
    {"100", 422.55, 466.80, 440.10, 481.28},
    {"96.4", 452.30, 466.80, 472.85, 481.28},
};

/* The fund block of that form: 其他资金 has dashes only in the score
 * columns and 预期目标 sits one row's pitch below it, so each is a row of its
 * own (a wrapped line would be one em below); 其中：当年财政拨款, whose text
 * runs on across a column separator, is one cell and not a label spanning
 * the block; 年度预算申请（万元） spans the block from its header row down. */
static void test_unruled_fund_block(void) {
  b2j_page *p = b2j_page_new(1, 595, 842);
  for (size_t i = 0; i < G_N_ELEMENTS(overall_form_words); i++)
    wb(p, overall_form_words[i].t, overall_form_words[i].x0, overall_form_words[i].y0,
       overall_form_words[i].x1, overall_form_words[i].y1);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "fund block: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    int other = row_with(g, "其他资金"), goal = row_with(g, "预期目标");
    TAP_OK(other >= 0 && goal > other, "fund block: 其他资金 (row %d) and 预期目标 (row %d) are two rows",
           other, goal);
    int fin = row_with(g, "其中：当年财政拨款");
    TAP_OK(fin >= 0, "fund block: 其中：当年财政拨款 is one cell");
    TAP_OK(row_with(g, "年财政拨款") < 0, "fund block: no cell of 年财政拨款 alone");
    int head = row_with(g, "年初预算数");
    const b2j_grid_cell *lab = head >= 0 ? b2j_grid_at(g, head, 0) : NULL;
    TAP_OK(lab && lab->text && !strcmp(lab->text, "年度预算申请（万元）") && lab->row == head &&
               lab->row + lab->rowspan - 1 == other,
           "fund block: 年度预算申请（万元） spans its header row down to 其他资金");
    if (fin >= 0 && head >= 0) {
      const b2j_grid_cell *v = b2j_grid_at(g, fin, 4);
      TAP_STREQ(v ? v->text : NULL, "241.06", "fund block: 当年财政拨款's 年初预算数");
    }
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Words of a garbled-grade 项目支出绩效自评表 (seed-002, page 16), boxes as the
 * text layer gives them. */
static const struct { const char *t; double x0, y0, x1, y1; } project_form_words[] = {
    {"项目支出绩效自评表", 330.95, 40.00, 510.95, 68.96},
    {"项目名称", 42.40, 84.90, 86.07, 100.34},
    {"主管部门", 42.40, 100.26, 86.07, 115.71},
    {"项目负责人", 42.40, 115.62, 97.07, 131.07},
    {"2023", 184.45, 84.90, 208.37, 100.34},
    {"年丰台区定点医疗机构核酸检测垫付费用", 210.45, 84.90, 408.12, 100.34},
    {"北京市丰台区医疗保障局", 184.45, 100.26, 305.12, 115.71},
    {"方晓蕾", 184.45, 115.62, 217.11, 131.07},
    {"年初预算数", 315.96, 130.98, 370.63, 146.43},
    {"年度资金总额", 194.25, 146.34, 259.91, 161.79},
    {"4834", 388.09, 146.34, 412.01, 161.79},
    {"其中：", 184.45, 161.70, 217.11, 177.15},
    {"当", 217.45, 162.78, 228.12, 176.20},
    {"年财政", 228.45, 161.70, 261.11, 177.15},
    {"4834", 388.09, 166.98, 412.01, 182.43},
    {"拨款", 184.45, 172.26, 206.11, 187.71},
    {"上年结转资金", 194.25, 187.62, 259.91, 203.07},
    {"其他资金", 205.25, 202.98, 248.92, 218.43},
    {"项目资金(万元)", 42.40, 166.98, 116.00, 182.43},
    {"4477.074674", 439.48, 146.34, 502.40, 161.79},
    {"实施单位", 528.08, 100.26, 571.75, 115.71},
    {"北京市丰台区医疗保障局", 597.68, 100.26, 718.35, 115.71},
    {"联系电话", 528.08, 115.62, 571.75, 131.07},
    {"63258211", 597.68, 115.62, 645.60, 131.07},
    {"全", 522.58, 132.06, 533.25, 145.48},
    {"年执行数", 533.58, 130.98, 577.25, 146.43},
    {"分值", 610.10, 130.98, 631.77, 146.43},
    {"执行率", 656.26, 130.98, 688.92, 146.43},
    {"4477.074674", 529.88, 146.34, 592.80, 161.79},
    {"10", 632.53, 146.34, 644.45, 161.79},
    {"100%", 668.18, 146.34, 696.00, 161.79},
    {"4477.074674", 439.48, 166.98, 502.40, 182.43},
    {"4477.074674", 529.88, 166.98, 592.80, 182.43},
    {"全", 432.18, 132.06, 442.85, 145.48},
    {"年预算数", 443.18, 130.98, 486.85, 146.43},
    {"预期目标", 106.97, 218.34, 150.64, 233.79},
    {"年度总体目", 44.79, 236.58, 99.45, 252.02},
    {"为落实本市新冠肺炎疫情防控工作部署要求,做好新冠肺炎疫情常态化防控工作,保", 106.97, 233.70, 497.64, 249.15},
    {"障定点医疗机构平稳运行,维护社会正常秩序和人民生活健康安", 106.97, 244.26, 406.64, 259.71},
    {"全", 406.97, 245.34, 417.64, 258.76},
    {"。本项目计划为", 417.97, 244.26, 494.63, 259.71},
    {"标", 66.79, 247.14, 77.45, 262.59},
    {"约", 106.97, 254.82, 117.64, 270.27},
    {"45", 119.97, 254.82, 131.89, 270.27},
    {"家涉", 133.97, 254.82, 155.63, 270.27},
    {"及", 155.97, 255.90, 166.64, 269.32},
    {"核酸检测垫付费用的定点医疗机构,按照文件要求和价格标准,及", 166.97, 254.82, 469.64, 270.27},
    {"时拨", 469.97, 254.82, 491.63, 270.27},
    {"付机构垫付费用。", 106.97, 265.38, 194.64, 280.82},
    {"一级指标", 121.31, 286.02, 164.98, 301.47},
    {"二级指标", 205.25, 286.02, 248.92, 301.47},
    {"数量指标", 205.25, 311.94, 248.92, 327.39},
    {"产出指标", 121.31, 340.26, 164.98, 355.71},
    {"绩效指标", 50.29, 360.90, 93.96, 376.34},
    {"效益指标", 121.31, 402.18, 164.98, 417.63},
    {"满意度指标", 115.81, 435.78, 170.48, 451.23},
    {"总分", 42.40, 456.42, 64.06, 471.87},
    {"三级指标", 321.46, 286.02, 365.14, 301.47},
    {"拨付定点医疗机构数量", 274.84, 311.94, 384.50, 327.39},
    {"(2023", 736.89, 66.50, 768.93, 84.84},
    {"年度)", 771.89, 66.50, 802.18, 84.84},
    {"实际完成情", 507.28, 218.34, 561.95, 233.79},
    {"况", 562.28, 219.42, 572.95, 232.84},
    {"—", 616.10, 166.98, 625.63, 182.43},
    {"100%", 668.18, 166.98, 696.00, 182.43},
    {"—", 616.10, 187.62, 625.64, 203.07},
    {"—", 616.10, 202.98, 625.64, 218.43},
    {"实际完成值", 522.58, 286.02, 577.25, 301.47},
    {"分值", 610.10, 286.02, 631.77, 301.47},
    {"≥45", 441.68, 311.94, 464.60, 327.39},
    {"家", 466.68, 311.94, 477.35, 327.39},
    {"44", 537.58, 311.94, 549.49, 327.39},
    {"家", 551.57, 311.94, 562.24, 327.39},
    {"15", 632.54, 311.94, 644.45, 327.39},
    {"优", 454.18, 332.58, 464.85, 348.02},
    {"1年", 450.18, 347.94, 468.85, 363.39},
    {"10", 632.53, 332.58, 644.45, 348.02},
    {"20", 632.53, 347.94, 644.45, 363.39},
    {"10", 632.53, 389.22, 644.45, 404.66},
    {"偏差原因分析", 700.98, 280.74, 766.65, 296.18},
    {"及", 766.98, 281.82, 777.65, 295.24},
    {"改", 777.98, 280.74, 788.65, 296.18},
    {"进措施", 700.98, 291.30, 733.65, 306.75},
    {"14.6", 675.18, 311.94, 696.10, 327.39},
    {"发生费用医疗机构", 700.98, 306.66, 788.66, 322.11},
    {"数量少于预期", 700.98, 317.22, 766.65, 332.66},
    {"10", 684.18, 332.58, 696.11, 348.02},
    {"20", 684.18, 347.94, 696.11, 363.39},
    {"13.7", 675.19, 368.58, 696.11, 384.02},
    {"完成部分期间费用", 700.98, 363.30, 788.66, 378.75},
    {"统计", 700.98, 373.86, 722.65, 389.31},
    {"10", 684.18, 389.22, 696.10, 404.66},
    {"得分", 661.76, 286.02, 683.43, 301.47},
    {"足额拨付", 321.46, 332.58, 365.13, 348.02},
    {"完成时限", 321.46, 347.94, 365.13, 363.39},
    {"成本指标", 205.25, 368.58, 248.92, 384.02},
    {"全", 310.46, 369.66, 321.13, 383.08},
    {"年支出金额", 321.46, 368.58, 376.13, 384.02},
    {"社会效益指标", 194.25, 389.22, 259.91, 404.66},
    {"保障定点医疗机构平稳运行", 274.84, 389.22, 406.51, 404.66},
    {"落实新冠疫情防控工作部署", 274.84, 404.58, 406.50, 420.02},
    {"要求", 274.84, 415.14, 296.50, 430.59},
    {"优", 454.18, 389.22, 464.85, 404.66},
    {"优", 544.58, 332.58, 555.24, 348.02},
    {"1年", 540.58, 347.94, 559.24, 363.39},
    {"4407.074674", 507.28, 363.30, 570.21, 378.75},
    {"万", 572.29, 363.30, 582.95, 378.75},
    {"元", 507.28, 373.86, 517.95, 389.31},
    {"优", 544.58, 389.22, 555.25, 404.66},
    {"优", 454.18, 409.86, 464.85, 425.31},
    {"优", 544.58, 409.86, 555.24, 425.31},
    {"10", 632.53, 409.86, 644.45, 425.31},
    {"10", 684.18, 409.86, 696.11, 425.31},
    {"定点医疗机构满意度", 274.84, 435.78, 373.51, 451.23},
    {"满意", 448.68, 435.78, 470.36, 451.23},
    {"满意", 539.08, 435.78, 560.74, 451.23},
    {"10", 632.53, 435.78, 644.45, 451.23},
    {"10", 684.18, 435.78, 696.10, 451.23},
    {"100", 626.53, 456.42, 644.45, 471.87},
    {"98.3", 675.18, 456.42, 696.10, 471.87},
    {"服务对象满意度", 184.45, 430.50, 261.11, 445.95},
    {"标", 184.45, 441.06, 195.12, 456.50},
    {"—", 745.24, 166.98, 754.78, 182.43},
    {"落实新冠疫情防控工作要求,做好新冠肺炎疫情常态化防控工", 507.28, 238.98, 795.95, 254.43},
    {"作,保障定点医疗机构平稳运行,维护社会正常秩序和人民生活", 507.28, 249.54, 798.95, 264.99},
    {"健康安", 507.28, 260.10, 539.94, 275.55},
    {"全", 540.28, 261.18, 550.95, 274.60},
    {",已拨付完成", 551.28, 260.10, 608.95, 275.55},
    {"44", 611.28, 260.10, 623.20, 275.55},
    {"家定点医疗机构相关费用。", 625.28, 260.10, 756.95, 275.55},
    {"质量指标", 205.25, 332.58, 248.92, 348.02},
    {"时效指标", 205.25, 347.94, 248.92, 363.39},
    {"可持续影响指标", 184.45, 409.86, 261.11, 425.31},
    {"10", 787.48, 146.34, 799.41, 161.79},
    {"—", 745.24, 187.62, 754.77, 203.07},
    {"—", 745.24, 202.98, 754.77, 218.43},
    {"年度指标值", 432.19, 286.02, 486.85, 301.47},
    {"4834", 416.89, 368.58, 440.81, 384.02},
    {"万元", 442.89, 368.58, 464.55, 384.02},
    {"得分", 739.24, 130.98, 760.90, 146.43},
    {"15", 632.53, 368.58, 644.45, 384.02},
};

/* Its 其他资金 row has dashes in two score columns only, and the line under
 * it (预期目标 … 实际完成情况) lies a row's pitch below, with the prose of the
 * goals a row's pitch further: a row of its own, not a wrap of 其他资金. */
static void test_unruled_block_label_line(void) {
  b2j_page *p = b2j_page_new(1, 842, 595);
  for (size_t i = 0; i < G_N_ELEMENTS(project_form_words); i++)
    wb(p, project_form_words[i].t, project_form_words[i].x0, project_form_words[i].y0,
       project_form_words[i].x1, project_form_words[i].y1);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "block label line: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    int other = row_with(g, "其他资金"), goal = -1;
    for (int r = 0; r < g->n_rows && goal < 0; r++)
      for (int c = 0; c < g->n_cols; c++)
        if (at(g, r, c) && g_str_has_prefix(at(g, r, c), "预期目标"))
          goal = r;
    TAP_OK(other >= 0 && goal > other,
           "block label line: 其他资金 (row %d) and 预期目标 (row %d) are two rows", other, goal);
    int head = row_with(g, "年初预算数");
    const b2j_grid_cell *lab = head >= 0 ? b2j_grid_at(g, head, 0) : NULL;
    TAP_OK(lab && lab->text && !strcmp(lab->text, "项目资金(万元)") && lab->row == head &&
               lab->row + lab->rowspan - 1 == other,
           "block label line: 项目资金(万元) spans its header row down to 其他资金");
    int total = row_with(g, "年度资金总额");
    TAP_OK(total == head + 1, "block label line: 年度资金总额 right under the header row");
    TAP_OK(row_with(g, "偏差原因分析及改进措施") == row_with(g, "一级指标") &&
               row_with(g, "一级指标") >= 0,
           "wrapped header: 偏差原因分析及改 / 进措施 is one cell of the 一级指标 header row");
    int q = row_with(g, "拨付定点医疗机构数量"), t = row_with(g, "全年支出金额");
    const b2j_grid_cell *out1 = q >= 0 ? b2j_grid_at(g, q, 1) : NULL;
    TAP_OK(out1 && out1->text && !strcmp(out1->text, "产出指标") && out1->row == q && t >= q &&
               out1->row + out1->rowspan - 1 == t,
           "spanning labels: 产出指标 spans 拨付定点医疗机构数量 … 全年支出金额 (the 45 in the goals' "
           "prose above is no value of its column)");
    int phone = row_with(g, "63258211"), unit = row_with(g, "实施单位");
    const b2j_grid_cell *pc = NULL, *uc = NULL;
    for (int c = 0; phone >= 0 && unit >= 0 && c < g->n_cols; c++) {
      const b2j_grid_cell *x = b2j_grid_at(g, phone, c), *y = b2j_grid_at(g, unit, c);
      if (x && x->text && !strcmp(x->text, "63258211"))
        pc = x;
      if (y && y->text && !strcmp(y->text, "北京市丰台区医疗保障局") && y->col > 0 &&
          b2j_grid_at(g, unit, y->col - 1) &&
          !strcmp(b2j_grid_at(g, unit, y->col - 1)->text, "实施单位"))
        uc = y;
    }
    TAP_OK(pc && uc && pc->col == uc->col && pc->colspan == uc->colspan && uc->colspan > 1,
           "form spans: the 联系电话 number spans like the 实施单位 name above it (%d+%d vs %d+%d)",
           pc ? pc->col : -1, pc ? pc->colspan : -1, uc ? uc->col : -1, uc ? uc->colspan : -1);
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Words of a garbled-grade 项目支出绩效目标表 (syn-005, page 6, the table under
 * 表9), boxes as the text layer gives them. */
static const struct { const char *t; double x0, y0, x1, y1; } goal_form_words[] = {
    {"表9", 287.64, 189.29, 307.66, 207.63},
    {"项", 178.54, 205.29, 197.21, 232.32},
    {"目", 205.94, 205.29, 224.61, 232.32},
    {"支", 233.35, 205.29, 252.01, 232.32},
    {"出", 260.73, 205.29, 279.40, 232.32},
    {"绩", 288.13, 205.29, 306.80, 232.32},
    {"效", 315.54, 205.29, 334.20, 232.32},
    {"目", 342.94, 205.29, 361.61, 232.32},
    {"标", 370.34, 205.29, 389.01, 232.32},
    {"表", 397.73, 205.29, 416.39, 232.32},
    {"部门：海东市平安区司法局", 50.00, 231.79, 205.66, 250.13},
    {"单位：万元", 480.28, 231.79, 544.94, 250.13},
    {"项目名称", 52.40, 250.19, 100.40, 267.57},
    {"人", 111.83, 250.19, 123.83, 267.57},
    {"民", 127.88, 250.19, 139.88, 267.57},
    {"调", 143.93, 250.19, 155.93, 267.57},
    {"解", 159.98, 250.19, 171.98, 267.57},
    {"工", 176.03, 250.19, 188.03, 267.57},
    {"作", 192.08, 250.19, 204.08, 267.57},
    {"经", 208.13, 250.19, 220.13, 267.57},
    {"费", 224.18, 250.19, 236.18, 267.57},
    {"项目资金", 52.40, 266.87, 100.40, 284.25},
    {"126.38", 111.83, 266.87, 149.49, 284.25},
    {"年度目标", 52.40, 289.49, 100.40, 306.86},
    {"完成人民调解工作经费年度工作任务，资金使用合规，服务对象满意度不低于", 111.83, 283.55, 519.83, 300.93},
    {"90%。", 111.83, 295.43, 148.83, 312.81},
    {"一级指标", 114.03, 312.11, 174.17, 329.49},
    {"二级指标", 188.32, 312.11, 248.48, 329.49},
    {"三级指标", 307.18, 312.11, 367.34, 329.49},
    {"指标值", 439.03, 312.11, 483.13, 329.49},
    {"分值", 511.45, 312.11, 539.49, 329.49},
    {"覆盖服务人数", 291.14, 328.79, 383.39, 346.16},
    {"≥", 418.91, 328.79, 430.91, 346.16},
    {"219", 433.91, 328.79, 454.56, 346.16},
    {"人", 457.91, 328.79, 469.91, 346.16},
    {"8", 535.87, 328.79, 542.53, 346.16},
    {"数量指标", 188.32, 337.13, 248.46, 354.50},
    {"制定工作方案", 291.14, 345.47, 383.38, 362.84},
    {"＝1个", 445.58, 345.47, 476.57, 362.84},
    {"7", 535.88, 345.47, 542.54, 362.84},
    {"验收合格率", 299.16, 362.15, 375.36, 379.52},
    {"≥91%", 442.57, 362.15, 479.63, 379.52},
    {"7", 535.88, 362.15, 542.54, 379.52},
    {"质量指标", 188.32, 370.49, 248.46, 387.86},
    {"政策落实到位率", 260.41, 378.83, 368.71, 396.20},
    {"≥93%", 442.57, 378.83, 479.63, 396.20},
    {"7", 535.88, 378.83, 542.54, 396.20},
    {"产出指标", 114.03, 378.83, 174.17, 396.20},
    {"时效指标", 188.32, 395.51, 248.46, 412.89},
    {"任务完成及时率", 260.42, 395.51, 368.71, 412.89},
    {"≥", 441.08, 395.51, 453.08, 412.89},
    {"96%", 456.08, 395.51, 481.14, 412.89},
    {"7", 535.88, 395.51, 542.54, 412.89},
    {"人均培训成本", 291.14, 412.19, 383.38, 429.57},
    {"≤388元", 438.58, 412.19, 483.58, 429.57},
    {"7", 535.88, 412.19, 542.54, 429.57},
    {"绩效指标", 52.40, 412.19, 100.40, 429.57},
    {"成本指标", 188.32, 420.53, 248.46, 437.91},
    {"项目成本控制", 291.14, 428.87, 383.38, 446.25},
    {"≤126.38万元", 418.90, 428.87, 492.90, 446.25},
    {"7", 535.88, 428.87, 542.54, 446.25},
    {"社会效益指标", 182.39, 445.55, 254.39, 462.93},
    {"社会影响", 307.18, 445.55, 367.34, 462.93},
    {"逐步完善", 431.00, 445.55, 491.15, 462.93},
    {"10", 528.87, 445.55, 542.53, 462.93},
    {"效", 114.03, 462.23, 126.03, 479.61},
    {"益", 130.07, 462.23, 142.07, 479.61},
    {"指", 146.13, 462.23, 158.13, 479.61},
    {"标", 162.17, 462.23, 174.17, 479.61},
    {"可持续影响指", 181.17, 464.63, 253.17, 482.00},
    {"持", 260.41, 462.23, 272.41, 479.61},
    {"续", 276.46, 462.23, 288.46, 479.61},
    {"发", 292.51, 462.23, 304.51, 479.61},
    {"挥", 308.56, 462.23, 320.56, 479.61},
    {"作", 324.61, 462.23, 336.61, 479.61},
    {"用", 340.66, 462.23, 352.66, 479.61},
    {"年", 356.71, 462.23, 368.71, 479.61},
    {"限", 372.76, 462.23, 384.76, 479.61},
    {"≥12年", 442.08, 462.23, 480.07, 479.61},
    {"10", 528.88, 462.23, 542.53, 479.61},
    {"标", 181.17, 476.51, 193.17, 493.89},
    {"长效机制建立", 291.14, 478.91, 383.38, 496.29},
    {"有效提升", 431.01, 478.91, 491.15, 496.29},
    {"10", 528.88, 478.91, 542.54, 496.29},
    {"群众满意度", 299.16, 495.59, 375.36, 512.97},
    {"≥95%", 442.57, 495.59, 479.63, 512.97},
    {"10", 528.88, 495.59, 542.53, 512.97},
    {"满意度指标", 114.10, 503.93, 174.10, 521.31},
    {"服务对象满意", 181.17, 497.99, 253.17, 515.36},
    {"度指标", 181.17, 509.87, 225.27, 527.25},
    {"服务对象满意度", 260.41, 512.27, 368.71, 529.65},
    {"≥91%", 442.57, 512.27, 479.63, 529.65},
    {"10", 528.88, 512.27, 542.53, 529.65},
};

/* Its top rows are a label and one value each (项目名称 with a letter-spaced
 * name, 项目资金 126.38, 年度目标 with its prose): they belong to the table,
 * each value runs to the right edge, and the lone amount does not stop the
 * 一级指标 labels from spanning their rows. */
static void test_unruled_goal_form_top(void) {
  b2j_page *p = b2j_page_new(1, 595, 842);
  for (size_t i = 0; i < G_N_ELEMENTS(goal_form_words); i++)
    wb(p, goal_form_words[i].t, goal_form_words[i].x0, goal_form_words[i].y0,
       goal_form_words[i].x1, goal_form_words[i].y1);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "goal form: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_STREQ(at(g, 0, 0), "项目名称", "goal form: 项目名称 is the first row");
    const b2j_grid_cell *name = b2j_grid_at(g, 0, 1), *fund = b2j_grid_at(g, 1, 1);
    TAP_OK(name && name->col + name->colspan == g->n_cols,
           "goal form: the project name runs to the right edge");
    TAP_OK(fund && fund->text && !strcmp(fund->text, "126.38") && fund->col + fund->colspan == g->n_cols,
           "goal form: 项目资金's 126.38 runs to the right edge");
    int r = row_with(g, "覆盖服务人数");
    const b2j_grid_cell *l1 = r >= 0 ? b2j_grid_at(g, r, 1) : NULL;
    TAP_OK(l1 && l1->text && !strcmp(l1->text, "产出指标") && l1->rowspan > 1,
           "goal form: 产出指标 spans its rows");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Words of a garbled-grade 项目支出绩效自评表 (syn-010, page 2), boxes as the text
 * layer gives them. */
static const struct { const char *t; double x0, y0, x1, y1; } fund_rows_words[] = {
    {"2020年度项目支出绩效自评表", 171.14, 50.00, 423.79, 77.03},
    {"项目名称", 52.40, 78.90, 92.40, 93.38},
    {"主管部门", 52.40, 93.60, 92.40, 108.08},
    {"项目资金", 52.40, 142.65, 92.40, 157.13},
    {"（万元）", 52.40, 152.55, 92.40, 167.03},
    {"年度总体", 52.40, 208.95, 92.40, 223.43},
    {"目标", 52.40, 218.85, 72.40, 233.33},
    {"绩效指标", 52.40, 358.95, 92.40, 373.43},
    {"总分", 52.40, 491.70, 72.40, 506.18},
    {"统计调查专项经费", 105.61, 78.90, 185.61, 93.38},
    {"佛山市南海区统计局", 105.61, 93.60, 195.61, 108.08},
    {"年度资金总额", 105.61, 137.85, 165.61, 152.33},
    {"实施单位", 310.38, 93.60, 350.38, 108.08},
    {"佛山市南海区统计局", 359.39, 93.60, 449.39, 108.08},
    {"全年预算", 310.38, 108.30, 350.38, 122.78},
    {"全年执行", 363.59, 108.30, 403.59, 122.78},
    {"分值", 416.57, 113.25, 436.57, 127.73},
    {"执行", 449.32, 108.30, 469.32, 122.78},
    {"年初预算数", 229.66, 113.25, 279.66, 127.73},
    {"数", 325.38, 118.20, 335.38, 132.68},
    {"数", 378.59, 118.20, 388.59, 132.68},
    {"率", 454.32, 118.20, 464.32, 132.68},
    {"50.78", 274.38, 137.85, 300.93, 152.33},
    {"50.78", 327.59, 137.85, 354.14, 152.33},
    {"33.51", 380.80, 137.85, 407.35, 152.33},
    {"10", 428.55, 137.85, 440.10, 152.33},
    {"65.99", 446.29, 132.90, 472.84, 147.38},
    {"%", 464.29, 142.80, 473.50, 157.28},
    {"50.78", 274.38, 157.50, 300.93, 171.98},
    {"50.78", 327.59, 157.50, 354.14, 171.98},
    {"33.51", 380.80, 157.50, 407.35, 171.98},
    {"—", 422.07, 157.50, 431.01, 171.98},
    {"—", 454.82, 157.50, 463.76, 171.98},
    {"—", 422.07, 172.20, 431.01, 186.68},
    {"—", 454.82, 172.20, 463.76, 186.68},
    {"—", 422.07, 186.90, 431.01, 201.38},
    {"—", 454.82, 186.90, 463.76, 201.38},
    {"实际完成情况", 359.39, 201.60, 419.39, 216.08},
    {"得分", 500.48, 113.25, 520.48, 127.73},
    {"6.6", 527.87, 137.85, 542.42, 152.33},
    {"其中：当年财政拨款", 105.61, 157.50, 195.61, 171.98},
    {"—", 505.98, 157.50, 514.92, 171.98},
    {"上年结转资金", 105.61, 172.20, 165.61, 186.68},
    {"—", 505.98, 172.20, 514.92, 186.68},
    {"其他资金", 105.61, 186.90, 145.61, 201.38},
    {"—", 505.98, 186.90, 514.92, 201.38},
    {"预期目标", 105.61, 201.60, 145.61, 216.08},
    {"保障统计调查专项经费顺利实施，完成年度目标任务，", 105.61, 216.30, 345.61, 230.78},
    {"已按计划完成年度目标任务，资金使用规", 359.39, 216.30, 539.39, 230.78},
    {"提高群众满意度。", 105.61, 226.20, 185.61, 240.68},
    {"范，取得良好社会效益。", 359.39, 226.20, 469.39, 240.68},
    {"年度指标", 310.38, 240.90, 350.38, 255.38},
    {"实际完成", 363.59, 240.90, 403.59, 255.38},
    {"分值", 416.57, 245.85, 436.57, 260.33},
    {"得分", 449.32, 245.85, 469.32, 260.33},
    {"偏差原因分析", 478.09, 240.90, 538.09, 255.38},
    {"一级指标", 107.77, 245.85, 147.77, 260.33},
    {"二级指标", 158.93, 245.85, 198.93, 260.33},
    {"三级指标", 234.66, 245.85, 274.66, 260.33},
    {"及改进措施", 478.09, 250.80, 528.09, 265.28},
    {"值", 325.38, 250.80, 335.38, 265.28},
    {"值", 378.59, 250.80, 388.59, 265.28},
    {"开展培训次数", 224.66, 265.50, 284.66, 279.98},
    {"=8", 319.38, 265.50, 330.93, 279.98},
    {"次", 331.38, 266.51, 341.38, 279.09},
    {"8次", 375.59, 265.50, 391.59, 279.98},
    {"8", 434.55, 265.50, 440.10, 279.98},
    {"8", 467.30, 265.50, 472.85, 279.98},
    {"数量指标", 158.93, 272.85, 198.93, 287.33},
    {"办结案件数量", 224.66, 280.20, 284.66, 294.68},
    {"=793件", 313.38, 280.20, 347.38, 294.68},
    {"793件", 369.59, 280.20, 397.59, 294.68},
    {"7", 434.55, 280.20, 440.10, 294.68},
    {"7", 467.29, 280.20, 472.84, 294.68},
    {"部分任务推进", 478.09, 294.90, 538.09, 309.38},
    {"数据准确率", 229.66, 304.80, 279.66, 319.28},
    {"≥98%", 314.88, 304.80, 346.09, 319.28},
    {"95%", 386.80, 304.80, 408.01, 319.28},
    {"7", 434.55, 304.80, 440.10, 319.28},
    {"1.4", 458.30, 304.80, 472.85, 319.28},
    {"较慢，将加快", 478.09, 304.80, 538.09, 319.28},
    {"质量指标", 158.93, 312.15, 198.93, 326.63},
    {"实施进度。", 478.09, 314.70, 528.09, 329.18},
    {"产出指标", 107.77, 329.40, 147.77, 343.88},
    {"政策落实到位率", 207.94, 329.40, 277.94, 343.88},
    {"≥94%", 314.88, 329.40, 346.09, 343.88},
    {"95%", 386.80, 329.40, 408.01, 343.88},
    {"7", 434.55, 329.40, 440.10, 343.88},
    {"7", 467.30, 329.40, 472.85, 343.88},
    {"2020年12", 306.18, 344.10, 351.73, 358.58},
    {"2020年12", 359.39, 344.10, 404.94, 358.58},
    {"时效指标", 158.93, 349.05, 198.93, 363.53},
    {"资金拨付及时性", 207.94, 349.05, 277.94, 363.53},
    {"7", 434.55, 349.05, 440.10, 363.53},
    {"7", 467.30, 349.05, 472.85, 363.53},
    {"月31日前", 306.18, 354.00, 348.18, 368.48},
    {"月31日前", 359.39, 354.00, 401.39, 368.48},
    {"≤50.78万", 306.18, 368.70, 353.18, 383.18},
    {"50.78万元", 359.39, 373.65, 406.39, 388.13},
    {"7", 434.55, 373.65, 440.10, 388.13},
    {"7", 467.29, 373.65, 472.84, 388.13},
    {"项目成本控制", 224.66, 373.65, 284.66, 388.13},
    {"元", 306.18, 378.60, 316.18, 393.08},
    {"成本指标", 158.93, 381.00, 198.93, 395.48},
    {"人均培训成本", 224.66, 393.30, 284.66, 407.78},
    {"≤235元", 311.38, 393.30, 349.38, 407.78},
    {"111元", 369.59, 393.30, 397.59, 407.78},
    {"7", 434.55, 393.30, 440.10, 407.78},
    {"7", 467.29, 393.30, 472.84, 407.78},
    {"经济效益", 158.93, 408.00, 198.93, 422.48},
    {"减轻群众负担", 224.66, 412.95, 284.66, 427.43},
    {"定性", 320.38, 412.95, 340.38, 427.43},
    {"有效提升", 363.59, 412.95, 403.59, 427.43},
    {"15", 428.55, 412.95, 440.10, 427.43},
    {"15", 461.29, 412.95, 472.84, 427.43},
    {"指标", 168.93, 417.90, 188.93, 432.38},
    {"效益指标", 107.77, 425.25, 147.77, 439.73},
    {"社会效益", 158.93, 432.60, 198.93, 447.08},
    {"群众获得感", 229.66, 437.55, 279.66, 452.03},
    {"定性", 320.38, 437.55, 340.38, 452.03},
    {"优", 378.59, 437.55, 388.59, 452.03},
    {"15", 428.55, 437.55, 440.10, 452.03},
    {"15", 461.30, 437.55, 472.85, 452.03},
    {"指标", 168.93, 442.50, 188.93, 456.98},
    {"满意度指", 107.77, 462.15, 147.77, 476.63},
    {"服务对象", 154.73, 457.20, 194.73, 471.68},
    {"满意度指", 154.73, 467.10, 194.73, 481.58},
    {"服务对象满意度", 207.94, 467.10, 277.94, 481.58},
    {"=85%", 316.88, 467.10, 344.09, 481.58},
    {"85%", 386.80, 467.10, 408.01, 481.58},
    {"10", 428.55, 467.10, 440.10, 481.58},
    {"10", 461.30, 467.10, 472.85, 481.58},
    {"标", 122.77, 472.05, 132.77, 486.53},
    {"标", 154.73, 477.00, 164.73, 491.48},
    {"100", 422.55, 491.70, 440.10, 506.18},
    {"91.0", 452.30, 491.70, 472.85, 506.18},
};

/* 年初预算数's 50.78 runs a little past the whitespace edge of its column with
 * 全年预算数's 50.78 right beside it: two numbers, two cells. */
static void test_unruled_number_overflow(void) {
  b2j_page *p = b2j_page_new(1, 595, 842);
  for (size_t i = 0; i < G_N_ELEMENTS(fund_rows_words); i++)
    wb(p, fund_rows_words[i].t, fund_rows_words[i].x0, fund_rows_words[i].y0,
       fund_rows_words[i].x1, fund_rows_words[i].y1);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len >= 1, "number overflow: a grid (got %u)", grids->len);
  if (grids->len >= 1) {
    const b2j_grid *g = grids->pdata[0];
    int r = row_with(g, "年度资金总额");
    int n = 0;
    for (int c = 0; r >= 0 && c < g->n_cols; c++) {
      const b2j_grid_cell *x = b2j_grid_at(g, r, c);
      if (x && x->col == c && x->text && !strcmp(x->text, "50.78"))
        n++;
    }
    TAP_OK(n == 2, "number overflow: 50.78 and 50.78 in two cells of 年度资金总额's row (got %d)", n);
    TAP_OK(row_with(g, "50.78 50.78") < 0, "number overflow: no cell holds both");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Words of a garbled-grade 项目支出绩效自评表 (seed-001, page 29), boxes as the
 * text layer gives them. */
static const struct { const char *t; double x0, y0, x1, y1; } spaced_name_words[] = {
    {"2", 106.14, 50.00, 117.15, 77.03},
    {"0", 125.54, 50.00, 136.55, 77.03},
    {"2", 144.93, 50.00, 155.94, 77.03},
    {"3", 164.34, 50.00, 175.36, 77.03},
    {"年", 196.13, 50.00, 214.80, 77.03},
    {"度", 223.54, 50.00, 242.20, 77.03},
    {"项", 250.94, 50.00, 269.61, 77.03},
    {"目", 278.34, 50.00, 297.01, 77.03},
    {"支", 305.73, 50.00, 324.40, 77.03},
    {"出", 333.13, 50.00, 351.80, 77.03},
    {"绩", 360.53, 50.00, 379.20, 77.03},
    {"效", 387.94, 50.00, 406.60, 77.03},
    {"自", 415.34, 50.00, 434.01, 77.03},
    {"评", 442.73, 50.00, 461.39, 77.03},
    {"表", 470.13, 50.00, 488.80, 77.03},
    {"项目支", 54.50, 78.90, 84.50, 93.38},
    {"2", 91.40, 83.85, 96.95, 98.33},
    {"0", 100.77, 83.85, 106.32, 98.33},
    {"2", 110.15, 83.85, 115.70, 98.33},
    {"2", 119.52, 83.85, 125.07, 98.33},
    {"年", 134.27, 83.85, 144.27, 98.33},
    {"中", 147.65, 83.85, 157.65, 98.33},
    {"央", 161.02, 83.85, 171.02, 98.33},
    {"财", 174.40, 83.85, 184.40, 98.33},
    {"政", 187.77, 83.85, 197.77, 98.33},
    {"医", 201.15, 83.85, 211.15, 98.33},
    {"疗", 214.53, 83.85, 224.53, 98.33},
    {"救", 227.90, 83.85, 237.90, 98.33},
    {"助", 241.28, 83.85, 251.28, 98.33},
    {"补", 254.65, 83.85, 264.65, 98.33},
    {"助", 268.03, 83.85, 278.03, 98.33},
    {"资", 281.40, 83.85, 291.40, 98.33},
    {"金", 294.78, 83.85, 304.78, 98.33},
    {"出名称", 54.50, 88.80, 84.50, 103.28},
    {"主管部", 54.50, 103.50, 84.50, 117.98},
    {"屈", 91.40, 108.45, 101.40, 122.93},
    {"原", 104.78, 108.45, 114.78, 122.93},
    {"管", 118.15, 108.45, 128.15, 122.93},
    {"理", 131.52, 108.45, 141.52, 122.93},
    {"区", 144.90, 108.45, 154.90, 122.93},
    {"医", 158.27, 108.45, 168.27, 122.93},
    {"保", 171.65, 108.45, 181.65, 122.93},
    {"局", 185.03, 108.45, 195.03, 122.93},
    {"门", 64.50, 113.40, 74.50, 127.88},
    {"年初预算数", 147.84, 133.05, 197.84, 147.53},
    {"一级指标", 96.30, 290.40, 136.30, 304.88},
    {"产出指标", 91.40, 371.55, 131.40, 386.03},
    {"(50分)", 91.40, 381.45, 119.78, 395.93},
    {"绩效指", 54.50, 415.80, 84.50, 430.28},
    {"标", 64.50, 425.70, 74.50, 440.18},
    {"效益指标", 91.40, 477.30, 131.40, 491.78},
    {"(50分)", 91.40, 487.20, 119.78, 501.68},
    {"满意度指", 91.40, 531.45, 131.40, 545.93},
    {"标", 91.40, 541.35, 101.40, 555.83},
    {"(10分)", 103.40, 541.35, 131.78, 555.83},
    {"总分", 104.61, 561.00, 127.99, 575.48},
    {"59.22", 289.69, 157.65, 316.24, 172.13},
    {"59.22", 344.29, 157.65, 370.84, 172.13},
    {"执行", 431.93, 128.10, 451.93, 142.58},
    {"得分", 459.23, 133.05, 479.23, 147.53},
    {"率", 436.93, 138.00, 446.93, 152.48},
    {"10", 468.48, 157.65, 480.03, 172.13},
    {"10", 413.89, 157.65, 425.44, 172.13},
    {"100", 435.18, 152.70, 452.73, 167.18},
    {"%", 444.18, 162.60, 453.39, 177.08},
    {"59.22", 289.69, 187.20, 316.24, 201.68},
    {"59.22", 344.29, 187.20, 370.84, 201.68},
    {"10", 413.89, 187.20, 425.44, 201.68},
    {"100", 435.18, 182.25, 452.73, 196.73},
    {"%", 444.18, 192.15, 453.39, 206.63},
    {"全年预算数", 228.84, 133.05, 292.33, 147.53},
    {"年度资金", 96.30, 152.70, 136.30, 167.18},
    {"59.22", 172.69, 157.65, 199.24, 172.13},
    {"总额", 104.61, 162.60, 127.99, 177.08},
    {"项目资", 52.40, 172.35, 82.40, 186.83},
    {"其中：当", 91.40, 177.30, 131.40, 191.78},
    {"金", 52.40, 182.25, 62.40, 196.73},
    {"(万", 64.40, 182.25, 77.40, 196.73},
    {"年财政拨", 91.40, 187.20, 131.40, 201.68},
    {"59.22", 172.69, 187.20, 199.24, 201.68},
    {"元)", 52.40, 192.15, 65.78, 206.63},
    {"款", 91.40, 197.10, 101.40, 211.58},
    {"上年结转", 96.30, 211.80, 136.30, 226.28},
    {"资金", 104.61, 221.70, 127.99, 236.18},
    {"其他资金", 96.30, 236.40, 136.30, 250.88},
    {"年度总", 54.50, 253.50, 84.50, 267.98},
    {"预", 91.40, 251.10, 101.40, 265.58},
    {"期", 104.78, 251.10, 114.78, 265.58},
    {"目", 118.15, 251.10, 128.15, 265.58},
    {"标", 131.52, 251.10, 141.52, 265.58},
    {"体目标", 54.50, 263.40, 84.50, 277.88},
    {"做好全区离休干部医药待遇支出保障工作", 91.40, 265.80, 271.40, 280.28},
    {"实施单位", 326.39, 108.45, 366.39, 122.93},
    {"屈", 376.09, 108.45, 386.09, 122.93},
    {"原", 389.46, 108.45, 399.46, 122.93},
    {"管", 402.84, 108.45, 412.84, 122.93},
    {"理", 416.21, 108.45, 426.21, 122.93},
    {"区", 429.59, 108.45, 439.59, 122.93},
    {"医", 442.96, 108.45, 452.96, 122.93},
    {"保", 456.34, 108.45, 466.34, 122.93},
    {"局", 469.71, 108.45, 479.71, 122.93},
    {"全年执行", 326.39, 128.10, 366.39, 142.58},
    {"数", 341.39, 138.00, 351.39, 152.48},
    {"分值", 389.30, 133.05, 412.68, 147.53},
    {"实际完成情况", 321.49, 251.10, 398.36, 265.58},
    {"做好全区离休干部医药待遇支出保障工作", 321.49, 265.80, 501.49, 280.28},
    {"年度指标", 326.39, 285.45, 366.39, 299.93},
    {"值", 341.39, 295.35, 351.39, 309.83},
    {"实际完成", 380.98, 285.45, 420.98, 299.93},
    {"值", 395.98, 295.35, 405.98, 309.83},
    {"数量指标", 146.00, 315.00, 186.00, 329.48},
    {"(5", 188.00, 315.00, 196.55, 329.48},
    {"医疗救助对象人次规模", 204.49, 319.95, 304.49, 334.43},
    {"分)", 146.00, 324.90, 159.38, 339.38},
    {"符合资助条件的农村低收", 204.49, 339.60, 314.49, 354.08},
    {"质量指标", 146.00, 344.55, 186.00, 359.03},
    {"入人口资助参保政策覆盖", 204.49, 349.50, 314.49, 363.98},
    {"(20分)", 146.00, 354.45, 174.38, 368.93},
    {"率", 204.49, 359.40, 214.49, 373.88},
    {"≥3000", 329.38, 319.95, 362.93, 334.43},
    {"≥3000", 383.98, 319.95, 417.53, 334.43},
    {"时效指标", 146.00, 374.10, 186.00, 388.58},
    {"(10分)", 146.00, 384.00, 174.38, 398.48},
    {"一站式结算覆盖地区", 204.49, 379.05, 294.49, 393.53},
    {"≥10", 335.38, 379.05, 356.93, 393.53},
    {"成本指标", 146.00, 413.40, 186.00, 427.88},
    {"(15分)", 146.00, 423.30, 174.38, 437.78},
    {"困难群众医疗费用再救助", 204.49, 398.70, 314.49, 413.18},
    {"≥70%", 330.89, 403.65, 362.10, 418.13},
    {"减轻负担程度", 204.49, 408.60, 281.37, 423.08},
    {"“一站式”结算覆盖率", 204.49, 423.30, 304.49, 437.78},
    {"≥80%", 330.88, 423.30, 362.09, 437.78},
    {"项", 204.49, 438.00, 214.49, 452.48},
    {"目", 217.87, 438.00, 227.87, 452.48},
    {"专", 231.24, 438.00, 241.24, 452.48},
    {"项", 244.62, 438.00, 254.62, 452.48},
    {"资", 257.99, 438.00, 267.99, 452.48},
    {"金", 271.37, 438.00, 281.37, 452.48},
    {"成", 284.74, 438.00, 294.74, 452.48},
    {"本", 298.12, 438.00, 308.12, 452.48},
    {"59.22", 321.49, 438.00, 348.04, 452.48},
    {"万", 350.49, 438.00, 360.49, 452.48},
    {"二级指标", 147.78, 290.40, 197.91, 304.88},
    {"经济效益指", 146.00, 452.70, 196.00, 467.18},
    {"标", 146.00, 462.60, 156.00, 477.08},
    {"(10分)", 158.00, 462.60, 186.38, 477.08},
    {"社会效益指", 146.00, 477.30, 196.00, 491.78},
    {"标", 146.00, 487.20, 156.00, 501.68},
    {"(10分)", 158.00, 487.20, 186.38, 501.68},
    {"生态效益指", 146.00, 501.90, 196.00, 516.38},
    {"标", 146.00, 511.80, 156.00, 526.28},
    {"(10分)", 158.00, 511.80, 186.38, 526.28},
    {"服务对象满", 146.00, 526.50, 196.00, 540.98},
    {"意度指标", 146.00, 536.40, 186.00, 550.88},
    {"(10分)", 146.00, 546.30, 174.38, 560.78},
    {"三级指标", 235.53, 290.40, 285.66, 304.88},
    {"10", 468.48, 187.20, 480.03, 201.68},
    {"≥99%", 330.89, 349.50, 362.10, 363.98},
    {"参保群众政策知晓率", 204.49, 457.65, 294.49, 472.13},
    {"≥85%", 330.88, 457.65, 362.09, 472.13},
    {"困难群众看病就医方便程", 204.49, 477.30, 314.49, 491.78},
    {"度", 204.49, 487.20, 214.49, 501.68},
    {"≥70%", 330.89, 482.25, 362.10, 496.73},
    {"医疗救助对象覆盖范围", 204.49, 506.85, 304.49, 521.33},
    {"逐步扩大", 326.38, 506.85, 366.38, 521.33},
    {"工作满意度", 228.84, 536.40, 292.34, 550.88},
    {"≥85%", 330.89, 536.40, 362.10, 550.88},
    {"偏差原因分", 485.28, 280.50, 535.28, 294.98},
    {"分值", 431.93, 290.40, 451.93, 304.88},
    {"得分", 459.23, 290.40, 479.23, 304.88},
    {"析及改进措", 485.28, 290.40, 535.28, 304.88},
    {"施", 485.28, 300.30, 495.28, 314.78},
    {"5", 447.18, 319.95, 452.73, 334.43},
    {"5", 474.48, 319.95, 480.03, 334.43},
    {"20", 441.18, 349.50, 452.73, 363.98},
    {"20", 468.48, 349.50, 480.03, 363.98},
    {"≥10", 389.98, 379.05, 411.53, 393.53},
    {"10", 441.18, 379.05, 452.73, 393.53},
    {"10", 468.48, 379.05, 480.03, 393.53},
    {"≥65%", 385.49, 403.65, 416.70, 418.13},
    {"5", 447.18, 403.65, 452.73, 418.13},
    {"0", 474.48, 403.65, 480.03, 418.13},
    {"≥80%", 385.48, 423.30, 416.69, 437.78},
    {"59.22", 376.08, 438.00, 402.63, 452.48},
    {"万", 405.08, 438.00, 415.08, 452.48},
    {"5", 447.18, 423.30, 452.73, 437.78},
    {"5", 447.18, 438.00, 452.73, 452.48},
    {"5", 474.48, 423.30, 480.03, 437.78},
    {"5", 474.48, 438.00, 480.03, 452.48},
    {"≥85%", 385.48, 457.65, 416.69, 472.13},
    {"10", 441.18, 457.65, 452.73, 472.13},
    {"10", 468.48, 457.65, 480.03, 472.13},
    {"10", 441.18, 482.25, 452.73, 496.73},
    {"10", 468.48, 482.25, 480.03, 496.73},
    {"10", 441.18, 506.85, 452.73, 521.33},
    {"10", 468.48, 506.85, 480.03, 521.33},
    {"10", 441.18, 536.40, 452.73, 550.88},
    {"10", 468.48, 536.40, 480.03, 550.88},
    {"100", 435.18, 561.00, 452.73, 575.48},
    {"95", 468.48, 561.00, 480.03, 575.48},
    {"100%", 398.89, 349.50, 426.10, 363.98},
    {"100%", 398.89, 482.25, 426.10, 496.73},
    {"持续", 389.29, 506.85, 412.67, 521.33},
    {"95%", 404.88, 536.40, 426.09, 550.88},
    {"备注：一个一级项目支出一张表。如，业务工作经费，运行维护经费，其他事业发展类资金...各一张", 50.00, 577.30, 532.34, 593.71},
    {"表。", 50.00, 590.05, 72.34, 606.46},
};

/* The project name at its top is letter-spaced with its year in digits
 * (2 0 2 2 年中央…) and falls in the 一级指标 column: those digits are text,
 * not values, so 产出指标 (50分) still spans its indicator rows. The
 * indicator names part the 全年预算数 column with a gap; the amounts under it
 * take its two columns. */
static void test_unruled_spaced_digits(void) {
  b2j_page *p = b2j_page_new(1, 595, 842);
  for (size_t i = 0; i < G_N_ELEMENTS(spaced_name_words); i++)
    wb(p, spaced_name_words[i].t, spaced_name_words[i].x0, spaced_name_words[i].y0,
       spaced_name_words[i].x1, spaced_name_words[i].y1);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len >= 1, "spaced digits: a grid (got %u)", grids->len);
  if (grids->len >= 1) {
    const b2j_grid *g = grids->pdata[0];
    int r = row_with(g, "医疗救助对象人次规模");
    const b2j_grid_cell *l1 = r >= 0 ? b2j_grid_at(g, r, 1) : NULL;
    TAP_OK(l1 && l1->text && !strcmp(l1->text, "产出指标 (50分)") && l1->rowspan > 1,
           "spaced digits: 产出指标 (50分) spans 医疗救助对象人次规模 and the rows below");
    int h = row_with(g, "全年预算数"), t = row_with(g, "年度资金总额");
    const b2j_grid_cell *hc = NULL;
    for (int c = 0; h >= 0 && c < g->n_cols; c++) {
      const b2j_grid_cell *x = b2j_grid_at(g, h, c);
      if (x && x->text && !strcmp(x->text, "全年预算数"))
        hc = x;
    }
    const b2j_grid_cell *v = hc && t >= 0 ? b2j_grid_at(g, t, hc->col + hc->colspan - 1) : NULL;
    TAP_OK(hc && hc->colspan > 1 && v && v->text && !strcmp(v->text, "59.22") && v->col == hc->col &&
               v->colspan == hc->colspan,
           "number under a spanning header: 59.22 takes 全年预算数's columns");
    TAP_OK(row_with(g, "成本指标 (15分)") >= 0 && row_with(g, "(15分)") < 0,
           "score note: (15分) wrapped under 成本指标 stays in its cell");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* Words of a garbled-grade 项目支出绩效自评表 (seed-001, page 27), boxes as the
 * text layer gives them. */
static const struct { const char *t; double x0, y0, x1, y1; } line_rows_words[] = {
    {"2023", 169.14, 50.00, 213.19, 77.03},
    {"年度项目支出绩效自评表", 217.13, 50.00, 425.81, 77.03},
    {"项目支", 54.50, 78.90, 84.50, 93.38},
    {"离休人员医药费", 91.40, 83.85, 161.40, 98.33},
    {"出名称", 54.50, 88.80, 84.50, 103.28},
    {"主管部", 54.50, 103.50, 84.50, 117.98},
    {"屈原管理区医保局", 91.40, 108.45, 171.40, 122.93},
    {"门", 64.50, 113.40, 74.50, 127.88},
    {"年初预算数", 147.84, 133.05, 197.84, 147.53},
    {"实施单位", 326.39, 108.45, 366.39, 122.93},
    {"屈原管理区医保局", 376.09, 108.45, 456.09, 122.93},
    {"年度资金", 96.30, 152.70, 136.30, 167.18},
    {"25", 187.69, 157.65, 199.24, 172.13},
    {"总额", 106.30, 162.60, 126.30, 177.08},
    {"项目资", 52.40, 172.35, 82.40, 186.83},
    {"其中：当", 91.40, 177.30, 131.40, 191.78},
    {"金", 52.40, 182.25, 62.40, 196.73},
    {"(万", 64.40, 182.25, 77.40, 196.73},
    {"年财政拨", 91.40, 187.20, 131.40, 201.68},
    {"25", 187.69, 187.20, 199.24, 201.68},
    {"元)", 52.40, 192.15, 65.78, 206.63},
    {"款", 91.40, 197.10, 101.40, 211.58},
    {"上年结转", 96.30, 211.80, 136.30, 226.28},
    {"资金", 106.30, 221.70, 126.30, 236.18},
    {"其他资金", 96.30, 236.40, 136.30, 250.88},
    {"年度总", 54.50, 253.50, 84.50, 267.98},
    {"预期目标", 91.40, 251.10, 131.40, 265.58},
    {"体目标", 54.50, 263.40, 84.50, 277.88},
    {"做好全区离休干部医药待遇支出保障工作", 91.40, 265.80, 271.40, 280.28},
    {"一级指标", 96.30, 290.40, 136.30, 304.88},
    {"产出指标", 91.40, 351.90, 131.40, 366.38},
    {"(50分)", 91.40, 361.80, 119.78, 376.28},
    {"绩效指", 54.50, 396.15, 84.50, 410.63},
    {"标", 64.50, 406.05, 74.50, 420.53},
    {"效益指标", 91.40, 438.00, 131.40, 452.48},
    {"(30分)", 91.40, 447.90, 119.78, 462.38},
    {"满意度指", 91.40, 492.15, 131.40, 506.63},
    {"标", 91.40, 502.05, 101.40, 516.53},
    {"(10分)", 103.40, 502.05, 131.78, 516.53},
    {"总分", 106.30, 521.70, 126.30, 536.18},
    {"全年执行", 326.39, 128.10, 366.39, 142.58},
    {"数", 341.39, 138.00, 351.39, 152.48},
    {"全年预算数", 235.59, 133.05, 285.59, 147.53},
    {"二级指标", 152.85, 290.40, 192.85, 304.88},
    {"三级指标", 240.59, 290.40, 280.59, 304.88},
    {"数量指标", 146.00, 315.00, 186.00, 329.48},
    {"(5", 188.00, 315.00, 196.55, 329.48},
    {"分)", 146.00, 324.90, 159.38, 339.38},
    {"质量指标", 146.00, 339.60, 186.00, 354.08},
    {"(20分)", 146.00, 349.50, 174.38, 363.98},
    {"时效指标", 146.00, 364.20, 186.00, 378.68},
    {"(20分)", 146.00, 374.10, 174.38, 388.58},
    {"成本指标", 146.00, 388.80, 186.00, 403.28},
    {"(5", 188.00, 388.80, 196.55, 403.28},
    {"分)", 146.00, 398.70, 159.38, 413.18},
    {"经济效益指", 146.00, 413.40, 196.00, 427.88},
    {"标(10分)", 146.00, 423.30, 184.38, 437.78},
    {"社会效益指", 146.00, 438.00, 196.00, 452.48},
    {"标(10分)", 146.00, 447.90, 184.38, 462.38},
    {"生态效益指", 146.00, 462.60, 196.00, 477.08},
    {"标(10分)", 146.00, 472.50, 184.38, 486.98},
    {"服务对象满", 146.00, 487.20, 196.00, 501.68},
    {"意度指标", 146.00, 497.10, 186.00, 511.58},
    {"(10分)", 146.00, 507.00, 174.38, 521.48},
    {"服务人员", 240.59, 319.95, 280.59, 334.43},
    {"25", 304.69, 157.65, 316.24, 172.13},
    {"10.44", 344.29, 157.65, 370.84, 172.13},
    {"25", 304.69, 187.20, 316.24, 201.68},
    {"10.44", 344.29, 187.20, 370.84, 201.68},
    {"分值", 390.98, 133.05, 410.98, 147.53},
    {"执行", 431.93, 128.10, 451.93, 142.58},
    {"得分", 459.23, 133.05, 479.23, 147.53},
    {"率", 436.93, 138.00, 446.93, 152.48},
    {"5", 474.48, 157.65, 480.03, 172.13},
    {"10", 413.89, 157.65, 425.44, 172.13},
    {"41.7", 432.18, 152.70, 452.73, 167.18},
    {"6%", 438.18, 162.60, 453.39, 177.08},
    {"实际完成情况", 321.49, 251.10, 381.49, 265.58},
    {"做好全区离休干部医药待遇支出保障工作", 321.49, 265.80, 501.49, 280.28},
    {"年度指标", 326.39, 285.45, 366.39, 299.93},
    {"实际完成", 380.98, 285.45, 420.98, 299.93},
    {"分值", 431.93, 290.40, 451.93, 304.88},
    {"得分", 459.23, 290.40, 479.23, 304.88},
    {"偏差原因分", 485.28, 280.50, 535.28, 294.98},
    {"析及改进措", 485.28, 290.40, 535.28, 304.88},
    {"值", 341.39, 295.35, 351.39, 309.83},
    {"值", 395.98, 295.35, 405.98, 309.83},
    {"施", 485.28, 300.30, 495.28, 314.78},
    {"≥2", 338.39, 319.95, 353.94, 334.43},
    {"2", 419.88, 319.95, 425.43, 334.43},
    {"5", 447.18, 319.95, 452.73, 334.43},
    {"5", 474.48, 319.95, 480.03, 334.43},
    {"参保人政策范围内住院费", 204.49, 339.60, 314.49, 354.08},
    {"100%", 344.29, 344.55, 371.50, 359.03},
    {"100%", 398.89, 344.55, 426.10, 359.03},
    {"用报销比例", 204.49, 349.50, 254.49, 363.98},
    {"参保人住院费用全部报销", 204.49, 364.20, 314.49, 378.68},
    {"2023年12", 321.49, 364.20, 367.04, 378.68},
    {"2023年12", 376.09, 364.20, 421.64, 378.68},
    {"到位", 204.49, 374.10, 224.49, 388.58},
    {"月31日前", 321.49, 374.10, 363.49, 388.58},
    {"月31日前", 376.09, 374.10, 418.09, 388.58},
    {"20", 441.18, 344.55, 452.73, 359.03},
    {"20", 468.49, 344.55, 480.04, 359.03},
    {"20", 441.18, 369.15, 452.73, 383.63},
    {"20", 468.48, 369.15, 480.03, 383.63},
    {"项目资金成本控制", 204.49, 393.75, 284.49, 408.23},
    {"25万", 335.38, 393.75, 357.38, 408.23},
    {"10.49万", 382.48, 393.75, 419.48, 408.23},
    {"5", 447.18, 393.75, 452.73, 408.23},
    {"0", 474.48, 393.75, 480.03, 408.23},
    {"减轻离休干部医药费支出", 204.49, 413.40, 314.49, 427.88},
    {"负担程度", 204.49, 423.30, 244.49, 437.78},
    {"≥90%", 330.89, 418.35, 362.10, 432.83},
    {"100%", 398.89, 418.35, 426.10, 432.83},
    {"10", 441.18, 418.35, 452.73, 432.83},
    {"10", 468.48, 418.35, 480.03, 432.83},
    {"参保群众政策知晓度", 204.49, 442.95, 294.49, 457.43},
    {"≥90%", 330.88, 442.95, 362.09, 457.43},
    {"100%", 398.88, 442.95, 426.09, 457.43},
    {"10", 441.18, 442.95, 452.73, 457.43},
    {"10", 468.48, 442.95, 480.03, 457.43},
    {"为离休干部医药待遇支出", 204.49, 462.60, 314.49, 477.08},
    {"提供保障", 204.49, 472.50, 244.49, 486.98},
    {"≥15年", 330.39, 467.55, 362.39, 482.03},
    {"10", 441.18, 467.55, 452.73, 482.03},
    {"10", 468.48, 467.55, 480.03, 482.03},
    {"参保对象满意度", 204.49, 497.10, 274.49, 511.58},
    {"≥95%", 330.88, 497.10, 362.09, 511.58},
    {"10", 441.18, 497.10, 452.73, 511.58},
    {"10", 468.48, 497.10, 480.03, 511.58},
    {"100", 435.18, 521.70, 452.73, 536.18},
    {"90", 468.48, 521.70, 480.03, 536.18},
    {"持续", 390.99, 467.55, 410.99, 482.03},
    {"98%", 404.88, 497.10, 426.09, 511.58},
    {"备注：一个一级项目支出一张表。如，业务工作经费，运行维护经费，其他事业发展类资金...各一张", 50.00, 538.00, 532.34, 554.41},
    {"表。", 50.00, 550.75, 72.34, 567.16},
};

/* Rows from text lines: 其他资金, alone on its line a row's pitch from the
 * text of its column, is a row and no wrapped tail; the fund block then fills
 * the 一级指标 column in most of its rows, yet 产出指标 (50分) (its score note
 * on the next line) still spans the indicator rows of its own section. */
static void test_unruled_line_rows(void) {
  b2j_page *p = b2j_page_new(1, 595, 842);
  for (size_t i = 0; i < G_N_ELEMENTS(line_rows_words); i++)
    wb(p, line_rows_words[i].t, line_rows_words[i].x0, line_rows_words[i].y0,
       line_rows_words[i].x1, line_rows_words[i].y1);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len >= 1, "line rows: a grid (got %u)", grids->len);
  if (grids->len >= 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(row_with(g, "其他资金") >= 0, "line rows: 其他资金 is a cell of its own");
    int r = row_with(g, "服务人员");
    const b2j_grid_cell *l1 = r >= 0 ? b2j_grid_at(g, r, 1) : NULL;
    TAP_OK(l1 && l1->text && !strcmp(l1->text, "产出指标 (50分)") && l1->rowspan > 1,
           "line rows: 产出指标 (50分) spans 服务人员 and the rows below");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* syn-004's scanned project form (no rules), its words as OCR read them
 * (page 3, points): the 项目资金 section above the indicator header ends
 * its 年初预算数 amounts right-aligned at 300, the section below starts its
 * centred targets at 307; each section found its own column edge in that
 * gap, eight points apart, and the grid had a column empty in every row.
 * The form has nine columns, as its born-digital twin. */
static void test_unruled_form_sections_one_edge(void) {
  static const struct {
    const char *t;
    double x0, y0, x1, y1;
  } ws[] = {
    {"2025年度项目支出绩效自评表", 171.60, 55.92, 423.12, 73.68},
    {"项目名称", 52.56, 82.08, 91.92, 91.44},
    {"人事考试经费", 106.08, 82.08, 164.88, 91.44},
    {"海东市平安区人力资源和社会保障局", 359.76, 96.48, 518.40, 106.08},
    {"主管部门", 52.56, 96.72, 91.44, 106.32},
    {"海东市平安区人力资源和社会保障局", 106.08, 96.72, 264.72, 106.08},
    {"实施单位", 310.80, 96.72, 349.92, 106.08},
    {"全年预算", 310.56, 111.36, 349.68, 120.96},
    {"全年执行", 363.84, 111.36, 403.20, 120.96},
    {"执行", 449.52, 111.36, 468.96, 120.96},
    {"年初预算数", 229.92, 116.40, 279.12, 125.76},
    {"分值", 417.12, 116.40, 436.08, 125.76},
    {"得分", 500.64, 116.40, 520.08, 125.76},
    {"2", 325.92, 121.44, 335.04, 130.80},
    {"率", 454.56, 121.44, 463.92, 130.80},
    {"年度资金总额", 105.84, 136.08, 165.12, 145.44},
    {"197.93", 375.36, 136.80, 406.80, 144.72},
    {"10", 531.60, 136.80, 541.92, 144.72},
    {"197.93", 269.04, 137.04, 300.48, 144.72},
    {"197.93", 322.32, 137.04, 353.52, 144.72},
    {"10", 429.12, 137.04, 439.44, 144.72},
    {"100%", 446.88, 137.04, 473.04, 144.72},
    {"项目资金", 52.56, 140.88, 91.92, 150.24},
    {"(万元)", 59.04, 150.72, 85.44, 160.32},
    {"其中:", 106.08, 150.72, 128.88, 160.08},
    {"当年财政拨款", 136.56, 150.72, 195.12, 160.08},
    {"197.93", 269.04, 151.68, 300.48, 159.36},
    {"138.55", 322.32, 151.68, 353.52, 159.36},
    {"138.55", 375.36, 151.68, 406.80, 159.36},
    {"上年结转资金", 105.84, 165.60, 165.12, 174.96},
    {"59.38", 327.84, 166.56, 353.52, 174.24},
    {"59.38", 380.88, 166.56, 406.80, 174.24},
    {"其他资金", 105.84, 180.24, 145.20, 189.60},
    {"预期目标", 105.84, 194.88, 145.20, 204.24},
    {"实际完成情况", 360.00, 194.88, 419.04, 204.24},
    {"年度总体", 52.56, 202.32, 91.92, 211.68},
    {"已按计划完成年度目标任务，资金使用规", 360.00, 209.28, 539.04, 218.88},
    {"按计划完成年度各项工作任务，提升服务质量和管理水", 105.84, 209.52, 345.12, 219.12},
    {"目标", 53.76, 212.16, 72.00, 221.52},
    {"确保资金使用安全规范、效益明显。", 125.76, 219.60, 279.12, 228.96},
    {"平", 105.84, 220.32, 115.20, 228.96},
    {"泄，取得良好社会效益。", 359.76, 219.60, 462.96, 229.20},
    {"3", 116.88, 225.60, 119.04, 229.20},
    {"偏差原因分析", 478.32, 234.00, 537.60, 243.60},
    {"年度指标", 310.80, 234.24, 349.92, 243.60},
    {"实际完成", 364.32, 234.24, 403.20, 243.60},
    {"一级指标", 108.00, 239.04, 147.36, 248.40},
    {"二级指标", 159.36, 239.04, 198.48, 248.40},
    {"三级指标", 235.20, 239.04, 274.32, 248.40},
    {"分值", 417.12, 239.04, 436.08, 248.40},
    {"得分", 449.52, 239.04, 468.96, 248.40},
    {"值", 325.68, 244.08, 335.04, 253.44},
    {"值", 378.72, 244.08, 388.08, 253.44},
    {"及改进措施", 478.56, 244.08, 527.52, 253.44},
    {"检查机构数量", 224.88, 258.72, 284.16, 268.08},
    {"≥27家", 315.60, 258.72, 345.84, 268.08},
    {"29家", 372.72, 258.72, 394.08, 268.08},
    {"8", 467.52, 259.44, 472.32, 267.36},
    {"8", 434.64, 259.68, 439.44, 267.36},
    {"数量指标", 159.12, 266.16, 198.48, 275.52},
    {"制定工作方案", 224.88, 273.60, 284.16, 282.96},
    {"=2个", 319.68, 273.60, 341.04, 282.96},
    {"2个", 375.84, 273.60, 391.20, 282.96},
    {"7", 434.64, 274.56, 439.44, 282.24},
    {"7", 467.52, 274.56, 472.32, 282.24},
    {"部分任务推进", 478.56, 288.24, 537.60, 297.60},
    {"质量指标", 159.12, 298.08, 198.48, 307.44},
    {"验收合格率", 229.92, 298.08, 279.12, 307.44},
    {"较慢，将加快", 478.32, 298.08, 537.84, 307.44},
    {"≥95%", 316.08, 298.56, 345.84, 306.72},
    {"88%", 386.88, 298.80, 407.52, 306.72},
    {"4.2", 458.16, 298.80, 472.32, 306.72},
    {"7", 434.64, 299.04, 439.44, 306.72},
    {"实施进度。", 478.56, 307.92, 521.52, 317.28},
    {"产出指标", 108.00, 322.80, 147.36, 332.16},
    {"资金拨付及时性", 208.32, 322.80, 277.44, 332.16},
    {"按时完成", 310.56, 322.80, 349.92, 332.16},
    {"按时完成", 363.84, 322.80, 403.20, 332.16},
    {"7", 434.64, 323.76, 439.68, 331.44},
    {"7", 467.76, 323.76, 472.56, 331.44},
    {"时效指标", 159.60, 335.04, 198.48, 344.40},
    {"12月前完", 310.08, 337.44, 350.88, 346.80},
    {"项目完成时间", 224.88, 342.48, 283.68, 351.84},
    {"已完成", 369.36, 342.48, 398.16, 351.84},
    {"7", 434.88, 343.44, 439.68, 351.12},
    {"7", 467.76, 343.44, 472.56, 351.12},
    {"成", 325.68, 347.28, 335.04, 356.64},
    {"人均培训成本", 225.12, 361.92, 284.16, 371.28},
    {"≤402元", 312.24, 362.40, 348.96, 371.28},
    {"264元", 370.08, 362.64, 397.20, 371.28},
    {"7", 434.88, 362.88, 439.68, 370.56},
    {"7", 467.76, 362.88, 472.56, 370.56},
    {"绩效指标", 52.56, 366.96, 91.92, 376.32},
    {"成本指标", 159.12, 374.40, 198.48, 383.76},
    {"≤", 307.20, 377.28, 314.88, 385.44},
    {"197.93万", 360.00, 377.28, 401.76, 386.16},
    {"197.93", 318.96, 377.76, 350.16, 385.44},
    {"项目成本控制", 224.88, 381.60, 283.92, 390.96},
    {"7", 434.88, 382.56, 439.44, 390.24},
    {"7", 467.76, 382.56, 472.56, 390.24},
    {"万元", 306.72, 387.36, 325.68, 396.00},
    {"TDC", 359.76, 390.00, 368.88, 396.00},
    {"经济效益", 159.12, 401.28, 198.48, 410.64},
    {"减轻群众负担", 225.12, 406.32, 284.16, 415.68},
    {"显著", 320.64, 406.32, 339.84, 415.68},
    {"优", 378.72, 406.32, 388.08, 415.68},
    {"8", 434.88, 407.04, 439.68, 414.96},
    {"8", 467.76, 407.28, 472.56, 414.96},
    {"指标", 169.20, 411.12, 188.40, 420.48},
    {"政策知晓率", 229.92, 426.00, 279.12, 435.36},
    {"≥87%", 316.08, 426.48, 345.60, 434.88},
    {"92%", 387.12, 426.96, 407.52, 434.64},
    {"8", 434.88, 426.96, 439.68, 434.64},
    {"8", 467.76, 426.96, 472.56, 434.64},
    {"社会效益", 159.12, 428.40, 198.48, 437.76},
    {"效益指标", 108.24, 433.20, 147.36, 442.56},
    {"指标", 169.20, 438.24, 188.40, 447.60},
    {"群众获得感", 229.92, 440.64, 279.12, 450.00},
    {"良好", 321.84, 440.64, 340.08, 450.00},
    {"有效提升", 364.08, 440.64, 403.20, 450.00},
    {"7", 434.88, 441.60, 439.68, 449.28},
    {"7", 467.76, 441.60, 472.56, 449.28},
    {"可持续影", 155.28, 455.28, 194.40, 464.64},
    {"持续发挥作用年限", 208.08, 460.32, 287.52, 469.68},
    {"≥9年", 318.48, 460.32, 342.96, 469.68},
    {"10年", 373.20, 460.32, 394.08, 469.68},
    {"7", 434.88, 461.28, 439.68, 468.96},
    {"7", 467.76, 461.28, 472.56, 468.96},
    {"响指标", 155.52, 465.12, 184.32, 474.48},
    {"服务对象", 155.28, 480.00, 194.16, 489.36},
    {"满意度指", 108.24, 484.80, 147.36, 494.16},
    {"满意度指", 155.28, 489.84, 194.40, 499.20},
    {"群众满意度", 229.92, 489.84, 279.12, 499.20},
    {"=88%", 317.04, 490.80, 343.68, 498.72},
    {"88%", 387.12, 490.80, 407.52, 498.48},
    {"10", 429.12, 490.80, 439.68, 498.48},
    {"10", 462.00, 490.80, 472.56, 498.48},
    {"标", 122.88, 494.88, 132.24, 504.24},
    {"标", 155.04, 499.68, 164.40, 509.28},
    {"总分", 52.80, 514.56, 72.00, 523.68},
    {"100", 423.12, 515.28, 439.68, 522.96},
    {"97.2", 452.64, 515.28, 472.56, 522.96},
  };
  b2j_page *p = b2j_page_new(3, 595, 842);
  for (size_t i = 0; i < G_N_ELEMENTS(ws); i++)
    b2j_page_add_word(p, g_strdup(ws[i].t), (b2j_box){ws[i].x0, ws[i].y0, ws[i].x1, ws[i].y1},
                      0.9, B2J_ORIGIN_OCR);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "form sections: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_cols == 9, "form sections: nine columns (got %d)", g->n_cols);
    int c_amount = -1, c_target = -1;
    for (int r = 0; r < g->n_rows; r++)
      for (int c = 0; c < g->n_cols; c++) {
        const char *t = at(g, r, c);
        if (t && strcmp(t, "138.55") == 0 && c_amount < 0)
          c_amount = c;
        if (t && strcmp(t, "≥27家") == 0)
          c_target = c;
      }
    TAP_OK(c_amount >= 0 && c_amount == c_target,
           "form sections: 全年预算数 and 年度指标值 share a column (%d, %d)", c_amount,
           c_target);
    /* Header cells of two lines beside cells of one, each centred: the
     * lines interleave half a line apart and make one header row. */
    int rh = row_with(g, "一级指标");
    TAP_STREQ(rh >= 0 && c_target >= 0 ? at(g, rh, c_target) : NULL, "年度指标值",
              "interleaved header: 年度指标 / 值 beside 一级指标 is one cell of its row");
    TAP_OK(rh >= 0 && col_with(g, rh, "偏差原因分析及改进措施") >= 0,
           "interleaved header: 偏差原因分析 / 及改进措施 joined in that row");
    int rf = row_with(g, "年初预算数");
    TAP_OK(rf >= 0 && col_with(g, rf, "执行率") >= 0,
           "interleaved header: 执行 / 率 of the fund block in the row of 年初预算数");
    /* A target that wraps (12月前完 / 成) around the row's one-line cells. */
    int rt = row_with(g, "项目完成时间");
    TAP_STREQ(rt >= 0 && c_target >= 0 ? at(g, rt, c_target) : NULL, "12月前完成",
              "wrapped target: 12月前完 / 成 in the row of 项目完成时间");
    TAP_OK(row_with(g, "成") < 0, "wrapped target: 成 is no row of its own");
    /* Labels centred over their rows, a stray mark (3) in the goal text
     * above the indicator block notwithstanding. */
    int rq = row_with(g, "检查机构数量"), rc = row_with(g, "项目成本控制");
    TAP_STREQ(rq >= 0 ? at(g, rq, 1) : NULL, "产出指标", "spanning label: 产出指标 over 检查机构数量");
    TAP_STREQ(rc >= 0 ? at(g, rc, 1) : NULL, "产出指标", "spanning label: 产出指标 over 项目成本控制");
    int rs = row_with(g, "群众满意度");
    TAP_STREQ(rs >= 0 ? at(g, rs, 1) : NULL, "满意度指标",
              "spanning label: 满意度指 / 标 joined, in the row of 群众满意度");
    TAP_STREQ(rs >= 0 ? at(g, rs, 2) : NULL, "服务对象满意度指标",
              "spanning label: 服务对象 / 满意度指 / 标 joined, in the row of 群众满意度");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

static void test_pretest(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  wl(p, "本部门2024年收入合计362.62万元，比上年增加10.5万元。", 50, 100);
  TAP_OK(!b2j_layout_page_may_have_table(p), "pre-test: a prose line is not a table");
  wl(p, "科目编码", 50, 200);
  wl(p, "单位：万元", 300, 180);
  TAP_OK(b2j_layout_page_may_have_table(p), "pre-test: table header words are");
  b2j_page_free(p);
  p = b2j_page_new(1, 600, 800);
  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 0, "empty page: no grids");
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

/* A word with its own height h (OCR'd words are only as tall as their ink). */
static void wh(b2j_page *p, const char *t, double x, double y, double h) {
  b2j_page_add_word(p, g_strdup(t), (b2j_box){x, y, x + units(t) * h, y + h}, -1,
                    B2J_ORIGIN_OCR);
}

/* A scanned 公开06表: every row ruled, three column groups side by side. In
 * the 30102 row the code (3010 over 2) and the amount (250884 over .31) wrap
 * in their narrow cells, and the next group's 310 资本性支出 sits on the line
 * between: three lines holding numbers, but one ruled row of the usual
 * height, so one row. */
static void test_ruled_band_wrapped_cells(void) {
  b2j_page *p = b2j_page_new(1, 600, 800);
  const double xs[] = {50, 80, 150, 200, 230, 300, 350};
  for (int i = 0; i < 7; i++)
    vrule(p, xs[i], 100, 280);
  for (double y = 100; y <= 280; y += 30)
    hrule(p, y, 50, 350);
  wh(p, "科目编码", 52, 110, 8);
  wh(p, "科目名称", 90, 110, 8);
  wh(p, "决算数", 160, 110, 8);
  wh(p, "科目编码", 202, 110, 8);
  wh(p, "科目名称", 240, 110, 8);
  wh(p, "决算数", 310, 110, 8);
  const char *codes[] = {"301", "30101", NULL, "30103", "30107"};
  const char *names[] = {"工资福利支出", "基本工资", "津贴补贴", "奖金", "绩效工资"};
  const char *amounts[] = {"463008.96", "278569.66", NULL, "721392.43", "741387.16"};
  for (int r = 0; r < 5; r++) {
    double y = 130 + 30 * r;
    if (codes[r]) {
      wh(p, codes[r], 52, y + 11, 7);
      wh(p, names[r], 82, y + 11, 8);
      wh(p, amounts[r], 152, y + 11, 7);
      wh(p, "3020", 202, y + 11, 7);
      wh(p, "办公费", 232, y + 11, 8);
    }
  }
  /* The 30102 row, at y 190..220. */
  wh(p, "3010", 52, 192, 7);
  wh(p, "250884", 152, 192, 7);
  wh(p, "津贴补贴", 82, 201, 8);
  wh(p, "310", 202, 201, 7);
  wh(p, "资本性支出", 232, 201, 8);
  wh(p, "2", 52, 210, 7);
  wh(p, ".31", 180, 210, 7);

  GPtrArray *grids = b2j_layout_tables(p);
  TAP_OK(grids->len == 1, "ruled band, wrapped cells: one grid (got %u)", grids->len);
  if (grids->len == 1) {
    const b2j_grid *g = grids->pdata[0];
    TAP_OK(g->n_rows == 6, "ruled band, wrapped cells: 6 rows, one per ruled band (got %d)",
           g->n_rows);
    TAP_STREQ(at(g, 3, 0), "3010 2", "ruled band, wrapped cells: the code's parts in one cell");
    TAP_STREQ(at(g, 3, 1), "津贴补贴", "ruled band, wrapped cells: the name in the same row");
    TAP_STREQ(at(g, 3, 2), "250884 .31", "ruled band, wrapped cells: the amount's parts");
    TAP_STREQ(at(g, 3, 3), "310", "ruled band, wrapped cells: the next group's code");
    TAP_STREQ(at(g, 4, 0), "30103", "ruled band, wrapped cells: the next row intact");
  }
  g_ptr_array_unref(grids);
  b2j_page_free(p);
}

int main(void) {
  test_ruled();
  test_three_line();
  test_unruled();
  test_wrapped_numbers();
  test_two_tables();
  test_glyph_overshoot();
  test_rule_with_glyphs();
  test_header_overhang();
  test_unruled_wrapped_header();
  test_label_off_values();
  test_unruled_form();
  test_unruled_spanning_labels();
  test_unruled_trailing_empty_columns();
  test_unruled_score_sheet();
  test_lines_tall_boxes();
  test_unruled_label_beside_note();
  test_unruled_sparse_edge_column();
  test_unruled_four_digit_amounts();
  test_unruled_span_stops_at_header();
  test_unruled_labels_share_height();
  test_unruled_close_header_labels();
  test_unruled_column_numbers();
  test_unruled_empty_table();
  test_unruled_form_top_row();
  test_unruled_long_name_overflow();
  test_unruled_fund_block();
  test_unruled_block_label_line();
  test_unruled_goal_form_top();
  test_unruled_number_overflow();
  test_unruled_spaced_digits();
  test_unruled_line_rows();
  test_pretest();
  test_unruled_form_sections_one_edge();
  test_ruled_band_wrapped_cells();
  return tap_done();
}
