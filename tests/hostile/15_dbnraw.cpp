// Replaces dbnraw: includes a file of the checkout that a step has no business reading.
#include "@ROOT@/solutions/15_dbnraw.cpp"
