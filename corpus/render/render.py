#!/usr/bin/python3
"""Render a corpus source (docs/CORPUS.md) to a born-digital PDF and write its truth JSON.

    render.py SOURCE.json --variant digital|garbled --pdf OUT.pdf [--truth OUT.json]

Layout is computed once from the clean text, so every variant puts every row on the same page
(the truth is shared by all grades).  The garbled variant only changes what is drawn: CJK
characters with an NFKC-equivalent look-alike (Kangxi Radicals, CJK Compatibility Ideographs)
are drawn as the look-alike code point, titles and some cells on some pages are letter-spaced
(`收 入 决 算 表` in a text extraction), and about a third of the tables lose their rules.
Output is deterministic: same source → same bytes.
"""
import argparse
import json
import random
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402

SANS = "Noto Sans CJK SC"
SERIF = "Noto Sans CJK SC"  # one family keeps the embedded subsets small
A4 = (595.276, 841.89)
PS = Pango.SCALE


# ------------------------------------------------------------------ look-alikes
def build_lookalikes():
    m = {}
    ranges = [(0x2F00, 0x2FD5), (0x2E80, 0x2EF3), (0xF900, 0xFAD9), (0x2F800, 0x2FA1D)]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            y = chr(cp)
            if unicodedata.category(y) == "Cn":
                continue
            x = unicodedata.normalize("NFKC", y)
            if len(x) == 1 and x != y and 0x4E00 <= ord(x) <= 0x9FFF and x not in m:
                m[x] = y  # first (Kangxi radical) wins
    return m


LOOKALIKE = build_lookalikes()


def is_cjk(ch):
    return 0x3400 <= ord(ch) <= 0x9FFF


# ------------------------------------------------------------------ numbers
NUM_RE = re.compile(r"([+-]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(\.\d+)?(%?)")


