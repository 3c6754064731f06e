/* The arithmetic of the standard tables: sums inside a table, row identities,
 * balance identities of the summary tables, and identities across tables.
 * See validate.h for the contract. */
#include "validate.h"

#include <stdarg.h>
#include <string.h>

#include "validate_internal.h"

static const char *const STD_KIND[V_N] = {
    "income_expenditure_summary", "income",         "expenditure",   "appropriation_summary",
    "general_budget_expenditure", "basic_expenditure_detail", "government_fund",
    "state_capital",              "three_public"};

/* How a missing table is named in messages. */
static const char *const STD_NAME[V_N] = {
    "公开01表 收入支出(决算)总表", "公开02表 收入(决算)表", "公开03表 支出(决算)表",
    "公开04表 财政拨款收入支出(决算)总表", "公开05表 一般公共预算财政拨款支出(决算)表",
    "公开06表 一般公共预算财政拨款基本支出(决算)明细表",
    "公开07表 政府性基金预算财政拨款收入支出(决算)表",
    "公开08表 国有资本经营预算财政拨款支出(决算)表", "公开09表 财政拨款“三公”经费支出(决算)表"};

/* ====================================================================== */
/* Row view of a table                                                    */
/* ====================================================================== */

typedef enum { R_VALUE, R_CODE, R_PART, R_NAME, R_SKIP } role;

static role role_of(const char *label) {
  char *k = b2j_text_match_key(label);
  const char *leaf = strrchr(k, '/') ? strrchr(k, '/') + 1 : k;
  role r = R_VALUE;
  if (strstr(leaf, "行次") || strstr(leaf, "栏次") || strcmp(leaf, "序号") == 0)
    r = R_SKIP;
  else if (strcmp(leaf, "类") == 0 || strcmp(leaf, "款") == 0 || strcmp(leaf, "项") == 0 ||
           strcmp(leaf, "类款项") == 0 || (strstr(leaf, "分类") && !strstr(leaf, "名称")))
    r = R_PART; /* "支出功能分类" over the 类 column; "功能分类科目" over code (and name) */
  else if (strstr(k, "编码") || strstr(k, "代码") || strcmp(leaf, "科目编号") == 0)
    r = R_CODE;
  else if (strstr(leaf, "名称") || strcmp(leaf, "项目") == 0 || strcmp(leaf, "科目") == 0 ||
           strcmp(leaf, "科目名称") == 0)
    r = R_NAME;
  g_free(k);
  return r;
}

/* Drops list numbering and "其中：" from a match key: "一、", "(一)", "1.", "1、". */
static char *strip_numbering(const char *k) {
  const char *p = k;
  if (g_str_has_prefix(p, "其中:"))
    p += strlen("其中:");
  const char *d = strstr(p, "、");
  if (d && g_utf8_strlen(p, d - p) <= 4)
    p = d + strlen("、");
  else if (*p == '(') {
    const char *e = strchr(p, ')');
    if (e && g_utf8_strlen(p, e - p) <= 4)
      p = e + 1;
  } else if (g_ascii_isdigit(*p)) {
    const char *q = p;
    while (g_ascii_isdigit(*q))
      q++;
    if (*q == '.' && !g_ascii_isdigit(q[1]) && q - p <= 2)
      p = q + 1;
  }
  return g_strdup(p);
}

static void vline_free(gpointer p) {
  vline *l = p;
  g_free(l->name);
  g_free(l->key);
  g_free(l);
}

const b2j_cell *v_cellp(const vtable *vt, int row, int col) {
  if (row < 0 || col < 0 || (guint)row >= vt->t->rows->len)
    return NULL;
  const b2j_row *r = g_ptr_array_index(vt->t->rows, row);
  if ((guint)col >= r->cells->len)
    return NULL;
  return g_ptr_array_index(r->cells, col);
}

static const char *cell_text(const vtable *vt, int row, int col) {
  const b2j_cell *c = v_cellp(vt, row, col);
  return c && c->text ? c->text : "";
}

const char *v_label(const vtable *vt, int col) {
  if (col < 0 || (guint)col >= vt->t->columns->len)
    return "";
  return g_ptr_array_index(vt->t->columns, col);
}

cv_kind v_cell(const vtable *vt, int row, int col, b2j_dec *out) {
  *out = b2j_dec_from_int(0);
  const b2j_cell *c = v_cellp(vt, row, col);
  if (!c)
    return CV_BLANK;
  if (c->value.present) {
    *out = c->value.value;
    return CV_NUM;
  }
  b2j_number n;
  if (b2j_number_parse(c->text, &n)) {
    *out = n.value;
    return CV_NUM;
  }
  switch (n.kind) {
  case B2J_NUM_SPLIT:
    /* "13735978.4 3": a number wrapped in its cell. The checks read it
     * joined and say so (v_cell_split); the cell itself is not changed. */
    *out = n.value;
    return CV_NUM;
  case B2J_NUM_EMPTY:
  case B2J_NUM_ZERO_DASH:
  case B2J_NUM_SLASH:
  case B2J_NUM_NONE_WORD:
    return CV_BLANK;
  default:
    return CV_BAD;
  }
}

bool v_cell_split(const vtable *vt, int row, int col) {
  const b2j_cell *c = v_cellp(vt, row, col);
  b2j_number n;
  return c && !c->value.present && !b2j_number_parse(c->text, &n) && n.kind == B2J_NUM_SPLIT;
}

/* Splits "2101101 行政单位医疗" or "2101101行政单位医疗" into code and name. */
static bool leading_code(const char *text, char code[B2J_CODE_MAX], const char **rest) {
  size_t off = 0;
  if (!b2j_subject_code_prefix(text, code, &off))
    return false;
  *rest = text + off;
  return true;
}

char *v_squash(const char *s) {
  GString *out = g_string_new(NULL);
  for (const char *p = s ? s : ""; *p; p = g_utf8_next_char(p)) {
    gunichar u = g_utf8_get_char(p);
    if (!g_unichar_isspace(u) && u != 0x3000)
      g_string_append_unichar(out, u);
  }
  return g_string_free(out, FALSE);
}

static vtable *vtable_new(const b2j_table *t) {
  vtable *vt = g_new0(vtable, 1);
  vt->t = t;
  vt->groups = g_array_new(FALSE, TRUE, sizeof(vgroup));
  vt->lines = g_ptr_array_new_with_free_func(vline_free);
  vt->desc = g_strdup_printf("%s%s%s%s%s", t->id, t->form ? " " : "", t->form ? t->form : "",
                             t->title ? " " : "", t->title ? t->title : "");
  guint ncol = t->columns->len;
  /* Roles; a column whose header was not read ("列9") is a value column
   * only if it holds numbers. */
  int *roles = g_new0(int, MAX(1u, ncol));
  for (guint c = 0; c < ncol; c++) {
    const char *lab = g_ptr_array_index(t->columns, c);
    roles[c] = role_of(lab);
    if (g_str_has_prefix(lab, "列") && g_ascii_isdigit(lab[strlen("列")])) {
      bool num = false;
      for (guint r = 0; r < t->rows->len && !num; r++) {
        const b2j_row *row = g_ptr_array_index(t->rows, r);
        num = c < row->cells->len &&
              ((const b2j_cell *)g_ptr_array_index(row->cells, c))->value.present;
      }
      if (!num)
        roles[c] = R_SKIP;
    }
  }
  /* Groups: code/name columns, then value columns (skipped columns may sit
   * among the values). */
  guint c = 0;
  while (c < ncol) {
    vgroup g = {{0}, 0, {0}, 0, 0, 0};
    guint start = c;
    while (c < ncol && roles[c] != R_VALUE) {
      if ((roles[c] == R_CODE || roles[c] == R_PART) && g.n_code < V_MAX_CODE_COLS)
        g.code_cols[g.n_code++] = (int)c;
      else if (roles[c] == R_NAME && g.n_name < V_MAX_NAME_COLS)
        g.name_cols[g.n_name++] = (int)c;
      c++;
    }
    g.v0 = (int)c;
    while (c < ncol && (roles[c] == R_VALUE ||
                        (roles[c] == R_SKIP && c + 1 < ncol && roles[c + 1] == R_VALUE)))
      c++;
    g.v1 = (int)c;
    if (c == start)
      c++;
    g_array_append_val(vt->groups, g);
  }
  vt->roles = roles;
  /* Precision: the most digits after the point any value cell prints. */
  for (guint r = 0; r < t->rows->len; r++)
    for (guint gi = 0; gi < vt->groups->len; gi++) {
      vgroup *g = &g_array_index(vt->groups, vgroup, gi);
      for (int k = g->v0; k < g->v1; k++) {
        b2j_dec d;
        if (v_cell(vt, (int)r, k, &d) == CV_NUM && d.scale > vt->prec && d.scale <= 6)
          vt->prec = d.scale;
      }
    }
  /* Lines. */
  for (guint r = 0; r < t->rows->len; r++)
    for (guint gi = 0; gi < vt->groups->len; gi++) {
      vgroup *g = &g_array_index(vt->groups, vgroup, gi);
      vline *l = g_new0(vline, 1);
      l->row = (int)r;
      l->group = (int)gi;
      /* The code: one code column, or 类/款/项 printed apart (joined);
       * a merged cell repeated across them counts once. */
      GString *cs = g_string_new(NULL);
      const char *nonnum = NULL, *first_code = NULL;
      bool all_same = true;
      for (int i = 0; i < g->n_code; i++) {
        const char *tx = cell_text(vt, (int)r, g->code_cols[i]);
        if (!first_code)
          first_code = tx;
        else if (strcmp(first_code, tx) != 0)
          all_same = false;
        bool digits = *tx != '\0';
        for (const char *p = tx; *p; p++)
          if (!g_ascii_isdigit(*p) && *p != ' ')
            digits = false;
        if (digits && cs->len && strlen(tx) == 1)
          g_string_append_c(cs, '0'); /* 款/项 "2" printed without its leading 0 */
        if (digits)
          g_string_append(cs, tx);
        else if (*tx && !nonnum)
          nonnum = tx;
      }
      bool have = false;
      if (g->n_code > 1 && all_same && first_code && *first_code)
        have = b2j_subject_code_parse(first_code, l->code);
      if (!have && cs->len)
        have = b2j_subject_code_parse(cs->str, l->code);
      g_string_free(cs, TRUE);
      const char *namet = "";
      for (int i = 0; i < g->n_name && !*namet; i++)
        namet = cell_text(vt, (int)r, g->name_cols[i]);
      if (!*namet && nonnum) {
        namet = nonnum; /* "合计" or "2101101 行政运行" printed in a code column */
        nonnum = NULL;
      }
      const char *rest = NULL;
      if (*namet) {
        if (!have && leading_code(namet, l->code, &rest)) {
          have = true;
          l->name = v_squash(rest);
        } else {
          l->name = v_squash(namet);
        }
      } else if (nonnum) {
        l->name = v_squash(nonnum); /* 合计 printed in the code column */
      } else {
        l->name = g_strdup("");
      }
      if (!have)
        l->code[0] = '\0';
      char *k = b2j_text_match_key(l->name);
      l->key = strip_numbering(k);
      g_free(k);
      const b2j_cell *first = v_cellp(vt, (int)r, 0);
      l->page = first ? first->page : 0;
      g_ptr_array_add(vt->lines, l);
    }
  return vt;
}

static void vtable_free(vtable *vt) {
  if (!vt)
    return;
  g_array_free(vt->groups, TRUE);
  g_ptr_array_free(vt->lines, TRUE);
  g_free(vt->roles);
  g_free(vt->desc);
  g_free(vt);
}

vline *v_line(const vtable *vt, int i) {
  if (i < 0 || (guint)i >= vt->lines->len)
    return NULL;
  return g_ptr_array_index(vt->lines, i);
}

static bool label_is(const char *label, const char *want) {
  char *k = b2j_text_match_key(label), *w = b2j_text_match_key(want);
  const char *leaf = strrchr(k, '/') ? strrchr(k, '/') + 1 : k;
  bool eq = strcmp(k, w) == 0 || strcmp(leaf, w) == 0;
  g_free(k);
  g_free(w);
  return eq;
}

int v_col(const vtable *vt, int group, const char *want) {
  if (group < 0 || (guint)group >= vt->groups->len)
    return -1;
  const vgroup *g = &g_array_index(vt->groups, vgroup, group);
  for (int c = g->v0; c < g->v1; c++)
    if (label_is(v_label(vt, c), want))
      return c;
  return -1;
}

