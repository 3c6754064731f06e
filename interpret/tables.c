/* Grids to tables: which standard table each is, its columns, its rows, and
 * the budget lines they hold. Performance forms are handed to performance.c. */
#include <stdlib.h>
#include <string.h>

#include "interpret.h"
#include "interpret_internal.h"
#include "normalize/normalize.h"

/* ---------- small text helpers ---------- */

char *b2j_squash(const char *s) {
  if (!s)
    return g_strdup("");
  GString *out = g_string_new(NULL);
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (!g_unichar_isspace(c) && c != 0x3000)
      g_string_append_unichar(out, c);
  }
  return g_string_free(out, FALSE);
}

bool b2j_has(const char *s, const char *word) { return s && strstr(s, word) != NULL; }

/* ---------- the dense view of a grid ---------- */

b2j_matrix *b2j_matrix_from_grid(const b2j_grid *g) {
  b2j_matrix *m = g_new0(b2j_matrix, 1);
  m->rows = g->n_rows;
  m->cols = g->n_cols;
  m->page = g->page;
  m->cell = g_new0(const b2j_grid_cell *, (gsize)MAX(1, m->rows * m->cols));
  m->text = g_new0(char *, (gsize)MAX(1, m->rows * m->cols));
  for (guint i = 0; i < g->cells->len; i++) {
    const b2j_grid_cell *c = g_ptr_array_index(g->cells, i);
    for (int r = c->row; r < c->row + MAX(1, c->rowspan) && r < m->rows; r++)
      for (int k = c->col; k < c->col + MAX(1, c->colspan) && k < m->cols; k++)
        m->cell[r * m->cols + k] = c;
  }
  /* Words were repaired one by one; a cell joins several, and only the
   * joined text shows spaced-out CJK ("收 入") to repair. */
  for (int i = 0; i < m->rows * m->cols; i++)
    m->text[i] = b2j_text_repair(m->cell[i] && m->cell[i]->text ? m->cell[i]->text : "", NULL);
  return m;
}

void b2j_matrix_free(b2j_matrix *m) {
  if (!m)
    return;
  for (int i = 0; i < m->rows * m->cols; i++)
    g_free(m->text[i]);
  g_free(m->text);
  g_free(m->cell);
  g_free(m);
}

const char *b2j_mtext(const b2j_matrix *m, int r, int c) {
  if (r < 0 || c < 0 || r >= m->rows || c >= m->cols)
    return "";
  return m->text[r * m->cols + c];
}

/* Removes the first k rows (their texts are freed; cells stay borrowed). */
static void matrix_drop_top(b2j_matrix *m, int k) {
  if (k <= 0 || k > m->rows)
    return;
  for (int i = 0; i < k * m->cols; i++)
    g_free(m->text[i]);
  memmove(m->text, m->text + k * m->cols, sizeof(char *) * (gsize)((m->rows - k) * m->cols));
  memmove(m->cell, m->cell + k * m->cols,
          sizeof(const b2j_grid_cell *) * (gsize)((m->rows - k) * m->cols));
  m->rows -= k;
}

/* ---------- recognising a table ---------- */

typedef struct {
  const char *kind;
  const char *const words[4]; /* all must occur in the squashed title */
  const char *const not_words[3];
} title_rule;

/* Order matters: the more specific titles first. Titles vary by province and
 * year (收支总表 / 收入支出决算总表 / 财务收支预算总表), so rules are words that
 * must occur, not whole titles. */
static const title_rule TITLE_RULES[] = {
    {"project_performance", {"项目", "绩效", "自评"}, {NULL}},
    {"project_performance", {"项目", "绩效", "评价表"}, {NULL}},
    {"overall_performance", {"整体", "绩效", "自评"}, {"基础数据"}},
    {"overall_performance", {"整体支出绩效", "表"}, {"基础数据"}},
    {"indicator_goals", {"绩效目标", "表"}, {NULL}},
    {"score_sheet", {"评分表"}, {NULL}},
    {"score_sheet", {"指标体系"}, {NULL}},
    {"three_public", {"三公"}, {NULL}},
    /* Tables the schema has no kind for: say "other" before a broader rule
     * (一般公共预算…支出) claims them. */
    {"other", {"机关运行经费"}, {NULL}},
    {"other", {"政府采购"}, {NULL}},
    {"other", {"基础数据"}, {NULL}},
    {"basic_expenditure_detail", {"基本支出", "明细"}, {NULL}},
    {"basic_expenditure_detail", {"一般公共预算", "基本支出"}, {"收入", "项目支出"}},
    {"basic_expenditure_detail", {"财政拨款", "基本支出"}, {"收入", "项目支出"}},
    {"government_fund", {"政府性基金"}, {NULL}},
    {"state_capital", {"国有资本经营"}, {NULL}},
    {"appropriation_summary", {"财政拨款", "收", "支", "总表"}, {NULL}},
    {"general_budget_expenditure", {"一般公共预算", "支出"}, {"收入"}},
    {"general_budget_expenditure", {"财政拨款", "支出", "表"}, {"收入", "总表"}},
    {"income_expenditure_summary", {"收入支出", "总表"}, {NULL}},
    {"income_expenditure_summary", {"收支", "总表"}, {NULL}},
    {"income", {"收入", "表"}, {"支出"}},
    {"expenditure", {"支出", "表"}, {"收入"}},
    {NULL, {NULL}, {NULL}},
};

const char *b2j_kind_from_title(const char *title) {
  if (!title || !*title)
    return NULL;
  for (const title_rule *r = TITLE_RULES; r->kind; r++) {
    bool ok = true;
    for (int i = 0; i < 4 && r->words[i]; i++)
      if (!strstr(title, r->words[i]))
        ok = false;
    for (int i = 0; i < 3 && r->not_words[i]; i++)
      if (strstr(title, r->not_words[i]))
        ok = false;
    if (ok)
      return r->kind;
  }
  return NULL;
}

/* Where a kind's first title rule stands: the lower, the more specific. */
static int title_rule_rank(const char *kind) {
  int i = 0;
  for (const title_rule *r = TITLE_RULES; r->kind; r++, i++)
    if (kind && strcmp(r->kind, kind) == 0)
      return i;
  return i;
}

/* Standard titles, for recognising an OCR'd title with one misread
 * character. Longest first, so the most specific match wins. */
static const char *const STANDARD_TITLES[] = {
    "一般公共预算财政拨款基本支出决算明细表", "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表",
    "财政拨款“三公”经费支出决算表", "财政拨款收入支出决算总表", "部门整体支出绩效自评表",
    "一般公共预算基本支出表", "一般公共预算支出表", "项目支出绩效自评表", "项目支出绩效目标表",
    "政府性基金预算支出表", "财政拨款收支总表", "收入支出决算总表", "整体支出绩效自评表",
    "收入决算表", "支出决算表", "收支预算总表", "收入预算总表", "支出预算总表", NULL};

int b2j_edit_distance(const gunichar *a, int na, const gunichar *b, int nb, int limit) {
  if (abs(na - nb) > limit)
    return limit + 1;
  int *prev = g_new(int, (gsize)nb + 1), *cur = g_new(int, (gsize)nb + 1);
  for (int j = 0; j <= nb; j++)
    prev[j] = j;
  for (int i = 1; i <= na; i++) {
    cur[0] = i;
    int best = cur[0];
    for (int j = 1; j <= nb; j++) {
      int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      int del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = MIN(sub, MIN(del, ins));
      best = MIN(best, cur[j]);
    }
    int *t = prev;
    prev = cur;
    cur = t;
    if (best > limit) {
      g_free(prev);
      g_free(cur);
      return limit + 1;
    }
  }
  int d = prev[nb];
  g_free(prev);
  g_free(cur);
  return d;
}

const char *b2j_kind_from_ocr_title(const char *title, bool *verbatim) {
  glong nt = 0;
  gunichar *t = g_utf8_to_ucs4_fast(title, -1, &nt);
  /* The longest standard title the title holds within one edit; of two as
   * long, the one printed as it is (收入预算总表 is one glyph from 收支预算总表). */
  int best = -1;
  glong best_len = 0;
  bool best_exact = false;
  for (int k = 0; STANDARD_TITLES[k]; k++) {
    glong ns = 0;
    gunichar *st = g_utf8_to_ucs4_fast(STANDARD_TITLES[k], -1, &ns);
    bool exact = strstr(title, STANDARD_TITLES[k]) != NULL, near = exact;
    /* Any window of the title (a year or department may come first) within
     * one edit of the standard title. */
    for (glong start = 0; start + ns - 1 <= nt && !near; start++)
      for (glong len = ns - 1; len <= ns + 1 && !near; len++)
        near = start + len <= nt && b2j_edit_distance(t + start, (int)len, st, (int)ns, 1) <= 1;
    if (near && (best < 0 || ns > best_len || (ns == best_len && exact && !best_exact))) {
      best = k;
      best_len = ns;
      best_exact = exact;
    }
    g_free(st);
  }
  g_free(t);
  if (verbatim)
    *verbatim = best >= 0 && best_exact;
  return best >= 0 ? b2j_kind_from_title(STANDARD_TITLES[best]) : NULL;
}

