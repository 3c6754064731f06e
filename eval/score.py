#!/usr/bin/python3
"""score.py: scores budget2json outputs against the corpus truth (docs/CORPUS.md "Scoring").

  score.py --manifest corpus/MANIFEST.tsv --out-dir DIR [--json FILE] [--grades g1,g2,...]
           [--real ../shared/real] [--verbose]

Reads DIR/<grade>/<id>.json (written by eval/run-eval.sh) and DIR/<grade>/timing.tsv
(id, seconds[, exit status]), compares with the truth named in the manifest and prints one
row per grade. Grade `real` reads DIR/real/<name>.json and DIR/real/<name>.txt (pdftotext of
the PDF); grade `real-scan` reads DIR/real-scan/<name>.json against DIR/real/<name>.json.
Every amount is compared as decimal.Decimal, never float. Python 3 stdlib only.
"""
import argparse
import collections
import decimal
import difflib
import json
import os
import re
import sys
import unicodedata

D = decimal.Decimal
CORPUS_GRADES = ["digital", "garbled", "scan-clean", "scan-noisy"]
LINE_KINDS = {"income_expenditure_summary", "income", "expenditure", "appropriation_summary",
              "general_budget_expenditure", "basic_expenditure_detail", "government_fund",
              "state_capital", "three_public"}


# ---------------------------------------------------------------- small helpers

def warn(msg):
    sys.stderr.write("score: %s\n" % msg)


def load_json(path):
    """The object in PATH (numbers as Decimal), or None with the reason."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        return None, "missing"
    except (OSError, UnicodeDecodeError) as e:
        return None, "unreadable: %s" % e
    try:
        obj = json.loads(text, parse_float=D)
    except ValueError:
        # JSON Lines with one object is accepted; more than one is an error for one PDF.
        lines = [ln for ln in text.splitlines() if ln.strip()]
        try:
            objs = [json.loads(ln, parse_float=D) for ln in lines]
        except ValueError as e:
            return None, "not JSON: %s" % e
        if len(objs) != 1:
            return None, "not one JSON object (%d)" % len(objs)
        obj = objs[0]
    if not isinstance(obj, dict):
        return None, "not a JSON object"
    return obj, None


def num(x):
    """A JSON number as Decimal; None for null and for anything that is not a number."""
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, D):
        return x if x.is_finite() else None
    if isinstance(x, int):
        return D(x)
    if isinstance(x, float):  # never produced by our parser; kept exact if it is
        return D(repr(x))
    return None


_QUOTES = dict.fromkeys(map(ord, "“”‘’\"'「」『』、·・"), None)
_OPS = str.maketrans({"≧": "≥", "⩾": "≥", "≦": "≤", "⩽": "≤"})


def norm(s):
    """Text key: NFKC, no whitespace. None stays None."""
    if s is None:
        return None
    if not isinstance(s, str):
        s = str(s)
    s = unicodedata.normalize("NFKC", s)
    return "".join(s.split())


def norm_title(s):
    s = norm(s) or ""
    return s.translate(_QUOTES)


def norm_raw(s):
    """Indicator target/actual raw text: NFKC, no whitespace, ≧⩾→≥ and ≦⩽→≤."""
    s = norm(s)
    return None if s is None else s.translate(_OPS)


def lst(obj, key):
    v = obj.get(key) if isinstance(obj, dict) else None
    return v if isinstance(v, list) else []


def dicts(xs):
    return [x for x in xs if isinstance(x, dict)]


def pct(a, b):
    return None if not b else 100.0 * a / b


def f1(tp, n_out, n_truth):
    if n_out + n_truth == 0:
        return None
    return 2.0 * tp / (n_out + n_truth)


def multiset_tp(truth_keys, out_keys):
    t = collections.Counter(truth_keys)
    o = collections.Counter(out_keys)
    return sum(min(c, o[k]) for k, c in t.items())


# ---------------------------------------------------------------- table matching

def table_pages(t):
    return {p for p in lst(t, "pages") if isinstance(p, int) and not isinstance(p, bool)}


def title_sim(a, b):
    a, b = norm_title(a), norm_title(b)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def same_form_or_kind(t, o):
    return ((t.get("form") is not None and norm(t.get("form")) == norm(o.get("form")))
            or (t.get("kind") is not None and t.get("kind") == o.get("kind")))


def match_tables(truth_tables, out_tables, by_pages=True):
    """One-to-one truth→output table matching; returns {truth index: output index}.

    A pair is a candidate when the page sets overlap; when by_pages is False, or for a truth
    table left without an overlapping partner, an output table with the same normalised title
    or the same non-null form is a candidate too. Candidates are taken greedily, best first by
    (pages overlap, same form or kind, title similarity, number of shared pages)."""
    cands = []
    for i, t in enumerate(truth_tables):
        tp = table_pages(t)
        for j, o in enumerate(out_tables):
            shared = len(tp & table_pages(o)) if by_pages else 0
            same_title = norm_title(t.get("title")) and norm_title(t.get("title")) == norm_title(o.get("title"))
            same_form = t.get("form") is not None and norm(t.get("form")) == norm(o.get("form"))
            if shared == 0 and not (same_title or same_form):
                continue
            cands.append(((shared > 0, same_form_or_kind(t, o), title_sim(t.get("title"), o.get("title")),
                           shared, -abs(i - j)), i, j))
    cands.sort(key=lambda c: c[0], reverse=True)
    got, used = {}, set()
    for _, i, j in cands:
        if i in got or j in used:
            continue
        got[i] = j
        used.add(j)
    return got


def rows_of(t):
    out = []
    for r in lst(t, "rows"):
        cells = lst(r, "cells") if isinstance(r, dict) else []
        out.append([c if isinstance(c, dict) else {} for c in cells])
    return out


def row_key(cells):
    """The row's first non-empty cell, and the next one too when the first is a bare code."""
    texts = [norm(c.get("text")) for c in cells]
    texts = [t for t in texts if t]
    if not texts:
        return ""
    if re.fullmatch(r"[0-9]+", texts[0]) and len(texts) > 1:
        return texts[0] + "|" + texts[1]
    return texts[0]


