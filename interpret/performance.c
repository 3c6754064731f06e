/* Performance forms: 项目支出绩效自评表, 部门整体支出绩效自评表, goal tables.
 * They are forms more than grids: labelled fields (项目名称, 主管部门), a funds
 * block with its own header row, then the indicator rows with theirs. Every
 * block is found by its header words, never by position. */
#include <limits.h>
#include <string.h>

#include "interpret_internal.h"
#include "normalize/normalize.h"

typedef struct {
  const b2j_table *t;
  int rows, cols;
} form;

/* The form of table t: its rows, and as many columns as its widest row. */
static form form_of(const b2j_table *t) {
  form f = {t, (int)t->rows->len, 0};
  for (guint r = 0; r < t->rows->len; r++) {
    const b2j_row *row = g_ptr_array_index(t->rows, r);
    f.cols = MAX(f.cols, (int)row->cells->len);
  }
  return f;
}

/* The labels of a project form's name field. */
static const char *const PROJECT_NAME_LABELS[] = {"项目名称", "项目支出名称", NULL};

static const char *cell_text(const form *f, int r, int c) {
  if (r < 0 || r >= f->rows || c < 0 || c >= f->cols)
    return "";
  const b2j_row *row = g_ptr_array_index(f->t->rows, r);
  if ((guint)c >= row->cells->len)
    return "";
  const b2j_cell *cell = g_ptr_array_index(row->cells, c);
  return cell->text ? cell->text : "";
}

static int cell_page(const form *f, int r) {
  const b2j_row *row = g_ptr_array_index(f->t->rows, r);
  if (!row->cells->len)
    return 0;
  return ((const b2j_cell *)g_ptr_array_index(row->cells, 0))->page;
}

/* Column of the first cell in row r whose squashed text contains one of
 * `words` (NULL-terminated), or -1. */
static int find_col(const form *f, int r, const char *const *words) {
  for (int c = 0; c < f->cols; c++) {
    char *sq = b2j_squash(cell_text(f, r, c));
    bool hit = false;
    for (int i = 0; words[i] && !hit; i++)
      hit = strstr(sq, words[i]) != NULL;
    g_free(sq);
    if (hit)
      return c;
  }
  return -1;
}

static int find_row(const form *f, int from, const char *const *all_of) {
  for (int r = from; r < f->rows; r++) {
    bool ok = true;
    for (int i = 0; all_of[i] && ok; i++) {
      const char *one[] = {all_of[i], NULL};
      ok = find_col(f, r, one) >= 0;
    }
    if (ok)
      return r;
  }
  return -1;
}

/* The value of a labelled field: the next cell to the right whose text is
 * not the label again (merged cells repeat); the cell it was read from in
 * *at (when at). */
static char *field_after_at(const form *f, const char *const *labels, const b2j_cell **at) {
  for (int r = 0; r < f->rows; r++) {
    for (int c = 0; c < f->cols; c++) {
      char *sq = b2j_squash(cell_text(f, r, c));
      bool hit = false;
      for (int i = 0; labels[i] && !hit; i++)
        hit = g_str_has_prefix(sq, labels[i]) && g_utf8_strlen(sq, -1) <= (glong)g_utf8_strlen(labels[i], -1) + 1;
      if (hit) {
        for (int k = c + 1; k < f->cols; k++) {
          const char *v = cell_text(f, r, k);
          char *vs = b2j_squash(v);
          bool differs = *vs && strcmp(vs, sq) != 0;
          g_free(vs);
          if (differs) {
            g_free(sq);
            if (at) {
              const b2j_row *row = g_ptr_array_index(f->t->rows, r);
              *at = g_ptr_array_index(row->cells, k);
            }
            return g_strdup(v);
          }
        }
      }
      g_free(sq);
    }
  }
  return NULL;
}

static char *field_after(const form *f, const char *const *labels) {
  return field_after_at(f, labels, NULL);
}

/* The value of cell (r, c); the cell in *from (when from; NULL when none). */
static b2j_opt_dec number_from(const form *f, int r, int c, const b2j_cell **from) {
  b2j_opt_dec d = {false, {0, 0}};
  if (from)
    *from = NULL;
  if (c < 0)
    return d;
  /* The table's cell already holds its value (a wrapped number joined and
   * warned about by tables.c). */
  const b2j_row *row = g_ptr_array_index(f->t->rows, r);
  if ((guint)c < row->cells->len) {
    const b2j_cell *cell = g_ptr_array_index(row->cells, c);
    d = cell->value;
    if (from)
      *from = cell;
  }
  return d;
}

static b2j_opt_dec number_at(const form *f, int r, int c) { return number_from(f, r, c, NULL); }

/* A level cell's name: "产出指标 (50分)" → "产出指标"; a misread note or a
 * glyph off is the closed vocabulary's name, and says so. */
static char *clean_level(b2j_doc *doc, const b2j_table *t, int page, const char *s) {
  bool corrected = false;
  char *name = b2j_indicator_level(s, &corrected);
  if (corrected) {
    char *sq = b2j_squash(s);
    b2j_doc_warn(doc, "ocr_text_corrected", page, t->id,
                 "'%s' read as the indicator level '%s' (the closed list of level names)", sq,
                 name);
    g_free(sq);
  }
  return name;
}

/* Whether page `number` of the document was read by OCR. */
static bool page_ocrd(const b2j_doc *doc, int number) {
  for (guint i = 0; doc->pages && i < doc->pages->len; i++) {
    const b2j_page *pg = g_ptr_array_index(doc->pages, i);
    if (pg->number == number)
      return pg->source == B2J_SOURCE_OCR;
  }
  return false;
}