/* Whether the columns name the general budget and another fund (政府性基金,
 * 国有资本经营): the value columns of the appropriations' summary. */
static bool columns_split_by_fund(const b2j_table *t) {
  bool general = false, other = false;
  for (guint c = 0; c < t->columns->len; c++) {
    char *name = b2j_squash(g_ptr_array_index(t->columns, c));
    general |= strstr(name, "一般公共预算") != NULL;
    other |= strstr(name, "政府性基金") != NULL || strstr(name, "国有资本经营") != NULL;
    g_free(name);
  }
  return general && other;
}

static bool kind_has_budget_lines(const char *kind) {
  static const char *const K[] = {"income_expenditure_summary",
                                  "income",
                                  "expenditure",
                                  "appropriation_summary",
                                  "general_budget_expenditure",
                                  "basic_expenditure_detail",
                                  "government_fund",
                                  "state_capital",
                                  "three_public",
                                  NULL};
  for (int i = 0; K[i]; i++)
    if (kind && strcmp(kind, K[i]) == 0)
      return true;
  return false;
}

/* Words that mark a performance form or a score sheet whatever its title. */
static const char *kind_from_cells(const b2j_matrix *m) {
  bool l1 = false, l3 = false, actual = false, target = false, nature = false, seq = false,
       fen = false, dept = false;
  int yiji = 0;
  for (int i = 0; i < m->rows * m->cols; i++) {
    char *t = b2j_squash(m->text[i]);
    if (b2j_has(t, "一级指标"))
      l1 = true;
    if (b2j_has(t, "三级指标"))
      l3 = true;
    if (b2j_has(t, "实际完成"))
      actual = true;
    if (b2j_has(t, "指标值"))
      target = true;
    if (b2j_has(t, "指标性质"))
      nature = true;
    if (strcmp(t, "序号") == 0)
      seq = true;
    if (strcmp(t, "一级") == 0)
      yiji++;
    if (strcmp(t, "分值") == 0)
      fen = true;
    if (b2j_has(t, "部门名称") || b2j_has(t, "部门(单位)名称") || b2j_has(t, "部门（单位）名称"))
      dept = true;
    g_free(t);
  }
  if (l1 && l3 && actual)
    return dept ? "overall_performance" : "project_performance";
  if (l3 && nature && target)
    return "indicator_goals";
  if (l1 && l3 && target)
    return "indicator_goals";
  if (yiji && fen)
    return "score_sheet";
  (void)seq;
  return NULL;
}

static bool cell_kind_is_form(const char *kind) {
  return strcmp(kind, "project_performance") == 0 || strcmp(kind, "overall_performance") == 0 ||
         strcmp(kind, "indicator_goals") == 0;
}

/* The context printed above a table: caption, title, unit, department. */
typedef struct {
  char *caption; /* "公开02表" */
  char *title;
  const char *unit;
  bool has_any;  /* any of them was found: this is a new table, not a continuation */
} table_context;

static void context_clear(table_context *c) {
  g_free(c->caption);
  g_free(c->title);
  memset(c, 0, sizeof *c);
}

/* "公开 02 表", "公开02表" → "公开02表". */
static char *caption_in(const char *sq) {
  const char *p = strstr(sq, "公开");
  if (!p)
    return NULL;
  p += strlen("公开");
  int n = 0, digits = 0;
  while (g_ascii_isdigit(*p) && digits < 3) {
    n = n * 10 + (*p - '0');
    p++;
    digits++;
  }
  if (!digits || !g_str_has_prefix(p, "表") || n < 1 || n > 99)
    return NULL;
  return g_strdup_printf("公开%02d表", n);
}

static bool looks_like_title(const char *sq) {
  if (g_utf8_strlen(sq, -1) < 4 || g_utf8_strlen(sq, -1) > 60)
    return false;
  if (g_str_has_prefix(sq, "单位") || g_str_has_prefix(sq, "部门：") ||
      g_str_has_prefix(sq, "部门:") || g_str_has_prefix(sq, "注") ||
      g_str_has_prefix(sq, "编制单位") || g_str_has_prefix(sq, "金额单位"))
    return false;
  return g_str_has_suffix(sq, "表") || strstr(sq, "表（") || strstr(sq, "表(") ||
         b2j_kind_from_title(sq) != NULL;
}

/* Strips what precedes the title proper: "2023年度" and list numbers. */
static char *clean_title(const char *sq) {
  const char *p = sq;
  /* A table-of-contents number ("五、") never starts a printed table title,
   * but "附表1" or "表一" may: keep those. */
  const char *dun = strstr(p, "、");
  if (dun && dun - p <= 9)
    p = dun + strlen("、");
  char *t = g_strdup(p);
  /* Drop a trailing caption glued to the title line. */
  char *cap = strstr(t, "公开");
  if (cap && cap != t && caption_in(cap)) {
    char *c2 = caption_in(cap);
    g_free(c2);
    *cap = '\0';
  }
  return t;
}

static bool is_meta_text(const char *sq) {
  static const char *const P[] = {"部门：", "部门:", "单位：", "单位:", "编制单位", "金额单位",
                                  "编制部门", NULL};
  for (int i = 0; P[i]; i++)
    if (g_str_has_prefix(sq, P[i]))
      return true;
  return caption_in(sq) != NULL && g_utf8_strlen(sq, -1) <= 8;
}

static table_context context_from_lines(const GPtrArray *lines);

/* Rows at the top of a grid that only carry the caption, unit or department
 * line (printed right on the table's top rule) belong to the context, not to
 * the header. Returns how many there are and adds them to `lines`. */
static int leading_meta_rows(const b2j_matrix *m, GPtrArray *lines) {
  int k = 0;
  for (; k < m->rows && k < 3; k++) {
    bool any = false, all_meta = true;
    GString *joined = g_string_new(NULL);
    const b2j_grid_cell *prev = NULL;
    for (int c = 0; c < m->cols; c++) {
      const b2j_grid_cell *cell = m->cell[k * m->cols + c];
      if (cell && cell == prev)
        continue;
      prev = cell;
      char *sq = b2j_squash(b2j_mtext(m, k, c));
      if (*sq) {
        any = true;
        if (!is_meta_text(sq))
          all_meta = false;
        g_string_append(joined, sq);
      }
      g_free(sq);
    }
    if (!any || !all_meta) {
      g_string_free(joined, TRUE);
      break;
    }
    g_ptr_array_add(lines, g_string_free(joined, FALSE));
  }
  return k;
}

static table_context context_from_lines(const GPtrArray *lines) {
  table_context c = {0};
  if (!lines)
    return c;
  /* Nearest lines first: a title sits just above its table, while lines
   * further up belong to prose or to the previous table's notes. */
  for (int i = (int)lines->len - 1; i >= 0 && i >= (int)lines->len - 8; i--) {
    char *sq = b2j_squash(g_ptr_array_index(lines, i));
    if (!c.caption) {
      char *cap = caption_in(sq);
      if (cap) {
        c.caption = cap;
        c.has_any = true;
      }
    }
    if (!c.unit) {
      const char *u = b2j_unit_from_caption(sq);
      if (u && (strstr(sq, "单位") || g_utf8_strlen(sq, -1) < 12)) {
        c.unit = u;
        c.has_any = true;
      }
    }
    if (!c.title && looks_like_title(sq)) {
      c.title = clean_title(sq);
      c.has_any = true;
    }
    if (g_str_has_prefix(sq, "部门") || g_str_has_prefix(sq, "编制单位"))
      c.has_any = true;
    g_free(sq);
  }
  return c;
}

/* ---------- header and columns ---------- */

static bool is_lanci(const char *sq) {
  return strcmp(sq, "栏次") == 0 || strcmp(sq, "栏目") == 0;
}

/* A row that only numbers the columns: "1 2 3 … n" (公开09表 has no 栏次). */
static bool is_column_number_row(const b2j_matrix *m, int r) {
  int expect = 1, seen = 0;
  const b2j_grid_cell *prev = NULL;
  for (int c = 0; c < m->cols; c++) {
    const b2j_grid_cell *cell = m->cell[r * m->cols + c];
    if (cell == prev)
      continue;
    prev = cell;
    char *sq = b2j_squash(b2j_mtext(m, r, c));
    if (!*sq) {
      g_free(sq);
      continue;
    }
    bool lanci = is_lanci(sq);
    char *end = NULL;
    long v = strtol(sq, &end, 10);
    bool num = end && *end == '\0' && end != sq;
    g_free(sq);
    if (lanci)
      continue;
    if (!num || v != expect)
      return false;
    expect++;
    seen++;
  }
  return seen >= 2;
}

