#!/bin/bash
# The kata tool's own tests, one scenario per ctest test:
#   kata_cli_test.sh <scenario> <kata> <fake kata_tests> <source root> <scratch dir> <tree>
# where <tree> is the folder of steps the build compiles (exercises or solutions), which kata shows and watches.
# Each runs the built kata against the test double (test/fake_kata_tests.in) or a scratch tree.
set -u
scenario=$1 kata=$2 fake=$3 root=$4 scratch=$5 tree=$6
rm -rf "$scratch" && mkdir -p "$scratch"
out=$scratch/out

fail() { echo "FAIL: $*"; echo "--- kata printed:"; cat "$out" 2>/dev/null; exit 1; }
expect_exit() { [[ $1 == "$2" ]] || fail "exit status $1, expected $2"; }
expect() { grep -qE -- "$1" "$out" || fail "no line matches '$1'"; }
expect_not() { ! grep -qE -- "$1" "$out" || fail "a line matches '$1'"; }
wait_for() {
  for _ in $(seq 200); do grep -qE -- "$1" "$out" && return; sleep 0.1; done
  fail "nothing matched '$1' within 20 s"
}

case $scenario in
  mix)
    "$kata" --no-build --tests "$fake" status > "$out" 2>&1
    expect_exit $? 0
    expect '\] 3/28'
    expect '^ +1  dlogprobs +False +True +1.49e-08 +ok'
    expect '^ +4  dcounts_sum +False +False +2 '
    expect '^ +6  dnorm_logits +not done'
    expect '^Next: Step 4 of 28: dcounts_sum +failed'
    expect 'looks like: a known mistake: flipped sign'
    expect '^  network  dcounts_sum +\| exact: False \| approximate: False \| maxdiff: 2 at \[3, 0\]: got -1, expected 1$'
    expect "edit +.*$tree/04_dcounts_sum.cpp"
    expect 'read +.*docs/steps/04_dcounts_sum.md'
    "$kata" --no-build --tests "$fake" run dcounts > "$out" 2>&1
    expect_exit $? 1
    expect 'dcounts +threw'
    expect 'Eigen check failed'
    "$kata" --no-build --tests "$fake" run 2 > "$out" 2>&1
    expect_exit $? 0
    expect 'dprobs +passed' ;;
  crash)
    # A step that kills kata_tests is crashed; the steps after it are still checked.
    KATA_FAKE_CRASH=dcounts "$kata" --no-build --tests "$fake" status > "$out" 2>&1
    expect_exit $? 0
    expect '^ +5  dcounts +crashed'
    expect '^ +4  dcounts_sum +False +False +2 '
    expect '^ +6  dnorm_logits +not done'
    expect '\] 3/28'
    KATA_FAKE_CRASH=dcounts "$kata" --no-build --tests "$fake" run dcounts > "$out" 2>&1
    expect_exit $? 1
    expect 'dcounts +crashed'
    expect 'kata_tests died of signal 11 \(Segmentation fault\) in this step' ;;
  watch | watch-poll)
    cp -r "$root/$tree" "$scratch/$tree"
    flag=$([[ $scenario == watch-poll ]] && echo --poll)
    "$kata" --root "$scratch" --no-build --tests "$fake" watch $flag > "$out" 2>&1 &
    pid=$!
    wait_for 'Watching'
    expect_not 'dprobs passes'
    [[ $scenario == watch-poll ]] && expect '\(polling\)' || expect '\(inotify\)'
    sleep 1.1  # a coarse file system's timestamps must see a new second
    echo "// saved" >> "$scratch/$tree/02_dprobs.cpp"
    wait_for 'dprobs passes'
    kill -INT $pid
    wait $pid
    expect_exit $? 0
    expect 'Stopped watching' ;;
  reset)
    repo=$scratch/repo
    mkdir -p "$repo/exercises"
    cp "$root/exercises/05_dcounts.cpp" "$repo/exercises/"
    git() { command git -C "$repo" -c user.name=kata -c user.email=kata@example.com "$@"; }
    git init -q && git add exercises && git commit -qm shipped || fail "git"
    cp "$root/solutions/05_dcounts.cpp" "$repo/exercises/"
    git commit -qam "the learner's answer" || fail "git"
    "$kata" --root "$repo" --build-dir "$scratch/build" reset dcounts < /dev/null > "$out" 2>&1
    expect_exit $? 2
    expect 'not a terminal: pass --yes'
    cmp -s "$repo/exercises/05_dcounts.cpp" "$root/solutions/05_dcounts.cpp" || fail "reset without --yes changed the file"
    "$kata" --root "$repo" --build-dir "$scratch/build" reset dcounts --yes > "$out" 2>&1
    expect_exit $? 0
    cmp -s "$repo/exercises/05_dcounts.cpp" "$root/exercises/05_dcounts.cpp" || fail "not the shipped stub"
    cmp -s "$scratch/build/kata-reset/05_dcounts.cpp" "$root/solutions/05_dcounts.cpp" || fail "no copy of the answer"
    "$kata" --root "$repo" --build-dir "$scratch/build" reset 5 --yes > "$out" 2>&1
    expect_exit $? 0
    expect 'already as shipped' ;;
  hint)
    # Both ways a note may mark its tiers: the docs' bold paragraph and <summary>s, and headings.
    mkdir -p "$scratch/docs/steps"
    cat > "$scratch/docs/steps/05_dcounts.md" << 'NOTE'
