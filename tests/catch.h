// The one place Catch2 is included: moving to Catch2 v3 changes this file only.
#pragma once

#include <catch2/catch.hpp>
