// The test main for Catch2 v2; with v3 the test binaries link Catch2::Catch2WithMain instead.
// Wide enough that a message's file paths are never broken across lines.
#define CATCH_CONFIG_CONSOLE_WIDTH 200
#define CATCH_CONFIG_MAIN
#include "catch.h"
