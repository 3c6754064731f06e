/* Comparing sentences against the tables. A sentence that names a subject
 * (“三公”经费 or one of its items, a functional subject 类/款/项, or the
 * 一般公共预算财政拨款支出 total) with this year's amount and the budget's
 * (or says 大于/小于/持平/增加/减少 with a rate) is checked against the cells
 * the same amounts sit in:
 *
 *   prose_amount_vs_table     each amount equals its cell at the coarser of
 *                             the two printed precisions (prose in 万元 with
 *                             fewer decimals); a printed change D equals the
 *                             cells' difference
 *   prose_direction_vs_table  大于/小于/持平/增加/减少 agrees with the sign of
 *                             the cells' difference
 *   prose_rate_vs_table       完成预算的P% = X / B, 增长/减少P% = (X − B) / B,
 *                             from the cells, at P's printed decimals
 *
 * Where a side of the comparison is in no table (a budget's 上年执行数, a
 * 决算 table without 年初预算), the prose's own amount stands in and the
 * message says so; the check is emitted only when the other side was matched
 * to a cell. A subject that names no cell makes no check, or an unevaluated
 * one when the subject is known but the table or the line is not. */
#include <string.h>

#include "validate_internal.h"

#define NUM "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?"
#define UNIT "(?:万元|元)"
#define OR_DOWN "(?:（减少）|\\(减少\\))?"

/* "（年初）预算为B万元，支出决算为X万元，完成（年初）预算的P%" (Shanghai
 * and others); B may be left out. */
static const char PAIR_RE[] =
    "(?<![\\d.,])(?:(?:年初)?预算数?为(?<b>" NUM ")(?<ub>" UNIT ")[，,]?)?"
    "(?:支出)?决算数?为(?<x>" NUM ")(?<ux>" UNIT ")"
    "(?:[，,]完成(?:年初)?预算的(?<p>" NUM ")[%％])?";
/* "决算数X元，比年初预算数B元，减少D元" / "（类）2023年度决算X元，比2023年年初
 * 预算增加D元，增长P%". */
static const char CHANGE_RE[] =
    "决算数?(?<x>" NUM ")(?<ux>" UNIT ")[，,]?比?(?:\\d{4}年度?)?年初预算数?"
    "(?:(?<b>" NUM ")(?<ub>" UNIT ")[，,]?)?"
    "(?<dir>增加|减少)" OR_DOWN "(?<d>" NUM ")(?<ud>" UNIT ")"
    "(?:[，,](?<pdir>增长|增加|减少|下降)" OR_DOWN "(?<p>" NUM ")[%％])?";
/* "2023年当年预算执行数为B万元，2024年预算安排X万元，比2023年预算执行数减少P%"
 * or "…持平" (Shanghai budgets). */
static const char PLAN_RE[] =
    "当年预算执行数为(?<b>" NUM ")(?<ub>" UNIT ")[，,]\\d{4}年预算安排(?<x>" NUM ")(?<ux>" UNIT ")"
    "[，,]比\\d{4}年预算执行数(?:(?<dir>增加|减少|增长|下降)(?<p>" NUM ")[%％]|(?<flat>持平))";
/* "“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，
 * 主要用于" or "公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于"
 * (Shanghai budgets): the subject's amount this year. */
static const char HEAD_RE[] =
    "(?<=[类款项][）)]”|[类款项][）)])(?<x>" NUM ")(?<ux>" UNIT ")[，,。]主要用于";
/* "（二）公务用车购置及运行费46.56万元，比2023年预算增加25万元" / "…与2025年
 * 预算持平" (Shanghai budgets: the 三公 items against this year's table). */
static const char BUDGET_RE[] =
    "(?<![\\d.,])(?<x>" NUM ")(?<ux>" UNIT ")[。，,]?(?:比|与)\\d{4}年预算(?:增加|减少|持平)";
/* "决算数小于预算数", "决算数与预算数基本持平", "决算数大于预算数". */
static const char DIR_RE[] =
    "决算数?(?:(?<cmp>大于|小于)(?:年初)?预算数?|等于(?:年初)?预算数?|与(?:年初)?预算数?(?<flat>基本)?持平)";
/* One subject of a path "一般公共服务支出（类）财政事务（款）行政运行（项）", its
 * code part printed too in some ("公共安全支出（204类）司法（06款）行政运行（01项）"). */
static const char PATH_RE[] =
    "(?<name>[^“”（）()。；：，,、\\d.\\s]+)”?[（(](?<code>\\d{0,3})(?<lv>类|款|项)[）)]";

typedef enum { P_PAIR, P_CHANGE, P_PLAN, P_HEAD, P_BUDGET, P_N } pattern;

typedef enum {
  IT_NONE,
  IT_3P_TOTAL,
  IT_3P_ABROAD,
  IT_3P_VEHICLE,
  IT_3P_BUY,
  IT_3P_RUN,
  IT_3P_RECEPTION,
  IT_GB_TOTAL,
  IT_SUBJECT
} item_kind;

static const char *const ITEM_NAME[] = {
    "",         "“三公”经费", "因公出国(境)费", "公务用车购置及运行维护费", "公务用车购置费",
    "公务用车运行维护费", "公务接待费", "一般公共预算财政拨款支出", ""};

#define MAX_PATH 4
typedef struct {
  item_kind kind;
  int n;                     /* subject path length */
  char *names[MAX_PATH];     /* owned, match keys */
  char levels[MAX_PATH][8];  /* 类 / 款 / 项 */
  char codes[MAX_PATH][4];   /* "204", "06", "01" or "" */
  char *label;               /* for messages and `where`, owned */
} item;