static bool row_has_lanci(const b2j_matrix *m, int r) {
  for (int c = 0; c < m->cols; c++) {
    char *sq = b2j_squash(b2j_mtext(m, r, c));
    bool l = is_lanci(sq);
    g_free(sq);
    if (l)
      return true;
  }
  return false;
}

/* An amount a scan garbled past parsing ("13,.979.92", "78: 09"): digits,
 * three or more, and only separators or marks between them. No header
 * word looks like this. */
static bool garbled_amount(const char *t) {
  int digits = 0;
  for (const char *p = t; *p; p++) {
    if (g_ascii_isdigit(*p))
      digits++;
    else if (!strchr(",.:;'` ", *p))
      return false;
  }
  return digits >= 3;
}

static bool row_is_data(const b2j_matrix *m, int r) {
  if (row_has_lanci(m, r) || is_column_number_row(m, r))
    return false;
  int numbers = 0, lone_digits = 0, labels = 0;
  for (int c = 0; c < m->cols; c++) {
    const char *t = b2j_mtext(m, r, c);
    char code[B2J_CODE_MAX];
    if (c == 0 && b2j_subject_code_parse(t, code))
      return true;
    b2j_number n;
    if (b2j_number_parse(t, &n) && n.kind == B2J_NUM_VALUE) {
      numbers++;
      char *sq = b2j_squash(t);
      lone_digits += strlen(sq) == 1;
      g_free(sq);
    } else if (garbled_amount(t)) {
      numbers++;
    } else if (*t && g_unichar_get_script(g_utf8_get_char(t)) == G_UNICODE_SCRIPT_HAN) {
      labels++;
    }
  }
  /* One digit alone among three header words or more (合计 | 8 | 小计 |
   * 公务用车购置费 …) is a speck on a scanned header, not a row of amounts. */
  return numbers > 0 && !(numbers == 1 && lone_digits == 1 && labels >= 3);
}

/* A row whose only text is a total label (合计, 总计): the body of a table
 * with no amounts (本表无数据) starts there. */
static bool row_is_bare_total(const b2j_matrix *m, int r) {
  bool total = false;
  for (int c = 0; c < m->cols; c++) {
    char *sq = b2j_squash(b2j_mtext(m, r, c));
    bool t = strcmp(sq, "合计") == 0 || strcmp(sq, "总计") == 0;
    bool other = *sq && !t;
    g_free(sq);
    if (other)
      return false;
    total = total || t;
  }
  return total;
}

/* The first body row: after the 栏次 row when there is one, else the first
 * row that holds a number or a subject code, else (no amounts at all) the
 * first bare total row below the top one. */
static int first_body_row(const b2j_matrix *m) {
  for (int r = 0; r < m->rows && r < 8; r++)
    if (row_has_lanci(m, r) || is_column_number_row(m, r))
      return r + 1;
  for (int r = 0; r < m->rows; r++)
    if (row_is_data(m, r))
      return r;
  for (int r = 1; r < m->rows && r < 8; r++)
    if (row_is_bare_total(m, r))
      return r;
  return 0;
}

/* Labels that name a row rather than hold an amount; a block of columns that
 * repeats one of these is a side-by-side group (公开01/04/06表). */
static bool is_name_label(const char *leaf) {
  return strcmp(leaf, "项目") == 0 || b2j_has(leaf, "名称") || b2j_has(leaf, "编码") ||
         b2j_has(leaf, "代码") || strcmp(leaf, "行次") == 0 || strcmp(leaf, "科目") == 0;
}

/* `label` (taken) without runs of ASCII marks between Chinese characters
 * or between one and the label's edge: no header prints 科目-编码, 小计. or
 * ~|_--类; a scan's specks and rule stubs do. */
static bool is_mark(char c) { return c && strchr("-_~|.`'", c) != NULL; }

static char *drop_stray_marks(char *label) {
  GString *out = g_string_new(NULL);
  gunichar prev = 0;
  for (const char *p = label; *p;) {
    if (is_mark(*p)) {
      const char *q = p;
      while (is_mark(*q))
        q++;
      gunichar next = *q ? g_utf8_get_char(q) : 0;
      bool han_before = prev && g_unichar_get_script(prev) == G_UNICODE_SCRIPT_HAN;
      bool han_after = next && g_unichar_get_script(next) == G_UNICODE_SCRIPT_HAN;
      if ((han_before || !prev) && (han_after || !next) && (han_before || han_after)) {
        p = q;
        continue;
      }
    }
    gunichar c = g_utf8_get_char(p);
    g_string_append_unichar(out, c);
    prev = c;
    p = g_utf8_next_char(p);
  }
  g_free(label);
  return g_string_free(out, FALSE);
}

/* Same length in characters and one character apart. */
static bool one_char_apart(const char *a, const char *b) {
  if (g_utf8_strlen(a, -1) != g_utf8_strlen(b, -1))
    return false;
  int diff = 0;
  for (; *a && *b && diff < 2; a = g_utf8_next_char(a), b = g_utf8_next_char(b))
    diff += g_utf8_get_char(a) != g_utf8_get_char(b);
  return diff == 1;
}

/* Side-by-side groups repeat one header (科目编码 科目名称 决算数, three
 * times in 公开06表): where two or more groups agree on a column's label
 * and one group's label is one character off (OCR's 科目给码, 决算到), it
 * is the others' label. `paths` (of GPtrArray of char*) and `leaves` (their
 * last parts, borrowed) are updated in place. */
static void vote_group_leaves(GPtrArray *paths, GPtrArray *leaves) {
  guint n = leaves->len;
  for (guint p = 2; p * 3 <= n; p++) {
    if (n % p)
      continue;
    guint groups = n / p, same_cols = 0;
    for (guint i = 0; i < p; i++) {
      bool all = true;
      for (guint g = 1; g < groups; g++)
        all &= strcmp(g_ptr_array_index(leaves, i), g_ptr_array_index(leaves, g * p + i)) == 0;
      same_cols += all && *(const char *)g_ptr_array_index(leaves, i);
    }
    if (!same_cols)
      continue;
    for (guint i = 0; i < p; i++)
      for (guint g = 0; g < groups; g++) {
        const char *mine = g_ptr_array_index(leaves, g * p + i);
        guint agree = 0, off = 0;
        const char *other = NULL;
        for (guint k = 0; k < groups; k++) {
          const char *o = g_ptr_array_index(leaves, k * p + i);
          if (k == g)
            continue;
          if (other && strcmp(o, other) == 0)
            agree++;
          else if (!other && *o) {
            other = o;
            agree = 1;
          }
          off += !other || strcmp(o, other) != 0;
        }
        if (other && agree >= 2 && off == 0 && one_char_apart(mine, other)) {
          GPtrArray *parts = g_ptr_array_index(paths, g * p + i);
          char *fixed = g_strdup(other);
          g_free(g_ptr_array_index(parts, parts->len - 1));
          g_ptr_array_index(parts, parts->len - 1) = fixed;
          g_ptr_array_index(leaves, g * p + i) = fixed;
        }
      }
    return;
  }
}

