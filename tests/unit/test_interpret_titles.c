/* Which table a title names: the standard titles and their provincial
 * variants, tables the schema has no kind for, and OCR'd titles with one
 * misread character (strings from the seeds, the real reports and the
 * corpus scans). */
#include "interpret/interpret_internal.h"
#include "tests/lib/tap.h"

int main(void) {
  TAP_STREQ(b2j_kind_from_title("收入决算表"), "income", "收入决算表 is income (公开02表)");
  TAP_STREQ(b2j_kind_from_title("支出决算表"), "expenditure", "支出决算表 is expenditure");
  TAP_STREQ(b2j_kind_from_title("收入支出决算总表"), "income_expenditure_summary",
            "收入支出决算总表 is the summary, not income");
  TAP_STREQ(b2j_kind_from_title("收支预算总表"), "income_expenditure_summary",
            "a budget's 收支预算总表 (Jiangsu) is the summary");
  TAP_STREQ(b2j_kind_from_title("财政拨款收入支出决算总表"), "appropriation_summary",
            "财政拨款收入支出决算总表 is the appropriation summary");
  TAP_STREQ(b2j_kind_from_title("一般公共预算财政拨款基本支出决算明细表"), "basic_expenditure_detail",
            "公开06表's title is the basic-expenditure detail");
  TAP_STREQ(b2j_kind_from_title("财政拨款“三公”经费支出决算表"), "three_public", "三公 table");
  TAP_STREQ(b2j_kind_from_title("“三公”经费、会议费、培训费支出预算"), "three_public",
            "a budget's 三公 table with 会议费/培训费 (Jiangsu 2017)");
  TAP_STREQ(b2j_kind_from_title("一般公共预算机关运行经费支出预算表"), "other",
            "机关运行经费 tables have no kind of their own");
  TAP_STREQ(b2j_kind_from_title("项目支出绩效评价指标体系及评分表"), "score_sheet",
            "a scoring scheme is a score sheet, not an expenditure table");
  TAP_STREQ(b2j_kind_from_title("2023年度项目支出绩效自评表"), "project_performance",
            "项目支出绩效自评表 with its year");
  TAP_OK(b2j_kind_from_title("目录") == NULL && b2j_kind_from_title(NULL) == NULL,
         "no kind for a contents heading or no title");

  TAP_STREQ(b2j_kind_from_ocr_title("部门(单位)整体广出绩效自评表", NULL), "overall_performance",
            "OCR's 广出 for 支出 in a whole-department form's title (seed 004 scan)");
  TAP_STREQ(b2j_kind_from_ocr_title("2023年度收人决算表", NULL), "income",
            "人 read for 入 after a year");
  TAP_STREQ(b2j_kind_from_ocr_title("一般公共预算财政拨款文出决算表", NULL), "general_budget_expenditure",
            "文出 for 支出 (DOMAIN.md's example)");
  TAP_STREQ(b2j_kind_from_ocr_title("财政拨款收入支出决算总", NULL), "appropriation_summary",
            "a title with its last character lost");
  TAP_OK(b2j_kind_from_ocr_title("本部门共设3个内设机构", NULL) == NULL,
         "prose is not a title");
  TAP_OK(b2j_kind_from_ocr_title("收入说明表", NULL) == NULL,
         "two characters off is too far");
  bool verbatim = false;
  TAP_OK(b2j_kind_from_ocr_title("财政拨欺收入支出决算总表", &verbatim) && !verbatim,
         "a misread title is not verbatim");
  TAP_STREQ(b2j_kind_from_ocr_title("三公-经费支出决算表", &verbatim), "expenditure",
            "支出决算表 occurs whole in syn-009's misread 三公 title ...");
  TAP_OK(verbatim, "... verbatim, so the title rules' 三公 keeps its place");
  TAP_STREQ(b2j_kind_from_ocr_title("收入预算总表", &verbatim), "income",
            "收入预算总表 read right is income, not the 收支预算总表 one glyph away (syn-009 scan)");
  TAP_STREQ(b2j_kind_from_ocr_title("收支预算总表", &verbatim), "income_expenditure_summary",
            "and 收支预算总表 is the summary");
  return tap_done();
}
