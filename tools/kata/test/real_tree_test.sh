#!/bin/bash
# The learner's loop on a real build of the exercises, for .ci/run (it edits exercises/ and puts
# it back with git): steps 1 to 4 solved, 3 with a warning, 5 that does not compile, 6 that never
# ends, 7 deleted, 8 that does not link; then 2 replaced by one that forges its report. .ci/run configures with CI=true, warnings as errors for the
# project's code: never for the learner's. kata must check each step on its own, every other verdict intact; the
# judge must stop the loop at its limit under ctest too; the to-do must follow; the workflow's tool
# tests must pass whatever the progress; a forged report must score nothing.
#   tools/kata/test/real_tree_test.sh        (from the root of a clone, after the exercises build)
set -u
cd "$(dirname "$0")/../../.." || exit 1
kata=build/exercises/kata
out=$(mktemp)
trap 'git checkout -q -- exercises; rm -f "$out"' EXIT

fail() { echo "FAIL: $*"; echo "--- output:"; cat "$out"; exit 1; }
expect() { grep -qE -- "$1" "$out" || fail "no line matches '$1'"; }

cp solutions/0[1-4]_*.cpp exercises/
sed -i 's/^ColVector dcounts_sum_inv(.*{$/&\n  int unused = 0;/' exercises/03_dcounts_sum_inv.cpp
sed -i 's/throw NotDone("dcounts");/return dcount;/' exercises/05_dcounts.cpp
sed -i 's/throw NotDone("dnorm_logits");/for (volatile int i = 0; i >= 0;) {\n  }/' exercises/06_dnorm_logits.cpp
rm exercises/07_dlogit_maxes.cpp
sed -i 's/const ColVector& dlogit_maxes)/const RowVector\& dlogit_maxes)/' exercises/08_dlogits.cpp

SECONDS=0
"$kata" --time-limit 2 status > "$out" 2>&1
echo "kata status: $SECONDS s"
expect '^ +3  dcounts_sum_inv +True +True'
expect "^ +warning +exercises/03_dcounts_sum_inv.cpp:[0-9]+:[0-9]+: warning: unused variable"
expect '^ +4  dcounts_sum +True +True'
expect "^ +5  dcounts +does not compile +exercises/05_dcounts.cpp:[0-9]+: .*dcount"
expect '^ +6  dnorm_logits +timed out +stopped after 2 s'
expect '^ +7  dlogit_maxes +does not compile +exercises/07_dlogit_maxes.cpp is missing'
expect '^ +8  dlogits +does not compile +does not link'
expect '^ +9  dh +not done'
expect '\] 4/28'
# A stub ignores its parameters without a warning, with either compiler.
! grep -q 'unused parameter' "$out" || fail "a stub's unused parameters are warned about"
# Nothing changed: the looping step's verdict is the last run's, without waiting for it again.
SECONDS=0
"$kata" --time-limit 2 status > "$out" 2>&1
echo "kata status again: $SECONDS s"
expect '^ +6  dnorm_logits +timed out +stopped after 2 s'
expect 'From the last run, as nothing they depend on has changed: .*dnorm_logits'
"$kata" run dcounts > "$out" 2>&1
expect '^  the compiler says:'
# The editor's view: kata's lines as the problem matchers of .vscode/tasks.json read them.
problems() { tools/kata/test/problem_matchers.py .vscode/tasks.json "$out"; }
problems | grep -qE '^compiler\|exercises/05_dcounts.cpp\|[0-9]+\|.*dcount' || fail "no compiler problem: $(problems)"
problems | grep -qE '^kata\|exercises/05_dcounts.cpp\|[0-9]+\|does not compile$' || fail "no step problem: $(problems)"

# ctest without kata: the judge stops the looping step at its limit and says so, well before ctest's
# TIMEOUT would stop the judge; the tool's tests still pass.
git checkout -q -- exercises/05_dcounts.cpp exercises/07_dlogit_maxes.cpp exercises/08_dlogits.cpp
# A shape mistake stops at Eigen's check, which the editor shows at the learner's line.
sed -i 's/throw NotDone("dlogits");/Matrix sum = dnorm_logits;\n  sum += dlogit_maxes;\n  return sum;/' exercises/08_dlogits.cpp
"$kata" run dlogits > "$out" 2>&1
problems | grep -qE '^Eigen\|exercises/08_dlogits.cpp\|[0-9]+\|Eigen check failed: ' || fail "no Eigen problem: $(problems)"
git checkout -q -- exercises/08_dlogits.cpp
cmake --build --preset exercises > "$out" 2>&1 || fail "the build failed"
BACKPROP_TIME_LIMIT=1 ctest --preset exercises -R '^06_' --output-on-failure > "$out" 2>&1
expect 'dnorm_logits \(06_dnorm_logits.cpp\): stopped after 1 s: an endless loop\?'
ctest --preset exercises -LE '^(step|todo|chain)$' > "$out" 2>&1 || fail "a test that is not a step failed with steps solved"
ctest --preset exercises -R '^todo$' > "$out" 2>&1
expect '\] 4/28'
expect 'Next: Step 5 of 28: dcounts'

# A step that writes a passed report and exits, under kata run and ctest: it opens nothing.
sed "s|@ROOT@|$PWD|g" tests/hostile/02_dprobs.cpp > exercises/02_dprobs.cpp
"$kata" run dprobs > "$out" 2>&1 && fail "kata run passed a step that forges its report"
expect 'dprobs +crashed'
expect 'the step tried to open a file \(openat\)'
ctest --preset exercises -R '^02_' --output-on-failure > "$out" 2>&1 && fail "ctest passed a step that forges its report"
expect 'the step tried to open a file'
echo "ok: the learner's loop on a real tree"