GPtrArray *b2j_flatten_header(const b2j_matrix *m, int header_rows) {
  GPtrArray *paths = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *leaves = g_ptr_array_new();
  for (int c = 0; c < m->cols; c++) {
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    const b2j_grid_cell *prev = NULL;
    for (int r = 0; r < header_rows; r++) {
      const b2j_grid_cell *cell = m->cell[r * m->cols + c];
      if (cell && cell == prev)
        continue; /* a vertically merged cell counts once */
      prev = cell;
      if (row_has_lanci(m, r) || is_column_number_row(m, r))
        continue;
      char *sq = drop_stray_marks(b2j_squash(b2j_mtext(m, r, c)));
      if (!*sq) {
        g_free(sq);
        continue;
      }
      g_ptr_array_add(parts, sq);
    }
    g_ptr_array_add(paths, parts);
    g_ptr_array_add(leaves, parts->len ? g_ptr_array_index(parts, parts->len - 1) : "");
  }
  vote_group_leaves(paths, leaves);
  GPtrArray *cols = g_ptr_array_new_with_free_func(g_free);
  for (int c = 0; c < m->cols; c++) {
    const char *leaf = g_ptr_array_index(leaves, c);
    GPtrArray *parts = g_ptr_array_index(paths, c);
    bool repeats = false;
    for (int k = 0; k < m->cols; k++)
      if (k != c && *leaf && strcmp(leaf, (const char *)g_ptr_array_index(leaves, k)) == 0)
        repeats = true;
    if (!*leaf) {
      g_ptr_array_add(cols, g_strdup_printf("列%d", c + 1));
    } else if (repeats && !is_name_label(leaf) && parts->len > 1) {
      GString *p = g_string_new(NULL);
      for (guint i = 0; i < parts->len; i++) {
        if (i)
          g_string_append_c(p, '/');
        g_string_append(p, g_ptr_array_index(parts, i));
      }
      g_ptr_array_add(cols, g_string_free(p, FALSE));
    } else {
      g_ptr_array_add(cols, g_strdup(leaf));
    }
  }
  /* Side-by-side groups: a value label that repeats only because its group
   * repeats (01表's 决算数 beside 项目/行次) keeps its leaf. */
  bool grouped = false;
  for (int c = 0; c < m->cols; c++) {
    const char *leaf = g_ptr_array_index(leaves, c);
    if (!is_name_label(leaf))
      continue;
    for (int k = c + 1; k < m->cols; k++)
      if (strcmp(leaf, (const char *)g_ptr_array_index(leaves, k)) == 0)
        grouped = true;
  }
  if (grouped)
    for (int c = 0; c < m->cols; c++) {
      const char *leaf = g_ptr_array_index(leaves, c);
      if (*leaf) {
        g_free(g_ptr_array_index(cols, c));
        g_ptr_array_index(cols, c) = g_strdup(leaf);
      }
    }
  g_ptr_array_free(leaves, TRUE);
  g_ptr_array_unref(paths);
  return cols;
}

/* ---------- cells and rows ---------- */

bool b2j_fill_cell_value(b2j_cell *cell, bool from_ocr) {
  b2j_number n;
  bool ok = from_ocr ? b2j_number_parse_ocr(cell->text, &n) : b2j_number_parse(cell->text, &n);
  if (ok && n.kind == B2J_NUM_VALUE) {
    cell->value.present = true;
    cell->value.value = n.value;
    return false;
  }
  /* A number wrapped inside a narrow cell ("41.7" over "6%", "4477.07" over
   * "4674") reads as its joined digits; the caller says so in a warning, and
   * validate/'s sums confirm or refute it. */
  if (n.kind == B2J_NUM_SPLIT) {
    cell->value.present = true;
    cell->value.value = n.value;
    return true;
  }
  return false;
}

/* OCR confidence under which a numeric cell is named in a low_confidence
 * warning: tesseract's clean-scan digits read above 0.9; below 0.7 about one
 * reading in five is wrong (as measured on noisy scans). */
#define LOW_CONFIDENCE 0.70

/* One warning per cell whose value was read by joining a wrapped number, and
 * per OCR'd numeric cell read with low confidence. */
static void warn_cells(b2j_doc *doc, const b2j_table *t) {
  for (guint r = 0; r < t->rows->len; r++) {
    const b2j_row *row = g_ptr_array_index(t->rows, r);
    for (guint c = 0; c < row->cells->len; c++) {
      const b2j_cell *cell = g_ptr_array_index(row->cells, c);
      const char *col = c < t->columns->len ? g_ptr_array_index(t->columns, c) : "?";
      bool repeat = c > 0 && strcmp(((const b2j_cell *)g_ptr_array_index(row->cells, c - 1))->text,
                                    cell->text) == 0;
      if (cell->value.present && cell->confidence >= 0 && cell->confidence < LOW_CONFIDENCE &&
          !repeat)
        b2j_doc_warn(doc, "low_confidence", cell->page, t->id,
                     "%s row %u column '%s': '%s' read by OCR with confidence %.2f", t->id, r + 1,
                     col, cell->text, cell->confidence);
      b2j_number n;
      if (!cell->value.present || b2j_number_parse(cell->text, &n) || n.kind != B2J_NUM_SPLIT)
        continue;
      /* A merged cell repeats in every slot: say it once. */
      if (repeat)
        continue;
      char buf[B2J_DEC_STRLEN];
      b2j_doc_warn(doc, "wrapped_number_joined", cell->page, t->id,
                   "%s row %u column '%s': '%s' read as %s (a number wrapped in its cell)", t->id,
                   r + 1, col, cell->text, b2j_dec_format(cell->value.value, buf));
    }
  }
}

static b2j_row *row_from_matrix(const b2j_matrix *m, int r, bool from_ocr) {
  b2j_row *row = b2j_row_new();
  for (int c = 0; c < m->cols; c++) {
    const b2j_grid_cell *gc = m->cell[r * m->cols + c];
    b2j_cell *cell = b2j_cell_new(b2j_mtext(m, r, c), m->page);
    if (gc) {
      cell->box = gc->box;
      cell->has_box = true;
      cell->confidence = gc->conf;
    }
    b2j_fill_cell_value(cell, from_ocr);
    g_ptr_array_add(row->cells, cell);
  }
  return row;
}

static bool matrix_row_empty(const b2j_matrix *m, int r) {
  for (int c = 0; c < m->cols; c++)
    if (*b2j_mtext(m, r, c))
      return false;
  return true;
}

/* ---------- budget lines ---------- */

typedef enum { COL_VALUE, COL_CODE, COL_NAME, COL_SKIP, COL_CODE_PART } col_role;

static col_role role_of(const char *label) {
  if (b2j_has(label, "行次") || b2j_has(label, "栏次") || strcmp(label, "序号") == 0)
    return COL_SKIP;
  if (b2j_has(label, "编码") || b2j_has(label, "代码") || strcmp(label, "科目编号") == 0)
    return COL_CODE;
  if (strcmp(label, "类") == 0 || strcmp(label, "款") == 0 || strcmp(label, "项") == 0)
    return COL_CODE_PART;
  if (b2j_has(label, "名称") || strcmp(label, "项目") == 0 || strcmp(label, "科目") == 0 ||
      strcmp(label, "功能分类科目") == 0 || strcmp(label, "经济分类科目") == 0)
    return COL_NAME;
  if (g_str_has_prefix(label, "列"))
    return COL_VALUE;
  return COL_VALUE;
}

/* Splits "2101101 行政单位医疗" or "2101101行政单位医疗" into code and name. */
static bool leading_code(const char *text, char code[B2J_CODE_MAX], const char **rest) {
  size_t off = 0;
  if (!b2j_subject_code_prefix(text, code, &off))
    return false;
  *rest = text + off;
  return true;
}

static bool has_code_column(const b2j_table *t) {
  for (guint c = 0; c < t->columns->len; c++)
    if (role_of(g_ptr_array_index(t->columns, c)) == COL_CODE)
      return true;
  return false;
}

/* A subject code wrapped inside a narrow code column ("3010" over "1")
 * comes out as "3010 1": in a code column the parts are one code. */
static void join_wrapped_codes(b2j_table *t) {
  for (guint c = 0; c < t->columns->len; c++) {
    if (role_of(g_ptr_array_index(t->columns, c)) != COL_CODE)
      continue;
    for (guint r = 0; r < t->rows->len; r++) {
      const b2j_row *row = g_ptr_array_index(t->rows, r);
      if (c >= row->cells->len)
        continue;
      b2j_cell *cell = g_ptr_array_index(row->cells, c);
      if (!strchr(cell->text, ' '))
        continue;
      bool digits = true;
      for (const char *q = cell->text; *q; q++)
        if (!g_ascii_isdigit(*q) && *q != ' ')
          digits = false;
      char *sq = b2j_squash(cell->text);
      char code[B2J_CODE_MAX];
      size_t n = strlen(sq);
      /* "208 05 05" is 类/款/项 printed apart and parses as it is; only a
       * split that is not that pattern is a wrap. */
      if (digits && (n == 3 || n == 5 || n == 7) && b2j_subject_code_parse(sq, code)) {
        g_free(cell->text);
        cell->text = sq;
        cell->value.present = false;
        b2j_fill_cell_value(cell, false);
      } else {
        g_free(sq);
      }
    }
  }
}

/* Whether c may be a mark OCR read before a number: a quote, an @ or the
 * like, or 人 or 个, the names chi_sim gives a speck. Other Chinese glyphs
 * may stand for a lost digit (了299.00 was 1,299.00, 让463.55 was
 * 6,463.55 on a noisy real scan), so they are never dropped. */
static bool mark_before_number(gunichar c) {
  return c == 0x4EBA /* 人 */ || c == 0x4E2A /* 个 */ ||
         (c > 0 && c < 0x80 && strchr("\"'@#*`^~_", (int)c)) || c == 0x201C || c == 0x201D ||
         c == 0x2018 || c == 0x2019 || c == 0x3001 /* 、 */ || c == 0xB7;
}

static const b2j_cell *cell_at(const b2j_table *t, guint r, guint c) {
  const b2j_row *row = r < t->rows->len ? g_ptr_array_index(t->rows, r) : NULL;
  return row && c < row->cells->len ? g_ptr_array_index(row->cells, c) : NULL;
}