static bool has_han(const char *s) {
  for (const char *p = s; *p; p = g_utf8_next_char(p))
    if (g_unichar_get_script(g_utf8_get_char(p)) == G_UNICODE_SCRIPT_HAN)
      return true;
  return false;
}

/* Whether `l1` may stand over `l2` in some framework: its 一级 now, or 效益指标
 * over 服务对象满意度指标 (the older framework put satisfaction under
 * benefit). */
static bool level_fits(const char *l1, const char *l2) {
  const char *parent = b2j_indicator_level_parent(l2);
  if (!parent)
    return true;
  return strcmp(l1, parent) == 0 ||
         (strcmp(l2, "服务对象满意度指标") == 0 && strcmp(l1, "效益指标") == 0);
}

/* A row's 一级指标 on an OCR'd page when its cell says no level: the cell
 * holds only a line of a wrapped name (指标, 度指标, 满意) or marks, while its
 * 二级指标 is a name of the framework, which names its 一级. An empty cell
 * (merged from above) keeps the level above when that level may stand over
 * this 二级. Returns the level to use (owned by `l1`,
 * `prev` or static), and says so when it is read from the 二级. Born-digital
 * text is what it says: left. */
static const char *level1_from_level2(b2j_doc *doc, const b2j_table *t, int page, const char *l1,
                                      const char *l2, const char *prev) {
  if (l1 && b2j_indicator_level_known(l1))
    return l1;
  const char *parent = b2j_indicator_level_parent(l2);
  if (!l1 && prev && (!l2 || level_fits(prev, l2)))
    return prev;
  if (!parent || !page_ocrd(doc, page))
    return l1 ? l1 : prev;
  /* A name of the report's own (项目产出) is not a misreading: only a cut
   * (the last line, 指标, or the first, 满意), a reading two glyphs off the
   * level (竣音度指标) or one with no Chinese in it gives way. */
  if (l1 && !g_str_has_suffix(parent, l1) && !g_str_has_prefix(parent, l1) &&
      !b2j_indicator_level_like(l1, parent) && has_han(l1))
    return l1;
  b2j_doc_warn(doc, "ocr_text_corrected", page, t->id,
               "一级指标 '%s' read as '%s', the level over 二级指标 '%s'", l1 ? l1 : "", parent, l2);
  return parent;
}

/* The nearest 二级指标 name from indicator `i` stepping by `step` over rows
 * of the same 一级指标 reading `cut` as well, or NULL. */
static const char *level2_beside(const b2j_doc *doc, guint first, guint i, int step) {
  const b2j_indicator *x = g_ptr_array_index(doc->indicators, i);
  for (gint64 j = (gint64)i + step; j >= (gint64)first && j < (gint64)doc->indicators->len; j += step) {
    const b2j_indicator *y = g_ptr_array_index(doc->indicators, (guint)j);
    if (!y->level1 || strcmp(y->level1, x->level1) != 0 || !y->level2)
      return NULL;
    if (b2j_indicator_level_known(y->level2))
      return y->level2;
    if (strcmp(y->level2, x->level2) != 0)
      return NULL;
  }
  return NULL;
}

/* 二级指标 cells of an OCR'd table holding only the last line of a wrapped
 * name (指标) between two names of the framework with one name between them
 * (社会效益指标, 指标, 可持续影响指标): that name. Indicators from `first`. */
static void level2_between(b2j_doc *doc, const b2j_table *t, guint first) {
  guint n = doc->indicators->len - first;
  /* All found before any is set: a run of rows reads the cut alike. */
  const char **names = g_new0(const char *, n + 1);
  for (guint i = first; i < doc->indicators->len; i++) {
    const b2j_indicator *x = g_ptr_array_index(doc->indicators, i);
    if (x->level1 && x->level2 && !b2j_indicator_level_known(x->level2) && page_ocrd(doc, x->page))
      names[i - first] = b2j_indicator_level_between(x->level1, level2_beside(doc, first, i, -1),
                                                     level2_beside(doc, first, i, 1), x->level2);
  }
  for (guint i = first; i < doc->indicators->len; i++) {
    b2j_indicator *x = g_ptr_array_index(doc->indicators, i);
    const char *name = names[i - first];
    if (!name)
      continue;
    b2j_doc_warn(doc, "ocr_text_corrected", x->page, t->id,
                 "二级指标 '%s' read as '%s', the level the framework puts between its neighbours",
                 x->level2, name);
    g_free(x->level2);
    x->level2 = g_strdup(name);
  }
  g_free(names);
}

/* Whether `sq` is a total word, or one with a stray glyph after it (总分人,
 * 总分昌: a speck read at the merged cell's end) when `loose`. */
static bool total_word(const char *sq, bool loose) {
  static const char *const T[] = {"总分", "合计", "总计", NULL};
  for (int i = 0; T[i]; i++) {
    if (strcmp(sq, T[i]) == 0)
      return true;
    if (loose && g_str_has_prefix(sq, T[i])) {
      const char *rest = sq + strlen(T[i]);
      if (*rest && !*g_utf8_next_char(rest))
        return true;
    }
  }
  return false;
}

/* A total row: a cell reads a total word; or a total word with a stray glyph
 * fills two cells or more, the label merged across the row's first columns
 * (a name that only starts so is in one cell). */
static bool row_is_total(const form *f, int r) {
  for (int c = 0; c < f->cols; c++) {
    char *sq = b2j_squash(cell_text(f, r, c));
    bool hit = total_word(sq, false);
    if (!hit && total_word(sq, true)) {
      char *next = b2j_squash(cell_text(f, r, c + 1));
      hit = strcmp(sq, next) == 0;
      g_free(next);
    }
    g_free(sq);
    if (hit)
      return true;
  }
  return false;
}

