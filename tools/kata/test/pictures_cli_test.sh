#!/bin/bash
# kata show and kata graph, run as the learner runs them, against test doubles of the step tests:
#   pictures_cli_test.sh <scenario> <kata> <fake steps dir> <fake tensors dir> <source root> <scratch dir> <xml_check>
# <fake steps dir> holds test/fake_step_test.in (steps 1 to 3 pass, 4 fails, 5 throws, the rest are
# not done); <fake tensors dir> test/fake_tensors_step.sh (dlogits fails in one column, dW2 transposed,
# with tensors).
set -u
scenario=$1 kata=$2 fake=$3 tensors=$4 root=$5 scratch=$6 xml_check=$7
rm -rf "$scratch" && mkdir -p "$scratch"
out=$scratch/out

fail() { echo "FAIL: $*"; echo "--- kata printed:"; cat "$out" 2>/dev/null; exit 1; }
expect_exit() { [[ $1 == "$2" ]] || fail "exit status $1, expected $2"; }
expect() { grep -qE -- "$1" "$out" || fail "no line matches '$1'"; }
# The fill colour kata-graph.dot gives a node.
fill() { sed -nE "s/^  $1 \[label=\"[^\"]*\", fillcolor=\"([^\"]*)\".*/\1/p" "$scratch/kata-graph.dot"; }
well_formed() { "$xml_check" "$1" || fail "$1 is not XML"; }

case $scenario in
  graph|graph-no-dot)
    # The colours are kata's verdicts: step 1 (logprobs) passes, 4 (counts_sum) fails, 5 (counts)
    # threw, 6 (norm_logits) is not done.
    if [[ $scenario == graph ]]; then
      command -v dot > /dev/null || { echo "graph skipped: Graphviz's dot is not installed"; exit 0; }
      "$kata" --no-build --steps-dir "$fake" --build-dir "$scratch" graph > "$out" 2>&1
    else
      mkdir "$scratch/empty" && PATH=$scratch/empty "$kata" --no-build --steps-dir "$fake" --build-dir "$scratch" graph > "$out" 2>&1
    fi
    expect_exit $? 0
    expect '\] 3/28'
    [[ $(fill logprobs) == "#56b4e9" ]] || fail "logprobs is $(fill logprobs), not passed's #56b4e9"
    [[ $(fill counts_sum) == "#e69f00" ]] || fail "counts_sum is $(fill counts_sum), not failed's #e69f00"
    [[ $(fill counts) == "#f0e442" ]] || fail "counts is $(fill counts), not threw's #f0e442"
    [[ $(fill norm_logits) == "#ffffff" ]] || fail "norm_logits is $(fill norm_logits), not not done's #ffffff"
    if [[ $scenario == graph ]]; then
      expect "The graph is in .*kata-graph.svg"
      well_formed "$scratch/kata-graph.svg"
      grep -q '#e69f00' "$scratch/kata-graph.svg" || fail "the SVG has no node in failed's colour"
      # It fits a 1920 x 1080 screen at 100%: 1440 x 810 pt (dot writes the size in pt).
      size=$(sed -nE 's/^<svg width="([0-9.]+)pt" height="([0-9.]+)pt".*/\1 \2/p' "$scratch/kata-graph.svg")
      [[ -n $size ]] || fail "kata-graph.svg gives no size in pt"
      awk -v s="$size" 'BEGIN { split(s, wh, " "); exit !(wh[1] <= 1440 && wh[2] <= 810) }' ||
        fail "kata-graph.svg is $size pt: larger than a 1920 x 1080 screen"
    else
      expect 'install Graphviz'
      expect "^  dot -Tsvg .*kata-graph.dot -o .*kata-graph.svg"
      [[ ! -e $scratch/kata-graph.svg ]] || fail "an SVG without dot"
    fi ;;
  show)
    # Without a terminal, a table: the wrong column 2 is the only one with a difference.
    "$kata" --no-build --steps-dir "$tensors" --build-dir "$scratch" show dlogits --svg "$scratch/show.svg" > "$out" 2>&1
    expect_exit $? 1
    expect '^Step 8 of 28: dlogits +failed'
    expect '^row col yours PyTorch yours_-_PyTorch$'
    expect '^2 2 1 -1 2$'
    expect '^0 3 0.5 0.5 0$'
    awk '$1 ~ /^[0-9]+$/ && NF == 5 && ($2 == 2) != ($5 != 0) { bad = 1 } END { exit bad }' "$out" ||
      fail "a difference outside column 2, or none in it"
    well_formed "$scratch/show.svg"
    # 0 is white, as the legend says, and no cell is the grey it once was.
    grep -q 'fill="#ffffff"' "$scratch/show.svg" || fail "no white cell for 0 in show.svg"
    ! grep -q 'fill="#f7f7f7"' "$scratch/show.svg" || fail "a grey cell in show.svg"
    # A transposed answer: the heading says the shapes differ, not cmp()'s maxdiff of 0.
    "$kata" --no-build --steps-dir "$tensors" --build-dir "$scratch" show dW2 > "$out" 2>&1
    expect_exit $? 1
    expect '^# network dW2: shapes differ: \(4, 3\) vs \(3, 4\)$'
    expect "^# The shapes differ: yours \(4, 3\), PyTorch's \(3, 4\): no difference to draw.$"
    # On a terminal without colour: the shades, one row a line, and the legend.
    command -v script > /dev/null || { echo "no script(1): the terminal picture skipped"; exit 0; }
    show=("$kata" --no-build --steps-dir "$tensors" --build-dir "$scratch" show 8)
    # util-linux's script takes the command as a string (-c) and returns its status (-e); BSD's
    # (macOS) takes the command's words after the log file.
    if script -qec true /dev/null > /dev/null 2>&1; then
      NO_COLOR=1 COLUMNS=100 script -qec "$(printf '%q ' "${show[@]}")" /dev/null
    else
      NO_COLOR=1 COLUMNS=100 script -q /dev/null "${show[@]}"
    fi 2>&1 | tr -d '\r' > "$out"  # the terminal ends its lines with \r\n
    expect_exit "${PIPESTATUS[0]}" 1
    expect '^yours +PyTorch +yours - PyTorch'
    # 0.5 is level 2 of 4 on the scale of 1, the difference 0.5 level 1 of 4 on the scale of 2.
    expect '^#▒█▒ +#▒▒▒ +  ░$'
    expect '^▒#█▒ +▒#▒▒ +  ░$'
    expect '^▒▒█▒ +▒▒#▒ +  █$'
    expect "yours and PyTorch's, one scale: -1 #≡=- ░▒▓█ 1"
    expect 'yours - PyTorch, its own scale: -2 #≡=- ░▒▓█ 2' ;;
  *)
    echo "unknown scenario $scenario"
    exit 2 ;;
esac
