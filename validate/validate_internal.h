/* Shared between the validate/ sources only: a row view of tables, value access,
 * comparison at printed precision, and check construction. */
#ifndef B2J_VALIDATE_INTERNAL_H
#define B2J_VALIDATE_INTERNAL_H

#include <glib.h>

#include "ir/ir.h"
#include "normalize/normalize.h"

/* The standard final-account / budget tables, by kind. */
enum { V01, V02, V03, V04, V05, V06, V07, V08, V09, V_N };

/* One side-by-side block of a table: its code/name columns, then its value
 * columns [v0, v1). Tables without groups have one. */
#define V_MAX_CODE_COLS 6
#define V_MAX_NAME_COLS 4
typedef struct {
  int code_cols[V_MAX_CODE_COLS]; /* one code column, or 类/款/项 printed apart */
  int n_code;
  int name_cols[V_MAX_NAME_COLS]; /* the first non-empty one names the row */
  int n_name;
  int v0, v1; /* value columns; a skipped (unread, empty) column may sit inside */
} vgroup;

/* One row of one group: a subject line, a total, a labelled item. */
typedef struct {
  int row, group;
  char code[B2J_CODE_MAX]; /* "" when the row has no subject code */
  char *name;              /* as printed (squashed), owned */
  char *key;               /* b2j_text_match_key(name) without list numbering, owned */
  int page;
} vline;

typedef struct {
  const b2j_table *t;
  GArray *groups;    /* of vgroup */
  GPtrArray *lines;  /* of vline* (owned) */
  int *roles;        /* per column (validate.c's role enum), owned */
  int prec;          /* digits after the point the table prints (max seen) */
  char *desc;        /* "t3 公开03表 支出决算表", owned */
} vtable;

typedef struct {
  b2j_doc *doc;
  bool tail_declared;   /* the report declares 尾数误差 */
  vtable *std[V_N];     /* first table of each standard kind, or NULL */
  bool finance;         /* any standard table present */
  char **page_texts;    /* per doc->pages index, built on first use; owned */
} vctx;

/* ---- value access ---- */
typedef enum { CV_NUM = 0, CV_BLANK, CV_BAD } cv_kind;

/* The cell at (row, col): a number, blank (empty, "-", "—", "/", "无": zero for
 * sums), or unreadable text. *out gets the value (0 for blank). */
cv_kind v_cell(const vtable *vt, int row, int col, b2j_dec *out);
/* The cell holds a wrapped number ("4477.07 4674") that v_cell read joined. */
bool v_cell_split(const vtable *vt, int row, int col);
const b2j_cell *v_cellp(const vtable *vt, int row, int col);
const char *v_label(const vtable *vt, int col);
/* Column of the line's group whose label is `want` (last path segment or the
 * whole label, match keys compared), or -1. */
int v_col(const vtable *vt, int group, const char *want);
/* First line whose key contains every string of `all` (NULL-terminated,
 * match-key form), starting at index from; -1 when none. */
int v_find(const vtable *vt, int from, const char *const *all);
vline *v_line(const vtable *vt, int i);

/* ---- comparison ---- */
typedef enum { AG_EXACT = 0, AG_ROUND, AG_TAIL, AG_NO } agree_how;

/* Power of ten a unit stands for: 元 0, 万元 4, 亿元 8; -1 unknown. */
int v_unit_exp(const char *unit);
/* Compares e (printed to pe digits) with f (pf digits) at the coarser of the
 * two; `tail` (may be zero) is an extra difference accepted. */
agree_how v_agree(b2j_dec e, int pe, b2j_dec f, int pf, b2j_dec tail);
/* Tail allowance in `unit` for a comparison involving a 万元 table, when the
 * report declares 尾数误差: 0.01 万元 (as 0.01 in 万元, 100 in 元). */
b2j_dec v_tail(const vctx *c, bool wan_involved, int unit_exp);
const char *v_how_text(agree_how h);
char *v_fmt(b2j_dec d); /* g_malloc'd exact text, trailing zeros trimmed */
/* s without white space (ideographic space included); g_malloc'd. */
char *v_squash(const char *s);
/* The first ~60 characters of text[0..len) for a message, … when cut; g_malloc'd. */
char *v_quote(const char *text, gsize len);

/* ---- checks ---- */
b2j_check *v_check(vctx *c, const char *rule, const char *where, const char *t1,
                   const char *t2);
void v_check_set(b2j_check *k, b2j_dec expected, b2j_dec found, bool ok);
void v_check_msg(b2j_check *k, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* An unevaluated check: evaluated = false, ok = false, message says why. */
void v_skip(vctx *c, const char *rule, const char *where, const char *t1, const char *fmt, ...)
    G_GNUC_PRINTF(5, 6);

/* A headline amount of the standard tables (for prose figures). `what`:
 * total_income, total_expenditure, basic_03, basic_05, project_03, project_05,
 * three_public_final, three_public_budget. q->desc is g_malloc'd (caller
 * frees, also on false when set). */
typedef struct {
  b2j_dec v;
  int prec;
  const char *unit;  /* borrowed from the table */
  const char *table; /* borrowed id */
  char *desc;
} v_quantity;
bool v_std_amount(vctx *c, const char *what, v_quantity *q);

/* ---- rule families (validate_text.c) ---- */
void v_rules_performance(vctx *c);
void v_rules_figures(vctx *c);
void v_rules_years(vctx *c);
void v_rules_placeholders(vctx *c);
/* validate_prose.c: "X元，比上年/年初预算(B元，)增加D元，增长P%" sentences. */
void v_rules_prose_comparisons(vctx *c);
/* An amount printed in prose, in 元. */
typedef struct {
  b2j_dec v; /* in 元 */
  int prec;  /* printed decimals, in 元 terms (2 for "1.50元", -2 for "1.50万元") */
} yuan_amount;
/* Named group `name` (unit in group `unit_name`) of a match as an amount in
 * 元; false when absent or unreadable. */
bool v_prose_amount(GMatchInfo *m, const char *name, const char *unit_name, yuan_amount *out);
/* validate_prose_tables.c: the amounts, direction words and rates of
 * comparing sentences against the tables' cells. */
void v_rules_prose_tables(vctx *c);
/* The page text of page number n (words joined without separators): built
 * once per validation, borrowed from `c` (several rules read every page,
 * and repair validates a document hundreds of times). */
const char *v_page_text(vctx *c, int n);

#endif