static void set_columns_from_row(b2j_table *t, const form *f, int r) {
  g_ptr_array_set_size(t->columns, 0);
  for (int c = 0; c < f->cols; c++) {
    char *sq = b2j_squash(cell_text(f, r, c));
    if (!*sq) {
      g_free(sq);
      sq = g_strdup_printf("列%d", c + 1);
    }
    g_ptr_array_add(t->columns, sq);
  }
}

/* The funds block's column words (by B2J_FUND_*): a header cell holding
 * the first is that column; the second, the whole word, is what a misread
 * header is measured against. */
static const char *const FUND_HEADS[B2J_FUND_AMOUNTS][2] = {
    {"年初预算", "年初预算数"}, {"全年预算", "全年预算数"}, {"执行数", "全年执行数"},
    {"分值", "分值"},           {"执行率", "执行率"},       {"得分", "得分"}};

/* Misread glyphs a header word of n glyphs may carry and still be known. */
static int fund_head_slack(glong n) { return n >= 5 ? 2 : n >= 3 ? 1 : 0; }

/* The columns of row r that head the funds block's amounts (col[k] by
 * B2J_FUND_*, -1 where none); returns how many were found. A cell holding a
 * word is its column. On an OCR'd page a cell a few glyphs from one word
 * not yet found is that word's too (年初否轴数, 全年执行，镍, 执行梧): the
 * nearest pairs first, so a cell as near two words (全年也碍数: two glyphs
 * from 全年预算数 and from 全年执行数) takes the one the others left. */
static int fund_columns(const b2j_doc *doc, const form *f, int r, int col[B2J_FUND_AMOUNTS]) {
  int found = 0;
  for (int k = 0; k < B2J_FUND_AMOUNTS; k++) {
    const char *one[] = {FUND_HEADS[k][0], NULL};
    col[k] = find_col(f, r, one);
    found += col[k] >= 0;
  }
  if (found == B2J_FUND_AMOUNTS || found == 0 || !page_ocrd(doc, cell_page(f, r)))
    return found;
  /* Edit distances of the free cells (first of a merged run) to the
   * missing words; INT_MAX where out of reach. */
  int dist[64][B2J_FUND_AMOUNTS];
  int ncol = MIN(f->cols, 64);
  gunichar *word[B2J_FUND_AMOUNTS];
  glong word_len[B2J_FUND_AMOUNTS];
  for (int k = 0; k < B2J_FUND_AMOUNTS; k++)
    word[k] = g_utf8_to_ucs4_fast(FUND_HEADS[k][1], -1, &word_len[k]);
  for (int c = 0; c < ncol; c++) {
    bool taken = false;
    for (int k = 0; k < B2J_FUND_AMOUNTS; k++)
      taken |= col[k] == c;
    char *sq = b2j_squash(cell_text(f, r, c));
    char *prev = c > 0 ? b2j_squash(cell_text(f, r, c - 1)) : NULL;
    bool repeat = prev && strcmp(prev, sq) == 0;
    glong n = 0;
    gunichar *u = g_utf8_to_ucs4_fast(sq, -1, &n);
    for (int k = 0; k < B2J_FUND_AMOUNTS; k++) {
      dist[c][k] = INT_MAX;
      if (taken || repeat || col[k] >= 0 || !n)
        continue;
      int slack = fund_head_slack(word_len[k]);
      int d = slack > 0 ? b2j_edit_distance(u, (int)n, word[k], (int)word_len[k], slack) : 1;
      if (d <= slack)
        dist[c][k] = d;
    }
    g_free(u);
    g_free(sq);
    g_free(prev);
  }
  for (int k = 0; k < B2J_FUND_AMOUNTS; k++)
    g_free(word[k]);
  for (int d = 1; d <= 2; d++) {
    bool more = true;
    while (more) {
      more = false;
      for (int c = 0; c < ncol; c++) {
        int hit = -1, hits = 0;
        for (int k = 0; k < B2J_FUND_AMOUNTS; k++)
          if (col[k] < 0 && dist[c][k] == d) {
            hit = k;
            hits++;
          }
        if (hits != 1)
          continue;
        int rivals = 0;
        for (int c2 = 0; c2 < ncol; c2++)
          rivals += c2 != c && dist[c2][hit] <= d;
        if (rivals)
          continue;
        col[hit] = c;
        found++;
        for (int k = 0; k < B2J_FUND_AMOUNTS; k++)
          dist[c][k] = INT_MAX;
        more = true;
      }
    }
  }
  return found;
}

/* The funds block's header row: the first row with 年初 and 执行数, or on an
 * OCR'd page the first with four of its column words known (above the
 * indicators); -1 when none. */
static int fund_header_row(const b2j_doc *doc, const form *f, int col[B2J_FUND_AMOUNTS]) {
  static const char *const HDR[] = {"年初", "执行数", NULL};
  static const char *const STOP[] = {"三级指标", "一级指标", NULL};
  int h = find_row(f, 0, HDR);
  if (h >= 0) {
    fund_columns(doc, f, h, col);
    return h;
  }
  for (int r = 0; r < f->rows && find_col(f, r, STOP) < 0; r++)
    if (fund_columns(doc, f, r, col) >= 4 && col[B2J_FUND_EXECUTED] >= 0 &&
        (col[B2J_FUND_INITIAL] >= 0 || col[B2J_FUND_ANNUAL] >= 0))
      return r;
  return -1;
}

