/* The document's own vocabulary: subject names (the national classification),
 * standard table titles, header words and indicator levels. OCR of Chinese
 * mostly fails one character at a time (支出 read as 文出), so a reading one
 * substitution (or one extra character) from exactly one entry of four or
 * more characters is that entry. */
#include <string.h>

#include "ocr_internal.h"

#include "lexicon_data.h"

#define MIN_ENTRY_CHARS 4

typedef struct {
  gunichar *chars;
  glong len;
  const char *utf8; /* static */
} entry;

struct b2j_lexicon {
  entry *entries;
  guint n;
  entry *phrases; /* PHRASES, for b2j_lexicon_fix_phrases */
  guint n_phrases;
  entry *near;    /* NEAR_WORDS */
  guint n_near;
  entry *known;   /* KNOWN_WORDS */
  guint n_known;
};

/* Phrases the indicator tables of these reports print over and over, in
 * names, targets and actuals (DOMAIN.md, the seeds): a window of a reading
 * one glyph off one of them is that phrase (覆盖率 read 必盖率, 帮盖率, 履盖率).
 * Only phrases whose one-off neighbours are no words: the last glyph of a
 * three-glyph phrase is a suffix with real neighbours (满意率 of 满意度), so
 * only its stem is corrected. */
static const char *const PHRASES[] = {
    "覆盖率",   "覆盖面",   "覆盖范围", "知晓率",   "满意度",   "参与率",     "完成率",
    "合格率",   "准确率",   "及时率",   "执行率",   "到位率",   "结算率",     "办结率",
    "使用率",   "参保率",   "受益率",   "群众获得感", "按时完成", "按期完成", "成本控制",
    "有效提升", "有效提高", "持续提升", "持续提高", "有所提升", "有所提高", "定点医疗机构",
    "定点医药机构", "服务对象", "核酸检测",
    /* The endings of project names, each printed in every project's form,
     * its goals and the prose: one misread glyph there loses all of the
     * project's indicators. */
    "专项经费", "专项资金", "补助资金", "保障经费", "工作经费", "运行经费", "配套资金", "救助资金"};
/* Real words one glyph from a phrase (its stem): never corrected. Phrases
 * with a real word one glyph away that is no rarer are left out (医疗保障 of
 * 医疗保险, 党支部 of 团支部, 拨付到位 of 支付到位). */
static const char *const NEAR_WORDS[] = {
    "达成率", "完好率", "完工率", "完税率", "构成率", "及格率", "正确率", "精确率", "准时率",
    "按时率", "知情率", "利用率", "占用率", "费用率", "收益率", "运行率", "参加率", "满足度",
    "如期完成", "准时完成", "结余率", "专项基金", "专项资产", "专项经营", "补贴资金", "补助基金",
    "工作经验", "运行经验", "保障经验", "配套基金", "配套资产", "救助基金", "核查检测", NULL};

/* Words of these reports one glyph from a lexicon entry or a phrase, none
 * of them misreadings: the older evaluation framework's 一级/二级指标
 * (项目产出 of 项目支出) and rates (结转结余率). A reading that is one, or a
 * window inside one, is never corrected; they are no correction targets
 * either (项目文出 stays 项目支出's). */
static const char *const KNOWN_WORDS[] = {
    "项目决策", "项目过程", "项目产出", "项目效益", "产出数量", "产出质量",
    "产出时效", "产出成本", "结转结余率", NULL};

/* The n words as entries (g_free each chars, then the array). */
static entry *entries_of(const char *const *words, guint n, guint *count) {
  entry *e = g_new0(entry, n + 1);
  for (guint i = 0; i < n; i++) {
    glong len = 0;
    gunichar *u = g_utf8_to_ucs4_fast(words[i], -1, &len);
    e[i] = (entry){u, len, words[i]};
  }
  *count = n;
  return e;
}

/* Whether the n glyphs at w are one of the entries. */
static bool is_entry(const entry *e, guint count, const gunichar *w, glong n) {
  for (guint i = 0; i < count; i++)
    if (e[i].len == n && memcmp(e[i].chars, w, (size_t)n * sizeof *w) == 0)
      return true;
  return false;
}