int v_find(const vtable *vt, int from, const char *const *all) {
  for (int i = MAX(0, from); (guint)i < vt->lines->len; i++) {
    const vline *l = g_ptr_array_index(vt->lines, i);
    bool ok = *l->key != '\0';
    for (int k = 0; all[k] && ok; k++)
      ok = strstr(l->key, all[k]) != NULL;
    if (ok)
      return i;
  }
  return -1;
}

/* ====================================================================== */
/* Comparison                                                             */
/* ====================================================================== */

int v_unit_exp(const char *unit) {
  const char *u = unit ? b2j_unit_canonical(unit) : NULL;
  if (!u)
    return -1;
  if (strcmp(u, "万元") == 0)
    return 4;
  if (strcmp(u, "亿元") == 0)
    return 8;
  return 0;
}

/* Rounds to `scale` digits after the point; a negative scale rounds to tens,
 * hundreds, ... */
static bool round_to(b2j_dec a, int scale, b2j_dec *out) {
  if (scale >= 0) {
    if (a.scale <= scale) {
      *out = a;
      return true;
    }
    return b2j_dec_round(a, scale, out);
  }
  b2j_dec t, r;
  if (!b2j_dec_shift(a, scale, &t) || !b2j_dec_round(t, 0, &r))
    return false;
  return b2j_dec_shift(r, -scale, out);
}

agree_how v_agree(b2j_dec e, int pe, b2j_dec f, int pf, b2j_dec tail) {
  if (b2j_dec_cmp(e, f) == 0)
    return AG_EXACT;
  int coarse = MIN(pe, pf);
  b2j_dec re, rf, diff;
  if (!round_to(e, coarse, &re) || !round_to(f, coarse, &rf))
    return AG_NO;
  if (b2j_dec_cmp(re, rf) == 0)
    return AG_ROUND;
  if (!b2j_dec_is_zero(tail) && b2j_dec_sub(re, rf, &diff) &&
      b2j_dec_cmp(b2j_dec_abs(diff), tail) <= 0)
    return AG_TAIL;
  return AG_NO;
}

b2j_dec v_tail(const vctx *c, bool wan_involved, int unit_exp) {
  b2j_dec z = b2j_dec_from_int(0);
  if (!c->tail_declared || !wan_involved)
    return z;
  /* 0.01 万元 = 100 元 */
  b2j_dec t = {1, 2};
  b2j_dec out;
  if (unit_exp >= 0 && b2j_dec_shift(t, 4 - unit_exp, &out))
    return out;
  return z;
}

const char *v_how_text(agree_how h) {
  switch (h) {
  case AG_EXACT:
    return "equal";
  case AG_ROUND:
    return "equal at the printed precision";
  case AG_TAIL:
    return "within the 0.01 万元 尾数误差 the report declares (tolerance used)";
  default:
    return "differ";
  }
}

char *v_fmt(b2j_dec d) {
  char buf[B2J_DEC_STRLEN];
  return g_strdup(b2j_dec_format_trim(d, buf));
}

/* ====================================================================== */
/* Checks                                                                 */
/* ====================================================================== */

b2j_check *v_check(vctx *c, const char *rule, const char *where, const char *t1,
                   const char *t2) {
  b2j_check *k = b2j_check_new(rule, where);
  if (t1)
    g_ptr_array_add(k->tables, g_strdup(t1));
  if (t2 && (!t1 || strcmp(t1, t2) != 0))
    g_ptr_array_add(k->tables, g_strdup(t2));
  g_ptr_array_add(c->doc->checks, k);
  return k;
}

void v_check_set(b2j_check *k, b2j_dec expected, b2j_dec found, bool ok) {
  k->expected.present = true;
  k->expected.value = expected;
  k->found.present = true;
  k->found.value = found;
  k->ok = ok;
  k->evaluated = true;
}

void v_check_msg(b2j_check *k, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  g_free(k->message);
  k->message = g_strdup_vprintf(fmt, ap);
  va_end(ap);
}

void v_skip(vctx *c, const char *rule, const char *where, const char *t1, const char *fmt, ...) {
  b2j_check *k = v_check(c, rule, where, t1, NULL);
  k->evaluated = false;
  k->ok = false;
  va_list ap;
  va_start(ap, fmt);
  k->message = g_strdup_vprintf(fmt, ap);
  va_end(ap);
}

static const char *line_label(const vline *l) {
  return *l->code ? l->code : (*l->name ? l->name : "(unnamed row)");
}

static bool is_wan(const vtable *vt) { return v_unit_exp(vt->t->unit) == 4; }

/* One comparison of two amounts from the same table (same unit). `parts`
 * describes how expected was made. Returns the check. */
static b2j_check *same_table_check(vctx *c, const vtable *vt, const char *rule,
                                   const char *where, b2j_dec expected, b2j_dec found,
                                   const char *found_desc, const char *expected_desc) {
  b2j_check *k = v_check(c, rule, where, vt->t->id, NULL);
  agree_how h = v_agree(expected, vt->prec, found, vt->prec,
                        v_tail(c, is_wan(vt), v_unit_exp(vt->t->unit)));
  v_check_set(k, expected, found, h != AG_NO);
  char *e = v_fmt(expected), *f = v_fmt(found);
  v_check_msg(k, "%s: %s = %s; %s = %s; %s%s%s", vt->desc, found_desc, f, expected_desc, e,
              v_how_text(h), vt->t->unit ? " (" : "", vt->t->unit ? vt->t->unit : "");
  if (vt->t->unit) {
    char *m = g_strconcat(k->message, ")", NULL);
    g_free(k->message);
    k->message = m;
  }
  g_free(e);
  g_free(f);
  return k;
}

/* ====================================================================== */
/* Sums inside one table: 合计 = Σ top rows, 类 = Σ款, 款 = Σ项             */
/* ====================================================================== */

static bool is_total_line(const vline *l) {
  return !*l->code && (strstr(l->key, "合计") || strstr(l->key, "总计")) &&
         !strstr(l->key, "经费");
}


static int line_col(const vtable *vt, const vline *l, int k) {
  const vgroup *g = &g_array_index(vt->groups, vgroup, l->group);
  return g->v0 + k < g->v1 ? g->v0 + k : -1;
}

/* Sums value column k (offset within each line's group) over lines[idx];
 * false (and *bad = that line) when a cell is unreadable. *any gets whether
 * any cell holds a nonzero number. */
static bool sum_lines(const vtable *vt, const GArray *idx, int k, b2j_dec *sum, bool *any,
                      const vline **bad) {
  *sum = b2j_dec_from_int(0);
  for (guint i = 0; i < idx->len; i++) {
    const vline *l = v_line(vt, g_array_index(idx, int, i));
    b2j_dec v;
    cv_kind kind = v_cell(vt, l->row, line_col(vt, l, k), &v);
    if (kind == CV_BAD) {
      *bad = l;
      return false;
    }
    if (kind == CV_NUM && !b2j_dec_is_zero(v))
      *any = true;
    if (!b2j_dec_add(*sum, v, sum)) {
      *bad = l;
      return false;
    }
  }
  return true;
}

static char *codes_text(const vtable *vt, const GArray *idx) {
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < idx->len; i++) {
    const vline *l = v_line(vt, g_array_index(idx, int, i));
    if (i)
      g_string_append(s, ", ");
    if (i >= 24) {
      g_string_append_printf(s, "… (%u rows)", idx->len);
      break;
    }
    g_string_append(s, line_label(l));
  }
  return g_string_free(s, FALSE);
}

/* parent line = Σ children, for every value column (offset k) where
 * something is printed. */
static void sum_rule(vctx *c, const vtable *vt, const char *rule, int parent, const GArray *kids,
                     const char *kids_desc, int width) {
  const vline *pl = v_line(vt, parent);
  char *codes = codes_text(vt, kids);
  for (int k = 0; k < width; k++) {
    int col = line_col(vt, pl, k);
    if (col < 0)
      continue;
    b2j_dec found, sum;
    cv_kind pk = v_cell(vt, pl->row, col, &found);
    bool any = pk == CV_NUM && !b2j_dec_is_zero(found);
    const vline *bad = NULL;
    bool ok = sum_lines(vt, kids, k, &sum, &any, &bad);
    if (!any && pk != CV_BAD && ok)
      continue; /* nothing printed in this column */
    char *where = g_strdup_printf("%s/%s", line_label(pl), v_label(vt, col));
    if (pk == CV_BAD || !ok) {
      const vline *bl = pk == CV_BAD ? pl : bad;
      int bcol = line_col(vt, bl, k);
      /* Every other cell of the sum that is no number too: a reader sees
       * them all, and repair sees which cells the sum waits on. */
      GString *more = g_string_new(NULL);
      for (guint i = 0; i < kids->len; i++) {
        const vline *kl = v_line(vt, g_array_index(kids, int, i));
        int kc = line_col(vt, kl, k);
        b2j_dec unused;
        if (kl == bl || kc < 0 || v_cell(vt, kl->row, kc, &unused) != CV_BAD)
          continue;
        g_string_append_printf(more, "%s %s/%s “%s”", more->len ? "," : "; so is", line_label(kl),
                               v_label(vt, kc), cell_text(vt, kl->row, kc));
      }
      v_skip(c, rule, where, vt->t->id, "%s: cell %s/%s (p.%d) is not a number: “%s”%s",
             vt->desc, line_label(bl), v_label(vt, bcol), bl->page,
             cell_text(vt, bl->row, bcol), more->str);
      g_string_free(more, TRUE);
    } else {
      int splits = v_cell_split(vt, pl->row, col) ? 1 : 0;
      for (guint i = 0; i < kids->len; i++) {
        const vline *kl = v_line(vt, g_array_index(kids, int, i));
        splits += v_cell_split(vt, kl->row, line_col(vt, kl, k)) ? 1 : 0;
      }
      char *fd = g_strdup_printf("%s %s (p.%d)", line_label(pl), v_label(vt, col), pl->page);
      char *ed = g_strdup_printf("Σ %s [%s]%s", kids_desc, codes,
                                 splits ? " (wrapped cells read joined)" : "");
      same_table_check(c, vt, rule, where, sum, found, fd, ed);
      g_free(fd);
      g_free(ed);
    }
    g_free(where);
  }
  g_free(codes);
}

static bool code_present(const vtable *vt, const char *code) {
  for (guint i = 0; i < vt->lines->len; i++) {
    const vline *l = g_ptr_array_index(vt->lines, i);
    if (strcmp(l->code, code) == 0)
      return true;
  }
  return false;
}

static bool has_ancestor(const vtable *vt, const char *code) {
  char parent[B2J_CODE_MAX];
  char cur[B2J_CODE_MAX];
  g_strlcpy(cur, code, sizeof cur);
  while (b2j_subject_code_parent(cur, parent)) {
    if (code_present(vt, parent))
      return true;
    g_strlcpy(cur, parent, sizeof cur);
  }
  return false;
}

/* Coded lines may sit in side-by-side groups (公开06表): a code's children
 * are looked for in every group, and value column k of a line is the k-th
 * value column of its own group. That needs groups of one width. */
static void rules_sums(vctx *c, const vtable *vt) {
  int width = -1;
  bool any_code = false;
  for (guint gi = 0; gi < vt->groups->len; gi++) {
    const vgroup *g = &g_array_index(vt->groups, vgroup, gi);
    bool coded = false;
    for (guint i = 0; i < vt->lines->len && !coded; i++) {
      const vline *l = g_ptr_array_index(vt->lines, i);
      coded = l->group == (int)gi && *l->code;
    }
    if (!coded)
      continue;
    any_code = true;
    if (width < 0)
      width = g->v1 - g->v0;
    else if (width != g->v1 - g->v0) {
      v_skip(c, "column_sum", "", vt->t->id,
             "%s: side-by-side column groups of different widths; sums not evaluated",
             vt->desc);
      return;
    }
  }
  if (!any_code || width <= 0)
    return;
  int total = -1;
  GArray *top = g_array_new(FALSE, FALSE, sizeof(int));
  for (guint i = 0; i < vt->lines->len; i++) {
    const vline *l = g_ptr_array_index(vt->lines, i);
    if (total < 0 && is_total_line(l) && line_col(vt, l, 0) >= 0)
      total = (int)i;
    if (!*l->code)
      continue;
    if (!has_ancestor(vt, l->code)) {
      int ii = (int)i;
      g_array_append_val(top, ii);
    }
    /* Hierarchy: a 类 = Σ its 款 (or Σ its 项 when no 款 is printed); a 款 = Σ its 项. */
    b2j_subject_level lv = B2J_LEVEL_NONE;
    b2j_subject_classify(l->code, &lv);
    if (lv == B2J_LEVEL_XIANG || lv == B2J_LEVEL_NONE)
      continue;
    GArray *kids = g_array_new(FALSE, FALSE, sizeof(int));
    for (size_t want = strlen(l->code) + 2; want <= 7 && kids->len == 0; want += 2) {
      for (guint j = 0; j < vt->lines->len; j++) {
        const vline *m = g_ptr_array_index(vt->lines, j);
        if (strlen(m->code) == want && g_str_has_prefix(m->code, l->code)) {
          int jj = (int)j;
          g_array_append_val(kids, jj);
        }
      }
    }
    if (kids->len)
      sum_rule(c, vt, "hierarchy_sum", (int)i, kids, "of its sub-rows", width);
    g_array_free(kids, TRUE);
  }
  if (total >= 0)
    sum_rule(c, vt, "column_sum", total, top, "of the top-level subject rows", width);
  else if (strcmp(vt->t->kind, "basic_expenditure_detail") != 0)
    v_skip(c, "column_sum", "合计", vt->t->id, "%s: no 合计 row was read", vt->desc);
  g_array_free(top, TRUE);
}