static void read_funds(const b2j_doc *doc, const form *f, b2j_project *p) {
  int col[B2J_FUND_AMOUNTS];
  int h = fund_header_row(doc, f, col);
  if (h < 0)
    return;
  int ci = col[B2J_FUND_INITIAL], ca = col[B2J_FUND_ANNUAL], ce = col[B2J_FUND_EXECUTED],
      cw = col[B2J_FUND_WEIGHT], cr = col[B2J_FUND_RATE], cs = col[B2J_FUND_SCORE];
  int first_value = ci >= 0 ? ci : ca;
  if (first_value < 0)
    return;
  for (int r = h + 1; r < f->rows; r++) {
    static const char *const STOP[] = {"总体目标", "绩效指标", "一级指标", "预期目标", NULL};
    if (find_col(f, r, STOP) >= 0)
      break;
    /* The line's label is the nearest non-empty cell left of the values
     * that is not the block's own label (项目资金（万元）). */
    char *label = NULL;
    for (int c = first_value - 1; c >= 0 && !label; c--) {
      char *sq = b2j_squash(cell_text(f, r, c));
      if (*sq && !strstr(sq, "资金（") && !strstr(sq, "资金(") && !strstr(sq, "万元"))
        label = sq;
      else
        g_free(sq);
    }
    b2j_fund *fund = g_new0(b2j_fund, 1);
    fund->line = label;
    fund->initial_budget = number_from(f, r, ci, &fund->from[B2J_FUND_INITIAL]);
    fund->annual_budget = number_from(f, r, ca, &fund->from[B2J_FUND_ANNUAL]);
    fund->executed = number_from(f, r, ce, &fund->from[B2J_FUND_EXECUTED]);
    fund->weight = number_from(f, r, cw, &fund->from[B2J_FUND_WEIGHT]);
    fund->execution_rate = number_from(f, r, cr, &fund->from[B2J_FUND_RATE]);
    fund->score = number_from(f, r, cs, &fund->from[B2J_FUND_SCORE]);
    if (!label && !fund->annual_budget.present && !fund->executed.present) {
      b2j_fund_free(fund);
      continue;
    }
    if (!fund->line)
      fund->line = g_strdup("");
    g_ptr_array_add(p->funds, fund);
  }
}

/* Level-2 names a goal table prints glued before the indicator's name. */
static const char *const LEVEL2_NAMES[] = {
    "服务对象满意度指标", "可持续影响指标", "经济效益指标", "社会效益指标", "生态效益指标",
    "经济成本指标", "社会成本指标", "生态环境成本指标", "数量指标", "质量指标", "时效指标",
    "成本指标", "满意度指标", NULL};

/* A 度量单位 cell names a unit, never a number. On an OCR'd page a lone %
 * whose rings were read as digits or o beside it (9%0, o%o) is that %;
 * the correction is recorded. Returns `u` or "%" (static). */
static const char *goal_unit(b2j_doc *doc, const b2j_table *t, int page, const char *u) {
  if (!u || !strchr(u, '%') || strcmp(u, "%") == 0 || !page_ocrd(doc, page))
    return u;
  int pct = 0;
  for (const char *p = u; *p; p++) {
    if (*p == '%')
      pct++;
    else if (!g_ascii_isdigit(*p) && *p != 'o' && *p != 'O' && *p != ' ')
      return u;
  }
  if (pct != 1)
    return u;
  b2j_doc_warn(doc, "ocr_text_corrected", page, t->id,
               "'%s' in a unit column read as '%%' (a unit column holds no number)", u);
  return "%";
}

/* The distinct texts of row r, in order, joined; "" for an empty row.
 * g_free. */
static char *row_distinct_text(const form *f, int r, int *n_distinct) {
  GString *g = g_string_new(NULL);
  GPtrArray *seen = g_ptr_array_new();
  for (int c = 0; c < f->cols; c++) {
    const char *tx = cell_text(f, r, c);
    bool dup = !*tx;
    for (guint k = 0; k < seen->len && !dup; k++)
      dup = strcmp(g_ptr_array_index(seen, k), tx) == 0;
    if (dup)
      continue;
    g_ptr_array_add(seen, (gpointer)tx);
    g_string_append(g, tx);
  }
  *n_distinct = (int)seen->len;
  g_ptr_array_free(seen, TRUE);
  char *raw = g_string_free(g, FALSE);
  char *sq = b2j_squash(raw);
  g_free(raw);
  return sq;
}

/* A row above a goal table's header that is the table's title read inside
 * its frame (财政投资评审经费绩效目标, split by OCR into two cells at most):
 * no digits, and a title's words. A field row (项目名称 | its name) is not. */
static bool goal_title_row(const form *f, int r) {
  int n = 0;
  char *tx = row_distinct_text(f, r, &n);
  bool digit = false;
  for (const char *p = tx; *p; p++)
    digit |= g_ascii_isdigit(*p) != 0;
  bool title = n >= 1 && n <= 2 && !digit && (strstr(tx, "绩效") || g_str_has_suffix(tx, "表"));
  g_free(tx);
  return title;
}

