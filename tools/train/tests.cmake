# The trainer's tests, included by tests/CMakeLists.txt (ctest sees only directories added after
# enable_testing()). tests/train_test.cpp gets a binary of its own, optimised like the trainer, so
# that no program mixes Eigen compiled with and without NDEBUG (kata_tests keeps Eigen's checks).
add_executable(train_tests ${PROJECT_SOURCE_DIR}/tests/main.cpp ${PROJECT_SOURCE_DIR}/tests/train_test.cpp)
target_include_directories(train_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(train_tests PRIVATE train_core Catch2::Catch2 backprop_warnings)
# Until the learner has done the steps a test trains with, that test says "train skipped".
catch_discover_tests(train_tests PROPERTIES LABELS "train" SKIP_REGULAR_EXPRESSION "train skipped")