/* ====================================================================== */
/* Row identities: total column = Σ its parts                             */
/* ====================================================================== */

static const char *const EXP_TOTALS[] = {"本年支出合计", "支出合计", "小计", "合计", NULL};
static const char *const EXP_PARTS[] = {"基本支出",   "项目支出",          "上缴上级支出",
                                        "经营支出",   "对附属单位补助支出", NULL};
static const char *const INC_TOTALS[] = {"本年收入合计", "收入合计", "合计", NULL};
/* 决算 income columns, and the budget (预算) 收入总表's. */
static const char *const INC_PARTS[] = {
    "财政拨款收入",           "上级补助收入",           "事业收入",
    "经营收入",               "附属单位上缴收入",       "其他收入",
    "上年结转",               "一般公共预算拨款收入",   "政府性基金预算拨款收入",
    "国有资本经营预算拨款收入", "事业单位经营收入",       "用事业基金弥补收支差额",
    NULL};
/* 公开06表 in budgets: 合计 = 人员经费 + 公用经费. */
static const char *const BASIC_TOTALS[] = {"合计", NULL};
static const char *const BASIC_PARTS[] = {"人员经费", "公用经费", NULL};

static bool column_blank(const vtable *vt, int col) {
  for (guint r = 0; r < vt->t->rows->len; r++) {
    b2j_dec v;
    cv_kind k = v_cell(vt, (int)r, col, &v);
    if (k == CV_BAD || (k == CV_NUM && !b2j_dec_is_zero(v)))
      return false;
  }
  return true;
}

typedef enum { RI_EXPENDITURE, RI_INCOME, RI_BASIC } ri_kind;

static void rules_row_identity(vctx *c, const vtable *vt, ri_kind kind) {
  bool income = kind == RI_INCOME;
  const char *const *totals =
      kind == RI_INCOME ? INC_TOTALS : kind == RI_BASIC ? BASIC_TOTALS : EXP_TOTALS;
  const char *const *parts =
      kind == RI_INCOME ? INC_PARTS : kind == RI_BASIC ? BASIC_PARTS : EXP_PARTS;
  if (vt->groups->len != 1)
    return;
  const vgroup *g = &g_array_index(vt->groups, vgroup, 0);
  int tcol = -1;
  for (int i = 0; totals[i] && tcol < 0; i++)
    tcol = v_col(vt, 0, totals[i]);
  if (tcol < 0) {
    if (kind != RI_BASIC)
      v_skip(c, "row_identity", "", vt->t->id, "%s: no total column (%s) was read", vt->desc,
             income ? "本年收入合计" : "本年支出合计/小计");
    return;
  }
  /* Every other value column must be a known part: otherwise the identity
   * is not the one this table states. 07 has 年初/本年收入/年末 beside the
   * expenditure columns: those are skipped, not summed. */
  int pcols[8], np = 0;
  GString *names = g_string_new(NULL);
  for (int col = g->v0; col < g->v1; col++) {
    if (col == tcol)
      continue;
    bool known = false;
    for (int i = 0; parts[i]; i++)
      if (label_is(v_label(vt, col), parts[i]))
        known = true;
    if (known && np < 8) {
      pcols[np++] = col;
      g_string_append_printf(names, "%s%s", names->len ? " + " : "", v_label(vt, col));
      continue;
    }
    const char *lab = v_label(vt, col);
    bool ignorable = strstr(lab, "年初") || strstr(lab, "年末") || strstr(lab, "本年收入") ||
                     strstr(lab, "结转");
    if (!ignorable && !column_blank(vt, col)) {
      v_skip(c, "row_identity", v_label(vt, tcol), vt->t->id,
             "%s: column %s is neither %s nor a known part; the row identity was not "
             "evaluated",
             vt->desc, lab, v_label(vt, tcol));
      g_string_free(names, TRUE);
      return;
    }
  }
  if (np == 0) {
    g_string_free(names, TRUE);
    return;
  }
  for (guint i = 0; i < vt->lines->len; i++) {
    const vline *l = g_ptr_array_index(vt->lines, i);
    b2j_dec found, sum = b2j_dec_from_int(0), v;
    cv_kind tk = v_cell(vt, l->row, tcol, &found);
    bool any = tk == CV_NUM && !b2j_dec_is_zero(found), bad = tk == CV_BAD;
    int badcol = tcol;
    for (int p = 0; p < np && !bad; p++) {
      cv_kind k = v_cell(vt, l->row, pcols[p], &v);
      if (k == CV_BAD) {
        bad = true;
        badcol = pcols[p];
      } else {
        if (k == CV_NUM && !b2j_dec_is_zero(v))
          any = true;
        if (!b2j_dec_add(sum, v, &sum))
          bad = true;
      }
    }
    if (!any && !bad)
      continue;
    if (!*l->code && !*l->key)
      continue; /* an unnamed row: nothing to name it by */
    char *where = g_strdup_printf("%s/%s", line_label(l), v_label(vt, tcol));
    if (bad) {
      v_skip(c, "row_identity", where, vt->t->id, "%s: cell %s/%s (p.%d) is not a number: “%s”",
             vt->desc, line_label(l), v_label(vt, badcol), l->page,
             cell_text(vt, l->row, badcol));
    } else {
      char *fd = g_strdup_printf("%s %s (p.%d)", line_label(l), v_label(vt, tcol), l->page);
      char *ed = g_strdup_printf("%s", names->str);
      same_table_check(c, vt, "row_identity", where, sum, found, fd, ed);
      g_free(fd);
      g_free(ed);
    }
    g_free(where);
  }
  g_string_free(names, TRUE);
}

/* ====================================================================== */
/* Amounts named by row and column, compared across tables                 */
/* ====================================================================== */

typedef struct {
  const vtable *vt; /* NULL: not found */
  int line, col;
  cv_kind kind;
  b2j_dec v;
  char *desc; /* "t3 公开03表 …: 合计/本年支出合计 (p.5)", owned */
} amount;

static void amount_clear(amount *a) {
  g_free(a->desc);
  memset(a, 0, sizeof *a);
}

static bool amount_at(const vtable *vt, int line, int col, amount *a) {
  memset(a, 0, sizeof *a);
  const vline *l = v_line(vt, line);
  if (!l || col < 0)
    return false;
  a->vt = vt;
  a->line = line;
  a->col = col;
  a->kind = v_cell(vt, l->row, col, &a->v);
  if (*l->code || *l->name)
    a->desc = g_strdup_printf("%s %s %s/%s (p.%d)", vt->t->id, vt->t->form ? vt->t->form : "",
                              line_label(l), v_label(vt, col), l->page);
  else
    a->desc = g_strdup_printf("%s %s %s (p.%d)", vt->t->id, vt->t->form ? vt->t->form : "",
                              v_label(vt, col), l->page);
  if (v_cell_split(vt, l->row, col)) {
    char *d = g_strdup_printf("%s [wrapped cell “%s” read joined]", a->desc,
                              cell_text(vt, l->row, col));
    g_free(a->desc);
    a->desc = d;
  }
  return true;
}

static const char *unit_or(const vtable *vt) { return vt->t->unit ? vt->t->unit : "?"; }

/* found (the amount under test) against expected (the value the other table
 * or a sum gives), across tables and units. */
static void cross_check(vctx *c, const char *rule, const char *where, const amount *expected,
                        const amount *found, const char *what) {
  b2j_check *k = v_check(c, rule, where, expected->vt->t->id, found->vt->t->id);
  if (expected->kind == CV_BAD || found->kind == CV_BAD) {
    const amount *b = expected->kind == CV_BAD ? expected : found;
    const vline *l = v_line(b->vt, b->line);
    k->evaluated = false;
    v_check_msg(k, "%s is not a number: “%s”", b->desc, cell_text(b->vt, l->row, b->col));
    return;
  }
  int ue = v_unit_exp(expected->vt->t->unit), uf = v_unit_exp(found->vt->t->unit);
  b2j_dec e = expected->v, f = found->v;
  int pe = expected->vt->prec, pf = found->vt->prec, ux = uf;
  bool in_yuan = false;
  if (ue >= 0 && uf >= 0 && ue != uf) {
    if (!b2j_to_yuan(e, expected->vt->t->unit, &e) || !b2j_to_yuan(f, found->vt->t->unit, &f)) {
      k->evaluated = false;
      v_check_msg(k, "%s and %s could not be converted to 元", expected->desc, found->desc);
      return;
    }
    pe -= ue;
    pf -= uf;
    ux = 0;
    in_yuan = true;
  }
  bool wan = ue == 4 || uf == 4;
  agree_how h = v_agree(e, pe, f, pf, v_tail(c, wan, ux < 0 ? 4 : ux));
  v_check_set(k, e, f, h != AG_NO);
  char *es = v_fmt(e), *fs = v_fmt(f);
  v_check_msg(k, "%s%s%s = %s; %s = %s; %s (%s%s)", what ? what : "", what ? ": " : "",
              found->desc, fs, expected->desc, es, v_how_text(h),
              in_yuan ? "元, converted from " : "", in_yuan ? "the tables' units" : unit_or(found->vt));
  g_free(es);
  g_free(fs);
}

/* The first line (any group) matching one of several alternatives. */
static int find_any(const vtable *vt, const char *const *const *alts) {
  for (int i = 0; alts[i]; i++) {
    int l = v_find(vt, 0, alts[i]);
    if (l >= 0)
      return l;
  }
  return -1;
}

/* The first line of `group` after `from` whose key contains all of `all`. */
static int find_in_group(const vtable *vt, int group, const char *const *all) {
  int i = -1;
  while ((i = v_find(vt, i + 1, all)) >= 0)
    if (v_line(vt, i)->group == group)
      return i;
  return -1;
}

/* The main amount column of a line's group: 合计 when there is one, else the
 * group's first value column (决算数, 预算数, 金额). */
static int main_col(const vtable *vt, int group) {
  int c = v_col(vt, group, "合计");
  if (c >= 0)
    return c;
  const vgroup *g = &g_array_index(vt->groups, vgroup, group);
  return g->v0 < g->v1 ? g->v0 : -1;
}

static int total_line(const vtable *vt) {
  for (guint i = 0; i < vt->lines->len; i++)
    if (is_total_line(g_ptr_array_index(vt->lines, i)))
      return (int)i;
  return -1;
}

/* 合计 row of a subject table at the first column labelled one of `cols`. */
static bool total_amount(const vtable *vt, const char *const *cols, amount *a) {
  memset(a, 0, sizeof *a);
  int l = total_line(vt);
  if (l < 0)
    return false;
  for (int i = 0; cols[i]; i++) {
    int col = v_col(vt, v_line(vt, l)->group, cols[i]);
    if (col >= 0)
      return amount_at(vt, l, col, a);
  }
  return false;
}

static const char *const K_INC_TOTAL[] = {"本年收入合计", NULL};
static const char *const K_INC_TOTAL2[] = {"收入合计", NULL};
static const char *const *const A_INC_TOTAL[] = {K_INC_TOTAL, K_INC_TOTAL2, NULL};
static const char *const K_EXP_TOTAL[] = {"本年支出合计", NULL};
static const char *const K_EXP_TOTAL2[] = {"支出合计", NULL};
static const char *const *const A_EXP_TOTAL[] = {K_EXP_TOTAL, K_EXP_TOTAL2, NULL};

static const char *const C_INC_TOTAL[] = {"本年收入合计", "收入合计", "合计", NULL};
static const char *const C_EXP_TOTAL[] = {"本年支出合计", "支出合计", "合计", "小计", NULL};
static const char *const C_GB_TOTAL[] = {"小计", "合计", "本年支出合计", NULL};
static const char *const C_APPROP[] = {"财政拨款收入", "财政拨款", NULL};
static const char *const C_BASIC[] = {"基本支出", NULL};
static const char *const C_PROJECT[] = {"项目支出", NULL};