def align(truth_keys, out_keys):
    """Sequence alignment of two key lists; {truth index: output index}. Equal keys align;
    a replaced run of the same length on both sides aligns position by position."""
    sm = difflib.SequenceMatcher(None, truth_keys, out_keys, autojunk=False)
    m = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                m[i1 + k] = j1 + k
    return m


def align_columns(tcols, ocols):
    """{truth column: output column}. The k-th truth column with a normalised label goes to
    the k-th output column with that label; a label left over goes to the one output column
    whose label ends with '/label' (or whose leaf the truth label ends with); and when both
    tables have the same number of columns, anything still left goes by position."""
    tn = [norm_title(c) for c in tcols]
    on = [norm_title(c) for c in ocols]
    m, used = {}, set()
    seen = collections.Counter()
    for i, lab in enumerate(tn):
        k = seen[lab]
        seen[lab] += 1
        idx = [j for j, o in enumerate(on) if o == lab]
        if k < len(idx):
            m[i] = idx[k]
            used.add(idx[k])
    for i, lab in enumerate(tn):
        if i in m or not lab:
            continue
        leaf = lab.split("/")[-1]
        idx = [j for j, o in enumerate(on) if j not in used and
               (o.endswith("/" + lab) or lab.endswith("/" + o) or o.split("/")[-1] == leaf)]
        if len(idx) == 1:
            m[i] = idx[0]
            used.add(idx[0])
    if len(tcols) == len(ocols):
        for i in range(len(tcols)):
            if i not in m and i not in used:
                m[i] = i
                used.add(i)
    return m


def compare_cells(truth_t, out_t):
    """Yields (truth cell, output cell or None, truth row, output column or None) for every
    truth cell with a value."""
    trows, orows = rows_of(truth_t), rows_of(out_t) if out_t is not None else []
    rmap = align([row_key(r) for r in trows], [row_key(r) for r in orows]) if out_t is not None else {}
    cmap = align_columns([c for c in lst(truth_t, "columns")],
                         [c for c in lst(out_t, "columns")]) if out_t is not None else {}
    for ri, row in enumerate(trows):
        for ci, cell in enumerate(row):
            if num(cell.get("value")) is None:
                continue
            oc, oj = None, None
            if ri in rmap and ci in cmap:
                orow = orows[rmap[ri]]
                if cmap[ci] < len(orow):
                    oc, oj = orow[cmap[ci]], cmap[ci]
            yield cell, oc, ri, oj


# ---------------------------------------------------------------- flags (checks, warnings)

