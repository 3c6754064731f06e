#!/usr/bin/python3
"""Write corpus/MANIFEST.tsv: id, grade, pdf, truth, pages — one row per id per grade.

Pages come from the digital PDF (every grade of an id has the same pages). digital and garbled
rows are listed for every id; scan rows for the scans that exist (corpus-scans makes them, and
corpus/scansim/scansim.mk chooses which ids get which scan grade)."""
import argparse
import os
import re
import subprocess

GRADES = ["digital", "garbled", "scan-clean", "scan-noisy"]


def pages(path):
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    except Exception:
        with open(path, "rb") as f:
            return len(re.findall(rb"/Type\s*/Page[^s]", f.read()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="corpus/MANIFEST.tsv")
    ap.add_argument("ids", nargs="*")
    a = ap.parse_args()
    lines = ["id\tgrade\tpdf\ttruth\tpages"]
    for i in sorted(a.ids):
        n = pages(f"corpus/pdf/digital/{i}.pdf")
        for g in GRADES:
            if g.startswith("scan") and not os.path.exists(f"corpus/pdf/{g}/{i}.pdf"):
                continue  # scansim.mk decides which ids get which scan grade
            lines.append(f"{i}\t{g}\tcorpus/pdf/{g}/{i}.pdf\tcorpus/truth/{i}.json\t{n}")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
