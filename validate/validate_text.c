/* Rules outside the standard tables' arithmetic: performance forms (得分 ≤
 * 分值, 总分, 执行率), prose figures against tables, years in titles, and
 * placeholder text left in the report. */
#include <string.h>

#include "validate_internal.h"

/* ====================================================================== */
/* Performance                                                            */
/* ====================================================================== */

static void score_le_weight(vctx *c, const char *table, const char *where, b2j_dec weight,
                            b2j_dec score, int page) {
  b2j_check *k = v_check(c, "score_le_weight", where, table, NULL);
  bool ok = b2j_dec_cmp(score, weight) <= 0;
  v_check_set(k, weight, score, ok);
  char *w = v_fmt(weight), *s = v_fmt(score);
  if (page > 0)
    v_check_msg(k, "%s %s (p.%d): 得分 %s %s 分值 %s", table, where, page, s, ok ? "≤" : ">", w);
  else
    v_check_msg(k, "%s %s: 得分 %s %s 分值 %s", table, where, s, ok ? "≤" : ">", w);
  g_free(w);
  g_free(s);
}

static const char *owner_name(const b2j_indicator *x) {
  return x->project ? x->project : "整体";
}

static int max_scale(int a, b2j_dec d) { return MAX(a, b2j_dec_normalize(d).scale); }

/* 总分 (or total 分值) against Σ over indicators, with and without the
 * fund line: the seeds (001, 002) count the 年度资金总额 line's 得分/分值. */
static void total_rule(vctx *c, const b2j_project *p, bool weights) {
  const char *rule = weights ? "total_weight" : "total_score";
  const char *word = weights ? "分值" : "得分";
  const char *pname = p->name ? p->name : p->table;
  b2j_opt_dec total = weights ? p->total_weight : p->total_score;
  char *where = g_strdup_printf("%s/总分", pname);
  if (!total.present) {
    v_skip(c, rule, where, p->table, "%s %s: the 总分 row's %s was not read", p->table, pname,
           word);
    g_free(where);
    return;
  }
  b2j_dec sum = b2j_dec_from_int(0);
  int n = 0, prec = 0;
  for (guint i = 0; i < c->doc->indicators->len; i++) {
    const b2j_indicator *x = g_ptr_array_index(c->doc->indicators, i);
    if (!x->table || strcmp(x->table, p->table) != 0)
      continue;
    b2j_opt_dec v = weights ? x->weight : x->score;
    if (!v.present)
      continue;
    b2j_dec_add(sum, v.value, &sum);
    prec = max_scale(prec, v.value);
    n++;
  }
  if (n == 0) {
    v_skip(c, rule, where, p->table, "%s %s: no indicator %s was read", p->table, pname, word);
    g_free(where);
    return;
  }
  const b2j_fund *fl = NULL;
  for (guint i = 0; p->funds && i < p->funds->len && !fl; i++) {
    const b2j_fund *f = g_ptr_array_index(p->funds, i);
    if ((weights ? f->weight : f->score).present)
      fl = f;
  }
  b2j_dec with = sum;
  if (fl) {
    b2j_dec fv = (weights ? fl->weight : fl->score).value;
    b2j_dec_add(sum, fv, &with);
    prec = max_scale(prec, fv);
  }
  int pt = b2j_dec_normalize(total.value).scale;
  b2j_dec zero = b2j_dec_from_int(0);
  agree_how hw = fl ? v_agree(with, prec, total.value, pt, zero) : AG_NO;
  agree_how hs = v_agree(sum, prec, total.value, pt, zero);
  b2j_check *k = v_check(c, rule, where, p->table, NULL);
  char *ts = v_fmt(total.value), *ss = v_fmt(sum), *ws = v_fmt(with);
  if (hw != AG_NO) {
    v_check_set(k, with, total.value, true);
    v_check_msg(k,
                "%s %s: 总分 %s %s = Σ %s of %d indicators (%s) + the %s line's %s; convention: "
                "the fund line counts (as in the seeds); %s",
                p->table, pname, word, ts, word, n, ss, fl->line ? fl->line : "fund", word,
                v_how_text(hw));
  } else if (hs != AG_NO) {
    v_check_set(k, sum, total.value, true);
    v_check_msg(k,
                "%s %s: 总分 %s %s = Σ %s of %d indicators; convention: the fund line's %s is "
                "not counted; %s",
                p->table, pname, word, ts, word, n, word, v_how_text(hs));
  } else {
    v_check_set(k, fl ? with : sum, total.value, false);
    v_check_msg(k,
                "%s %s: 总分 %s %s, but Σ %s of %d indicators = %s%s%s (neither convention "
                "holds)",
                p->table, pname, word, ts, word, n, ss, fl ? " and with the fund line " : "",
                fl ? ws : "");
  }
  g_free(ts);
  g_free(ss);
  g_free(ws);
  g_free(where);
}

