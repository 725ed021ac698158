# The trainer's tests, included by tests/CMakeLists.txt (ctest sees only directories added after
# enable_testing()). tests/train_test.cpp gets a binary of its own, optimised like the trainer, so
# that no program mixes Eigen compiled with and without NDEBUG (kata_tests keeps Eigen's checks).
add_executable(train_tests ${PROJECT_SOURCE_DIR}/tests/train_test.cpp)
target_link_libraries(train_tests PRIVATE train_core backprop_catch backprop_warnings)
# Until the learner has done the steps a test trains with, that test says "train skipped"; without
# names.txt, "names.txt skipped".
catch_discover_tests(train_tests PROPERTIES LABELS "train" SKIP_REGULAR_EXPRESSION "(train|names.txt) skipped")
