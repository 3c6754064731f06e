#include <string.h>

#include "interpret.h"
#include "interpret_internal.h"
#include "layout/layout.h"

/* Report titles name the year and the kind of report on the cover or the
 * first page; table pages repeat "部门：…" lines. Only the first pages are
 * read for the title: later pages quote other years (上年, 2022年结转…). */
#define TITLE_PAGES 3

static const char *const TITLE_WORDS[] = {"决算", "预算", "自评", "报告", NULL};

static bool has_any(const char *s, const char *const *words) {
  for (int i = 0; words[i]; i++)
    if (strstr(s, words[i]))
      return true;
  return false;
}

/* White space removed (a shared helper of interpret/). */
static char *strip_spaces(const char *s) { return b2j_squash(s); }

/* The year a title or line names: "2023年度", "2024 年", "（2023年度）". */
static int year_in(const char *s) {
  for (const char *p = s; *p; p++) {
    if ((p[0] == '1' || p[0] == '2') && g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2]) &&
        g_ascii_isdigit(p[3]) && (p == s || !g_ascii_isdigit(p[-1]))) {
      const char *q = p + 4;
      while (*q == ' ')
        q++;
      if (strncmp(q, "年", strlen("年")) == 0) {
        int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        if (y >= 1990 && y <= 2100)
          return y;
      }
    }
  }
  return 0;
}

/* "部门：岳阳市屈原管理区医疗保障局" and its variants name the department. */
static char *department_in(const char *line) {
  static const char *const LABELS[] = {"部门名称", "单位名称", "部门（单位）名称",
                                       "部门(单位)名称", "编制部门", "编制单位", "部门", NULL};
  char *flat = strip_spaces(line);
  char *found = NULL;
  for (int i = 0; LABELS[i] && !found; i++) {
    size_t n = strlen(LABELS[i]);
    if (strncmp(flat, LABELS[i], n) != 0)
      continue;
    const char *p = flat + n;
    if (strncmp(p, "：", strlen("：")) == 0)
      p += strlen("：");
    else if (*p == ':')
      p++;
    else
      continue;
    /* The department ends where the unit or another label begins. */
    const char *end = p + strlen(p);
    static const char *const STOPS[] = {"单位：", "单位:", "金额单位", "公开", NULL};
    for (int k = 0; STOPS[k]; k++) {
      const char *s = strstr(p, STOPS[k]);
      if (s && s < end)
        end = s;
    }
    if (end > p && g_utf8_strlen(p, end - p) >= 2) {
      found = g_strndup(p, end - p);
      /* "部门：万元" is a unit line read across, not a department. */
      if (strstr(found, "万元") || strcmp(found, "元") == 0 || strstr(found, "单位")) {
        g_free(found);
        found = NULL;
      }
    }
  }
  g_free(flat);
  return found;
}

/* The department as the title names it: "北京市门头沟区医疗保障局2023年度…". */
static bool is_department_name(const char *d);

static char *department_from_title(const char *title) {
  const char *p = title;
  for (; *p; p++)
    if (g_ascii_isdigit(*p))
      break;
  if (*p && p > title) {
    char *d = g_strndup(title, p - title);
    g_strstrip(d);
    if (is_department_name(d))
      return d;
    g_free(d);
  }
  /* "北京市丰台区医疗保障局整体绩效评价报告": the name ends where the kind of
   * report begins. */
  static const char *const REPORT_WORDS[] = {"部门整体", "整体支出", "整体绩效", "项目支出", "部门决算",
                                             "部门预算", "关于", NULL};
  const char *from = title;
  const char *nian = strstr(title, "年度");
  if (nian && year_in(title) && nian - title <= 8)
    from = nian + strlen("年度");
  for (int i = 0; REPORT_WORDS[i]; i++) {
    const char *e = strstr(from, REPORT_WORDS[i]);
    if (e && e > from) {
      char *d = g_strndup(from, e - from);
      if (is_department_name(d))
        return d;
      g_free(d);
    }
  }
  /* "2017年度江苏省高级人民法院部门预算公开": the name sits after the year. */
  const char *y = strstr(title, "年度");
  size_t skip = strlen("年度");
  if (!y) {
    y = strstr(title, "年");
    skip = strlen("年");
  }
  if (!y)
    return NULL;
  const char *start = y + skip;
  static const char *const ENDERS[] = {"部门预算", "部门决算", "预算", "决算", NULL};
  for (int i = 0; ENDERS[i]; i++) {
    const char *e = strstr(start, ENDERS[i]);
    if (e && e > start) {
      char *d = g_strndup(start, e - start);
      if (is_department_name(d))
        return d;
      g_free(d);
      return NULL;
    }
  }
  return NULL;
}

static bool is_department_name(const char *d) {
  static const char *const ENDS[] = {"局", "院", "厅", "委", "会", "办", "中心", "处", "所",
                                     "部", "府", "馆", "站", "室", "队", "社", NULL};
  bool ok = false;
  for (int i = 0; ENDS[i]; i++)
    if (g_str_has_suffix(d, ENDS[i]))
      ok = true;
  return ok && g_utf8_strlen(d, -1) >= 3;
}

static bool similar_height(const b2j_line *l, double h) {
  double lh = l->box.y1 - l->box.y0;
  /* Glyph boxes of digits and CJK differ by font, so a title line holding
   * "2023" can look a third taller than the next part of the same title. */
  return lh > h * 0.7 && lh < h * 1.43 && g_utf8_strlen(l->text, -1) <= 40;
}

/* A line that cannot be a report's title even though it names 决算 or 预算:
 * a document number, a contents entry, a section heading, a sentence. */
