#!/usr/bin/env python3
"""Turns hand-written notes with inline gold markup into the JSON lines the Evaluator reads.

Markup: [[LABEL:text]] where LABEL is one of the Evaluator's labels (NAME, HOSPITAL, CITY, STREET, ZIP,
DATE, AGE, PHONE, FAX, MRN, IDNUM, EMAIL, YEAR...). Notes are separated by a line holding only '----'.
Lines starting with '#' before a note's text are comments. Usage: make_jsonl.py SRC.txt OUT.jsonl
Every span is re-checked after offsets are computed (text[start:end] == marked value)."""
import json, re, sys

MARK = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]", re.S)

def convert(src):
    raw = open(src, encoding="utf-8").read()
    docs = []
    for k, block in enumerate(raw.split("\n----\n")):
        lines = [l for l in block.split("\n") if not l.startswith("#")]
        body = "\n".join(lines).strip("\n")
        if not body.strip():
            continue
        text, spans, pos = [], [], 0
        out_len = 0
        for m in MARK.finditer(body):
            text.append(body[pos:m.start()]); out_len += m.start() - pos
            label, value = m.group(1), m.group(2)
            spans.append({"type": label, "start": out_len, "end": out_len + len(value), "value": value})
            text.append(value); out_len += len(value)
            pos = m.end()
        text.append(body[pos:])
        t = "".join(text)
        assert "[[" not in t and "]]" not in t, f"unclosed markup in note {k}"
        for s in spans:
            assert t[s["start"]:s["end"]] == s["value"], (k, s)
            assert s["value"] == s["value"].strip(), ("span with outer space", k, s)
        docs.append({"id": f"{src.split('/')[-1]}#{len(docs)}", "text": t,
                     "spans": [{"type": s["type"], "start": s["start"], "end": s["end"]} for s in spans]})
    return docs

if __name__ == "__main__":
    docs = convert(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    n = sum(len(d["spans"]) for d in docs)
    print(f"{len(docs)} notes, {n} spans", file=sys.stderr)