/* Line `line` of a summary table (01/04) at its main column. */
static bool summary_amount(const vtable *vt, int line, amount *a) {
  memset(a, 0, sizeof *a);
  if (line < 0)
    return false;
  return amount_at(vt, line, main_col(vt, v_line(vt, line)->group), a);
}


/* 07 by fund: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余, per row.
 * 本年支出 is its 小计 column when the header splits it. */
static void rules_fund_balance07(vctx *c, const vtable *vt) {
  int done = 0;
  for (guint i = 0; i < vt->lines->len; i++) {
    const vline *l = v_line(vt, (int)i);
    int g = l->group;
    int cb = v_col(vt, g, "年初结转和结余"), ci = v_col(vt, g, "本年收入");
    int ce = v_col(vt, g, "小计"), cx = v_col(vt, g, "年末结转和结余");
    if (ce < 0)
      ce = v_col(vt, g, "本年支出");
    char *where = g_strdup_printf("%s", line_label(l));
    if (cb < 0 || ci < 0 || ce < 0 || cx < 0) {
      /* Budgets print expenditure only; unlabelled headers (列1…) name nothing. */
      v_skip(c, "fund_balance", "07", vt->t->id,
             "not evaluated: %s has no labelled %s column (needs 年初结转和结余, 本年收入, "
             "本年支出/小计, 年末结转和结余)",
             vt->desc,
             cb < 0 ? "年初结转和结余" : ci < 0 ? "本年收入" : ce < 0 ? "本年支出" : "年末结转和结余");
      g_free(where);
      return;
    }
    b2j_dec v[4];
    int cols[4] = {cb, ci, ce, cx};
    bool bad = false, any = false;
    for (int k = 0; k < 4; k++) {
      cv_kind kd = v_cell(vt, l->row, cols[k], &v[k]);
      bad = bad || kd == CV_BAD;
      any = any || (kd == CV_NUM && !b2j_dec_is_zero(v[k]));
    }
    if (bad) {
      v_skip(c, "fund_balance", where, vt->t->id, "%s: row %s has a cell that is not a number",
             vt->desc, line_label(l));
    } else if (any) { /* a row printed all blank or zero has nothing to balance */
      b2j_dec in, out;
      done++;
      if (b2j_dec_add(v[0], v[1], &in) && b2j_dec_add(v[2], v[3], &out))
        same_table_check(c, vt, "fund_balance", where, in, out,
                         "本年支出 + 年末结转和结余", "年初结转和结余 + 本年收入");
    }
    g_free(where);
  }
  if (!done) /* an empty 07 (无, 0) is for empty_table_note; say this rule had nothing */
    v_skip(c, "fund_balance", "07", vt->t->id, "not evaluated: %s prints no nonzero amount",
           vt->desc);
}

/* ====================================================================== */
/* 01 / 04: balance identities and their own sums                         */
/* ====================================================================== */

/* found = Σ parts (all amounts of one table); parts with a NULL vt are absent. */
static void table_sum_check(vctx *c, const vtable *vt, const char *rule, const char *where,
                            const amount *found, const amount *parts, int n) {
  b2j_dec sum = b2j_dec_from_int(0);
  GString *d = g_string_new(NULL);
  /* Parts on one row (04 by fund, 09) are named by column, else by row. */
  int row_of = -2;
  for (int i = 0; i < n; i++)
    if (parts[i].vt)
      row_of = row_of == -2 || row_of == parts[i].line ? parts[i].line : -1;
  bool by_col = row_of >= 0 && found->line == row_of;
  for (int i = 0; i < n; i++) {
    if (!parts[i].vt)
      continue;
    if (parts[i].kind == CV_BAD) {
      /* Every other part that is no number too, as hierarchy_sum names
       * them: repair then sees a cell's reading move the check. */
      GString *more = g_string_new(NULL);
      for (int j = i + 1; j < n; j++)
        if (parts[j].vt && parts[j].kind == CV_BAD)
          g_string_append_printf(more, "%s %s", more->len ? "," : "; so is", parts[j].desc);
      if (found->kind == CV_BAD)
        g_string_append_printf(more, "%s %s", more->len ? "," : "; so is", found->desc);
      v_skip(c, rule, where, vt->t->id, "%s is not a number%s", parts[i].desc, more->str);
      g_string_free(more, TRUE);
      g_string_free(d, TRUE);
      return;
    }
    if (!b2j_dec_add(sum, parts[i].v, &sum))
      break;
    const vline *l = v_line(vt, parts[i].line);
    char *vs = v_fmt(parts[i].v);
    g_string_append_printf(d, "%s%s %s", d->len ? " + " : "",
                           by_col ? v_label(vt, parts[i].col) : line_label(l), vs);
    g_free(vs);
  }
  if (found->kind == CV_BAD) {
    v_skip(c, rule, where, vt->t->id, "%s is not a number", found->desc);
  } else {
    char *ed = g_strdup_printf("%s", d->len ? d->str : "Σ (no parts printed)");
    same_table_check(c, vt, rule, where, sum, found->v, found->desc, ed);
    g_free(ed);
  }
  g_string_free(d, TRUE);
}

/* Length of a list number "1." / "2、" / "3．" opening `n`, 0 if none. An
 * OCR'd 1 may read as l, L, I or | ("L.一般公共预算"): one such letter before
 * the point and a Chinese name counts as a number. So does one digit right
 * before a Chinese name, its point lost ("1一般公共预算"), but not before
 * 年, 月 or 日 (a date). */
static size_t list_number_len(const char *n) {
  const char *q = n;
  if (g_ascii_isdigit(n[0]) && (unsigned char)n[1] >= 0x80) {
    gunichar c = g_utf8_get_char(n + 1);
    /* A speck read as a digit before an item's own number ("2二、项目支出")
     * is no list number. */
    const char *r = n + 1;
    while (*r && g_utf8_strchr("一二三四五六七八九十", -1, g_utf8_get_char(r)))
      r = g_utf8_next_char(r);
    bool item = r != n + 1 && g_str_has_prefix(r, "、");
    if (g_unichar_type(c) == G_UNICODE_OTHER_LETTER && !g_utf8_strchr("年月日", -1, c) && !item)
      return 1;
  }
  if (*q && strchr("lLI|", *q))
    q++;
  else
    while (g_ascii_isdigit(*q))
      q++;
  if (q == n)
    return 0;
  /* A point read as a comma ("1，一般公共预算资金") is one too. */
  size_t mark = *q == '.' || *q == ','                                          ? 1
                : g_str_has_prefix(q, "、") || g_str_has_prefix(q, "．") ||
                        g_str_has_prefix(q, "，")
                    ? 3
                    : 0;
  if (!mark)
    return 0;
  /* A letter is a number only before a Chinese name. */
  if (!g_ascii_isdigit(*n) && (unsigned char)q[mark] < 0x80)
    return 0;
  return (size_t)(q - n) + mark;
}

/* An item a summary table's 本年收入合计/本年支出合计 adds up: a named line,
 * not a total or subtotal, not a sub-item ("其中：", "1.一般公共预算",
 * "（一）…" under "一、财政拨款"). */
static bool is_summary_item(const vline *l) {
  if (!*l->key || is_total_line(l) || strstr(l->key, "小计"))
    return false;
  const char *n = l->name;
  if (g_str_has_prefix(n, "其中") || g_str_has_prefix(n, "（") || g_str_has_prefix(n, "("))
    return false;
  return list_number_len(n) == 0;
}

/* Whether a summary line is a numbered sub-item: "1.一般公共预算",
 * "2、政府性基金预算", "（一）…". */
static bool is_numbered_sub_item(const vline *l) {
  const char *n = l->name;
  return g_str_has_prefix(n, "（") || g_str_has_prefix(n, "(") || list_number_len(n) > 0;
}

/* 01 and 04: an item followed by numbered sub-items (一、财政拨款 over
 * 1.一般公共预算 and 2.政府性基金预算) is their sum; an empty sub-item is
 * zero. "其中：" lines are a part only and are no sub-items here. */
static void rules_summary_sub_items(vctx *c, const vtable *vt) {
  for (guint i = 0; i < vt->lines->len; i++) {
    const vline *l = v_line(vt, (int)i);
    if (!is_summary_item(l))
      continue;
    GArray *parts = g_array_new(FALSE, TRUE, sizeof(amount));
    bool any = false;
    for (guint j = i + 1; j < vt->lines->len; j++) {
      const vline *s = v_line(vt, (int)j);
      if (s->group != l->group)
        continue;
      if (!*s->key || !is_numbered_sub_item(s))
        break;
      amount a = {0};
      if (summary_amount(vt, (int)j, &a)) {
        any = any || a.kind == CV_NUM;
        g_array_append_val(parts, a);
      }
    }
    amount f = {0};
    summary_amount(vt, (int)i, &f);
    if (parts->len && (any || f.kind == CV_NUM))
      table_sum_check(c, vt, "summary_sub_items", line_label(l), &f,
                      (amount *)(void *)parts->data, (int)parts->len);
    amount_clear(&f);
    for (guint k = 0; k < parts->len; k++)
      amount_clear(&g_array_index(parts, amount, k));
    g_array_free(parts, TRUE);
  }
}

/* 04 by row: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营, in the column group
 * that prints 合计 and 一般公共预算 (the expenditure half); budget tables
 * label their totals 一、本年收入 and 支出总计, so this needs no total row. */
static void rules_fund_rows(vctx *c, const vtable *vt) {
  static const char *const FUND[] = {"一般公共预算", "政府性基金", "国有资本"};
  for (guint ge = 0; ge < vt->groups->len; ge++) {
    const vgroup *g = &g_array_index(vt->groups, vgroup, ge);
    int ct = v_col(vt, (int)ge, "合计"), cp[3] = {-1, -1, -1};
    for (int col = g->v0; col < g->v1; col++) {
      char *k = b2j_text_match_key(v_label(vt, col));
      for (int f = 0; f < 3; f++)
        if (cp[f] < 0 && strstr(k, FUND[f]))
          cp[f] = col;
      g_free(k);
    }
    if (ct < 0 || cp[0] < 0)
      continue;
    for (guint i = 0; i < vt->lines->len; i++) {
      const vline *l = g_ptr_array_index(vt->lines, i);
      if (l->group != (int)ge || !*l->key)
        continue;
      amount tot = {0}, p[3] = {{0}};
      amount_at(vt, (int)i, ct, &tot);
      bool any = tot.kind == CV_NUM && !b2j_dec_is_zero(tot.v);
      for (int f = 0; f < 3; f++) {
        if (cp[f] >= 0) {
          amount_at(vt, (int)i, cp[f], &p[f]);
          any = any || (p[f].kind == CV_NUM && !b2j_dec_is_zero(p[f].v)) || p[f].kind == CV_BAD;
        } else {
          memset(&p[f], 0, sizeof p[f]);
        }
      }
      if (any || tot.kind == CV_BAD) {
        char *where = g_strdup_printf("%s/合计", l->key);
        table_sum_check(c, vt, "fund_row_sum", where, &tot, p, 3);
        g_free(where);
      }
      amount_clear(&tot);
      for (int f = 0; f < 3; f++)
        amount_clear(&p[f]);
    }
  }
}

/* Whether a summary group prints a carry-over or a balance line (年初结转和结余,
 * 上年结转, 结转下年, 使用非财政拨款结余, 用事业基金弥补): then its 总计 is more
 * than the year's items. */
static bool group_has_carry_over(const vtable *vt, int group) {
  static const char *const CARRY[] = {"结转", "结余", "弥补", NULL};
  for (guint i = 0; i < vt->lines->len; i++) {
    const vline *l = v_line(vt, (int)i);
    if (l->group != group)
      continue;
    for (int k = 0; CARRY[k]; k++)
      if (strstr(l->key, CARRY[k]))
        return true;
  }
  return false;
}

/* `label` (本年收入合计, or 收入总计 when it is the only total) = Σ the income
 * items above line `inc` in group `gi`. */
static void summary_income_items(vctx *c, const vtable *vt, int inc, int gi, const char *label) {
  GArray *parts = g_array_new(FALSE, TRUE, sizeof(amount));
  for (int i = 0; i < inc; i++) {
    const vline *l = v_line(vt, i);
    if (l->group != gi || !is_summary_item(l))
      continue;
    amount a = {0};
    if (summary_amount(vt, i, &a))
      g_array_append_val(parts, a);
  }
  amount ai = {0};
  summary_amount(vt, inc, &ai);
  if (parts->len)
    table_sum_check(c, vt, "summary_income_sum", label, &ai, (amount *)(void *)parts->data,
                    (int)parts->len);
  amount_clear(&ai);
  for (guint i = 0; i < parts->len; i++)
    amount_clear(&g_array_index(parts, amount, i));
  g_array_free(parts, TRUE);
}

