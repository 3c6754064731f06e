#!/usr/bin/python3
"""Synthetic report generator for the budget2json corpus (docs/CORPUS.md source format).

Deterministic: every document is drawn from random.Random("<seed>-<index>"); all money is
decimal.Decimal (never float), so every printed sum, hierarchy and cross-table identity holds
exactly.  Usage:

    generate.py --seed 1 --count 16 --out corpus/sources      # writes syn-001.json … syn-016.json
"""
import argparse
import json
import os
import random
import re
import sys
from decimal import Decimal as D, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
CENT = D("0.01")


# ---------------------------------------------------------------- subjects
def load_subjects():
    subj = {}
    with open(os.path.join(HERE, "subjects.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            code, name, cls = line.rstrip("\n").split("\t")
            subj[(code, cls)] = name
    return subj


SUBJ = load_subjects()


YEAR = 2023


def fname(code):
    if code == "210" and YEAR < 2019:
        return "医疗卫生与计划生育支出"
    return SUBJ[(code, "functional")]


def ename(code):
    return SUBJ[(code, "economic")]


# 类 numbering as printed on 公开01表/04表 (2020s standard order)
LEI_ORDER = ["201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213",
             "214", "215", "216", "217", "219", "220", "221", "222", "224", "227", "229", "230",
             "231", "232"]
CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
          "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三",
          "二十四", "二十五", "二十六"]

# ---------------------------------------------------------------- departments
# basic: functional 项 that carry basic (running) spending; proj: 项 that carry projects.
DEPTS = [
    {"suffix": "医疗保障局", "short": "医保局",
     "basic": ["2101501", "2101550"], "proj": ["2101505", "2101506", "2101301", "2101399", "2101202"],
     "projects": ["医保基金监管专项经费", "城乡医疗救助补助资金", "医保经办服务能力提升项目",
                  "离休人员医药费", "医保信息化建设经费"]},
    {"suffix": "人民法院", "short": "法院",
     "basic": ["2040501", "2040550"], "proj": ["2040502", "2040504", "2040505", "2040599"],
     "projects": ["审判业务专项经费", "执行攻坚专项经费", "诉讼服务中心运行经费",
                  "人民陪审员经费", "智慧法院建设项目"]},
    {"suffix": "人民检察院", "short": "检察院",
     "basic": ["2040401", "2040450"], "proj": ["2040402", "2040403", "2040499"],
     "projects": ["检察业务专项经费", "公益诉讼办案经费", "检察信息化运维经费", "未成年人检察工作经费"]},
    {"suffix": "教育局", "short": "教育局",
     "basic": ["2050101", "2050201", "2050202", "2050203"],
     "proj": ["2050102", "2050204", "2050302", "2050803", "2050299"],
     "projects": ["义务教育公用经费补助", "学前教育发展专项资金", "教师培训经费",
                  "校园安全保障经费", "学生资助补助经费"]},
    {"suffix": "财政局", "short": "财政局",
     "basic": ["2010601", "2010650"], "proj": ["2010602", "2010604", "2010605", "2010607", "2010699"],
     "projects": ["预算绩效管理专项经费", "财政信息化建设经费", "国库集中支付业务经费",
                  "政府采购监管经费", "财政投资评审经费"]},
    {"suffix": "司法局", "short": "司法局",
     "basic": ["2040601", "2040650"], "proj": ["2040602", "2040604", "2040605", "2040607", "2040610"],
     "projects": ["普法宣传专项经费", "社区矫正工作经费", "人民调解工作经费", "公共法律服务体系建设经费"]},
    {"suffix": "农业农村局", "short": "农业农村局",
     "basic": ["2130101", "2130104"], "proj": ["2130102", "2130106", "2130108", "2130109", "2130122",
                                               "2130153"],
     "projects": ["高标准农田建设项目", "农产品质量安全监管经费", "动物防疫专项经费",
                  "农业技术推广经费", "农村人居环境整治经费"]},
    {"suffix": "卫生健康委员会", "short": "卫健委",
     "basic": ["2100101"], "proj": ["2100102", "2100401", "2100403", "2100408", "2100409", "2100717"],
     "projects": ["基本公共卫生服务项目", "重大传染病防控经费", "妇幼健康服务经费",
                  "计划生育家庭奖励扶助资金", "卫生监督执法经费"]},
    {"suffix": "文化和旅游局", "short": "文旅局",
     "basic": ["2070101"], "proj": ["2070102", "2070104", "2070108", "2070109", "2070112", "2070204"],
     "projects": ["公共文化服务体系建设经费", "文物保护专项资金", "图书馆免费开放经费",
                  "群众文化活动经费", "文化市场综合执法经费"]},
    {"suffix": "交通运输局", "short": "交通局",
     "basic": ["2140101"], "proj": ["2140102", "2140104", "2140106", "2140112"],
     "projects": ["农村公路养护资金", "道路运输安全监管经费", "公路建设项目前期经费", "治超工作经费"]},
    {"suffix": "审计局", "short": "审计局",
     "basic": ["2010801"], "proj": ["2010802", "2010804", "2010806"],
     "projects": ["审计业务专项经费", "审计信息化建设经费", "政府投资审计经费"]},
    {"suffix": "统计局", "short": "统计局",
     "basic": ["2010501", "2010550"], "proj": ["2010502", "2010505", "2010507", "2010508"],
     "projects": ["经济普查经费", "统计调查专项经费", "统计数据质量核查经费"]},
    {"suffix": "市场监督管理局", "short": "市场监管局",
     "basic": ["2013801", "2013850"], "proj": ["2013802", "2013804", "2013805", "2013815", "2013816"],
     "projects": ["食品安全抽检经费", "特种设备安全监察经费", "市场秩序执法经费", "质量提升专项经费"]},
    {"suffix": "人力资源和社会保障局", "short": "人社局",
     "basic": ["2080101", "2080109"], "proj": ["2080102", "2080199"],
     "projects": ["劳动保障监察经费", "就业创业服务经费", "人事考试经费"]},
    {"suffix": "应急管理局", "short": "应急局",
     "basic": ["2240101"], "proj": ["2240102", "2240106", "2240199"],
     "projects": ["安全生产监管执法经费", "应急救援物资储备经费", "防灾减灾宣传经费"]},
]

PLACES = [
    ("北京市", "海淀区"), ("北京市", "门头沟区"), ("上海市", "普陀区"), ("南京市", "高淳区"),
    ("杭州市", "临安区"), ("长沙市", "望城区"), ("宜昌市", "夷陵区"), ("成都市", "郫都区"),
    ("承德市", ""), ("佛山市", "南海区"), ("潍坊市", ""), ("洛阳市", "西工区"), ("九江市", ""),
    ("合肥市", "包河区"), ("泉州市", ""), ("岳阳市", "屈原管理区"), ("海东市", "平安区"),
    ("遵义市", "汇川区"),
]

COMMON_BASIC = ["2080505", "2080506", "2101101", "2210201"]
OPTIONAL_BASIC = ["2080501", "2080502", "2101102", "2101103", "2101199", "2210202", "2080508"]


# ---------------------------------------------------------------- money helpers
def q(x):
    return D(x).quantize(CENT, rounding=ROUND_HALF_UP)


def rand_amount(rng, lo, hi, scale=1):
    """uniform amount in [lo, hi]*scale with cents."""
    lo_c, hi_c = int(D(lo) * scale * 100), int(D(hi) * scale * 100)
    return D(rng.randint(lo_c, hi_c)) / 100


def split(rng, total, n, zero_p=0.0):
    """Split total (Decimal, cents) into n non-negative cent amounts summing exactly to total."""
    cents = int(total * 100)
    if n == 1:
        return [total]
    w = [0 if rng.random() < zero_p else rng.random() + 0.05 for _ in range(n)]
    if sum(w) == 0:
        w[0] = 1.0
    s = sum(w)
    parts = [int(cents * wi / s) for wi in w]
    parts[max(range(n), key=lambda i: w[i])] += cents - sum(parts)
    return [D(p) / 100 for p in parts]


class Fmt:
    """How a document prints amounts."""

    def __init__(self, rng, unit):
        self.unit = unit
        self.sep = unit == "元" and rng.random() < 0.6
        self.zero = rng.choice(["", "", "0", "0.00"]) if unit == "万元" else rng.choice(["", "0.00", "0"])
        self.trim = unit == "万元" and rng.random() < 0.35
        self.prose_sep = unit == "元"

    def cell(self, v, zero=None):
        if v is None:
            return ""
        if v == 0:
            return self.zero if zero is None else zero
        s = format(v, ",.2f") if self.sep else format(v, ".2f")
        if self.trim and "." in s:
            s = s.rstrip("0").rstrip(".")
        return s

    def prose(self, v):
        s = format(v, ",.2f") if self.prose_sep else format(v, ".2f")
        if self.unit == "万元" and self.trim and "." in s:
            s = s.rstrip("0").rstrip(".")
        return s


def pct(a, b, places=2):
    if b == 0:
        return "0"
    return str((D(a) * 100 / D(b)).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- table builders
def hcell(text, colspan=1, rowspan=1):
    c = {"text": text}
    if colspan > 1:
        c["colspan"] = colspan
    if rowspan > 1:
        c["rowspan"] = rowspan
    return c


def table(kind, title, columns, header, rows, *, form=None, caption=None, unit="万元", dept=None,
          widths=None, note=None, merges=None, project=None, indicators=None, unit_style=0,
          lines="auto"):
    for r in rows:
        assert len(r) == len(columns), (title, r, columns)
    if kind not in ("income_expenditure_summary", "income", "expenditure", "appropriation_summary",
                    "general_budget_expenditure", "basic_expenditure_detail", "government_fund",
                    "state_capital", "three_public"):
        lines = []
    unit_line = None
    if unit:
        unit_line = ["单位：" + unit, "金额单位：" + unit, "单位:" + unit][unit_style % 3]
    return {
        "form": form, "caption": caption, "kind": kind, "title": title, "unit": unit,
        "unit_line": unit_line, "department_line": ("部门：" + dept) if dept else None,
        "header": header, "columns": columns, "rows": rows, "merges": merges or [],
        "col_widths": widths or [1] * len(columns), "note": note, "lines": lines,
        "project": project, "indicators": indicators,
    }


def subject_rows(rng, amounts, ncols, style, fmt, total_label="合计"):
    """amounts: {项code: [v1..vn]}; returns (code/name cells prefix builder) rows.

    style: 'tree' (类/款/项 rows), 'leaf' (项 only), 'split' (类/款/项 columns, tree)."""
    def addv(acc, k, vals):
        if k not in acc:
            acc[k] = [D(0)] * ncols
        acc[k] = [a + b for a, b in zip(acc[k], vals)]

    lei, kuan = {}, {}
    total = [D(0)] * ncols
    for code, vals in amounts.items():
        addv(lei, code[:3], vals)
        addv(kuan, code[:5], vals)
        total = [a + b for a, b in zip(total, vals)]
    rows = []

    def key(code, name):
        if style == "split":
            return [code[:3], code[3:5] if len(code) >= 5 else "", code[5:7] if len(code) == 7 else "",
                    name]
        return [code, name]

    nkey = 4 if style == "split" else 2
    rows.append(([""] * (nkey - 1)) + [total_label] + [fmt.cell(v) for v in total])
    codes = sorted(amounts)
    if style == "leaf":
        if rng.random() < 0.3:
            rng.shuffle(codes)  # seed 001 prints 项 rows out of code order
        for c in codes:
            rows.append(key(c, fname(c)) + [fmt.cell(v) for v in amounts[c]])
    else:
        for l in sorted(lei):
            rows.append(key(l, fname(l)) + [fmt.cell(v) for v in lei[l]])
            for k in sorted(x for x in kuan if x.startswith(l)):
                rows.append(key(k, fname(k)) + [fmt.cell(v) for v in kuan[k]])
                for c in sorted(x for x in codes if x.startswith(k)):
                    rows.append(key(c, fname(c)) + [fmt.cell(v) for v in amounts[c]])
    return rows, total, lei


def code_header(style, code_label, first_label="项目"):
    """header cells (rows) for the code/name block."""
    if style == "split":
        return 4, [hcell(first_label, 4)], [hcell(code_label, 3), hcell("科目名称", rowspan=2)], \
            [hcell("类"), hcell("款"), hcell("项")], ["类", "款", "项", "科目名称"]
    return 2, [hcell(first_label, 2)], [hcell(code_label), hcell("科目名称")], None, [code_label, "科目名称"]


def code_table(kind, title, vlabels, amounts, style, fmt, *, form=None, caption=None, unit, dept,
               note=None, code_label="科目编码", lanci=True, group=None, unit_style=0, rng=None):
    """A code/name table with value columns vlabels; group=(label, start, n) puts a spanning
    group header over value columns start..start+n."""
    rows, total, lei = subject_rows(rng, amounts, len(vlabels), style, fmt)
    nkey, top, mid, low, keycols = code_header(style, code_label)
    header = []
    if style == "split":
        # rows: [项目 (4)] + values ; [编码 (3), 科目名称 rs2] ; [类 款 项]
        r0 = list(top)
        r1 = list(mid)
        r2 = list(low)
        _add_value_header(r0, r1, r2, vlabels, group, three=True)
        header = [r0, r1, r2]
    else:
        r0 = list(top)
        r1 = list(mid)
        _add_value_header(r0, r1, None, vlabels, group, three=False)
        header = [r0, r1]
    if lanci:
        header.append([hcell("栏次", nkey)] + [hcell(str(i + 1)) for i in range(len(vlabels))])
    widths = ([0.7, 0.5, 0.5, 3.0] if style == "split" else [1.3, 3.2]) + [1.25 if unit == "万元" else 1.6] * len(vlabels)
    t = table(kind, title, keycols + list(vlabels), header, rows, form=form, caption=caption,
              unit=unit, dept=dept, widths=widths, note=note, unit_style=unit_style)
    return t, total, lei


def _add_value_header(r0, r1, r2, vlabels, group, three):
    span = 3 if three else 2
    i = 0
    while i < len(vlabels):
        if group and i == group[1]:
            r0.append(hcell(group[0], group[2]))
            for j in range(group[2]):
                r1.append(hcell(vlabels[i + j], rowspan=span - 1))
            i += group[2]
        else:
            r0.append(hcell(vlabels[i], rowspan=span))
            i += 1


# ---------------------------------------------------------------- document model
class Doc:
    def __init__(self, rng, idx):
        self.rng = rng
        self.idx = idx
        self.dept_t = DEPTS[(idx * 7 + rng.randint(0, 1)) % len(DEPTS)]
        city, dist = rng.choice(PLACES)
        self.place = city + dist
        self.dept = self.place + self.dept_t["suffix"]
        self.short = (dist or city) + self.dept_t["short"]
        # subjects such as 21015 医疗保障管理事务 or 22401 应急管理事务 exist from 2019 on
        modern = self.dept_t["suffix"] in ("医疗保障局", "应急管理局", "市场监督管理局", "卫生健康委员会",
                                           "文化和旅游局", "农业农村局")
        self.year = rng.randint(2019 if modern else 2017, 2025)
        global YEAR
        YEAR = self.year
        self.blocks = []
        self.figures = []

    def heading(self, text):
        self.blocks.append({"type": "heading", "text": text})

    def para(self, text):
        self.blocks.append({"type": "paragraph", "text": text})

    def fig(self, key, label, value, unit, sentence, text_value=None):
        if value is not None:
            fmt = getattr(self, "fmt", None)
            value = fmt.prose(value).replace(",", "") if (fmt and unit) else str(value)
        f = {"key": key, "label": label, "value": value, "unit": unit,
             "text": sentence}
        if text_value is not None:
            f["text_value"] = text_value
        self.figures.append(f)

    def pagebreak(self):
        self.blocks.append({"type": "pagebreak"})

    def tbl(self, t, orientation="portrait", ruled=None):
        if ruled is None:  # some born-digital reports draw tables with no rules at all
            ruled = self.rng.random() >= 0.08
        self.blocks.append({"type": "table", "orientation": orientation, "ruled": ruled, "table": t})


def gen_items(doc, unit, budget=False):
    """Functional 项 with basic / fiscal project / other project / fund amounts (Decimal)."""
    rng = doc.rng
    scale = D(1) if unit == "万元" else D(10000)
    d = doc.dept_t
    basic_codes = list(d["basic"][: rng.randint(1, len(d["basic"]))])
    basic_codes += COMMON_BASIC + rng.sample(OPTIONAL_BASIC, rng.randint(0, 3))
    proj_codes = rng.sample(d["proj"], rng.randint(min(2, len(d["proj"])), len(d["proj"])))
    if rng.random() < 0.2:  # a department with many subordinate units: many subjects
        basic_codes = list(d["basic"]) + COMMON_BASIC + OPTIONAL_BASIC
        proj_codes = list(d["proj"])
    items = {}
    big = rng.random() < 0.3
    for c in basic_codes:
        hi = "900" if c in d["basic"] else "60"
        if big and c in d["basic"]:
            hi = "5000"
        items.setdefault(c, {"basic": D(0), "proj": D(0), "other": D(0), "fund": D(0)})
        items[c]["basic"] += q(rand_amount(rng, "3", hi, scale))
    for c in proj_codes:
        items.setdefault(c, {"basic": D(0), "proj": D(0), "other": D(0), "fund": D(0)})
        hi = "30000" if big else "800"
        items[c]["proj"] += q(rand_amount(rng, "1", hi, scale))
    # some non-fiscal money on one project line
    doc.other_kind = None
    if rng.random() < 0.3:
        c = rng.choice(proj_codes)
        items[c]["other"] = q(rand_amount(rng, "5", "120", scale))
        doc.other_kind = rng.choice(["事业收入", "其他收入"])
    # government fund money
    doc.has_fund = rng.random() < 0.25
    if doc.has_fund:
        fc = rng.choice(["2296002", "2296003", "2296013"])
        items[fc] = {"basic": D(0), "proj": D(0), "other": D(0), "fund": q(rand_amount(rng, "10", "300", scale))}
    return items


def econ_breakdown(rng, basic_total, with_capital):
    """Economic-classification split of basic spending: returns (personnel, public, detail)
    where detail maps 5-digit economic codes to amounts (exact)."""
    share = D(rng.randint(70, 90)) / 100
    personnel = q(basic_total * share)
    public = basic_total - personnel
    p301 = ["30101", "30102", "30103", "30107", "30108", "30109", "30110", "30112", "30113", "30199"]
    p303 = ["30302", "30305", "30307"]
    c302 = ["30201", "30202", "30205", "30206", "30207", "30211", "30213", "30215", "30216", "30217",
            "30226", "30228", "30229", "30231", "30239", "30299"]
    c310 = ["31002", "31007"]
    n303 = rng.randint(0, 2)
    pers_codes = p301 + sorted(rng.sample(p303, n303))
    vals = split(rng, personnel, len(pers_codes), zero_p=0.1)
    detail = dict(zip(pers_codes, vals))
    pub_codes = list(c302)
    if with_capital:
        pub_codes += c310
    vals = split(rng, public, len(pub_codes), zero_p=0.3)
    detail.update(zip(pub_codes, vals))
    return personnel, public, detail


def three_public(rng, scale, unit):
    def amt(lo, hi):
        return q(rand_amount(rng, lo, hi, scale))
    b_out = amt("1", "8") if rng.random() < 0.15 else D(0)
    b_buy = amt("10", "30") if rng.random() < 0.15 else D(0)
    b_run = amt("1", "12") if rng.random() < 0.7 else D(0)
    b_rec = amt("0.5", "6")
    budget = [b_out, b_buy, b_run, b_rec]
    actual = [q(x * D(rng.randint(40, 100)) / 100) for x in budget]
    return budget, actual


def tp_row(fmt, v):
    out, buy, run, rec = v
    return [fmt.cell(out + buy + run + rec), fmt.cell(out), fmt.cell(buy + run), fmt.cell(buy),
            fmt.cell(run), fmt.cell(rec)]


TP_LEAVES = ["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"]


def tp_header_cells(group_label=None):
    r1 = [hcell("合计", rowspan=2), hcell("因公出国（境）费", rowspan=2),
          hcell("公务用车购置及运行维护费", 3), hcell("公务接待费", rowspan=2)]
    r2 = [hcell("小计"), hcell("公务用车购置费"), hcell("公务用车运行维护费")]
    return r1, r2


# ---------------------------------------------------------------- final accounts
def final_accounts(doc, unit):
    rng = doc.rng
    fmt = Fmt(rng, unit)
    doc.fmt = fmt
    y = doc.year
    dept = doc.dept
    items = gen_items(doc, unit)
    style = doc.style or rng.choice(["tree", "tree", "leaf", "split"])
    code_label = rng.choice(["科目编码", "功能分类科目编码", "科目代码"])
    us = rng.randint(0, 2)
    cap_fmt = rng.choice(["公开 {:02d} 表", "公开{:02d}表"])

    def cap(n):
        return cap_fmt.format(n), "公开{:02d}表".format(n)

    gb = {c: v["basic"] + v["proj"] for c, v in items.items() if v["basic"] + v["proj"] > 0}
    fund = {c: v["fund"] for c, v in items.items() if v["fund"] > 0}
    other = {c: v["other"] for c, v in items.items() if v["other"] > 0}
    tot_basic = sum(v["basic"] for v in items.values())
    tot_proj = sum(v["proj"] + v["other"] + v["fund"] for v in items.values())
    tot_gb = sum(gb.values())
    tot_fund = sum(fund.values(), D(0))
    tot_other = sum(other.values(), D(0))
    tot = tot_basic + tot_proj
    carry = D(0)
    if rng.random() < 0.3:
        carry = q(rand_amount(rng, "1", "50", 1 if unit == "万元" else 10000))
    lei_exp = {}
    lei_gb = {}
    lei_fund = {}
    for c, v in items.items():
        lei_exp[c[:3]] = lei_exp.get(c[:3], D(0)) + v["basic"] + v["proj"] + v["other"] + v["fund"]
        lei_gb[c[:3]] = lei_gb.get(c[:3], D(0)) + v["basic"] + v["proj"]
        lei_fund[c[:3]] = lei_fund.get(c[:3], D(0)) + v["fund"]

    # ---------------- prose (first part)
    doc.heading(f"{y}年度{dept}部门决算")
    doc.heading("第一部分 部门概况")
    doc.para(f"一、部门职责。{dept}是主管全{doc.place[-3:] if len(doc.place) > 3 else doc.place}"
             f"相关工作的{'政府工作部门' if doc.dept_t['suffix'].endswith('局') else '机关单位'}，"
             f"主要职责是贯彻落实上级决策部署，组织实施本行业发展规划，做好{doc.dept_t['short']}各项业务工作。")
    doc.para(f"二、机构设置。本部门{y}年度部门决算汇总公开单位包括本级及所属{rng.randint(0, 4)}个事业单位。"
             f"编制数{rng.randint(12, 120)}人，实有人数{rng.randint(10, 110)}人。")
    pass  # tables follow the overview on the same page
    doc.heading("第二部分 部门决算表")

    # ---------------- 01
    inc_items = [("一、一般公共预算财政拨款收入", tot_gb), ("二、政府性基金预算财政拨款收入", tot_fund),
                 ("三、国有资本经营预算财政拨款收入", D(0)), ("四、上级补助收入", D(0)),
                 ("五、事业收入", tot_other if doc.other_kind == "事业收入" else D(0)),
                 ("六、经营收入", D(0)), ("七、附属单位上缴收入", D(0)),
                 ("八、其他收入", tot_other if doc.other_kind == "其他收入" else D(0))]
    used = sorted(lei_exp)
    shown = [l for l in LEI_ORDER if l in used or LEI_ORDER.index(l) < rng.choice([0, 6, 6, 10])]
    shown = sorted(set(shown), key=LEI_ORDER.index)
    exp_items = [(CN_NUM[LEI_ORDER.index(l)] + "、" + fname(l), lei_exp.get(l, D(0))) for l in shown]
    n = max(len(inc_items), len(exp_items))
    left = inc_items + [("", None)] * (n - len(inc_items))
    right = exp_items + [("", None)] * (n - len(exp_items))
    rows = []
    ln = 1
    rn = n + 5
    for i in range(n):
        rows.append([left[i][0], str(ln), fmt.cell(left[i][1]) if left[i][1] is not None else "",
                     right[i][0], str(rn), fmt.cell(right[i][1]) if right[i][1] is not None else ""])
        ln += 1
        rn += 1
    foot = [("本年收入合计", tot, "本年支出合计", tot),
            ("使用非财政拨款结余（含专用结余）", D(0), "结余分配", D(0)),
            ("年初结转和结余", carry, "年末结转和结余", carry),
            ("总计", tot + carry, "总计", tot + carry)]
    for a, av, b, bv in foot:
        rows.append([a, str(ln), fmt.cell(av), b, str(rn), fmt.cell(bv)])
        ln += 1
        rn += 1
    # fix 行次 of the right half to continue after the left half (as printed in seed 001)
    for i, r in enumerate(rows):
        r[4] = str(len(rows) + 1 + i)
    header = [[hcell("收入", 3), hcell("支出", 3)],
              [hcell("项目"), hcell("行次"), hcell("决算数"), hcell("项目"), hcell("行次"), hcell("决算数")],
              [hcell("栏次"), hcell(""), hcell("1"), hcell("栏次"), hcell(""), hcell("2")]]
    c, f = cap(1)
    t = table("income_expenditure_summary", "收入支出决算总表",
              ["项目", "行次", "决算数", "项目", "行次", "决算数"], header, rows, form=f, caption=c,
              unit=unit, dept=dept, widths=[3.7, 0.5, 1.3 if unit == "万元" else 1.8, 3.7, 0.5, 1.3 if unit == "万元" else 1.8],
              unit_style=us,
              note="注：本表反映部门本年度的总收支和年末结转结余情况。")
    doc.tbl(t, "portrait")

    # ---------------- 02
    inc_amounts = {}
    for cde, v in items.items():
        fisc = v["basic"] + v["proj"] + v["fund"]
        o = v["other"]
        inc_amounts[cde] = [fisc + o, fisc, D(0), o if doc.other_kind == "事业收入" else D(0), D(0), D(0),
                            o if doc.other_kind == "其他收入" else D(0)]
    c, f = cap(2)
    t, _, _ = code_table("income", "收入决算表", ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
                                              "经营收入", "附属单位上缴收入", "其他收入"],
                         inc_amounts, style, fmt, form=f, caption=c, unit=unit, dept=dept,
                         note="注：本表反映部门本年度取得的各项收入情况。", code_label=code_label,
                         unit_style=us, rng=rng)
    doc.tbl(t, "portrait" if rng.random() < 0.3 else "landscape")

    # ---------------- 03
    exp_amounts = {cde: [v["basic"] + v["proj"] + v["other"] + v["fund"], v["basic"],
                         v["proj"] + v["other"] + v["fund"], D(0), D(0), D(0)] for cde, v in items.items()}
    c, f = cap(3)
    t, _, _ = code_table("expenditure", "支出决算表", ["本年支出合计", "基本支出", "项目支出", "上缴上级支出",
                                                   "经营支出", "对附属单位补助支出"],
                         exp_amounts, style, fmt, form=f, caption=c, unit=unit, dept=dept,
                         note="注：本表反映部门本年度各项支出情况。", code_label=code_label, unit_style=us,
                         rng=rng)
    doc.tbl(t, "portrait" if rng.random() < 0.3 else "landscape")

    # ---------------- 04
    inc4 = [("一、一般公共预算财政拨款", tot_gb), ("二、政府性基金预算财政拨款", tot_fund),
            ("三、国有资本经营预算财政拨款", D(0))]
    exp4 = [(CN_NUM[LEI_ORDER.index(l)] + "、" + fname(l), lei_gb.get(l, D(0)) + lei_fund.get(l, D(0)),
             lei_gb.get(l, D(0)), lei_fund.get(l, D(0))) for l in shown]
    n = max(len(inc4), len(exp4))
    rows = []
    for i in range(n):
        a = inc4[i] if i < len(inc4) else ("", None)
        b = exp4[i] if i < len(exp4) else ("", None, None, None)
        rows.append([a[0], "", "" if a[1] is None else fmt.cell(a[1]), b[0], "",
                     "" if b[1] is None else fmt.cell(b[1]), "" if b[2] is None else fmt.cell(b[2]),
                     "" if b[3] is None else fmt.cell(b[3]), "" if b[1] is None else fmt.cell(D(0))])
    rows.append(["本年收入合计", "", fmt.cell(tot_gb + tot_fund), "本年支出合计", "", fmt.cell(tot_gb + tot_fund),
                 fmt.cell(tot_gb), fmt.cell(tot_fund), fmt.cell(D(0))])
    rows.append(["年初财政拨款结转和结余", "", fmt.cell(D(0)), "年末财政拨款结转和结余", "", fmt.cell(D(0)),
                 fmt.cell(D(0)), fmt.cell(D(0)), fmt.cell(D(0))])
    for lbl in ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]:
        rows.append([lbl, "", fmt.cell(D(0)), "", "", "", "", "", ""])
    rows.append(["总计", "", fmt.cell(tot_gb + tot_fund), "总计", "", fmt.cell(tot_gb + tot_fund),
                 fmt.cell(tot_gb), fmt.cell(tot_fund), fmt.cell(D(0))])
    for i, r in enumerate(rows):
        r[1] = str(i + 1)
        r[4] = str(len(rows) + i + 1)
    header = [[hcell("收入", 3), hcell("支出", 6)],
              [hcell("项目"), hcell("行次"), hcell("金额"), hcell("项目"), hcell("行次"), hcell("合计"),
               hcell("一般公共预算财政拨款"), hcell("政府性基金预算财政拨款"), hcell("国有资本经营预算财政拨款")],
              [hcell("栏次"), hcell(""), hcell("1"), hcell("栏次"), hcell(""), hcell("2"), hcell("3"),
               hcell("4"), hcell("5")]]
    c, f = cap(4)
    t = table("appropriation_summary", "财政拨款收入支出决算总表",
              ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
               "国有资本经营预算财政拨款"], header, rows, form=f, caption=c, unit=unit, dept=dept,
              widths=[2.8, 0.55, 1.25, 2.8, 0.55, 1.25, 1.25, 1.25, 1.25], unit_style=us,
              note="注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。")
    doc.tbl(t, "landscape")

    # ---------------- 05
    gb_amounts = {cde: [v["basic"] + v["proj"], v["basic"], v["proj"]] for cde, v in items.items()
                  if v["basic"] + v["proj"] > 0}
    c, f = cap(5)
    t, tot5, _ = code_table("general_budget_expenditure", "一般公共预算财政拨款支出决算表",
                            ["小计", "基本支出", "项目支出"], gb_amounts, style, fmt, form=f, caption=c,
                            unit=unit, dept=dept, note="注：本表反映部门本年度一般公共预算财政拨款支出情况。",
                            code_label=code_label, group=("本年支出", 0, 3), unit_style=us, rng=rng)
    doc.tbl(t, "portrait")

    # ---------------- 06
    personnel, public, detail = econ_breakdown(rng, tot_basic, rng.random() < 0.3)
    econ = [c_ for (c_, cl) in SUBJ if cl == "economic"]
    if rng.random() < 0.3:  # the full standard list, blanks included (as seed 001 prints it)
        g1 = [c_ for c_ in econ if c_[:3] in ("301", "303")]
        g2 = [c_ for c_ in econ if c_[:3] == "302"]
        g3 = [c_ for c_ in econ if c_[:3] in ("307", "310", "399")]
    else:
        g1 = ["301"] + [c_ for c_ in sorted(detail) if c_.startswith("301")] + ["303"] + \
            [c_ for c_ in ["30301", "30302", "30304", "30305", "30307", "30399"]]
        g2 = ["302"] + [c_ for c_ in sorted(detail) if c_.startswith("302")]
        g3 = ["307", "30701", "310"] + ["31002", "31003", "31007", "31013", "31099"] + ["399", "39999"]

    def ev(code):
        if len(code) == 3:
            return sum((v for k, v in detail.items() if k.startswith(code)), D(0))
        return detail.get(code, D(0))

    def grp(lst):
        return [[c_, ename(c_), fmt.cell(ev(c_), zero=fmt.zero if len(c_) == 3 else "")] for c_ in lst]

    G = [grp(g1), grp(g2), grp(g3)]
    n = max(len(g) for g in G)
    rows = []
    for i in range(n):
        r = []
        for g in G:
            r += g[i] if i < len(g) else ["", "", ""]
        rows.append(r)
    rows.append(["", "人员经费合计", fmt.cell(personnel), "", "公用经费合计", fmt.cell(public), "", "", ""])
    merges = [{"row": len(rows) - 1, "col": 4, "rowspan": 1, "colspan": 1}]
    merges = []
    header = [[hcell("人员经费", 3), hcell("公用经费", 6)],
              [hcell("科目编码"), hcell("科目名称"), hcell("决算数")] * 3]
    if rng.random() < 0.5:
        header = [header[1]]
    c, f = cap(6)
    t = table("basic_expenditure_detail", "一般公共预算财政拨款基本支出决算明细表",
              ["科目编码", "科目名称", "决算数"] * 3, header, rows, form=f, caption=c, unit=unit, dept=dept,
              widths=[0.9, 2.6, 1.2] * 3, unit_style=us, merges=merges,
              note="注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。")
    doc.tbl(t, "landscape" if rng.random() < 0.3 else "portrait")

    # ---------------- 07
    c, f = cap(7)
    vl7 = ["年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"]
    if fund:
        fa = {cde: [D(0), v, v, D(0), v, D(0)] for cde, v in fund.items()}
        t, _, _ = code_table("government_fund", "政府性基金预算财政拨款收入支出决算表", vl7, fa, "tree", fmt,
                             form=f, caption=c, unit=unit, dept=dept, group=("本年支出", 2, 3),
                             note="注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
                             code_label="科目编码", unit_style=us, rng=rng)
    else:
        t, _, _ = code_table("government_fund", "政府性基金预算财政拨款收入支出决算表", vl7, {}, "tree", fmt,
                             form=f, caption=c, unit=unit, dept=dept, group=("本年支出", 2, 3),
                             note="注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。\n"
                                  "说明：本部门本年度没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。",
                             code_label="科目编码", unit_style=us, rng=rng)
        t["rows"] = [["", "合计"] + [""] * 6] if style != "split" or True else t["rows"]
        t["rows"] = [r[:2] + [""] * 6 for r in t["rows"]]
        if rng.random() < 0.4:
            t["rows"].append(["", "无"] + ["0"] * 6)
    doc.tbl(t, "portrait")

    # ---------------- 08
    c, f = cap(8)
    t, _, _ = code_table("state_capital", "国有资本经营预算财政拨款支出决算表", ["合计", "基本支出", "项目支出"], {},
                         "tree", fmt, form=f, caption=c, unit=unit, dept=dept, group=("本年支出", 0, 3),
                         note="注：本表反映部门本年度国有资本经营预算财政拨款支出情况。\n"
                              "说明：本部门本年度没有使用国有资本经营预算安排的支出，故本表无数据。",
                         code_label="科目编码", unit_style=us, rng=rng)
    t["rows"] = [["", "合计", "", "", ""]]
    doc.tbl(t, "portrait")

    # ---------------- 09
    scale = D(1) if unit == "万元" else D(10000)
    b3, a3 = three_public(rng, scale, unit)
    r1, r2 = tp_header_cells()
    header = [[hcell("预算数", 6), hcell("决算数", 6)], r1 + r1, r2 + r2,
              [hcell(str(i + 1)) for i in range(12)]]
    cols = ["预算数/" + x for x in ["合计", "因公出国（境）费", "公务用车购置及运行维护费/小计",
                                  "公务用车购置及运行维护费/公务用车购置费",
                                  "公务用车购置及运行维护费/公务用车运行维护费", "公务接待费"]]
    cols += [x.replace("预算数/", "决算数/") for x in cols]
    rows = [tp_row(fmt, b3) + tp_row(fmt, a3)]
    c, f = cap(9)
    t = table("three_public", "财政拨款“三公”经费支出决算表", cols, header, rows, form=f, caption=c, unit=unit,
              dept=dept, widths=[1] * 12, unit_style=us,
              note="注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，"
                   "反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。")
    doc.tbl(t, "landscape" if rng.random() < 0.4 else "portrait")

    # ---------------- prose (explanations) with figures
    pass
    U = unit
    P = fmt.prose
    doc.heading(f"第三部分 {y}年度部门决算情况说明")
    doc.heading("一、收入支出决算总体情况说明")
    s = f"{y}年度收、支总计{P(tot + carry)}{U}。"
    doc.para(s + f"与上年相比，{'增加' if rng.random() < 0.6 else '减少'}{P(q(tot * D(rng.randint(1, 20)) / 100))}{U}。")
    doc.heading("二、收入决算情况说明")
    s = f"{y}年度本年收入合计{P(tot)}{U}"
    doc.para(s + f"，其中：财政拨款收入{P(tot_gb + tot_fund)}{U}，占{pct(tot_gb + tot_fund, tot)}%"
             + (f"；{doc.other_kind}{P(tot_other)}{U}，占{pct(tot_other, tot)}%" if tot_other else "") + "。")
    doc.fig("total_income", "本年收入合计", tot, U, s)
    doc.heading("三、支出决算情况说明")
    s = f"{y}年度本年支出合计{P(tot)}{U}"
    sb = f"基本支出{P(tot_basic)}{U}"
    sp = f"项目支出{P(tot_proj)}{U}"
    doc.para(s + f"，其中：{sb}，占{pct(tot_basic, tot)}%；{sp}，占{pct(tot_proj, tot)}%。")
    doc.fig("total_expenditure", "本年支出合计", tot, U, s)
    doc.fig("basic_expenditure", "基本支出", tot_basic, U, sb)
    doc.fig("project_expenditure", "项目支出", tot_proj, U, sp)
    doc.heading("四、一般公共预算财政拨款支出决算情况说明")
    parts = []
    for l in sorted(lei_gb):
        if lei_gb[l]:
            parts.append(f"{fname(l)}（类）{P(lei_gb[l])}{U}，占{pct(lei_gb[l], tot_gb)}%")
    doc.para(f"{y}年度一般公共预算财政拨款支出{P(tot_gb)}{U}，主要用于以下方面：" + "；".join(parts) + "。")
    doc.heading("五、一般公共预算财政拨款基本支出决算情况说明")
    doc.para(f"{y}年度一般公共预算财政拨款基本支出{P(tot_basic)}{U}，其中：人员经费{P(personnel)}{U}，"
             f"占基本支出的{pct(personnel, tot_basic)}%，主要包括基本工资、津贴补贴、奖金、社会保险及公积金缴费等；"
             f"公用经费{P(public)}{U}，占基本支出的{pct(public, tot_basic)}%，主要包括办公费、印刷费、差旅费、"
             f"会议费、培训费、公务接待费、工会经费等。")
    doc.heading("六、财政拨款“三公”经费支出决算情况说明")
    tb, ta = sum(b3), sum(a3)
    s = f"{y}年度“三公”经费财政拨款支出决算为{P(ta)}{U}"
    if tb == 0:
        cmp_ = "，年初未安排预算"
    elif ta < tb:
        cmp_ = f"，完成预算的{pct(ta, tb, 1)}%，决算数小于预算数的主要原因是厉行节约，严控支出"
    elif ta == tb:
        cmp_ = "，决算数与预算数持平"
    else:
        cmp_ = f"，决算数大于预算数{P(ta - tb)}{U}"
    doc.para(s + cmp_ + f"。其中：因公出国（境）费"
             f"{P(a3[0])}{U}，公务用车购置及运行维护费{P(a3[1] + a3[2])}{U}，公务接待费{P(a3[3])}{U}。")
    doc.fig("three_public", "“三公”经费", ta, U, s)
    doc.heading("七、机关运行经费支出说明")
    admin = q(public * D(rng.randint(60, 100)) / 100)
    s = f"本部门{y}年度机关运行经费支出{P(admin)}{U}"
    doc.para(s + f"，比年初预算数{'减少' if rng.random() < 0.7 else '增加'}{P(q(admin * D(rng.randint(1, 15)) / 100))}{U}。"
             "主要原因是：厉行节约，严格控制一般性支出。")
    doc.fig("admin_operating", "机关运行经费", admin, U, s)
    doc.heading("八、政府采购支出说明")
    gp = q(tot * D(rng.randint(1, 30)) / 1000)
    g1_, g2_ = split(rng, gp, 2)
    s = f"本部门{y}年度政府采购支出总额{P(gp)}{U}"
    doc.para(s + f"，其中：政府采购货物支出{P(g1_)}{U}、政府采购工程支出0{U}、政府采购服务支出{P(g2_)}{U}。")
    doc.fig("gov_procurement", "政府采购", gp, U, s)
    doc.totals = {"total": tot, "basic": tot_basic, "project": tot_proj}
    return items