static bool has_digit(const char *s) {
  for (; s && *s; s++)
    if (g_ascii_isdigit(*s))
      return true;
  return false;
}

/* 执行率 = 全年执行数 / 全年预算数, printed as a percentage (no check where no
 * 执行率 is printed). Rounded or
 * truncated to the printed digits are both accepted (forms do both: one
 * prints 98.52% for 39.41/40 = 98.525%); a rate capped at 100% when the
 * budget was overspent is accepted and said. */
static void execution_rate(vctx *c, const b2j_project *p, const b2j_fund *f) {
  const char *pname = p->name ? p->name : p->table;
  const b2j_cell *printed = f->from[B2J_FUND_RATE];
  if (!f->execution_rate.present && !(printed && has_digit(printed->text)))
    return;
  char *where = g_strdup_printf("%s/%s/执行率", pname, f->line && *f->line ? f->line : "资金");
  if (!f->execution_rate.present) {
    /* "100 2%0": printed but no number; not evaluated, which repair may settle. */
    v_skip(c, "execution_rate", where, p->table, "%s %s: 执行率 '%s' is no number", p->table,
           pname, printed->text);
    g_free(where);
    return;
  }
  if (!f->annual_budget.present || !f->executed.present) {
    v_skip(c, "execution_rate", where, p->table,
           "%s %s: 执行率 printed but 全年预算数 or 全年执行数 was not read", p->table, pname);
    g_free(where);
    return;
  }
  if (b2j_dec_is_zero(f->annual_budget.value)) {
    v_skip(c, "execution_rate", where, p->table, "%s %s: 全年预算数 is 0, 执行率 undefined",
           p->table, pname);
    g_free(where);
    return;
  }
  b2j_dec rate = f->execution_rate.value;
  int s = b2j_dec_normalize(rate).scale;
  b2j_dec num, exact;
  if (!b2j_dec_shift(f->executed.value, 2, &num) ||
      !b2j_dec_div(num, f->annual_budget.value, MIN(s + 6, 12), &exact)) {
    v_skip(c, "execution_rate", where, p->table, "%s %s: 执行率 could not be computed",
           p->table, pname);
    g_free(where);
    return;
  }
  b2j_dec rounded, diff;
  b2j_dec_round(exact, s, &rounded);
  b2j_dec_sub(exact, rate, &diff);
  b2j_dec ulp = {1, s};
  const char *how = NULL;
  if (b2j_dec_cmp(rounded, rate) == 0)
    how = "rounded to the printed digits";
  else if (b2j_dec_cmp(diff, b2j_dec_from_int(0)) >= 0 && b2j_dec_cmp(diff, ulp) < 0)
    how = "truncated to the printed digits (accepted)";
  else if (b2j_dec_cmp(rate, b2j_dec_from_int(100)) == 0 &&
           b2j_dec_cmp(exact, b2j_dec_from_int(100)) > 0)
    how = "capped at 100% (accepted: execution above budget)";
  b2j_check *k = v_check(c, "execution_rate", where, p->table, NULL);
  v_check_set(k, rounded, rate, how != NULL);
  char *e = v_fmt(f->executed.value), *b = v_fmt(f->annual_budget.value), *x = v_fmt(exact),
       *r = v_fmt(rate);
  v_check_msg(k, "%s %s %s: 全年执行数 %s / 全年预算数 %s = %s%%; printed %s%%; %s", p->table,
              pname, f->line ? f->line : "", e, b, x, r, how ? how : "differ");
  g_free(e);
  g_free(b);
  g_free(x);
  g_free(r);
  g_free(where);
}