/* `label`/column (本年支出合计, or 支出总计 when it is the only total) = Σ the
 * lines above line `exp` in group `ge`, in each value column of the group. */
static void summary_expenditure_items(vctx *c, const vtable *vt, int exp, int ge,
                                      const char *label) {
  const vgroup *g = &g_array_index(vt->groups, vgroup, ge);
  for (int col = g->v0; col < g->v1; col++) {
    GArray *parts = g_array_new(FALSE, TRUE, sizeof(amount));
    bool any = false;
    for (int i = 0; i < exp; i++) {
      const vline *l = v_line(vt, i);
      if (l->group != ge || !is_summary_item(l))
        continue;
      amount a = {0};
      if (amount_at(vt, i, col, &a)) {
        any = any || a.kind == CV_NUM;
        g_array_append_val(parts, a);
      }
    }
    amount f = {0};
    amount_at(vt, exp, col, &f);
    if (any || f.kind == CV_NUM) {
      char *where = g_strdup_printf("%s/%s", label, v_label(vt, col));
      table_sum_check(c, vt, "summary_expenditure_sum", where, &f,
                      (amount *)(void *)parts->data, (int)parts->len);
      g_free(where);
    }
    amount_clear(&f);
    for (guint i = 0; i < parts->len; i++)
      amount_clear(&g_array_index(parts, amount, i));
    g_array_free(parts, TRUE);
  }
}

/* A budget summary that prints neither 本年收入合计 nor 本年支出合计 nor any
 * carry-over line (收入总计 right under the items): its 收入总计 and 支出总计
 * are the sums of the items, and must balance. */
static void rules_summary_bare(vctx *c, const vtable *vt) {
  static const char *const TI[] = {"收入总计", NULL}, *const TE[] = {"支出总计", NULL};
  int ti = v_find(vt, 0, TI), te = v_find(vt, 0, TE);
  int gi = ti >= 0 ? v_line(vt, ti)->group : -1, ge = te >= 0 ? v_line(vt, te)->group : -1;
  if (ti < 0 || te < 0 || group_has_carry_over(vt, gi) || group_has_carry_over(vt, ge)) {
    v_skip(c, "balance_totals", "总计", vt->t->id, "%s: no 本年收入合计 row was read", vt->desc);
    return;
  }
  summary_income_items(c, vt, ti, gi, "收入总计");
  summary_expenditure_items(c, vt, te, ge, "支出总计");
  amount ati = {0}, ate = {0};
  summary_amount(vt, ti, &ati);
  summary_amount(vt, te, &ate);
  table_sum_check(c, vt, "balance_totals", "收入总计/支出总计", &ate, &ati, 1);
  amount_clear(&ati);
  amount_clear(&ate);
}

static void rules_summary(vctx *c, const vtable *vt, bool appropriation) {
  int inc = find_any(vt, A_INC_TOTAL), exp = find_any(vt, A_EXP_TOTAL);
  if (inc < 0 && exp < 0) {
    rules_summary_bare(c, vt);
    return;
  }
  if (inc < 0 || exp < 0) {
    v_skip(c, "balance_totals", "总计", vt->t->id, "%s: no %s row was read", vt->desc,
           inc < 0 ? "本年收入合计" : "本年支出合计");
    return;
  }
  int gi = v_line(vt, inc)->group, ge = v_line(vt, exp)->group;
  static const char *const TOT[] = {"总计", NULL};
  int ti = find_in_group(vt, gi, TOT), te = find_in_group(vt, ge, TOT);
  if (gi == ge) { /* one group: 收入总计 and 支出总计 are named */
    static const char *const TI[] = {"收入总计", NULL}, *const TE[] = {"支出总计", NULL};
    ti = find_in_group(vt, gi, TI);
    te = find_in_group(vt, ge, TE);
  }
  amount ai = {0}, ae = {0}, ati = {0}, ate = {0};
  summary_amount(vt, inc, &ai);
  summary_amount(vt, exp, &ae);
  bool have_ti = summary_amount(vt, ti, &ati), have_te = summary_amount(vt, te, &ate);

  summary_income_items(c, vt, inc, gi, "本年收入合计");
  summary_expenditure_items(c, vt, exp, ge, "本年支出合计");

  /* 收入总计 = 支出总计 */
  if (have_ti && have_te) {
    table_sum_check(c, vt, "balance_totals", "收入总计/支出总计", &ate, &ati, 1);
  } else {
    v_skip(c, "balance_totals", "收入总计/支出总计", vt->t->id, "%s: no %s row was read",
           vt->desc, have_ti ? "支出总计" : "收入总计");
  }
  /* 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 */
  static const char *const K_USE[] = {"使用非财政拨款结余", NULL};
  static const char *const K_USE2[] = {"用事业基金弥补", NULL};
  static const char *const K_BEGIN[] = {"年初", "结转", NULL};
  static const char *const K_BEGIN2[] = {"上年结转", NULL};
  static const char *const K_DIST[] = {"结余分配", NULL};
  static const char *const K_END[] = {"年末", "结转", NULL};
  static const char *const K_END2[] = {"结转下年", NULL};
  if (have_ti) {
    amount p[3] = {{0}};
    p[0] = ai;
    int u = find_in_group(vt, gi, K_USE);
    if (u < 0)
      u = find_in_group(vt, gi, K_USE2);
    int b = find_in_group(vt, gi, K_BEGIN);
    if (b < 0)
      b = find_in_group(vt, gi, K_BEGIN2);
    summary_amount(vt, appropriation ? -1 : u, &p[1]);
    summary_amount(vt, b, &p[2]);
    table_sum_check(c, vt, "balance_income", "收入总计", &ati, p, 3);
    amount_clear(&p[1]);
    amount_clear(&p[2]);
  } else {
    v_skip(c, "balance_income", "收入总计", vt->t->id, "%s: no 收入总计 row was read",
           vt->desc);
  }
  if (have_te) {
    amount p[3] = {{0}};
    p[0] = ae;
    int d = find_in_group(vt, ge, K_DIST);
    int e = find_in_group(vt, ge, K_END);
    if (e < 0)
      e = find_in_group(vt, ge, K_END2);
    summary_amount(vt, d, &p[1]);
    summary_amount(vt, e, &p[2]);
    table_sum_check(c, vt, "balance_expenditure", "支出总计", &ate, p, 3);
    amount_clear(&p[1]);
    amount_clear(&p[2]);
  } else {
    v_skip(c, "balance_expenditure", "支出总计", vt->t->id, "%s: no 支出总计 row was read",
           vt->desc);
  }

  amount_clear(&ai);
  amount_clear(&ae);
  amount_clear(&ati);
  amount_clear(&ate);
}

/* ====================================================================== */
/* 09: 三公 合计 = 出国 + 公务用车 + 接待; 小计 = 购置费 + 运行维护费        */
/* ====================================================================== */

/* The 09 table is one or two blocks (预算数, 决算数) of the same columns. A
 * block starts at a column whose leaf is 合计; it is named by its path
 * prefix, or, when the header lost it, by its order (预算数 then 决算数). */
typedef struct {
  int c0, c1;
  char name[32];
} block09;

static int blocks09(const vtable *vt, block09 out[2]) {
  const vgroup *g = &g_array_index(vt->groups, vgroup, 0);
  int starts[4], n = 0;
  for (int col = g->v0; col < g->v1 && n < 4; col++) {
    char *k = b2j_text_match_key(v_label(vt, col));
    const char *leaf = strrchr(k, '/') ? strrchr(k, '/') + 1 : k;
    if (strcmp(leaf, "合计") == 0)
      starts[n++] = col;
    g_free(k);
  }
  if (n == 0 || n > 2)
    return 0;
  for (int i = 0; i < n; i++) {
    out[i].c0 = starts[i];
    out[i].c1 = i + 1 < n ? starts[i + 1] : g->v1;
    char *k = b2j_text_match_key(v_label(vt, starts[i]));
    const char *slash = strchr(k, '/');
    if (slash && g_utf8_strlen(k, slash - k) <= 6)
      g_strlcpy(out[i].name, k, MIN(sizeof out[i].name, (size_t)(slash - k) + 1));
    else if (n == 2)
      g_strlcpy(out[i].name, i == 0 ? "预算数" : "决算数", sizeof out[i].name);
    else
      out[i].name[0] = '\0';
    g_free(k);
  }
  return n;
}

/* Column of block b whose leaf equals `exact`, or contains `has` and not
 * `not_has`. */
static int col09(const vtable *vt, const block09 *b, const char *exact, const char *has,
                 const char *not_has) {
  for (int col = b->c0; col < b->c1; col++) {
    char *k = b2j_text_match_key(v_label(vt, col));
    const char *leaf = strrchr(k, '/') ? strrchr(k, '/') + 1 : k;
    bool ok = true;
    if (exact)
      ok = strcmp(leaf, exact) == 0;
    if (ok && has)
      ok = strstr(leaf, has) != NULL;
    if (ok && not_has)
      ok = strstr(leaf, not_has) == NULL;
    g_free(k);
    if (ok)
      return col;
  }
  return -1;
}

/* Column of block b whose leaf is 小计 and whose whole label contains
 * `path_has` (or, with path_has NULL, does not contain 三公). */
static int sub09(const vtable *vt, const block09 *b, const char *path_has) {
  for (int col = b->c0; col < b->c1; col++) {
    char *k = b2j_text_match_key(v_label(vt, col));
    const char *leaf = strrchr(k, '/') ? strrchr(k, '/') + 1 : k;
    bool ok = strcmp(leaf, "小计") == 0;
    if (ok && !path_has)
      ok = !strstr(k, "三公");
    else if (ok && strcmp(path_has, "三公") == 0)
      ok = strstr(k, "三公") && !strstr(k, "公务用车");
    else if (ok)
      ok = strstr(k, path_has) != NULL;
    g_free(k);
    if (ok)
      return col;
  }
  return -1;
}

static void three_public_row(vctx *c, const vtable *vt, int line, const block09 *b) {
  int ct = col09(vt, b, "合计", NULL, NULL);
  /* Tables that add 会议费/培训费 print a “三公”经费 小计 beside 合计. */
  int c3 = sub09(vt, b, "三公");
  int cmeet = col09(vt, b, NULL, "会议费", NULL), ctrain = col09(vt, b, NULL, "培训费", NULL);
  if (c3 >= 0 && ct >= 0 && (cmeet >= 0 || ctrain >= 0)) {
    amount f = {0}, p[3] = {{0}};
    amount_at(vt, line, ct, &f);
    amount_at(vt, line, c3, &p[0]);
    if (cmeet >= 0)
      amount_at(vt, line, cmeet, &p[1]);
    if (ctrain >= 0)
      amount_at(vt, line, ctrain, &p[2]);
    char *where = g_strdup_printf("%s%s合计", b->name, *b->name ? "/" : "");
    table_sum_check(c, vt, "three_public_with_meetings", where, &f, p, 3);
    g_free(where);
    amount_clear(&f);
    for (int i = 0; i < 3; i++)
      amount_clear(&p[i]);
  }
  if (c3 >= 0)
    ct = c3;
  int cabroad = col09(vt, b, NULL, "出国", NULL);
  int csub = sub09(vt, b, "公务用车");
  if (csub < 0)
    csub = sub09(vt, b, NULL);
  int cveh = csub >= 0 ? csub : col09(vt, b, NULL, "购置及运行", NULL);
  int cbuy = col09(vt, b, NULL, "购置费", "运行");
  int crun = col09(vt, b, NULL, "运行", "购置及");
  int crec = col09(vt, b, NULL, "接待", NULL);
  const char *pre = b->name;
  if (ct >= 0 && cabroad >= 0 && cveh >= 0 && crec >= 0) {
    amount f = {0}, p[3] = {{0}};
    amount_at(vt, line, ct, &f);
    amount_at(vt, line, cabroad, &p[0]);
    amount_at(vt, line, cveh, &p[1]);
    amount_at(vt, line, crec, &p[2]);
    char *where = g_strdup_printf("%s%s%s", pre, *pre ? "/" : "",
                                  c3 >= 0 ? "“三公”经费/小计" : "合计");
    table_sum_check(c, vt, "three_public_sum", where, &f, p, 3);
    g_free(where);
    amount_clear(&f);
    for (int i = 0; i < 3; i++)
      amount_clear(&p[i]);
  } else {
    v_skip(c, "three_public_sum", *pre ? pre : "合计", vt->t->id,
           "%s: the 合计/因公出国(境)费/公务用车购置及运行维护费/公务接待费 columns%s%s were "
           "not all read",
           vt->desc, *pre ? " under " : "", pre);
  }
  if (csub >= 0 && cbuy >= 0 && crun >= 0) {
    amount f = {0}, p[2] = {{0}};
    amount_at(vt, line, csub, &f);
    amount_at(vt, line, cbuy, &p[0]);
    amount_at(vt, line, crun, &p[1]);
    char *where = g_strdup_printf("%s%s公务用车购置及运行维护费/小计", pre, *pre ? "/" : "");
    table_sum_check(c, vt, "three_public_vehicle", where, &f, p, 2);
    g_free(where);
    amount_clear(&f);
    amount_clear(&p[0]);
    amount_clear(&p[1]);
  }
}