# ---------------------------------------------------------------- budgets
BUDGET_TITLES = {
    "summary": ["部门收支总表", "收支预算总表", "部门财务收支预算总表", "部门收支预算总表"],
    "income": ["部门收入总表", "收入预算总表", "部门收入预算表"],
    "expenditure": ["部门支出总表", "支出预算总表", "部门支出预算表"],
    "approp": ["财政拨款收支总表", "财政拨款收支预算总表", "部门财政拨款收支预算总表"],
    "general": ["一般公共预算支出表", "一般公共预算支出预算表", "一般公共预算财政拨款支出表"],
    "basic": ["一般公共预算基本支出表", "一般公共预算财政拨款基本支出表", "一般公共预算基本支出预算表"],
    "three": ["一般公共预算“三公”经费支出表", "“三公”经费支出预算表", "财政拨款“三公”经费支出表"],
    "fund": ["政府性基金预算支出表", "政府性基金预算财政拨款支出表", "政府性基金支出预算表"],
}


def budget(doc, unit):
    rng = doc.rng
    fmt = Fmt(rng, unit)
    doc.fmt = fmt
    y = doc.year
    dept = doc.dept
    items = gen_items(doc, unit, budget=True)
    style = doc.style or rng.choice(["tree", "tree", "split"])
    cap_style = rng.choice(["表{}", "附表{}", "预算公开表{:02d}", "表{}-1"])
    titles = {k: rng.choice(v) for k, v in BUDGET_TITLES.items()}
    us = rng.randint(0, 2)
    code_label = rng.choice(["科目编码", "功能科目编码", "科目代码"])

    tot_basic = sum(v["basic"] for v in items.values())
    tot_proj = sum(v["proj"] + v["other"] + v["fund"] for v in items.values())
    tot_gb = sum(v["basic"] + v["proj"] for v in items.values())
    tot_fund = sum(v["fund"] for v in items.values())
    tot_other = sum(v["other"] for v in items.values())
    tot = tot_basic + tot_proj
    lei = {}
    lei_gb = {}
    lei_f = {}
    for c, v in items.items():
        lei[c[:3]] = lei.get(c[:3], D(0)) + v["basic"] + v["proj"] + v["other"] + v["fund"]
        lei_gb[c[:3]] = lei_gb.get(c[:3], D(0)) + v["basic"] + v["proj"]
        lei_f[c[:3]] = lei_f.get(c[:3], D(0)) + v["fund"]
    n = [0]

    def cap():
        n[0] += 1
        return cap_style.format(n[0])

    doc.heading(f"{dept}{y}年部门预算")
    doc.heading("第一部分 部门概况")
    doc.para(f"{dept}主要职责是贯彻执行国家和上级有关方针政策，统筹推进{doc.dept_t['short']}各项工作。"
             f"本部门{y}年部门预算由本级预算和所属{rng.randint(1, 4)}个单位预算组成。")
    doc.heading(f"第二部分 {y}年部门预算情况说明")
    P = fmt.prose
    U = unit
    lab_in = "收入预算合计" if rng.random() < 0.5 else "本年收入合计"
    s = f"{y}年{lab_in}{P(tot)}{U}"
    doc.para("一、收支预算总体情况。" + s + f"，其中：一般公共预算拨款收入{P(tot_gb)}{U}"
             + (f"，政府性基金预算拨款收入{P(tot_fund)}{U}" if tot_fund else "")
             + (f"，{doc.other_kind}{P(tot_other)}{U}" if tot_other else "") + "。")
    doc.fig("total_income", lab_in, tot, U, s)
    s = f"{y}年支出预算合计{P(tot)}{U}"
    sb = f"基本支出{P(tot_basic)}{U}"
    sp = f"项目支出{P(tot_proj)}{U}"
    doc.para("二、支出预算情况。" + s + f"，其中：{sb}，占{pct(tot_basic, tot)}%；{sp}，占{pct(tot_proj, tot)}%。")
    doc.fig("total_expenditure", "支出预算合计", tot, U, s)
    doc.fig("basic_expenditure", "基本支出", tot_basic, U, sb)
    doc.fig("project_expenditure", "项目支出", tot_proj, U, sp)
    scale = D(1) if unit == "万元" else D(10000)
    b3, _ = three_public(rng, scale, unit)
    s = f"{y}年“三公”经费财政拨款预算{P(sum(b3))}{U}"
    doc.para("三、“三公”经费预算情况。" + s + f"，其中：因公出国（境）费{P(b3[0])}{U}，公务用车购置及运行维护费"
             f"{P(b3[1] + b3[2])}{U}，公务接待费{P(b3[3])}{U}。")
    doc.fig("three_public", "“三公”经费", sum(b3), U, s)
    personnel, public, detail = econ_breakdown(rng, tot_basic, False)
    admin = q(public * D(rng.randint(60, 100)) / 100)
    s = f"{y}年本部门机关运行经费预算{P(admin)}{U}"
    doc.para("四、机关运行经费。" + s + "，主要用于办公费、印刷费、水电费、差旅费、会议费等。")
    doc.fig("admin_operating", "机关运行经费", admin, U, s)
    gp = q(tot * D(rng.randint(1, 30)) / 1000)
    s = f"{y}年本部门政府采购预算总额{P(gp)}{U}"
    doc.para("五、政府采购情况。" + s + "，主要用于办公设备及服务采购。")
    doc.fig("gov_procurement", "政府采购", gp, U, s)
    pass
    doc.heading(f"第三部分 {y}年部门预算表")

    # 收支总表
    inc = [("一、一般公共预算拨款收入", tot_gb), ("二、政府性基金预算拨款收入", tot_fund),
           ("三、国有资本经营预算拨款收入", D(0)), ("四、事业收入", tot_other if doc.other_kind == "事业收入" else D(0)),
           ("五、事业单位经营收入", D(0)), ("六、其他收入", tot_other if doc.other_kind == "其他收入" else D(0))]
    exp = [(CN_NUM[i] + "、" + fname(l), lei[l]) for i, l in enumerate(sorted(lei))]
    m = max(len(inc), len(exp))
    rows = []
    for i in range(m):
        a = inc[i] if i < len(inc) else ("", None)
        b = exp[i] if i < len(exp) else ("", None)
        rows.append([a[0], "" if a[1] is None else fmt.cell(a[1]), b[0], "" if b[1] is None else fmt.cell(b[1])])
    rows += [["本年收入合计", fmt.cell(tot), "本年支出合计", fmt.cell(tot)],
             ["上年结转", fmt.cell(D(0)), "结转下年", fmt.cell(D(0))],
             ["收入总计", fmt.cell(tot), "支出总计", fmt.cell(tot)]]
    header = [[hcell("收入", 2), hcell("支出", 2)],
              [hcell("项目"), hcell("预算数"), hcell("项目"), hcell("预算数")]]
    t = table("income_expenditure_summary", titles["summary"], ["项目", "预算数", "项目", "预算数"], header, rows,
              caption=cap(), unit=unit, dept=dept if rng.random() < 0.7 else None, widths=[3, 1.4, 3, 1.4],
              unit_style=us)
    doc.tbl(t, "portrait")

    # 收入总表
    inc_amounts = {c: [v["basic"] + v["proj"] + v["other"] + v["fund"], D(0), v["basic"] + v["proj"], v["fund"],
                       v["other"] if doc.other_kind == "事业收入" else D(0),
                       v["other"] if doc.other_kind == "其他收入" else D(0)] for c, v in items.items()}
    t, _, _ = code_table("income", titles["income"], ["合计", "上年结转", "一般公共预算拨款收入",
                                                      "政府性基金预算拨款收入", "事业收入", "其他收入"],
                         inc_amounts, style, fmt, caption=cap(), unit=unit, dept=dept, code_label=code_label,
                         lanci=False, unit_style=us, rng=rng)
    doc.tbl(t, "landscape" if rng.random() < 0.3 else "portrait")
    # 支出总表
    exp_amounts = {c: [v["basic"] + v["proj"] + v["other"] + v["fund"], v["basic"], v["proj"] + v["other"] + v["fund"]]
                   for c, v in items.items()}
    t, _, _ = code_table("expenditure", titles["expenditure"], ["合计", "基本支出", "项目支出"], exp_amounts, style,
                         fmt, caption=cap(), unit=unit, dept=dept, code_label=code_label, lanci=False,
                         unit_style=us, rng=rng)
    doc.tbl(t, "portrait")
    # 财政拨款收支总表
    inc4 = [("一、本年收入", tot_gb + tot_fund), ("（一）一般公共预算拨款", tot_gb), ("（二）政府性基金预算拨款", tot_fund),
            ("（三）国有资本经营预算拨款", D(0))]
    exp4 = [(CN_NUM[i] + "、" + fname(l), lei_gb[l] + lei_f[l], lei_gb[l], lei_f[l]) for i, l in enumerate(sorted(lei))]
    m = max(len(inc4), len(exp4))
    rows = []
    for i in range(m):
        a = inc4[i] if i < len(inc4) else ("", None)
        b = exp4[i] if i < len(exp4) else ("", None, None, None)
        rows.append([a[0], "" if a[1] is None else fmt.cell(a[1]), b[0]] +
                    ["" if x is None else fmt.cell(x) for x in b[1:]] + ["" if b[1] is None else fmt.cell(D(0))])
    rows.append(["收入总计", fmt.cell(tot_gb + tot_fund), "支出总计", fmt.cell(tot_gb + tot_fund), fmt.cell(tot_gb),
                 fmt.cell(tot_fund), fmt.cell(D(0))])
    header = [[hcell("收入", 2), hcell("支出", 5)],
              [hcell("项目", rowspan=2), hcell("预算数", rowspan=2), hcell("项目", rowspan=2), hcell("合计", rowspan=2),
               hcell("一般公共预算", rowspan=2), hcell("政府性基金预算", rowspan=2), hcell("国有资本经营预算", rowspan=2)],
              ]
    t = table("appropriation_summary", titles["approp"],
              ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"], header[:1] +
              [[hcell("项目"), hcell("预算数"), hcell("项目"), hcell("合计"), hcell("一般公共预算"), hcell("政府性基金预算"),
                hcell("国有资本经营预算")]], rows, caption=cap(), unit=unit, dept=dept,
              widths=[2.6, 1.3, 2.8, 1.3, 1.3, 1.3, 1.3], unit_style=us)
    doc.tbl(t, "portrait")
    # 一般公共预算支出表
    gba = {c: [v["basic"] + v["proj"], v["basic"], v["proj"]] for c, v in items.items() if v["basic"] + v["proj"]}
    t, _, _ = code_table("general_budget_expenditure", titles["general"], ["合计", "基本支出", "项目支出"], gba, style,
                         fmt, caption=cap(), unit=unit, dept=dept, code_label=code_label, lanci=False,
                         unit_style=us, rng=rng)
    doc.tbl(t, "portrait")
    # 基本支出表 (economic)
    rows = [["", "合计", fmt.cell(tot_basic), fmt.cell(personnel), fmt.cell(public)]]
    for top in ["301", "302", "303", "310"]:
        sub = {k: v for k, v in detail.items() if k.startswith(top) and v}
        if not sub:
            continue
        s_ = sum(sub.values())
        is_p = top in ("301", "303")
        rows.append([top, ename(top), fmt.cell(s_), fmt.cell(s_ if is_p else D(0)), fmt.cell(D(0) if is_p else s_)])
        for k in sorted(sub):
            rows.append([k, ename(k), fmt.cell(sub[k]), fmt.cell(sub[k] if is_p else D(0)),
                         fmt.cell(D(0) if is_p else sub[k])])
    header = [[hcell("部门预算支出经济分类科目", 2), hcell("本年一般公共预算基本支出", 3)],
              [hcell("科目编码"), hcell("科目名称"), hcell("合计"), hcell("人员经费"), hcell("公用经费")]]
    t = table("basic_expenditure_detail", titles["basic"], ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
              header, rows, caption=cap(), unit=unit, dept=dept, widths=[1.1, 3.2, 1.3, 1.3, 1.3], unit_style=us)
    doc.tbl(t, "portrait")
    # 三公
    r1, r2 = tp_header_cells()
    header = [r1, r2]
    t = table("three_public", titles["three"], TP_LEAVES, header, [tp_row(fmt, b3)], caption=cap(), unit=unit,
              dept=dept, widths=[1, 1.2, 1, 1.2, 1.2, 1], unit_style=us)
    doc.tbl(t, "portrait")
    # 政府性基金
    fa = {c: [v["fund"], D(0), v["fund"]] for c, v in items.items() if v["fund"]}
    t, _, _ = code_table("government_fund", titles["fund"], ["合计", "基本支出", "项目支出"], fa, "tree", fmt,
                         caption=cap(), unit=unit, dept=dept, code_label=code_label, lanci=False, unit_style=us,
                         note=None if fa else "注：本部门本年度无政府性基金预算支出，故本表无数据。", rng=rng)
    if not fa:
        t["rows"] = [["", "合计", "", "", ""]]
    doc.tbl(t, "portrait")
    # 绩效目标表 for one or two projects
    projs = rng.sample(doc.dept_t["projects"], 2 if rng.random() < 0.3 else 1)
    for pname in projs:
        amount = q(rand_amount(rng, "5", "300", scale))
        goal_table(doc, pname, amount, unit, fmt, cap())
    return items


