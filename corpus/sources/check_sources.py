#!/usr/bin/env python3
"""Check corpus source files (corpus/sources/*.json) against the format in docs/CORPUS.md.

usage: check_sources.py [-q] FILE.json [FILE.json ...]

Errors (the file breaks the format, or a transcription is self-contradictory) make the exit
status 1; warnings (things real reports do break: sums, scores) are printed and do not.
Every message names the file, the table (block index, form or title) and the row/column.
"""
import json
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation

KINDS = {"income_expenditure_summary", "income", "expenditure", "appropriation_summary",
         "general_budget_expenditure", "basic_expenditure_detail", "government_fund",
         "state_capital", "three_public", "project_performance", "overall_performance",
         "indicator_goals", "score_sheet", "other"}
LINE_KINDS = {"income_expenditure_summary", "income", "expenditure", "appropriation_summary",
              "general_budget_expenditure", "basic_expenditure_detail", "government_fund",
              "state_capital", "three_public"}
DOC_KINDS = {"final_accounts", "budget", "performance_overall", "performance_project"}
FIG_KEYS = {"total_income", "total_expenditure", "basic_expenditure", "project_expenditure",
            "three_public", "admin_operating", "gov_procurement", "self_eval_score",
            "self_eval_grade"}
UNITS = {"万元", "元", None}
FIG_UNITS = {"万元", "元", "亿元", None}
TABLE_KEYS = ["form", "caption", "kind", "title", "unit", "unit_line", "department_line",
              "header", "columns", "rows", "merges", "note", "lines", "project", "indicators"]
FUND_KEYS = ["line", "initial_budget", "annual_budget", "executed", "weight", "execution_rate",
             "score"]
IND_KEYS = ["level1", "level2", "name", "target", "actual", "weight", "score", "note"]
LEVEL1 = {"产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "影响指标", "管理指标",
          "决策", "过程", "产出", "效益", "投入", "履职效能", "社会效应", "可持续发展"}

# A plain decimal as the source stores numbers ("12.54", "-3", "0").
DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
# What a numeric table cell may look like as printed: optional sign or parentheses,
# thousands separators in groups of three, decimals, optional %.
CELL_NUM_RE = re.compile(r"^(-?|\()(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)?%?$")
# Looks like a number someone meant to type (digits with separators/points/spaces only).
NUMERICISH_RE = re.compile(r"^[\s\-+(（]*[0-9０-９][0-9０-９,，.．。·\s]*[)）%％]?$")


