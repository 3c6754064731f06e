/* Headline figures in the prose: a label, then (within a few characters) an
 * amount with its unit, or a score, or a grade. The reports phrase them in a
 * handful of ways; each key lists its labels, most specific first. */
#include <string.h>

#include "interpret_internal.h"
#include "normalize/normalize.h"

typedef struct {
  const char *key;
  const char *const labels[6];
} figure_rule;

static const figure_rule AMOUNT_RULES[] = {
    {"total_income", {"本年收入合计", "收入合计", "本年收入", NULL}},
    {"total_expenditure", {"本年支出合计", "支出合计", "本年支出", NULL}},
    {"basic_expenditure", {"基本支出", NULL}},
    {"project_expenditure", {"项目支出", NULL}},
    {"three_public", {"“三公”经费", "\"三公\"经费", "三公经费", NULL}},
    {"admin_operating", {"机关运行经费", "日常公用经费支出", NULL}},
    {"gov_procurement", {"政府采购支出总额", "政府采购支出", NULL}},
    {NULL, {NULL}},
};

/* How far (in bytes of UTF-8, about 8 CJK characters) an amount may sit after
 * its label: "本年收入合计362.62万元", "基本支出决算数为1,651.40万元". */
#define LABEL_REACH 30

static bool have_key(const b2j_doc *doc, const char *key) {
  for (guint i = 0; i < doc->figures->len; i++)
    if (strcmp(((const b2j_figure *)g_ptr_array_index(doc->figures, i))->key, key) == 0)
      return true;
  return false;
}

/* The sentence around byte offset `at`: from the previous 。；\n to the next. */
static char *sentence_around(const char *text, size_t at) {
  static const char *const ENDS[] = {"。", "；", "\n", NULL};
  size_t start = 0, end = strlen(text);
  for (int i = 0; ENDS[i]; i++) {
    size_t n = strlen(ENDS[i]);
    for (size_t k = at; k >= n; k--)
      if (strncmp(text + k - n, ENDS[i], n) == 0) {
        if (k > start)
          start = k;
        break;
      }
    const char *e = strstr(text + at, ENDS[i]);
    if (e && (size_t)(e - text) + strlen(ENDS[i]) < end)
      end = (size_t)(e - text) + (i < 2 ? strlen(ENDS[i]) : 0);
  }
  return g_strndup(text + start, end - start);
}

static void find_amounts(b2j_doc *doc, const char *text, int page) {
  for (const figure_rule *r = AMOUNT_RULES; r->key; r++) {
    if (have_key(doc, r->key))
      continue;
    for (int i = 0; r->labels[i] && !have_key(doc, r->key); i++) {
      const char *p = text;
      while ((p = strstr(p, r->labels[i])) != NULL) {
        size_t lab_end = (size_t)(p - text) + strlen(r->labels[i]);
        b2j_amount a;
        if (b2j_amount_find(text, lab_end, &a) && a.start - lab_end <= LABEL_REACH &&
            !memchr(text + lab_end, '\n', a.start - lab_end)) {
          /* Nothing that reads as another figure's label in between:
           * "基本支出…项目支出172,792,072.66元" belongs to 项目支出. */
          char *between = g_strndup(text + lab_end, a.start - lab_end);
          bool clean = !strstr(between, "，") && !strstr(between, "、") && !strstr(between, "。");
          g_free(between);
          if (clean) {
            b2j_figure *f = g_new0(b2j_figure, 1);
            f->key = g_strdup(r->key);
            f->label = g_strdup(r->labels[i]);
            f->value = a.value;
            f->unit = g_strdup(a.unit);
            b2j_dec y;
            if (b2j_to_yuan(a.value, a.unit, &y)) {
              f->yuan.present = true;
              f->yuan.value = y;
            }
            f->page = page;
            f->text = sentence_around(text, (size_t)(p - text));
            g_ptr_array_add(doc->figures, f);
            break;
          }
        }
        p += strlen(r->labels[i]);
      }
    }
  }
}

static const char *const GRADES[] = {"优秀", "良好", "合格", "较差", "一般", "优", "良", "中", "差", NULL};

/* Skips any run of the given separators between a label and its value
 * ("：", "为", "“", spaces). */
static const char *skip_any(const char *q, const char *const *skips) {
  bool moved = true;
  while (moved) {
    moved = false;
    for (int k = 0; skips[k]; k++)
      if (g_str_has_prefix(q, skips[k])) {
        q += strlen(skips[k]);
        moved = true;
      }
  }
  return q;
}

