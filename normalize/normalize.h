/* normalize/: text repair, text-layer quality, exact numbers, units,
 * indicator expressions and subject codes.
 *
 * Everything here is pure: no mutable global state. The pcre2 patterns are
 * compiled once per process on first use, behind g_once (thread-safe), and
 * never changed afterwards; each call makes its own match data. So every
 * function may be called from any thread at once.
 *
 * Ownership: a returned `char *` is g_malloc'd and the caller g_free()s it.
 * Structs filled through an `out` pointer are plain values with nothing to
 * free, except b2j_expr (ir/ir.h), which the caller clears with
 * b2j_expr_clear(). `const char *` arguments are borrowed. Input text is
 * UTF-8; invalid bytes are treated as U+FFFD.
 */
#ifndef B2J_NORMALIZE_H
#define B2J_NORMALIZE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir/decimal.h"
#include "ir/ir.h"

/* ====================================================================== */
/* Text repair                                                            */
/* ====================================================================== */

/* What b2j_text_repair changed or saw. Counts are in code points. */
typedef struct {
  size_t chars;          /* code points in the input */
  size_t lookalikes;     /* Kangxi / CJK-supplement radicals and compatibility
                            ideographs folded to the unified ideograph */
  size_t fullwidth;      /* full-width ASCII letters, digits, signs folded */
  size_t other_folded;   /* any other NFKC change (㎡, ligatures, NBSP, ...) */
  size_t brackets;       /* U+201E/U+201F (Word's 〔〕) mapped back to 〔〕 */
  size_t spaces_removed; /* spaces dropped between CJK characters (and between
                            CJK and numbers or Latin words) */
  size_t cjk_gaps;       /* of those, spaces with a CJK character on both sides:
                            the mark of a spaced-out text layer */
  size_t invisible;      /* zero-width and soft-hyphen characters dropped */
  size_t controls;       /* control characters dropped */
  size_t pua;            /* Private Use Area code points (kept in the text) */
  size_t replacement;    /* U+FFFD seen, invalid UTF-8 included (kept) */
} b2j_repair_info;

/* Repairs one piece of text (a word, a cell, a line, a page):
 *  - U+201E „ and U+201F ‟ become 〔 and 〕 (Word PDFs' bracket glyphs);
 *  - NFKC, except for characters whose compatibility form would change what
 *    the text says: full-width CJK punctuation （），：；！？＝［］｛｝～ stays
 *    full-width in prose (titles must match as printed; the number and
 *    expression parsers read both widths), circled and parenthesised numbers
 *    (①, ⑴, ㈠) and "…" stay — except a full-width comma that groups digits
 *    ("187，267，966.43" → "187,267,966.43"); the CJK Radicals Supplement
 *    look-alikes NFKC leaves alone (⻓ → 长, ⻔ → 门, …) are folded too;
 *    then NFC;
 *  - zero-width characters, soft hyphens and control characters are dropped;
 *  - a run of white space holding a tab becomes one tab (a column boundary,
 *    never joined); any other run (newlines included: a wrapped cell joins)
 *    becomes one space, then a space is removed when a CJK character is on
 *    one side and a CJK character, digit, Latin letter or % on the other
 *    ("收 入 决 算 表" → "收入决算表", "公开 02 表" → "公开02表"). Spaces between
 *    two Latin or number words stay ("DRG DIP", "37, 188. 34", "4477.07 4674"),
 *    and so does the space after a leading subject code ("2101101 行政单位医疗");
 *  - leading and trailing space is trimmed.
 * PUA code points and U+FFFD are kept (they are facts about the page) and
 * counted. `info` may be NULL. Never returns NULL (s == NULL gives "").
 * Caller frees the result with g_free(). */
char *b2j_text_repair(const char *s, b2j_repair_info *info);

/* A key for comparing labels regardless of width and spacing: full NFKC (so
 * （ → "("), look-alikes folded, all white space removed, ASCII lower-cased.
 * "因公出国（境）费" and "因公出国 (境) 费" get the same key. Caller g_free()s. */