b2j_lexicon *b2j_lexicon_new(void) {
  b2j_lexicon *lex = g_new0(b2j_lexicon, 1);
  guint n = G_N_ELEMENTS(B2J_LEXICON);
  lex->entries = g_new0(entry, n);
  for (guint i = 0; i < n; i++) {
    glong len = 0;
    gunichar *u = g_utf8_to_ucs4_fast(B2J_LEXICON[i], -1, &len);
    if (len < MIN_ENTRY_CHARS) {
      g_free(u);
      continue;
    }
    lex->entries[lex->n++] = (entry){u, len, B2J_LEXICON[i]};
  }
  lex->phrases = entries_of(PHRASES, G_N_ELEMENTS(PHRASES), &lex->n_phrases);
  lex->near = entries_of(NEAR_WORDS, G_N_ELEMENTS(NEAR_WORDS) - 1, &lex->n_near);
  lex->known = entries_of(KNOWN_WORDS, G_N_ELEMENTS(KNOWN_WORDS) - 1, &lex->n_known);
  return lex;
}

static void entries_free(entry *e, guint n) {
  for (guint i = 0; i < n; i++)
    g_free(e[i].chars);
  g_free(e);
}

void b2j_lexicon_free(b2j_lexicon *lex) {
  if (!lex)
    return;
  entries_free(lex->entries, lex->n);
  entries_free(lex->phrases, lex->n_phrases);
  entries_free(lex->near, lex->n_near);
  entries_free(lex->known, lex->n_known);
  g_free(lex);
}

/* 0 when `a` (the reading) equals `b` (the entry), 1 when one substitution
 * or one extra character apart, 2 for anything further. */
static int edit_at_most_one(const gunichar *a, glong na, const gunichar *b, glong nb) {
  if (na == nb) {
    int diff = 0;
    for (glong i = 0; i < na && diff < 2; i++)
      diff += a[i] != b[i];
    return diff;
  }
  /* Only an extra character in the reading (a stray mark read as a
   * glyph): a missing one is as likely the cell's text wrapping onto the
   * next line. */
  if (na != nb + 1)
    return 2;
  glong i = 0;
  while (i < nb && a[i] == b[i])
    i++;
  /* The extra character must be a mark, not a glyph: 本年收入合 is 本年收入合计
   * cut by a wrap, not 本年收入 with noise. */
  if (g_unichar_get_script(a[i]) == G_UNICODE_SCRIPT_HAN)
    return 2;
  for (glong j = i; j < nb; j++)
    if (b[j] != a[j + 1])
      return 2;
  return 1;
}

/* Length in bytes of a leading enumeration or lead-in that is not part of
 * the name: 一、 （二） (3) 1. 其中： */
static size_t lead_in(const char *text) {
  static const char *const leads[] = {"其中：", "其中:", NULL};
  for (int i = 0; leads[i]; i++)
    if (g_str_has_prefix(text, leads[i]))
      return strlen(leads[i]);
  /* A year before a title: 2019年度项目支出绩效自评表. */
  if (g_ascii_isdigit(text[0]) && g_ascii_isdigit(text[1]) && g_ascii_isdigit(text[2]) &&
      g_ascii_isdigit(text[3]) && g_str_has_prefix(text + 4, "年")) {
    size_t n = 4 + strlen("年");
    if (g_str_has_prefix(text + n, "度"))
      n += strlen("度");
    return n;
  }
  const char *p = text;
  bool open = false;
  if (g_str_has_prefix(p, "（") || *p == '(') {
    open = true;
    p = g_utf8_next_char(p);
  }
  const char *digits = p;
  while (*p && (g_ascii_isdigit(*p) ||
                g_utf8_strchr("一二三四五六七八九十", -1, g_utf8_get_char(p))))
    p = g_utf8_next_char(p);
  if (p == digits)
    return 0;
  if (open && (g_str_has_prefix(p, "）") || *p == ')'))
    return (size_t)(g_utf8_next_char(p) - text);
  if (!open && (g_str_has_prefix(p, "、") || *p == '.'))
    return (size_t)(g_utf8_next_char(p) - text);
  return 0;
}

/* Whether `u` (n characters) is the start (1) or the end (2) of entry
 * `e` (en characters, en > n) with one character substituted, or neither
 * (0). Not when the character at the end where the line would be cut
 * off is the entry's own end: that line is the entry shortened (运行费 of
 * 运行维护费, 支出表 of 支出决算表, both words of their own), not its start
 * misread (服务对象满意庋 of 服务对象满意度指标). */
