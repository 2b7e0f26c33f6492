#!/usr/bin/python3
"""Fills the form kit's workbook as an office would in Excel, for the round-trip test.

fill_kit.py fill Q.yaml DIR N SEED: fills DIR/answers.xlsx (saved as DIR/filled.xlsx, with
openpyxl: shared strings, numbers as numbers) with N fictional participants, random answers
chosen from the questionnaire, written as an office types them (labels or values, numbers,
several choices joined with "、"), and writes the same answers as YAML files DIR/yaml/*.yaml.
The columns are found through the kit's own question list (DIR/questions.csv).
fill_kit.py check DIR: prints each column's data validation of DIR/answers.xlsx, one line
per column: LETTER TITLE: TYPE [list entries | limits] (error style).
"""
import csv
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

import openpyxl
import yaml


def load_questionnaire(path):
    with open(path, encoding="utf-8") as f:
        q = yaml.safe_load(f)
    items = {}
    for section in q["sections"]:
        for item in section["items"]:
            items[item["id"]] = item
    return q, items


def label(option):
    return option.get("label", {}).get("ja") or option["value"]


def number_in(rng, lo, hi, whole):
    lo = 0 if lo is None else lo
    hi = lo + 100 if hi is None else hi
    if whole or (float(lo).is_integer() and float(hi).is_integer() and rng.random() < 0.5):
        return rng.randint(int(-(-lo // 1)), int(hi // 1))
    return rng.randint(int(lo * 2 + 0.999), int(hi * 2)) / 2


TEXTS = ["窓口の手順を見直した", "地域の会議に出た。\n次は企画から関わりたい", "Tried a new rota", "住民説明会の準備"]


def fill(qpath, d, n, seed):
    rng = random.Random(seed)
    q, items = load_questionnaire(qpath)
    scales = q.get("scales", {})
    with open(os.path.join(d, "questions.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    targets = [r[2] for r in rows]
    wb = openpyxl.load_workbook(os.path.join(d, "answers.xlsx"))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header == [r[1] for r in rows], "the workbook's header is the question list's titles"
    os.makedirs(os.path.join(d, "yaml"), exist_ok=True)
    for p in range(n):
        row = p + 2
        pid = "k%03d" % (p + 1)
        doc = {"questionnaire": q["questionnaire"], "participant": pid}
        answers = {}
        cells = {}
        slots = {}  # episodes item -> number of episodes
        for col, t in enumerate(targets):
            if t == "participant":
                cells[col] = pid
            elif t == "name":
                if rng.random() < 0.5:
                    doc["name"] = "架空 %d" % p
                    cells[col] = doc["name"]
            elif t == "cohort":
                doc["cohort"] = rng.choice(["2025", "2026"])
                cells[col] = int(doc["cohort"]) if rng.random() < 0.5 else doc["cohort"]
            elif t == "meeting":
                doc["meeting"] = rng.choice([m["id"] for m in q.get("meetings", [])] or ["pre", "post"])
                cells[col] = doc["meeting"]
            elif "[" not in t:
                item = items[t]
                if not item.get("required") and rng.random() < 0.2:
                    continue
                kind = item["type"]
                if kind == "likert":
                    s = scales[item["scale"]]
                    v = rng.randint(s.get("min", 1), s.get("max", 5))
                    answers[t] = v
                    labels = s.get("labels") or []
                    cells[col] = labels[v - s.get("min", 1)]["ja"] if labels and rng.random() < 0.5 else v
                elif kind == "choice":
                    o = rng.choice(item["options"])
                    answers[t] = o["value"]
                    cells[col] = label(o) if rng.random() < 0.5 else o["value"]
                elif kind == "multi":
                    picked = rng.sample(item["options"], rng.randint(1, len(item["options"])))
                    answers[t] = [o["value"] for o in picked]
                    cells[col] = "、".join(label(o) for o in picked) if rng.random() < 0.5 else ", ".join(o["value"] for o in picked)
                elif kind == "number":
                    v = number_in(rng, item.get("min"), item.get("max"), False)
                    answers[t] = v
                    cells[col] = v
                else:
                    v = rng.choice(TEXTS)
                    answers[t] = v
                    cells[col] = v
            else:
                item_id, rest = t.split("[", 1)
                slot = int(rest.split("]", 1)[0])
                field_id = rest.split(".", 1)[1]
                item = items[item_id]
                if item_id not in slots:
                    slots[item_id] = rng.randint(1 if item.get("required") else 0, 3)
                if slot > slots[item_id]:
                    continue
                field = next(f for f in item["fields"] if f["id"] == field_id)
                episodes = answers.setdefault(item_id, [])
                while len(episodes) < slot:
                    episodes.append({})
                ep = episodes[slot - 1]
                if not field.get("required") and rng.random() < 0.3:
                    continue
                use = field.get("use")
                if field["type"] == "number":
                    whole = use in ("from_year", "to_year")
                    v = number_in(rng, field.get("min"), field.get("max"), whole)
                    if use == "to_year":
                        start = next((f["id"] for f in item["fields"] if f.get("use") == "from_year"), None)
                        if start in ep:
                            v = max(v, ep[start])
                    ep[field_id] = v
                    cells[col] = v
                elif field["type"] == "choice":
                    o = rng.choice(field["options"])
                    ep[field_id] = o["value"]
                    cells[col] = label(o) if rng.random() < 0.5 else o["value"]
                else:
                    v = rng.choice(TEXTS).replace("\n", " ")
                    ep[field_id] = v
                    cells[col] = v
        for col, v in cells.items():
            ws.cell(row=row, column=col + 1, value=v)
        doc["answers"] = answers
        with open(os.path.join(d, "yaml", pid + ".yaml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
    wb.save(os.path.join(d, "filled.xlsx"))
    excel_like(os.path.join(d, "filled.xlsx"))


def excel_like(path):
    """Rewrites the saved workbook's strings as Excel saves them: openpyxl writes each string
    inline (t="inlineStr"); Excel keeps one table of shared strings (xl/sharedStrings.xml,
    t="s") and, in Japanese, a reading (<rPh>, furigana) beside the text, which is no answer."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    strings, index = [], {}

    def shared(m):
        text = re.sub(r"&#(\d+);", lambda e: chr(int(e.group(1))), m.group(4))
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2), index[text])

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        xml = parts[name].decode("utf-8")
        xml = re.sub(r'<c r="([A-Z]+\d+)"(( [a-z]+="[^"]*")*?) t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>', shared, xml, flags=re.S)
        assert "inlineStr" not in xml
        parts[name] = xml.encode("utf-8")
    si = []
    for t in strings:
        space = ' xml:space="preserve"' if t != t.strip() or "\n" in t else ""
        reading = '<rPh sb="0" eb="1"><t>カナ</t></rPh><phoneticPr fontId="1"/>' if any(ord(c) > 127 for c in t) else ""
        si.append("<si><t%s>%s</t>%s</si>" % (space, escape(t), reading))
    parts["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>' % (len(strings), len(strings), "".join(si))).encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    if "sharedStrings" not in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if "sharedStrings" not in types:
        types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        parts["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def check(d):
    wb = openpyxl.load_workbook(os.path.join(d, "answers.xlsx"))
    print("sheets:", ", ".join(ws.title + (" (hidden)" if ws.sheet_state == "hidden" else "") for ws in wb.worksheets))
    ws = wb.worksheets[0]
    lists = wb["lists"]
    by_col = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            by_col[rng.min_col] = (dv, str(rng))
    for cell in ws[1]:
        if cell.column not in by_col:
            continue
        dv, where = by_col[cell.column]
        if dv.type == "list":
            ref = dv.formula1.split("!")[1].replace("$", "")
            what = " | ".join(str(c[0].value) for c in lists[ref])
        else:
            what = "%s %s %s" % (dv.operator or "", dv.formula1, dv.formula2 or "")
        print("%s %s: %s %s %s (%s)" % (where, cell.value, dv.type, what.strip(), "", dv.errorStyle or "stop"))


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        check(sys.argv[2])