char *b2j_text_match_key(const char *s);

/* ====================================================================== */
/* Text-layer quality                                                     */
/* ====================================================================== */

/* Measurements behind a verdict (all in code points, white space excluded). */
typedef struct {
  size_t chars;       /* non-space code points after repair */
  size_t han;         /* CJK ideographs after repair */
  size_t common_han;  /* of those, in GB2312 level 1 (the 3755 common hanzi) */
  size_t bad;         /* PUA + U+FFFD + control characters */
  b2j_repair_info repair;
} b2j_layer_stats;

/* Thresholds, and why:
 * - BAD_SHARE: fonts without ToUnicode map every glyph to the PUA or to
 *   U+FFFD, so a garbled page is mostly bad code points; real pages have
 *   none. 10% tolerates a few odd bullets or logo glyphs.
 * - MIN_HAN / COMMON_SHARE: real report text is >99.9% GB2312 level-1 (all
 *   seeds), GBK/UTF-8 mojibake about 20%. Below 80% of at least 20 ideographs
 *   the text is not Chinese anyone wrote. Fewer than 20 ideographs (a page of
 *   numbers) is not judged on this.
 * - GAP_SHARE: in a spaced-out layer nearly every CJK character is followed
 *   by a space (one gap per ideograph); in clean text a gap falls only
 *   between words or cells, one per four or five ideographs at most (table
 *   headers of short labels). More than one gap per two ideographs means the
 *   layer was spaced out. */
#define B2J_LAYER_BAD_SHARE 0.10
#define B2J_LAYER_MIN_HAN 20
#define B2J_LAYER_COMMON_SHARE 0.80
#define B2J_LAYER_GAP_SHARE 0.50

/* Judges a page's text layer from its text (words joined by spaces or
 * newlines): NONE (no visible character), GARBLED (needs OCR), REPAIRED (look-
 * alikes folded or spaced-out CJK joined, and the result is plausible Chinese)
 * or CLEAN. `stats` may be NULL. */
b2j_text_layer b2j_text_layer_assess(const char *text, b2j_layer_stats *stats);

/* The same over a page's words (each word's text, n of them, NULLs skipped). */
b2j_text_layer b2j_text_layer_assess_words(const char *const *words, size_t n,
                                           b2j_layer_stats *stats);

/* ====================================================================== */
/* Numbers                                                                */
/* ====================================================================== */

typedef enum {
  B2J_NUM_VALUE = 0,  /* a number: `value` holds it */
  B2J_NUM_EMPTY,      /* nothing but white space */
  B2J_NUM_ZERO_DASH,  /* "-", "—", "－", "–", "--", "——": printed for zero */
  B2J_NUM_SLASH,      /* "/", "／": not applicable */
  B2J_NUM_NONE_WORD,  /* "无" */
  B2J_NUM_SPLIT,      /* digits separated by a space ("0.90732 3", "4477.07 4674"):
                         maybe one wrapped number, maybe two; `value` holds the
                         joined reading for layout/validate to confirm */
  B2J_NUM_TEXT        /* anything else ("2023年", "≥90%", "第1页") */
} b2j_num_kind;

/* One OCR repair inside a numeric token. */
typedef enum {
  B2J_FIX_LOOKALIKE = 0, /* a letter read for a digit: O/o/〇→0, l/I/|→1, S→5, B→8, Z→2 */
  B2J_FIX_DOUBLE_POINT,  /* ".." → "." */
  B2J_FIX_COMMA_DECIMAL, /* "," that can only be the decimal point ("37,188,34") */
  B2J_FIX_POINT_GROUP,   /* "." that can only be a thousands separator ("187.267.966.43") */
  B2J_FIX_EDGE_MARK      /* a '|' at the token's edge (a ruling line in the crop) dropped */
} b2j_fix_kind;

typedef struct {
  b2j_fix_kind kind;
  uint32_t from;  /* the code point that was read */
  char to;        /* what it became ('\0' when it was dropped) */
  int pos;        /* code-point index in the cell text after NFKC and trim */
} b2j_num_fix;

