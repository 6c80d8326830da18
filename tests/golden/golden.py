#!/usr/bin/env python3
"""Golden outputs: run an example command and compare what it prints and writes with the
files committed under tests/golden/, or regenerate those files.

    golden.py compare --binary DERMASIM --source REPO CASE   # one ctest test per case
    golden.py update  --binary DERMASIM --source REPO        # every case (scripts/update-golden.sh)
    golden.py list    --source REPO                          # the case names

The cases are the lines of tests/golden/cases.txt. Numbers compare under a relative and an
absolute tolerance (below); every other token (keys, strings, dates, words) and the exit code
must match exactly. The golden file of output F of case C is tests/golden/C.F; what the
command prints is C.stdout.txt (or C.stdout.json with --json).
"""
import argparse
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

# Numbers agree when |actual - golden| <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * |golden|.
# The outputs are rounded (mostly to 4 significant digits) and deterministic on one build, so
# these only absorb the last-bit differences between compilers; a real change is far larger.
RELATIVE_TOLERANCE = 1e-6
ABSOLUTE_TOLERANCE = 1e-9

# What differs from run to run and so is masked in printed text before writing or comparing:
# the output directory (a fresh temporary one) and wall times.
OUTPUT_DIRECTORY_MARK = "OUT"
VOLATILE_TEXT = [
    (re.compile(r"(in|re-simulation) \d+(?:\.\d+)? s\b"), r"\1 <seconds> s"),
]

NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


class Case:
    """One line of cases.txt: NAME | EXIT | STDOUT | FILES | ARGUMENTS."""

    def __init__(self, line, line_number):
        fields = [field.strip() for field in line.split("|")]
        if len(fields) != 5:
            raise SystemExit(f"cases.txt:{line_number}: expected 5 fields separated by '|', got {len(fields)}")
        self.name, exit_code, self.stdout_kind, files, arguments = fields
        self.exit_code = int(exit_code)
        if self.stdout_kind not in ("txt", "json"):
            raise SystemExit(f"cases.txt:{line_number}: STDOUT is 'txt' or 'json', not '{self.stdout_kind}'")
        self.files = files.split() if files != "-" else []
        self.arguments = arguments.split()

    def golden_names(self):
        return [f"stdout.{self.stdout_kind}"] + self.files


def read_cases(source):
    cases = []
    manifest = Path(source) / "tests/golden/cases.txt"
    for number, line in enumerate(manifest.read_text().splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            cases.append(Case(line, number))
    return cases


def read_exactly(path):
    """The file's text with its line endings kept (plan.ics uses CRLF, as iCalendar asks)."""
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def write_exactly(path, text):
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)


def normalise_text(text, output_directory):
    text = text.replace(str(output_directory), OUTPUT_DIRECTORY_MARK)
    for pattern, replacement in VOLATILE_TEXT:
        text = pattern.sub(replacement, text)
    return text


def run_case(case, binary, source, output_directory):
    """Runs the case; returns (exit code, {golden name: content})."""
    arguments = [str(output_directory) if a == OUTPUT_DIRECTORY_MARK else a for a in case.arguments]
    result = subprocess.run([binary] + arguments, cwd=source, capture_output=True, text=True,
                            encoding="utf-8", env=dict(os.environ, DERMASIM_DATA=""))
    outputs = {f"stdout.{case.stdout_kind}": normalise_text(result.stdout, output_directory)}
    for name in case.files:
        path = Path(output_directory) / name
        outputs[name] = normalise_text(read_exactly(path), output_directory) if path.exists() else None
    if result.stderr:
        sys.stderr.write(result.stderr)
    return result.returncode, outputs


# --- Comparison -------------------------------------------------------------------------

def numbers_agree(actual, golden):
    if math.isnan(golden) or math.isnan(actual):
        return math.isnan(golden) and math.isnan(actual)
    return abs(actual - golden) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * abs(golden)


def compare_values(actual, golden, where, differences):
    """Walks parsed JSON or TOML: numbers with the tolerance, everything else exactly."""
    is_number = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
    if is_number(actual) and is_number(golden):
        if not numbers_agree(float(actual), float(golden)):
            differences.append(f"{where}: {actual!r} != golden {golden!r}")
    elif isinstance(golden, dict) and isinstance(actual, dict):
        for key in sorted(set(golden) | set(actual)):
            if key not in actual:
                differences.append(f"{where}.{key}: missing (golden has {golden[key]!r})")
            elif key not in golden:
                differences.append(f"{where}.{key}: not in the golden file ({actual[key]!r})")
            else:
                compare_values(actual[key], golden[key], f"{where}.{key}", differences)
    elif isinstance(golden, list) and isinstance(actual, list):
        if len(actual) != len(golden):
            differences.append(f"{where}: {len(actual)} items != golden {len(golden)}")
        for index, (a, g) in enumerate(zip(actual, golden)):
            compare_values(a, g, f"{where}[{index}]", differences)
    elif type(actual) is not type(golden) or actual != golden:
        differences.append(f"{where}: {actual!r} != golden {golden!r}")


def tokens(line):
    """A line split into text and numbers: ['peak erythema ', 2.44, ' (0-', 4.0, ')']."""
    parts, position = [], 0
    for match in NUMBER.finditer(line):
        parts.append(line[position:match.start()])
        parts.append(float(match.group()))
        position = match.end()
    parts.append(line[position:])
    return parts


