/* Headline figures found in prose, from sentences of the seed reports: the
 * label, the exact amount with its unit and its 元, the page, and scores and
 * grades. */
#include <string.h>

#include "interpret/interpret.h"
#include "tests/lib/tap.h"

/* A page whose lines are the given sentences, one word per line. */
static b2j_doc *doc_with_lines(const char *const *lines) {
  b2j_doc *d = b2j_doc_new("t.pdf");
  b2j_page *p = b2j_page_new(3, 595, 842);
  p->text_layer = B2J_LAYER_CLEAN;
  for (int i = 0; lines[i]; i++) {
    b2j_box b = {50, 50 + 20.0 * i, 545, 62 + 20.0 * i};
    b2j_page_add_word(p, g_strdup(lines[i]), b, -1, B2J_ORIGIN_TEXT);
  }
  g_ptr_array_add(d->pages, p);
  return d;
}

static const b2j_figure *fig(const b2j_doc *d, const char *key) {
  for (guint i = 0; i < d->figures->len; i++) {
    const b2j_figure *f = g_ptr_array_index(d->figures, i);
    if (strcmp(f->key, key) == 0)
      return f;
  }
  return NULL;
}

static const char *val(const b2j_figure *f) {
  static char buf[B2J_DEC_STRLEN];
  return f ? b2j_dec_format(f->value, buf) : "(none)";
}

static const char *yuan(const b2j_figure *f) {
  static char buf[B2J_DEC_STRLEN];
  return f && f->yuan.present ? b2j_dec_format(f->yuan.value, buf) : "(none)";
}

int main(void) {
  /* Seed 000 (元, thousands separators). */
  const char *const s000[] = {
      "2023年度本年收入合计187,267,966.43元，比上年增加12,868,424.22元，增长7.4%，其中：财政拨款收入187,267,966.43元，占收入合计的100%；",
      "2023年度本年支出合计187,267,966.43元，比上年增加11,671,567.97元，增长6.6%，其中：基本支出14,475,893.77元，占支出合计的7.7%；项目支出172,792,072.66元，占支出合计的92.3%;",
      "2023年度“三公”经费财政拨款决算数6,013.79元，比年初预算45,566.00元，减少39,552.21元。",
      "2023年度本部门政府采购支出总额224,358.19元，其中：政府采购货物支出12,600.00元。",
      "绩效自评总分：96分",
      "绩效自评等级：优秀",
      NULL};
  b2j_doc *d = doc_with_lines(s000);
  b2j_interpret_figures(d, NULL);
  const b2j_figure *f = fig(d, "total_income");
  TAP_STREQ(val(f), "187267966.43", "本年收入合计 with separators reads exactly");
  TAP_OK(f && f->unit && strcmp(f->unit, "元") == 0 && f->page == 3, "its unit is 元, its page the page");
  TAP_STREQ(yuan(f), "187267966.43", "an amount in 元 is its own 元");
  TAP_STREQ(val(fig(d, "total_expenditure")), "187267966.43", "本年支出合计");
  TAP_STREQ(val(fig(d, "basic_expenditure")), "14475893.77", "基本支出 after 其中：");
  TAP_STREQ(val(fig(d, "project_expenditure")), "172792072.66",
            "项目支出 is the amount right after its own label, not the 基本支出 before it");
  TAP_STREQ(val(fig(d, "three_public")), "6013.79",
            "“三公”经费 with words (财政拨款决算数) between label and amount");
  TAP_STREQ(val(fig(d, "gov_procurement")), "224358.19", "政府采购支出总额");
  TAP_STREQ(val(fig(d, "self_eval_score")), "96", "绩效自评总分：96分");
  f = fig(d, "self_eval_grade");
  TAP_OK(f && f->text_value && strcmp(f->text_value, "优秀") == 0, "绩效自评等级：优秀");
  f = fig(d, "total_income");
  TAP_OK(f && f->text && strstr(f->text, "本年收入合计187,267,966.43元"),
         "the figure keeps the sentence it came from");
  b2j_doc_free(d);

  /* Seed 001 and 003 (万元; a score and grade in one sentence). */
  const char *const s003[] = {
      "本部门 2022 年度年初结转和结余 57.25 万元，本年收入 2515.17 万元，本年支出 2534.09 万元，年末结转和结余 38.33 万元。",
      "根据《部门整体支出绩效评价指标体系》评分，得分 88 分，绩效评价等级为“良好”。",
      NULL};
  d = doc_with_lines(s003);
  b2j_interpret_figures(d, NULL);
  f = fig(d, "total_income");
  TAP_STREQ(val(f), "2515.17", "本年收入 2515.17 万元 (spaces around the number)");
  TAP_STREQ(yuan(f), "25151700", "2515.17 万元 is 25151700 元 exactly");
  TAP_STREQ(val(fig(d, "total_expenditure")), "2534.09", "本年支出");
  TAP_STREQ(val(fig(d, "self_eval_score")), "88", "得分 88 分");
  f = fig(d, "self_eval_grade");
  TAP_OK(f && f->text_value && strcmp(f->text_value, "良好") == 0, "绩效评价等级为“良好”");
  TAP_OK(fig(d, "basic_expenditure") == NULL, "no figure where the text names none");
  b2j_doc_free(d);
  return tap_done();
}