typedef enum { SIDE_FINAL, SIDE_BUDGET, SIDE_CURRENT } side;

/* One sentence a pattern matched, at [s, e) of the page text. */
typedef struct {
  pattern p;
  int s, e;
  GMatchInfo *m; /* owned */
} hit;
static const char *const SIDE_NAME[] = {"决算数", "预算数", "本年预算"};

/* A cell a prose amount refers to, in 元. */
typedef struct {
  const vtable *vt;
  b2j_dec v;
  int prec;
  bool blank;
  char *desc; /* owned */
} pcell;

typedef struct {
  GRegex *re[P_N];
  GRegex *dir, *path;
} patterns;

static void item_clear(item *it) {
  for (int i = 0; i < it->n; i++)
    g_free(it->names[i]);
  g_free(it->label);
  memset(it, 0, sizeof *it);
}

static void item_copy(const item *from, item *to) {
  *to = *from;
  for (int i = 0; i < from->n; i++)
    to->names[i] = g_strdup(from->names[i]);
  to->label = g_strdup(from->label);
}

/* ---------------------------------------------------------------------- */
/* What a sentence is about                                               */
/* ---------------------------------------------------------------------- */

/* The 三公 item (or the 一般公共预算 total) a clause names: the mention that
 * starts last wins ("“三公”经费…其中：因公出国（境）费决算为…"). */
static item_kind clause_item(const char *s, size_t len) {
  static const struct {
    const char *word;
    item_kind k;
  } W[] = {{"三公", IT_3P_TOTAL},
           {"因公出国", IT_3P_ABROAD},
           {"公务用车购置及运行", IT_3P_VEHICLE},
           {"公务用车购置费", IT_3P_BUY},
           {"公务用车运行", IT_3P_RUN},
           {"公务接待", IT_3P_RECEPTION},
           {"一般公共预算财政拨款支出", IT_GB_TOTAL}};
  item_kind best = IT_NONE;
  long at = -1;
  char *seg = g_strndup(s, len);
  for (size_t i = 0; i < G_N_ELEMENTS(W); i++) {
    const char *p = seg, *last = NULL;
    while ((p = strstr(p, W[i].word)) != NULL) {
      last = p;
      p += strlen(W[i].word);
    }
    if (last && last - seg > at) {
      at = last - seg;
      best = W[i].k;
    }
  }
  g_free(seg);
  return best;
}

/* Start of the clause that ends at `pos`: after the last 。；： (or the
 * window's start). */
static size_t clause_start(const char *text, size_t from, size_t pos) {
  static const char *const STOP[] = {"。", "；", "：", ";", ":"};
  size_t best = from;
  for (size_t i = 0; i < G_N_ELEMENTS(STOP); i++) {
    size_t n = strlen(STOP[i]);
    for (size_t p = pos; p >= from + n; p--)
      if (memcmp(text + p - n, STOP[i], n) == 0) {
        best = MAX(best, p);
        break;
      }
  }
  return best;
}

/* 其它 and 其他 are the same word in subject names (prose and tables mix
 * them). */
static char *fold_key(const char *k) {
  GString *g = g_string_new(NULL);
  for (const char *p = k; *p;) {
    if (g_str_has_prefix(p, "其它")) {
      g_string_append(g, "其他");
      p += strlen("其它");
    } else {
      g_string_append_c(g, *p++);
    }
  }
  return g_string_free(g, FALSE);
}

/* The last subject path (“A（类）B（款）C（项）”) in text[from, pos). */
static bool subject_path(const patterns *pt, const char *text, size_t from, size_t pos,
                         item *it) {
  char *win = g_strndup(text + from, pos - from);
  GMatchInfo *m = NULL;
  g_regex_match(pt->path, win, 0, &m);
  int prev_end = -1;
  item cur = {0};
  bool have = false;
  while (g_match_info_matches(m)) {
    int s, e;
    g_match_info_fetch_pos(m, 0, &s, &e);
    char *name = g_match_info_fetch_named(m, "name");
    char *lv = g_match_info_fetch_named(m, "lv");
    char *code = g_match_info_fetch_named(m, "code");
    /* A chain continues only when the next subject follows at once. */
    if (s != prev_end || cur.n == MAX_PATH) {
      item_clear(&cur);
    }
    /* Drop list numbering and quotes left in the name ("1、", "“"). */
    char *k = b2j_text_match_key(name);
    cur.names[cur.n] = fold_key(k);
    g_free(k);
    g_strlcpy(cur.levels[cur.n], lv, sizeof cur.levels[cur.n]);
    g_strlcpy(cur.codes[cur.n], code ? code : "", sizeof cur.codes[cur.n]);
    g_free(code);
    cur.n++;
    have = true;
    prev_end = e;
    g_free(name);
    g_free(lv);
    g_match_info_next(m, NULL);
  }
  g_match_info_free(m);
  g_free(win);
  if (!have)
    return false;
  *it = cur;
  it->kind = IT_SUBJECT;
  GString *l = g_string_new(NULL);
  for (int i = 0; i < it->n; i++)
    g_string_append_printf(l, "%s%s(%s)", i ? "" : "", it->names[i], it->levels[i]);
  it->label = g_string_free(l, FALSE);
  return true;
}

/* ---------------------------------------------------------------------- */
/* The cells                                                              */
/* ---------------------------------------------------------------------- */

/* The 09 column's item and side from its label: "财政拨款“三公”经费/合计/预算数",
 * "预算数/公务用车购置及运行维护费/小计", "购置费". */