/* A project form's funds block prints 年度资金总额 first and its parts under
 * it (其中：当年财政拨款, 上年结转资金, 其他资金): per amount column, the first
 * line is the sum of the others (every form of the corpus's truth keeps it).
 * An empty part counts 0, and a column with no part printed is no check (a
 * form may fill the total alone); a part printed but no number leaves the
 * column not evaluated, naming it. */
static void fund_lines_sum(vctx *c, const b2j_project *p) {
  if (!p->funds || p->funds->len < 3)
    return;
  static const char *const COLUMN[] = {"年初预算数", "全年预算数", "全年执行数"};
  const char *pname = p->name ? p->name : p->table;
  const b2j_fund *total = g_ptr_array_index(p->funds, 0);
  for (int k = B2J_FUND_INITIAL; k <= B2J_FUND_EXECUTED; k++) {
    b2j_opt_dec tv = b2j_fund_amount(total, k);
    char *where = g_strdup_printf("%s/%s/%s", pname, total->line ? total->line : "", COLUMN[k]);
    b2j_dec sum = b2j_dec_from_int(0);
    int prec = 0, parts = 0;
    const b2j_cell *unread = NULL;
    for (guint i = 1; i < p->funds->len && !unread; i++) {
      const b2j_fund *f = g_ptr_array_index(p->funds, i);
      b2j_opt_dec v = b2j_fund_amount(f, k);
      if (v.present) {
        b2j_dec_add(sum, v.value, &sum);
        prec = max_scale(prec, v.value);
        parts++;
      } else if (f->from[k] && has_digit(f->from[k]->text)) {
        unread = f->from[k];
      }
    }
    if (unread)
      v_skip(c, "fund_lines_sum", where, p->table, "%s %s %s: a part reads '%s', no number",
             p->table, pname, COLUMN[k], unread->text);
    else if (!tv.present && parts > 0)
      v_skip(c, "fund_lines_sum", where, p->table, "%s %s %s: the %s line's amount was not read",
             p->table, pname, COLUMN[k], total->line ? total->line : "total");
    else if (tv.present && parts > 0) {
      int pt = b2j_dec_normalize(tv.value).scale;
      agree_how h = v_agree(sum, MAX(prec, pt), tv.value, pt, b2j_dec_from_int(0));
      b2j_check *chk = v_check(c, "fund_lines_sum", where, p->table, NULL);
      v_check_set(chk, sum, tv.value, h != AG_NO);
      char *ts = v_fmt(tv.value), *ss = v_fmt(sum);
      v_check_msg(chk, "%s %s %s: %s %s = Σ of the %d lines under it (%s); %s", p->table,
                  pname, COLUMN[k], total->line ? total->line : "", ts, p->funds->len - 1, ss,
                  h == AG_NO ? "differ" : v_how_text(h));
      g_free(ts);
      g_free(ss);
    }
    g_free(where);
  }
}