/* Whether the cell at (r, c) sits among numbers: of the nearest filled
 * cells of its column (three above, three below) at least three have a
 * value and two thirds do; or its row has two other values, one of them
 * next to it (a row of amounts in a performance form, whose columns mix
 * amounts and names). A merged cell's copies count once. */
static bool among_numbers(const b2j_table *t, guint r, guint c) {
  int valued = 0, filled = 0;
  for (int dir = -1; dir <= 1; dir += 2) {
    int seen = 0;
    const b2j_cell *last = cell_at(t, r, c);
    for (long k = (long)r + dir; k >= 0 && k < (long)t->rows->len && seen < 3; k += dir) {
      const b2j_cell *x = cell_at(t, (guint)k, c);
      if (!x || !*x->text || x == last)
        continue;
      last = x;
      seen++;
      filled++;
      valued += x->value.present;
    }
  }
  if (valued >= 3 && 3 * valued >= 2 * filled)
    return true;
  /* The row: two other cells with a value, one of them its nearest filled
   * neighbour on one side, and a filled cell before it (a label is the
   * first thing a row prints: 附2 stays). */
  const b2j_row *row = g_ptr_array_index(t->rows, r);
  const b2j_cell *me = cell_at(t, r, c);
  guint ncells = row->cells->len;
  int row_valued = 0;
  bool beside = false, label_before = false;
  for (guint k = 0; k < ncells; k++) {
    const b2j_cell *x = g_ptr_array_index(row->cells, k);
    if (x == me)
      continue;
    row_valued += x->value.present;
    label_before |= k < c && *x->text;
  }
  for (int dir = -1; dir <= 1; dir += 2)
    for (long k = (long)c + dir; k >= 0 && k < (long)ncells; k += dir) {
      const b2j_cell *x = cell_at(t, r, (guint)k);
      if (!x || !*x->text || x == me)
        continue;
      beside |= x->value.present;
      break;
    }
  return row_valued >= 2 && beside && label_before;
}

/* On an OCR'd page, one or two marks before a number among numbers
 * (among_numbers) are marks: 人0.00 is 0.00, “15.13 is 15.13, @@ 54 is 54.
 * Read from a blurred or stamped scan, a speck or a seal's stroke beside a
 * number becomes a glyph. The correction is recorded. */
static void marks_before_numbers(b2j_doc *doc, b2j_table *t) {
  for (guint r = 0; r < t->rows->len; r++) {
    const b2j_row *row = g_ptr_array_index(t->rows, r);
    for (guint c = 0; c < row->cells->len; c++) {
      b2j_cell *cell = g_ptr_array_index(row->cells, c);
      if (cell->value.present || cell->confidence < 0)
        continue;
      const char *p = cell->text;
      int marks = 0;
      while (*p && marks < 3 && mark_before_number(g_utf8_get_char(p))) {
        p = g_utf8_next_char(p);
        marks++;
      }
      while (*p == ' ')
        p++;
      b2j_number n;
      if (marks == 0 || marks > 2 || !g_ascii_isdigit(*p) || !b2j_number_parse_ocr(p, &n) ||
          n.kind != B2J_NUM_VALUE || !among_numbers(t, r, c))
        continue;
      /* A performance form has its header rows and column names settled
       * later (b2j_interpret_performance): there the cell is named by its
       * reading alone. */
      char *where = c < t->columns->len
                        ? g_strdup_printf(" row %u column '%s'", r + 1,
                                          (const char *)g_ptr_array_index(t->columns, c))
                        : g_strdup("");
      b2j_doc_warn(doc, "ocr_text_corrected", cell->page, t->id,
                   "%s%s: '%s' read by OCR corrected to '%s' (marks before a number among "
                   "numbers)",
                   t->id, where, cell->text, p);
      g_free(where);
      char *num = g_strdup(p);
      g_free(cell->text);
      cell->text = num;
      b2j_fill_cell_value(cell, true);
    }
  }
}

/* On an OCR'd page, "8." in a column whose other numbers are all whole
 * (行次 1..9) is 8: a speck after the digit read as a point. Where the
 * column prints decimals the point may be real and its digits lost, so the
 * cell stays as read. The correction is recorded. */
static void whole_numbers_without_point(b2j_doc *doc, b2j_table *t) {
  for (guint c = 0; c < t->columns->len; c++) {
    bool whole = true;
    int others = 0;
    for (guint r = 0; r < t->rows->len && whole; r++) {
      const b2j_row *row = g_ptr_array_index(t->rows, r);
      const b2j_cell *cell = c < row->cells->len ? g_ptr_array_index(row->cells, c) : NULL;
      if (cell && cell->value.present) {
        whole = cell->value.value.scale == 0 && !strchr(cell->text, '%');
        others++;
      }
    }
    if (!whole || others < 2)
      continue;
    for (guint r = 0; r < t->rows->len; r++) {
      const b2j_row *row = g_ptr_array_index(t->rows, r);
      b2j_cell *cell = c < row->cells->len ? g_ptr_array_index(row->cells, c) : NULL;
      if (!cell || cell->value.present || cell->confidence < 0)
        continue;
      size_t n = strlen(cell->text);
      bool digits = n >= 2 && cell->text[n - 1] == '.';
      for (size_t i = 0; digits && i + 1 < n; i++)
        digits = g_ascii_isdigit(cell->text[i]) != 0;
      if (!digits)
        continue;
      b2j_doc_warn(doc, "ocr_text_corrected", cell->page, t->id,
                   "%s row %u column '%s': '%s' read by OCR corrected to '%.*s' (a point after "
                   "a whole number in a column of whole numbers)",
                   t->id, r + 1, (const char *)g_ptr_array_index(t->columns, c), cell->text,
                   (int)(n - 1), cell->text);
      cell->text[n - 1] = '\0';
      b2j_fill_cell_value(cell, true);
    }
  }
}

/* A row's subject code cells and name, from its columns before the first
 * value column (borrowed from the row). */
typedef struct {
  b2j_cell *code[3]; /* its non-empty code cells, in order */
  int n_code;        /* how many: 4 when more than three */
  bool in_parts;     /* printed in 类/款/项 columns, not one code column */
  const char *name;  /* its first name cell's text, or NULL */
} row_code;

static row_code row_code_of(const b2j_table *t, const b2j_row *row) {
  row_code rc = {{NULL, NULL, NULL}, 0, false, NULL};
  for (guint c = 0; c < t->columns->len && c < row->cells->len; c++) {
    col_role role = role_of(g_ptr_array_index(t->columns, c));
    b2j_cell *cell = g_ptr_array_index(row->cells, c);
    if (role == COL_VALUE)
      break;
    if (role == COL_NAME && !rc.name)
      rc.name = cell->text;
    if ((role != COL_CODE && role != COL_CODE_PART) || !*cell->text)
      continue;
    rc.in_parts |= role == COL_CODE_PART;
    if (rc.n_code < 3)
      rc.code[rc.n_code] = cell;
    rc.n_code = MIN(rc.n_code + 1, 4);
  }
  return rc;
}

/* A code cell's text corrected to `text` (which the cell takes), its value
 * read again from it. */
static void set_code_text(b2j_cell *cell, char *text) {
  g_free(cell->text);
  cell->text = text;
  cell->value.present = false;
  b2j_fill_cell_value(cell, true);
}

/* On an OCR'd page, a known code with a glyph or two after it ("301 人",
 * "2010201 分", "2040599。", "30299 1": a speck, a seal's stroke or a rule's
 * stub beside the code, read as a glyph) is that code when the
 * classification names it as the row's name cell does. The name is what makes
 * the glyphs no part of the code; without it the cell stays as read. The
 * corrected cell says so. */
static void codes_with_marks_after(b2j_doc *doc, b2j_table *t) {
  for (guint r = 0; r < t->rows->len; r++) {
    row_code rc = row_code_of(t, g_ptr_array_index(t->rows, r));
    const char *name = rc.name;
    b2j_cell *code_cell = rc.code[0];
    /* 类/款/项 apart are codes_from_names' case. */
    if (rc.n_code != 1 || rc.in_parts || !name || !*name || code_cell->confidence < 0)
      continue;
    const char *p = code_cell->text;
    size_t nd = strspn(p, "0123456789");
    if (nd != 3 && nd != 5 && nd != 7)
      continue;
    const char *rest = p + nd;
    while (*rest == ' ')
      rest++;
    glong glyphs = g_utf8_strlen(rest, -1);
    if (glyphs < 1 || glyphs > 2 || strchr(rest, ' '))
      continue;
    char code[B2J_CODE_MAX];
    char *digits = g_strndup(p, nd);
    char *sq = b2j_squash(name);
    bool fits = b2j_subject_code_parse(digits, code) && b2j_subject_known(code) &&
                b2j_subject_name_matches(code, sq);
    g_free(sq);
    if (!fits) {
      g_free(digits);
      continue;
    }
    b2j_doc_warn(doc, "ocr_text_corrected", code_cell->page, t->id,
                 "%s row %u: code '%s' read by OCR corrected to '%s' (a known code, named '%s' "
                 "as the row is, with marks after it)",
                 t->id, r + 1, code_cell->text, digits, name);
    set_code_text(code_cell, digits); /* "30299 1" was read as 302991 */
  }
}