static item_kind col09_item(const char *label, int *side_out) {
  char *k = b2j_text_match_key(label);
  char **seg = g_strsplit(k, "/", -1);
  int sd = -1;
  const char *last = NULL, *before = NULL;
  for (int i = 0; seg[i]; i++) {
    if (strstr(seg[i], "决算")) {
      sd = SIDE_FINAL;
      continue;
    }
    if (strstr(seg[i], "预算")) {
      sd = SIDE_BUDGET;
      continue;
    }
    if (!*seg[i])
      continue;
    before = last;
    last = seg[i];
  }
  item_kind r = IT_NONE;
  if (last && strcmp(last, "小计") == 0) {
    if (before && strstr(before, "三公"))
      last = NULL; /* the “三公”经费 小计 of tables with 会议费/培训费 */
    else if (before)
      last = before;
    else
      r = IT_3P_VEHICLE; /* the path was lost: 09's only 小计 is the vehicles' */
  }
  if (last && r == IT_NONE) {
    if (strstr(last, "合计"))
      r = IT_3P_TOTAL;
    else if (strstr(last, "出国"))
      r = IT_3P_ABROAD;
    else if (strstr(last, "接待"))
      r = IT_3P_RECEPTION;
    else if (strstr(last, "购置及运行"))
      r = IT_3P_VEHICLE;
    else if (strstr(last, "购置"))
      r = IT_3P_BUY;
    else if (strstr(last, "运行"))
      r = IT_3P_RUN;
  }
  g_strfreev(seg);
  g_free(k);
  *side_out = sd;
  return r;
}

static bool cell_of(const vtable *vt, int line, int col, pcell *out, char **why) {
  const vline *l = v_line(vt, line);
  b2j_dec v;
  cv_kind k = v_cell(vt, l->row, col, &v);
  const b2j_cell *cp = v_cellp(vt, l->row, col);
  int page = cp ? cp->page : l->page;
  char *desc = g_strdup_printf("%s %s%s%s (p.%d)", vt->desc, *l->name ? l->name : "",
                               *l->name ? "/" : "", v_label(vt, col), page);
  if (k == CV_BAD || v_cell_split(vt, l->row, col)) {
    *why = g_strdup_printf("%s is not a plain number: “%s”", desc, cp && cp->text ? cp->text : "");
    g_free(desc);
    return false;
  }
  int e = v_unit_exp(vt->t->unit);
  if (e < 0) {
    *why = g_strdup_printf("%s: the table's unit is unknown", desc);
    g_free(desc);
    return false;
  }
  if (!b2j_dec_shift(v, e, &out->v)) {
    *why = g_strdup_printf("%s overflows", desc);
    g_free(desc);
    return false;
  }
  out->vt = vt;
  out->prec = vt->prec - e;
  out->blank = k == CV_BLANK;
  out->desc = desc;
  return true;
}

/* The 09 table's cell of item `it` on side `sd`. */
static bool cell09(vctx *c, item_kind it, side sd, pcell *out, char **why) {
  const vtable *vt = c->std[V09];
  if (!vt || vt->groups->len == 0) {
    *why = g_strdup("no “三公”经费 table was found");
    return false;
  }
  /* The data row: the first with a number. */
  int line = -1;
  for (guint i = 0; i < vt->lines->len && line < 0; i++) {
    const vline *l = g_ptr_array_index(vt->lines, i);
    const vgroup *g = &g_array_index(vt->groups, vgroup, l->group);
    for (int col = g->v0; col < g->v1 && line < 0; col++) {
      b2j_dec v;
      if (v_cell(vt, l->row, col, &v) == CV_NUM)
        line = (int)i;
    }
  }
  if (line < 0) {
    *why = g_strdup_printf("%s: no data row was read", vt->desc);
    return false;
  }
  const vgroup *g = &g_array_index(vt->groups, vgroup, v_line(vt, line)->group);
  /* Columns of this item: sided ones by their side; unsided ones by order
   * (预算数 then 决算数 when two), or by the title when one. */
  int sided = -1, unsided[2] = {-1, -1}, nu = 0;
  for (int col = g->v0; col < g->v1; col++) {
    int s;
    if (col09_item(v_label(vt, col), &s) != it)
      continue;
    if (s < 0) {
      if (nu < 2)
        unsided[nu] = col;
      nu++;
    } else if (s == (int)sd && sided < 0) {
      sided = col;
    }
  }
  int col = sided;
  const char *title = vt->t->title ? vt->t->title : "";
  bool final_table = strstr(title, "决算") != NULL;
  if (col < 0 && nu == 2)
    col = sd == SIDE_FINAL ? unsided[1] : sd == SIDE_BUDGET ? unsided[0] : -1;
  else if (col < 0 && nu == 1)
    col = (sd == SIDE_FINAL) == final_table ? unsided[0] : -1;
  if (col < 0) {
    *why = g_strdup_printf("%s: no %s column of %s was read", vt->desc, SIDE_NAME[sd],
                           ITEM_NAME[it]);
    return false;
  }
  return cell_of(vt, line, col, out, why);
}

static bool key_is(const vline *l, const char *key) {
  char *k = fold_key(l->key);
  bool eq = strcmp(k, key) == 0;
  g_free(k);
  return eq;
}

static bool level_fits(const vline *l, const char *lv) {
  size_t n = strlen(l->code);
  if (n == 0)
    return true;
  return strcmp(lv, "类") == 0 ? n == 3 : strcmp(lv, "款") == 0 ? n == 5 : n == 7;
}

/* The 05 table's line of a subject path: each subject after the one before
 * it (and under its code when codes are printed); a lone subject must be
 * the only line of its name and level. */