static int part_one_off(const gunichar *u, glong n, const gunichar *e, glong en) {
  for (int side = 1; side <= 2; side++) {
    const gunichar *p = side == 1 ? e : e + (en - n);
    glong at = -1, diffs = 0;
    for (glong i = 0; i < n && diffs < 2; i++)
      if (u[i] != p[i]) {
        diffs++;
        at = i;
      }
    if (diffs != 1)
      continue;
    glong cut = side == 1 ? n - 1 : 0;
    if (at == cut && u[at] == (side == 1 ? e[en - 1] : e[0]))
      continue;
    return side;
  }
  return 0;
}

static char *lookup_name(const b2j_lexicon *lex, const char *text);

char *b2j_lexicon_lookup(const b2j_lexicon *lex, const char *text) {
  if (!lex || !text)
    return NULL;
  size_t lead = lead_in(text);
  if (lead == 0)
    return lookup_name(lex, text);
  char *fixed = lookup_name(lex, text + lead);
  if (!fixed)
    return NULL;
  char *out = g_strdup_printf("%.*s%s", (int)lead, text, fixed);
  g_free(fixed);
  return out;
}

static char *lookup_name(const b2j_lexicon *lex, const char *text) {
  glong len = 0;
  gunichar *u = g_utf8_to_ucs4_fast(text, -1, &len);
  /* Mostly Chinese only: a number or a code is never a lexicon word. */
  int han = 0;
  for (glong i = 0; i < len; i++)
    han += g_unichar_get_script(u[i]) == G_UNICODE_SCRIPT_HAN;
  const entry *hit = NULL;
  int hit_part = 0; /* 0 the whole entry, 1 its start, 2 its end */
  const entry *part = NULL;
  int part_of = 0, part_hits = 0;
  glong read_len = len;
  bool ambiguous = false;
  if (len >= MIN_ENTRY_CHARS && han * 4 >= len * 3 && !is_entry(lex->known, lex->n_known, u, len)) {
    for (guint i = 0; i < lex->n; i++) {
      const entry *e = &lex->entries[i];
      int d = edit_at_most_one(u, len, e->chars, e->len);
      /* A start or an end of an entry is one cut by a wrap (年度指标 of
       * 年度指标值): a word already. */
      if (d != 0 && len < e->len &&
          (memcmp(u, e->chars, (size_t)len * sizeof *u) == 0 ||
           memcmp(u, e->chars + (e->len - len), (size_t)len * sizeof *u) == 0))
        d = 0;
      /* One line of a wrapped cell one character off: the entry's start
       * or end (服务对象满意庋 of 服务对象满意度指标). */
      int as_part = 0;
      if (d > 1 && len >= 5 && len < e->len)
        as_part = part_one_off(u, len, e->chars, e->len);
      if (as_part) {
        /* Only when no whole entry is one off, and only one part is. */
        part_hits++;
        part = e;
        part_of = as_part;
        continue;
      }
      if (d == 0) { /* already a word */
        hit = NULL;
        ambiguous = true;
        break;
      }
      if (d == 1) {
        if (hit)
          ambiguous = true;
        hit = e;
        hit_part = 0;
      }
    }
  }
  g_free(u);
  if (!hit && !ambiguous && part_hits == 1) {
    hit = part;
    hit_part = part_of;
  }
  if (!hit || ambiguous)
    return NULL;
  if (hit_part == 0)
    return g_strdup(hit->utf8);
  glong from = hit_part == 1 ? 0 : hit->len - read_len;
  return g_ucs4_to_utf8(hit->chars + from, read_len, NULL, NULL, NULL);
}

static bool is_han(gunichar c) {
  return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
}

/* The phrase `w` (n glyphs of a reading) is one glyph off, or -1: only when
 * exactly one phrase is, the glyph read is Chinese (a mark or digit there is
 * other text), and for three-glyph phrases not the suffix. */
