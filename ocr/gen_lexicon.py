#!/usr/bin/python3
# Writes ocr/lexicon_data.h (the OCR lexicon, compiled in) from data/subjects.tsv (the subject
# lexicon normalize/ compiles in too) and the standard titles, header words and indicator levels
# below. Run from the repo root:
#   python3 ocr/gen_lexicon.py data/subjects.tsv > ocr/lexicon_data.h
import sys
words = []
extra = """收入支出决算总表 收入决算表 支出决算表 财政拨款收入支出决算总表 一般公共预算财政拨款支出决算表
一般公共预算财政拨款基本支出决算明细表 政府性基金预算财政拨款收入支出决算表 国有资本经营预算财政拨款支出决算表
财政拨款“三公”经费支出决算表 部门收支总表 部门收入总表 部门支出总表 财政拨款收支总表 一般公共预算支出表
一般公共预算基本支出表 一般公共预算“三公”经费支出表 政府性基金预算支出表 国有资本经营预算支出表
项目支出绩效自评表 部门整体支出绩效自评表 部门整体支出绩效目标表 项目支出绩效目标表
科目编码 科目名称 科目代码 项目代码 功能科目 经济科目 支出功能分类科目 部门经济分类科目 政府预算支出经济分类科目 功能分类科目编码 功能分类科目名称 经济分类科目编码 经济分类科目名称 本年收入合计 本年支出合计 财政拨款收入 上级补助收入 事业收入 经营收入
附属单位上缴收入 其他收入 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出 年初结转和结余 年末结转和结余
本年收入 本年支出 收入总计 支出总计 使用非财政拨款结余 结余分配 一般公共预算财政拨款 政府性基金预算财政拨款
国有资本经营预算财政拨款 人员经费合计 公用经费合计 因公出国（境）费 公务用车购置及运行维护费 公务用车购置费
公务用车运行维护费 公务接待费 决算数 预算数 年初预算数 全年预算数 全年执行数 执行率
一级指标 二级指标 三级指标 年度指标值 实际完成值 偏差原因分析及改进措施 产出指标 效益指标 满意度指标
数量指标 质量指标 时效指标 成本指标 经济效益指标 社会效益指标 生态效益指标 可持续影响指标 服务对象满意度指标
经济成本指标 社会成本指标 生态环境成本指标 年度资金总额 当年财政拨款 上年结转资金 其他资金 年度总体目标
预期目标 实际完成情况 项目名称 主管部门 实施单位 项目负责人 联系电话 绩效自评总分 绩效自评等级 项目资金
本表无数据 绩效指标 绩效目标 绩效评价 绩效自评 自评得分 评价等级 指标名称 指标值 年度目标 实施内容 资金来源 预算执行率 部门名称 单位名称 项目单位 项目类型 项目期限 总体目标 中期目标 年度绩效目标 收入预算 支出预算 部门收入预算表 部门支出预算表 部门收支预算总表 部门收支总表 财政拨款收支预算总表 一般公共预算支出预算表 一般公共预算基本支出预算表 工资福利支出 商品和服务支出 对个人和家庭的补助 资本性支出 人员经费 公用经费 上年结转 一般公共预算拨款收入 政府性基金预算拨款收入 指标性质 度量单位 指标权重 政府采购支出 日常公用经费支出 机关运行经费""".split()
seen = set()
for w in extra:
    if w not in seen:
        seen.add(w); words.append(w)
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        if line.startswith('#') or line.startswith('code\t'):
            continue
        parts = line.rstrip('\n').split('\t')
        if len(parts) < 2: continue
        n = parts[1].strip()
        if len(n) >= 4 and n not in seen:
            seen.add(n); words.append(n)
out = ['/* Generated from data/subjects.tsv (the national subject names) and the',
       ' * standard table titles, header words and indicator levels (DOMAIN.md) by',
       ' * ocr/gen_lexicon.py; included by ocr/lexicon.c only. Entries of >= 4 characters. */',
       'static const char *const B2J_LEXICON[] = {']
for w in words:
    if len(w) >= 4:
        out.append('    "%s",' % w.replace('\\', '\\\\').replace('"', '\\"'))
out.append('};')
print('\n'.join(out))