class Flags:
    """What the output flags: tables named by a failing evaluated check, (table, page) pairs
    and whole tables named by warnings."""

    def __init__(self, out):
        self.tables = set()
        self.table_pages = set()
        for c in dicts(lst(out, "checks")):
            if c.get("ok") is False and c.get("evaluated") is not False:
                for t in lst(c, "tables"):
                    self.tables.add(t)
        for w in dicts(lst(out, "warnings")):
            t = w.get("table")
            if t is None:
                continue
            if w.get("page") is None:
                self.tables.add(t)
            else:
                self.table_pages.add((t, w.get("page")))

    def points_at(self, table_id, page):
        return table_id in self.tables or (table_id, page) in self.table_pages


# ---------------------------------------------------------------- one document

def line_key_parts(line, kinds):
    code = line.get("code")
    ident = ("code", norm(code)) if code not in (None, "") else ("name", norm(line.get("name")) or "")
    return (kinds.get(line.get("table")), ident, norm_title(line.get("column")))


def empty_stats():
    return collections.Counter()


def score_doc(truth, out, verbose_name=None):
    s = empty_stats()
    ttables = dicts(lst(truth, "tables"))
    otables = dicts(lst(out, "tables")) if out else []
    flags = Flags(out) if out else Flags({})
    s["tables_expected"] += len(ttables)
    tm = match_tables(ttables, otables)
    wrong_cells = set()
    for i, t in enumerate(ttables):
        o = otables[tm[i]] if i in tm else None
        if o is not None and same_form_or_kind(t, o):
            s["tables_found"] += 1
        for tc, oc, ri, oj in compare_cells(t, o):
            s["cells"] += 1
            tv = num(tc.get("value"))
            ov = num(oc.get("value")) if oc else None
            if ov is not None and ov == tv:
                s["cells_right"] += 1
            elif ov is None:
                s["cells_missed"] += 1
            else:
                s["cells_wrong"] += 1
                page = oc.get("page", tc.get("page"))
                oid = o.get("id")
                if flags.points_at(oid, page):
                    s["cells_wrong_flagged"] += 1
                else:
                    s["silent_cells"] += 1
                    # remember where, so the same wrong amount is not counted again as a line
                    cols = lst(o, "columns")
                    col = cols[oj] if oj is not None and oj < len(cols) else None
                    wrong_cells.add((oid, norm_title(col)))

    # budget_lines
    tkinds = {t.get("id"): t.get("kind") for t in ttables}
    okinds = {t.get("id"): t.get("kind") for t in otables}
    tl = dicts(lst(truth, "budget_lines"))
    ol = dicts(lst(out, "budget_lines")) if out else []
    tkeys = [line_key_parts(x, tkinds) + (num(x.get("value")),) for x in tl]
    okeys = [line_key_parts(x, okinds) + (num(x.get("value")),) for x in ol]
    tp = multiset_tp(tkeys, okeys)
    s["lines_tp"] += tp
    s["lines_truth"] += len(tkeys)
    s["lines_out"] += len(okeys)
    # wrong-valued lines: an output line whose (kind, code/name, column) is a truth line's,
    # left over after exact matching, with another value
    left_t = collections.Counter(tkeys) - collections.Counter(okeys)
    left_parts = collections.Counter(k[:3] for k in left_t.elements())
    exact_left = collections.Counter(tkeys)
    for x, k in zip(ol, okeys):
        if exact_left[k] > 0:
            exact_left[k] -= 1
            continue
        if left_parts[k[:3]] > 0 and k[3] is not None:
            left_parts[k[:3]] -= 1
            s["lines_wrong"] += 1
            if flags.points_at(x.get("table"), x.get("page")):
                s["lines_wrong_flagged"] += 1
            elif (x.get("table"), norm_title(x.get("column"))) in wrong_cells:
                s["lines_wrong_same_cell"] += 1
            else:
                s["silent_lines"] += 1

    # projects
    tp_keys = [(norm(p.get("name")), num(p.get("total_score"))) for p in dicts(lst(truth, "projects"))]
    op_keys = [(norm(p.get("name")), num(p.get("total_score"))) for p in dicts(lst(out, "projects"))] if out else []
    s["projects_tp"] += multiset_tp(tp_keys, op_keys)
    s["projects_truth"] += len(tp_keys)
    s["projects_out"] += len(op_keys)

    # indicators
    def ikey(x):
        tg = x.get("target") if isinstance(x.get("target"), dict) else {}
        ac = x.get("actual") if isinstance(x.get("actual"), dict) else {}
        return (norm(x.get("project")), norm(x.get("level1")), norm(x.get("level2")), norm(x.get("name")),
                norm_raw(tg.get("raw")), norm_raw(ac.get("raw")), num(x.get("weight")), num(x.get("score")))
    ti = [ikey(x) for x in dicts(lst(truth, "indicators"))]
    oi = [ikey(x) for x in dicts(lst(out, "indicators"))] if out else []
    s["indicators_tp"] += multiset_tp(ti, oi)
    s["indicators_truth"] += len(ti)
    s["indicators_out"] += len(oi)
    s["silent"] = s["silent_cells"] + s["silent_lines"]
    return s


