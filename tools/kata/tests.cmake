# The kata tool's tests, included by tools/kata/CMakeLists.txt: status on this tree's own steps (the
# stubs of exercises/: none done; the solutions: all done), and each command against a test double
# of kata_tests or a scratch tree.
list(LENGTH BACKPROP_STEP_NAMES step_count)
if(BACKPROP_TREE STREQUAL "exercises")
  set(done 0)
else()
  set(done ${step_count})
endif()
add_test(NAME kata_status COMMAND kata --no-build status)
set_tests_properties(kata_status PROPERTIES LABELS "kata" PASS_REGULAR_EXPRESSION "\\] ${done}/${step_count}\n")

list(JOIN BACKPROP_STEP_NAMES " " KATA_STEP_NAMES)
configure_file(${CMAKE_CURRENT_LIST_DIR}/test/fake_kata_tests.in test/fake_kata_tests @ONLY
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
foreach(scenario mix crash watch watch-poll reset hint usage)
  add_test(NAME kata_${scenario}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/test/kata_cli_test.sh ${scenario} $<TARGET_FILE:kata>
      ${CMAKE_CURRENT_BINARY_DIR}/test/fake_kata_tests ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/test/scratch/${scenario}
      ${BACKPROP_TREE})
  set_tests_properties(kata_${scenario} PROPERTIES LABELS "kata" TIMEOUT 60)
endforeach()

# The converter that shows the notes' Markdown and LaTeX as plain text (markdown.h).
add_executable(kata_markdown_test test/markdown_test.cpp markdown.cpp)
target_link_libraries(kata_markdown_test PRIVATE backprop_catch backprop_warnings)
catch_discover_tests(kata_markdown_test PROPERTIES LABELS "kata")
