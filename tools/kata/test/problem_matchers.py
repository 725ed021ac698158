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
        pattern = matcher["pattern"]
        regexp = re.compile(pattern["regexp"])
        for line in lines:
            found = regexp.match(line)
            if found:
                print(f"{matcher['source']}|{found[pattern['file']]}|{found[pattern['line']]}|"
                      f"{found[pattern['message']]}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