static int chain_line(const vtable *vt, const item *it, int first) {
  int from = 0, found = -1;
  const char *parent = "";
  for (int i = first; i < it->n; i++) {
    found = -1;
    for (guint j = (guint)from; j < vt->lines->len; j++) {
      const vline *l = g_ptr_array_index(vt->lines, j);
      if (key_is(l, it->names[i]) && level_fits(l, it->levels[i]) &&
          (!*parent || !*l->code || g_str_has_prefix(l->code, parent))) {
        found = (int)j;
        break;
      }
    }
    if (found < 0)
      return -1;
    if (first == it->n - 1) {
      for (guint j = (guint)found + 1; j < vt->lines->len; j++) {
        const vline *l = g_ptr_array_index(vt->lines, j);
        if (key_is(l, it->names[first]) && level_fits(l, it->levels[first]))
          return -2; /* ambiguous */
      }
    }
    parent = v_line(vt, found)->code;
    from = found + 1;
  }
  return found;
}

/* The whole path, or (a table that prints only 项 lines) its last subject
 * alone when no other line bears its name. */
static int subject_line(const vtable *vt, const item *it) {
  /* Codes printed with the path ("204类", "06款", "01项"): the line of that
   * code, if it bears the name too. */
  char code[B2J_CODE_MAX] = "";
  bool coded = it->n > 0;
  for (int i = 0; i < it->n && coded; i++) {
    size_t want = strcmp(it->levels[i], "类") == 0 ? 3 : 2;
    coded = strlen(it->codes[i]) == want && strlen(code) + want < sizeof code;
    if (coded)
      g_strlcat(code, it->codes[i], sizeof code);
  }
  if (coded)
    for (guint j = 0; j < vt->lines->len; j++) {
      const vline *l = g_ptr_array_index(vt->lines, j);
      if (strcmp(l->code, code) == 0 && key_is(l, it->names[it->n - 1]))
        return (int)j;
    }
  int l = chain_line(vt, it, 0);
  if (l == -1 && it->n > 1)
    l = chain_line(vt, it, it->n - 1);
  return l;
}

static const char *const TOTAL_COLS[] = {"合计", "小计", "本年支出合计", "支出合计", "决算数",
                                         "预算数", NULL};

static int total_col(const vtable *vt, int group) {
  for (int i = 0; TOTAL_COLS[i]; i++) {
    int col = v_col(vt, group, TOTAL_COLS[i]);
    if (col >= 0)
      return col;
  }
  return -1;
}

/* The 05 table's cell of a subject (or of its 合计 line). Only the amount
 * this table holds: 决算数 in final accounts, this year's in budgets. */
static bool cell05(vctx *c, const item *it, side sd, pcell *out, char **why) {
  const vtable *vt = c->std[V05];
  if (!vt) {
    *why = g_strdup("no 一般公共预算财政拨款支出 table was found");
    return false;
  }
  const char *title = vt->t->title ? vt->t->title : "";
  bool final_table = strstr(title, "决算") != NULL;
  if (sd == SIDE_BUDGET || (sd == SIDE_FINAL) != final_table) {
    *why = g_strdup_printf("%s holds no %s", vt->desc, SIDE_NAME[sd]);
    return false;
  }
  int line = -1;
  if (it->kind == IT_GB_TOTAL) {
    for (guint i = 0; i < vt->lines->len && line < 0; i++) {
      const vline *l = g_ptr_array_index(vt->lines, i);
      if (!*l->code && (strcmp(l->key, "合计") == 0 || strcmp(l->key, "总计") == 0))
        line = (int)i;
    }
  } else {
    line = subject_line(vt, it);
  }
  if (line < 0) {
    *why = g_strdup_printf("%s: %s", vt->desc,
                           line == -2 ? "the subject's name is on several lines"
                                      : "no line of that subject was read");
    return false;
  }
  int col = total_col(vt, v_line(vt, line)->group);
  if (col < 0) {
    *why = g_strdup_printf("%s: no 合计 column was read", vt->desc);
    return false;
  }
  return cell_of(vt, line, col, out, why);
}

static bool cell_for(vctx *c, const item *it, side sd, pcell *out, char **why) {
  memset(out, 0, sizeof *out);
  *why = NULL;
  if (it->kind == IT_SUBJECT || it->kind == IT_GB_TOTAL)
    return cell05(c, it, sd, out, why);
  return cell09(c, it->kind, sd, out, why);
}

/* ---------------------------------------------------------------------- */
/* Checks                                                                 */
/* ---------------------------------------------------------------------- */

typedef struct {
  vctx *c;
  int page;
  const item *it;
  char *quote; /* owned */
  char *x;     /* the sentence's main amount as printed ("0.89万元"), owned */
} stmt;

static char *where_of(const stmt *s, const char *what) {
  return g_strdup_printf("p.%d/%s/%s/%s", s->page, s->it->label, s->x, what);
}

static void stmt_init(stmt *st, vctx *c, int page, const item *it, const char *text,
                      const hit *h);
static void stmt_clear(stmt *st) {
  g_free(st->quote);
  g_free(st->x);
}

/* a cut (toward zero) to `scale` digits after the point; a negative scale
 * cuts to tens, hundreds, ... */
static bool trunc_to(b2j_dec a, int scale, b2j_dec *out) {
  b2j_dec t;
  if (!b2j_dec_shift(a, scale, &t))
    return false;
  int64_t coef = t.coef;
  for (int i = 0; i < t.scale; i++)
    coef /= 10;
  b2j_dec whole = {coef, 0};
  return b2j_dec_shift(whole, -scale, out);
}