static void read_goal_table(b2j_doc *doc, b2j_table *t, const form *f) {
  static const char *const HDR[] = {"三级指标", "指标值", NULL};
  int h = find_row(f, 0, HDR);
  if (h < 0)
    return;
  set_columns_from_row(t, f, h);
  static const char *const NAME[] = {"三级指标", NULL}, *const NATURE[] = {"指标性质", NULL},
                           *const VAL[] = {"指标值", NULL}, *const UNIT[] = {"度量单位", "计量单位", NULL},
                           *const W[] = {"权重", "分值", NULL}, *const L1[] = {"一级指标", NULL},
                           *const L2[] = {"二级指标", NULL};
  int cn = find_col(f, h, NAME), cnat = find_col(f, h, NATURE), cv = find_col(f, h, VAL),
      cu = find_col(f, h, UNIT), cw = find_col(f, h, W), c1 = find_col(f, h, L1),
      c2 = find_col(f, h, L2);
  for (int r = h + 1; r < f->rows; r++) {
    const char *name_raw = cell_text(f, r, cn);
    if (!*name_raw)
      continue;
    b2j_indicator *x = g_new0(b2j_indicator, 1);
    x->table = g_strdup(t->id);
    x->level1 = c1 >= 0 ? clean_level(doc, t, cell_page(f, r), cell_text(f, r, c1)) : NULL;
    x->level2 = c2 >= 0 ? clean_level(doc, t, cell_page(f, r), cell_text(f, r, c2)) : NULL;
    const char *name = name_raw;
    if (!x->level2)
      for (int i = 0; LEVEL2_NAMES[i]; i++)
        if (g_str_has_prefix(name_raw, LEVEL2_NAMES[i])) {
          x->level2 = g_strdup(LEVEL2_NAMES[i]);
          name = name_raw + strlen(LEVEL2_NAMES[i]);
          break;
        }
    x->name = g_strdup(name);
    if (cnat >= 0 || cu >= 0)
      b2j_expr_parse_parts(cnat >= 0 ? cell_text(f, r, cnat) : NULL, cell_text(f, r, cv),
                           cu >= 0 ? goal_unit(doc, t, cell_page(f, r), cell_text(f, r, cu)) : NULL,
                           &x->target);
    else
      b2j_expr_parse(cell_text(f, r, cv), &x->target);
    x->weight = number_from(f, r, cw, &x->weight_from);
    x->page = cell_page(f, r);
    g_ptr_array_add(doc->indicators, x);
  }
  /* A header that opens the table (nothing above it but the table's title)
   * is its columns, not a body row; the title rows go to the title. */
  bool opens = true;
  for (int r = 0; r < h && opens; r++)
    opens = goal_title_row(f, r);
  if (!opens)
    return;
  if (!t->title && h > 0) {
    GString *g = g_string_new(NULL);
    for (int r = 0; r < h; r++) {
      int n = 0;
      char *tx = row_distinct_text(f, r, &n);
      g_string_append(g, tx);
      g_free(tx);
    }
    t->title = g_string_free(g, FALSE);
  }
  g_ptr_array_remove_range(t->rows, 0, (guint)h + 1);
}

/* `s` past the marks a scan puts before a text's first Chinese glyph (a
 * stroke read -, a speck read . or ”): a pointer into s, or s itself when
 * there are none or no Chinese glyph follows them. */
static const char *past_lead_marks(const char *s) {
  const char *p = s;
  for (;;) {
    gunichar c = g_utf8_get_char(p);
    if (!*p || !(c < 0x80 ? strchr("-.,'`~_:;", (int)c) != NULL : c == 0x201D || c == 0x2019))
      break;
    p = g_utf8_next_char(p);
  }
  return p != s && *p && g_unichar_get_script(g_utf8_get_char(p)) == G_UNICODE_SCRIPT_HAN ? p : s;
}

/* An OCR'd target or actual without marks before its words (-逐步扩大, ”符合);
 * the correction is recorded. Returns a pointer into `text`. */
static const char *ocr_value_text(b2j_doc *doc, const b2j_table *t, int page, const char *text) {
  const char *p = past_lead_marks(text);
  if (p != text)
    b2j_doc_warn(doc, "ocr_text_corrected", page, t->id, "'%s' read as '%s' (a mark before it)",
                 text, p);
  return p;
}

/* An OCR'd indicator name: a mark before its first glyph (-减轻群众负担,
 * .政策知晓率) goes; a rate's 率 or a count's 量/数 misread is that word. Each
 * correction is recorded. */
static void correct_ocr_name(b2j_doc *doc, const b2j_table *t, int page, b2j_indicator *x) {
  const char *p = past_lead_marks(x->name);
  if (p != x->name) {
    b2j_doc_warn(doc, "ocr_text_corrected", page, t->id,
                 "indicator name '%s' read as '%s' (a mark before it)", x->name, p);
    char *s = g_strdup(p);
    g_free(x->name);
    x->name = s;
  }
  char *fixed = b2j_indicator_name_rate(x->name);
  const char *why = "a rate's 率 misread";
  if (!fixed) {
    fixed = b2j_indicator_name_count(x->name);
    why = "a count's 量 or 数 misread";
  }
  if (fixed) {
    b2j_doc_warn(doc, "ocr_text_corrected", page, t->id, "indicator name '%s' read as '%s' (%s)",
                 x->name, fixed, why);
    g_free(x->name);
    x->name = fixed;
  }
}

/* On an OCR'd page a blurred 得分 header may read as anything (1853 on
 * a 150 dpi scan), and the form's scores would be lost. The framework
 * prints 得分 right after 分值: the column there is 得分 when its header is
 * none of the form's other columns and at least half the rows that have a
 * 分值 have a number in it. -1 when it is not. */
static int score_col_after_weight(const b2j_doc *doc, const form *f, int h, int cw,
                                  const int *taken, int n_taken) {
  int c = cw + 1;
  if (cw < 0 || c >= f->cols || !page_ocrd(doc, cell_page(f, h)))
    return -1;
  for (int i = 0; i < n_taken; i++)
    if (taken[i] == c)
      return -1;
  int weighted = 0, scored = 0;
  for (int r = h + 1; r < f->rows; r++) {
    if (!number_at(f, r, cw).present)
      continue;
    weighted++;
    scored += number_at(f, r, c).present;
  }
  return weighted > 0 && 2 * scored >= weighted ? c : -1;
}