def compare_lines(actual_lines, golden_lines, name, differences):
    if len(actual_lines) != len(golden_lines):
        differences.append(f"{name}: {len(actual_lines)} lines != golden {len(golden_lines)}")
    for number, (a, g) in enumerate(zip(actual_lines, golden_lines), start=1):
        a_tokens, g_tokens = tokens(a), tokens(g)
        same = len(a_tokens) == len(g_tokens) and all(
            numbers_agree(x, y) if isinstance(y, float) and isinstance(x, float) else x == y
            for x, y in zip(a_tokens, g_tokens))
        if not same:
            differences.append(f"{name}:{number}:\n    actual: {a}\n    golden: {g}")


def compare_csv(actual, golden, name, differences):
    a_rows, g_rows = list(csv.reader(io.StringIO(actual))), list(csv.reader(io.StringIO(golden)))
    if len(a_rows) != len(g_rows):
        differences.append(f"{name}: {len(a_rows)} rows != golden {len(g_rows)}")
    header = g_rows[0] if g_rows else []
    for row_number, (a_row, g_row) in enumerate(zip(a_rows, g_rows), start=1):
        if len(a_row) != len(g_row):
            differences.append(f"{name}:{row_number}: {len(a_row)} cells != golden {len(g_row)}")
            continue
        for column, (a, g) in enumerate(zip(a_row, g_row)):
            label = header[column] if column < len(header) else str(column + 1)
            try:
                agree = numbers_agree(float(a), float(g))
            except ValueError:
                agree = a == g
            if not agree:
                differences.append(f"{name}:{row_number}: {label} = {a} != golden {g}")


def compare_content(name, actual, golden):
    """The differences between one output and its golden file, as readable lines."""
    differences = []
    if actual is None:
        return [f"{name}: the command did not write it"]
    if name.endswith(".json"):
        compare_values(json.loads(actual), json.loads(golden), name, differences)
    elif name.endswith(".toml"):
        compare_values(tomllib.loads(actual), tomllib.loads(golden), name, differences)
    elif name.endswith(".csv"):
        compare_csv(actual, golden, name, differences)
    else:
        compare_lines(actual.splitlines(), golden.splitlines(), name, differences)
    return differences


# --- Commands ---------------------------------------------------------------------------

def golden_path(source, case, name):
    return Path(source) / "tests/golden" / f"{case.name}.{name}"


def compare(case, binary, source):
    with tempfile.TemporaryDirectory(prefix="dermasim-golden-") as directory:
        exit_code, outputs = run_case(case, binary, source, Path(directory) / "out")
    differences = []
    if exit_code != case.exit_code:
        differences.append(f"exit code {exit_code} != expected {case.exit_code}")
    for name in case.golden_names():
        path = golden_path(source, case, name)
        if not path.exists():
            differences.append(f"{path}: no golden file; run scripts/update-golden.sh")
            continue
        differences += compare_content(name, outputs[name], read_exactly(path))
    for line in differences:
        print(f"{case.name}: {line}")
    if differences:
        print(f"{case.name}: {len(differences)} difference(s) (rtol {RELATIVE_TOLERANCE:g}, "
              f"atol {ABSOLUTE_TOLERANCE:g}); if intended, run scripts/update-golden.sh and review the diff")
        return 1
    print(f"{case.name}: {len(case.golden_names())} file(s) agree (rtol {RELATIVE_TOLERANCE:g}, "
          f"atol {ABSOLUTE_TOLERANCE:g})")
    return 0


def update(cases, binary, source):
    failures = 0
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="dermasim-golden-") as directory:
            exit_code, outputs = run_case(case, binary, source, Path(directory) / "out")
        if exit_code != case.exit_code:
            print(f"{case.name}: exit code {exit_code}, cases.txt expects {case.exit_code}")
            failures += 1
        for name, content in outputs.items():
            path = golden_path(source, case, name)
            if content is None:
                print(f"{case.name}: the command did not write {name}")
                failures += 1
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_exactly(path, content)
        print(f"{case.name}: wrote {len(outputs)} file(s)")
    expected = {golden_path(source, case, name) for case in cases for name in case.golden_names()}
    for path in sorted((Path(source) / "tests/golden").glob("*/**/*")):
        if path.is_file() and path not in expected:
            print(f"removed {path.relative_to(source)}: no case of cases.txt writes it")
            path.unlink()
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["compare", "update", "list"])
    parser.add_argument("case", nargs="?", help="the case to compare (a NAME of cases.txt)")
    parser.add_argument("--binary", help="the built dermasim")
    parser.add_argument("--source", required=True, help="the repository's top folder")
    options = parser.parse_args()
    cases = read_cases(options.source)
    if options.action == "list":
        print("\n".join(case.name for case in cases))
        return 0
    if not options.binary:
        parser.error("--binary is required")
    binary = str(Path(options.binary).resolve())
    if options.action == "update":
        return update(cases, binary, options.source)
    matching = [case for case in cases if case.name == options.case]
    if not matching:
        parser.error(f"no case '{options.case}' in tests/golden/cases.txt")
    return compare(matching[0], binary, options.source)


if __name__ == "__main__":
    sys.exit(main())
