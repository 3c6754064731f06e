/* validate/repair.c: constrained repair of OCR'd numbers (validate.h,
 * b2j_repair). A failing check says some amount it sums is wrong but not
 * which; an OCR'd cell read with low confidence, whose other readings
 * (tesseract's alternatives, the digit confusions of noisy scans) include
 * exactly one that makes every check it takes part in pass, is that amount.
 *
 * Which checks a cell takes part in is learnt by trying: the document is
 * validated again with the cell set to the candidate, and the checks whose
 * outcome or figures moved are the ones involving it. Checks carry no cell
 * references, and this keeps repair independent of every rule's internals.
 */
#include <string.h>

#include "normalize/normalize.h"
#include "validate/validate.h"

/* Cells read at or above this confidence are left alone: tesseract's
 * clean-scan digits read above 0.9. */
#define REPAIR_MAX_CONF 0.90
/* Bound on re-validations per document (each is a full b2j_validate). */
#define REPAIR_MAX_TRIALS 4000
/* Most cells one combination changes, and most combinations tried for one
 * group of cells that share checks: a group past either is left as read. */
#define REPAIR_MAX_GROUP 6
#define REPAIR_MAX_COMBOS 256

/* Digits a read digit may have been printed as, by the digit read: broken
 * or filled strokes turn 3, 6, 9 and 0 into 8, and a 5 whose open bottom
 * closed reads 8 too (20,702.28 for 20702.25, 1308.25 for 1305.25 on scans
 * of real reports); a cut foot turns 2 into 7, a 5 whose top stroke faded
 * reads 0 (5,033.00 for 5533.00). */
static const char *const CONFUSED[10] = {
    "865", "7", "7", "85", "1", "63", "58", "12", "36905", "8",
};

const char *b2j_repair_confusions(char digit) {
  return digit >= '0' && digit <= '9' ? CONFUSED[digit - '0'] : "";
}

static void add_candidate(GPtrArray *out, const char *text) {
  for (guint i = 0; i < out->len; i++)
    if (strcmp(g_ptr_array_index(out, i), text) == 0)
      return;
  g_ptr_array_add(out, g_strdup(text));
}

/* `s` with its only occurrence of `from` replaced by `to`; NULL when `from`
 * occurs other than once. g_malloc'd. */
static char *replace_once(const char *s, const char *from, const char *to) {
  const char *p = *from ? strstr(s, from) : NULL;
  if (!p || strstr(p + 1, from))
    return NULL;
  return g_strdup_printf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

GPtrArray *b2j_repair_candidates(const char *text, const char *const *const *word_alts,
                                 const char *const *word_texts, bool confusions) {
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  for (int w = 0; word_texts && word_texts[w]; w++)
    for (const char *const *a = word_alts[w]; a && *a; a++) {
      char *t = replace_once(text, word_texts[w], *a);
      if (t && strcmp(t, text) != 0)
        add_candidate(out, t);
      g_free(t);
    }
  if (confusions) {
    char *t = g_strdup(text);
    for (char *p = t; *p; p++) {
      if (!g_ascii_isdigit(*p))
        continue;
      char orig = *p;
      for (const char *c = b2j_repair_confusions(orig); *c; c++) {
        *p = *c;
        add_candidate(out, t);
      }
      *p = orig;
    }
    g_free(t);
    /* A speck or a rule's stub read as one more digit ("954.70" for 54.70). */
    size_t n = strlen(text);
    for (size_t i = 0; i < n; i++) {
      if (!g_ascii_isdigit(text[i]))
        continue;
      char *d = g_strdup_printf("%.*s%s", (int)i, text, text + i + 1);
      bool digit = false;
      for (const char *q = d; *q; q++)
        digit |= g_ascii_isdigit(*q) != 0;
      if (digit && d[0] != '.')
        add_candidate(out, d);
      g_free(d);
    }
  }
  return out;
}

/* Readings of `text` with its decimal point restored so that it shows
 * 1..`prec` decimals: a point lost to despeckling ("485" for 4.85) or read as
 * a digit ("12454" for 12.54). Only for a digits-only text. */
void b2j_repair_point_candidates(const char *text, int prec, GPtrArray *out) {
  size_t n = strlen(text);
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit(*p))
      return;
  for (int d = 1; d <= prec && (size_t)d < n; d++) {
    char *t = g_strdup_printf("%.*s.%s", (int)(n - d), text, text + n - d);
    add_candidate(out, t);
    g_free(t);
    if ((size_t)d + 1 < n) {
      t = g_strdup(text);
      t[n - d - 1] = '.';
      add_candidate(out, t);
      g_free(t);
    }
  }
}