static int phrase_one_off(const b2j_lexicon *lex, const gunichar *w, glong room) {
  int hit = -1;
  for (guint i = 0; i < lex->n_phrases; i++) {
    const entry *p = &lex->phrases[i];
    if (p->len > room)
      continue;
    glong at = -1, diffs = 0;
    for (glong k = 0; k < p->len && diffs < 2; k++)
      if (w[k] != p->chars[k]) {
        diffs++;
        at = k;
      }
    if (diffs == 0)
      return -1; /* the phrase itself is here */
    if (diffs != 1 || !is_han(w[at]) || (p->len == 3 && at == 2) || is_entry(lex->near, lex->n_near, w, p->len))
      continue;
    if (hit >= 0)
      return -1; /* two phrases this near: no telling */
    hit = (int)i;
  }
  return hit;
}

/* Whether `w` (wn glyphs) is in `u` as it is over some of the glyphs
 * [at, at + len). */
static bool covers(const gunichar *u, glong n, glong at, glong len, const gunichar *w, glong wn) {
  for (glong s = MAX(0, at - wn + 1); s < at + len && s + wn <= n; s++)
    if (memcmp(u + s, w, (size_t)wn * sizeof *u) == 0)
      return true;
  return false;
}

/* Whether the glyphs [at, at + len) of `u` overlap a word of the vocabulary
 * (a lexicon entry, KNOWN_WORDS) the text holds as it is: a window of a word
 * is that word's, not a phrase misread (结余率 of 结转结余率 is no 结算率). */
static bool in_entry(const b2j_lexicon *lex, const gunichar *u, glong n, glong at, glong len) {
  for (guint k = 0; k < lex->n; k++)
    if (covers(u, n, at, len, lex->entries[k].chars, lex->entries[k].len))
      return true;
  for (guint k = 0; k < lex->n_known; k++)
    if (covers(u, n, at, len, lex->known[k].chars, lex->known[k].len))
      return true;
  return false;
}

char *b2j_lexicon_fix_phrases(const b2j_lexicon *lex, const char *text) {
  if (!lex || !text)
    return NULL;
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast(text, -1, &n);
  bool changed = false;
  /* A speck between two Chinese glyphs, or after the last one of a line,
   * read as a full stop (医疗.保障, 医疗.|保障 wrapped): the ASCII point
   * never stands there (the Chinese one is 。). */
  glong w = 0;
  for (glong i = 0; i < n; i++) {
    if (u[i] == '.' && w > 0 && is_han(u[w - 1]) && (i + 1 == n || is_han(u[i + 1]))) {
      changed = true;
      continue;
    }
    u[w++] = u[i];
  }
  n = w;
  for (glong i = 0; i < n; i++) {
    /* 不少于/不低于/不高于/不多于 before a number, with 于 read 干 (its hook
     * lost on the rule below): 干 never comes between those and a number. */
    if (i + 3 < n && u[i] == 0x4e0d /* 不 */ && g_utf8_strchr("少低高多", -1, u[i + 1]) &&
        u[i + 2] == 0x5e72 /* 干 */) {
      glong j = i + 3;
      while (j < n && g_unichar_isspace(u[j]))
        j++;
      if (j < n && g_unichar_isdigit(u[j])) {
        u[i + 2] = 0x4e8e; /* 于 */
        changed = true;
      }
    }
    /* A count's unit read 欠 (a speck lost from 次): 欠 is no unit. */
    if (i > 0 && u[i] == 0x6b20 /* 欠 */ && g_unichar_isdigit(u[i - 1])) {
      u[i] = 0x6b21; /* 次 */
      changed = true;
    }
    int p = phrase_one_off(lex, u + i, n - i);
    if (p < 0 || in_entry(lex, u, n, i, lex->phrases[p].len))
      continue;
    const entry *e = &lex->phrases[p];
    memcpy(u + i, e->chars, (size_t)e->len * sizeof *u);
    changed = true;
    i += e->len - 1;
  }
  char *out = changed ? g_ucs4_to_utf8(u, n, NULL, NULL, NULL) : NULL;
  g_free(u);
  return out;
}

/* Glyphs chi_sim reads for another of like shape on scanned reports (a
 * stroke lost or merged by binarisation): read → meant. Tesseract's own
 * alternatives (lstm_choice_mode) almost never hold the meant glyph (拨 is
 * not among 梭's, nor 减 among 碱's), so the pairs are written down. */