# dcounts
INTRO
## Hints

Open one tier at a time.

**Tier 1, the idea.** IDEA counts reaches the loss by two paths.
MORE IDEA

<details>
<summary>Tier 2: the shapes and the local derivative</summary>

SHAPES (n, 27) and (n, 1).

</details>

<details>
<summary>Tier 3: the formula</summary>

FORMULA `dcounts` = $q_i \, \frac{\partial L}{\partial p_{ij}}$ + dcounts_sum

</details>

## Mistakes the tests catch
MISTAKES
NOTE
    cat > "$scratch/docs/steps/06_dnorm_logits.md" << 'NOTE'
# dnorm_logits
## Hint 1: the idea
EXP its derivative is itself.
### An aside
ASIDE
## HINT 2
LOCAL counts * dcounts
## Further reading
READING
NOTE
    "$kata" --root "$scratch" hint dcounts > "$out" 2>&1
    expect_exit $? 0
    expect '^Hint 1 of 3 for dcounts'
    expect '^Tier 1, the idea. IDEA'
    expect '^MORE IDEA'
    expect_not 'INTRO|Open one tier|SHAPES|FORMULA|details'
    expect 'kata hint dcounts 2'
    "$kata" --root "$scratch" hint dcounts 2 > "$out" 2>&1
    expect_exit $? 0
    expect '^Hint 2 of 3 for dcounts \(Tier 2: the shapes and the local derivative\)'
    expect '^SHAPES'
    expect_not 'IDEA|FORMULA|details|summary'
    "$kata" --root "$scratch" hint dcounts 3 > "$out" 2>&1
    expect_exit $? 0
    expect '^FORMULA dcounts = qᵢ ∂L/∂pᵢⱼ \+ dcounts_sum$'
    expect_not 'IDEA|SHAPES|MISTAKES|details|summary'
    "$kata" --root "$scratch" hint dcounts 4 > "$out" 2>&1
    expect_exit $? 2
    expect 'hints 1 to 3, not 4'
    "$kata" --root "$scratch" hint 6 1 > "$out" 2>&1
    expect_exit $? 0
    expect '^Hint 1 of 2 for dnorm_logits \(Hint 1: the idea\)'
    expect '^EXP'
    expect '^ASIDE'
    expect_not 'LOCAL|READING'
    "$kata" --root "$scratch" hint 6 2 > "$out" 2>&1
    expect '^LOCAL'
    expect_not 'EXP|READING'
    "$kata" --root "$scratch" hint dprobs > "$out" 2>&1
    expect_exit $? 0
    expect 'The derivative of log\(x\) is 1/x'
    # Every tier of every note reads as plain text: no Markdown or LaTeX left (markdown.h).
    for note in "$root"/docs/steps/[0-9]*.md; do
      step=$(basename "$note" .md)
      for tier in 1 2 3 4 5; do
        "$kata" --root "$root" hint "${step%%_*}" $tier > "$out" 2>&1 || break
        if grep -nE '\\[A-Za-z]|\$|\*\*|`|</?(details|summary)' "$out"; then fail "$step hint $tier is not plain text"; fi
      done
      [[ $tier -gt 1 ]] || fail "$step: no hint tiers"
    done ;;
  usage)
    "$kata" --no-build --tests "$fake" run dcount > "$out" 2>&1
    expect_exit $? 2
    expect "no step is named 'dcount'; did you mean dcounts"
    "$kata" run dcount --no-build --tests "$fake" > "$out" 2>&1  # the options also after the command
    expect_exit $? 2
    expect "no step is named 'dcount'; did you mean dcounts"
    "$kata" frobnicate > "$out" 2>&1
    expect_exit $? 2
    "$kata" list > "$out" 2>&1
    expect_exit $? 0
    expect '^ +28  batchnorm_backward' ;;
  *)
    fail "unknown scenario $scenario" ;;
esac
echo "ok: $scenario"