void b2j_repair_glyph_digit_candidates(const char *text, int prec, GPtrArray *out) {
  /* The digits and separators, spaces gone, with the one glyph marked. */
  GString *bare = g_string_new(NULL);
  gssize glyph = -1;
  int glyphs = 0;
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c < 0x80 && (g_ascii_isdigit((char)c) || c == '.' || c == ',')) {
      g_string_append_c(bare, (char)c);
    } else if (c == ':' || c == 0xFF1A /* ： */) {
      /* A point read as a colon ("78: 09"), no digit: the point readings
       * restore it, and forty digit readings would crowd out a second
       * cell's in a group. */
      g_string_append_c(bare, '.');
    } else if (!g_unichar_isspace(c)) {
      glyphs++;
      glyph = (gssize)bare->len;
      g_string_append_c(bare, '?');
    }
  }
  /* Inside: number characters on both sides, a digit on one at least. */
  bool inside = glyphs == 1 && glyph > 0 && (gsize)glyph + 1 < bare->len &&
                (g_ascii_isdigit(bare->str[glyph - 1]) || g_ascii_isdigit(bare->str[glyph + 1]));
  for (char d = '0'; inside && d <= '9'; d++) {
    bare->str[glyph] = d;
    add_candidate(out, bare->str);
    if (prec > 0 && !strpbrk(bare->str, ".,"))
      b2j_repair_point_candidates(bare->str, prec, out);
  }
  g_string_free(bare, TRUE);
}

/* A cell that is no number only for marks around or inside it ("人15.24",
 * "1】7.64", "100o%", "109362. -24"): its number characters alone, a minus
 * only before the first digit. NULL when nothing changes or no digit is
 * left. g_malloc'd. */
char *b2j_repair_strip_marks(const char *text) {
  GString *g = g_string_new(NULL);
  bool digit = false;
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c == '-' && digit)
      continue;
    if (c < 0x80 && (g_ascii_isdigit((char)c) || strchr(".,%-()", (char)c))) {
      g_string_append_c(g, (char)c);
      digit |= g_ascii_isdigit((char)c);
    }
  }
  /* A point left at the end ("8.") stands for nothing. */
  if (g->len > 1 && g->str[g->len - 1] == '.')
    g_string_truncate(g, g->len - 1);
  if (!digit || strcmp(g->str, text) == 0) {
    g_string_free(g, TRUE);
    return NULL;
  }
  return g_string_free(g, FALSE);
}

char *b2j_repair_strip_sign(const char *text) {
  const char *p = text;
  while (*p == ' ')
    p++;
  if (*p != '-')
    return NULL;
  p++;
  while (*p == ' ')
    p++;
  return g_ascii_isdigit(*p) ? g_strdup(p) : NULL;
}

char *b2j_repair_first_token(const char *text) {
  const char *p = text;
  while (*p == ' ')
    p++;
  const char *e = p;
  while (*e && *e != ' ')
    e++;
  const char *rest = e;
  while (*rest == ' ')
    rest++;
  if (e == p || !*rest)
    return NULL;
  for (const char *q = p; q < e; q++)
    if (!g_ascii_isdigit(*q) && *q != '.' && *q != ',' && *q != '%')
      return NULL;
  return g_strndup(p, (gsize)(e - p));
}

char *b2j_repair_thousands_digits(const char *text) {
  const char *p = text + strspn(text, " ");
  GString *g = g_string_new(NULL);
  int groups = 0;
  bool ok = true;
  while (ok && *p) {
    size_t n = strspn(p, "0123456789");
    /* The first group holds one to three digits, every later one three. */
    ok = n > 0 && (groups == 0 ? n <= 3 : n == 3);
    g_string_append_len(g, p, (gssize)n);
    groups++;
    p += n;
    size_t sep = strspn(p, ",. ");
    if (sep && !p[sep])
      ok = false; /* a separator ends it */
    p += sep;
    if (ok && *p && !sep)
      ok = false; /* a mark that is no separator */
  }
  if (!ok || groups < 2) {
    g_string_free(g, TRUE);
    return NULL;
  }
  return g_string_free(g, FALSE);
}

/* ---------- one candidate value of one cell ---------- */

/* One reading tried for one cell. */
typedef struct {
  b2j_table *t;
  guint row, col;
  b2j_cell *cell;
  char *text;    /* the candidate reading, owned */
  b2j_dec value;
} change;

/* One combination of readings (one cell or several) and the checks it
 * settles. */
typedef struct {
  change ch[REPAIR_MAX_GROUP];
  int n;
  GArray *fixed;      /* of guint: indices of base checks it turns from wanting to passing */
  GArray *touched;    /* of guint: indices of base checks whose outcome or figures it moved */
  bool moves_wanting; /* it moved a check that wanted, whatever else it did */
} fit;

static fit fit_new(void) {
  fit f = {.n = 0};
  f.fixed = g_array_new(FALSE, FALSE, sizeof(guint));
  f.touched = g_array_new(FALSE, FALSE, sizeof(guint));
  return f;
}

static void fit_clear(fit *f) {
  for (int i = 0; i < f->n; i++)
    g_free(f->ch[i].text);
  if (f->fixed)
    g_array_free(f->fixed, TRUE);
  if (f->touched)
    g_array_free(f->touched, TRUE);
}

/* A fresh validation of `doc` as it stands; caller frees the array. */
static GPtrArray *validate_fresh(b2j_doc *doc) {
  /* Funds, indicators and project totals read the cells as they stand. */
  b2j_doc_values_from_cells(doc);
  GPtrArray *saved = doc->checks;
  doc->checks = g_ptr_array_new_with_free_func((GDestroyNotify)b2j_check_free);
  b2j_validate(doc);
  GPtrArray *out = doc->checks;
  doc->checks = saved;
  return out;
}