# ---------------------------------------------------------------- performance
IND_POOL = {
    ("产出指标", "数量指标"): [("开展培训次数", "次", 2, 12), ("覆盖服务人数", "人", 50, 3000),
                          ("检查机构数量", "家", 5, 60), ("发放宣传资料", "份", 200, 5000),
                          ("办结案件数量", "件", 20, 900), ("组织专项活动", "场", 2, 20),
                          ("制定工作方案", "=个", 1, 2), ("服务乡镇（街道）数量", "个", 3, 30)],
    ("产出指标", "质量指标"): [("资金支付准确率", "%", 95, 100), ("验收合格率", "%", 90, 100),
                          ("政策落实到位率", "%", 90, 100), ("数据准确率", "%", 95, 100),
                          ("检查发现问题单位", "≤个单位", 2, 6), ("有效投诉数量", "≤件", 1, 5)],
    ("产出指标", "时效指标"): [("资金拨付及时性", "date", 0, 0), ("项目完成时间", "date", 0, 0),
                          ("任务完成及时率", "%", 90, 100)],
    ("产出指标", "成本指标"): [("项目成本控制", "万元", 0, 0), ("人均培训成本", "≤元", 100, 800)],
    ("效益指标", "经济效益指标"): [("减轻群众负担", "qual", 0, 0)],
    ("效益指标", "社会效益指标"): [("政策知晓率", "%", 80, 95), ("社会影响", "qual", 0, 0),
                            ("群众获得感", "qual", 0, 0)],
    ("效益指标", "可持续影响指标"): [("长效机制建立", "qual", 0, 0), ("持续发挥作用年限", "年", 3, 15)],
    ("满意度指标", "服务对象满意度指标"): [("服务对象满意度", "%", 85, 95), ("群众满意度", "%", 85, 95)],
}
OPS = ["≥", "≥", "≥", "≥", "＞", "不低于"]


