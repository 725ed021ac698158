#!/bin/bash
# The hand-out and its GitHub Classroom workflow, run locally (.ci/run). tools/handout.sh --classroom
# makes a checkout without solutions/ whose README.md has none of the instructor's commands and no link
# to what it lost; a README.md whose instructor-only markers do not pair makes no hand-out. The
# workflow's build configures and builds the hand-out, kata shows 0/28, and each grader's command fails
# on the stubs and passes once the solutions are copied in.
#   tools/classroom/handout_test.sh          (from a checkout with the packages installed)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}

# Markers that do not pair: tools/handout.sh refuses, naming README.md's line, and leaves no folder.
git clone -q "$root" "$scratch/unpaired"
printf '\n<!-- instructor-only -->\nnever closed\n' >> "$scratch/unpaired/README.md"
git -C "$scratch/unpaired" -c user.name=test -c user.email=test@invalid commit -qam "an unclosed block"
if "$scratch/unpaired/tools/handout.sh" "$scratch/never" 2> "$scratch/unpaired.log"; then
  fail "tools/handout.sh made a hand-out of a README.md with an unclosed instructor-only block"
fi
grep -q 'README.md:[0-9]*: <!-- instructor-only --> is never closed' "$scratch/unpaired.log" ||
  { cat "$scratch/unpaired.log"; fail "tools/handout.sh did not name the unclosed marker's line"; }
[ ! -e "$scratch/never" ] || fail "tools/handout.sh left a hand-out behind after refusing"

handout=$scratch/handout
"$root/tools/handout.sh" --classroom "$handout"
cd "$handout"
[ ! -e solutions ] || fail "the hand-out has solutions/"

# README.md is the learner's: nothing that only the instructor's checkout has.
if grep -nE 'solutions|kata grade|handout\.sh|\.ci/|instructor-only' README.md; then
  fail "the hand-out's README.md names the instructor's files or commands (above)"
fi
# Its links lead to files of the hand-out, and every #anchor into it, from it or from docs/, to one of
# its headings (as GitHub makes them: lower case, punctuation dropped, spaces as hyphens).
anchors=$(sed -n 's/^#\{1,6\} //p' README.md | tr '[:upper:]' '[:lower:]' | sed 's/[^a-z0-9 _-]//g; s/ /-/g')
readme=$(realpath README.md)
broken=$(
  { echo README.md && find docs -name '*.md'; } | while read -r file; do
    grep -o '](\([^) ]*\))' "$file" | sed 's/^](//; s/)$//' | while read -r target; do
      case $target in http://* | https://* | mailto:*) continue ;; esac
      path=${target%%#*}
      resolved=$(realpath -m "$(dirname "$file")/${path:-$(basename "$file")}")
      if [ "$file" = README.md ] && [ ! -e "$resolved" ]; then echo "$file: $target: no such file"; fi
      if [ "$resolved" = "$readme" ] && [ "$path" != "$target" ] && ! grep -qxF "${target#*#}" <<<"$anchors"; then
        echo "$file: $target: README.md has no such heading"
      fi
    done
  done
)
[ -z "$broken" ] || fail "links that lead nowhere in the hand-out:"$'\n'"$broken"

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