def cell_value(text):
    """The cell's number when the whole cell is one number, else None (docs/CORPUS.md)."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", text).strip()
    if not t:
        return None
    neg = False
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
        neg = True
    m = NUM_RE.fullmatch(t)
    if not m:
        return None
    sign, ip, fp, _pc = m.groups()
    try:
        v = Decimal(ip.replace(",", "") + (fp or ""))
    except InvalidOperation:
        return None
    if sign == "-":
        v = -v
    if neg:
        if sign:
            return None
        v = -v
    return v


# ------------------------------------------------------------------ target/actual expressions
SYM_OPS = [("\\geq", ">="), ("\\leq", "<="), (">=", ">="), ("<=", "<="), ("≥", ">="), ("≧", ">="), ("⩾", ">="),
           ("》", ">="), ("≤", "<="), ("≦", "<="), ("⩽", "<="), ("=", "="), (">", ">"), ("<", "<")]
WORD_OPS = [("不低于", ">="), ("不少于", ">="), ("不小于", ">="), ("不超过", "<="), ("不高于", "<="),
            ("不大于", "<="), ("大于", ">"), ("高于", ">"), ("小于", "<"), ("低于", "<")]
SUFFIX_OPS = [("以上", ">="), ("以内", "<="), ("以下", "<=")]
EXPR_NUM = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(.*)")


def parse_expr(raw):
    """{"raw", "op", "value", "unit"}: operator prefix (symbols or words), a number, a short unit;
    anything else (dates, 定性, 优, 逐步扩大) keeps value/unit null."""
    if raw is None:
        return {"raw": None, "op": None, "value": None, "unit": None}
    s = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
    op = None
    for sym, o in SYM_OPS + WORD_OPS:
        if s.startswith(sym):
            op = o
            s = s[len(sym):]
            break
    m = EXPR_NUM.fullmatch(s)
    if not m:
        return {"raw": raw, "op": op, "value": None, "unit": None}
    num, rest = m.group(1), m.group(2)
    for suf, o in SUFFIX_OPS:
        if rest.endswith(suf):
            rest = rest[: -len(suf)]
            if op is None:
                op = o
            break
    if re.search(r"[\d前后底日月]", rest) or len(rest) > 4:
        return {"raw": raw, "op": op, "value": None, "unit": None}
    return {"raw": raw, "op": op, "value": Decimal(num.replace(",", "")), "unit": rest or None}


# ------------------------------------------------------------------ JSON with exact decimals
def dec_text(d):
    s = format(d, "f")
    return s


def dumps(o, ind=0):
    """JSON text; Decimals written exactly; nesting deeper than four levels on one line."""
    sp = " " * ind
    if ind >= 4 and isinstance(o, (dict, list)):
        if isinstance(o, dict):
            return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {dumps(v, 9)}" for k, v in o.items()) + "}"
        return "[" + ", ".join(dumps(x, 9) for x in o) + "]"
    if isinstance(o, Decimal):
        return dec_text(o)
    if isinstance(o, dict):
        if not o:
            return "{}"
        items = [f'{sp} {json.dumps(k, ensure_ascii=False)}: {dumps(v, ind + 1)}' for k, v in o.items()]
        return "{\n" + ",\n".join(items) + "\n" + sp + "}"
    if isinstance(o, list):
        if not o:
            return "[]"
        if all(not isinstance(x, (dict, list)) for x in o):
            return "[" + ", ".join(dumps(x) for x in o) + "]"
        return "[\n" + ",\n".join(sp + " " + dumps(x, ind + 1) for x in o) + "\n" + sp + "]"
    return json.dumps(o, ensure_ascii=False)


def yuan_of(v, unit):
    if v is None:
        return None
    if unit == "万元":
        y = v * 10000
    elif unit == "元":
        y = v
    elif unit == "亿元":
        y = v * 100000000
    else:
        return None
    y = y.normalize()
    return Decimal(format(y, "f"))


# ------------------------------------------------------------------ measuring
class Measure:
    def __init__(self):
        self.surf = cairo.ImageSurface(cairo.FORMAT_ARGB32, 4, 4)
        self.cr = cairo.Context(self.surf)
        fo = cairo.FontOptions()
        fo.set_hint_metrics(cairo.HINT_METRICS_OFF)
        fo.set_hint_style(cairo.HINT_STYLE_NONE)
        self.fo = fo
        self.layout = PangoCairo.create_layout(self.cr)
        PangoCairo.context_set_font_options(self.layout.get_context(), fo)
        self.cache = {}

    def wrap(self, text, width, font, indent=0.0):
        """Lines (strings) of text wrapped to width points."""
        key = (text, round(width, 2), font, indent)
        if key in self.cache:
            return self.cache[key]
        lines = []
        for para in text.split("\n"):
            lay = self.layout
            lay.set_font_description(Pango.FontDescription.from_string(font))
            lay.set_width(max(1, int(width * PS)))
            lay.set_wrap(Pango.WrapMode.WORD_CHAR)
            lay.set_indent(int(indent * PS))
            lay.set_text(para, -1)
            b = para.encode("utf-8")
            for ln in lay.get_lines_readonly():
                lines.append(b[ln.start_index: ln.start_index + ln.length].decode("utf-8"))
            lay.set_indent(0)
            if not para:
                lines.append("")
        self.cache[key] = lines
        return lines

    def width(self, text, font, spacing=0.0):
        lay = self.layout
        lay.set_font_description(Pango.FontDescription.from_string(font))
        lay.set_width(-1)
        lay.set_indent(0)
        lay.set_text(text, -1)
        if spacing:
            al = Pango.AttrList()
            al.insert(Pango.attr_letter_spacing_new(int(spacing * PS)))
            lay.set_attributes(al)
        w = lay.get_extents()[1].width / PS
        lay.set_attributes(None)
        return w


M = None


def font(fam, size, bold=False):
    return f"{fam} {'Bold ' if bold else ''}{size}"


def fsize(f):
    return float(f.split()[-1])


# ------------------------------------------------------------------ page model
class Page:
    def __init__(self, landscape):
        self.w, self.h = (A4[1], A4[0]) if landscape else A4
        self.landscape = landscape
        self.ops = []
        self.mx = 40 if landscape else 50
        self.top = 40 if landscape else 50
        self.bottom = self.h - (36 if landscape else 46)
        self.y = self.top
        self.has_table = False

    @property
    def cw(self):
        return self.w - 2 * self.mx


class Renderer:
    def __init__(self, src):
        self.src = src
        self.rng = random.Random("layout-" + src.get("id", ""))
        self.pages = []
        self.tables = []       # truth tables
        self.para_pos = []     # (text, [(char_start, page)])
        self.cap_align = self.rng.choice(["right", "left", "center"])

    # ---- pages
    def new_page(self, landscape=False):
        p = Page(landscape)
        self.pages.append(p)
        # page number footer
        return p

    @property
    def page(self):
        if not self.pages:
            self.new_page(False)
        return self.pages[-1]

    def ensure(self, h, landscape=None):
        p = self.page
        if landscape is None and p.landscape:
            landscape = False  # prose goes on portrait pages
        if landscape is not None and p.landscape != landscape:
            return self.new_page(landscape)
        if p.y + h > p.bottom:
            return self.new_page(p.landscape if landscape is None else landscape)
        return p

    def text_op(self, p, x, y, w, text, fnt, align="left", role="cell"):
        p.ops.append(("text", x, y, w, text, fnt, align, role))

    # ---- prose
    def heading(self, text, first):
        f = font(SANS if not first else SERIF, 15 if first else 11, True)
        lines = M.wrap(text, self.page.cw, f)
        lh = fsize(f) * 1.5
        p = self.ensure(lh * len(lines) + 6)
        p.y += 4
        for ln in lines:
            self.text_op(p, p.mx, p.y, p.cw, ln, f, "center" if first else "left", "title" if first else "heading")
            p.y += lh
        p.y += 4

    def paragraph(self, text):
        f = font(SERIF, 10)
        lh = 10 * 1.6
        ind = 20.0
        lines = M.wrap(text, self.page.cw, f, indent=ind)
        pos = []
        off = 0
        for i, ln in enumerate(lines):
            p = self.ensure(lh)
            x = p.mx + (ind if i == 0 else 0)
            self.text_op(p, x, p.y, p.cw - (ind if i == 0 else 0), ln, f, "left", "para")
            pos.append((off, self.pages.index(p) + 1))
            off += len(ln)
            p.y += lh
        self.page.y += 4
        self.para_pos.append((text, pos))

    # ---- tables
    def table(self, block, tindex):
        t = dict(block["table"])
        nc0 = len(t.get("columns") or [])
        t["rows"] = [list(r)[:nc0] + [""] * (nc0 - len(r)) for r in (t.get("rows") or [])]
        t["rows"] = [[x if isinstance(x, str) else ("" if x is None else str(x)) for x in r] for r in t["rows"]]
        landscape = block.get("orientation") == "landscape"
        ruled = block.get("ruled", True)
        cols = t["columns"]
        nc = len(cols)
        # page for the table
        p = self.page
        fresh = not p.ops
        if fresh and p.landscape != landscape:
            self.pages[-1] = p = Page(landscape)
        if p.landscape != landscape or (not fresh):
            probe_p = Page(landscape)
        else:
            probe_p = p
        cw = probe_p.cw
        widths = t.get("col_widths") or [1] * nc
        if len(widths) != nc or any((not isinstance(w, (int, float))) or w <= 0 for w in widths):
            widths = [1] * nc
        sw = sum(widths)
        W = [cw * w / sw for w in widths]
        fs = 9.0 if nc <= 7 else (8.0 if nc <= 10 else 7.0)
        if not landscape and nc > 7:
            fs = 7.5
        fcell = font(SANS, fs)
        fhead = font(SANS, fs, True)
        pad = 2.4
        lh = fs * 1.32

        # header grid
        hdr = t.get("header") or []
        occ = {}
        hcells = []  # (r, c, rs, cs, text)
        for r, hrow in enumerate(hdr):
            c = 0
            for cell in hrow:
                while (r, c) in occ:
                    c += 1
                if c >= nc:
                    break
                rs = int(cell.get("rowspan", 1))
                cs = min(int(cell.get("colspan", 1)), nc - c)
                rs = max(1, min(rs, len(hdr) - r))
                for i in range(rs):
                    for j in range(cs):
                        occ[(r + i, c + j)] = True
                hcells.append((r, c, rs, cs, cell.get("text", "")))
                c += cs
        nh = len(hdr)
        hh = [lh + 2 * pad] * nh
        for (r, c, rs, cs, text) in sorted(hcells, key=lambda x: x[2]):
            w = sum(W[c:c + cs]) - 2 * pad
            need = len(M.wrap(text, w, fhead)) * lh + 2 * pad
            have = sum(hh[r:r + rs])
            if need > have:
                hh[r + rs - 1] += need - have
        header_h = sum(hh)

        # body merges
        rows = t["rows"]
        nr = len(rows)
        anchor = {}
        covered = set()
        for m in t.get("merges") or []:
            r0, c0 = int(m["row"]), int(m["col"])
            rs, cs = int(m.get("rowspan", 1)), int(m.get("colspan", 1))
            if r0 >= nr or c0 >= nc:
                continue
            rs = min(rs, nr - r0)
            cs = min(cs, nc - c0)
            if (r0, c0) in covered:
                continue
            anchor[(r0, c0)] = (rs, cs)
            for i in range(rs):
                for j in range(cs):
                    if i or j:
                        covered.add((r0 + i, c0 + j))
        numeric = [[cell_value(x) is not None for x in r] for r in rows]
        rh = [lh + 2 * pad] * nr
        spans = []
        for r in range(nr):
            for c in range(nc):
                if (r, c) in covered:
                    continue
                rs, cs = anchor.get((r, c), (1, 1))
                text = rows[r][c] if c < len(rows[r]) else ""
                if not text:
                    continue
                w = sum(W[c:c + cs]) - 2 * pad
                need = len(M.wrap(text, w, fcell)) * lh + 2 * pad
                if rs == 1:
                    rh[r] = max(rh[r], need)
                else:
                    spans.append((r, rs, need))
        for r, rs, need in spans:
            have = sum(rh[r:r + rs])
            if need > have:
                rh[r + rs - 1] += need - have

        # preamble (caption, title, unit/department line)
        ftitle = font(SANS, 15 if landscape else 14, True)
        fsmall = font(SANS, 9.5)
        title_lines = M.wrap(t.get("title") or "", cw, ftitle)
        pre_h = 0.0
        if t.get("caption"):
            pre_h += 16
        pre_h += len(title_lines) * 15 * 1.5 + 4
        if t.get("unit_line") or t.get("department_line"):
            pre_h += 16
        note = t.get("note")
        note_lines = M.wrap(note, cw, font(SANS, 8.5)) if note else []
        note_h = len(note_lines) * 8.5 * 1.5 + (6 if note_lines else 0)
        total_h = pre_h + header_h + sum(rh) + note_h
        first_rows = sum(rh[:min(3, nr)])

        # choose page
        if fresh and p.landscape == landscape:
            pass
        elif p.landscape == landscape and p.y + 14 + total_h <= p.bottom:
            p.y += 14
        elif p.landscape == landscape and total_h > probe_p.bottom - probe_p.top and \
                p.y + 14 + pre_h + header_h + first_rows <= p.bottom:
            p.y += 14  # a table longer than a page: start here and continue on the next page
        else:
            p = self.new_page(landscape)
        if p.y + pre_h + header_h + first_rows > p.bottom:
            p = self.new_page(landscape)
        p.has_table = True
        x0 = p.mx
        tpage0 = len(self.pages)
        # caption
        if t.get("caption"):
            self.text_op(p, x0, p.y, cw, t["caption"], fsmall, self.cap_align, "caption")
            p.y += 16
        for ln in title_lines:
            self.text_op(p, x0, p.y, cw, ln, ftitle, "center", "title")
            p.y += 15 * 1.5
        p.y += 4
        if t.get("unit_line") or t.get("department_line"):
            if t.get("department_line"):
                self.text_op(p, x0, p.y, cw * 0.7, t["department_line"], fsmall, "left", "dept")
            if t.get("unit_line"):
                self.text_op(p, x0, p.y, cw, t["unit_line"], fsmall, "right", "unit")
            p.y += 16

        tstate = {"ruled": ruled, "x0": x0, "W": W, "pad": pad, "lh": lh, "fcell": fcell, "fhead": fhead}

        def draw_header(pg):
            y = pg.y
            ys = [y]
            for h in hh:
                ys.append(ys[-1] + h)
            for (r, c, rs, cs, text) in hcells:
                bx = x0 + sum(W[:c])
                bw = sum(W[c:c + cs])
                by, bh = ys[r], ys[r + rs] - ys[r]
                self.cell_box(pg, tstate, bx, by, bw, bh, text, fhead, "center", "head")
            pg.y = ys[-1]

        draw_header(p)
        row_page = [0] * nr
        r = 0
        seg_start = 0
        segments = []
        while r < nr:
            need = rh[r] + (note_h if r == nr - 1 else 0)
            if p.y + need > p.bottom and r > seg_start:
                segments.append((self.pages.index(p), seg_start, r, seg_y0))
                p = self.new_page(landscape)
                p.has_table = True
                draw_header(p)
                seg_start = r
            if r == seg_start:
                seg_y0 = p.y
            row_page[r] = self.pages.index(p) + 1
            p.y += rh[r]
            r += 1
        segments.append((self.pages.index(p), seg_start, nr, seg_y0 if nr else p.y))
        # draw body per segment
        for pi, a, b, y0 in segments:
            pg = self.pages[pi]
            ys = [y0]
            for i in range(a, b):
                ys.append(ys[-1] + rh[i])
            for rr in range(a, b):
                for c in range(nc):
                    if (rr, c) in covered:
                        # a vertical merge whose anchor is on an earlier page: draw its part here
                        if rr != a:
                            continue
                        anc = None
                        for (ar, ac), (rs, cs) in anchor.items():
                            if ar < a <= ar + rs - 1 and ac <= c < ac + cs and ac == c:
                                anc = (ar, ac, rs, cs)
                                break
                        if not anc:
                            continue
                        ar, ac, rs, cs = anc
                        r_end = min(ar + rs, b)
                        text = rows[ar][ac]
                    else:
                        rs, cs = anchor.get((rr, c), (1, 1))
                        r_end = min(rr + rs, b)
                        text = rows[rr][c] if c < len(rows[rr]) else ""
                    bx = x0 + sum(W[:c])
                    bw = sum(W[c:c + cs])
                    by = ys[rr - a]
                    bh = ys[r_end - a] - by
                    role = col_role(cols[c]) if cs == 1 else "name"
                    if role != "value":
                        align = "left"
                    elif cell_value(text) is not None:
                        align = "right"
                    else:
                        align = "center" if len(text) <= 6 else "left"
                    self.cell_box(pg, tstate, bx, by, bw, bh, text, fcell, align, "cell")
            pg.y = ys[-1]
        p = self.pages[segments[-1][0]]
        if note_lines:
            p.y += 4
            for ln in note_lines:
                if p.y + 13 > p.bottom:
                    p = self.new_page(landscape)
                self.text_op(p, x0, p.y, cw, ln, font(SANS, 8.5), "left", "note")
                p.y += 8.5 * 1.5
        pages = sorted(set([tpage0] + row_page)) if nr else [tpage0]
        self.tables.append({"index": tindex, "t": t, "row_page": row_page, "pages": [x for x in pages if x]})

    @staticmethod
    def is_key_col(label):
        return label in ("行次", "栏次") or "编码" in label or "代码" in label or label in ("类", "款", "项")

    def cell_box(self, pg, ts, x, y, w, h, text, fnt, align, role):
        if ts["ruled"]:
            pg.ops.append(("rect", x, y, w, h))
        if not text:
            return
        pad, lh = ts["pad"], ts["lh"]
        lines = M.wrap(text, w - 2 * pad, fnt)
        th = len(lines) * lh
        ty = y + max(pad, (h - th) / 2)
        for ln in lines:
            if ty + lh > y + h + 0.5 and ln is not lines[0]:
                break
            self.text_op(pg, x + pad, ty, w - 2 * pad, ln, fnt, align, role)
            ty += lh

    # ---- document
    def layout(self):
        first = True
        ti = 0
        for b in self.src["blocks"]:
            ty = b.get("type")
            if ty == "heading":
                self.heading(b.get("text", ""), first)
                first = False
            elif ty == "paragraph":
                self.paragraph(b.get("text", ""))
            elif ty == "pagebreak":
                if self.pages and self.page.ops:
                    self.new_page(False)
            elif ty == "table":
                ti += 1
                self.table(b, ti)
        if not self.pages:
            self.new_page(False)
        # drop empty trailing pages
        while len(self.pages) > 1 and not self.pages[-1].ops:
            self.pages.pop()

    # ---- drawing
    def draw(self, path, variant):
        rng = random.Random(f"{variant}-" + self.src.get("id", ""))
        garbled = variant == "garbled"
        p0 = self.pages[0]
        surf = cairo.PDFSurface(path, p0.w, p0.h)
        for k in (cairo.PDFMetadata.CREATE_DATE, cairo.PDFMetadata.MOD_DATE):
            surf.set_metadata(k, "2025-01-01T00:00:00Z")
        surf.set_metadata(cairo.PDFMetadata.CREATOR, "budget2json corpus render.py")
        surf.set_metadata(cairo.PDFMetadata.TITLE, self.src.get("document", {}).get("title") or "")
        cr = cairo.Context(surf)
        fo = M.fo
        unruled_tables = set()
        if garbled:
            for tb in self.tables:
                if rng.random() < 0.34:
                    unruled_tables.add(id(tb))
        # pages whose rects are dropped: the pages of unruled tables (simple: drop rects on those pages)
        drop_pages = set()
        for tb in self.tables:
            if id(tb) in unruled_tables:
                drop_pages.update(tb["pages"])
        for i, pg in enumerate(self.pages):
            surf.set_size(pg.w, pg.h)
            cr.set_source_rgb(1, 1, 1)
            cr.paint()
            cr.set_source_rgb(0, 0, 0)
            look = garbled and rng.random() < 0.85
            spaced = garbled and rng.random() < 0.4
            for op in pg.ops:
                if op[0] == "rect":
                    if (i + 1) in drop_pages:
                        continue
                    _, x, y, w, h = op
                    cr.set_line_width(0.6)
                    cr.rectangle(x, y, w, h)
                    cr.stroke()
                else:
                    _, x, y, w, text, fnt, align, role = op
                    draw_text = text
                    spacing = 0.0
                    if look:
                        draw_text = "".join(LOOKALIKE.get(ch, ch) for ch in draw_text)
                    if spaced and role in ("title", "heading", "head", "cell", "caption") and \
                            sum(is_cjk(ch) for ch in text) >= 2 and cell_value(text) is None:
                        sp = fsize(fnt) * (0.6 if role in ("title", "heading") else 0.45)
                        if M.width(draw_text, fnt, sp) <= w:
                            spacing = sp
                    lay = PangoCairo.create_layout(cr)
                    PangoCairo.context_set_font_options(lay.get_context(), fo)
                    lay.set_font_description(Pango.FontDescription.from_string(fnt))
                    lay.set_text(draw_text, -1)
                    if spacing:
                        al = Pango.AttrList()
                        al.insert(Pango.attr_letter_spacing_new(int(spacing * PS)))
                        lay.set_attributes(al)
                    tw = lay.get_extents()[1].width / PS
                    if align == "right":
                        xx = x + w - tw
                    elif align == "center":
                        xx = x + (w - tw) / 2
                    else:
                        xx = x
                    cr.move_to(xx, y)
                    PangoCairo.show_layout(cr, lay)
            # page number
            cr.show_page()
        surf.finish()

    # ---- truth
    def truth(self):
        src = self.src
        doc = dict(src.get("document") or {})
        out = {"document": {"title": doc.get("title"), "department": doc.get("department"),
                            "fiscal_year": doc.get("fiscal_year"), "kinds": doc.get("kinds") or []},
               "tables": [], "budget_lines": [], "projects": [], "indicators": [], "figures": []}
        for tb in self.tables:
            t = tb["t"]
            tid = f"t{tb['index']}"
            unit = t.get("unit")
            rows = []
            for r, row in enumerate(t["rows"]):
                rows.append({"cells": [{"text": x, "value": cell_value(x), "page": tb["row_page"][r]} for x in row]})
            out["tables"].append({"id": tid, "pages": tb["pages"], "form": t.get("form"), "kind": t.get("kind"),
                                  "title": t.get("title"), "unit": unit, "columns": t["columns"], "rows": rows})
            out["budget_lines"] += budget_lines(t, tid, tb)
            proj = t.get("project")
            pname = None
            if proj:
                pname = proj.get("name")
                funds = []
                for fl in proj.get("funds") or []:
                    funds.append({"line": fl.get("line"),
                                  **{k: cell_value(fl.get(k)) for k in ("initial_budget", "annual_budget", "executed",
                                                                        "weight", "execution_rate", "score")}})
                out["projects"].append({"table": tid, "name": pname, "authority": proj.get("authority"),
                                        "implementer": proj.get("implementer"), "funds": funds,
                                        "total_weight": cell_value(proj.get("total_weight")),
                                        "total_score": cell_value(proj.get("total_score"))})
            start = 0
            for ind in t.get("indicators") or []:
                page = tb["pages"][0] if tb["pages"] else None
                for r in range(start, len(t["rows"])):
                    if ind.get("name") in t["rows"][r]:
                        page = tb["row_page"][r]
                        start = r + 1
                        break
                out["indicators"].append({
                    "table": tid, "project": pname, "level1": ind.get("level1"), "level2": ind.get("level2"),
                    "name": ind.get("name"), "target": parse_expr(ind.get("target")),
                    "actual": parse_expr(ind.get("actual")), "weight": cell_value(ind.get("weight")),
                    "score": cell_value(ind.get("score")), "note": ind.get("note"), "page": page})
        for fg in src.get("figures") or []:
            page = None
            for text, pos in self.para_pos:
                k = text.find(fg["text"])
                if k >= 0:
                    for off, pg in pos:
                        if off <= k:
                            page = pg
                    break
            if page is None:
                print(f"render: {src.get('id')}: figure {fg.get('key')}: sentence not found in any paragraph",
                      file=sys.stderr)
            v = None if fg.get("value") is None else Decimal(str(fg["value"]).replace(",", ""))
            f = {"key": fg["key"], "label": fg.get("label"), "value": v, "unit": fg.get("unit"),
                 "yuan": yuan_of(v, fg.get("unit")), "page": page, "text": fg.get("text"),
                 "text_value": fg.get("text_value")}
            out["figures"].append(f)
        return out


LINE_KINDS = {"income_expenditure_summary", "income", "expenditure", "appropriation_summary",
              "general_budget_expenditure", "basic_expenditure_detail", "government_fund", "state_capital",
              "three_public"}


def col_role(label):
    lab = label.replace(" ", "")
    if lab in ("行次", "栏次"):
        return "rowno"
    if "编码" in lab or "代码" in lab or lab in ("类", "款", "项"):
        return "code"
    if lab in ("项目", "科目名称", "科目") or lab.endswith("名称") or lab.startswith("项目(") or lab.startswith("项目（"):
        return "name"
    return "value"


def budget_lines(t, tid, tb):
    if t.get("kind") not in LINE_KINDS:
        return []
    lines_spec = t.get("lines", "auto")
    if isinstance(lines_spec, list):
        out = []
        for ln in lines_spec:
            ln = dict(ln)
            ln.setdefault("table", tid)
            ln.setdefault("form", t.get("form"))
            if ln.get("value") is not None:
                ln["value"] = Decimal(str(ln["value"]))
            ln.setdefault("unit", t.get("unit"))
            ln["yuan"] = yuan_of(ln.get("value"), ln.get("unit"))
            out.append(ln)
        return out
    cols = t["columns"]
    roles = [col_role(c) for c in cols]
    groups = []
    cur = None
    for i, r in enumerate(roles):
        if cur is None or (r != "value" and cur["values"]):
            cur = {"code": [], "name": None, "values": []}
            groups.append(cur)
        if r == "code":
            cur["code"].append(i)
        elif r == "name":
            if cur["name"] is None:
                cur["name"] = i
        elif r == "value":
            cur["values"].append(i)
    economic = t.get("kind") == "basic_expenditure_detail" or any("经济分类" in c for c in cols) or \
        any("经济分类" in (h.get("text") or "") for hr in (t.get("header") or []) for h in hr)
    unit = t.get("unit")
    out = []
    for r, row in enumerate(t["rows"]):
        for g in groups:
            code = "".join(row[i] for i in g["code"]).replace(" ", "")
            code = code if code.isdigit() else None
            name = row[g["name"]] if g["name"] is not None else ""
            level = cls = None
            if code:
                if economic:
                    level = {3: "类", 5: "款"}.get(len(code))
                    cls = "economic"
                else:
                    level = {3: "类", 5: "款", 7: "项"}.get(len(code))
                    cls = "functional" if level else None
            for i in g["values"]:
                v = cell_value(row[i])
                if v is None:
                    continue
                out.append({"table": tid, "form": t.get("form"), "code": code, "level": level,
                            "classification": cls, "name": name, "column": cols[i], "value": v, "unit": unit,
                            "yuan": yuan_of(v, unit), "page": tb["row_page"][r]})
    return out


def main():
    global M
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("--variant", default="digital", choices=["digital", "garbled"])
    ap.add_argument("--pdf", required=True)
    ap.add_argument("--truth")
    a = ap.parse_args()
    with open(a.source, encoding="utf-8") as f:
        src = json.load(f)
    M = Measure()
    r = Renderer(src)
    r.layout()
    r.draw(a.pdf, a.variant)
    if a.truth:
        tr = r.truth()
        with open(a.truth, "w", encoding="utf-8") as f:
            f.write(dumps(tr) + "\n")
    print(f"{a.pdf}\t{len(r.pages)}", file=sys.stderr)


if __name__ == "__main__":
    main()