#define B2J_NUM_MAX_FIXES 8

typedef struct {
  b2j_num_kind kind;
  b2j_dec value;         /* for VALUE and SPLIT; scale as printed ("0.00" → scale 2) */
  bool percent;          /* "97.82%" (value 97.82) */
  bool paren_negative;   /* "(1.5)" → -1.5 */
  bool had_separators;   /* thousands separators were present */
  bool had_spaces;       /* OCR spaces next to separators were dropped ("37, 188. 34") */
  bool fullwidth;        /* full-width digits or signs were folded */
  int n_fixes;           /* OCR fixes (b2j_number_parse_ocr only) */
  b2j_num_fix fixes[B2J_NUM_MAX_FIXES];
} b2j_number;

/* Reads a whole cell as one number. True only for kind VALUE; otherwise `out`
 * says what the cell is (EMPTY, ZERO_DASH, SLASH, NONE_WORD, SPLIT, TEXT).
 * Accepts "187,267,966.43", "１２３", full-width comma and point, "。" or "·"
 * as the point between digits, spaces beside separators, "-1.5", "(1.5)",
 * "100%", "0.00". `out` is a plain value: nothing to free. */
bool b2j_number_parse(const char *cell_text, b2j_number *out);

/* As b2j_number_parse, and also repairs OCR confusions — only when the cell
 * is a numeric token (at least as many real digits as look-alike letters, no
 * other letters or CJK): look-alike letters, '|' marks at the token's edges
 * (a ruling line read as a character), doubled points, and "," / "." swaps
 * that the digit grouping makes certain. Every repair is listed in
 * out->fixes; a cell needing more than B2J_NUM_MAX_FIXES repairs is TEXT. */
bool b2j_number_parse_ocr(const char *cell_text, b2j_number *out);

/* ====================================================================== */
/* Units                                                                  */
/* ====================================================================== */

/* Recognises a money unit: "元", "万元" or "亿元" (also with 人民币 before it).
 * Returns the canonical unit string (static, do not free) or NULL. */
const char *b2j_unit_canonical(const char *unit);

/* Finds a table's unit in a caption or header text: "单位：万元", "单位: 元",
 * "金额单位：万元", "（单位：万元）", "项目资金（万元）", "(万元)". Returns the
 * canonical unit (static) or NULL when the text names none. */
const char *b2j_unit_from_caption(const char *text);

/* An amount written in prose with its unit after it ("362.62万元",
 * "187,267,966.43元", "48.38 亿元"). Byte offsets are into the text passed. */
typedef struct {
  b2j_dec value;
  const char *unit; /* canonical, static */
  size_t start, end;
} b2j_amount;

/* Finds the first amount at or after byte `from` in `text` (repaired text:
 * invalid UTF-8 finds nothing). Numbers glued to a preceding digit, point or
 * letter are not amounts. `from` must be 0 or a previous out->end. */
bool b2j_amount_find(const char *text, size_t from, b2j_amount *out);

/* Converts v in `unit` ("元", "万元", "亿元", or anything b2j_unit_canonical
 * accepts) to 元 exactly: 12.54 万元 → 125400 (scale shrinks first, nothing is
 * rounded). False for an unknown unit or on overflow. */
bool b2j_to_yuan(b2j_dec v, const char *unit, b2j_dec *yuan);

/* ====================================================================== */
/* Indicator expressions                                                  */
/* ====================================================================== */

/* Reads an operator written alone or at the start of s: ≥ ≧ ⩾ >= \geq 》,
 * ≤ ≦ ⩽ <= \leq, ＝ = ==, > ＞, < ＜, and the words 不低于 不少于 大于等于
 * 不小于 (>=), 不超过 不高于 小于等于 不大于 (<=), 大于 高于 超过 (>), 小于 低于 (<).
 * Returns ">=", "<=", "=", ">", "<" (static) or NULL; *len gets the bytes
 * consumed (may be NULL). */
