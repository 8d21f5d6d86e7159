#!/usr/bin/env python3
"""Sanity checks on divisions.tsv (+ ambiguity stats for the README). Exit 1 on failure."""
import collections, os, sys
D = os.path.dirname(os.path.abspath(__file__))
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(D, "divisions.tsv"), encoding="utf-8")]
by_code = {r[0]: r for r in rows}
by_name = collections.defaultdict(list)
for r in rows: by_name[r[1]].append(r)
fails = 0
def check(ok, msg):
    global fails
    print(("PASS " if ok else "FAIL ") + msg); fails += not ok
def chain(code):
    out = []
    while code:
        r = by_code[code]; out.append(f"{r[1]}({r[0]},L{r[2]})"); code = r[3]
    return " -> ".join(out)
def one(name, parent_name=None):
    c = [r for r in by_name[name] if parent_name is None or by_code[r[3]][1] == parent_name]
    return c[0] if len(c) == 1 else None

x = one("西湖区", "杭州市")
check(x is not None and by_code[by_code[x[3]][3]][1] == "浙江省" and x[2] == "3", "西湖区 -> 杭州市 -> 浙江省: " + (chain(x[0]) if x else "missing"))
x = one("仙桃市")
check(x is not None and x[2] == "3" and by_code[x[3]][1] == "湖北省", "仙桃市 level 3 under 湖北省: " + (chain(x[0]) if x else "missing"))
x = one("济源市")
check(x is not None and x[2] == "3" and by_code[x[3]][1] == "河南省", "济源市 level 3 under 河南省: " + (chain(x[0]) if x else "missing"))
x = one("海淀区", "北京市")
check(x is not None and x[3] == "110000", "海淀区 parent 北京市: " + (chain(x[0]) if x else "missing"))
for n in ["锡林郭勒盟", "阿勒泰地区", "伊犁哈萨克自治州", "神农架林区", "六枝特区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区", "台湾省", "东莞市"]:
    x = by_name.get(n)
    check(bool(x), f"{n} present: " + (chain(x[0][0]) if x else "missing"))
check(not any(r[1] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") for r in rows), "no pseudo entries (市辖区/县/省直辖县级行政区划)")
check(all(r[3] in by_code for r in rows if r[3]), "every parent exists")
check(all(r[3] == "" for r in rows if r[2] == "1"), "level 1 has no parent")
check(all(by_code[r[3]][2] == "1" for r in rows if r[2] == "2"), "level 2 parent is level 1")
check(all(by_code[r[3]][2] in "12" for r in rows if r[2] == "3"), "level 3 parent is level 1 or 2")
check([r[0] for r in rows] == sorted(r[0] for r in rows) and len(by_code) == len(rows), "sorted by code, codes unique")
cnt = collections.Counter(r[2] for r in rows)
print("counts:", dict(sorted(cnt.items())), "total", len(rows))
check(cnt["1"] == 34 and 330 <= cnt["2"] <= 336 and 2800 <= cnt["3"] <= 2900, "counts ~34 / ~333 / ~2,840")
dup = {n: v for n, v in by_name.items() if len(v) > 1}
print(f"duplicate full names: {len(dup)} names cover {sum(len(v) for v in dup.values())} rows; top:",
      ", ".join(f"{n}x{len(v)}" for n, v in sorted(dup.items(), key=lambda kv: -len(kv[1]))[:15]))
print("朝阳区:", " | ".join(chain(r[0]) for r in by_name["朝阳区"]))
sys.exit(1 if fails else 0)