void b2j_interpret_performance(b2j_doc *doc, b2j_table *t, const GPtrArray *matrices) {
  (void)matrices;
  form f = form_of(t);
  if (strcmp(t->kind, "indicator_goals") == 0) {
    read_goal_table(doc, t, &f);
    return;
  }
  bool project = strcmp(t->kind, "project_performance") == 0;
  b2j_project *p = NULL;
  if (project) {
    p = g_new0(b2j_project, 1);
    p->table = g_strdup(t->id);
    static const char *const AUTH[] = {"主管部门", NULL};
    static const char *const IMPL[] = {"实施单位", NULL};
    p->name = field_after(&f, PROJECT_NAME_LABELS);
    p->authority = field_after(&f, AUTH);
    p->implementer = field_after(&f, IMPL);
    p->funds = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_fund_free);
    read_funds(doc, &f, p);
  }

  static const char *const HDR[] = {"三级指标", NULL};
  int h = find_row(&f, 0, HDR);
  if (h >= 0) {
    set_columns_from_row(t, &f, h);
    static const char *const L1[] = {"一级指标", NULL}, *const L2[] = {"二级指标", NULL},
                             *const L3[] = {"三级指标", NULL},
                             *const TGT[] = {"年度指标值", "指标值", "目标值", "年度指标", NULL},
                             *const ACT[] = {"实际完成", "完成值", NULL},
                             *const W[] = {"分值", "权重", NULL}, *const S[] = {"得分", NULL},
                             *const NOTE[] = {"原因", "措施", "备注", NULL};
    int c1 = find_col(&f, h, L1), c2 = find_col(&f, h, L2), c3 = find_col(&f, h, L3),
        ct = find_col(&f, h, TGT), ca = find_col(&f, h, ACT), cw = find_col(&f, h, W),
        cs = find_col(&f, h, S), cn = find_col(&f, h, NOTE);
    if (cs < 0) {
      const int taken[] = {c1, c2, c3, ct, ca, cn};
      cs = score_col_after_weight(doc, &f, h, cw, taken, (int)G_N_ELEMENTS(taken));
      if (cs >= 0)
        b2j_doc_warn(doc, "ocr_text_corrected", cell_page(&f, h), t->id,
                     "%s: header '%s' after 分值 read as 得分 (its column holds the scores)",
                     t->id, cell_text(&f, h, cs));
    }
    const char *prev_l1 = NULL, *prev_l2 = NULL;
    guint first = doc->indicators->len;
    for (int r = h + 1; r < f.rows; r++) {
      if (row_is_total(&f, r)) {
        if (p) {
          p->total_weight = number_from(&f, r, cw, &p->total_weight_from);
          p->total_score = number_from(&f, r, cs, &p->total_score_from);
        }
        break;
      }
      const char *name = cell_text(&f, r, c3);
      const char *tgt = ct >= 0 ? cell_text(&f, r, ct) : "";
      const char *act = ca >= 0 ? cell_text(&f, r, ca) : "";
      if (!*name && !*tgt && !*act)
        continue;
      /* Filler rows ("指标2:" or "....." with nothing to measure) are not
       * indicators. */
      if (!*tgt && !*act && !number_at(&f, r, cw).present && !number_at(&f, r, cs).present)
        continue;
      /* A header row repeated on a continuation page is not an indicator. */
      char *sqn = b2j_squash(name);
      bool header_again = strcmp(sqn, "三级指标") == 0;
      g_free(sqn);
      if (header_again)
        continue;
      b2j_indicator *x = g_new0(b2j_indicator, 1);
      x->table = g_strdup(t->id);
      x->project = p && p->name ? g_strdup(p->name) : NULL;
      x->level1 = c1 >= 0 ? clean_level(doc, t, cell_page(&f, r), cell_text(&f, r, c1)) : NULL;
      x->level2 = c2 >= 0 ? clean_level(doc, t, cell_page(&f, r), cell_text(&f, r, c2)) : NULL;
      /* 一级/二级 cells are merged down their rows; where a page break or a
       * lost rule leaves one empty, the row inherits from the row above. */
      if (c1 >= 0) {
        const char *l1 = level1_from_level2(doc, t, cell_page(&f, r), x->level1, x->level2, prev_l1);
        if (l1 != x->level1) {
          g_free(x->level1);
          x->level1 = g_strdup(l1);
        }
      }
      if (!x->level1 && prev_l1)
        x->level1 = g_strdup(prev_l1);
      if (!x->level2 && prev_l2 && x->level1 && prev_l1 && strcmp(x->level1, prev_l1) == 0)
        x->level2 = g_strdup(prev_l2);
      prev_l1 = x->level1;
      prev_l2 = x->level2;
      x->name = g_strdup(name);
      if (page_ocrd(doc, cell_page(&f, r))) {
        correct_ocr_name(doc, t, cell_page(&f, r), x);
        tgt = ocr_value_text(doc, t, cell_page(&f, r), tgt);
        act = ocr_value_text(doc, t, cell_page(&f, r), act);
      }
      b2j_expr_parse(tgt, &x->target);
      b2j_expr_parse(act, &x->actual);
      x->weight = number_from(&f, r, cw, &x->weight_from);
      x->score = number_from(&f, r, cs, &x->score_from);
      const char *note = cn >= 0 ? cell_text(&f, r, cn) : "";
      x->note = *note ? g_strdup(note) : NULL;
      x->page = cell_page(&f, r);
      g_ptr_array_add(doc->indicators, x);
    }
    level2_between(doc, t, first);
  }
  if (p)
    g_ptr_array_add(doc->projects, p);
}

/* ---------- project names from the document's own text ---------- */

/* A project's name is read once, in its table's 项目名称 cell, and every
 * indicator of the project carries it: one misread glyph there loses them
 * all. The same name is printed again in the report's prose and goals
 * (保障人事考试经费顺利实施, 人事考试经费2022年度全年预算数…), read
 * elsewhere on the page or from another page. */

/* Most edits a name of n characters may take from the text: a quarter of
 * it, at least one. */
static int name_edit_limit(int n) {
  return MAX(1, n / 4);
}