/* Half a unit of the last printed digit: 0.005 for prec 2, 50 for −2. */
static bool half_ulp(int prec, b2j_dec *out) {
  b2j_dec five = {5, 0};
  return b2j_dec_shift(five, -(prec + 1), out);
}

/* Prose amount `p` against the cell of side `sd`; true with *cell set when
 * the cell was found (whatever the comparison says). */
static bool amount_check(const stmt *s, const char *what, side sd, const yuan_amount *p,
                         pcell *cell) {
  char *why = NULL;
  char *where = where_of(s, what);
  bool have = cell_for(s->c, s->it, sd, cell, &why);
  if (!have) {
    /* A subject the tables were expected to hold: say why it was not
     * evaluated. */
    v_skip(s->c, "prose_amount_vs_table", where, NULL, "not evaluated: p.%d “%s”: %s", s->page,
           s->quote, why ? why : "no cell");
    g_free(why);
    g_free(where);
    return false;
  }
  b2j_dec tail = v_tail(s->c, v_unit_exp(cell->vt->t->unit) == 4 || p->prec < 0, 0);
  agree_how h = v_agree(cell->v, cell->prec, p->v, p->prec, tail);
  /* Prose with fewer digits than the table may cut them off instead of
   * rounding (tianbaoxitong 2025: 782164 元 → 78.21万元). */
  b2j_dec cut;
  bool truncated = h == AG_NO && p->prec < cell->prec && trunc_to(cell->v, p->prec, &cut) &&
                   b2j_dec_cmp(cut, p->v) == 0;
  b2j_check *k = v_check(s->c, "prose_amount_vs_table", where, cell->vt->t->id, NULL);
  v_check_set(k, b2j_dec_normalize(cell->v), b2j_dec_normalize(p->v), h != AG_NO || truncated);
  char *ps = v_fmt(p->v), *cs = v_fmt(cell->v);
  v_check_msg(k, "p.%d “%s”: %s %s 元; %s = %s 元%s; %s", s->page, s->quote, what, ps, cell->desc,
              cs, cell->blank ? " (blank cell read as 0)" : "",
              truncated ? "truncated to the printed digits (accepted)" : v_how_text(h));
  g_free(ps);
  g_free(cs);
  g_free(where);
  return true;
}

/* The direction a word states: 1 up, -1 down, 0 flat. */
static int word_sign(const char *w) {
  if (!w || !*w)
    return 0;
  if (strstr(w, "增") || strstr(w, "大于"))
    return 1;
  if (strstr(w, "减") || strstr(w, "下降") || strstr(w, "小于"))
    return -1;
  return 0;
}

/* x − b against the word; b_cell false when b is the prose's own amount. */
static void direction_check(const stmt *s, const pcell *x, b2j_dec b, int b_prec, bool b_cell,
                            int want, const char *word) {
  char *where = where_of(s, "方向");
  b2j_dec diff;
  if (!b2j_dec_sub(x->v, b, &diff)) {
    g_free(where);
    return;
  }
  /* At the coarser precision: amounts equal as printed are 持平. */
  int pe = MIN(x->prec, b_prec);
  b2j_dec zero = b2j_dec_from_int(0);
  int sign = v_agree(diff, pe, zero, pe, zero) != AG_NO ? 0 : diff.coef > 0 ? 1 : -1;
  b2j_check *k = v_check(s->c, "prose_direction_vs_table", where, x->vt->t->id, NULL);
  v_check_set(k, b2j_dec_from_int(sign), b2j_dec_from_int(want), sign == want);
  char *xs = v_fmt(x->v), *bs = v_fmt(b), *ds = v_fmt(diff);
  v_check_msg(k, "p.%d “%s”: printed “%s”; %s = %s 元, %s %s 元 (%s): difference %s 元 (%s)",
              s->page, s->quote, word, x->desc, xs, b_cell ? "the other cell" : "the prose's",
              bs, b_cell ? "table" : "not in a table", ds,
              sign > 0 ? "大于/增加" : sign < 0 ? "小于/减少" : "持平");
  g_free(xs);
  g_free(bs);
  g_free(ds);
  g_free(where);
}

/* q = x / b over the amounts' rounding intervals: [lo, hi] at `scale`
 * digits; *unbounded when b may be zero. */
static bool ratio_range(b2j_dec x, int xp, b2j_dec b, int bp, int scale, b2j_dec *lo, b2j_dec *hi,
                        bool *unbounded) {
  b2j_dec hx, hb, x0, x1, b0, b1;
  if (!half_ulp(xp, &hx) || !half_ulp(bp, &hb) || !b2j_dec_sub(x, hx, &x0) ||
      !b2j_dec_add(x, hx, &x1) || !b2j_dec_sub(b, hb, &b0) || !b2j_dec_add(b, hb, &b1))
    return false;
  if (x0.coef < 0)
    x0 = b2j_dec_from_int(0);
  *unbounded = b0.coef <= 0;
  if (!b2j_dec_div(x0, b1, scale, lo))
    return false;
  return *unbounded || b2j_dec_div(x1, b0, scale, hi);
}

/* The printed rate against the cells: 完成 x / b, or the change |x − b| / b,
 * × 100 at the printed decimals; a rate the amounts' own rounding allows
 * (x and b printed to fewer digits than the rate needs) is accepted. */
