/* The Page IR and the document model: what every stage reads and writes.
 *
 * Data flows one way: extract/ or ocr/ fill b2j_page; layout/ turns pages into
 * b2j_table grids; normalize/ repairs text and numbers; interpret/ fills the
 * rest of b2j_doc; validate/ adds checks; emit/ writes JSON.
 *
 * Ownership, said once: every struct here owns everything it points to.
 * A b2j_page owns its words and rules; a b2j_doc owns its pages, tables, lines,
 * projects, indicators, figures, checks, warnings and errors. Free the top
 * object with its *_free function and everything below goes with it. Strings
 * are g_malloc'd UTF-8 (NFC after normalize/). Functions that take a `const`
 * pointer borrow; functions that take a non-const `char *` "take" argument
 * say so in their comment.
 *
 * Coordinates are PDF points with the origin at the page's top-left corner,
 * y growing downwards, in the page as displayed (after /Rotate is applied).
 */
#ifndef B2J_IR_H
#define B2J_IR_H

#include <glib.h>
#include <stdbool.h>

#include "decimal.h"

typedef struct {
  double x0, y0, x1, y1;
} b2j_box;

/* ---------- Page IR ---------- */

typedef enum { B2J_ORIGIN_TEXT = 0, B2J_ORIGIN_OCR = 1 } b2j_origin;

typedef struct {
  char *text;  /* one word or one CJK run as the source gave it */
  b2j_box box;
  double conf; /* 0..1 for OCR words, -1 when the source has no confidence */
  b2j_origin origin;
  /* OCR alternatives for numeric tokens: NULL or a NULL-terminated vector of
   * other readings, best first (owned). */
  char **alternatives;
} b2j_word;

typedef struct {
  b2j_box box;     /* a thin box: horizontal rules are wide, vertical tall */
  bool horizontal;
} b2j_rule;

typedef enum {
  B2J_LAYER_NONE = 0,  /* no text on the page */
  B2J_LAYER_CLEAN,     /* text usable as is */
  B2J_LAYER_REPAIRED,  /* text usable after normalize/ repair */
  B2J_LAYER_GARBLED    /* text unusable: the page needs OCR */
} b2j_text_layer;

typedef enum { B2J_SOURCE_TEXT = 0, B2J_SOURCE_OCR = 1 } b2j_page_source;

typedef struct {
  int number;          /* 1-based */
  double width, height;
  int rotation;        /* degrees the page was turned to be read upright */
  double skew_deg;
  b2j_page_source source;
  b2j_text_layer text_layer;
  double ocr_confidence; /* -1 when not OCR'd */
  bool has_images;       /* the page draws raster images */
  GArray *words;         /* of b2j_word */
  GArray *rules;         /* of b2j_rule */
} b2j_page;

b2j_page *b2j_page_new(int number, double width, double height);
void b2j_page_free(b2j_page *p);
/* Appends a word; takes `text` (g_malloc'd). */
void b2j_page_add_word(b2j_page *p, char *text, b2j_box box, double conf, b2j_origin origin);
void b2j_page_add_rule(b2j_page *p, b2j_box box, bool horizontal);
const char *b2j_text_layer_name(b2j_text_layer t);

/* ---------- Document model (mirrors SCHEMA.md, budget2json/1) ---------- */

typedef enum {
  B2J_STATUS_OK = 0,
  B2J_STATUS_PARTIAL,
  B2J_STATUS_FAILED
} b2j_status;
const char *b2j_status_name(b2j_status s);

typedef struct {
  char *code;    /* "not_pdf", "encrypted", "damaged", "timeout", "too_large", ... */
  char *message; /* a human sentence that quotes the subject */
  int page;      /* 0 = null */
} b2j_error;

typedef struct {
  char *code;    /* "low_confidence", "repaired_number", "table_unparsed", ... */
  int page;      /* 0 = null */
  char *table;   /* NULL = null */
  char *message;
} b2j_warning;

/* A number read from a page: the exact decimal plus the unit it is in. */
typedef struct {
  bool present; /* false: JSON null */
  b2j_dec value;
} b2j_opt_dec;

typedef struct {
  char *text;        /* as shown after repair (may be "") */
  b2j_opt_dec value; /* parsed number, if the cell is numeric */
  int page;
  b2j_box box;
  bool has_box;
  double confidence; /* -1 = null */
} b2j_cell;

typedef struct {
  GPtrArray *cells; /* of b2j_cell*, aligned with the table's columns */
} b2j_row;

typedef struct {
  char *id;           /* "t1", "t2", ... in reading order */
  GArray *pages;      /* of int */
  char *form;         /* "公开05表" or NULL */
  char *kind;         /* SCHEMA.md kinds; "other" when unknown */
  char *title;
  char *unit;         /* "万元", "元" or NULL */
  GPtrArray *columns; /* of char* */
  GPtrArray *rows;    /* of b2j_row* */
} b2j_table;

typedef struct {
  char *table;  /* table id */
  char *form;   /* or NULL */
  char *code;   /* or NULL */
  char *level;  /* "类" "款" "项" or NULL */
  char *classification; /* "functional" "economic" or NULL */
  char *name;
  char *column;
  b2j_dec value;
  char *unit;   /* or NULL */
  b2j_opt_dec yuan;
  int page;
} b2j_budget_line;