/* The windows of t nearest to p by edit distance, any start and end
 * (Sellers' alignment): their distance; each window's start and length are
 * appended to `windows` (pairs of ints), the shortest for each end. */
static int nearest_windows(const gunichar *p, int np, const gunichar *t, int nt,
                           GArray *windows) {
  int *d = g_new(int, (gsize)(nt + 1)), *nd = g_new(int, (gsize)(nt + 1));
  int *s = g_new(int, (gsize)(nt + 1)), *ns = g_new(int, (gsize)(nt + 1));
  for (int j = 0; j <= nt; j++) {
    d[j] = 0;
    s[j] = j;
  }
  for (int i = 1; i <= np; i++) {
    nd[0] = i;
    ns[0] = 0;
    for (int j = 1; j <= nt; j++) {
      int best = d[j - 1] + (p[i - 1] != t[j - 1]), from = s[j - 1];
      /* Ties go to the later start: the shorter window. */
      if (d[j] + 1 < best || (d[j] + 1 == best && s[j] > from)) {
        best = d[j] + 1;
        from = s[j];
      }
      if (nd[j - 1] + 1 < best || (nd[j - 1] + 1 == best && ns[j - 1] > from)) {
        best = nd[j - 1] + 1;
        from = ns[j - 1];
      }
      nd[j] = best;
      ns[j] = from;
    }
    int *x = d;
    d = nd;
    nd = x;
    x = s;
    s = ns;
    ns = x;
  }
  int best = np + 1;
  for (int j = 1; j <= nt; j++)
    best = MIN(best, d[j]);
  for (int j = 1; j <= nt; j++) {
    if (d[j] == best) {
      int w[2] = {s[j], j - s[j]};
      g_array_append_vals(windows, w, 2);
    }
  }
  g_free(d);
  g_free(nd);
  g_free(s);
  g_free(ns);
  return best;
}

/* Digits and Chinese numerals, which tell projects apart (第一批, 第二批,
 * 2022年): never taken from another text. */
static bool is_numeral(gunichar c) {
  return g_unichar_isdigit(c) || g_utf8_strchr("〇零一二三四五六七八九十百千万", -1, c) != NULL;
}

static bool same_numerals(const gunichar *a, int na, const gunichar *b, int nb) {
  int i = 0, j = 0;
  for (;;) {
    while (i < na && !is_numeral(a[i]))
      i++;
    while (j < nb && !is_numeral(b[j]))
      j++;
    if (i == na || j == nb)
      return i == na && j == nb;
    if (a[i++] != b[j++])
      return false;
  }
}

/* `b` is `a` without a lone numeral glyph after its last Chinese glyph
 * (区级扶贫捐款专项资金四): a speck read as 四 or 一 is no batch number, which
 * is printed 第二批 or （二）. */
static bool trailing_numeral_dropped(const gunichar *a, int na, const gunichar *b, int nb) {
  return nb >= 2 && na == nb + 1 && is_numeral(a[na - 1]) && !g_unichar_isdigit(a[na - 1]) &&
         !is_numeral(a[na - 2]) && g_unichar_get_script(a[na - 2]) == G_UNICODE_SCRIPT_HAN &&
         memcmp(a, b, (size_t)nb * sizeof *a) == 0;
}

/* A name's ends are a character or a closing bracket, not punctuation
 * (a window running into a comma). */
static bool name_end_ok(gunichar c, bool last) {
  if (g_unichar_isalnum(c))
    return true;
  return last && (c == ')' || c == 0xFF09);
}

static bool box_inside(const b2j_box *in, const b2j_box *out) {
  const double slack = 1.0;
  return in->x0 >= out->x0 - slack && in->x1 <= out->x1 + slack && in->y0 >= out->y0 - slack &&
         in->y1 <= out->y1 + slack;
}

typedef struct {
  char *text; /* a window of the document's text */
  int texts;  /* its votes: the words it is a nearest window of, weighted */
} near_text;

/* Han, digits and letters, and the rest. */
static int script_class(gunichar c) {
  if (g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN)
    return 0;
  return g_unichar_isalnum(c) ? 1 : 2;
}

/* Whether a name can end between t[i - 1] and t[i]. */
static bool script_boundary(const gunichar *t, int nt, int i) {
  return i <= 0 || i >= nt || script_class(t[i - 1]) != script_class(t[i]);
}

/* A window's vote: one, and one more for each end at a script boundary. */
static int window_weight(const gunichar *t, int nt, int st, int len) {
  return 1 + script_boundary(t, nt, st) + script_boundary(t, nt, st + len);
}

static void near_text_clear(gpointer p) {
  g_free(((near_text *)p)->text);
}

/* The text the document prints nearest to `name` (read in `cell`) within
 * the edit limit, in more of its words than any other such text; or NULL
 * (else g_free) when the name is printed as read, or nothing is near, or
 * two texts are equally good. A name's ends are uncertain in running text
 * (经费2022年度, 经费顺利实施), which is why the words vote. */
