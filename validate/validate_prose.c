/* Comparisons written in the prose: "X元，比上年增加D元，增长P%",
 * "X元，比年初预算B元，减少D元", "X元，年初预算B元，增加D元". Each sentence
 * carries its own redundancy: X − B = ±D, the word's direction, and P = D/B
 * (B = X ∓ D when only the change is printed). A failing check names the
 * page and quotes the sentence; nothing is changed. */
#include <string.h>

#include "validate_internal.h"

/* Amounts as printed in prose: thousands separators or none, any decimals.
 * The look-behind keeps a match from starting inside a longer number. */
#define NUM "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?"
#define UNIT "(?:万元|元)"
#define OR_DOWN "(?:（减少）|\\(减少\\))?"
static const char COMPARISON_RE[] =
    "(?<![\\d.,])(?<x>" NUM ")(?<ux>" UNIT ")[，,]?"
    "(?:比(?<since>上年(?:决算|同期)?数?|(?:\\d{4}年度?)?年初预算数?|预算数?)"
    "(?:(?<b>" NUM ")(?<ub>" UNIT ")[，,]?)?"
    "|(?<since2>(?:\\d{4}年度?)?年初预算数?)(?<b2>" NUM ")(?<ub2>" UNIT ")[，,]?)"
    "(?<dir>增加|减少|增长|下降)" OR_DOWN "(?<d>" NUM ")(?<ud>" UNIT ")"
    "(?:[，,](?<pdir>增长|增加|减少|下降)" OR_DOWN "(?<p>" NUM ")[%％])?";

/* Named group `name` as an amount in 元; false when absent or unreadable. */
bool v_prose_amount(GMatchInfo *m, const char *name, const char *unit_name, yuan_amount *out) {
  char *s = g_match_info_fetch_named(m, name);
  char *u = g_match_info_fetch_named(m, unit_name);
  bool ok = false;
  b2j_number n;
  int e = u && *u ? v_unit_exp(u) : -1;
  /* The number reader that reads table cells also reads the separators. */
  if (s && *s && e >= 0 && b2j_number_parse(s, &n) && !n.percent &&
      b2j_dec_shift(n.value, e, &out->v)) {
    out->prec = n.value.scale - e;
    ok = true;
  }
  g_free(s);
  g_free(u);
  return ok;
}

static bool is_up(const char *w) { return strcmp(w, "增加") == 0 || strcmp(w, "增长") == 0; }

/* The matched sentence, for messages: at most ~60 characters. */
char *v_quote(const char *text, gsize len) {
  char *all = g_strndup(text, len);
  if (g_utf8_strlen(all, -1) > 60) {
    char *cut = g_utf8_substring(all, 0, 60);
    g_free(all);
    all = g_strconcat(cut, "…", NULL);
    g_free(cut);
  }
  return all;
}

static char *quote_of(GMatchInfo *m) {
  char *all = g_match_info_fetch(m, 0);
  char *q = v_quote(all, strlen(all));
  g_free(all);
  return q;
}

/* X against B and D: |X − B| = D and the word's direction. */
static void difference_check(vctx *c, int page, const char *at, const char *quote,
                             const yuan_amount *x, const yuan_amount *b, const yuan_amount *d,
                             bool up) {
  char *where = g_strdup_printf("%s/差额", at);
  b2j_dec diff;
  if (!b2j_dec_sub(x->v, b->v, &diff)) {
    v_skip(c, "prose_comparison", where, NULL, "p.%d “%s”: the amounts overflow", page, quote);
    g_free(where);
    return;
  }
  b2j_dec mag = b2j_dec_abs(diff);
  bool direction = b2j_dec_is_zero(diff) || (up ? diff.coef > 0 : diff.coef < 0);
  int pe = MIN(x->prec, b->prec);
  agree_how h = v_agree(mag, pe, d->v, d->prec, b2j_dec_from_int(0));
  b2j_check *k = v_check(c, "prose_comparison", where, NULL, NULL);
  v_check_set(k, b2j_dec_normalize(mag), b2j_dec_normalize(d->v), h != AG_NO && direction);
  char *xs = v_fmt(x->v), *bs = v_fmt(b->v), *ds = v_fmt(d->v), *ms = v_fmt(mag);
  v_check_msg(k, "p.%d “%s”: %s − %s = %s%s 元, printed %s %s 元%s", page, quote, xs, bs,
              diff.coef < 0 ? "−" : "", ms, up ? "增加" : "减少", ds,
              direction ? "" : " (the direction word contradicts the amounts)");
  g_free(xs);
  g_free(bs);
  g_free(ds);
  g_free(ms);
  g_free(where);
}