void v_rules_performance(vctx *c) {
  b2j_doc *d = c->doc;
  for (guint i = 0; i < d->indicators->len; i++) {
    const b2j_indicator *x = g_ptr_array_index(d->indicators, i);
    if (!x->weight.present || !x->score.present)
      continue;
    char *where = g_strdup_printf("%s/%s", owner_name(x), x->name ? x->name : "");
    score_le_weight(c, x->table, where, x->weight.value, x->score.value, x->page);
    g_free(where);
  }
  for (guint i = 0; i < d->projects->len; i++) {
    const b2j_project *p = g_ptr_array_index(d->projects, i);
    const char *pname = p->name ? p->name : p->table;
    for (guint j = 0; p->funds && j < p->funds->len; j++) {
      const b2j_fund *f = g_ptr_array_index(p->funds, j);
      if (f->weight.present && f->score.present) {
        char *where = g_strdup_printf("%s/%s", pname, f->line ? f->line : "");
        score_le_weight(c, p->table, where, f->weight.value, f->score.value, 0);
        g_free(where);
      }
      execution_rate(c, p, f);
    }
    fund_lines_sum(c, p);
    total_rule(c, p, false);
    total_rule(c, p, true);
  }
}

/* ====================================================================== */
/* Prose figures against the tables                                       */
/* ====================================================================== */

static void figure_check(vctx *c, const b2j_figure *f, const char *what, const char *alt) {
  char *where = g_strdup_printf("%s", f->key);
  int fe = v_unit_exp(f->unit);
  if (fe < 0) {
    v_skip(c, "figure_vs_table", where, NULL, "figure %s “%s” (p.%d) has no money unit",
           f->key, f->label ? f->label : "", f->page);
    g_free(where);
    return;
  }
  v_quantity q, q2;
  memset(&q2, 0, sizeof q2);
  bool have = v_std_amount(c, what, &q);
  bool have2 = alt && v_std_amount(c, alt, &q2);
  if (!have && have2) {
    g_free(q.desc);
    q = q2;
    memset(&q2, 0, sizeof q2);
    have = true;
    have2 = false;
  }
  if (!have) {
    char *fs = v_fmt(f->value);
    v_skip(c, "figure_vs_table", where, NULL, "not evaluated: figure %s “%s” = %s%s (p.%d): %s%s",
           f->key, f->label ? f->label : "", fs, f->unit, f->page,
           q.desc ? "the table cell is not a number: " : "no table holding the amount was found",
           q.desc ? q.desc : "");
    g_free(fs);
    g_free(q.desc);
    g_free(where);
    return;
  }
  int te = v_unit_exp(q.unit);
  if (te < 0)
    te = fe; /* a table without a unit: assume the prose's */
  b2j_dec fy, ty;
  b2j_dec fv = f->value, tv = q.v;
  bool conv = b2j_dec_shift(fv, fe, &fy) && b2j_dec_shift(tv, te, &ty);
  b2j_check *k = v_check(c, "figure_vs_table", where, q.table, NULL);
  if (!conv) {
    k->evaluated = false;
    v_check_msg(k, "figure %s could not be converted to 元", f->key);
  } else {
    b2j_dec tail = v_tail(c, fe == 4 || te == 4, 0);
    int pf = b2j_dec_normalize(f->value).scale - fe;
    /* A figure may be printed with fewer digits than the table: compare at
     * the figure's own precision too. */
    int pt = q.prec - te;
    agree_how h = v_agree(ty, pt, fy, pf, tail);
    const char *which = "";
    if (h == AG_NO && have2) {
      b2j_dec t2;
      int te2 = v_unit_exp(q2.unit) >= 0 ? v_unit_exp(q2.unit) : fe;
      if (b2j_dec_shift(q2.v, te2, &t2)) {
        agree_how h2 = v_agree(t2, q2.prec - te2, fy, pf, tail);
        if (h2 != AG_NO) {
          h = h2;
          ty = t2;
          which = " (matches the alternative table)";
          g_free(q.desc);
          q = q2;
          memset(&q2, 0, sizeof q2);
        }
      }
    }
    v_check_set(k, b2j_dec_normalize(ty), b2j_dec_normalize(fy), h != AG_NO);
    char *fs = v_fmt(f->value), *ts = v_fmt(ty), *fys = v_fmt(fy);
    v_check_msg(k, "prose “%s” %s%s (p.%d) = %s 元; %s = %s 元; %s%s", f->label ? f->label : f->key,
                fs, f->unit, f->page, fys, q.desc, ts, v_how_text(h), which);
    g_free(fs);
    g_free(ts);
    g_free(fys);
  }
  g_free(q.desc);
  g_free(q2.desc);
  g_free(where);
}