/* The known codes one digit away from `read` (one digit changed, added or
 * dropped) whose classification name is `name`; appends them to `out`. */
static void codes_named_near(const char *read, const char *name, GPtrArray *out) {
  size_t n = strlen(read);
  char buf[B2J_CODE_MAX + 2];
  for (int op = 0; op < 3; op++)
    for (size_t i = 0; i <= n; i++)
      for (char d = '0'; d <= '9'; d++) {
        if (op == 0 && (i == n || read[i] == d))
          continue; /* change digit i to d */
        if (op == 2 && (d != '0' || i == n))
          continue; /* drop digit i (once, not per d) */
        size_t len = op == 1 ? n + 1 : op == 2 ? n - 1 : n;
        if (len != 3 && len != 5 && len != 7)
          continue;
        if (op == 0)
          g_snprintf(buf, sizeof buf, "%.*s%c%s", (int)i, read, d, read + i + 1);
        else if (op == 1)
          g_snprintf(buf, sizeof buf, "%.*s%c%s", (int)i, read, d, read + i);
        else
          g_snprintf(buf, sizeof buf, "%.*s%s", (int)i, read, read + i + 1);
        bool seen = false;
        for (guint k = 0; k < out->len && !seen; k++)
          seen = strcmp(g_ptr_array_index(out, k), buf) == 0;
        if (!seen && b2j_subject_known(buf) && b2j_subject_name_matches(buf, name))
          g_ptr_array_add(out, g_strdup(buf));
      }
}

/* On an OCR'd page, a subject code the classification does not know, one
 * digit from exactly one code whose name is the row's name, is that code:
 * "210 1 99" beside 其他行政事业单位医疗支出 is 2101199 (its 款 11 lost a
 * digit), "71011" beside 行政事业单位医疗 is 21011, "3010%" beside 奖金 is
 * 30103 (one mark in place of a digit: a blurred 3 read as %). A known code
 * is never changed, whatever its name: a row shifted against its code is a
 * finding for validate/, not a misreading. The corrected cell says so. */
static void codes_from_names(b2j_doc *doc, b2j_table *t) {
  for (guint r = 0; r < t->rows->len; r++) {
    row_code rc = row_code_of(t, g_ptr_array_index(t->rows, r));
    b2j_cell **parts = rc.code;
    int nparts = rc.n_code, marks = 0;
    const char *name = rc.name;
    bool ocr = false, ok = nparts <= 3;
    for (int k = 0; k < nparts && ok; k++) {
      for (const char *q = parts[k]->text; *q && ok; q++)
        if (!g_ascii_isdigit(*q))
          ok = g_ascii_isgraph(*q) && ++marks == 1;
      ocr |= parts[k]->confidence >= 0;
    }
    if (!ok || !ocr || nparts == 0 || !name || !*name)
      continue;
    /* The mark stands for a digit: 'x' matches no digit, so only codes with
     * a digit in its place are near. */
    GString *read = g_string_new(NULL), *printed = g_string_new(NULL);
    for (int k = 0; k < nparts; k++) {
      g_string_append(printed, parts[k]->text);
      for (const char *q = parts[k]->text; *q; q++)
        g_string_append_c(read, g_ascii_isdigit(*q) ? *q : 'x');
    }
    char code[B2J_CODE_MAX];
    bool known = read->len < B2J_CODE_MAX && b2j_subject_code_parse(read->str, code) &&
                 b2j_subject_known(code);
    GPtrArray *near = g_ptr_array_new_with_free_func(g_free);
    if (!known && read->len >= 2 && read->len <= 8) {
      char *sq = b2j_squash(name);
      codes_named_near(read->str, sq, near);
      g_free(sq);
    }
    if (near->len == 1) {
      const char *fix = g_ptr_array_index(near, 0);
      /* Which cell: one code cell takes the whole code; 类/款/项 cells
       * take their slices (3, 2, 2 digits), and exactly one may differ. */
      b2j_cell *target = NULL;
      char *text = NULL;
      if (nparts == 1) {
        target = parts[0];
        text = g_strdup(fix);
      } else {
        static const int START[] = {0, 3, 5, 7};
        int wrong = 0;
        for (int k = 0; k < nparts; k++) {
          size_t a = (size_t)START[k], b = MIN((size_t)START[k + 1], strlen(fix));
          char *slice = a < b ? g_strndup(fix + a, b - a) : g_strdup("");
          if (strcmp(slice, parts[k]->text) != 0) {
            wrong++;
            target = parts[k];
            g_free(text);
            text = slice;
          } else {
            g_free(slice);
          }
        }
        if (wrong != 1 || !*text)
          target = NULL;
      }
      if (target) {
        b2j_doc_warn(doc, "ocr_text_corrected", target->page, t->id,
                     "%s row %u: code '%s' read by OCR corrected to '%s' (the only code one "
                     "digit away that the classification names '%s')",
                     t->id, r + 1, printed->str, fix, name);
        set_code_text(target, text);
        text = NULL;
      }
      g_free(text);
    }
    g_ptr_array_unref(near);
    g_string_free(read, TRUE);
    g_string_free(printed, TRUE);
  }
}

/* A code printed with a name that is not its name in the national
 * classification (nor another name reports use for it): a misread code, a
 * misread name, or a row shifted against its code. Said once per code and
 * table; nothing is changed. */
static void check_subject_name(b2j_doc *doc, const b2j_table *t, const char *code,
                               const char *name, int page, GHashTable *said) {
  if (!code || !name || !*name || g_hash_table_contains(said, code))
    return;
  g_hash_table_add(said, g_strdup(code));
  const char *standard = b2j_subject_standard_name(code);
  if (!standard || b2j_subject_name_matches(code, name))
    return;
  b2j_doc_warn(doc, "subject_name_mismatch", page, t->id,
               "%s row %s is named '%s'; the classification names %s '%s'", t->id, code, name,
               code, standard);
}

static void add_budget_lines(b2j_doc *doc, const b2j_table *t) {
  GHashTable *said = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  guint ncol = t->columns->len;
  col_role *roles = g_new(col_role, MAX(1u, ncol));
  for (guint c = 0; c < ncol; c++)
    roles[c] = role_of(g_ptr_array_index(t->columns, c));
  for (guint r = 0; r < t->rows->len; r++) {
    const b2j_row *row = g_ptr_array_index(t->rows, r);
    guint c = 0;
    while (c < ncol && c < row->cells->len) {
      /* One group: its code/name columns, then its value columns. */
      GString *code_parts = g_string_new(NULL);
      const char *code_text = NULL, *name_text = NULL;
      guint g0 = c;
      while (c < ncol && roles[c] != COL_VALUE) {
        const b2j_cell *cell = g_ptr_array_index(row->cells, c);
        /* Codes printed apart as 类/款/项 come in several code columns
         * (however their merged header reads): the parts join in order. */
        if (roles[c] == COL_CODE || roles[c] == COL_CODE_PART) {
          if (code_text)
            g_string_append(code_parts, code_text);
          code_text = NULL;
          if (code_parts->len || roles[c] == COL_CODE_PART)
            g_string_append(code_parts, cell->text);
          else
            code_text = cell->text;
        }
        else if (roles[c] == COL_NAME)
          name_text = cell->text;
        c++;
      }
      guint v0 = c;
      while (c < ncol && roles[c] == COL_VALUE)
        c++;
      guint v1 = c;
      if (v0 == v1 && c == g0)
        c++; /* no progress: skip a column rather than loop */

      char code[B2J_CODE_MAX] = "";
      bool have_code = false;
      char *name = NULL;
      if (code_parts->len)
        have_code = b2j_subject_code_parse(code_parts->str, code);
      if (!have_code && code_text && *code_text)
        have_code = b2j_subject_code_parse(code_text, code);
      const char *rest = NULL;
      if (name_text && *name_text) {
        if (!have_code && leading_code(name_text, code, &rest)) {
          have_code = true;
          name = b2j_squash(rest);
        } else {
          name = b2j_squash(name_text);
        }
      } else if (code_text && *code_text && !have_code) {
        name = b2j_squash(code_text); /* "合计" printed in the code column */
      } else {
        name = g_strdup("");
      }
      g_string_free(code_parts, TRUE);
      if (have_code && v1 > v0 && v0 < row->cells->len)
        check_subject_name(doc, t, code, name,
                           ((const b2j_cell *)g_ptr_array_index(row->cells, v0))->page, said);

      for (guint k = v0; k < v1 && k < row->cells->len; k++) {
        const b2j_cell *cell = g_ptr_array_index(row->cells, k);
        if (!cell->value.present)
          continue;
        b2j_budget_line *l = g_new0(b2j_budget_line, 1);
        l->table = g_strdup(t->id);
        l->form = g_strdup(t->form);
        if (have_code) {
          l->code = g_strdup(code);
          b2j_subject_level lv = B2J_LEVEL_NONE;
          b2j_subject_class cl = b2j_subject_classify(code, &lv);
          if (strcmp(t->kind, "basic_expenditure_detail") == 0 && cl == B2J_SUBJ_FUNCTIONAL)
            cl = B2J_SUBJ_ECONOMIC;
          l->level = g_strdup(b2j_subject_level_name(lv));
          l->classification = g_strdup(b2j_subject_class_name(cl));
        }
        l->name = g_strdup(name);
        l->column = g_strdup(g_ptr_array_index(t->columns, k));
        l->value = cell->value.value;
        l->unit = g_strdup(t->unit);
        b2j_dec y;
        if (t->unit && b2j_to_yuan(l->value, t->unit, &y)) {
          l->yuan.present = true;
          l->yuan.value = y;
        }
        l->page = cell->page;
        g_ptr_array_add(doc->budget_lines, l);
      }
      g_free(name);
    }
  }
  g_free(roles);
  g_hash_table_destroy(said);
}