const char *b2j_op_parse(const char *s, size_t *len);

/* Parses a target or actual value (年度指标值, 实际完成值) into `out`, which it
 * overwrites without freeing (call b2j_expr_clear first on a used one).
 * out->raw is the repaired text (NULL when the cell is empty); op, value and
 * unit are set when the text is an optional operator, one number and an
 * optional short unit, with 以上/及以上 (>=) and 以内/以下/及以下 (<=) after it:
 * "≥90%" → >= 90 "%", "≤4 个单位" → <= 4 "个单位", "=1个", "≥ 2689.5 万元",
 * "》80%", "\geq 8 人", "15 年", "100%", "90%以上". Dates and deadlines
 * ("12 月前完成", "2023年12月31日前"), words ("定性", "优", "逐步扩大"),
 * ranges and anything else are qualitative: op, value and unit stay null.
 * Returns true when a value was read. Caller frees with b2j_expr_clear(). */
bool b2j_expr_parse(const char *raw, b2j_expr *out);

/* The same from a goal table's separate cells (指标性质 "≥",
 * 指标值 "90", 度量单位 "%"). op_text "定性" or a value that is not one number
 * makes it qualitative. raw becomes the parts joined ("≥90%"). Any argument
 * may be NULL. Caller frees with b2j_expr_clear(). */
bool b2j_expr_parse_parts(const char *op_text, const char *value_text,
                          const char *unit_text, b2j_expr *out);

/* ====================================================================== */
/* Subject codes (政府收支分类科目)                                        */
/* ====================================================================== */

typedef enum {
  B2J_SUBJ_NONE = 0,
  B2J_SUBJ_FUNCTIONAL, /* 功能分类 支出: 2xx */
  B2J_SUBJ_ECONOMIC,   /* 经济分类: 3xx (部门), 5xx (政府) */
  B2J_SUBJ_INCOME      /* 收入分类: 1xx (not a budget_lines classification) */
} b2j_subject_class;

typedef enum {
  B2J_LEVEL_NONE = 0,
  B2J_LEVEL_LEI,   /* 类: 3 digits */
  B2J_LEVEL_KUAN,  /* 款: 5 digits */
  B2J_LEVEL_XIANG  /* 项: 7 digits (functional and income only) */
} b2j_subject_level;

#define B2J_CODE_MAX 16

/* Optional hook for the national code→name lexicon (data file: later work).
 * Returns the standard name of `code`, or NULL when the code is unknown. The
 * returned string is borrowed from the lexicon. */
typedef const char *(*b2j_subject_lookup_fn)(const char *code, void *user);

/* Reads a subject code: "2080505", "208 05 05" (类/款/项 printed apart),
 * "30101", "210". Rejects anything else ("2023", "362.62", "14945": the 类
 * must be a real one). `out` gets the digits, NUL-terminated. */
bool b2j_subject_code_parse(const char *s, char out[B2J_CODE_MAX]);

/* As b2j_subject_code_parse, and repairs OCR look-alikes in the token when
 * the token is mostly digits ("21O11O1" → "2101101"); *n_fixed (may be NULL)
 * gets how many characters were repaired. When `lookup` is given, a repaired
 * code is accepted only if the lexicon knows it (an unrepaired one always). */
bool b2j_subject_code_parse_ocr(const char *s, char out[B2J_CODE_MAX], int *n_fixed,
                                b2j_subject_lookup_fn lookup, void *user);

/* A code at the start of a cell or line that also holds the name
 * ("2101101 行政单位医疗", "2101101行政单位医疗", "208 05 05 机关事业单位…"):
 * `out` gets the code and *name_off (may be NULL) the byte offset where the
 * name begins (spaces skipped). False when s does not start with a code
 * followed by a non-digit, or holds nothing after it. */
bool b2j_subject_code_prefix(const char *s, char out[B2J_CODE_MAX], size_t *name_off);

/* Class and level of a parsed code ("2101101" → FUNCTIONAL, XIANG; "30101" →
 * ECONOMIC, KUAN). B2J_SUBJ_NONE for a string that is not a code. `level` may
 * be NULL. */