static char *name_from_text(const b2j_doc *doc, const char *name, const b2j_cell *cell) {
  glong n = 0;
  gunichar *p = g_utf8_to_ucs4_fast(name, -1, &n);
  int limit = name_edit_limit((int)n);
  int best = limit + 1;
  GArray *cands = g_array_new(FALSE, FALSE, sizeof(near_text));
  g_array_set_clear_func(cands, near_text_clear);
  GArray *win = g_array_new(FALSE, FALSE, sizeof(int));
  for (guint pi = 0; pi < doc->pages->len && best > 0; pi++) {
    const b2j_page *page = g_ptr_array_index(doc->pages, pi);
    for (guint wi = 0; wi < page->words->len && best > 0; wi++) {
      const b2j_word *w = &g_array_index(page->words, b2j_word, wi);
      if (cell->has_box && page->number == cell->page && box_inside(&w->box, &cell->box))
        continue;
      glong nt = 0;
      gunichar *t = g_utf8_to_ucs4_fast(w->text, -1, &nt);
      g_array_set_size(win, 0);
      int d = nt >= n - limit ? nearest_windows(p, (int)n, t, (int)nt, win) : limit + 1;
      if (d <= limit && d <= best) {
        if (d < best)
          g_array_set_size(cands, 0);
        best = d;
        /* Of one word's windows, those whose ends fall where the script
         * changes (经费|2022年度) are the name; each votes that much more. */
        int top_w = 0;
        for (guint k = 0; k + 1 < win->len; k += 2) {
          int st = g_array_index(win, int, k), len = g_array_index(win, int, k + 1);
          top_w = MAX(top_w, window_weight(t, (int)nt, st, len));
        }
        GPtrArray *seen = g_ptr_array_new_with_free_func(g_free);
        for (guint k = 0; k + 1 < win->len; k += 2) {
          int st = g_array_index(win, int, k), len = g_array_index(win, int, k + 1);
          if (window_weight(t, (int)nt, st, len) < top_w)
            continue;
          char *txt = len > 0 ? g_ucs4_to_utf8(t + st, len, NULL, NULL, NULL) : NULL;
          bool dup = !txt;
          for (guint q = 0; q < seen->len && !dup; q++)
            dup = strcmp(g_ptr_array_index(seen, q), txt) == 0;
          if (dup) {
            g_free(txt);
            continue;
          }
          g_ptr_array_add(seen, g_strdup(txt));
          guint c = 0;
          while (c < cands->len && strcmp(g_array_index(cands, near_text, c).text, txt) != 0)
            c++;
          if (c < cands->len) {
            g_array_index(cands, near_text, c).texts += top_w;
            g_free(txt);
          } else {
            near_text nt2 = {txt, top_w};
            g_array_append_val(cands, nt2);
          }
        }
        g_ptr_array_unref(seen);
      }
      g_free(t);
    }
  }
  char *out = NULL;
  int top = 0, n_top = 0;
  const char *pick = NULL;
  for (guint c = 0; best > 0 && best <= limit && c < cands->len; c++) {
    const near_text *x = &g_array_index(cands, near_text, c);
    if (x->texts > top) {
      top = x->texts;
      n_top = 1;
      pick = x->text;
    } else if (x->texts == top) {
      n_top++;
    }
  }
  if (pick && n_top == 1) {
    glong m = 0;
    gunichar *c = g_utf8_to_ucs4_fast(pick, -1, &m);
    if (m > 0 && name_end_ok(c[0], false) && name_end_ok(c[m - 1], true) &&
        (same_numerals(p, (int)n, c, (int)m) || trailing_numeral_dropped(p, (int)n, c, (int)m)))
      out = g_strdup(pick);
    g_free(c);
  }
  g_array_free(win, TRUE);
  g_array_free(cands, TRUE);
  g_free(p);
  return out;
}

static const b2j_table *table_by_id(const b2j_doc *doc, const char *id) {
  for (guint i = 0; i < doc->tables->len; i++) {
    const b2j_table *t = g_ptr_array_index(doc->tables, i);
    if (strcmp(t->id, id) == 0)
      return t;
  }
  return NULL;
}

/* Whether `text` is, or is within the edit limit of, the name of a project
 * other than `self`: two projects of one report may differ by a word. */
static bool near_other_project(const b2j_doc *doc, const b2j_project *self, const char *text) {
  glong n = 0;
  gunichar *a = g_utf8_to_ucs4_fast(text, -1, &n);
  bool near = false;
  for (guint i = 0; i < doc->projects->len && !near; i++) {
    const b2j_project *q = g_ptr_array_index(doc->projects, i);
    if (q == self || !q->name)
      continue;
    glong m = 0;
    gunichar *b = g_utf8_to_ucs4_fast(q->name, -1, &m);
    int limit = name_edit_limit((int)n);
    near = b2j_edit_distance(a, (int)n, b, (int)m, limit) <= limit;
    g_free(b);
  }
  g_free(a);
  return near;
}

void b2j_projects_named_from_text(b2j_doc *doc) {
  /* A name OCR read with confidence stands. */
  const double sure = 0.9;
  for (guint i = 0; i < doc->projects->len; i++) {
    b2j_project *p = g_ptr_array_index(doc->projects, i);
    const b2j_table *t = p->name && p->table ? table_by_id(doc, p->table) : NULL;
    if (!t)
      continue;
    form f = form_of(t);
    const b2j_cell *cell = NULL;
    char *read = field_after_at(&f, PROJECT_NAME_LABELS, &cell);
    bool applies = read && cell && strcmp(read, p->name) == 0 && page_ocrd(doc, cell->page) &&
                   cell->confidence >= 0 && cell->confidence < sure;
    g_free(read);
    if (!applies)
      continue;
    char *name = name_from_text(doc, p->name, cell);
    if (!name || near_other_project(doc, p, name)) {
      g_free(name);
      continue;
    }
    b2j_doc_warn(doc, "ocr_text_corrected", cell->page, t->id,
                 "project name '%s' read as '%s', as the report prints it elsewhere", p->name,
                 name);
    for (guint k = 0; k < doc->indicators->len; k++) {
      b2j_indicator *x = g_ptr_array_index(doc->indicators, k);
      if (x->project && x->table && strcmp(x->table, p->table) == 0 &&
          strcmp(x->project, p->name) == 0) {
        g_free(x->project);
        x->project = g_strdup(name);
      }
    }
    g_free(p->name);
    p->name = name;
  }
}