static void rules_three_public(vctx *c, const vtable *vt) {
  if (vt->groups->len == 0)
    return;
  block09 blk[2];
  int nb = blocks09(vt, blk);
  if (nb == 0) {
    v_skip(c, "three_public_sum", "合计", vt->t->id, "%s: no 合计 column was read", vt->desc);
    return;
  }
  /* The data rows: those with a number in the value columns. */
  int rows = 0;
  for (guint i = 0; i < vt->lines->len; i++) {
    const vline *l = g_ptr_array_index(vt->lines, i);
    const vgroup *g = &g_array_index(vt->groups, vgroup, l->group);
    bool num = false;
    for (int col = g->v0; col < g->v1 && !num; col++) {
      b2j_dec v;
      num = v_cell(vt, l->row, col, &v) == CV_NUM;
    }
    if (!num)
      continue;
    rows++;
    for (int k = 0; k < nb; k++)
      three_public_row(c, vt, (int)i, &blk[k]);
  }
  if (!rows)
    v_skip(c, "three_public_sum", "合计", vt->t->id, "%s: no data row was read", vt->desc);
}

/* ====================================================================== */
/* Across tables                                                          */
/* ====================================================================== */

static vtable *need(vctx *c, int which, const char *rule, const char *where, const char *why) {
  vtable *vt = c->std[which];
  if (!vt)
    v_skip(c, rule, where, NULL, "not evaluated: no %s was found (%s)", STD_NAME[which], why);
  return vt;
}

static void cross_totals(vctx *c) {
  vtable *t01 = c->std[V01], *t02 = c->std[V02], *t03 = c->std[V03], *t04 = c->std[V04],
         *t05 = c->std[V05];
  /* 01 本年收入合计 = 02 合计/本年收入合计 */
  if (need(c, V01, "cross_income_total", "本年收入合计", "01 本年收入合计 = 02 合计") &&
      need(c, V02, "cross_income_total", "本年收入合计", "01 本年收入合计 = 02 合计")) {
    amount a = {0}, b = {0};
    if (summary_amount(t01, find_any(t01, A_INC_TOTAL), &a) && total_amount(t02, C_INC_TOTAL, &b))
      cross_check(c, "cross_income_total", "本年收入合计", &a, &b, NULL);
    else
      v_skip(c, "cross_income_total", "本年收入合计", t02->t->id,
             "%s 本年收入合计 or %s 合计/本年收入合计 was not read", t01->desc, t02->desc);
    amount_clear(&a);
    amount_clear(&b);
  }
  /* 01 本年支出合计 = 03 合计/本年支出合计 */
  if (need(c, V01, "cross_expenditure_total", "本年支出合计", "01 本年支出合计 = 03 合计") &&
      need(c, V03, "cross_expenditure_total", "本年支出合计", "01 本年支出合计 = 03 合计")) {
    amount a = {0}, b = {0};
    if (summary_amount(t01, find_any(t01, A_EXP_TOTAL), &a) && total_amount(t03, C_EXP_TOTAL, &b))
      cross_check(c, "cross_expenditure_total", "本年支出合计", &a, &b, NULL);
    else
      v_skip(c, "cross_expenditure_total", "本年支出合计", t03->t->id,
             "%s 本年支出合计 or %s 合计/本年支出合计 was not read", t01->desc, t03->desc);
    amount_clear(&a);
    amount_clear(&b);
  }
  /* 04 本年收入合计 = 02 合计/财政拨款收入 */
  if (need(c, V04, "cross_appropriation_income", "财政拨款收入", "04 本年收入合计 = 02 财政拨款收入") &&
      need(c, V02, "cross_appropriation_income", "财政拨款收入", "04 本年收入合计 = 02 财政拨款收入")) {
    amount a = {0}, b = {0};
    if (summary_amount(t04, find_any(t04, A_INC_TOTAL), &a) && total_amount(t02, C_APPROP, &b))
      cross_check(c, "cross_appropriation_income", "合计/财政拨款收入", &a, &b, NULL);
    else
      v_skip(c, "cross_appropriation_income", "合计/财政拨款收入", t02->t->id,
             "%s 本年收入合计 or %s 合计/财政拨款收入 was not read", t04->desc, t02->desc);
    amount_clear(&a);
    amount_clear(&b);
  }
  /* 04 本年支出合计/一般公共预算财政拨款 = 05 合计/小计 */
  if (need(c, V04, "cross_general_budget_total", "合计/小计", "04 一般公共预算 本年支出合计 = 05 合计") &&
      need(c, V05, "cross_general_budget_total", "合计/小计", "04 一般公共预算 本年支出合计 = 05 合计")) {
    amount a = {0}, b = {0};
    int l = find_any(t04, A_EXP_TOTAL);
    int col = -1;
    if (l >= 0) {
      const vgroup *g = &g_array_index(t04->groups, vgroup, v_line(t04, l)->group);
      for (int k = g->v0; k < g->v1 && col < 0; k++) {
        char *key = b2j_text_match_key(v_label(t04, k));
        if (strstr(key, "一般公共预算"))
          col = k;
        g_free(key);
      }
    }
    memset(&a, 0, sizeof a);
    if (col >= 0 && amount_at(t04, l, col, &a) && total_amount(t05, C_GB_TOTAL, &b))
      cross_check(c, "cross_general_budget_total", "合计/小计", &a, &b, NULL);
    else {
      memset(&b, 0, sizeof b);
      v_skip(c, "cross_general_budget_total", "合计/小计", t05->t->id,
             "%s 本年支出合计/一般公共预算财政拨款 or %s 合计/小计 was not read", t04->desc,
             t05->desc);
    }
    amount_clear(&a);
    amount_clear(&b);
  }
}

/* 功能分类 类 (政府收支分类科目, expenditure): code and name. */
static const struct {
  const char *code, *name;
} CLASSES[] = {
    {"201", "一般公共服务支出"}, {"202", "外交支出"}, {"203", "国防支出"},
    {"204", "公共安全支出"}, {"205", "教育支出"}, {"206", "科学技术支出"},
    {"207", "文化旅游体育与传媒支出"}, {"208", "社会保障和就业支出"},
    {"209", "社会保险基金支出"}, {"210", "卫生健康支出"}, {"211", "节能环保支出"},
    {"212", "城乡社区支出"}, {"213", "农林水支出"}, {"214", "交通运输支出"},
    {"215", "资源勘探工业信息等支出"}, {"216", "商业服务业等支出"}, {"217", "金融支出"},
    {"219", "援助其他地区支出"}, {"220", "自然资源海洋气象等支出"}, {"221", "住房保障支出"},
    {"222", "粮油物资储备支出"}, {"223", "国有资本经营预算支出"},
    {"224", "灾害防治及应急管理支出"}, {"227", "预备费"}, {"229", "其他支出"},
    {"230", "转移性支出"}, {"231", "债务还本支出"}, {"232", "债务付息支出"},
    {"233", "债务发行费用支出"}, {"234", "抗疫特别国债安排的支出"}, {NULL, NULL}};

static const char *class_of_name(const char *key) {
  for (int i = 0; CLASSES[i].code; i++)
    if (strcmp(key, CLASSES[i].name) == 0)
      return CLASSES[i].code;
  /* "卫生健康支出(类)", "医疗卫生与计划生育支出" (older 210 name) */
  for (int i = 0; CLASSES[i].code; i++)
    if (g_str_has_prefix(key, CLASSES[i].name))
      return CLASSES[i].code;
  if (strcmp(key, "医疗卫生与计划生育支出") == 0)
    return "210";
  return NULL;
}

/* A summary table's 类 lines (01 or 04, the expenditure group) against the
 * Σ of a subject table's rows under that 类. */
static void cross_class(vctx *c, const vtable *sum, const char *sum_col_word, const vtable *sub,
                        const char *const *sub_cols, const char *rule) {
  int exp = find_any(sum, A_EXP_TOTAL);
  if (exp < 0)
    return;
  int ge = v_line(sum, exp)->group;
  int scol = -1;
  const vgroup *g = &g_array_index(sum->groups, vgroup, ge);
  for (int k = g->v0; k < g->v1 && scol < 0; k++) {
    char *key = b2j_text_match_key(v_label(sum, k));
    if (!sum_col_word || strstr(key, sum_col_word))
      scol = k;
    g_free(key);
  }
  int tl = total_line(sub);
  int subcol = -1;
  for (int i = 0; sub_cols[i] && subcol < 0 && tl >= 0; i++)
    subcol = v_col(sub, v_line(sub, tl)->group, sub_cols[i]);
  if (scol < 0 || subcol < 0) {
    v_skip(c, rule, "", sub->t->id, "%s or %s: the amount columns were not read", sum->desc,
           sub->desc);
    return;
  }
  bool coded = false;
  for (guint j = 0; j < sub->lines->len && !coded; j++)
    coded = *((const vline *)g_ptr_array_index(sub->lines, j))->code != '\0';
  if (!coded) {
    v_skip(c, rule, "", sub->t->id, "not evaluated: no subject code was read in %s", sub->desc);
    return;
  }
  for (int i = 0; i < exp; i++) {
    const vline *l = v_line(sum, i);
    if (l->group != ge)
      continue;
    const char *cls = class_of_name(l->key);
    if (!cls)
      continue;
    amount f = {0};
    amount_at(sum, i, scol, &f);
    if (f.kind == CV_BLANK) {
      amount_clear(&f);
      continue;
    }
    /* Σ of sub's rows under the class: its 类 row when printed, else its
     * top-level rows with that prefix. */
    b2j_dec s = b2j_dec_from_int(0);
    GString *codes = g_string_new(NULL);
    bool bad = false;
    int n = 0;
    for (guint j = 0; j < sub->lines->len; j++) {
      const vline *m = g_ptr_array_index(sub->lines, j);
      if (!g_str_has_prefix(m->code, cls) || has_ancestor(sub, m->code))
        continue;
      b2j_dec v;
      if (v_cell(sub, m->row, subcol, &v) == CV_BAD)
        bad = true;
      b2j_dec_add(s, v, &s);
      g_string_append_printf(codes, "%s%s", codes->len ? ", " : "", m->code);
      n++;
    }
    char *where = g_strdup_printf("%s/%s", cls, v_label(sub, subcol));
    if (bad) {
      v_skip(c, rule, where, sub->t->id, "%s: a row under %s is not a number", sub->desc, cls);
    } else {
      amount e = {sub, tl, subcol, CV_NUM, s, NULL};
      e.desc = g_strdup_printf("%s %s Σ %s rows under %s [%s]", sub->t->id,
                               sub->t->form ? sub->t->form : "", v_label(sub, subcol), cls,
                               n ? codes->str : "none printed");
      cross_check(c, rule, where, &e, &f, NULL);
      amount_clear(&e);
    }
    g_free(where);
    g_string_free(codes, TRUE);
    amount_clear(&f);
  }
}

static int line_of_code(const vtable *vt, const char *code) {
  for (guint i = 0; i < vt->lines->len; i++)
    if (strcmp(((const vline *)g_ptr_array_index(vt->lines, i))->code, code) == 0)
      return (int)i;
  return -1;
}

/* For each code printed in `a` or `b` (nonzero on at least one side):
 * a's column = b's column; a code missing from one side counts as 0 there
 * (and the message says it is absent). Only codes with no ancestor printed
 * in their table are compared at the leaves, to avoid double counts. */
static bool excluded(const GPtrArray *ex, const char *code) {
  for (guint i = 0; ex && i < ex->len; i++) {
    const char *x = g_ptr_array_index(ex, i);
    if (g_str_has_prefix(x, code) || g_str_has_prefix(code, x))
      return true;
  }
  return false;
}