static void rate_check(const stmt *s, const char *what, const pcell *x, b2j_dec xv, int xp,
                       b2j_dec base, int bp, bool base_cell, bool change, b2j_dec printed) {
  char *where = where_of(s, what);
  if (base.coef <= 0) {
    v_skip(s->c, "prose_rate_vs_table", where, x->vt->t->id,
           "not evaluated: p.%d “%s”: the base of the rate is zero", s->page, s->quote);
    g_free(where);
    return;
  }
  int ps = b2j_dec_normalize(printed).scale;
  b2j_dec hundred = b2j_dec_from_int(100), one = b2j_dec_from_int(1), num, n100, rate;
  if (!(change ? b2j_dec_sub(xv, base, &num) : (num = xv, true)) ||
      !b2j_dec_mul(b2j_dec_abs(num), hundred, &n100) || !b2j_dec_div(n100, base, ps, &rate)) {
    g_free(where);
    return;
  }
  bool ok = b2j_dec_cmp(rate, printed) == 0, by_rounding = false;
  b2j_dec lo, hi, p_over;
  bool unbounded = false;
  if (!ok && b2j_dec_shift(printed, -2, &p_over) &&
      ratio_range(xv, xp, base, bp, ps + 8, &lo, &hi, &unbounded)) {
    /* The rate as a fraction: q, or |q − 1|. */
    b2j_dec rlo = lo, rhi = hi, a, b;
    if (change) {
      b2j_dec_sub(lo, one, &a);
      b2j_dec_sub(hi, one, &b);
      if (unbounded)
        rhi = b2j_dec_from_int(1000000);
      else if (a.coef <= 0 && b.coef >= 0)
        rhi = b2j_dec_cmp(b2j_dec_abs(a), b) > 0 ? b2j_dec_abs(a) : b;
      else
        rhi = b2j_dec_cmp(b2j_dec_abs(a), b2j_dec_abs(b)) > 0 ? b2j_dec_abs(a) : b2j_dec_abs(b);
      if (a.coef <= 0 && (unbounded || b.coef >= 0))
        rlo = b2j_dec_from_int(0);
      else
        rlo = b2j_dec_cmp(b2j_dec_abs(a), b2j_dec_abs(b)) < 0 ? b2j_dec_abs(a) : b2j_dec_abs(b);
    } else if (unbounded) {
      rhi = b2j_dec_from_int(1000000);
    }
    /* printed ± half its last digit must meet [rlo, rhi] (all as fractions). */
    b2j_dec hp, plo, phi;
    if (half_ulp(ps + 2, &hp) && b2j_dec_sub(p_over, hp, &plo) && b2j_dec_add(p_over, hp, &phi))
      by_rounding = b2j_dec_cmp(plo, rhi) <= 0 && b2j_dec_cmp(phi, rlo) >= 0;
  }
  b2j_check *k = v_check(s->c, "prose_rate_vs_table", where, x->vt->t->id, NULL);
  v_check_set(k, b2j_dec_normalize(rate), b2j_dec_normalize(printed), ok || by_rounding);
  char *ns = v_fmt(b2j_dec_abs(num)), *bs = v_fmt(base), *rs = v_fmt(rate), *ps_ = v_fmt(printed);
  v_check_msg(k, "p.%d “%s”: %s / %s = %s%% from %s%s, printed %s%%%s", s->page, s->quote, ns, bs,
              rs, x->desc, base_cell ? "" : " and the prose's base (not in a table)", ps_,
              by_rounding ? "; within the rounding of the amounts as printed (accepted)" : "");
  g_free(ns);
  g_free(bs);
  g_free(rs);
  g_free(ps_);
  g_free(where);
}

static void stmt_init(stmt *st, vctx *c, int page, const item *it, const char *text,
                      const hit *h) {
  st->c = c;
  st->page = page;
  st->it = it;
  st->quote = v_quote(text + h->s, (gsize)(h->e - h->s));
  char *x = g_match_info_fetch_named(h->m, "x"), *u = g_match_info_fetch_named(h->m, "ux");
  st->x = g_strconcat(x ? x : "", u ? u : "", NULL);
  g_free(x);
  g_free(u);
}

/* The direction phrase after a pair, up to `limit`: "决算数小于预算数". Only
 * when the phrase names no other item. */
static bool direction_after(const patterns *pt, const char *text, size_t pos, size_t limit,
                            item_kind kind, int *want, char **word) {
  if (limit <= pos)
    return false;
  /* At most ~80 characters, cut on a character boundary (GRegex refuses
   * broken UTF-8). */
  const char *end = text + MIN(limit, pos + 240);
  if (end < text + limit)
    end = g_utf8_find_prev_char(text + pos, end + 1);
  if (!end || end <= text + pos)
    return false;
  char *win = g_strndup(text + pos, (size_t)(end - (text + pos)));
  GMatchInfo *m = NULL;
  bool ok = false;
  if (g_regex_match(pt->dir, win, 0, &m)) {
    int st, en;
    g_match_info_fetch_pos(m, 0, &st, &en);
    size_t cs = clause_start(win, 0, (size_t)st);
    item_kind named = clause_item(win + cs, (size_t)st - cs);
    char *cmp = g_match_info_fetch_named(m, "cmp");
    if (named == IT_NONE || named == kind) {
      *want = word_sign(cmp);
      *word = g_match_info_fetch(m, 0);
      ok = true;
    }
    g_free(cmp);
  }
  g_match_info_free(m);
  g_free(win);
  return ok;
}