static bool same_str(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_check(const b2j_check *a, const b2j_check *b) {
  if (!same_str(a->rule, b->rule) || !same_str(a->where, b->where) ||
      a->tables->len != b->tables->len)
    return false;
  for (guint i = 0; i < a->tables->len; i++)
    if (!same_str(g_ptr_array_index(a->tables, i), g_ptr_array_index(b->tables, i)))
      return false;
  return true;
}

static bool same_opt(b2j_opt_dec a, b2j_opt_dec b) {
  return a.present == b.present && (!a.present || b2j_dec_cmp(a.value, b.value) == 0);
}

/* A check not evaluated before and after moved when it names another cell:
 * the one it named is a number now and another still is not ("78: 09" and
 * "4色. 68" in one sum), so the two are tried together. */
static bool check_moved(const b2j_check *a, const b2j_check *b) {
  return a->ok != b->ok || a->evaluated != b->evaluated || !same_opt(a->expected, b->expected) ||
         !same_opt(a->found, b->found) ||
         (!a->evaluated && !b->evaluated && !same_str(a->message, b->message));
}

/* Failing, or not evaluated because a cell is no number. */
static bool wanting(const b2j_check *k) { return !k->ok; }

typedef enum { TRY_NONE = 0, TRY_PARTIAL, TRY_FIT } try_result;

/* Validates with the fit's readings in place (restored after). TRY_FIT: every
 * check they moved passes (or still waits on another cell that is no
 * number) and one of them wanted before; TRY_PARTIAL: some wanting check
 * passes now, none that passed fails, but a moved one still fails (another
 * wrong cell shares it). f->fixed gets the settled checks. */
static try_result try_fit(b2j_doc *doc, GPtrArray *base, fit *f) {
  char *old_text[REPAIR_MAX_GROUP];
  b2j_opt_dec old_value[REPAIR_MAX_GROUP];
  for (int i = 0; i < f->n; i++) {
    b2j_cell *cell = f->ch[i].cell;
    old_text[i] = cell->text;
    old_value[i] = cell->value;
    cell->text = f->ch[i].text;
    cell->value.present = true;
    cell->value.value = f->ch[i].value;
  }
  GPtrArray *now = validate_fresh(doc);
  for (int i = f->n - 1; i >= 0; i--) {
    f->ch[i].cell->text = old_text[i];
    f->ch[i].cell->value = old_value[i];
  }
  g_array_set_size(f->fixed, 0);
  g_array_set_size(f->touched, 0);
  f->moves_wanting = false;
  bool aligned = now->len == base->len, broke = false, still = false;
  for (guint i = 0; aligned && i < now->len; i++) {
    const b2j_check *a = g_ptr_array_index(base, i), *b = g_ptr_array_index(now, i);
    if (!same_check(a, b)) {
      aligned = false;
      continue;
    }
    if (!check_moved(a, b))
      continue;
    g_array_append_val(f->touched, i);
    f->moves_wanting |= wanting(a);
    if (b->evaluated && b->ok)
      g_array_append_val(f->fixed, i);
    else if (a->ok)
      broke = true;
    else if (a->evaluated || b->evaluated)
      still = true;
    /* Not evaluated before or after (a sum that names one cell fewer that
     * is no number): it waits on other cells, and says nothing of this
     * reading. */
  }
  g_ptr_array_unref(now);
  if (!aligned)
    f->moves_wanting = false;
  /* A check that passed before is in `fixed` only when it moved and still
   * passes: keep just the ones that wanted. */
  guint w = 0;
  for (guint i = 0; i < f->fixed->len; i++) {
    guint k = g_array_index(f->fixed, guint, i);
    if (wanting(g_ptr_array_index(base, k)))
      g_array_index(f->fixed, guint, w++) = k;
  }
  g_array_set_size(f->fixed, w);
  if (!aligned || broke || w == 0)
    return TRY_NONE;
  return still ? TRY_PARTIAL : TRY_FIT;
}

static const b2j_page *find_page(const b2j_doc *doc, int number) {
  for (guint i = 0; i < doc->pages->len; i++) {
    const b2j_page *p = g_ptr_array_index(doc->pages, i);
    if (p->number == number)
      return p;
  }
  return NULL;
}

/* The cell's other readings: its OCR words' alternatives, and the digit
 * confusions. Caller frees. */
static GPtrArray *cell_candidates(const b2j_page *page, const b2j_cell *cell) {
  GPtrArray *texts = g_ptr_array_new();
  GPtrArray *alts = g_ptr_array_new();
  for (guint i = 0; cell->has_box && i < page->words->len; i++) {
    const b2j_word *w = &g_array_index(page->words, b2j_word, i);
    double cx = (w->box.x0 + w->box.x1) / 2, cy = (w->box.y0 + w->box.y1) / 2;
    if (!w->alternatives || cx < cell->box.x0 || cx > cell->box.x1 || cy < cell->box.y0 ||
        cy > cell->box.y1)
      continue;
    g_ptr_array_add(texts, w->text);
    g_ptr_array_add(alts, w->alternatives);
  }
  g_ptr_array_add(texts, NULL);
  GPtrArray *out = b2j_repair_candidates(cell->text, (const char *const *const *)alts->pdata,
                                         (const char *const *)texts->pdata, true);
  g_ptr_array_free(texts, TRUE);
  g_ptr_array_free(alts, TRUE);
  return out;
}

/* Tables a failing or unevaluated check names. */
static bool table_flagged(GPtrArray *base, const char *id) {
  for (guint i = 0; i < base->len; i++) {
    const b2j_check *k = g_ptr_array_index(base, i);
    if (!wanting(k))
      continue;
    for (guint j = 0; j < k->tables->len; j++)
      if (same_str(g_ptr_array_index(k->tables, j), id))
        return true;
  }
  return false;
}

/* Most decimals the column's other numbers print (percentages aside). */
static int column_prec(const b2j_table *t, guint col, const b2j_cell *except) {
  int prec = 0;
  for (guint r = 0; r < t->rows->len; r++) {
    const b2j_row *row = g_ptr_array_index(t->rows, r);
    const b2j_cell *cell = col < row->cells->len ? g_ptr_array_index(row->cells, col) : NULL;
    if (cell && cell != except && cell->value.present && !strchr(cell->text, '%'))
      prec = MAX(prec, cell->value.value.scale);
  }
  return prec;
}

/* The budget lines read from the repaired cell take its new value. */
static void update_lines(b2j_doc *doc, const change *f, b2j_dec old) {
  const char *col = f->col < f->t->columns->len ? g_ptr_array_index(f->t->columns, f->col) : NULL;
  const b2j_row *row = g_ptr_array_index(f->t->rows, f->row);
  for (guint i = 0; col && i < doc->budget_lines->len; i++) {
    b2j_budget_line *l = g_ptr_array_index(doc->budget_lines, i);
    if (!same_str(l->table, f->t->id) || !same_str(l->column, col) || l->page != f->cell->page ||
        b2j_dec_cmp(l->value, old) != 0)
      continue;
    bool in_row = false;
    for (guint c = 0; !in_row && c < row->cells->len; c++) {
      const char *txt = ((const b2j_cell *)g_ptr_array_index(row->cells, c))->text;
      in_row = (l->code && *l->code && strstr(txt, l->code)) ||
               (l->name && *l->name && strstr(txt, l->name));
    }
    if (!in_row)
      continue;
    l->value = f->value;
    l->yuan.present = b2j_to_yuan(f->value, l->unit, &l->yuan.value);
  }
}

/* Whether two arrays of check indices share one. */
static bool share_index(const GArray *a, const GArray *b) {
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (g_array_index(a, guint, i) == g_array_index(b, guint, j))
        return true;
  return false;
}

static bool shares_check(const fit *a, const fit *b) { return share_index(a->fixed, b->fixed); }

/* Whether `a` settles a strict part of what `b` settles, changing no fewer
 * cells, none of them a cell `b` changes (two readings of one cell stay a
 * tie). */
static bool settles_less(const fit *a, const fit *b) {
  if (a->n < b->n || a->fixed->len >= b->fixed->len)
    return false;
  for (int i = 0; i < a->n; i++)
    for (int j = 0; j < b->n; j++)
      if (a->ch[i].cell == b->ch[j].cell)
        return false;
  for (guint i = 0; i < a->fixed->len; i++) {
    bool in = false;
    for (guint j = 0; j < b->fixed->len && !in; j++)
      in = g_array_index(a->fixed, guint, i) == g_array_index(b->fixed, guint, j);
    if (!in)
      return false;
  }
  return true;
}

/* Whether every reading of `a` is one of `b`'s (the same cell, the same
 * value). */
static bool readings_within(const fit *a, const fit *b) {
  for (int i = 0; i < a->n; i++) {
    bool in = false;
    for (int j = 0; j < b->n && !in; j++)
      in = a->ch[i].cell == b->ch[j].cell && b2j_dec_cmp(a->ch[i].value, b->ch[j].value) == 0 &&
           a->ch[i].value.scale == b->ch[j].value.scale;
    if (!in)
      return false;
  }
  return true;
}

static bool shares_cell(const fit *a, const fit *b) {
  for (int i = 0; i < a->n; i++)
    for (int j = 0; j < b->n; j++)
      if (a->ch[i].cell == b->ch[j].cell)
        return true;
  return false;
}

/* The readings worth trying for one cell, or NULL when the cell is not a
 * repair candidate. Readings from `*first_structural` on restore the cell's
 * form (a lost point, a point read as a space, marks around the number);
 * those before change digits. Caller frees. */
static GPtrArray *readings_of(const b2j_doc *doc, const b2j_table *t, guint c,
                              const b2j_cell *cell, bool *is_num, b2j_number *orig, int *prec,
                              guint *first_structural) {
  /* Only OCR'd numbers: a born-digital number is what the file says. */
  const b2j_page *page = find_page(doc, cell->page);
  if (!page || page->source != B2J_SOURCE_OCR || cell->confidence < 0)
    return NULL;
  *is_num = cell->value.present && b2j_number_parse_ocr(cell->text, orig) &&
            orig->kind == B2J_NUM_VALUE;
  b2j_number n;
  /* "948330 25": a point read as a space, which the cell joined. */
  bool split = cell->value.present && !*is_num && b2j_number_parse(cell->text, &n) == false &&
               n.kind == B2J_NUM_SPLIT;
  /* "1 10, 738. 18", "4 258. 06": pieces of a number the layout joined
   * (wrapped_number_joined), which may hold a rule's stub read as a digit
   * beside it; its joined value stands for its text. */
  bool joined = cell->value.present && !*is_num && strchr(cell->text, ' ');
  if (cell->value.present && !*is_num && !split && !joined)
    return NULL;
  *prec = column_prec(t, c, cell);
  GPtrArray *cands;
  *first_structural = 0;
  if (*is_num) {
    /* Other readings only where tesseract was unsure; a lost point
     * wherever the column prints more decimals than the cell. */
    cands = cell->confidence < REPAIR_MAX_CONF ? cell_candidates(page, cell)
                                               : g_ptr_array_new_with_free_func(g_free);
    *first_structural = cands->len;
    if (!orig->percent && orig->value.scale < *prec)
      b2j_repair_point_candidates(cell->text, *prec, cands);
    /* "174.272" in a column of two decimals: one of its decimals is extra. */
    if (!orig->percent && *prec > 0 && orig->value.scale == *prec + 1) {
      const char *pt = strchr(cell->text, '.');
      for (const char *q = pt ? pt + 1 : NULL; q && *q; q++) {
        if (!g_ascii_isdigit(*q))
          continue;
        char *d = g_strdup_printf("%.*s%s", (int)(q - cell->text), cell->text, q + 1);
        add_candidate(cands, d);
        g_free(d);
      }
    }
    /* "- 44.76": a stray stroke before an amount read as a minus. */
    if (orig->value.coef < 0) {
      char *s = b2j_repair_strip_sign(cell->text);
      if (s)
        add_candidate(cands, s);
      g_free(s);
    }
  } else {
    cands = g_ptr_array_new_with_free_func(g_free);
    /* ", 882, 399": a leading digit lost before its thousands comma; each
     * digit is one reading, tried as a digit change is. */
    const char *lead = cell->text + strspn(cell->text, " ");
    if (!cell->value.present && (*lead == ',' || g_str_has_prefix(lead, "，"))) {
      const char *rest = *lead == ',' ? lead + 1 : lead + strlen("，");
      rest += strspn(rest, " ");
      if (strspn(rest, "0123456789") == 3)
        for (char d = '1'; d <= '9'; d++) {
          char *t1 = g_strdup_printf("%c,%s", d, rest);
          add_candidate(cands, t1);
          g_free(t1);
        }
      *first_structural = cands->len;
    }
    /* "1 10, 738. 18", "4 258. 06": its digits' other readings go first,
     * as a number's do. */
    if (joined && cell->confidence < REPAIR_MAX_CONF) {
      char buf[B2J_DEC_STRLEN];
      GPtrArray *more = b2j_repair_candidates(b2j_dec_format(cell->value.value, buf), NULL,
                                              NULL, true);
      for (guint k = 0; k < more->len; k++)
        add_candidate(cands, g_ptr_array_index(more, k));
      g_ptr_array_unref(more);
      *first_structural = cands->len;
    }
  }
  if (split) {
    const char *sp = strchr(cell->text, ' ');
    if (sp && !strchr(sp + 1, ' ') && sp > cell->text && g_ascii_isdigit(sp[-1]) &&
        g_ascii_isdigit(sp[1]) && strlen(sp + 1) <= (size_t)MAX(*prec, 2)) {
      char *t1 = g_strdup(cell->text);
      t1[sp - cell->text] = '.';
      g_ptr_array_add(cands, t1);
    }
  } else if (!*is_num) {
    char *s = b2j_repair_strip_marks(cell->text);
    if (s)
      g_ptr_array_add(cands, s);
    const char *bare = s ? s : cell->text;
    /* "78: 09": a point read as a mark went with it (7809). */
    b2j_repair_point_candidates(bare, *prec, cands);
    /* "1$897.44": a digit read as a glyph no number has. */
    b2j_repair_glyph_digit_candidates(cell->text, *prec, cands);
    /* "13,.979.92", "3.660.38": thousands commas read as points or doubled;
     * the digits with the last point only. */
    const char *last = strrchr(bare, '.');
    if (last && strpbrk(bare, ",.") != last && strspn(bare, "0123456789,.-") == strlen(bare)) {
      GString *g = g_string_new(NULL);
      for (const char *q = bare; *q; q++)
        if (g_ascii_isdigit(*q) || q == last || *q == '-')
          g_string_append_c(g, *q);
      add_candidate(cands, g->str);
      g_string_free(g, TRUE);
    }
    /* "2,.932, 700", "1.633, 000" in a column of whole numbers: its
     * thousands separators read as points or doubled; the digits alone. */
    if (*prec == 0) {
      char *d = b2j_repair_thousands_digits(cell->text);
      if (d)
        add_candidate(cands, d);
      g_free(d);
    }
  }
  /* A cell of pieces that parsed as no number ("1 633, 000", "1 15.24"). */
  bool spaced = !cell->value.present && strchr(cell->text, ' ');
  if (spaced) {
    /* "1 633, 000": a thousands comma lost to a space, where a group of
     * three digits follows. */
    GString *g = g_string_new(NULL);
    for (const char *q = cell->text; *q; q++) {
      bool lost = *q == ' ' && q > cell->text && g_ascii_isdigit(q[-1]) &&
                  strspn(q + 1, "0123456789") == 3 && strchr(",. ", q[4]);
      g_string_append_c(g, lost ? ',' : *q);
    }
    if (strcmp(g->str, cell->text) != 0)
      add_candidate(cands, g->str);
    g_string_free(g, TRUE);
  }
  if (joined || spaced) {
    /* Without one of its pieces: the stub ("1 10, 738. 18" is 10738.18). */
    char **pieces = g_strsplit(cell->text, " ", -1);
    guint np = g_strv_length(pieces);
    for (guint k = 0; np > (joined ? 2u : 1u) && k < np; k++) {
      GString *g = g_string_new(NULL);
      for (guint j = 0; j < np; j++)
        if (j != k)
          g_string_append(g, pieces[j]);
      add_candidate(cands, g->str);
      g_string_free(g, TRUE);
    }
    g_strfreev(pieces);
  }
  /* "100 9", "100 9%o": a number, then a mark after a space (a % whose
   * rings were lost, a speck); the number alone. */
  if (!*is_num) {
    char *s = b2j_repair_first_token(cell->text);
    if (s)
      add_candidate(cands, s);
    g_free(s);
  }
  return cands;
}

/* The first mover of i's group (parent links point to smaller indices). */
static guint group_root(const guint *parent, guint i) {
  while (parent[i] != i)
    i = parent[i];
  return i;
}

/* Several cells whose form was lost the same way in one failing sum (the
 * three children of 301 that each read "250884 31"): no one reading settles
 * the check, since the others still want. `movers` are the one-cell form
 * readings that moved a wanting check; cells whose readings move a common
 * check form a group, and every combination of two or more of a group's
 * cells is tried (each cell as read or in one of its readings). Fitting
 * combinations go to `fits`, where two that share a check cancel out.
 * Returns the re-validations spent. */
static int try_groups(b2j_doc *doc, GPtrArray *base, GArray *movers, GArray *fits,
                      int trials) {
  /* One slot per cell: its first mover's index; readings follow in order. */
  guint n = movers->len;
  if (n < 2)
    return 0;
  guint *parent = g_new(guint, n);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++) {
      const fit *a = &g_array_index(movers, fit, i), *b = &g_array_index(movers, fit, j);
      if (a->ch[0].cell == b->ch[0].cell || share_index(a->touched, b->touched)) {
        guint ri = group_root(parent, i), rj = group_root(parent, j);
        if (ri != rj)
          parent[MAX(ri, rj)] = MIN(ri, rj);
      }
    }
  int spent = 0;
  for (guint root = 0; root < n; root++) {
    /* The group's cells and, per cell, the movers reading it. */
    b2j_cell *cells[REPAIR_MAX_GROUP];
    GArray *opts[REPAIR_MAX_GROUP]; /* of guint mover indices */
    int ncell = 0;
    bool too_big = false;
    for (guint i = 0; i < n && !too_big; i++) {
      if (group_root(parent, i) != root)
        continue;
      const fit *m = &g_array_index(movers, fit, i);
      int k = 0;
      while (k < ncell && cells[k] != m->ch[0].cell)
        k++;
      if (k == ncell) {
        if (ncell == REPAIR_MAX_GROUP) {
          too_big = true;
          break;
        }
        cells[ncell] = m->ch[0].cell;
        opts[ncell++] = g_array_new(FALSE, FALSE, sizeof(guint));
      }
      g_array_append_val(opts[k], i);
    }
    long combos = 1;
    for (int k = 0; k < ncell; k++)
      combos *= (long)opts[k]->len + 1;

    if (!too_big && ncell >= 2 && combos <= REPAIR_MAX_COMBOS) {
      /* Odometer over (as read, reading 1, ...) per cell. */
      int pick[REPAIR_MAX_GROUP] = {0};
      for (long step = 1; step < combos && trials + spent < REPAIR_MAX_TRIALS; step++) {
        for (int k = 0; k < ncell; k++) {
          if (++pick[k] <= (int)opts[k]->len)
            break;
          pick[k] = 0;
        }
        int changed = 0;
        for (int k = 0; k < ncell; k++)
          changed += pick[k] > 0;
        if (changed < 2)
          continue;
        fit f = fit_new();
        for (int k = 0; k < ncell; k++) {
          if (!pick[k])
            continue;
          const fit *m = &g_array_index(movers, fit, g_array_index(opts[k], guint, pick[k] - 1));
          f.ch[f.n] = m->ch[0];
          f.ch[f.n++].text = g_strdup(m->ch[0].text);
        }
        spent++;
        if (try_fit(doc, base, &f) == TRY_FIT)
          g_array_append_val(fits, f);
        else
          fit_clear(&f);
      }
    }
    for (int k = 0; k < ncell; k++)
      g_array_free(opts[k], TRUE);
  }
  g_free(parent);
  return spent;
}

