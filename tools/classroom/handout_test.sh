#!/bin/bash
# The hand-out and its GitHub Classroom workflow, run locally (.ci/run). tools/handout.sh --classroom
# makes a checkout without solutions/ whose README.md has none of the instructor's commands and no link
# to what it lost; a README.md whose instructor-only markers do not pair makes no hand-out. The
# workflow's check refuses to grade a changed, added or deleted file outside exercises/ (or a changed
# list of them, or a changed check), naming it, and accepts changes to exercises/. Its build configures
# and builds the hand-out, kata shows 0/28, and each grader's command fails on the stubs, passes once
# the solutions are copied in, and fails again when the check has not passed.
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
# The check: the run: block of the step "Verify the hand-out", run as GitHub runs it, before any grader.
verify=$(awk '/^ *- name: Verify the hand-out$/ {step = 1} step && /^ *run: \|$/ {run = 1; next}
  run && /^        / {print substr($0, 9); next} run {exit}' "$workflow")
[ -n "$verify" ] || fail "$workflow has no step 'Verify the hand-out' with a run: block"
[ "$(grep -n -m1 'name: Verify the hand-out' "$workflow" | cut -d: -f1)" -lt \
  "$(grep -n -m1 autograding-command-grader "$workflow" | cut -d: -f1)" ] ||
  fail "$workflow grades before it verifies the hand-out"
# A fresh HOME each time: what the check writes there when it passes is what lets the graders run.
home=$scratch/home
check() {
  rm -rf "$home" && mkdir "$home"
  HOME=$home bash --noprofile --norc -eo pipefail -c "$verify" > "$scratch/verify.log" 2>&1
}
refused() { # FILE WHAT: after WHAT, the check refuses, naming FILE; then the hand-out is put back
  if check; then fail "the check passed after $2"; fi
  [ -z "$(ls -A "$home")" ] || fail "the check refused $2, yet left its mark in HOME for the graders"
  grep -qF -- "$1" "$scratch/verify.log" || { cat "$scratch/verify.log"; fail "the check refused $2 without naming $1"; }
  git reset -q --hard && git clean -fdq
}
check || { cat "$scratch/verify.log"; fail "the check refused the hand-out as made"; }
sed -i 's/^KATA_STEP(dcounts, .*/KATA_STEP(dcounts, "dcounts_sum_inv", "dprobs", "dcounts")/' tests/05_dcounts.cpp
refused tests/05_dcounts.cpp "a test that returns PyTorch's answer"
sed -i 's/^KATA_STEP(dcounts, .*/KATA_STEP(dcounts, "dcounts_sum_inv", "dprobs", "dcounts")/' tests/05_dcounts.cpp
sha256=$(cmake -E sha256sum tests/05_dcounts.cpp | cut -d' ' -f1)
sed -i "s|^[0-9a-f]*  tests/05_dcounts.cpp\$|$sha256  tests/05_dcounts.cpp|" .github/handout.sha256
refused .github/handout.sha256 "that test's line of the list changed to match it"
echo 'TEST_CASE("extra") {}' > tests/extra.cpp && git add tests/extra.cpp
refused tests/extra.cpp "a file added under tests/"
git rm -q lib/npy.cpp
refused lib/npy.cpp "a file deleted outside exercises/"
printf 'return()\n' | cat - tools/classroom/verify.cmake > "$scratch/verify.cmake" && mv "$scratch/verify.cmake" tools/classroom/verify.cmake
refused tools/classroom/verify.cmake "a check that returns at once"
# exercises/ is the learner's, and README.md, where GitHub Classroom adds its deadline badge.
cp "$root"/solutions/*.cpp exercises/ && echo '#pragma once' > exercises/helpers.h && git add exercises
echo "[![badge](https://example.com/badge.svg)](https://example.com)" >> README.md
check || { cat "$scratch/verify.log"; fail "the check refused changes to exercises/ and README.md only"; }
git reset -q --hard && git clean -fdq

# As on GitHub: the check passes, then the first grader's setup builds, but for installing the
# packages, which this machine has.
check || { cat "$scratch/verify.log"; fail "the check refused the hand-out as made"; }
setup=$(sed -n 's/^ *setup-command: //p' "$workflow")
build=${setup/"sudo apt-get update -qq && tools/install-deps.sh && "/}
[ "$build" != "$setup" ] || fail "the setup-command installs no packages the way this test expects: $setup"
echo "setup: $build"
HOME=$home sh -c "$build" > "$scratch/build.log" 2>&1 || { tail -30 "$scratch/build.log"; exit 1; }
build/exercises/kata --no-build next > "$scratch/next.log" || true
grep -q '\] 0/28' "$scratch/next.log" || { cat "$scratch/next.log"; fail "the hand-out does not show 0/28"; }
# Each grader's command as the grader runs it, with sh.
mapfile -t commands < <(sed -n 's/^ *command: //p' "$workflow")
[ ${#commands[@]} -eq 28 ] || fail "${#commands[@]} graders, expected 28"
for command in "${commands[@]}"; do
  if HOME=$home sh -c "$command" > /dev/null 2>&1; then fail "'$command' passed on a stub"; fi
done
cp "$root"/solutions/*.cpp exercises/
for command in "${commands[@]}"; do
  HOME=$home sh -c "$command" > "$scratch/run.log" 2>&1 || { cat "$scratch/run.log"; fail "'$command' failed on a solution"; }
done
# Without the check's pass, not even the solutions score.
rm -rf "$home" && mkdir "$home"
for command in "${commands[@]}"; do
  if HOME=$home sh -c "$command" > "$scratch/run.log" 2>&1; then fail "'$command' passed without the check"; fi
  grep -q 'Not graded' "$scratch/run.log" || { cat "$scratch/run.log"; fail "'$command' failed without saying why"; }
done
echo "ok: the hand-out's README.md is the learner's; its check refuses changes outside exercises/ and accepts exercises/;"
echo "    it builds and shows 0/28; its 28 graders fail on the stubs, pass on the solutions, and fail unchecked"