void v_rules_figures(vctx *c) {
  for (guint i = 0; i < c->doc->figures->len; i++) {
    const b2j_figure *f = g_ptr_array_index(c->doc->figures, i);
    if (!f->key || f->text_value)
      continue;
    bool approp = f->text && strstr(f->text, "财政拨款");
    bool budget = f->text && strstr(f->text, "预算") && !strstr(f->text, "决算");
    if (strcmp(f->key, "total_income") == 0)
      figure_check(c, f, "total_income", NULL);
    else if (strcmp(f->key, "total_expenditure") == 0)
      figure_check(c, f, "total_expenditure", NULL);
    else if (strcmp(f->key, "basic_expenditure") == 0)
      figure_check(c, f, approp ? "basic_05" : "basic_03", approp ? "basic_03" : "basic_05");
    else if (strcmp(f->key, "project_expenditure") == 0)
      figure_check(c, f, approp ? "project_05" : "project_03",
                   approp ? "project_03" : "project_05");
    else if (strcmp(f->key, "three_public") == 0)
      figure_check(c, f, budget ? "three_public_budget" : "three_public_final",
                   budget ? "three_public_final" : "three_public_budget");
  }
}

/* ====================================================================== */
/* Years and placeholders                                                 */
/* ====================================================================== */

/* Years written "2023年" / "2023 年度" in s, into out (at most n). */
static int years_in(const char *s, int *out, int n) {
  int k = 0;
  for (const char *p = s; *p && k < n; p++) {
    if (g_ascii_isdigit(p[0]) && g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2]) &&
        g_ascii_isdigit(p[3]) && (p == s || !g_ascii_isdigit(p[-1])) && !g_ascii_isdigit(p[4])) {
      const char *q = p + 4;
      while (*q == ' ')
        q++;
      if (strncmp(q, "年", strlen("年")) == 0) {
        int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        if (y >= 1990 && y <= 2100)
          out[k++] = y;
      }
      p += 3;
    }
  }
  return k;
}

void v_rules_years(vctx *c) {
  b2j_doc *d = c->doc;
  int titled = 0;
  for (guint i = 0; i < d->tables->len; i++) {
    const b2j_table *t = g_ptr_array_index(d->tables, i);
    int ys[4];
    int n = t->title ? years_in(t->title, ys, 4) : 0;
    for (int j = 0; j < n; j++) {
      titled++;
      char *where = g_strdup_printf("%s/title", t->id);
      int page = t->pages->len ? g_array_index(t->pages, int, 0) : 0;
      if (!d->document.fiscal_year) {
        v_skip(c, "year_consistency", where, t->id,
               "not evaluated: the document's fiscal year is unknown (title “%s” names %d)",
               t->title, ys[j]);
      } else {
        b2j_check *k = v_check(c, "year_consistency", where, t->id, NULL);
        v_check_set(k, b2j_dec_from_int(d->document.fiscal_year), b2j_dec_from_int(ys[j]),
                    ys[j] == d->document.fiscal_year);
        v_check_msg(k, "%s “%s” (p.%d) names %d; the document's fiscal year is %d", t->id,
                    t->title, page, ys[j], d->document.fiscal_year);
      }
      g_free(where);
    }
  }
  if (!titled && d->tables->len)
    v_skip(c, "year_consistency", "titles", NULL,
           "not evaluated: no table title names a year");
}