static bool parse_rate(GMatchInfo *m, const char *name, b2j_dec *out) {
  char *p = g_match_info_fetch_named(m, name);
  b2j_number n;
  bool ok = p && *p && b2j_number_parse(p, &n);
  if (ok)
    *out = n.value;
  g_free(p);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* The sentences                                                          */
/* ---------------------------------------------------------------------- */


static gint hit_cmp(gconstpointer a, gconstpointer b) {
  const hit *x = a, *y = b;
  return x->s != y->s ? (x->s < y->s ? -1 : 1) : (int)x->p - (int)y->p;
}

/* What the sentence at [s, e) is about: the item its clause names, or the
 * last subject path since the previous sentence. */
static bool item_of(const patterns *pt, const char *text, size_t prev_end, size_t s, pattern p,
                    item *it) {
  memset(it, 0, sizeof *it);
  size_t cs = clause_start(text, prev_end, s);
  item_kind k = clause_item(text + cs, s - cs);
  if (k != IT_NONE && !(p == P_BUDGET && k == IT_GB_TOTAL)) {
    it->kind = k;
    it->label = g_strdup(ITEM_NAME[k]);
    return true;
  }
  if (p == P_BUDGET)
    return false; /* "X万元，比2023年预算…" is checked for the 三公 items only */
  return subject_path(pt, text, prev_end, s, it);
}

static void pair_checks(vctx *c, const patterns *pt, const char *text, const hit *h,
                        size_t next_start, const item *it, int page) {
  GMatchInfo *m = h->m;
  stmt st;
  stmt_init(&st, c, page, it, text, h);
  yuan_amount x, b;
  pcell cx = {0}, cb = {0};
  bool have_b = v_prose_amount(m, "b", "ub", &b);
  bool tx = v_prose_amount(m, "x", "ux", &x) && amount_check(&st, "决算数", SIDE_FINAL, &x, &cx);
  /* The budget in a table only for 三公 (05 holds no 年初预算). */
  bool tb = have_b && it->kind != IT_SUBJECT && it->kind != IT_GB_TOTAL &&
            amount_check(&st, "预算数", SIDE_BUDGET, &b, &cb);
  if (tx && !have_b && it->kind != IT_SUBJECT && it->kind != IT_GB_TOTAL) {
    /* "决算为X，完成预算的P%" / "决算数与预算数持平": the budget only in 09. */
    char *why = NULL;
    tb = cell_for(c, it, SIDE_BUDGET, &cb, &why);
    g_free(why);
  }
  bool base_known = tb || have_b;
  b2j_dec printed;
  if (tx && base_known && parse_rate(m, "p", &printed))
    rate_check(&st, "完成预算", &cx, cx.v, cx.prec, tb ? cb.v : b.v, tb ? cb.prec : b.prec, tb,
               false, printed);
  int want;
  char *word = NULL;
  if (tx && base_known &&
      direction_after(pt, text, (size_t)h->e, next_start, it->kind, &want, &word))
    direction_check(&st, &cx, tb ? cb.v : b.v, tb ? cb.prec : b.prec, tb, want, word);
  g_free(word);
  g_free(cx.desc);
  g_free(cb.desc);
  stmt_clear(&st);
}

static void change_checks(vctx *c, const char *text, const hit *h, const item *it, int page) {
  GMatchInfo *m = h->m;
  stmt st;
  stmt_init(&st, c, page, it, text, h);
  yuan_amount x, b, d;
  pcell cx = {0}, cb = {0};
  bool tx = v_prose_amount(m, "x", "ux", &x) && amount_check(&st, "决算数", SIDE_FINAL, &x, &cx);
  bool tb = false;
  if (tx && it->kind != IT_SUBJECT && it->kind != IT_GB_TOTAL) {
    /* The budget: printed (and checked) or only in the table. */
    if (v_prose_amount(m, "b", "ub", &b)) {
      tb = amount_check(&st, "预算数", SIDE_BUDGET, &b, &cb);
    } else {
      char *why = NULL;
      tb = cell_for(c, it, SIDE_BUDGET, &cb, &why);
      g_free(why);
    }
  }
  char *dir = g_match_info_fetch_named(m, "dir");
  if (tx && tb && v_prose_amount(m, "d", "ud", &d)) {
    b2j_dec diff;
    if (b2j_dec_sub(cx.v, cb.v, &diff)) {
      pcell cd = cx;
      cd.v = b2j_dec_abs(diff);
      cd.desc = g_strdup_printf("%s − %s", cx.desc, cb.desc);
      char *where = where_of(&st, "差额");
      b2j_dec tail = v_tail(c, v_unit_exp(cx.vt->t->unit) == 4 || d.prec < 0, 0);
      agree_how ag = v_agree(cd.v, cd.prec, d.v, d.prec, tail);
      b2j_check *k = v_check(c, "prose_amount_vs_table", where, cx.vt->t->id, NULL);
      v_check_set(k, b2j_dec_normalize(cd.v), b2j_dec_normalize(d.v), ag != AG_NO);
      char *ds = v_fmt(d.v), *cs = v_fmt(cd.v);
      v_check_msg(k, "p.%d “%s”: 差额 %s 元; %s = %s 元; %s", page, st.quote, ds, cd.desc, cs,
                  v_how_text(ag));
      g_free(ds);
      g_free(cs);
      g_free(where);
      g_free(cd.desc);
      direction_check(&st, &cx, cb.v, cb.prec, true, word_sign(dir), dir);
      b2j_dec printed;
      if (parse_rate(m, "p", &printed))
        rate_check(&st, "增幅", &cx, cx.v, cx.prec, cb.v, cb.prec, true, true, printed);
    }
  }
  g_free(dir);
  g_free(cx.desc);
  g_free(cb.desc);
  stmt_clear(&st);
}

static void plan_checks(vctx *c, const char *text, const hit *h, const item *it, int page) {
  GMatchInfo *m = h->m;
  stmt st;
  stmt_init(&st, c, page, it, text, h);
  yuan_amount x, b;
  pcell cx = {0};
  if (v_prose_amount(m, "x", "ux", &x) && amount_check(&st, "预算安排", SIDE_CURRENT, &x, &cx) &&
      v_prose_amount(m, "b", "ub", &b)) {
    char *dir = g_match_info_fetch_named(m, "dir");
    char *flat = g_match_info_fetch_named(m, "flat");
    bool is_flat = flat && *flat;
    direction_check(&st, &cx, b.v, b.prec, false, is_flat ? 0 : word_sign(dir),
                    is_flat ? "持平" : dir);
    b2j_dec printed, diff;
    if (!is_flat && parse_rate(m, "p", &printed) && b2j_dec_sub(cx.v, b.v, &diff))
      rate_check(&st, "增幅", &cx, cx.v, cx.prec, b.v, b.prec, false, true, printed);
    g_free(dir);
    g_free(flat);
  }
  g_free(cx.desc);
  stmt_clear(&st);
}

static void single_check(vctx *c, const char *text, const hit *h, const item *it, int page,
                         const char *what) {
  stmt st;
  stmt_init(&st, c, page, it, text, h);
  yuan_amount x;
  pcell cx = {0};
  if (v_prose_amount(h->m, "x", "ux", &x))
    amount_check(&st, what, SIDE_CURRENT, &x, &cx);
  g_free(cx.desc);
  stmt_clear(&st);
}

static void page_checks(vctx *c, const patterns *pt, const char *text, int page) {
  GArray *hits = g_array_new(FALSE, FALSE, sizeof(hit));
  for (int p = 0; p < P_N; p++) {
    GMatchInfo *m = NULL;
    g_regex_match(pt->re[p], text, 0, &m);
    while (g_match_info_matches(m)) {
      hit h = {(pattern)p, 0, 0, NULL};
      g_match_info_fetch_pos(m, 0, &h.s, &h.e);
      /* A GMatchInfo moves on with _next: keep a fresh match of this one. */
      GMatchInfo *one = NULL;
      if (g_regex_match_full(pt->re[p], text, -1, h.s, G_REGEX_MATCH_ANCHORED, &one, NULL)) {
        h.m = one;
        g_array_append_val(hits, h);
      } else {
        g_match_info_free(one);
      }
      g_match_info_next(m, NULL);
    }
    g_match_info_free(m);
  }
  g_array_sort(hits, hit_cmp);
  size_t prev_end = 0;
  item head = {0}; /* the subject of the HEAD sentence just before, if any */
  for (guint i = 0; i < hits->len; i++) {
    const hit *h = &g_array_index(hits, hit, i);
    size_t next = i + 1 < hits->len ? (size_t)g_array_index(hits, hit, i + 1).s : strlen(text);
    item it;
    bool found = item_of(pt, text, prev_end, (size_t)h->s, h->p, &it);
    if (!found && h->p == P_PLAN && head.kind == IT_SUBJECT) {
      /* "“…（项）”X万元，主要用于…。2023年当年预算执行数为…": the subject
       * named the sentence before. */
      item_copy(&head, &it);
      found = true;
    }
    item_clear(&head);
    if (found && h->p == P_HEAD && it.kind == IT_SUBJECT)
      item_copy(&it, &head);
    if (found) {
      switch (h->p) {
      case P_PAIR:
        pair_checks(c, pt, text, h, next, &it, page);
        break;
      case P_CHANGE:
        change_checks(c, text, h, &it, page);
        break;
      case P_PLAN:
        plan_checks(c, text, h, &it, page);
        break;
      case P_HEAD:
        if (it.kind == IT_SUBJECT)
          single_check(c, text, h, &it, page, "本年预算");
        break;
      case P_BUDGET:
        single_check(c, text, h, &it, page, "本年预算");
        break;
      default:
        break;
      }
      item_clear(&it);
    }
    prev_end = MAX(prev_end, (size_t)h->e);
  }
  item_clear(&head);
  for (guint i = 0; i < hits->len; i++)
    g_match_info_free(g_array_index(hits, hit, i).m);
  g_array_free(hits, TRUE);
}

void v_rules_prose_tables(vctx *c) {
  static const char *const SRC[P_N] = {PAIR_RE, CHANGE_RE, PLAN_RE, HEAD_RE, BUDGET_RE};
  patterns pt = {{NULL}, NULL, NULL};
  GError *err = NULL;
  bool ok = true;
  /* No G_REGEX_OPTIMIZE: PCRE2 JIT code is opaque to valgrind. */
  for (int p = 0; p < P_N && ok; p++)
    ok = (pt.re[p] = g_regex_new(SRC[p], 0, 0, &err)) != NULL;
  if (ok)
    ok = (pt.dir = g_regex_new(DIR_RE, 0, 0, &err)) != NULL;
  if (ok)
    ok = (pt.path = g_regex_new(PATH_RE, 0, 0, &err)) != NULL;
  if (ok) {
    for (guint i = 0; i < c->doc->pages->len; i++) {
      const b2j_page *pg = g_ptr_array_index(c->doc->pages, i);
      page_checks(c, &pt, v_page_text(c, pg->number), pg->number);
    }
  } else {
    g_warning("prose table pattern: %s", err->message);
    g_error_free(err);
  }
  for (int p = 0; p < P_N; p++)
    if (pt.re[p])
      g_regex_unref(pt.re[p]);
  if (pt.dir)
    g_regex_unref(pt.dir);
  if (pt.path)
    g_regex_unref(pt.path);
}