static const struct {
  const char *read, *meant;
} LOOKALIKES[] = {{"常", "党"}, {"梭", "拨"}, {"挨", "拨"}, {"履", "覆"}, {"必", "覆"},
                  {"羔", "盖"}, {"担", "提"}, {"查", "提"}, {"捍", "提"}, {"榨", "控"},
                  {"钊", "制"}, {"碱", "减"}, {"枫", "极"}, {"诗", "展"}, {"江", "光"},
                  {"功", "切"}, {"商", "责"}, {"相", "担"}, {"遇", "员"}, {"论", "设"},
                  {"棱", "扶"}, {"查", "担"}, {"铸", "拨"}, {"桂", "持"}, {"桂", "挂"},
                  {"命", "金"}, {"爹", "金"}, {"任", "赁"}, {"寡", "案"}, {"塞", "案"},
                  {"骤", "服"}, {"盟", "服"}, {"隐", "服"}, {"货", "赁"},
                  {"排", "批"}, {"莫", "著"}, {"黄", "著"}, {"需", "额"}, {"客", "额"},
                  {"照", "服"}, {"路", "覆"}, {"蓝", "覆"}, {"狂", "覆"}, {"诵", "通"},
                  {"误", "识"}, {"绕", "缆"}, {"夏", "著"}, {"肪", "及"}, {"文", "支"},
                  {"秋", "款"}};
/* Words these reports use over and over (DOMAIN.md, the seeds) that a
 * look-alike misread turns into no word (党员 read 常员, 拨付 read 梭付). A
 * reading is corrected to one only through LOOKALIKES. Not 提高: 承担高额
 * would read as 提高. */
static const char *const LOOKALIKE_WORDS[] = {
    "党员", "党组织", "党支部", "拨付", "拨款", "覆盖", "提升", "控制", "制定", "减轻",
    "减少", "积极性", "进展", "光缆", "切实", "责任", "负担", "建设", "帮扶", "持续", "挂职",
    "金额", "租赁", "案件", "方案", "服务", "第一批", "第二批", "第三批", "第四批",
    "显著", "足额", "畅通", "意识", "及时", "支出"};
/* Real words that hold a read glyph of LOOKALIKES with the glyph beside a
 * window: the window is then part of this word, not a misread (日常|员工
 * is no 党员, 务必|盖章 no 覆盖, 成功|实施 no 切实, 承担|升级 no 提升,
 * 创建|论坛 no 建设). */
static const char *const GUARD_WORDS[] = {
    "日常", "正常", "异常", "经常", "非常", "通常", "平常", "常规", "常态", "常用", "常务",
    "常委", "常住", "常见", "常年", "务必", "未必", "必须", "必要", "承担", "负担", "分担",
    "担任", "担保", "担当", "成功", "立功", "用功", "功能", "功效", "协商", "磋商", "招商",
    "厂商", "经商", "会商", "商务", "相关", "相应", "相同", "相互", "相比", "相当", "互相",
    "长江", "浙江", "珠江", "江苏", "检查", "审查", "调查", "核查", "排查", "督查", "查询",
    "羊羔", "履行", "履约", "履职", "遇到", "遇见", "论坛", "论证", "论文", "论述", "论著", "棱角",
    "浇铸", "熔铸", "丹桂", "月桂", "肉桂", "生命", "使命", "革命", "任务", "任何", "任职", "任期",
    "任用", "多寡", "孤寡", "步骤", "联盟", "同盟", "结盟", "加盟", "货物", "货车", "货运",
    "货币", "货款", "排名", "排放", "排水", "排序", "排除", "排列", "排污", "排班",
    "莫名", "莫过", "黄色", "黄金", "黄河", "需要", "需求", "必需", "客户", "客观", "客运",
    "客车", "客流", "按照", "参照", "依照", "遵照", "对照", "关照", "比照", "护照", "执照",
    "拍照", "光照", "道路", "公路", "线路", "铁路", "马路", "网路", "思路", "出路", "水路",
    "电路", "疯狂", "诵读", "误差", "误区", "误解", "误导", "误会", "绕行", "绕道", "夏季",
    "夏天", "夏令", "脂肪", "论文", "公文", "发文", "全文", "原文", "正文", "中文", "英文",
    "本文", "条文", "行文", "上文", "下文", "此文", "出版", "秋季", "秋天", "秋收"};

static gunichar first_char(const char *s) {
  return g_utf8_get_char(s);
}