static bool title_excluded(const char *flat) {
  static const char *const NO[] = {"字〔", "字[", "第一部分", "第二部分", "第三部分", "目录",
                                   "附件", "详见", "。", "；", NULL};
  if (has_any(flat, NO))
    return true;
  if (g_str_has_suffix(flat, "：") || g_str_has_suffix(flat, ":") || g_str_has_suffix(flat, "函"))
    return true;
  /* "一、", "（一）", "1." start a section, not a title. */
  const char *second = g_utf8_next_char(flat);
  if (g_str_has_prefix(second, "、") || g_str_has_prefix(flat, "（") ||
      (g_ascii_isdigit(flat[0]) && (flat[1] == '.' || flat[1] == ' ')))
    return true;
  return g_utf8_strlen(flat, -1) > 40;
}

static bool joinable_title_part(const b2j_line *l, double h, const b2j_line *near) {
  if (!similar_height(l, h))
    return false;
  char *flat = strip_spaces(l->text);
  bool ok = !title_excluded(flat) && g_utf8_strlen(flat, -1) <= 40;
  g_free(flat);
  /* Parts of one title sit close together: less than a line and a half. */
  double gap = l->box.y0 > near->box.y1 ? l->box.y0 - near->box.y1 : near->box.y0 - l->box.y1;
  return ok && gap < 1.5 * h;
}

void b2j_interpret_document(b2j_doc *doc, const char *info_title) {
  char *title = NULL, *dept = NULL;
  double title_h = 0;
  int title_year = 0;
  GHashTable *years = g_hash_table_new(g_direct_hash, g_direct_equal);

  for (guint i = 0; i < doc->pages->len; i++) {
    const b2j_page *page = g_ptr_array_index(doc->pages, i);
    if (page->text_layer == B2J_LAYER_GARBLED)
      continue;
    GPtrArray *lines = b2j_layout_lines(page);
    for (guint k = 0; k < lines->len; k++) {
      const b2j_line *l = g_ptr_array_index(lines, k);
      char *flat = strip_spaces(l->text);
      if (!dept)
        dept = department_in(flat);
      if (i < TITLE_PAGES && has_any(flat, TITLE_WORDS) && !title_excluded(flat)) {
        int y = year_in(flat);
        if (y) {
          gpointer c = g_hash_table_lookup(years, GINT_TO_POINTER(y));
          g_hash_table_insert(years, GINT_TO_POINTER(y), GINT_TO_POINTER(GPOINTER_TO_INT(c) + 1));
        }
        /* The title is the tallest such line of the first pages, joined
         * with the lines of the same size right above and below it (a cover
         * sets "上海市普陀区财政局" over "2024年度部门决算"). */
        double h = l->box.y1 - l->box.y0;
        if (h > title_h * 1.05) {
          GString *t = g_string_new(NULL);
          guint first = k;
          while (first > 0 && k - first < 2 &&
                 joinable_title_part(g_ptr_array_index(lines, first - 1), h,
                                     g_ptr_array_index(lines, first)))
            first--;
          guint last = k;
          while (last + 1 < lines->len && last - k < 2 &&
                 joinable_title_part(g_ptr_array_index(lines, last + 1), h,
                                     g_ptr_array_index(lines, last)))
            last++;
          for (guint m = first; m <= last; m++) {
            char *part = strip_spaces(((const b2j_line *)g_ptr_array_index(lines, m))->text);
            g_string_append(t, part);
            g_free(part);
          }
          g_free(title);
          title = g_string_free(t, FALSE);
          title_h = h;
          title_year = year_in(title);
        }
      }
      g_free(flat);
    }
    g_ptr_array_unref(lines);
  }

  /* No year in the title: a cover prints it on its own ("（2023年度）"). */
  if (!title_year && g_hash_table_size(years) == 0)
    for (guint i = 0; i < doc->pages->len && i < TITLE_PAGES; i++) {
      const b2j_page *page = g_ptr_array_index(doc->pages, i);
      GPtrArray *lines = b2j_layout_lines(page);
      for (guint k = 0; k < lines->len; k++) {
        char *flat = strip_spaces(((const b2j_line *)g_ptr_array_index(lines, k))->text);
        int y = year_in(flat);
        if (y && strstr(flat, "年度") && g_utf8_strlen(flat, -1) <= 12) {
          gpointer c = g_hash_table_lookup(years, GINT_TO_POINTER(y));
          g_hash_table_insert(years, GINT_TO_POINTER(y), GINT_TO_POINTER(GPOINTER_TO_INT(c) + 1));
        }
        g_free(flat);
      }
      g_ptr_array_unref(lines);
    }
  if (!title && info_title && has_any(info_title, TITLE_WORDS))
    title = strip_spaces(info_title);
  int year = title_year;
  if (!year) {
    GHashTableIter it;
    gpointer key, val;
    int best = 0;
    g_hash_table_iter_init(&it, years);
    while (g_hash_table_iter_next(&it, &key, &val))
      if (GPOINTER_TO_INT(val) > best) {
        best = GPOINTER_TO_INT(val);
        year = GPOINTER_TO_INT(key);
      }
  }
  /* A title names the whole department; a table's "部门：" line may name a
   * shortened form or one unit of it. */
  char *from_title = title ? department_from_title(title) : NULL;
  if (from_title && (!dept || strstr(from_title, dept))) {
    /* The 部门 line is missing or cut short ("江苏省人大" for the title's
     * "江苏省人大常委会办公厅"): the title's name is the full one. */
    g_free(dept);
    dept = from_title;
  } else {
    g_free(from_title);
  }

  doc->document.title = title;
  doc->document.department = dept;
  doc->document.fiscal_year = year;
  g_hash_table_destroy(years);
}
