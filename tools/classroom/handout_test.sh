#!/bin/bash
# The hand-out and its GitHub Classroom workflow, run locally (.ci/run): tools/handout.sh --classroom
# makes a checkout without solutions/, the workflow's build configures and builds it, kata shows 0/28,
# and each grader's command fails on the stubs and passes once the solutions are copied in.
#   tools/classroom/handout_test.sh          (from a checkout with the packages installed)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
handout=$scratch/handout
"$root/tools/handout.sh" --classroom "$handout"
cd "$handout"
[ ! -e solutions ] || { echo "FAIL: the hand-out has solutions/"; exit 1; }
workflow=.github/workflows/classroom.yml
# The workflow's setup, but for installing the packages, which this machine has.
setup=$(sed -n 's/^ *setup-command: //p' "$workflow")
echo "setup: ${setup#*install-deps.sh && }"
eval "${setup#*install-deps.sh && }" > "$scratch/build.log" 2>&1 || { tail -30 "$scratch/build.log"; exit 1; }
build/exercises/kata --no-build next > "$scratch/next.log" || true
grep -q '\] 0/28' "$scratch/next.log" || { echo "FAIL: the hand-out does not show 0/28"; cat "$scratch/next.log"; exit 1; }
mapfile -t commands < <(sed -n 's/^ *command: //p' "$workflow")
[ ${#commands[@]} -eq 28 ] || { echo "FAIL: ${#commands[@]} graders, expected 28"; exit 1; }
for command in "${commands[@]}"; do
  if eval "$command" > /dev/null 2>&1; then echo "FAIL: '$command' passed on a stub"; exit 1; fi
done
cp "$root"/solutions/*.cpp exercises/
for command in "${commands[@]}"; do
  eval "$command" > "$scratch/run.log" 2>&1 || { echo "FAIL: '$command' failed on a solution"; cat "$scratch/run.log"; exit 1; }
done
echo "ok: the hand-out builds and shows 0/28; its 28 graders fail on the stubs and pass on the solutions"