/* ---------- the whole pass ---------- */

typedef struct {
  b2j_table *table;
  b2j_matrix *first; /* the first grid's matrix: its header decides columns */
  int header_rows;
  int last_page;
  double last_bottom;   /* how far down its last grid ended, as a share of the page */
  bool from_ocr;
  bool perf;            /* a performance form: handled by performance.c */
  GPtrArray *matrices;  /* every grid's matrix, for performance.c */
} open_table;

/* For each column of `next`, the column of `first` it overlaps most
 * horizontally (-1 for none). The references are the cells of first's
 * indicator header row (the row naming 三级指标) where there is one — a
 * form's upper blocks cut its columns finer than its indicator rows — else
 * single-column cells. NULL when the mapping is not one-to-one. The caller
 * g_free()s the result. */
static int *map_columns_by_position(const b2j_matrix *first, const b2j_matrix *next) {
  int href = -1;
  for (int r = 0; r < first->rows && href < 0; r++)
    for (int c = 0; c < first->cols; c++)
      if (strstr(b2j_mtext(first, r, c), "三级指标")) {
        href = r;
        break;
      }
  int *map = g_new(int, MAX(1, next->cols));
  bool *used = g_new0(bool, MAX(1, first->cols));
  for (int c = 0; c < next->cols; c++) {
    map[c] = -1;
    const b2j_grid_cell *nc = NULL;
    for (int r = 0; r < next->rows && !nc; r++) {
      const b2j_grid_cell *x = next->cell[r * next->cols + c];
      if (x && x->colspan == 1)
        nc = x;
    }
    if (!nc)
      continue;
    double best = 0;
    for (int k = 0; k < first->cols; k++) {
      const b2j_grid_cell *fc = NULL;
      if (href >= 0) {
        fc = first->cell[href * first->cols + k];
        if (fc && fc->col != k)
          continue; /* the same merged cell again */
      } else {
        for (int r = first->rows - 1; r >= 0 && !fc; r--) {
          const b2j_grid_cell *x = first->cell[r * first->cols + k];
          if (x && x->colspan == 1)
            fc = x;
        }
      }
      if (!fc)
        continue;
      double ov = MIN(nc->box.x1, fc->box.x1) - MAX(nc->box.x0, fc->box.x0);
      double w = MIN(nc->box.x1 - nc->box.x0, fc->box.x1 - fc->box.x0);
      if (w > 0 && ov / w > best && ov / w > 0.5) {
        best = ov / w;
        map[c] = k;
      }
    }
    if (map[c] >= 0) {
      if (used[map[c]]) {
        g_free(map);
        g_free(used);
        return NULL;
      }
      used[map[c]] = true;
    }
  }
  g_free(used);
  return map;
}

static void open_table_free(open_table *o) {
  if (!o)
    return;
  if (o->matrices)
    g_ptr_array_unref(o->matrices);
  g_free(o);
}

/* Row r of `a` and of `b` print the same labels: every slot alike, or (a
 * header repeated on a scanned page, where OCR misreads a label or two) at
 * least three in four of the non-empty slots alike and no number in the
 * rest. */
static bool same_label_row(const b2j_matrix *a, const b2j_matrix *b, int r) {
  int filled = 0, alike = 0;
  bool number = false;
  for (int c = 0; c < a->cols; c++) {
    char *x = b2j_squash(b2j_mtext(a, r, c)), *y = b2j_squash(b2j_mtext(b, r, c));
    if (*x || *y) {
      filled++;
      if (strcmp(x, y) == 0) {
        alike++;
      } else {
        b2j_number n;
        number |= b2j_number_parse(y, &n) || n.kind == B2J_NUM_SPLIT;
      }
    }
    g_free(x);
    g_free(y);
  }
  return alike == filled || (filled >= 4 && !number && 4 * alike >= 3 * filled);
}

static bool same_header(const b2j_matrix *a, int ha, const b2j_matrix *b) {
  if (a->cols != b->cols || ha <= 0 || b->rows < ha)
    return false;
  for (int r = 0; r < ha; r++)
    if (!same_label_row(a, b, r))
      return false;
  return true;
}

/* A column with no label and no text in any row is a gap the layout mistook
 * for a column (a wide space inside a cell): it carries nothing, so it goes. */
static void drop_empty_columns(b2j_table *t) {
  for (int c = (int)t->columns->len - 1; c >= 0; c--) {
    if (!g_str_has_prefix(g_ptr_array_index(t->columns, c), "列"))
      continue;
    bool empty = true;
    for (guint r = 0; r < t->rows->len && empty; r++) {
      const b2j_row *row = g_ptr_array_index(t->rows, r);
      if ((guint)c < row->cells->len && *((b2j_cell *)g_ptr_array_index(row->cells, c))->text)
        empty = false;
    }
    if (!empty)
      continue;
    g_ptr_array_remove_index(t->columns, (guint)c);
    for (guint r = 0; r < t->rows->len; r++) {
      b2j_row *row = g_ptr_array_index(t->rows, r);
      if ((guint)c < row->cells->len)
        g_ptr_array_remove_index(row->cells, (guint)c);
    }
  }
}

static void finish_table(b2j_doc *doc, open_table *o) {
  if (!o)
    return;
  b2j_table *t = o->table;
  if (!o->perf)
    drop_empty_columns(t);
  marks_before_numbers(doc, t);
  if (o->perf)
    b2j_interpret_performance(doc, t, o->matrices);
  else if (kind_has_budget_lines(t->kind) || has_code_column(t)) {
    /* A table of subject codes whose title was not read still has its
     * codes read as the classification prints them; budget lines come
     * from the kinds that hold them. */
    join_wrapped_codes(t);
    codes_with_marks_after(doc, t);
    codes_from_names(doc, t);
    whole_numbers_without_point(doc, t);
    if (kind_has_budget_lines(t->kind))
      add_budget_lines(doc, t);
  }
  warn_cells(doc, t);
  g_ptr_array_add(doc->tables, t);
}

/* The lines after a page's last table when they end with a table title (and
 * perhaps its 部门/单位 line): that table starts on the next page. NULL when
 * there are none; the caller g_ptr_array_unref()s the result. */
static GPtrArray *trailing_title_lines(const b2j_grid *last) {
  if (!last || !last->below || last->below->len == 0)
    return NULL;
  int first = -1;
  for (int k = (int)last->below->len - 1; k >= 0 && k >= (int)last->below->len - 3; k--) {
    char *sq = b2j_squash(g_ptr_array_index(last->below, k));
    bool title = looks_like_title(sq) && !g_str_has_prefix(sq, "注") && !strstr(sq, "本表");
    bool meta = is_meta_text(sq);
    g_free(sq);
    if (title)
      first = k;
    else if (!meta)
      break;
  }
  if (first < 0)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  for (guint k = (guint)first; k < last->below->len; k++)
    g_ptr_array_add(out, g_strdup(g_ptr_array_index(last->below, k)));
  return out;
}