class Checker:
    def __init__(self, path, quiet=False):
        self.path = path
        self.errors = 0
        self.warnings = 0
        self.quiet = quiet

    def err(self, where, msg):
        self.errors += 1
        print(f"{self.path}: ERROR: {where}: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        if not self.quiet:
            print(f"{self.path}: warning: {where}: {msg}")

    # -------------------------------------------------------------- helpers
    def text_ok(self, where, s, allow_newline=False):
        if not isinstance(s, str):
            self.err(where, f"expected a string, got {type(s).__name__}")
            return False
        if unicodedata.normalize("NFC", s) != s:
            self.err(where, f"text is not NFC: {s!r}")
        if "\t" in s or "\r" in s or (not allow_newline and "\n" in s):
            self.err(where, f"tab/newline inside text: {s!r}")
        if s != s.strip():
            self.err(where, f"leading/trailing whitespace: {s!r}")
        if re.search(r"[\u2f00-\u2fdf\ue000-\uf8ff]", s):
            self.warn(where, f"Kangxi radical or private-use character in source text: {s!r}")
        if "**" in s:
            self.warn(where, f"markdown '**' left in text: {s!r}")
        return True

    def dec_or_null(self, where, v, what):
        if v is None:
            return None
        if not isinstance(v, str):
            self.err(where, f"{what} must be a string (numbers as strings) or null, got {v!r}")
            return None
        if not DECIMAL_RE.match(v):
            self.err(where, f"{what} {v!r} is not a plain decimal string")
            return None
        return Decimal(v)

    # -------------------------------------------------------------- top level
    def run(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                src = json.load(f)
        except (OSError, ValueError) as e:
            self.err("file", f"cannot read JSON: {e}")
            return
        if not isinstance(src, dict):
            self.err("file", "top level is not an object")
            return
        for k in ("id", "origin", "notes", "document", "blocks", "figures"):
            if k not in src:
                self.err("file", f"missing key {k!r}")
        if not isinstance(src.get("id"), str) or not src.get("id"):
            self.err("id", "id must be a non-empty string")
        elif not self.path.endswith(src["id"] + ".json"):
            self.warn("id", f"id {src['id']!r} does not match the file name")
        notes = src.get("notes", [])
        if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
            self.err("notes", "notes must be a list of strings")
        self.check_document(src.get("document"))
        blocks = src.get("blocks", [])
        if not isinstance(blocks, list) or not blocks:
            self.err("blocks", "blocks must be a non-empty list")
            blocks = []
        paragraphs = []
        ntables = 0
        prev = None
        for i, b in enumerate(blocks):
            where = f"block {i}"
            if not isinstance(b, dict) or "type" not in b:
                self.err(where, "block must be an object with a type")
                continue
            t = b["type"]
            if t in ("heading", "paragraph"):
                if set(b) - {"type", "text"}:
                    self.warn(where, f"unexpected keys {sorted(set(b) - {'type', 'text'})}")
                if self.text_ok(where, b.get("text")) and not b["text"]:
                    self.err(where, "empty text")
                if t == "paragraph" and isinstance(b.get("text"), str):
                    paragraphs.append(b["text"])
            elif t == "pagebreak":
                if prev == "pagebreak":
                    self.warn(where, "two page breaks in a row (blank page)")
            elif t == "table":
                ntables += 1
                if b.get("orientation") not in ("portrait", "landscape"):
                    self.err(where, f"orientation must be portrait|landscape, got {b.get('orientation')!r}")
                if not isinstance(b.get("ruled"), bool):
                    self.err(where, "ruled must be true|false")
                if not isinstance(b.get("table"), dict):
                    self.err(where, "table block without a table object")
                else:
                    self.check_table(i, b["table"])
            else:
                self.err(where, f"unknown block type {t!r}")
            prev = t
        if ntables == 0:
            self.warn("blocks", "no table blocks")
        self.check_figures(src.get("figures"), paragraphs)

    def check_document(self, d):
        if not isinstance(d, dict):
            self.err("document", "document must be an object")
            return
        for k in ("title", "department", "fiscal_year", "kinds"):
            if k not in d:
                self.err("document", f"missing key {k!r}")
        for k in ("title", "department"):
            if d.get(k) is not None:
                self.text_ok(f"document.{k}", d.get(k))
        fy = d.get("fiscal_year")
        if fy is not None and (not isinstance(fy, int) or isinstance(fy, bool) or not 1990 <= fy <= 2100):
            self.err("document.fiscal_year", f"fiscal_year must be an integer year or null, got {fy!r}")
        kinds = d.get("kinds")
        if not isinstance(kinds, list) or not kinds or not set(kinds) <= DOC_KINDS:
            self.err("document.kinds", f"kinds must be a non-empty subset of {sorted(DOC_KINDS)}, got {kinds!r}")

    # -------------------------------------------------------------- tables
    def check_table(self, bi, t):
        name = t.get("form") or t.get("title") or "?"
        W = f"block {bi} table {name}"
        for k in TABLE_KEYS:
            if k not in t:
                self.err(W, f"missing key {k!r}")
        kind = t.get("kind")
        if kind not in KINDS:
            self.err(W, f"kind {kind!r} is not one of {sorted(KINDS)}")
        form = t.get("form")
        if form is not None and not re.match(r"^公开\d{2}表$", str(form)):
            self.warn(W, f"form {form!r} is not of the form 公开NN表")
        cap = t.get("caption")
        if form and cap and re.sub(r"\s+", "", cap) != form:
            self.err(W, f"caption {cap!r} does not match form {form!r}")
        for k in ("caption", "title", "unit_line", "department_line"):
            if t.get(k) is not None:
                self.text_ok(f"{W} {k}", t[k])
        if t.get("title") is None:
            self.warn(W, "title is null (the table prints no title)")
        elif not t.get("title"):
            self.err(W, "title is the empty string (use null when no title is printed)")
        unit = t.get("unit")
        if unit not in UNITS:
            self.err(W, f"unit must be 万元|元|null, got {unit!r}")
        ul = t.get("unit_line")
        if ul and unit and unit not in ul:
            self.err(W, f"unit_line {ul!r} does not contain the unit {unit!r}")
        if ul and not unit and "单位" in ul:
            self.warn(W, f"unit_line {ul!r} given but unit is null")
        if t.get("note") is not None:
            self.text_ok(f"{W} note", t["note"], allow_newline=True)

        cols = t.get("columns")
        if not isinstance(cols, list) or not cols or not all(isinstance(c, str) for c in cols):
            self.err(W, "columns must be a non-empty list of strings")
            return
        n = len(cols)
        for j, c in enumerate(cols):
            if not c:
                self.warn(W, f"column {j} has an empty label")
            elif re.search(r"\s", c):
                self.warn(W, f"column {j} label {c!r} contains whitespace")
        cw = t.get("col_widths")
        if cw is not None:
            if (not isinstance(cw, list) or len(cw) != n or
                    not all(isinstance(x, (int, float)) and not isinstance(x, bool) and x > 0 for x in cw)):
                self.err(W, f"col_widths must be {n} positive numbers, got {cw!r}")
        self._cols = cols
        self.check_header(W, t.get("header"), n)

        rows = t.get("rows")
        if not isinstance(rows, list):
            self.err(W, "rows must be a list")
            return
        if not rows:
            self.warn(W, "table has no body rows")
        ok_rows = True
        for r, row in enumerate(rows):
            if not isinstance(row, list) or not all(isinstance(c, str) for c in row):
                self.err(f"{W} row {r}", "a row must be a list of strings")
                ok_rows = False
                continue
            if len(row) != n:
                self.err(f"{W} row {r}", f"{len(row)} cells, expected {n} (len(columns)): {row}")
                ok_rows = False
            for c, cell in enumerate(row):
                self.text_ok(f"{W} row {r} col {c}", cell)
                if cell and NUMERICISH_RE.match(cell) and not CELL_NUM_RE.match(cell):
                    self.err(f"{W} row {r} col {c} ({cols[c] if c < n else '?'})",
                             f"cell {cell!r} looks numeric but is not a well-formed number")
        if ok_rows:
            self.check_merges(W, t.get("merges"), rows, n)
        else:
            self.warn(W, "merges not checked (bad rows)")

        lines = t.get("lines")
        if lines != "auto" and not isinstance(lines, list):
            self.err(W, f"lines must be \"auto\" or a list, got {lines!r}")
        if lines == "auto" and kind not in LINE_KINDS:
            self.warn(W, f"lines \"auto\" on a table of kind {kind!r}: no budget lines will be derived")
        if isinstance(lines, list) and lines and kind not in LINE_KINDS:
            self.warn(W, f"explicit lines on a table of kind {kind!r}")

        if kind in LINE_KINDS and ok_rows:
            self.check_final_table(W, t, cols, rows)

        proj = t.get("project")
        inds = t.get("indicators")
        if kind == "project_performance":
            if not isinstance(proj, dict):
                self.err(W, "project_performance table needs a project object")
            else:
                self.check_project(W, proj, rows if ok_rows else [])
        elif proj is not None:
            self.err(W, f"project must be null on a table of kind {kind!r}")
        if kind in ("project_performance", "overall_performance"):
            if not isinstance(inds, list) or not inds:
                self.err(W, f"{kind} table needs a non-empty indicators list")
            else:
                self.check_indicators(W, kind, inds, proj if isinstance(proj, dict) else None,
                                      rows if ok_rows else [])
        elif inds is not None and not isinstance(inds, list):
            self.err(W, "indicators must be a list or null")
        elif isinstance(inds, list) and inds:
            self.check_indicators(W, kind, inds, None, rows if ok_rows else [])

    def check_header(self, W, header, n):
        if not isinstance(header, list):
            self.err(W, "header must be a list of rows")
            return
        # place every header cell on a grid, honouring row/col spans from rows above
        occupied = {}
        for hr, hrow in enumerate(header):
            if not isinstance(hrow, list):
                self.err(f"{W} header row {hr}", "a header row must be a list of cells")
                return
            c = 0
            for cell in hrow:
                if not isinstance(cell, dict) or not isinstance(cell.get("text"), str):
                    self.err(f"{W} header row {hr}", f"bad header cell {cell!r}")
                    return
                if set(cell) - {"text", "colspan", "rowspan"}:
                    self.warn(f"{W} header row {hr}", f"unexpected keys in header cell {cell!r}")
                self.text_ok(f"{W} header row {hr}", cell["text"])
                cs, rs = cell.get("colspan", 1), cell.get("rowspan", 1)
                if not (isinstance(cs, int) and isinstance(rs, int) and cs >= 1 and rs >= 1):
                    self.err(f"{W} header row {hr}", f"bad span in {cell!r}")
                    return
                while (hr, c) in occupied:
                    c += 1
                if hr + rs > len(header):
                    self.err(f"{W} header row {hr}", f"rowspan of {cell!r} runs past the header")
                for rr in range(hr, hr + rs):
                    for cc in range(c, c + cs):
                        if (rr, cc) in occupied:
                            self.err(f"{W} header row {hr}", f"header cell {cell!r} overlaps another at ({rr},{cc})")
                        occupied[(rr, cc)] = cell["text"]
                c += cs
            width = max([cc + 1 for (rr, cc) in occupied if rr == hr], default=0)
            filled = sum(1 for (rr, cc) in occupied if rr == hr)
            if width != n or filled != n:
                self.err(f"{W} header row {hr}", f"covers {filled} of {n} columns (width {width}); "
                         f"header rows must span exactly len(columns)")
        if not header:
            return
        # the columns' labels: leaf text without whitespace, or a path of such texts
        for c in range(n):
            leaf = None
            for hr in range(len(header) - 1, -1, -1):
                txt = occupied.get((hr, c), "")
                if txt and not re.fullmatch(r"\d+", txt.strip()) and re.sub(r"\s+", "", txt) not in ("栏次",):
                    leaf = re.sub(r"\s+", "", txt)
                    break
            if leaf is None:
                continue
            if c < len(self._cols) and not (self._cols[c] == leaf or self._cols[c].endswith("/" + leaf)):
                self.warn(W, f"column {c} label {self._cols[c]!r} is not its header leaf {leaf!r} "
                          f"(or a path ending in it)")

    def check_merges(self, W, merges, rows, n):
        if not isinstance(merges, list):
            self.err(W, "merges must be a list")
            return
        covered = {}
        for k, m in enumerate(merges):
            where = f"{W} merge {k}"
            if not isinstance(m, dict) or set(m) != {"row", "col", "rowspan", "colspan"}:
                self.err(where, f"a merge is {{row, col, rowspan, colspan}}, got {m!r}")
                continue
            if not all(isinstance(m[x], int) and not isinstance(m[x], bool) for x in m):
                self.err(where, f"merge fields must be integers: {m!r}")
                continue
            r, c, rs, cs = m["row"], m["col"], m["rowspan"], m["colspan"]
            if rs < 1 or cs < 1 or (rs == 1 and cs == 1):
                self.err(where, f"merge must span more than one cell: {m!r}")
                continue
            if r < 0 or c < 0 or r + rs > len(rows) or c + cs > n:
                self.err(where, f"merge {m!r} out of range ({len(rows)} rows x {n} columns)")
                continue
            anchor = rows[r][c]
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    if (rr, cc) in covered:
                        self.err(where, f"overlaps merge {covered[(rr, cc)]} at row {rr} col {cc}")
                    covered[(rr, cc)] = k
                    if rows[rr][cc] != anchor:
                        self.err(where, f"cell row {rr} col {cc} is {rows[rr][cc]!r}, but a merged cell "
                                 f"must repeat its text {anchor!r} in every cell it covers")

    def check_final_table(self, W, t, cols, rows):
        """Final-account / budget tables: code cells, value cells, the usual sums (warnings)."""
        code_cols = [j for j, c in enumerate(cols) if re.search(r"编码|代码", c)]
        for r, row in enumerate(rows):
            for j in code_cols:
                cell = row[j]
                if cell and re.fullmatch(r"[\d\s]+", cell):
                    digits = re.sub(r"\s", "", cell)
                    if len(digits) not in (3, 5, 7):
                        self.err(f"{W} row {r} col {j}", f"subject code {cell!r} is not 3, 5 or 7 digits")
        # 合计 = 基本支出 + 项目支出 (+ …) and 合计 row = sum of 项 rows: warnings only
        def val(s):
            s = s.replace(",", "")
            try:
                return Decimal(s) if DECIMAL_RE.match(s) else None
            except InvalidOperation:
                return None
        if len(code_cols) == 1:          # not for side-by-side groups (06表)
            cj = code_cols[0]
            total_rows = [r for r, row in enumerate(rows) if "合计" in row[cj] or "合计" in row[cj + 1 if cj + 1 < len(cols) else cj]]
            if total_rows:
                tr = total_rows[0]
                coded = [row for row in rows if re.fullmatch(r"\d{3}(\s*\d{2}){0,2}", row[cj].strip() or "x")]
                lens = {len(re.sub(r"\s", "", row[cj])) for row in coded}
                if coded:
                    top = min(lens)
                    for j in range(len(cols)):
                        if j in code_cols or j == cj + 1:
                            continue
                        tv = val(rows[tr][j])
                        vs = [val(row[j]) for row in coded if len(re.sub(r"\s", "", row[cj])) == top]
                        if tv is None or any(v is None and row_txt for v, row_txt in
                                             zip(vs, [row[j] for row in coded if len(re.sub(r"\s", "", row[cj])) == top])):
                            continue
                        s = sum((v for v in vs if v is not None), Decimal(0))
                        if vs and s != tv:
                            self.warn(W, f"column {cols[j]!r}: 合计 {tv} != sum of {top}-digit rows {s} "
                                      f"(kept as printed if the report says so)")

    # -------------------------------------------------------------- performance
    def check_project(self, W, p, rows):
        for k in ("name", "authority", "implementer", "funds", "total_weight", "total_score"):
            if k not in p:
                self.err(f"{W} project", f"missing key {k!r}")
        if not isinstance(p.get("name"), str) or not p.get("name"):
            self.err(f"{W} project", "project name must be a non-empty string")
        flat = {c for row in rows for c in row}
        for k in ("name", "authority", "implementer"):
            v = p.get(k)
            if v is not None:
                self.text_ok(f"{W} project.{k}", v)
                if rows and v not in flat:
                    self.err(f"{W} project.{k}", f"{v!r} is not the text of any table cell")
        tw = self.dec_or_null(f"{W} project", p.get("total_weight"), "total_weight")
        ts = self.dec_or_null(f"{W} project", p.get("total_score"), "total_score")
        if tw is not None and ts is not None and ts > tw:
            self.warn(f"{W} project", f"total_score {ts} > total_weight {tw}")
        funds = p.get("funds")
        if not isinstance(funds, list):
            self.err(f"{W} project", "funds must be a list")
            return
        for i, f in enumerate(funds):
            where = f"{W} project.funds[{i}]"
            if not isinstance(f, dict):
                self.err(where, "fund line must be an object")
                continue
            for k in FUND_KEYS:
                if k not in f:
                    self.err(where, f"missing key {k!r}")
            if not isinstance(f.get("line"), str) or not f.get("line"):
                self.err(where, "line must be a non-empty string")
            elif rows and f["line"] not in flat:
                self.err(where, f"fund line {f['line']!r} is not the text of any table cell")
            vals = {k: self.dec_or_null(where, f.get(k), k) for k in FUND_KEYS[1:]}
            rate, ab, ex = vals["execution_rate"], vals["annual_budget"], vals["executed"]
            if rate is not None and ab and ex is not None:
                calc = ex / ab * 100
                q = Decimal(1).scaleb(rate.as_tuple().exponent)
                if abs(calc.quantize(q) - rate) > q:
                    self.warn(where, f"execution_rate {rate} but executed/annual_budget = {calc:.4f}%")
            if vals["score"] is not None and vals["weight"] is not None and vals["score"] > vals["weight"]:
                self.warn(where, f"score {vals['score']} > weight {vals['weight']}")
            # the printed cells of this fund line must be in the table
            if rows and isinstance(f.get("line"), str):
                match = [row for row in rows if f["line"] in row]
                if match:
                    row = match[0]
                    for k in ("initial_budget", "annual_budget", "executed", "weight", "score"):
                        v = f.get(k)
                        if v is not None and v not in row:
                            self.err(where, f"{k} {v!r} not found in the table row {row}")
                    if f.get("execution_rate") is not None and f["execution_rate"] + "%" not in row \
                            and f["execution_rate"] not in row:
                        self.err(where, f"execution_rate {f['execution_rate']!r} not found in the table row {row}")

    def check_indicators(self, W, kind, inds, proj, rows):
        total = Decimal(0)
        have_all = True
        for i, ind in enumerate(inds):
            where = f"{W} indicators[{i}]"
            if not isinstance(ind, dict):
                self.err(where, "indicator must be an object")
                continue
            for k in IND_KEYS:
                if k not in ind:
                    self.err(where, f"missing key {k!r}")
            extra = set(ind) - set(IND_KEYS) - {"project"}
            if extra:
                self.warn(where, f"unexpected keys {sorted(extra)}")
            if "project" in ind:
                want = proj.get("name") if proj else None
                if kind == "overall_performance" and ind["project"] is not None:
                    self.err(where, "project must be null in the whole-department table")
                elif kind == "project_performance" and ind["project"] != want:
                    self.err(where, f"project {ind['project']!r} != the table's project {want!r}")
            for k in ("level1", "level2", "name", "target", "actual"):
                v = ind.get(k)
                if v is None and (k == "name" or (k == "level1" and kind in ("project_performance", "overall_performance"))):
                    self.err(where, f"{k} must not be null")
                elif v is not None:
                    self.text_ok(f"{where}.{k}", v)
            l1 = ind.get("level1")
            if isinstance(l1, str) and re.search(r"[（(]\s*\d+\s*分", l1 + (ind.get("level2") or "")):
                self.err(where, f"level names must be clean (no '(N分)'): {l1!r} / {ind.get('level2')!r}")
            if isinstance(l1, str) and l1 not in LEVEL1:
                self.warn(where, f"unusual level1 {l1!r}")
            w = self.dec_or_null(where, ind.get("weight"), "weight")
            s = self.dec_or_null(where, ind.get("score"), "score")
            if w is not None and s is not None and s > w:
                self.warn(where, f"score {s} > weight {w}")
            if s is None:
                have_all = False
            else:
                total += s
            if ind.get("note") is not None:
                self.text_ok(f"{where}.note", ind["note"])
            # the indicator must be a row of the table: name, target, actual, weight, score in it,
            # and the row's level cells must start with the clean level names
            if rows and kind not in ("project_performance", "overall_performance"):
                # goal tables may print level2 and name in one cell, target in several: weaker check
                if isinstance(ind.get("name"), str) and not any(ind["name"] in c for row in rows for c in row):
                    self.err(where, f"name {ind.get('name')!r} does not occur in any table cell")
                continue
            if rows:
                cand = [row for row in rows if ind.get("name") in row]
                if not cand:
                    self.err(where, f"name {ind.get('name')!r} is not the text of any table cell")
                    continue
                good = False
                for row in cand:
                    want = [ind.get(k) for k in ("target", "actual", "weight", "score", "note")]
                    if all(v is None or v in row for v in want):
                        good = True
                        lv = [ind.get("level1"), ind.get("level2")]
                        for v in lv:
                            if v and not any(re.sub(r"\s+", "", c).startswith(re.sub(r"\s+", "", v)) for c in row):
                                self.err(where, f"level {v!r} does not begin any cell of its row {row}")
                        break
                if not good:
                    self.err(where, f"target/actual/weight/score {ind.get('target')!r}/{ind.get('actual')!r}/"
                             f"{ind.get('weight')!r}/{ind.get('score')!r} not all in the row of {ind.get('name')!r}")
        if proj and have_all and proj.get("total_score") and DECIMAL_RE.match(str(proj.get("total_score"))):
            fund_score = Decimal(0)
            for f in proj.get("funds") or []:
                if isinstance(f, dict) and f.get("line") == "年度资金总额" and f.get("score") \
                        and DECIMAL_RE.match(f["score"]):
                    fund_score = Decimal(f["score"])
            if total + fund_score != Decimal(proj["total_score"]):
                self.warn(W, f"total_score {proj['total_score']} != indicator scores {total} + fund score "
                          f"{fund_score} (kept as printed if the report says so)")

    # -------------------------------------------------------------- figures
    def check_figures(self, figs, paragraphs):
        if not isinstance(figs, list):
            self.err("figures", "figures must be a list")
            return
        for i, f in enumerate(figs):
            where = f"figures[{i}]"
            if not isinstance(f, dict):
                self.err(where, "figure must be an object")
                continue
            where = f"figures[{i}] {f.get('key')}"
            for k in ("key", "label", "value", "unit", "text"):
                if k not in f:
                    self.err(where, f"missing key {k!r}")
            if f.get("key") not in FIG_KEYS:
                self.err(where, f"key must be one of {sorted(FIG_KEYS)}")
            if f.get("unit") not in FIG_UNITS:
                self.err(where, f"unit {f.get('unit')!r} not in 万元|元|亿元|null")
            text = f.get("text")
            if not isinstance(text, str) or not text:
                self.err(where, "text must be the sentence as printed")
                continue
            self.text_ok(where, text)
            if not any(text in p for p in paragraphs):
                self.err(where, f"sentence does not occur in any paragraph block: {text!r}")
            if isinstance(f.get("label"), str) and f["label"] and re.sub(r"[“”\"]", "", f["label"]) not in re.sub(r"[“”\"]", "", text):
                self.warn(where, f"label {f['label']!r} does not occur in the sentence")
            if f.get("key") == "self_eval_grade":
                if f.get("value") is not None:
                    self.err(where, "self_eval_grade has value null (the grade goes in text_value)")
                tv = f.get("text_value")
                if not isinstance(tv, str) or not tv:
                    self.err(where, "self_eval_grade needs text_value")
                elif tv not in text:
                    self.err(where, f"text_value {tv!r} does not occur in the sentence")
                continue
            v = self.dec_or_null(where, f.get("value"), "value")
            if v is None:
                if f.get("value") is None:
                    self.err(where, "value is null")
                continue
            if f.get("key") == "self_eval_score" and f.get("unit") is not None:
                self.err(where, "self_eval_score has unit null")
            # the value as printed must be in the sentence (1,234.5 written with separators is fine)
            nums = [re.sub(r"[,，\s]", "", m) for m in re.findall(r"\d[\d,，]*(?:\.\d+)?", text)]
            if f["value"] not in nums:
                self.err(where, f"value {f['value']!r} is not a number printed in the sentence {text!r}")
            elif f.get("unit") and f["unit"] not in text:
                self.err(where, f"unit {f['unit']!r} does not occur in the sentence")


def main(argv):
    quiet = False
    files = []
    for a in argv[1:]:
        if a in ("-q", "--quiet"):
            quiet = True
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            files.append(a)
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    bad = 0
    for path in files:
        ck = Checker(path, quiet)
        ck.run()
        status = "FAIL" if ck.errors else "ok"
        print(f"{path}: {status} ({ck.errors} errors, {ck.warnings} warnings)")
        bad += ck.errors > 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