/* P against D / base × 100, at P's printed decimals. */
static void rate_check(vctx *c, int page, const char *at, const char *quote,
                       const yuan_amount *d, b2j_dec base, b2j_dec printed,
                       bool directions_agree) {
  char *where = g_strdup_printf("%s/增幅", at);
  int ps = b2j_dec_normalize(printed).scale;
  b2j_dec hundred = b2j_dec_from_int(100), num, rate;
  if (b2j_dec_is_zero(d->v) && b2j_dec_is_zero(printed)) {
    /* No change and 0%: consistent whatever the base (often 0 as well). */
    b2j_check *k = v_check(c, "prose_comparison", where, NULL, NULL);
    v_check_set(k, printed, printed, true);
    v_check_msg(k, "p.%d “%s”: no change, printed 0%%", page, quote);
    g_free(where);
    return;
  }
  if (base.coef <= 0) {
    v_skip(c, "prose_comparison", where, NULL,
           "p.%d “%s”: not evaluated: the base of the rate is zero or negative", page, quote);
    g_free(where);
    return;
  }
  if (!b2j_dec_mul(d->v, hundred, &num) || !b2j_dec_div(num, base, ps, &rate)) {
    v_skip(c, "prose_comparison", where, NULL, "p.%d “%s”: the rate overflows", page, quote);
    g_free(where);
    return;
  }
  bool ok = b2j_dec_cmp(rate, printed) == 0 && directions_agree;
  b2j_check *k = v_check(c, "prose_comparison", where, NULL, NULL);
  v_check_set(k, b2j_dec_normalize(rate), b2j_dec_normalize(printed), ok);
  char *ds = v_fmt(d->v), *bs = v_fmt(base), *rs = v_fmt(rate), *ps_ = v_fmt(printed);
  v_check_msg(k, "p.%d “%s”: %s / %s = %s%%, printed %s%%%s", page, quote, ds, bs, rs, ps_,
              directions_agree ? "" : " (增长 with 减少, or 减少 with 增长)");
  g_free(ds);
  g_free(bs);
  g_free(rs);
  g_free(ps_);
  g_free(where);
}

static void comparison_checks(vctx *c, int page, GMatchInfo *m) {
  yuan_amount x, b, d;
  if (!v_prose_amount(m, "x", "ux", &x) || !v_prose_amount(m, "d", "ud", &d))
    return;
  bool have_b = v_prose_amount(m, "b", "ub", &b) || v_prose_amount(m, "b2", "ub2", &b);
  char *dir = g_match_info_fetch_named(m, "dir");
  char *pdir = g_match_info_fetch_named(m, "pdir");
  char *p = g_match_info_fetch_named(m, "p");
  char *quote = quote_of(m);
  char *xraw = g_match_info_fetch_named(m, "x"), *uraw = g_match_info_fetch_named(m, "ux");
  char *at = g_strdup_printf("p.%d/%s%s", page, xraw, uraw);
  bool up = is_up(dir);
  if (have_b)
    difference_check(c, page, at, quote, &x, &b, &d, up);
  b2j_number rate;
  if (p && *p && b2j_number_parse(p, &rate)) {
    b2j_dec printed = rate.value;
    /* Without B the base is X less the change: last year's (or the budget's)
     * amount. */
    b2j_dec base = b.v;
    bool base_ok = have_b || (up ? b2j_dec_sub(x.v, d.v, &base) : b2j_dec_add(x.v, d.v, &base));
    bool agree = b2j_dec_is_zero(d.v) || is_up(pdir) == up;
    if (base_ok)
      rate_check(c, page, at, quote, &d, base, printed, agree);
  }
  g_free(at);
  g_free(xraw);
  g_free(uraw);
  g_free(quote);
  g_free(dir);
  g_free(pdir);
  g_free(p);
}

void v_rules_prose_comparisons(vctx *c) {
  GError *err = NULL;
  /* No G_REGEX_OPTIMIZE: PCRE2 JIT code is opaque to valgrind, which reports its
   * conditional jumps as uninitialised; one pattern a page needs no JIT. */
  GRegex *re = g_regex_new(COMPARISON_RE, 0, 0, &err);
  if (!re) {
    /* A pattern that does not compile is a programming error the unit
     * tests catch; never a reason to stop validating. */
    g_warning("prose comparison pattern: %s", err->message);
    g_error_free(err);
    return;
  }
  for (guint i = 0; i < c->doc->pages->len; i++) {
    const b2j_page *pg = g_ptr_array_index(c->doc->pages, i);
    const char *text = v_page_text(c, pg->number);
    GMatchInfo *m = NULL;
    g_regex_match(re, text, 0, &m);
    while (g_match_info_matches(m)) {
      comparison_checks(c, pg->number, m);
      g_match_info_next(m, NULL);
    }
    g_match_info_free(m);
  }
  g_regex_unref(re);
}