static bool guard_pair(gunichar a, gunichar b) {
  for (guint i = 0; i < G_N_ELEMENTS(GUARD_WORDS); i++) {
    const char *w = GUARD_WORDS[i];
    if (first_char(w) == a && first_char(g_utf8_next_char(w)) == b)
      return true;
  }
  return false;
}

/* The glyph `read` may stand for `meant` (LOOKALIKES). */
static bool lookalike(gunichar read, gunichar meant) {
  for (guint i = 0; i < G_N_ELEMENTS(LOOKALIKES); i++)
    if (first_char(LOOKALIKES[i].read) == read && first_char(LOOKALIKES[i].meant) == meant)
      return true;
  return false;
}

/* Whether the n glyphs at w are a word of LOOKALIKE_WORDS. */
static bool lookalike_word(const gunichar *w, glong n) {
  for (guint i = 0; i < G_N_ELEMENTS(LOOKALIKE_WORDS); i++) {
    glong m = 0;
    gunichar *v = g_utf8_to_ucs4_fast(LOOKALIKE_WORDS[i], -1, &m);
    bool same = m == n && memcmp(v, w, (size_t)n * sizeof *w) == 0;
    g_free(v);
    if (same)
      return true;
  }
  return false;
}

char *b2j_lexicon_fix_lookalikes(const b2j_lexicon *lex, const char *text) {
  if (!lex || !text)
    return NULL;
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast(text, -1, &n);
  bool changed = false;
  /* chi_sim reads the （ of 服务乡镇（街道）数量 as 《, and of 维修（护）费 as
   * 〈: a 《 or 〈 that a ) or ） closes, no 》 or 〉 between, is that （ (a 〈
   * only where no bracket opens just before it). */
  for (glong i = 0; i < n; i++) {
    if (u[i] != 0x300A /* 《 */ &&
        (u[i] != 0x3008 /* 〈 */ || (i > 0 && (u[i - 1] == 0xFF08 || u[i - 1] == '(' ||
                                              u[i - 1] == 0x300A))))
      continue;
    glong j = i + 1;
    while (j < n && u[j] != 0x300B /* 》 */ && u[j] != 0x3009 /* 〉 */ && u[j] != ')' &&
           u[j] != 0xFF09 /* ） */)
      j++;
    if (j < n && u[j] != 0x300B && u[j] != 0x3009) {
      u[i] = 0xFF08; /* （ */
      changed = true;
    }
  }
  for (glong i = 0; i < n; i++) {
    for (guint k = 0; k < G_N_ELEMENTS(LOOKALIKE_WORDS); k++) {
      glong m = 0;
      gunichar *v = g_utf8_to_ucs4_fast(LOOKALIKE_WORDS[k], -1, &m);
      bool fits = i + m <= n && !lookalike_word(u + i, m);
      int subs = 0;
      for (glong j = 0; fits && j < m; j++) {
        if (u[i + j] == v[j])
          continue;
        /* Only a look-alike glyph, and only when it is not part of a
         * real word with its neighbour outside the window. */
        if (!lookalike(u[i + j], v[j]) || (j == 0 && i > 0 && guard_pair(u[i - 1], u[i])) ||
            (j == m - 1 && i + m < n && guard_pair(u[i + j], u[i + m])))
          fits = false;
        subs++;
      }
      if (fits && subs > 0) {
        memcpy(u + i, v, (size_t)m * sizeof *u);
        changed = true;
        i += m - 1;
        g_free(v);
        break;
      }
      g_free(v);
    }
  }
  char *out = changed ? g_ucs4_to_utf8(u, n, NULL, NULL, NULL) : NULL;
  g_free(u);
  return out;
}

char *b2j_ocr_lookalikes_correct(const b2j_ocr_ctx *ctx, const char *text) {
  return ctx ? b2j_lexicon_fix_lookalikes(ctx->lex, text) : NULL;
}

char *b2j_ocr_lexicon_correct(const b2j_ocr_ctx *ctx, const char *text) {
  return ctx ? b2j_lexicon_lookup(ctx->lex, text) : NULL;
}

char *b2j_ocr_phrases_correct(const b2j_ocr_ctx *ctx, const char *text) {
  return ctx ? b2j_lexicon_fix_phrases(ctx->lex, text) : NULL;
}
