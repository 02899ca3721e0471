"""Checks docs/example.ipynb after `jupyter nbconvert --to notebook --execute` ran it with the
vpclab kernel: every code cell ran, in order, and its outputs say what the REPL says; the chart
is an image; the failed expect is shown as failed; no Java stack trace anywhere.

    /usr/bin/python3 src/test/kernel/check_notebook.py EXECUTED.ipynb

Exit status 0 when all holds, else 1 with one line per problem.
"""

import base64
import json
import re
import sys

import nbformat

# what a Java stack trace looks like, in any output or traceback
JAVA_STACK = re.compile(
    r"^\s+at [\w$.]+\(|Exception in thread|\b(java|javax|jdk|sun|org\.zeromq|dev\.vpclab)"
    r"\.[\w.$]*(Exception|Error)\b",
    re.MULTILINE,
)

# each code cell of the example, by the start of its source: text its outputs must show
EXPECTED_TEXT = {
    "region ap-northeast-1": [],
    "check single": ["3 of 3 pairs reachable in single, 3 cross-AZ", "ENI 10.0.2.11"],
    "fail az 1c in single": ["breaks 3 pairs", "NO_ENI_UP",
                             "fix: endpoint ssm, ec2messages, ssmmessages in 1a, 1c"],
    "compare single, per-az": ["single 30.66, per-az 61.32"],
    "chart cost single, per-az": ["30.66", "61.32"],
    "expect per-az survives az failure": ["passed"],
    "expect cost per-az < 50 USD": ["FAILED", "61.32"],
}
# cells whose outputs hold an HTML table
HTML_TABLE = {"check single", "fail az 1c in single", "compare single, per-az"}
CHART = "chart cost single, per-az"


def main(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    problems = []
    code = [c for c in nb.cells if c.cell_type == "code"]
    starts = [next((k for k in EXPECTED_TEXT if c.source.startswith(k)), c.source) for c in code]
    if sorted(starts) != sorted(EXPECTED_TEXT):
        problems.append(f"code cells {starts}, expected {list(EXPECTED_TEXT)}")
    counts = [c.get("execution_count") for c in code]
    if None in counts or counts != sorted(counts) or len(set(counts)) != len(counts):
        problems.append(f"execution counts {counts}: every cell runs once, in order")
    if nb.metadata.get("language_info", {}).get("name") != "vpclab":
        problems.append(f"language_info {nb.metadata.get('language_info')}")

    for cell, start in zip(code, starts):
        problems += check_cell(cell, start)
    everything = json.dumps(nb, ensure_ascii=False).replace("\\n", "\n")
    if JAVA_STACK.search(everything):
        problems.append("a Java stack trace: " + JAVA_STACK.search(everything).group(0))
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


def check_cell(cell, start):
    where = f"cell {start!r}"
    problems = []
    outputs = cell.outputs
    errors = [o for o in outputs if o.output_type == "error"]
    if errors:
        problems.append(f"{where}: error {errors[0].get('evalue')}")
    texts = "\n".join(text_of(o) for o in outputs)
    for want in EXPECTED_TEXT.get(start, []):
        if want not in texts:
            problems.append(f"{where}: no {want!r} in its text: {texts!r}")
    if start in HTML_TABLE and not any("<table" in html_of(o) for o in outputs):
        problems.append(f"{where}: no text/html table")
    if start == CHART:
        problems += check_chart(where, outputs)
    return problems


def check_chart(where, outputs):
    images = [o.data for o in outputs if "data" in o
              and ("image/png" in o.data or "image/svg+xml" in o.data)]
    if not images:
        return [f"{where}: no image/png or image/svg+xml output"]
    data = images[0]
    if "image/png" in data:
        png = base64.b64decode(data["image/png"])
        if not png.startswith(b"\x89PNG\r\n\x1a\n") or len(png) < 1000:
            return [f"{where}: image/png is not a PNG image ({len(png)} bytes)"]
    elif "<svg" not in "".join(data["image/svg+xml"]):
        return [f"{where}: image/svg+xml has no <svg>"]
    return []


def text_of(output):
    if output.output_type == "stream":
        return output.text
    if output.output_type == "error":
        return "\n".join(output.traceback)
    return output.get("data", {}).get("text/plain", "")


def html_of(output):
    return output.get("data", {}).get("text/html", "")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: check_notebook.py EXECUTED.ipynb", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