static void per_code(vctx *c, const char *rule, const vtable *a, const char *const *acols,
                     const vtable *b, const char *const *bcols, const char *cond,
                     const GPtrArray *ex) {
  int ta = total_line(a), tb = total_line(b);
  int ca = -1, cb = -1;
  for (int i = 0; acols[i] && ca < 0; i++)
    ca = v_col(a, ta >= 0 ? v_line(a, ta)->group : 0, acols[i]);
  for (int i = 0; bcols[i] && cb < 0; i++)
    cb = v_col(b, tb >= 0 ? v_line(b, tb)->group : 0, bcols[i]);
  if (ca < 0 || cb < 0) {
    v_skip(c, rule, "", ca < 0 ? a->t->id : b->t->id, "%s: column %s was not read",
           ca < 0 ? a->desc : b->desc, ca < 0 ? acols[0] : bcols[0]);
    return;
  }
  GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
  const vtable *both[2] = {b, a};
  for (int s = 0; s < 2; s++)
    for (guint i = 0; i < both[s]->lines->len; i++) {
      const vline *l = g_ptr_array_index(both[s]->lines, i);
      if (!*l->code || g_hash_table_contains(seen, l->code) || excluded(ex, l->code))
        continue;
      g_hash_table_add(seen, (gpointer)l->code);
      int la = line_of_code(a, l->code), lb = line_of_code(b, l->code);
      amount x = {0}, y = {0};
      memset(&x, 0, sizeof x);
      memset(&y, 0, sizeof y);
      if (la >= 0)
        amount_at(a, la, ca, &x);
      if (lb >= 0)
        amount_at(b, lb, cb, &y);
      bool nz = (x.vt && x.kind != CV_BLANK && !b2j_dec_is_zero(x.v)) ||
                (y.vt && y.kind != CV_BLANK && !b2j_dec_is_zero(y.v)) ||
                (x.vt && y.vt && (x.kind == CV_NUM || y.kind == CV_NUM));
      if (nz) {
        const vline *ll = la >= 0 ? v_line(a, la) : v_line(b, lb);
        char *where = g_strdup_printf("%s/%s", l->code, v_label(b, cb));
        if (!x.vt) {
          x.vt = a;
          x.line = ta >= 0 ? ta : 0;
          x.col = ca;
          x.kind = CV_BLANK;
          x.v = b2j_dec_from_int(0);
          x.desc = g_strdup_printf("%s %s %s (absent: 0)", a->t->id, a->t->form ? a->t->form : "",
                                   l->code);
        }
        if (!y.vt) {
          y.vt = b;
          y.line = tb >= 0 ? tb : 0;
          y.col = cb;
          y.kind = CV_BLANK;
          y.v = b2j_dec_from_int(0);
          y.desc = g_strdup_printf("%s %s %s (absent: 0)", b->t->id, b->t->form ? b->t->form : "",
                                   l->code);
        }
        char *what = g_strdup_printf("%s %s%s%s", l->code, ll->name, cond ? "; " : "",
                                     cond ? cond : "");
        cross_check(c, rule, where, &x, &y, what);
        g_free(what);
        g_free(where);
      }
      amount_clear(&x);
      amount_clear(&y);
    }
  g_hash_table_destroy(seen);
}

static bool is_zero_amount(const amount *a) {
  return !a->vt || a->kind == CV_BLANK || (a->kind == CV_NUM && b2j_dec_is_zero(a->v));
}

/* Subject codes under which 07 or 08 print nonzero amounts: there, 02 and
 * 03 hold 政府性基金/国有资本 money that 05 does not. *unreadable is set when
 * 07/08 hold numbers on rows without a code. Caller frees the array. */
static GPtrArray *fund_codes(vctx *c, bool *unreadable) {
  GPtrArray *ex = g_ptr_array_new();
  *unreadable = false;
  for (int w = V07; w <= V08; w++) {
    const vtable *vt = c->std[w];
    if (!vt)
      continue;
    for (guint i = 0; i < vt->lines->len; i++) {
      const vline *l = g_ptr_array_index(vt->lines, i);
      if (is_total_line(l))
        continue;
      const vgroup *g = &g_array_index(vt->groups, vgroup, l->group);
      bool nz = false;
      for (int col = g->v0; col < g->v1 && !nz; col++) {
        b2j_dec v;
        nz = v_cell(vt, l->row, col, &v) == CV_NUM && !b2j_dec_is_zero(v);
      }
      if (!nz)
        continue;
      if (*l->code)
        g_ptr_array_add(ex, (gpointer)l->code);
      else
        *unreadable = true;
    }
  }
  return ex;
}

/* 03 vs 05 per code (基本支出, 项目支出, total), when 02 says every income is
 * 财政拨款; 02 财政拨款收入 vs 05 小计 per code, when no 财政拨款 carry-over. */
static void cross_codes(vctx *c) {
  vtable *t02 = c->std[V02], *t03 = c->std[V03], *t05 = c->std[V05];
  static const char *const C03_TOT[] = {"本年支出合计", "合计", "支出合计", NULL};
  if (need(c, V05, "cross_code_03_05", "", "03 and 05 per subject code") &&
      need(c, V03, "cross_code_03_05", "", "03 and 05 per subject code") &&
      need(c, V02, "cross_code_03_05", "",
           "needed to know whether every income is 财政拨款 (02 财政拨款收入 = 本年收入合计)")) {
    amount inc = {0}, app = {0};
    bool r1 = total_amount(t02, C_INC_TOTAL, &inc), r2 = total_amount(t02, C_APPROP, &app);
    if (!r1 || !r2 || inc.kind != CV_NUM || app.kind != CV_NUM) {
      v_skip(c, "cross_code_03_05", "", t02->t->id,
             "%s: 合计/本年收入合计 or 合计/财政拨款收入 was not read", t02->desc);
    } else if (b2j_dec_cmp(inc.v, app.v) != 0) {
      char *a = v_fmt(app.v), *b = v_fmt(inc.v);
      v_skip(c, "cross_code_03_05", "", t02->t->id,
             "not applicable: %s 财政拨款收入 %s ≠ 本年收入合计 %s, so 03 and 05 may differ "
             "per code",
             t02->desc, a, b);
      g_free(a);
      g_free(b);
    } else {
      bool unreadable = false;
      GPtrArray *ex = fund_codes(c, &unreadable);
      if (unreadable) {
        v_skip(c, "cross_code_03_05", "", t03->t->id,
               "not evaluated: 07/08 hold amounts on rows without a subject code, so the codes "
               "financed outside 一般公共预算 are unknown");
      } else {
        const char *cond = ex->len ? "02 财政拨款收入 = 本年收入合计, so 03 = 05 per code "
                                     "(codes with 07/08 amounts left out)"
                                   : "02 财政拨款收入 = 本年收入合计, so 03 = 05 per code";
        per_code(c, "cross_code_03_05", t03, C_BASIC, t05, C_BASIC, cond, ex);
        per_code(c, "cross_code_03_05", t03, C_PROJECT, t05, C_PROJECT, cond, ex);
        per_code(c, "cross_code_03_05", t03, C03_TOT, t05, C_GB_TOTAL, cond, ex);
      }
      g_ptr_array_free(ex, TRUE);
    }
    amount_clear(&inc);
    amount_clear(&app);
  }

  /* 02 财政拨款收入 per code = 05 小计 per code: the appropriation received
   * under a subject is spent under it, when nothing is carried over. */
  if (need(c, V05, "cross_code_02_05", "", "02 财政拨款收入 and 05 小计 per subject code") &&
      need(c, V02, "cross_code_02_05", "", "02 财政拨款收入 and 05 小计 per subject code")) {
    const char *cond = NULL;
    char *why = NULL;
    vtable *t04 = c->std[V04], *t01 = c->std[V01];
    static const char *const K_BEGIN[] = {"年初", "结转", NULL};
    static const char *const K_END[] = {"年末", "结转", NULL};
    static const char *const K_USE[] = {"使用非财政拨款结余", NULL};
    static const char *const K_DIST[] = {"结余分配", NULL};
    vtable *src = t04 ? t04 : t01;
    if (src) {
      amount b = {0}, e = {0}, u = {0}, d = {0};
      summary_amount(src, v_find(src, 0, K_BEGIN), &b);
      summary_amount(src, v_find(src, 0, K_END), &e);
      summary_amount(src, src == t01 ? v_find(src, 0, K_USE) : -1, &u);
      summary_amount(src, src == t01 ? v_find(src, 0, K_DIST) : -1, &d);
      if (is_zero_amount(&b) && is_zero_amount(&e) && is_zero_amount(&u) && is_zero_amount(&d))
        cond = src == t04 ? "04 shows no 财政拨款 carry-over (年初/年末结转和结余 0)"
                          : "01 shows no carry-over (年初/年末结转和结余 0)";
      else
        why = g_strdup_printf("not applicable: %s shows carry-over or 结余 (年初/年末结转和结余, "
                              "结余分配), so income and expenditure may differ per code",
                              src->desc);
      amount_clear(&b);
      amount_clear(&e);
      amount_clear(&u);
      amount_clear(&d);
    } else {
      amount i2 = {0}, x5 = {0};
      if (total_amount(t02, C_APPROP, &i2) && total_amount(t05, C_GB_TOTAL, &x5) &&
          i2.kind == CV_NUM && x5.kind == CV_NUM && b2j_dec_cmp(i2.v, x5.v) == 0)
        cond = "assumed no carry-over: 01/04 not found, and 02 合计/财政拨款收入 = 05 合计/小计";
      else
        why = g_strdup("not evaluated: no 01/04 table to show the carry-over, and the 02 and 05 "
                       "totals differ");
      amount_clear(&i2);
      amount_clear(&x5);
    }
    /* 02's 财政拨款收入 also holds 政府性基金/国有资本 appropriations: codes
     * with 07/08 amounts are left out. */
    bool unreadable = false;
    GPtrArray *ex = fund_codes(c, &unreadable);
    if (cond && unreadable) {
      why = g_strdup("not evaluated: 07/08 hold amounts on rows without a subject code");
      cond = NULL;
    }
    if (cond)
      per_code(c, "cross_code_02_05", t05, C_GB_TOTAL, t02, C_APPROP, cond, ex);
    else
      v_skip(c, "cross_code_02_05", "", t02->t->id, "%s", why);
    g_ptr_array_free(ex, TRUE);
    g_free(why);
  }
}

/* 06 人员经费合计 + 公用经费合计 = 05 合计/基本支出. */
static bool labelled_amount(const vtable *vt, const char *label, amount *a) {
  memset(a, 0, sizeof *a);
  char *want = b2j_text_match_key(label);
  bool found = false;
  for (guint r = 0; r < vt->t->rows->len && !found; r++)
    for (guint col = 0; col < vt->t->columns->len && !found; col++) {
      char *k = b2j_text_match_key(cell_text(vt, (int)r, (int)col));
      if (strstr(k, want)) {
        for (guint n = col + 1; n < vt->t->columns->len; n++) {
          const char *tx = cell_text(vt, (int)r, (int)n);
          char *k2 = b2j_text_match_key(tx);
          bool same = strcmp(k2, k) == 0 || !*k2;
          g_free(k2);
          if (same)
            continue;
          b2j_dec v;
          cv_kind kind = v_cell(vt, (int)r, (int)n, &v);
          if (kind == CV_NUM) {
            a->vt = vt;
            a->kind = kind;
            a->v = v;
            a->col = (int)n;
            a->line = -1;
            for (guint i = 0; i < vt->lines->len; i++)
              if (((const vline *)g_ptr_array_index(vt->lines, i))->row == (int)r) {
                a->line = (int)i;
                break;
              }
            const b2j_cell *cp = v_cellp(vt, (int)r, (int)n);
            a->desc = g_strdup_printf("%s %s %s (p.%d)", vt->t->id, vt->t->form ? vt->t->form : "",
                                      label, cp ? cp->page : 0);
            found = true;
          }
          break;
        }
      }
      g_free(k);
    }
  g_free(want);
  return found;
}