/* One pass over the document's cells against its current checks; returns
 * the cells repaired. */
static int repair_round(b2j_doc *doc) {
  GPtrArray *base = doc->checks;
  bool any_wanting = false;
  for (guint i = 0; i < base->len; i++)
    any_wanting |= wanting(g_ptr_array_index(base, i));
  if (!any_wanting)
    return 0;

  GArray *fits = g_array_new(FALSE, TRUE, sizeof(fit));
  GArray *partials = g_array_new(FALSE, TRUE, sizeof(fit));
  GArray *movers = g_array_new(FALSE, TRUE, sizeof(fit));
  int trials = 0;
  for (guint ti = 0; ti < doc->tables->len; ti++) {
    b2j_table *t = g_ptr_array_index(doc->tables, ti);
    if (!table_flagged(base, t->id))
      continue;
    for (guint r = 0; r < t->rows->len; r++) {
      b2j_row *row = g_ptr_array_index(t->rows, r);
      for (guint c = 0; c < row->cells->len; c++) {
        b2j_cell *cell = g_ptr_array_index(row->cells, c);
        bool is_num = false;
        b2j_number orig;
        int prec = 0;
        guint first_structural = 0;
        GPtrArray *cands = readings_of(doc, t, c, cell, &is_num, &orig, &prec, &first_structural);
        if (!cands)
          continue;
        int cell_fits = 0;
        guint first = fits->len;
        GArray *tried = g_array_new(FALSE, FALSE, sizeof(b2j_dec)); /* values tried here */
        for (guint k = 0; k < cands->len && trials < REPAIR_MAX_TRIALS; k++) {
          const char *text = g_ptr_array_index(cands, k);
          b2j_number n;
          if (!b2j_number_parse_ocr(text, &n) || n.kind != B2J_NUM_VALUE)
            continue;
          if (cell->value.present && b2j_dec_cmp(n.value, cell->value.value) == 0)
            continue;
          /* Two texts of one value (20153.75, 20,153.75) are one reading. */
          bool seen = false;
          for (guint v = 0; v < tried->len && !seen; v++)
            seen = b2j_dec_cmp(g_array_index(tried, b2j_dec, v), n.value) == 0 &&
                   g_array_index(tried, b2j_dec, v).scale == n.value.scale;
          if (seen)
            continue;
          g_array_append_val(tried, n.value);
          if (is_num) {
            /* A repair changes digits, or restores a point; never the
             * number's kind. */
            bool point = n.value.scale > orig.value.scale && n.value.scale <= prec;
            bool extra = orig.value.scale > prec && n.value.scale == prec;
            if (n.percent != orig.percent ||
                (n.value.scale != orig.value.scale && !point && !extra))
              continue;
          }
          trials++;
          fit f = fit_new();
          f.ch[0] = (change){t, r, c, cell, g_strdup(text), n.value};
          f.n = 1;
          try_result res = try_fit(doc, base, &f);
          if (k >= first_structural && f.moves_wanting) {
            fit m = fit_new();
            m.ch[0] = f.ch[0];
            m.ch[0].text = g_strdup(text);
            m.n = 1;
            g_array_append_vals(m.touched, f.touched->data, f.touched->len);
            g_array_append_val(movers, m);
          }
          if (res == TRY_FIT) {
            g_array_append_val(fits, f);
            cell_fits++;
          } else if (res == TRY_PARTIAL) {
            g_array_append_val(partials, f);
          } else {
            fit_clear(&f);
          }
        }
        g_ptr_array_unref(cands);
        g_array_free(tried, TRUE);
        /* Two readings of one cell fit: the checks cannot tell them apart. */
        if (cell_fits > 1) {
          for (guint k = first; k < fits->len; k++)
            fit_clear(&g_array_index(fits, fit, k));
          g_array_set_size(fits, first);
        }
      }
    }
  }

  /* Two wrong cells sharing a check: pairs of readings that each settle
   * part of what wants, tried together. */
  for (guint i = 0; i < partials->len; i++)
    for (guint j = i + 1; j < partials->len && trials < REPAIR_MAX_TRIALS; j++) {
      fit *a = &g_array_index(partials, fit, i), *b = &g_array_index(partials, fit, j);
      if (a->ch[0].cell == b->ch[0].cell)
        continue;
      trials++;
      fit f = fit_new();
      f.ch[0] = a->ch[0];
      f.ch[1] = b->ch[0];
      f.n = 2;
      f.ch[0].text = g_strdup(a->ch[0].text);
      f.ch[1].text = g_strdup(b->ch[0].text);
      if (try_fit(doc, base, &f) == TRY_FIT)
        g_array_append_val(fits, f);
      else
        fit_clear(&f);
    }
  for (guint i = 0; i < partials->len; i++)
    fit_clear(&g_array_index(partials, fit, i));
  g_array_free(partials, TRUE);
  trials += try_groups(doc, base, movers, fits, trials);
  for (guint i = 0; i < movers->len; i++)
    fit_clear(&g_array_index(movers, fit, i));
  g_array_free(movers, TRUE);

  /* A combination whose readings are all part of another's is that one,
   * not a rival (two cells read back alone and together). A combination
   * that settles only part of what another of no more cells settles leaves
   * a check wanting that the other explains: it gives way. */
  bool *beaten = g_new0(bool, fits->len ? fits->len : 1);
  for (guint i = 0; i < fits->len; i++)
    for (guint j = 0; j < fits->len && !beaten[i]; j++) {
      const fit *a = &g_array_index(fits, fit, i), *b = &g_array_index(fits, fit, j);
      beaten[i] = i != j && ((readings_within(a, b) && (!readings_within(b, a) || j < i)) ||
                             settles_less(a, b));
    }
  /* Two combinations settling the same check, or reading the same cell two
   * ways: either could be the true one, so neither is taken. */
  GArray *keep = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint i = 0; i < fits->len; i++) {
    bool alone = !beaten[i];
    const fit *a = &g_array_index(fits, fit, i);
    for (guint j = 0; alone && j < fits->len; j++) {
      const fit *b = &g_array_index(fits, fit, j);
      alone = i == j || beaten[j] || !(shares_check(a, b) || shares_cell(a, b));
    }
    if (alone)
      g_array_append_val(keep, i);
  }
  g_free(beaten);

  int repaired = 0;
  if (keep->len > 0) {
    GPtrArray *old_text = g_ptr_array_new();
    GArray *old_value = g_array_new(FALSE, FALSE, sizeof(b2j_opt_dec));
    for (guint i = 0; i < keep->len; i++) {
      fit *f = &g_array_index(fits, fit, g_array_index(keep, guint, i));
      for (int m = 0; m < f->n; m++) {
        b2j_cell *cell = f->ch[m].cell;
        g_ptr_array_add(old_text, cell->text);
        g_array_append_val(old_value, cell->value);
        cell->text = g_strdup(f->ch[m].text);
        cell->value.present = true;
        cell->value.value = f->ch[m].value;
      }
    }
    /* Repairs made together must not break a check that passed before. */
    GPtrArray *now = validate_fresh(doc);
    bool ok = now->len == base->len;
    for (guint i = 0; ok && i < now->len; i++) {
      const b2j_check *a = g_ptr_array_index(base, i), *b = g_ptr_array_index(now, i);
      ok = same_check(a, b) && !(a->evaluated && a->ok && !(b->evaluated && b->ok));
    }
    guint slot = 0;
    for (guint i = 0; i < keep->len; i++) {
      fit *f = &g_array_index(fits, fit, g_array_index(keep, guint, i));
      const b2j_check *k = g_ptr_array_index(base, g_array_index(f->fixed, guint, 0));
      for (int m = 0; m < f->n; m++, slot++) {
        change *ch = &f->ch[m];
        char *orig_text = g_ptr_array_index(old_text, slot);
        b2j_opt_dec orig = g_array_index(old_value, b2j_opt_dec, slot);
        if (!ok) {
          g_free(ch->cell->text);
          ch->cell->text = orig_text;
          ch->cell->value = orig;
          continue;
        }
        /* A performance form's columns are its indicators' header, which
         * names no cell of the funds block above it: there the column is
         * given by number. */
        bool form = ch->t->kind && strstr(ch->t->kind, "performance");
        char *col = form || ch->col >= ch->t->columns->len
                        ? g_strdup_printf("%u", ch->col + 1)
                        : g_strdup_printf("'%s'", (const char *)g_ptr_array_index(ch->t->columns, ch->col));
        b2j_doc_warn(doc, "repaired_number", ch->cell->page, ch->t->id,
                     "%s row %u column %s: '%s' read by OCR (confidence %.2f) repaired to "
                     "'%s', the only reading%s that makes %s %s pass",
                     ch->t->id, ch->row + 1, col, orig_text, ch->cell->confidence, ch->text,
                     f->n == 1   ? ""
                     : f->n == 2 ? " (with one other cell's)"
                                 : " (with other cells')",
                     k->rule, k->where ? k->where : "");
        g_free(col);
        if (orig.present)
          update_lines(doc, ch, orig.value);
        g_free(orig_text);
        repaired++;
      }
    }
    if (ok) {
      doc->checks = now;
      g_ptr_array_unref(base);
    } else {
      g_ptr_array_unref(now);
    }
    g_ptr_array_free(old_text, TRUE);
    g_array_free(old_value, TRUE);
  }
  g_array_free(keep, TRUE);
  for (guint i = 0; i < fits->len; i++)
    fit_clear(&g_array_index(fits, fit, i));
  g_array_free(fits, TRUE);
  /* The cells as kept (tried readings undone, repairs made). */
  b2j_doc_values_from_cells(doc);
  return repaired;
}

/* A repair can settle a check that two wrong cells shared (the row identity
 * of a line whose 小计 and 基本支出 both lost their point): after one round
 * the other cell is the only one left, so rounds go on while they repair. */
#define REPAIR_MAX_ROUNDS 4

int b2j_repair(b2j_doc *doc) {
  int total = 0;
  for (int round = 0; round < REPAIR_MAX_ROUNDS; round++) {
    int n = repair_round(doc);
    total += n;
    if (n == 0)
      break;
  }
  return total;
}