# ---------------------------------------------------------------- manifest and timings

def read_tsv(path):
    rows = []
    try:
        with open(path, encoding="utf-8") as f:
            for ln in f:
                ln = ln.rstrip("\n\r")
                if not ln.strip() or ln.startswith("#"):
                    continue
                rows.append(ln.split("\t"))
    except OSError:
        return []
    return rows


def read_manifest(path):
    """[(id, grade, pdf, truth, pages)], header line skipped."""
    out = []
    for r in read_tsv(path):
        if r[0] == "id":
            continue
        r = r + [""] * (5 - len(r))
        try:
            pages = int(r[4])
        except ValueError:
            pages = None
        out.append((r[0], r[1], r[2], r[3], pages))
    return out


def resolve(path, manifest):
    """A manifest path: absolute, or relative to the current folder, the manifest's folder or
    its parent; None when none exists."""
    if not path:
        return None
    if os.path.isabs(path):
        return path if os.path.exists(path) else None
    mdir = os.path.dirname(os.path.abspath(manifest))
    for base in (os.getcwd(), mdir, os.path.dirname(mdir)):
        p = os.path.join(base, path)
        if os.path.exists(p):
            return p
    return None


def crashed(rc):
    """The driver's exit status says the program crashed or timed out (124: timeout(1),
    125+: could not run, or killed by a signal); 0 and small codes are the program's own."""
    return rc is not None and rc >= 124


def read_timing(path):
    """{id: (seconds as float, exit status or None)}; later rows win."""
    t = {}
    for r in read_tsv(path):
        if len(r) < 2 or r[0] == "id":
            continue
        try:
            sec = float(r[1])
        except ValueError:
            continue
        rc = None
        if len(r) > 2:
            try:
                rc = int(r[2])
            except ValueError:
                rc = None
        t[r[0]] = (sec, rc)
    return t


# ---------------------------------------------------------------- corpus grades

def loose_truth_problems(truth):
    """Truth is a subset of budget2json/1: a loose shape check."""
    probs = []
    for key in ("tables", "budget_lines", "projects", "indicators"):
        if key in truth and not isinstance(truth[key], list):
            probs.append("%s is not a list" % key)
    for t in dicts(lst(truth, "tables")):
        if not isinstance(t.get("id"), str):
            probs.append("a table has no id")
        for r in lst(t, "rows"):
            if not isinstance(r, dict) or not isinstance(r.get("cells"), list):
                probs.append("table %s: a row without cells" % t.get("id"))
                break
            for c in r["cells"]:
                v = c.get("value") if isinstance(c, dict) else "?"
                if v is not None and num(v) is None:
                    probs.append("table %s: a cell value that is not a number: %r" % (t.get("id"), v))
    for x in dicts(lst(truth, "budget_lines")):
        if num(x.get("value")) is None:
            probs.append("a budget line without a numeric value")
            break
    return probs