static bool is_x(gunichar u) {
  return u == 'X' || u == 'x' || u == 0x00D7 /* × */ || u == 0xFF38 /* Ｘ */ ||
         u == 0xFF58 /* ｘ */;
}

static bool is_han(gunichar u) {
  return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

/* Finds a placeholder in s: a run of two or more X/×, or 某某, touching a
 * Chinese character ("XX局", "××县", "XXX单位"). Returns a g_malloc'd snippet
 * around it, or NULL. */
static char *placeholder_in(const char *s) {
  if (!s)
    return NULL;
  glong n = g_utf8_strlen(s, -1);
  gunichar *u = g_utf8_to_ucs4_fast(s, -1, NULL);
  char *hit = NULL;
  for (glong i = 0; i < n && !hit; i++) {
    glong j = i;
    if (is_x(u[i])) {
      while (j < n && is_x(u[j]))
        j++;
      bool near_han = (j < n && is_han(u[j])) || (i > 0 && is_han(u[i - 1]));
      bool in_word = (i > 0 && g_unichar_isalnum(u[i - 1]) && !is_han(u[i - 1])) ||
                     (j < n && g_unichar_isalnum(u[j]) && !is_han(u[j]));
      if (j - i >= 2 && near_han && !in_word) {
        glong a = MAX(0, i - 4), b = MIN(n, j + 4);
        hit = g_ucs4_to_utf8(u + a, b - a, NULL, NULL, NULL);
      }
      i = j - 1;
    } else if (u[i] == 0x67D0 && i + 1 < n && u[i + 1] == 0x67D0) { /* 某某 */
      glong a = MAX(0, i - 4), b = MIN(n, i + 6);
      hit = g_ucs4_to_utf8(u + a, b - a, NULL, NULL, NULL);
    }
  }
  g_free(u);
  return hit;
}

void v_rules_placeholders(vctx *c) {
  b2j_doc *d = c->doc;
  int found = 0, scanned = 0;
  const char *fields[2] = {d->document.title, d->document.department};
  const char *fname[2] = {"document title", "department"};
  for (int i = 0; i < 2; i++) {
    if (!fields[i])
      continue;
    scanned++;
    char *hit = placeholder_in(fields[i]);
    if (hit) {
      b2j_check *k = v_check(c, "placeholder_text", fname[i], NULL, NULL);
      k->ok = false;
      v_check_msg(k, "the %s holds placeholder text: “%s”", fname[i], hit);
      found++;
      g_free(hit);
    }
  }
  for (guint i = 0; i < d->tables->len; i++) {
    const b2j_table *t = g_ptr_array_index(d->tables, i);
    if (!t->title)
      continue;
    scanned++;
    char *hit = placeholder_in(t->title);
    if (hit) {
      char *where = g_strdup_printf("%s/title", t->id);
      b2j_check *k = v_check(c, "placeholder_text", where, t->id, NULL);
      k->ok = false;
      v_check_msg(k, "%s title holds placeholder text: “%s”", t->id, hit);
      found++;
      g_free(where);
      g_free(hit);
    }
  }
  for (guint i = 0; i < d->pages->len; i++) {
    const b2j_page *p = g_ptr_array_index(d->pages, i);
    if (!p->words->len)
      continue;
    scanned++;
    const char *tx = v_page_text(c, p->number);
    char *hit = placeholder_in(tx);
    if (hit) {
      char *where = g_strdup_printf("p.%d", p->number);
      b2j_check *k = v_check(c, "placeholder_text", where, NULL, NULL);
      k->ok = false;
      v_check_msg(k, "p.%d holds placeholder text: “%s”", p->number, hit);
      found++;
      g_free(where);
      g_free(hit);
    }
  }
  if (!found && scanned) {
    b2j_check *k = v_check(c, "placeholder_text", "document", NULL, NULL);
    k->ok = true;
    v_check_msg(k, "no placeholder text (XX局, ××, 某某) in %d titles and pages", scanned);
  }
}