b2j_subject_class b2j_subject_classify(const char *code, b2j_subject_level *level);

/* "functional", "economic" (SCHEMA.md budget_lines.classification) or NULL
 * (income and none are not classifications there). Static strings. */
const char *b2j_subject_class_name(b2j_subject_class c);

/* "类", "款", "项" or NULL. Static strings. */
const char *b2j_subject_level_name(b2j_subject_level l);

/* The subject lexicon (data/subjects.tsv, compiled in): the national
 * classification's codes and names, with the other names published reports
 * print for them (older or newer standard names). Read-only; thread-safe.
 * Returned strings are static: do not free. */

/* The standard name of `code`, or NULL when the lexicon does not know it. */
const char *b2j_subject_standard_name(const char *code);

/* The same with the b2j_subject_lookup_fn signature (`user` unused), for
 * b2j_subject_code_parse_ocr. */
const char *b2j_subject_lexicon_lookup(const char *code, void *user);

/* Whether the lexicon knows `code`. */
bool b2j_subject_known(const char *code);

/* True when `name` is the standard name of `code` or a known other name,
 * compared without spaces, width or bracket style. False for an unknown code. */
bool b2j_subject_name_matches(const char *code, const char *name);

/* The parent code (its 3- or 5-digit prefix). False for a 类 or a non-code. */
bool b2j_subject_code_parent(const char *code, char out[B2J_CODE_MAX]);

/* An indicator level cell (一级指标/二级指标) as its name: whitespace and a
 * bracketed note (50分) dropped; a cell that is a level name followed by a
 * misread note (经济效益指标人10分)) or one stray glyph, a name with marks
 * read into it (经:济效益指标), one glyph off a name (two for names of six or
 * more; substitutions and added marks only), or a name of six or more read
 * glyph for glyph with its 指标 garbled and its stem one glyph in three off
 * (经齐效益折杯), the nearest name by a margin, gives that name and sets
 * *corrected (may be NULL). NULL for an empty cell; anything else as it is.
 * g_free the result. */
char *b2j_indicator_level(const char *cell, bool *corrected);

/* Whether `name` is one of the framework's level names (NULL: false). */
bool b2j_indicator_level_known(const char *name);

/* The 一级指标 a 二级指标 name stands under (经济效益指标 → 效益指标), or
 * NULL: for an unknown name, and for 成本指标 (a 二级 under 产出指标 in the
 * older framework, a 一级 of its own in the newer). */
const char *b2j_indicator_level_parent(const char *level2);

/* Whether `reading` (three glyphs or more) is at most two edits from the
 * level name `name`, and under half of it (竣音度指标 of 满意度指标): a
 * reading that may be that name when something else says which name it is. */
bool b2j_indicator_level_like(const char *reading, const char *name);

/* The 二级指标 the framework prints under `level1` between `before` and
 * `after` when exactly one lies between them and `cut` is its end (the last
 * line of its wrapped cell: 指标, 效益指标): 社会效益指标 | 指标 | 可持续影响指标
 * is 生态效益指标. NULL otherwise. */
const char *b2j_indicator_level_between(const char *level1, const char *before, const char *after,
                                        const char *cut);

/* An OCR'd indicator name ending on the stem of a rate (及时, 到位, 知晓,
 * 合格, …) and one more glyph that ends no word on that stem is the rate,
 * its 率 misread (任务完成及时素, 政策落实到位夷, 验收合格束): the
 * corrected name (g_free it), or NULL when there is nothing to correct.
 * For whole names only: a line cut from a wrapped name may end anywhere. */
char *b2j_indicator_name_rate(const char *name);

/* The same for a count: an OCR'd indicator name ending on 数 or 次 and a
 * glyph that ends no word on it, or marks, is 数量 or 次数 (服务乡镇（街道）数弗,
 * 数):, 开展培训次至): the corrected name (g_free it), or NULL. */
char *b2j_indicator_name_count(const char *name);

#endif