def score_corpus_grade(grade, rows, out_dir, manifest, verbose):
    total = empty_stats()
    docs = []
    timing = read_timing(os.path.join(out_dir, grade, "timing.tsv"))
    pages_timed, seconds = 0, 0.0
    for (did, g, pdf, tpath, pages) in rows:
        truth_file = resolve(tpath, manifest) or resolve(os.path.join("truth", did + ".json"), manifest)
        truth, why = load_json(truth_file) if truth_file else (None, "missing")
        if truth is None:
            warn("%s/%s: truth %s (%s); document skipped" % (grade, did, tpath or did, why))
            total["truth_missing"] += 1
            continue
        for p in loose_truth_problems(truth):
            warn("%s: truth: %s" % (did, p))
        out, owhy = load_json(os.path.join(out_dir, grade, did + ".json"))
        s = score_doc(truth, out)
        s["documents"] += 1
        s["pages"] += pages or 0
        rc = timing.get(did, (None, None))[1]
        if out is None or crashed(rc) or out.get("status") == "failed":
            s["documents_failed"] += 1
        if out is None:
            s["outputs_missing"] += 1
        if did in timing and pages:
            pages_timed += pages
            seconds += timing[did][0]
        total.update(s)
        docs.append({"id": did, "output": owhy or "ok", **stats_json(s)})
        if verbose:
            print("  %-8s %-24s cells %s/%s  lines F1 %s  ind F1 %s  silent %d%s" % (
                grade, did, s["cells_right"], s["cells"], fmt_f(f1(s["lines_tp"], s["lines_out"], s["lines_truth"])),
                fmt_f(f1(s["indicators_tp"], s["indicators_out"], s["indicators_truth"])), s["silent"],
                "" if owhy is None else "  (output %s)" % owhy))
    res = stats_json(total)
    res["pages_per_second"] = (pages_timed / seconds) if seconds > 0 else None
    res["seconds"] = seconds
    res["docs"] = docs
    return res


def stats_json(s):
    return {
        "documents": s["documents"], "documents_failed": s["documents_failed"],
        "outputs_missing": s["outputs_missing"], "pages": s["pages"],
        "tables_found": s["tables_found"], "tables_expected": s["tables_expected"],
        "cells": s["cells"], "cells_right": s["cells_right"], "cells_wrong": s["cells_wrong"],
        "cells_missed": s["cells_missed"], "cells_right_pct": pct(s["cells_right"], s["cells"]),
        "budget_lines": {"tp": s["lines_tp"], "truth": s["lines_truth"], "out": s["lines_out"],
                         "wrong_value": s["lines_wrong"],
                         "f1": f1(s["lines_tp"], s["lines_out"], s["lines_truth"])},
        "projects": {"tp": s["projects_tp"], "truth": s["projects_truth"], "out": s["projects_out"],
                     "f1": f1(s["projects_tp"], s["projects_out"], s["projects_truth"])},
        "indicators": {"tp": s["indicators_tp"], "truth": s["indicators_truth"], "out": s["indicators_out"],
                       "f1": f1(s["indicators_tp"], s["indicators_out"], s["indicators_truth"])},
        "silent_errors": s["silent"], "silent_cells": s["silent_cells"], "silent_lines": s["silent_lines"],
        "silent_pct": pct(s["silent"], s["cells"]),
    }


# ---------------------------------------------------------------- real documents

# Standard table titles (normalised: no spaces, no quotes, no 、), in families: the spellings
# of one table across provinces and years (a report's contents page and its table may spell
# it differently). A named family counts once; any spelling in an output title finds it.
# Where a longer title contains a shorter one, the longer wins (财政拨款收入支出决算总表 does
# not also name 收入支出决算总表).
TITLE_FAMILIES = [
    # 决算 公开01–09
    ["收入支出决算总表"],
    ["收入决算表"],
    ["支出决算表"],
    ["财政拨款收入支出决算总表"],
    ["一般公共预算财政拨款支出决算表"],
    ["一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表"],
    ["政府性基金预算财政拨款收入支出决算表"],
    ["国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款收入支出决算表"],
    ["财政拨款三公经费支出决算表", "一般公共预算财政拨款三公经费支出决算表"],
    # 预算: the national family and its provincial spellings
    ["收支总表", "收支预算总表", "财务收支预算总表", "部门收支总表"],
    ["收入总表", "收入预算总表"],
    ["支出总表", "支出预算总表"],
    ["财政拨款收支总表", "财政拨款收支预算总表"],
    ["财政拨款支出预算表"],
    ["财政拨款基本支出预算表"],
    ["一般公共预算支出表", "一般公共预算支出预算表", "一般公共预算支出功能分类预算表"],
    ["一般公共预算基本支出表", "一般公共预算基本支出预算表", "一般公共预算基本支出部门预算经济分类预算表"],
    ["三公经费支出表", "一般公共预算三公经费支出表", "一般公共预算三公经费支出预算表",
     "三公经费会议费培训费支出预算表", "一般公共预算三公经费会议费培训费支出预算表",
     "三公经费和机关运行经费预算表"],
    ["政府性基金预算支出表", "政府性基金支出预算表", "政府性基金预算支出预算表",
     "政府性基金财政拨款支出预算表", "政府性基金预算财政拨款支出预算表", "财政拨款政府性基金支出预算表",
     "政府性基金预算支出功能分类预算表"],
    ["国有资本经营预算支出表", "国有资本经营预算支出功能分类预算表"],
    ["一般公共预算机关运行经费支出预算表"],
    ["政府采购支出预算表", "政府采购预算表"],
]
_FAMILY = {t: fam[0] for fam in TITLE_FAMILIES for t in fam}
_TITLES_LONGEST_FIRST = sorted(_FAMILY, key=len, reverse=True)


