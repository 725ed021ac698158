#!/usr/bin/python3
"""Applies the problem matchers of .vscode/tasks.json's "kata watch" task to a file of kata's
output, as VS Code would, and prints each problem found as `source|file|line|message`.

    problem_matchers.py .vscode/tasks.json OUTPUT
"""
import json
import re
import sys


def matchers(tasks_file):
    with open(tasks_file, encoding="utf-8") as tasks:
        # tasks.json is JSON with // comments, which VS Code allows on lines of their own here.
        text = "".join(line for line in tasks if not line.lstrip().startswith("//"))
    task = next(t for t in json.loads(text)["tasks"] if t["label"] == "kata watch")
    return task["problemMatcher"]


def main(tasks_file, output_file):
    with open(output_file, encoding="utf-8", errors="replace") as output:
        lines = output.read().splitlines()
    for matcher in matchers(tasks_file):
        # A pattern, or a list of them that match consecutive lines, each giving some of the fields.
        patterns = matcher["pattern"] if isinstance(matcher["pattern"], list) else [matcher["pattern"]]
        regexps = [re.compile(pattern["regexp"]) for pattern in patterns]
        for first in range(len(lines) - len(patterns) + 1):
            found = [regexp.match(lines[first + i]) for i, regexp in enumerate(regexps)]
            if not all(found):
                continue
            fields = {}
            for pattern, match in zip(patterns, found):
                fields.update({key: match[index] for key, index in pattern.items() if key != "regexp"})
            print(f"{matcher['source']}|{fields['file']}|{fields['line']}|{fields['message']}")

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