def make_indicator(rng, l1, l2, name, kind, lo, hi, year, amount, weight, goal_only):
    note = None
    miss = (not goal_only) and rng.random() < 0.15
    if kind == "%":
        tv = rng.randint(lo, hi)
        op = rng.choice(["≥", "≥", "=", "≥", "≥ "]) if tv < 100 else rng.choice(["=", "", "≥"])
        target = f"{op}{tv}%"
        av = tv - rng.randint(3, 10) if miss else (tv if op == "=" else min(100, tv + rng.randint(0, 5)))
        actual = f"{av}%"
    elif kind == "date":
        target = rng.choice(["12月前完成", f"{year}年12月31日前", "≤1年", "按时完成"])
        actual = target if target != "≤1年" else "1年"
        if target.endswith("前完成"):
            actual = "已完成"
        miss = False
    elif kind == "万元":
        target = f"≤{amount}万元" if rng.random() < 0.7 else f"≤ {amount} 万元"
        actual = f"{amount}万元"
        miss = False
    elif kind.startswith("≤"):
        u = kind[1:]
        tv = rng.randint(lo, hi)
        target = f"≤{tv}{u}"
        av = tv + rng.randint(1, 3) if miss else rng.randint(0, tv)
        actual = f"{av}{u}"
    elif kind.startswith("="):
        u = kind[1:]
        tv = rng.randint(lo, hi)
        target = rng.choice(["=", "＝"]) + f"{tv}{u}"
        av = tv - 1 if miss else tv
        actual = f"{av}{u}"
    elif kind == "qual":
        target = rng.choice(["定性", "有效提升", "显著", "逐步完善", "优", "良好"])
        actual = rng.choice(["达成", "有效提升", "显著", "优"])
        miss = False
    else:
        tv = rng.randint(lo, hi)
        op = rng.choice(["≥", "≥", "=", "不少于"])
        sp = " " if rng.random() < 0.15 else ""
        target = f"{op}{sp}{tv}{sp}{kind}"
        av = max(0, tv - rng.randint(1, max(1, tv // 5))) if miss else \
            (tv if op == "=" else tv + rng.randint(0, max(1, tv // 10)))
        actual = f"{av}{sp}{kind}"
    if goal_only:
        return {"level1": l1, "level2": l2, "name": name, "target": target, "actual": None,
                "weight": str(weight), "score": None, "note": None}
    score = weight
    if miss:
        score = (weight * D(rng.randint(0, 8)) / 10).quantize(D("0.1"), rounding=ROUND_HALF_UP)
        if score == score.to_integral():
            score = score.quantize(D(1))
        note = rng.choice(["受客观因素影响未完全达到预期，下一步加强统筹。", "部分任务推进较慢，将加快实施进度。"])
    return {"level1": l1, "level2": l2, "name": name, "target": target, "actual": actual,
            "weight": str(weight), "score": str(score), "note": note}


def pick_indicators(rng, year, amount, goal_only, total=90):
    """Return indicator list whose weights sum to total (Decimal ints)."""
    l1w = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
    if total == 100:
        l1w = {"产出指标": 50, "效益指标": 30, "满意度指标": 20}
    out = []
    for l1, w1 in l1w.items():
        l2s = [k[1] for k in IND_POOL if k[0] == l1]
        if l1 == "产出指标":
            chosen = ["数量指标", "质量指标", "时效指标"] + (["成本指标"] if rng.random() < 0.7 else [])
        elif l1 == "效益指标":
            chosen = ["社会效益指标"] + [x for x in ["经济效益指标", "可持续影响指标"] if rng.random() < 0.5]
        else:
            chosen = l2s
        chosen = [c for c in l2s if c in chosen]
        inds = []
        for l2 in chosen:
            pool = IND_POOL[(l1, l2)]
            k = 1 if len(pool) == 1 else rng.randint(1, min(2, len(pool)))
            for name, kind, lo, hi in rng.sample(pool, k):
                inds.append((l1, l2, name, kind, lo, hi))
        # integer weights summing to w1
        n = len(inds)
        base = [w1 // n] * n
        for i in range(w1 - sum(base)):
            base[i] += 1
        for (l1_, l2_, name, kind, lo, hi), w in zip(inds, base):
            out.append(make_indicator(rng, l1_, l2_, name, kind, lo, hi, year, amount, D(w), goal_only))
    return out


def indicator_rows(inds, ncols_before, goal_only):
    """rows + merges for the indicator block; level1/level2 merged vertically."""
    rows = []
    for ind in inds:
        r = [ind["level1"], ind["level2"], ind["name"], ind["target"]]
        if not goal_only:
            r += [ind["actual"] or "", ind["weight"], ind["score"] or "", ind["note"] or ""]
        else:
            r += [ind["weight"]]
        rows.append(r)
    merges = []
    for col in (0, 1):
        i = 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and rows[j + 1][col] == rows[i][col] and (col == 0 or rows[j + 1][0] == rows[i][0]):
                j += 1
            if j > i:
                merges.append({"row": i, "col": col + ncols_before, "rowspan": j - i + 1, "colspan": 1})
            i = j + 1
    return rows, merges


def fmt_plain(v):
    s = format(v, "f")
    return s


def project_table(doc, pname, unit_is_yuan, overall=False):
    """项目支出绩效自评表 (or 部门整体支出绩效自评表) as a 9-column form."""
    rng = doc.rng
    y = doc.year
    budget0 = q(rand_amount(rng, "5", "400"))
    annual = budget0 + (q(rand_amount(rng, "0", "50")) if rng.random() < 0.3 else D(0))
    rate_pct = D(rng.randint(60, 100)) if rng.random() < 0.4 else D(100)
    executed = q(annual * rate_pct / 100)
    rate = (executed * 100 / annual).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    rate_txt = (format(rate.normalize(), "f") if rate == rate.to_integral() else format(rate, "f")) + "%"
    fund_w = D(10)
    fund_s = (fund_w * executed / annual).quantize(D("0.1"), rounding=ROUND_HALF_UP)
    if fund_s == fund_s.to_integral():
        fund_s = fund_s.quantize(D(1))
    inds = pick_indicators(rng, y, budget0, False)
    total_w = fund_w + sum(D(i["weight"]) for i in inds)
    total_s = fund_s + sum(D(i["score"]) for i in inds)
    carry = rng.random() < 0.2
    cur = annual if not carry else q(annual * D("0.7"))
    prev = annual - cur
    C = 9
    rows, merges = [], []

    def full(label, text):
        rows.append([label] + [text] * (C - 1))
        merges.append({"row": len(rows) - 1, "col": 1, "rowspan": 1, "colspan": C - 1})

    if overall:
        full("部门名称", doc.dept)
    else:
        full("项目名称", pname)
        auth = doc.dept if rng.random() < 0.6 else doc.short
        rows.append(["主管部门", auth, auth, auth, "实施单位", auth, auth, auth, auth])
        merges.append({"row": len(rows) - 1, "col": 1, "rowspan": 1, "colspan": 3})
        merges.append({"row": len(rows) - 1, "col": 5, "rowspan": 1, "colspan": 4})
    fr0 = len(rows)
    lab = "项目资金（万元）" if not overall else "年度预算申请（万元）"
    rows.append([lab, "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    fl = [("年度资金总额", budget0, annual, executed, str(fund_w), rate_txt, str(fund_s))]
    if not overall or rng.random() < 0.5:
        fl.append(("其中：当年财政拨款", budget0, cur, cur if executed >= cur else executed,
                   "—", "—", "—"))
        fl.append(("上年结转资金", None, prev if prev else None,
                   (executed - cur if executed > cur else None) if prev else None, "—", "—", "—"))
        fl.append(("其他资金", None, None, None, "—", "—", "—"))
        composition = None
    else:  # the whole-department form (seed 001): money by source and by use, as text in the cells
        basic = q(annual * D(rng.randint(30, 80)) / 100)
        composition = [("按收入性质分：", "按支出性质分："),
                       (f"其中：一般公共预算：{fmt_plain(annual)}", f"其中：基本支出：{fmt_plain(basic)}"),
                       ("政府性基金拨款：", f"项目支出：{fmt_plain(annual - basic)}"),
                       ("纳入专户管理的非税收入拨款：", "")]
    funds = []
    for line, a, b, c_, w, r, s in fl:
        cells = ["" if a is None else fmt_plain(a), "" if b is None else fmt_plain(b), "" if c_ is None else fmt_plain(c_)]
        rows.append([lab, line, line] + cells + [w, r, s])
        merges.append({"row": len(rows) - 1, "col": 1, "rowspan": 1, "colspan": 2})
        funds.append({"line": line, "initial_budget": cells[0] or None, "annual_budget": cells[1] or None,
                      "executed": cells[2] or None, "weight": None if w == "—" else w,
                      "execution_rate": None if r == "—" else r.rstrip("%"), "score": None if s == "—" else s})
    for left, right in composition or []:
        rows.append([lab, left, left, left, left, right, right, right, right])
        merges.append({"row": len(rows) - 1, "col": 1, "rowspan": 1, "colspan": 4})
        merges.append({"row": len(rows) - 1, "col": 5, "rowspan": 1, "colspan": 4})
    # first fund-block row: blank cells 1..2 merged
    merges.append({"row": fr0, "col": 1, "rowspan": 1, "colspan": 2})
    merges.append({"row": fr0, "col": 0, "rowspan": len(rows) - fr0, "colspan": 1})
    # goals
    g0 = len(rows)
    goal = rng.choice(["按计划完成年度各项工作任务，提升服务质量和管理水平，确保资金使用安全规范、效益明显。",
                       f"保障{pname or '部门各项工作'}顺利实施，完成年度目标任务，提高群众满意度。"])
    done = "已按计划完成年度目标任务，资金使用规范，取得良好社会效益。"
    rows.append(["年度总体目标", "预期目标", "预期目标", "预期目标", "预期目标", "实际完成情况", "实际完成情况",
                 "实际完成情况", "实际完成情况"])
    rows.append(["年度总体目标", goal, goal, goal, goal, done, done, done, done])
    merges += [{"row": g0, "col": 1, "rowspan": 1, "colspan": 4}, {"row": g0, "col": 5, "rowspan": 1, "colspan": 4},
               {"row": g0 + 1, "col": 1, "rowspan": 1, "colspan": 4},
               {"row": g0 + 1, "col": 5, "rowspan": 1, "colspan": 4},
               {"row": g0, "col": 0, "rowspan": 2, "colspan": 1}]
    i0 = len(rows)
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "偏差原因分析及改进措施"])
    irows, imerges = indicator_rows(inds, 1, False)
    for r in irows:
        rows.append(["绩效指标"] + r)
    for m in imerges:
        m["row"] += i0 + 1
    merges += imerges
    merges.append({"row": i0, "col": 0, "rowspan": len(irows) + 1, "colspan": 1})
    rows.append(["总分"] * 6 + [str(total_w), str(total_s), ""])
    merges.append({"row": len(rows) - 1, "col": 0, "rowspan": 1, "colspan": 6})
    cols = ["项目", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    title = f"{y}年度项目支出绩效自评表" if not overall else f"{y}年度部门整体支出绩效自评表"
    project = None
    if not overall:
        project = {"name": pname, "authority": rows[1][1], "implementer": rows[1][5], "funds": funds,
                   "total_weight": str(total_w), "total_score": str(total_s)}
    t = table("overall_performance" if overall else "project_performance", title, cols, [], rows,
              unit=None, dept=None, widths=[1.3, 1.2, 1.3, 2.4, 1.3, 1.3, 0.8, 0.8, 1.7], merges=merges,
              project=project, indicators=inds)
    t["unit_line"] = None
    doc.tbl(t, "portrait")
    return total_s, annual, executed


def goal_table_simple(doc, pname, amount, caption):
    """The goal table as Beijing districts print it (seed 000): 序号, 三级指标, 指标性质, 指标值,
    度量单位, 指标权重 — the operator, the number and the unit in separate cells."""
    rng = doc.rng
    inds = pick_indicators(rng, doc.year, amount, True, total=100)
    rows = []
    goals = []  # the indicators as the table states them (seed 000's transcription rule)
    for k, ind in enumerate(inds, 1):
        t = ind["target"].replace(" ", "")
        m = re.match(r"^(≥|≤|=|＝|不少于|不低于|＞)?(\d+(?:\.\d+)?)(.*)$", t)
        if m and not re.search(r"[\d前]", m.group(3)):
            op = {"=": "＝", "不少于": "≥", "不低于": "≥", None: "＝"}.get(m.group(1), m.group(1))
            rows.append([str(k), ind["level2"] + ind["name"], op, m.group(2), m.group(3), ind["weight"] + "%"])
            target = op + m.group(2) + m.group(3)
        else:
            rows.append([str(k), ind["level2"] + ind["name"], "定性", "", "", ind["weight"] + "%"])
            target = "定性"
        goals.append({"level1": None, "level2": ind["level2"], "name": ind["name"], "target": target,
                      "actual": None, "weight": ind["weight"], "score": None, "note": None})
    header = [[hcell("序号"), hcell("三级指标"), hcell("指标性质"), hcell("指标值"), hcell("度量单位"), hcell("指标权重")]]
    t = table("indicator_goals", f"{pname}绩效目标", ["序号", "三级指标", "指标性质", "指标值", "度量单位", "指标权重"],
              header, rows, caption=caption, unit=None, dept=None, widths=[0.6, 4.2, 1, 1, 1, 1],
              note=f"年度目标：完成{pname}年度工作任务，资金使用合规。", indicators=goals)
    t["unit_line"] = None
    doc.tbl(t, "portrait")


def goal_table(doc, pname, amount, unit, fmt, caption):
    rng = doc.rng
    if rng.random() < 0.35:
        return goal_table_simple(doc, pname, amount if unit == "万元" else q(amount / 10000), caption)
    inds = pick_indicators(rng, doc.year, amount if unit == "万元" else q(amount / 10000), True, total=100)
    rows, merges = [], []
    C = 6
    rows.append(["项目名称"] + [pname] * (C - 1))
    merges.append({"row": 0, "col": 1, "rowspan": 1, "colspan": C - 1})
    rows.append(["项目资金"] + [f"{fmt.cell(amount)}"] * (C - 1))
    merges.append({"row": 1, "col": 1, "rowspan": 1, "colspan": C - 1})
    g = f"完成{pname}年度工作任务，资金使用合规，服务对象满意度不低于90%。"
    rows.append(["年度目标"] + [g] * (C - 1))
    merges.append({"row": 2, "col": 1, "rowspan": 1, "colspan": C - 1})
    i0 = len(rows)
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "分值"])
    irows, imerges = indicator_rows(inds, 1, True)
    for r in irows:
        rows.append(["绩效指标"] + r)
    for m in imerges:
        m["row"] += i0 + 1
    merges += imerges
    merges.append({"row": i0, "col": 0, "rowspan": len(irows) + 1, "colspan": 1})
    t = table("indicator_goals", "项目支出绩效目标表", ["项目", "一级指标", "二级指标", "三级指标", "指标值", "分值"],
              [], rows, caption=caption, unit=unit, dept=doc.dept, widths=[1.2, 1.4, 1.6, 3.2, 1.8, 0.8],
              merges=merges, project=None, indicators=inds)
    t["unit_line"] = "单位：" + unit
    doc.tbl(t, "portrait")


def grade(score):
    if score >= 90:
        return "优秀"
    if score >= 80:
        return "良好"
    if score >= 60:
        return "合格"
    return "差"


def score_sheet(doc):
    rng = doc.rng
    tree = [("项目决策", [("绩效目标", [("目标内容", 10)]), ("决策过程", [("决策依据", 5), ("决策程序", 5)])]),
            ("项目过程", [("项目资金", [("预算管理", 10), ("财务管理", 5)]), ("项目实施", [("组织机构", 10), ("过程控制", 5)])]),
            ("项目产出", [("项目产出", [("产出数量", 10), ("产出质量", 7), ("产出时效", 7), ("产出成本", 6)])]),
            ("项目效益", [("项目效果", [("社会效益", 10), ("服务对象满意度", 10)])])]
    rows, merges = [], []
    total = D(0)
    for l1, l2s in tree:
        w1 = sum(w for _, l3 in l2s for _, w in l3)
        r1 = len(rows)
        for l2, l3s in l2s:
            w2 = sum(w for _, w in l3s)
            r2 = len(rows)
            for l3, w3 in l3s:
                s = D(w3) - (D(rng.randint(0, 2)) if rng.random() < 0.4 else 0)
                total += s
                rows.append([l1, str(w1), l2, str(w2), l3, str(w3), str(s)])
            if len(rows) - r2 > 1:
                merges += [{"row": r2, "col": 2, "rowspan": len(rows) - r2, "colspan": 1},
                           {"row": r2, "col": 3, "rowspan": len(rows) - r2, "colspan": 1}]
        if len(rows) - r1 > 1:
            merges += [{"row": r1, "col": 0, "rowspan": len(rows) - r1, "colspan": 1},
                       {"row": r1, "col": 1, "rowspan": len(rows) - r1, "colspan": 1}]
    rows.append(["总计", "100", "", "100", "", "100", str(total)])
    header = [[hcell("一级指标"), hcell("分值"), hcell("二级指标"), hcell("分值"), hcell("三级指标"), hcell("分值"),
               hcell("得分")]]
    t = table("score_sheet", "项目支出绩效评价指标体系及评分表", ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
              header, rows, unit=None, dept=None, widths=[1.3, 0.7, 1.3, 0.7, 2, 0.7, 0.8], merges=merges)
    t["unit_line"] = None
    doc.tbl(t, "portrait")
    return total


def performance(doc, with_overall, nproj):
    rng = doc.rng
    y = doc.year
    doc.heading(f"{doc.dept}{y}年度{'部门整体支出' if with_overall else '项目支出'}绩效自评报告")
    doc.heading("一、基本情况")
    doc.para(f"{doc.dept}按照预算绩效管理要求，对{y}年度{'部门整体支出及' if with_overall else ''}项目支出开展绩效自评。"
             "自评工作坚持客观公正、实事求是的原则，对照年初设定的绩效目标逐项核实完成情况。")
    results = []
    names = rng.sample(doc.dept_t["projects"], min(nproj, len(doc.dept_t["projects"])))
    doc.heading("二、绩效目标完成情况")
    placeholder = len(doc.blocks)
    doc.para("（见附表）")
    doc.pagebreak()  # the self-evaluation tables are annexes
    if with_overall:
        s, a, e = project_table(doc, None, False, overall=True)
        results.append(("部门整体支出", s, a, e))
    for nm in names:
        s, a, e = project_table(doc, nm, False)
        results.append((nm, s, a, e))
    if rng.random() < 0.4:
        score_sheet(doc)
    # prose with the self-evaluation result, placed before the tables
    main = results[0]
    sc = main[1]
    g = grade(sc)
    paras = []
    figs = []
    lab1 = "绩效自评总分" if rng.random() < 0.5 else "自评得分"
    s1 = f"{lab1}{sc}分"
    s2 = f"绩效自评等级为“{g}”" if rng.random() < 0.5 else f"评价等级：{g}"
    paras.append(f"经自评，{main[0]}{y}年度全年预算数{main[2]}万元，全年执行数{main[3]}万元，{s1}，{s2}。")
    figs.append(("self_eval_score", lab1, sc, None, s1, None))
    figs.append(("self_eval_grade", "等级", None, None, s2, g))
    for nm, s, a, e in results[1:]:
        paras.append(f"{nm}：全年预算数{a}万元，执行数{e}万元，执行率{pct(e, a)}%，自评得分{s}分，等级{grade(s)}。")
    doc.blocks[placeholder:placeholder + 1] = [{"type": "paragraph", "text": p} for p in paras] + [
        {"type": "heading", "text": "三、绩效自评工作开展情况"},
        {"type": "paragraph", "text": "按照预算绩效管理工作要求，成立由主要负责人任组长的绩效自评工作小组，对照年初绩效目标，"
                                      "采取资料核查、数据比对和实地查看相结合的方式，逐项核实产出、效益和满意度指标的完成情况，"
                                      "并对资金到位、执行和管理情况进行全面梳理，形成自评结论。"},
        {"type": "heading", "text": "四、存在的问题及原因分析"},
        {"type": "paragraph", "text": "部分项目预算执行进度偏慢，资金支付集中在下半年；个别绩效指标设置不够细化量化，"
                                      "效益指标与产出指标的对应关系不够清晰，影响评价的准确性。"},
        {"type": "heading", "text": "五、下一步改进措施及结果应用"},
        {"type": "paragraph", "text": "一是加强预算执行监控，按月通报执行进度；二是完善绩效目标编制，提高指标的可衡量性；"
                                      "三是强化自评结果应用，将评价结果作为以后年度预算安排和政策调整的重要依据，并按规定公开。"}]
    for k, lab, v, u, sent, tv in figs:
        doc.fig(k, lab, v, u, sent, tv)


# ---------------------------------------------------------------- driver
def make_doc(seed, i, kind):
    kind, _, style = kind.partition(":")
    rng = random.Random(f"{seed}-{i}-{kind}")
    doc = Doc(rng, i)
    doc.style = style or None  # how subject rows print: tree, leaf (项 only), split (类/款/项 columns)
    unit = "元" if rng.random() < 0.35 else "万元"
    kinds = []
    if kind == "final":
        final_accounts(doc, unit)
        kinds = ["final_accounts"]
        if rng.random() < 0.4:
            pass
            performance(doc, False, 1)
            kinds.append("performance_project")
        title = f"{doc.year}年度{doc.dept}部门决算"
    elif kind == "budget":
        budget(doc, unit)
        kinds = ["budget"]
        title = f"{doc.dept}{doc.year}年部门预算"
    else:
        ov = rng.random() < 0.6
        performance(doc, ov, rng.randint(1, 2) if ov else rng.randint(2, 3))
        kinds = (["performance_overall"] if ov else []) + ["performance_project"]
        # The title as the report prints it (performance() sets the heading).
        title = f"{doc.dept}{doc.year}年度{'部门整体支出' if ov else '项目支出'}绩效自评报告"
    sid = f"syn-{i:03d}"
    return {
        "id": sid,
        "origin": f"synthetic (generate.py --seed {seed}, document {i}, {kind})",
        "notes": [],
        "document": {"title": title, "department": doc.dept, "fiscal_year": doc.year, "kinds": kinds},
        "blocks": doc.blocks,
        "figures": doc.figures,
    }


PLAN = ["perf", "budget:tree", "perf", "perf", "budget:split", "final:split", "perf", "final:leaf",
        "budget:tree", "perf", "final:tree", "perf", "budget:split", "perf", "final", "budget"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=14)
    ap.add_argument("--out", default="corpus/sources")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for name in sorted(os.listdir(a.out)):  # synthetic sources beyond --count are stale
        m = re.fullmatch(r"syn-(\d+)\.json", name)
        if m and not 1 <= int(m.group(1)) <= a.count:
            os.remove(os.path.join(a.out, name))
            print("removed", name, file=sys.stderr)
    for i in range(1, a.count + 1):
        kind = PLAN[(i - 1) % len(PLAN)]
        doc = make_doc(a.seed, i, kind)
        path = os.path.join(a.out, doc["id"] + ".json")
        text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        try:
            with open(path, encoding="utf-8") as f:
                if f.read() == text:
                    continue
        except OSError:
            pass
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote", path, file=sys.stderr)


if __name__ == "__main__":
    main()