def titles_named(text):
    """The standard table families named in TEXT (by their first spelling)."""
    s = norm_title(text)
    claimed = []  # spans already taken by a longer title
    found = set()
    for t in _TITLES_LONGEST_FIRST:
        start = 0
        while True:
            k = s.find(t, start)
            if k < 0:
                break
            end = k + len(t)
            if not any(a <= k and end <= b for a, b in claimed):
                claimed.append((k, end))
                found.add(_FAMILY[t])
            start = k + 1
    return found


_NUMBER = re.compile(r"\d[\d,]*\.\d+|\d{2,}")


def titles_printed(text):
    """The standard table families printed as table titles in TEXT (pdftotext output, pages
    split by form feeds): a title counts where it stands on a short line of its own on a page
    that holds a table (a 单位 line or many numbers). Titles only named in prose or in a table
    of contents (a report whose tables are in a separate attachment) are not expected."""
    found = set()
    for page in text.split("\f"):
        if "单位" not in page and len(_NUMBER.findall(page)) < 30:
            continue
        on_page = set()
        for line in page.splitlines():
            s = norm_title(line)
            if not s or "……" in s or "..." in s or len(s) > 60:
                continue
            if re.search(r"(本表|反映|详见|见附|附件|说明|《|》)", s):
                continue
            on_page |= titles_named(s)
        # Four or more titles on one page is a table of contents or a list of the
        # tables, not the tables themselves.
        if len(on_page) < 4:
            found |= on_page
    return found


def real_names(real_dir, out_dir):
    names = set()
    if real_dir and os.path.isdir(real_dir):
        names |= {f[:-4] for f in os.listdir(real_dir) if f.lower().endswith(".pdf")}
    if not names:
        d = os.path.join(out_dir, "real")
        if os.path.isdir(d):
            names |= {f[:-4] for f in os.listdir(d) if f.endswith(".txt")}
            names |= {f[:-5] for f in os.listdir(d) if f.endswith(".json")}
    return sorted(names)


def real_pages(real_dir):
    pages = {}
    for r in read_tsv(os.path.join(real_dir or "", "MANIFEST.tsv")):
        if len(r) > 5 and r[0].lower().endswith(".pdf"):
            try:
                pages[r[0][:-4]] = int(r[5])
            except ValueError:
                pass
    return pages


def score_real(out_dir, real_dir, verbose):
    d = os.path.join(out_dir, "real")
    timing = read_timing(os.path.join(d, "timing.tsv"))
    mpages = real_pages(real_dir)
    res = collections.Counter()
    docs = []
    pages_timed, seconds = 0, 0.0
    for name in real_names(real_dir, out_dir):
        out, why = load_json(os.path.join(d, name + ".json"))
        rc = timing.get(name, (None, None))[1]
        ok = out is not None and out.get("status") != "failed" and not crashed(rc)
        try:
            with open(os.path.join(d, name + ".txt"), encoding="utf-8", errors="replace") as f:
                named = titles_printed(f.read())
        except OSError:
            named = set()
        have = set()
        for t in dicts(lst(out, "tables")) if out else []:
            have |= titles_named(t.get("title") or "")
        found = named & have
        checks = [c for c in dicts(lst(out, "checks")) if c.get("evaluated") is True] if out else []
        passed = sum(1 for c in checks if c.get("ok") is True)
        pages = mpages.get(name)
        if pages is None and out and isinstance(out.get("source"), dict):
            pages = out["source"].get("pages") if isinstance(out["source"].get("pages"), int) else None
        res["documents"] += 1
        res["documents_ok"] += ok
        res["pages"] += pages or 0
        res["titles_named"] += len(named)
        res["titles_found"] += len(found)
        res["checks"] += len(checks)
        res["checks_passed"] += passed
        if name in timing and pages:
            pages_timed += pages
            seconds += timing[name][0]
        docs.append({"name": name, "read": ok, "output": why or "ok", "exit": rc, "pages": pages,
                     "titles_named": sorted(named), "titles_missing": sorted(named - have),
                     "checks": len(checks), "checks_passed": passed})
        if verbose:
            print("  real     %-56s %s  tables %d/%d  checks %d/%d" % (
                name[:56], "ok " if ok else "ERR", len(found), len(named), passed, len(checks)))
    out = dict(res)
    for k in ("documents", "documents_ok", "pages", "titles_named", "titles_found", "checks", "checks_passed"):
        out.setdefault(k, 0)
    out["checks_pass_pct"] = pct(res["checks_passed"], res["checks"])
    out["pages_per_second"] = (pages_timed / seconds) if seconds > 0 else None
    out["seconds"] = seconds
    out["docs"] = docs
    return out


