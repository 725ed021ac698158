// Wide enough that a message's file paths are never broken across lines.
#define CATCH_CONFIG_CONSOLE_WIDTH 200
#define CATCH_CONFIG_MAIN
#include "catch.h"
