#!/usr/bin/env python3
"""Runs every example of a documentation page, so that the page cannot drift from the code.

    check_doc_examples.py --binary DERMASIM --source REPO PAGE.md

An example is a fenced code block right after a marker line `<!-- example: KIND [PATH] -->`:

    check            a scenario; `dermasim check` must exit 0
    absorb           an experiment; `dermasim absorb --fidelity fast` must exit 0
    plan             a profile; `dermasim plan --skip-full` must exit 0
    excerpt PATH     the block must appear, line for line, in the repository file PATH
    keys PATH        a JSON or TOML document whose keys (recursively, first item of each list)
                     all appear in PATH with values of the same type
    header PATH      the block's first line is the first line of the CSV file PATH
    shape PATH       every line of the block, with its numbers replaced by #, is a line of PATH
                     with its numbers replaced by #

Every ```toml or ```json block of the page must carry a marker: an example that is not run
is not allowed. Exits 1 naming each failing example by its line in the page.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

MARKER = re.compile(r"^<!-- example: (\w+)(?: (\S+))? -->\s*$")
FENCE = re.compile(r"^\s*```(\w*)\s*$")
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
COMMANDS = {
    "check": (".scenario.toml", ["check"]),
    "absorb": (".experiment.toml", ["absorb", "--fidelity", "fast", "--out"]),
    "plan": (".profile.toml", ["plan", "--skip-full", "--out"]),
}


class Example:
    def __init__(self, kind, path, language, text, line):
        self.kind, self.path, self.language, self.text, self.line = kind, path, language, text, line


def read_examples(page):
    """The marked blocks of the page, and the line numbers of unmarked toml/json blocks."""
    examples, unmarked = [], []
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        fence = FENCE.match(lines[index])
        if not fence:
            index += 1
            continue
        start = index
        marker = MARKER.match(lines[start - 1]) if start > 0 else None
        index += 1
        body = []
        while index < len(lines) and not FENCE.match(lines[index]):
            body.append(lines[index])
            index += 1
        index += 1
        language = fence.group(1)
        if marker:
            examples.append(Example(marker.group(1), marker.group(2), language, "\n".join(body) + "\n", start + 1))
        elif language in ("toml", "json"):
            unmarked.append(start + 1)
    return examples, unmarked


def run_command(example, binary, source, work):
    suffix, arguments = COMMANDS[example.kind]
    input_file = work / f"example-{example.line}{suffix}"
    input_file.write_text(example.text, encoding="utf-8")
    command = [binary, arguments[0], str(input_file)] + arguments[1:]
    if command[-1] == "--out":
        command.append(str(work / f"out-{example.line}"))
    result = subprocess.run(command, cwd=source, capture_output=True, text=True)
    if result.returncode != 0:
        return [f"`dermasim {arguments[0]}` exited {result.returncode}:\n{result.stdout}{result.stderr}"]
    return []


def parse_document(text, language):
    return json.loads(text) if language == "json" else tomllib.loads(text)


def missing_keys(example_value, real_value, where):
    """Keys of the example absent from the real document, or present with another type."""
    problems = []
    if isinstance(example_value, dict):
        if not isinstance(real_value, dict):
            return [f"{where}: is {type(real_value).__name__} in the real file, an object in the example"]
        for key, value in example_value.items():
            if key not in real_value:
                problems.append(f"{where}.{key}: not in the real file")
            else:
                problems += missing_keys(value, real_value[key], f"{where}.{key}")
    elif isinstance(example_value, list):
        if not isinstance(real_value, list):
            return [f"{where}: is {type(real_value).__name__} in the real file, a list in the example"]
        if example_value and real_value:
            problems += missing_keys(example_value[0], real_value[0], f"{where}[0]")
    else:
        number = (int, float)
        same = (isinstance(example_value, number) and isinstance(real_value, number)
                and not isinstance(example_value, bool) and not isinstance(real_value, bool)) \
            or type(example_value) is type(real_value) or real_value is None or example_value is None
        if not same:
            problems.append(f"{where}: {type(example_value).__name__} in the example, "
                            f"{type(real_value).__name__} in the real file")
    return problems


def masked(line):
    return NUMBER.sub("#", line.rstrip())


def check_against_file(example, source):
    path = Path(source) / example.path
    if not path.exists():
        return [f"{example.path} does not exist"]
    real = path.read_text(encoding="utf-8")
    if example.kind == "excerpt":
        return [] if example.text in real else [f"the block is not an excerpt of {example.path}"]
    if example.kind == "keys":
        language = "json" if example.path.endswith(".json") else "toml"
        return missing_keys(parse_document(example.text, language), parse_document(real, language), example.path)
    if example.kind == "header":
        first = example.text.splitlines()[0]
        return [] if first == real.splitlines()[0] else [f"{first!r} is not the header of {example.path}"]
    if example.kind == "shape":
        real_lines = {masked(line) for line in real.splitlines()}
        return [f"line not in {example.path}: {line}" for line in example.text.splitlines()
                if line.strip() and masked(line) not in real_lines]
    return [f"unknown example kind '{example.kind}'"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source", required=True)
    options = parser.parse_args()
    page = Path(options.source) / options.page
    examples, unmarked = read_examples(page)
    failures = [f"{options.page}:{line}: a toml/json block without an example marker" for line in unmarked]
    binary = str(Path(options.binary).resolve())
    with tempfile.TemporaryDirectory(prefix="dermasim-docs-") as directory:
        for example in examples:
            if example.kind in COMMANDS:
                problems = run_command(example, binary, options.source, Path(directory))
            else:
                problems = check_against_file(example, options.source)
            failures += [f"{options.page}:{example.line}: {example.kind}: {p}" for p in problems]
    for failure in failures:
        print(failure)
    print(f"{options.page}: {len(examples)} example(s), {len(failures)} failure(s)")
    return 1 if failures or not examples else 0


if __name__ == "__main__":
    sys.exit(main())