def real_scan_pages(real_scan_dir):
    """(name, grade) -> the original page numbers the scan keeps, in order (pages.tsv)."""
    pages = {}
    for r in read_tsv(os.path.join(real_scan_dir, "pages.tsv")):
        if len(r) >= 3 and r[0] != "name":
            try:
                pages[(r[0], r[1])] = [int(x) for x in r[2].split(",") if x.strip()]
            except ValueError:
                pass
    return pages


def page_values(doc, page):
    """The numeric cell values of every table slot on `page`, as a multiset (a merged cell
    counts in each slot it covers, on both sides alike)."""
    vals = collections.Counter()
    for t in dicts(lst(doc, "tables")):
        for row in dicts(lst(t, "rows")):
            for c in dicts(lst(row, "cells")):
                v = num(c.get("value"))
                if v is not None and c.get("page") == page:
                    vals[v.normalize()] += 1
    return vals


def score_real_scan(out_dir, verbose, real_scan_dir="corpus/real-scan"):
    """Scans of real table pages against the program's reading of the born-digital original,
    page by page: scan page i is original page pages.tsv[i]; every numeric cell value the
    original reading has on that page counts, and is right when the scan's reading has the
    same value on its page i (multisets: a number read in the wrong cell of the page still
    counts as read; table structure is scored on the corpus grades)."""
    d = os.path.join(out_dir, "real-scan")
    timing = read_timing(os.path.join(d, "timing.tsv"))
    kept = real_scan_pages(real_scan_dir)
    res = collections.Counter()
    docs = []
    pages_timed, seconds = 0, 0.0
    for f in sorted(os.listdir(d)):
        if not f.endswith(".json"):
            continue
        name = f[:-5]
        m = re.match(r"^(.*?)[-_.]scan(?:-([a-z]+))?$", name)
        base, grade = (m.group(1), m.group(2)) if m else (name, None)
        orig, owhy = load_json(os.path.join(out_dir, "real", base + ".json"))
        if orig is None:
            warn("real-scan/%s: no born-digital reading real/%s.json (%s)" % (name, base, owhy))
            continue
        scan, why = load_json(os.path.join(d, f))
        pages = kept.get((base, grade))
        if pages is None:
            warn("real-scan/%s: no page list in %s/pages.tsv" % (name, real_scan_dir))
            continue
        cells = right = 0
        for i, p in enumerate(pages, start=1):
            want = page_values(orig, p)
            have = page_values(scan, i) if scan else collections.Counter()
            cells += sum(want.values())
            right += sum(min(c, have[v]) for v, c in want.items())
        npages = scan.get("source", {}).get("pages") if scan and isinstance(scan.get("source"), dict) else None
        res["documents"] += 1
        res["cells"] += cells
        res["cells_right"] += right
        if name in timing and isinstance(npages, int):
            pages_timed += npages
            seconds += timing[name][0]
        docs.append({"name": name, "cells": cells, "cells_right": right, "output": why or "ok"})
        if verbose:
            print("  real-scan %-56s cells %d/%d" % (name[:56], right, cells))
    out = {"documents": res["documents"], "cells": res["cells"], "cells_right": res["cells_right"],
           "cells_right_pct": pct(res["cells_right"], res["cells"]),
           "pages_per_second": (pages_timed / seconds) if seconds > 0 else None, "docs": docs}
    return out


# ---------------------------------------------------------------- printing

def fmt_f(x):
    return "-" if x is None else "%.3f" % x


def fmt_p(x):
    return "-" if x is None else "%.1f%%" % x