static void cross_basic_detail(vctx *c) {
  if (!need(c, V06, "cross_basic_detail", "合计/基本支出", "06 人员经费合计 + 公用经费合计 = 05 基本支出") ||
      !need(c, V05, "cross_basic_detail", "合计/基本支出", "06 人员经费合计 + 公用经费合计 = 05 基本支出"))
    return;
  vtable *t06 = c->std[V06], *t05 = c->std[V05];
  amount p = {0}, g = {0}, b = {0};
  bool hp = labelled_amount(t06, "人员经费合计", &p), hg = labelled_amount(t06, "公用经费合计", &g);
  bool hb = total_amount(t05, C_BASIC, &b);
  static const char *const C06_TOT[] = {"合计", NULL};
  amount t = {0};
  memset(&t, 0, sizeof t);
  if ((!hp || !hg) && hb && total_amount(t06, C06_TOT, &t) && t.kind == CV_NUM) {
    /* Budgets print 合计 (= 人员经费 + 公用经费) as a row and a column. */
    cross_check(c, "cross_basic_detail", "合计/基本支出", &t, &b, "06 合计 = 05 基本支出");
    amount_clear(&t);
  } else if (!hp || !hg || !hb) {
    amount_clear(&t);
    v_skip(c, "cross_basic_detail", "合计/基本支出", t06->t->id,
           "not evaluated: %s was not read", !hp ? "06 人员经费合计" : !hg ? "06 公用经费合计"
                                                                            : "05 合计/基本支出");
  } else {
    amount e = {t06, p.line, p.col, CV_NUM, {0, 0}, NULL};
    b2j_dec_add(p.v, g.v, &e.v);
    e.desc = g_strdup_printf("%s 人员经费合计 + 公用经费合计 (%s + %s)", t06->t->id,
                             p.desc, g.desc);
    if (e.line < 0)
      e.line = 0;
    cross_check(c, "cross_basic_detail", "合计/基本支出", &e, &b, NULL);
    amount_clear(&e);
  }
  amount_clear(&p);
  amount_clear(&g);
  amount_clear(&b);
}

/* ====================================================================== */
/* 07/08 printed empty: a note says so; 04's fund column zero ⇒ no numbers */
/* ====================================================================== */

static bool table_has_numbers(const vtable *vt) {
  for (guint i = 0; i < vt->lines->len; i++) {
    const vline *l = g_ptr_array_index(vt->lines, i);
    const vgroup *g = &g_array_index(vt->groups, vgroup, l->group);
    for (int col = g->v0; col < g->v1; col++) {
      b2j_dec v;
      if (v_cell(vt, l->row, col, &v) == CV_NUM && !b2j_dec_is_zero(v))
        return true;
    }
  }
  return false;
}

static void rules_empty(vctx *c, int which, const char *fund_word) {
  const char *rule = "empty_table_note";
  vtable *vt = need(c, which, rule, STD_NAME[which], "07/08 printed empty carry a note");
  if (!vt)
    return;
  bool nums = table_has_numbers(vt);
  bool budget = vt->t->title && strstr(vt->t->title, "预算") && !strstr(vt->t->title, "决算");
  if (!nums && budget) {
    v_skip(c, rule, vt->t->form ? vt->t->form : vt->t->id, vt->t->id,
           "not evaluated: %s is a budget table; the 本表无数据 note is a final-account (决算) "
           "convention",
           vt->desc);
  } else if (!nums) {
    static const char *const NOTES[] = {"本表无数据", "无数据", "本表为空", "空表", "没有", NULL};
    bool note = false;
    int page = 0;
    for (guint p = 0; p < vt->t->pages->len && !note; p++) {
      page = g_array_index(vt->t->pages, int, p);
      const char *tx = v_page_text(c, page);
      for (int i = 0; NOTES[i] && !note; i++)
        note = strstr(tx, NOTES[i]) != NULL;
    }
    b2j_check *k = v_check(c, rule, vt->t->form ? vt->t->form : vt->t->id, vt->t->id, NULL);
    k->ok = note;
    v_check_msg(k, note ? "%s holds no numbers and p.%d notes that it has no data"
                        : "%s holds no numbers but no note saying it has no data (本表无数据) "
                          "was found on its page(s) (last p.%d)",
                vt->desc, page);
  }
  /* 04's fund column zero ⇒ this table holds no numbers. */
  vtable *t04 = c->std[V04];
  if (!t04) {
    v_skip(c, "empty_fund_consistency", STD_NAME[which], vt->t->id,
           "not evaluated: no %s was found", STD_NAME[V04]);
    return;
  }
  int fcol = -1;
  for (guint col = 0; col < t04->t->columns->len && fcol < 0; col++) {
    char *k = b2j_text_match_key(v_label(t04, (int)col));
    if (strstr(k, fund_word))
      fcol = (int)col;
    g_free(k);
  }
  if (fcol < 0) {
    v_skip(c, "empty_fund_consistency", STD_NAME[which], vt->t->id,
           "not evaluated: %s has no %s column", t04->desc, fund_word);
    return;
  }
  bool fund_zero = column_blank(t04, fcol);
  if (!fund_zero)
    return; /* the fund has money: the table may hold numbers */
  b2j_check *k = v_check(c, "empty_fund_consistency", vt->t->form ? vt->t->form : vt->t->id,
                         t04->t->id, vt->t->id);
  k->ok = !nums;
  v_check_msg(k, "%s column %s is zero throughout; %s %s", t04->desc, v_label(t04, fcol),
              vt->desc, nums ? "nevertheless holds nonzero numbers" : "holds no numbers");
}

/* ====================================================================== */
/* Driver                                                                 */
/* ====================================================================== */

const char *v_page_text(vctx *c, int n) {
  const b2j_doc *doc = c->doc;
  if (!c->page_texts)
    c->page_texts = g_new0(char *, doc->pages->len + 1);
  for (guint i = 0; i < doc->pages->len; i++) {
    const b2j_page *p = g_ptr_array_index(doc->pages, i);
    if (p->number != n)
      continue;
    if (!c->page_texts[i]) {
      GString *s = g_string_new(NULL);
      for (guint w = 0; w < p->words->len; w++) {
        const b2j_word *wd = &g_array_index(p->words, b2j_word, w);
        if (wd->text)
          g_string_append(s, wd->text);
      }
      c->page_texts[i] = v_squash(s->str);
      g_string_free(s, TRUE);
    }
    return c->page_texts[i];
  }
  return "";
}

static bool declares_tail(vctx *c) {
  for (guint i = 0; i < c->doc->pages->len; i++) {
    const b2j_page *p = g_ptr_array_index(c->doc->pages, i);
    const char *tx = v_page_text(c, p->number);
    if (strstr(tx, "尾数误差") || strstr(tx, "尾差"))
      return true;
  }
  return false;
}

void b2j_validate(b2j_doc *doc) {
  if (!doc)
    return;
  vctx c = {.doc = doc};
  c.tail_declared = declares_tail(&c);
  GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)vtable_free);
  for (guint i = 0; i < doc->tables->len; i++) {
    const b2j_table *t = g_ptr_array_index(doc->tables, i);
    for (int k = 0; k < V_N; k++)
      if (t->kind && strcmp(t->kind, STD_KIND[k]) == 0) {
        vtable *vt = vtable_new(t);
        g_ptr_array_add(all, vt);
        if (!c.std[k])
          c.std[k] = vt;
        c.finance = true;
      }
  }
  /* Inside each standard table. */
  for (guint i = 0; i < all->len; i++) {
    vtable *vt = g_ptr_array_index(all, i);
    const char *kind = vt->t->kind;
    if (strcmp(kind, "income") == 0 || strcmp(kind, "expenditure") == 0 ||
        strcmp(kind, "general_budget_expenditure") == 0 ||
        strcmp(kind, "basic_expenditure_detail") == 0 || strcmp(kind, "government_fund") == 0 ||
        strcmp(kind, "state_capital") == 0)
      rules_sums(&c, vt);
    if (strcmp(kind, "income") == 0)
      rules_row_identity(&c, vt, RI_INCOME);
    if (strcmp(kind, "expenditure") == 0 || strcmp(kind, "general_budget_expenditure") == 0 ||
        strcmp(kind, "state_capital") == 0 || strcmp(kind, "government_fund") == 0)
      rules_row_identity(&c, vt, RI_EXPENDITURE);
    if (strcmp(kind, "basic_expenditure_detail") == 0 && vt->groups->len == 1)
      rules_row_identity(&c, vt, RI_BASIC);
    if (strcmp(kind, "income_expenditure_summary") == 0) {
      rules_summary(&c, vt, false);
      rules_summary_sub_items(&c, vt);
    }
    if (strcmp(kind, "appropriation_summary") == 0) {
      rules_summary(&c, vt, true);
      rules_summary_sub_items(&c, vt);
      rules_fund_rows(&c, vt);
    }
    if (strcmp(kind, "three_public") == 0)
      rules_three_public(&c, vt);
    if (strcmp(kind, "government_fund") == 0)
      rules_fund_balance07(&c, vt);
  }
  if (c.finance) {
    if (!c.std[V01])
      v_skip(&c, "balance_totals", "总计", NULL, "not evaluated: no %s was found", STD_NAME[V01]);
    if (!c.std[V04])
      v_skip(&c, "balance_totals", "总计", NULL, "not evaluated: no %s was found", STD_NAME[V04]);
    for (int k = V02; k <= V05; k++)
      if (k != V04 && !c.std[k])
        v_skip(&c, "column_sum", "合计", NULL, "not evaluated: no %s was found", STD_NAME[k]);
    if (!c.std[V09])
      v_skip(&c, "three_public_sum", "合计", NULL, "not evaluated: no %s was found",
             STD_NAME[V09]);
    cross_totals(&c);
    if (c.std[V01] && c.std[V03])
      cross_class(&c, c.std[V01], NULL, c.std[V03], C_EXP_TOTAL, "cross_class_01_03");
    if (c.std[V04] && c.std[V05])
      cross_class(&c, c.std[V04], "一般公共预算", c.std[V05], C_GB_TOTAL, "cross_class_04_05");
    cross_codes(&c);
    cross_basic_detail(&c);
    rules_empty(&c, V07, "政府性基金");
    rules_empty(&c, V08, "国有资本");
  }
  v_rules_performance(&c);
  v_rules_figures(&c);
  v_rules_years(&c);
  v_rules_placeholders(&c);
  v_rules_prose_comparisons(&c);
  v_rules_prose_tables(&c);
  g_ptr_array_unref(all);
  g_strfreev(c.page_texts);
}

/* A headline amount of the standard tables, for prose figures. */
bool v_std_amount(vctx *c, const char *what, v_quantity *q) {
  memset(q, 0, sizeof *q);
  amount a = {0};
  memset(&a, 0, sizeof a);
  bool ok = false;
  if (strcmp(what, "total_income") == 0) {
    if (c->std[V01])
      ok = summary_amount(c->std[V01], find_any(c->std[V01], A_INC_TOTAL), &a);
    if (!ok && c->std[V02])
      ok = total_amount(c->std[V02], C_INC_TOTAL, &a);
  } else if (strcmp(what, "total_expenditure") == 0) {
    if (c->std[V01])
      ok = summary_amount(c->std[V01], find_any(c->std[V01], A_EXP_TOTAL), &a);
    if (!ok && c->std[V03])
      ok = total_amount(c->std[V03], C_EXP_TOTAL, &a);
  } else if (strcmp(what, "basic_03") == 0 && c->std[V03]) {
    ok = total_amount(c->std[V03], C_BASIC, &a);
  } else if (strcmp(what, "basic_05") == 0 && c->std[V05]) {
    ok = total_amount(c->std[V05], C_BASIC, &a);
  } else if (strcmp(what, "project_03") == 0 && c->std[V03]) {
    ok = total_amount(c->std[V03], C_PROJECT, &a);
  } else if (strcmp(what, "project_05") == 0 && c->std[V05]) {
    ok = total_amount(c->std[V05], C_PROJECT, &a);
  } else if ((strcmp(what, "three_public_final") == 0 || strcmp(what, "three_public_budget") == 0) &&
             c->std[V09]) {
    const vtable *vt = c->std[V09];
    bool final = strcmp(what, "three_public_final") == 0;
    block09 blk[2];
    int nb = vt->groups->len ? blocks09(vt, blk) : 0;
    const block09 *b = NULL;
    for (int k = 0; k < nb && !b; k++)
      if (strcmp(blk[k].name, final ? "决算数" : "预算数") == 0)
        b = &blk[k];
    if (!b && nb == 1 && !*blk[0].name)
      b = &blk[0]; /* a budget's 三公 table: one block */
    int col = b ? col09(vt, b, "合计", NULL, NULL) : -1;
    for (guint i = 0; i < vt->lines->len && !ok && col >= 0; i++) {
      const vline *l = g_ptr_array_index(vt->lines, i);
      b2j_dec v;
      if (v_cell(vt, l->row, col, &v) == CV_NUM)
        ok = amount_at(vt, (int)i, col, &a);
    }
  }
  if (ok && a.kind == CV_NUM) {
    q->v = a.v;
    q->prec = a.vt->prec;
    q->unit = a.vt->t->unit;
    q->table = a.vt->t->id;
    q->desc = a.desc;
    return true;
  }
  if (ok)
    q->desc = a.desc; /* read but not a number */
  else
    amount_clear(&a);
  return false;
}