/* The amounts of funds, indicators and project totals are copies of their
 * cells' values; each keeps the cell it was read from (`*_from`: borrowed
 * from the document's tables, which outlive it; NULL when none), so that a
 * cell repaired after validation carries its value to them
 * (b2j_doc_values_from_cells). */
enum { B2J_FUND_INITIAL, B2J_FUND_ANNUAL, B2J_FUND_EXECUTED, B2J_FUND_WEIGHT, B2J_FUND_RATE,
       B2J_FUND_SCORE, B2J_FUND_AMOUNTS };

typedef struct {
  char *line; /* 年度资金总额, 其中：当年财政拨款, ... */
  b2j_opt_dec initial_budget, annual_budget, executed, weight, execution_rate, score;
  const b2j_cell *from[B2J_FUND_AMOUNTS]; /* by B2J_FUND_*, borrowed */
} b2j_fund;

typedef struct {
  char *table;
  char *name;
  char *authority;   /* or NULL */
  char *implementer; /* or NULL */
  GPtrArray *funds;  /* of b2j_fund* */
  b2j_opt_dec total_weight, total_score;
  const b2j_cell *total_weight_from, *total_score_from; /* borrowed */
} b2j_project;

typedef struct {
  char *raw;     /* as printed (after repair); NULL = the whole value is null */
  char *op;      /* ">=" "<=" "=" ">" "<" or NULL */
  b2j_opt_dec value;
  char *unit;    /* or NULL */
} b2j_expr;

typedef struct {
  char *table;
  char *project; /* NULL for the whole-department table */
  char *level1, *level2, *name;
  b2j_expr target, actual;
  b2j_opt_dec weight, score;
  const b2j_cell *weight_from, *score_from; /* borrowed */
  char *note;
  int page;
} b2j_indicator;

typedef struct {
  char *key;    /* total_income, total_expenditure, basic_expenditure, ... */
  char *label;  /* as printed: 本年收入合计 */
  b2j_dec value;
  char *unit;   /* or NULL (a score or a grade has no unit) */
  b2j_opt_dec yuan;
  char *text_value; /* for non-numeric figures such as 等级 "优秀"; else NULL */
  int page;
  char *text;   /* the sentence it came from */
} b2j_figure;

typedef struct {
  char *rule;
  GPtrArray *tables; /* of char* ids */
  char *where;
  b2j_opt_dec expected, found;
  bool ok;
  bool evaluated;    /* false: the rule could not run (a table is missing) */
  char *message;     /* or NULL */
} b2j_check;

typedef struct {
  char *file;   /* as given on the command line */
  char *sha256; /* hex */
  gint64 bytes;
  int pages;    /* 0 when unknown */
} b2j_source;

typedef struct {
  char *title;       /* or NULL */
  char *department;  /* or NULL */
  int fiscal_year;   /* 0 = null */
  GPtrArray *kinds;  /* of char* */
} b2j_docinfo;

typedef struct {
  b2j_source source;
  b2j_status status;
  GPtrArray *errors;      /* of b2j_error* */
  b2j_docinfo document;
  GPtrArray *pages;       /* of b2j_page* */
  GPtrArray *tables;      /* of b2j_table* */
  GPtrArray *budget_lines;/* of b2j_budget_line* */
  GPtrArray *projects;    /* of b2j_project* */
  GPtrArray *indicators;  /* of b2j_indicator* */
  GPtrArray *figures;     /* of b2j_figure* */
  GPtrArray *checks;      /* of b2j_check* */
  GPtrArray *warnings;    /* of b2j_warning* */
} b2j_doc;

b2j_doc *b2j_doc_new(const char *file);
void b2j_doc_free(b2j_doc *d);
/* Every fund, indicator and project amount read from a cell takes that
 * cell's value again. */
void b2j_doc_values_from_cells(b2j_doc *d);
/* A fund line's amount by B2J_FUND_* (initial_budget … score). */
b2j_opt_dec b2j_fund_amount(const b2j_fund *f, int k);

/* printf-style; the error joins d->errors. page 0 = null. */
void b2j_doc_error(b2j_doc *d, const char *code, int page, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
/* printf-style; the warning joins d->warnings. page 0 and table NULL = null. */
void b2j_doc_warn(b2j_doc *d, const char *code, int page, const char *table, const char *fmt,
                  ...) G_GNUC_PRINTF(5, 6);

b2j_table *b2j_table_new(const char *id);
void b2j_table_free(b2j_table *t);
b2j_row *b2j_row_new(void);
void b2j_row_free(b2j_row *r);
b2j_cell *b2j_cell_new(const char *text, int page);
void b2j_cell_free(b2j_cell *c);

void b2j_budget_line_free(b2j_budget_line *l);
void b2j_fund_free(b2j_fund *f);
void b2j_project_free(b2j_project *p);
void b2j_expr_clear(b2j_expr *e);
void b2j_indicator_free(b2j_indicator *i);
void b2j_figure_free(b2j_figure *f);
b2j_check *b2j_check_new(const char *rule, const char *where);
void b2j_check_free(b2j_check *c);

#endif
