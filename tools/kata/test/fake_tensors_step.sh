#!/bin/bash
# A stand-in for the judge in the pictures' tests, linked under its name and each runner's:
# dlogits fails with one wrong column and saves its tensors (3 x 4) where $BACKPROP_REPORT_TENSORS
# says, as a step test does; dW2 fails transposed, (4, 3) for (3, 4); every other step passes,
# without tensors. $1 is the step's name.
name=$1
stem=$(basename "$(compgen -G "$(dirname "$0")/[0-9][0-9]_$name")")
# A float32 .npy file of the shape "3, 4" and its values, each given as its four bytes, little-endian.
npy() {
  local file=$1 header="{'descr': '<f4', 'fortran_order': False, 'shape': ($2), }"
  shift 2
  while (((10 + ${#header} + 1) % 64)); do header+=" "; done
  { printf '\x93NUMPY\x01\x00'; printf "\\x$(printf %02x $((${#header} + 1)))\\x00"; printf '%s\n' "$header"
    for value in "$@"; do printf "$value"; done; } > "$file"
}
one='\x00\x00\x80\x3f' minus='\x00\x00\x80\xbf' half='\x00\x00\x00\x3f'
case_json() {
  local worst="{\"index\": [2, 2], \"got\": 1, \"expected\": -1, \"share\": 2}"
  echo "{\"name\": \"$name\", \"exact\": $1, \"approximate\": $1, \"maxdiff\": $2, \"shape\": [${5:-3, 4}]," \
    "\"expected_shape\": [3, 4], \"worst\": $worst, \"worst_share\": $worst, \"expected_npy\": $3, \"got_npy\": $4}"
}
report() {
  echo "{\"step\": \"$name\", \"state\": \"$1\", \"file\": \"exercises/$stem.cpp\", \"note\": \"docs/steps/$stem.md\"," \
    "\"network\": $2, \"probe\": null, \"diagnoses\": [], \"error\": \"\"}" >> "$BACKPROP_REPORT"
}
if [[ $name != dlogits && $name != dW2 ]]; then
  report passed "$(case_json true 0 null null)"
  exit 0
fi
dir=${BACKPROP_REPORT_TENSORS:?}
mkdir -p "$dir"
if [[ $name == dW2 ]]; then
  # cmp() of misshapen tensors says maxdiff 0.
  npy "$dir/expected.npy" "3, 4" $minus $half $half $half $half $minus $half $half $half $half $minus $half
  npy "$dir/$stem.network.npy" "4, 3" $minus $half $half $half $minus $half $half $half $minus $half $half $half
  report failed "$(case_json false 0 "\"$dir/expected.npy\"" "\"$dir/$stem.network.npy\"" "4, 3")"
  exit 1
fi
# Expected: -1 at each row's label (columns 0, 1, 2), 0.5 elsewhere; the learner's column 2 is all 1.
npy "$dir/expected.npy" "3, 4" $minus $half $half $half $half $minus $half $half $half $half $minus $half
npy "$dir/$stem.network.npy" "3, 4" $minus $half $one $half $half $minus $one $half $half $half $one $half
report failed "$(case_json false 2 "\"$dir/expected.npy\"" "\"$dir/$stem.network.npy\"")"
exit 1