static void find_scores(b2j_doc *doc, const char *text, int page) {
  static const char *const SCORE_LABELS[] = {"自评总分", "自评得分", "评价得分", "总分", "得分", NULL};
  for (int i = 0; SCORE_LABELS[i] && !have_key(doc, "self_eval_score"); i++) {
    const char *p = text;
    while ((p = strstr(p, SCORE_LABELS[i])) != NULL && !have_key(doc, "self_eval_score")) {
      const char *q = p + strlen(SCORE_LABELS[i]);
      /* "绩效自评总分：96分", "得分 88 分", "得分为98.46分" */
      static const char *const skips[] = {"：", ":", "为", " ", NULL};
      q = skip_any(q, skips);
      const char *d = q;
      while (g_ascii_isdigit(*d) || *d == '.')
        d++;
      const char *after = d;
      while (*after == ' ')
        after++;
      b2j_dec v;
      if (d > q && g_str_has_prefix(after, "分") && b2j_dec_parse_n(q, (size_t)(d - q), &v)) {
        b2j_figure *f = g_new0(b2j_figure, 1);
        f->key = g_strdup("self_eval_score");
        f->label = g_strdup(SCORE_LABELS[i]);
        f->value = v;
        f->page = page;
        f->text = sentence_around(text, (size_t)(p - text));
        g_ptr_array_add(doc->figures, f);
      }
      p += strlen(SCORE_LABELS[i]);
    }
  }
  if (have_key(doc, "self_eval_grade"))
    return;
  static const char *const GRADE_LABELS[] = {"自评等级", "评价等级", "等级", NULL};
  for (int i = 0; GRADE_LABELS[i]; i++) {
    const char *p = strstr(text, GRADE_LABELS[i]);
    while (p) {
      const char *q = p + strlen(GRADE_LABELS[i]);
      static const char *const skips[] = {"：", ":", "为", "“", "\"", " ", NULL};
      q = skip_any(q, skips);
      for (int g = 0; GRADES[g]; g++)
        if (g_str_has_prefix(q, GRADES[g])) {
          b2j_figure *f = g_new0(b2j_figure, 1);
          f->key = g_strdup("self_eval_grade");
          f->label = g_strdup(GRADE_LABELS[i]);
          f->text_value = g_strdup(GRADES[g]);
          f->page = page;
          f->text = sentence_around(text, (size_t)(p - text));
          g_ptr_array_add(doc->figures, f);
          return;
        }
      p = strstr(q, GRADE_LABELS[i]);
    }
  }
}

void b2j_interpret_figures(b2j_doc *doc, const GPtrArray *page_grids) {
  for (guint i = 0; i < doc->pages->len; i++) {
    const b2j_page *page = g_ptr_array_index(doc->pages, i);
    if (page->text_layer == B2J_LAYER_GARBLED || page->words->len == 0)
      continue;
    const GPtrArray *grids =
        page_grids && i < page_grids->len ? g_ptr_array_index(page_grids, i) : NULL;
    GPtrArray *lines;
    if (grids)
      lines = b2j_layout_prose_lines(page, grids);
    else
      lines = b2j_layout_lines(page);
    /* Prose wraps at the margin: join the page's lines into one text, with a
     * newline only where a line ends a sentence, so a figure split over two
     * lines is still found. */
    GString *text = g_string_new(NULL);
    for (guint k = 0; k < lines->len; k++) {
      const b2j_line *l = g_ptr_array_index(lines, k);
      g_string_append(text, l->text);
      if (g_str_has_suffix(l->text, "。") || g_str_has_suffix(l->text, "；") ||
          g_utf8_strlen(l->text, -1) < 20)
        g_string_append_c(text, '\n');
    }
    g_ptr_array_unref(lines);
    find_amounts(doc, text->str, page->number);
    find_scores(doc, text->str, page->number);
    g_string_free(text, TRUE);
  }
}

static void add_kind(b2j_doc *doc, const char *kind) {
  for (guint i = 0; i < doc->document.kinds->len; i++)
    if (strcmp(g_ptr_array_index(doc->document.kinds, i), kind) == 0)
      return;
  g_ptr_array_add(doc->document.kinds, g_strdup(kind));
}

void b2j_interpret_kinds(b2j_doc *doc) {
  /* The title says what the report is; its tables confirm it, and name the
   * performance forms a budget or final account carries as attachments. */
  const char *title = doc->document.title ? doc->document.title : "";
  int juesuan = 0, yusuan = 0;
  bool overall = strstr(title, "整体") && strstr(title, "绩效");
  bool project = strstr(title, "项目支出绩效") && (strstr(title, "自评") || strstr(title, "评价"));
  for (guint i = 0; i < doc->tables->len; i++) {
    const b2j_table *t = g_ptr_array_index(doc->tables, i);
    if (strcmp(t->kind, "project_performance") == 0)
      project = true;
    else if (strcmp(t->kind, "overall_performance") == 0)
      overall = true;
    else if (t->title && strcmp(t->kind, "other") != 0 && strcmp(t->kind, "indicator_goals") != 0 &&
             strcmp(t->kind, "score_sheet") != 0) {
      if (strstr(t->title, "决算"))
        juesuan++;
      else if (strstr(t->title, "预算") || strstr(t->title, "收支总表"))
        yusuan++;
    }
  }
  bool final_accounts = strstr(title, "决算") || juesuan >= 2;
  bool budget = !final_accounts && ((strstr(title, "预算") && !strstr(title, "绩效")) || yusuan >= 2);
  if (final_accounts)
    add_kind(doc, "final_accounts");
  if (budget)
    add_kind(doc, "budget");
  if (overall)
    add_kind(doc, "performance_overall");
  if (project)
    add_kind(doc, "performance_project");
}