void b2j_interpret_tables(b2j_doc *doc, const GPtrArray *page_grids) {
  open_table *cur = NULL;
  int next_id = 1;
  GPtrArray *carried = NULL; /* title lines left at the foot of the previous page */
  for (guint p = 0; page_grids && p < page_grids->len && p < doc->pages->len; p++) {
    const GPtrArray *grids = g_ptr_array_index(page_grids, p);
    const b2j_page *page = g_ptr_array_index(doc->pages, p);
    if (grids && grids->len == 0 && carried) {
      g_ptr_array_unref(carried);
      carried = NULL;
    }
    for (guint gi = 0; grids && gi < grids->len; gi++) {
      const b2j_grid *g = g_ptr_array_index(grids, gi);
      if (g->n_rows <= 0 || g->n_cols <= 0)
        continue;
      b2j_matrix *m = b2j_matrix_from_grid(g);
      GPtrArray *ctx_lines = g_ptr_array_new_with_free_func(g_free);
      /* A title printed at the foot of the previous page, its table starting
       * on this one, comes first (the nearest lines win below). */
      if (gi == 0 && carried)
        for (guint k = 0; k < carried->len; k++)
          g_ptr_array_add(ctx_lines, g_strdup(g_ptr_array_index(carried, k)));
      for (guint k = 0; g->above && k < g->above->len; k++)
        g_ptr_array_add(ctx_lines, g_strdup(g_ptr_array_index(g->above, k)));
      matrix_drop_top(m, leading_meta_rows(m, ctx_lines));
      table_context ctx = context_from_lines(ctx_lines);
      g_ptr_array_unref(ctx_lines);
      if (m->rows <= 0) {
        b2j_matrix_free(m);
        context_clear(&ctx);
        continue;
      }
      bool from_ocr = page->source == B2J_SOURCE_OCR;

      /* A grid at the top of the page with nothing printed above it, the
       * same width as a table that ran to the bottom of the previous page,
       * continues that table. */
      bool top_of_page = g->box.y0 < page->height * 0.25;
      bool next_page = top_of_page && cur && cur->last_page == m->page - 1 && cur->last_bottom > 0.6;
      /* A grid cut in two on one page (a gap in its rules) continues too:
       * nothing printed between, the same columns, hardly any space. */
      bool same_page = cur && cur->last_page == m->page && page->height > 0 &&
                       g->box.y0 / page->height - cur->last_bottom < 0.04;
      /* A form continued on the next page may have fewer columns (an empty
       * note column finds no rule or no text there): its columns are mapped
       * onto the first part's by horizontal position. */
      int *colmap = NULL;
      if (cur && cur->perf && next_page && !ctx.has_any && m->cols != cur->first->cols)
        colmap = map_columns_by_position(cur->first, m);
      if (cur && !ctx.has_any && (next_page || same_page) &&
          (cur->first->cols == m->cols || colmap)) {
        int skip = 0;
        if (!cur->perf && same_header(cur->first, cur->header_rows, m))
          skip = cur->header_rows;
        else if (!cur->perf)
          skip = first_body_row(m) > 0 && first_body_row(m) <= cur->header_rows
                     ? first_body_row(m)
                     : 0;
        for (int r = skip; r < m->rows; r++)
          if (!matrix_row_empty(m, r)) {
            b2j_row *row = row_from_matrix(m, r, from_ocr);
            if (colmap) {
              b2j_row *mapped = b2j_row_new();
              for (int k = 0; k < cur->first->cols; k++)
                g_ptr_array_add(mapped->cells, b2j_cell_new("", m->page));
              for (int k = m->cols - 1; k >= 0; k--) {
                if (colmap[k] < 0)
                  continue;
                b2j_cell *cell = g_ptr_array_steal_index(row->cells, (guint)k);
                b2j_cell_free(g_ptr_array_index(mapped->cells, colmap[k]));
                g_ptr_array_index(mapped->cells, colmap[k]) = cell;
              }
              b2j_row_free(row);
              row = mapped;
            }
            g_ptr_array_add(cur->table->rows, row);
          }
        g_free(colmap);
        g_array_append_val(cur->table->pages, m->page);
        cur->last_page = m->page;
        cur->last_bottom = page->height > 0 ? g->box.y1 / page->height : 1;
        g_ptr_array_add(cur->matrices, m);
        context_clear(&ctx);
        continue;
      }

      finish_table(doc, cur);
      open_table_free(cur);
      cur = g_new0(open_table, 1);
      cur->matrices = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_matrix_free);
      g_ptr_array_add(cur->matrices, m);
      cur->first = m;
      cur->from_ocr = from_ocr;
      cur->last_page = m->page;
      cur->last_bottom = page->height > 0 ? g->box.y1 / page->height : 1;

      char id[16];
      g_snprintf(id, sizeof id, "t%d", next_id++);
      b2j_table *t = b2j_table_new(id);
      g_array_append_val(t->pages, m->page);
      t->title = ctx.title ? g_strdup(ctx.title) : NULL;
      t->unit = g_strdup(ctx.unit);
      const char *kind = b2j_kind_from_title(ctx.title);
      if (from_ocr && ctx.title) {
        /* OCR misreads a character of a title (支出 as 广出): a title one
         * character from a standard one is that table. A standard title
         * found whole inside it (支出决算表 in 三公-经费支出决算表) is the
         * title rules' business: they put the specific words first. So is
         * a kind the rules find more specific than the near title's
         * (一般公共预算4一三公?经费、会议费、培训费支出预算表 is a 三公
         * table, not an expenditure one). */
        bool verbatim = false;
        const char *near = b2j_kind_from_ocr_title(ctx.title, &verbatim);
        if (near && (!kind || strcmp(kind, "other") == 0 ||
                     (strcmp(kind, near) != 0 && !verbatim &&
                      title_rule_rank(near) < title_rule_rank(kind))))
          kind = near;
      }
      const char *cell_kind = kind_from_cells(m);
      /* The cells of a performance form say more than a generic title. */
      /* (but a title that names the form, 整体 or 项目, outranks the cells'
       * guess, which rests on one label such as 部门名称) */
      bool title_names_form = kind && (strcmp(kind, "overall_performance") == 0 ||
                                       strcmp(kind, "project_performance") == 0);
      /* A title that says 绩效 but was misread past recognition (项目支出绩效
       * 和目评表 falls to the broad 支出…表 rule) yields to a performance
       * form's own header words. */
      bool perf_title = ctx.title && strstr(ctx.title, "绩效");
      if (cell_kind && !title_names_form &&
          (!kind || !kind_has_budget_lines(kind) || (perf_title && cell_kind_is_form(cell_kind))))
        kind = cell_kind;
      g_free(t->kind);
      t->kind = g_strdup(kind ? kind : "other");
      if (ctx.caption)
        t->form = g_strdup(ctx.caption);
      if (!t->unit) {
        /* Some tables print the unit in their top row or header cells. */
        for (int i = 0; i < m->rows * m->cols && i < m->cols * 3 && !t->unit; i++)
          t->unit = g_strdup(b2j_unit_from_caption(m->text[i]));
      }
      cur->table = t;
      cur->perf = strcmp(t->kind, "project_performance") == 0 ||
                  strcmp(t->kind, "overall_performance") == 0 ||
                  strcmp(t->kind, "indicator_goals") == 0;
      if (cur->perf) {
        cur->header_rows = 0;
        for (int r = 0; r < m->rows; r++)
          if (!matrix_row_empty(m, r))
            g_ptr_array_add(t->rows, row_from_matrix(m, r, from_ocr));
      } else {
        cur->header_rows = first_body_row(m);
        GPtrArray *cols = b2j_flatten_header(m, cur->header_rows);
        for (guint c = 0; c < cols->len; c++)
          g_ptr_array_add(t->columns, g_strdup(g_ptr_array_index(cols, c)));
        g_ptr_array_unref(cols);
        /* A 收支总表 whose amounts split by fund is the appropriations'
         * (财政拨款收支总表), whatever its title was read as (财政拨于收文
         * 预算总表 is one glyph from 收支预算总表, two from its own). */
        if (strcmp(t->kind, "income_expenditure_summary") == 0 && columns_split_by_fund(t)) {
          g_free(t->kind);
          t->kind = g_strdup("appropriation_summary");
        }
        for (int r = cur->header_rows; r < m->rows; r++)
          if (!matrix_row_empty(m, r))
            g_ptr_array_add(t->rows, row_from_matrix(m, r, from_ocr));
      }
      context_clear(&ctx);
    }
    if (carried) {
      g_ptr_array_unref(carried);
      carried = NULL;
    }
    carried = trailing_title_lines(grids && grids->len ? g_ptr_array_index(grids, grids->len - 1)
                                                       : NULL);
  }
  if (carried)
    g_ptr_array_unref(carried);
  finish_table(doc, cur);
  open_table_free(cur);
  b2j_projects_named_from_text(doc);
}