def print_table(results):
    hdr = "%-11s %5s %6s %9s %16s %8s %8s %8s %14s %8s" % (
        "grade", "docs", "pages", "tables", "cells right", "lines", "proj", "ind", "silent", "pages/s")
    print(hdr)
    print("%-11s %5s %6s %9s %16s %8s %8s %8s %14s %8s" % ("", "", "", "found/exp", "", "F1", "F1", "F1",
                                                          "n (% cells)", ""))
    for g, r in results.items():
        if g in ("real", "real-scan"):
            continue
        print("%-11s %5d %6d %9s %16s %8s %8s %8s %14s %8s" % (
            g, r["documents"], r["pages"], "%d/%d" % (r["tables_found"], r["tables_expected"]),
            "%d/%d %s" % (r["cells_right"], r["cells"], fmt_p(r["cells_right_pct"])),
            fmt_f(r["budget_lines"]["f1"]), fmt_f(r["projects"]["f1"]), fmt_f(r["indicators"]["f1"]),
            "%d (%s)" % (r["silent_errors"], fmt_p(r["silent_pct"])),
            "-" if r["pages_per_second"] is None else "%.1f" % r["pages_per_second"]))
    if "real" in results:
        r = results["real"]
        print("%-11s %5d %6d   read without error %d/%d; standard tables found %d/%d; "
              "evaluated checks passing %d/%d %s; %s pages/s" % (
                  "real", r["documents"], r["pages"], r["documents_ok"], r["documents"],
                  r["titles_found"], r["titles_named"], r["checks_passed"], r["checks"],
                  fmt_p(r["checks_pass_pct"]),
                  "-" if r["pages_per_second"] is None else "%.1f" % r["pages_per_second"]))
    if "real-scan" in results:
        r = results["real-scan"]
        parts = []
        for g in ("clean", "noisy"):
            ds = [x for x in r.get("docs", []) if x["name"].endswith("-" + g)]
            c, k = sum(x["cells"] for x in ds), sum(x["cells_right"] for x in ds)
            if ds:
                parts.append("%s %d/%d %s" % (g, k, c, fmt_p(pct(k, c))))
        print("%-11s %5d %6s   cells equal to the born-digital reading %d/%d %s%s" % (
            "real-scan", r["documents"], "", r["cells_right"], r["cells"], fmt_p(r["cells_right_pct"]),
            " (" + ", ".join(parts) + ")" if parts else ""))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score budget2json outputs against the corpus truth.")
    ap.add_argument("--manifest", default="corpus/MANIFEST.tsv")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--grades", help="comma-separated; default: every grade present")
    ap.add_argument("--real", default=None, help="folder of the real PDFs (default ../shared/real)")
    ap.add_argument("--real-scan-dir", default="corpus/real-scan",
                    help="folder of the real-scan PDFs and their pages.tsv")
    ap.add_argument("--verbose", "-v", action="store_true", help="one line per document too")
    a = ap.parse_args(argv)

    rows = read_manifest(a.manifest)
    if not rows and not os.path.exists(a.manifest):
        warn("no manifest %s: corpus grades skipped" % a.manifest)
    by_grade = collections.OrderedDict()
    for r in rows:
        by_grade.setdefault(r[1], []).append(r)
    real_dir = a.real
    if real_dir is None:
        top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        real_dir = os.path.join(top, "..", "shared", "real")
    if a.grades:
        grades = [g for g in a.grades.split(",") if g]
    else:
        grades = [g for g in CORPUS_GRADES if g in by_grade] + [g for g in by_grade if g not in CORPUS_GRADES]
        if os.path.isdir(os.path.join(a.out_dir, "real")):
            grades.append("real")
        if os.path.isdir(os.path.join(a.out_dir, "real-scan")):
            grades.append("real-scan")
    results = collections.OrderedDict()
    for g in grades:
        if g == "real":
            results[g] = score_real(a.out_dir, real_dir, a.verbose)
        elif g == "real-scan":
            if os.path.isdir(os.path.join(a.out_dir, "real-scan")):
                results[g] = score_real_scan(a.out_dir, a.verbose, a.real_scan_dir)
        elif g in by_grade:
            results[g] = score_corpus_grade(g, by_grade[g], a.out_dir, a.manifest, a.verbose)
        else:
            warn("grade %s: no documents in %s" % (g, a.manifest))
    print_table(results)
    if a.json_out:
        os.makedirs(os.path.dirname(os.path.abspath(a.json_out)), exist_ok=True)
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump({"grades": results}, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
