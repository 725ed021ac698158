# The kata tool's tests, included by tools/kata/CMakeLists.txt with the unit tests: each command
# against test doubles of the step tests and of cmake (test/), or a scratch tree, never against the
# learner's own steps, so that they pass whatever the learner's progress.
list(JOIN BACKPROP_STEP_NAMES " " KATA_STEP_NAMES)
set(fake_dir ${CMAKE_CURRENT_BINARY_DIR}/test/fake_steps)
configure_file(${CMAKE_CURRENT_LIST_DIR}/test/fake_step_test.in ${fake_dir}/fake_step_test @ONLY
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# The runners' names, for their build times, and the judge's, which kata runs.
foreach(stem IN LISTS BACKPROP_STEP_STEMS ITEMS judge)
  file(CREATE_LINK fake_step_test ${fake_dir}/${stem} SYMBOLIC)
endforeach()
foreach(scenario mix crash loop broken missing lock watch watch-poll watch-vim watch-cancel reset train saved usage)
  add_test(NAME kata_${scenario}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/test/kata_cli_test.sh ${scenario} $<TARGET_FILE:kata> ${fake_dir}
      ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/test/scratch/${scenario} ${BACKPROP_TREE})
  set_tests_properties(kata_${scenario} PROPERTIES LABELS "kata" TIMEOUT 60)
endforeach()

# The converter that shows the notes' Markdown and LaTeX as plain text (markdown.h).
add_executable(kata_markdown_test test/markdown_test.cpp markdown.cpp)
target_include_directories(kata_markdown_test PRIVATE ${PROJECT_SOURCE_DIR}/tools/plot ${PROJECT_SOURCE_DIR}/lib)
target_link_libraries(kata_markdown_test PRIVATE backprop_catch backprop_warnings)
catch_discover_tests(kata_markdown_test PROPERTIES LABELS "kata")

# The scripted tests' XML check (SVG, JUnit), so that none needs Python.
add_executable(xml_check ${PROJECT_SOURCE_DIR}/tools/plot/test/xml_check.cpp)
target_link_libraries(xml_check PRIVATE backprop_warnings)

# kata grade and kata report on this build's prebuilt steps, in the instructor's tree only: the
# solutions must grade 28/28 (tools/kata/test/grade_test.sh).
if(BACKPROP_TREE STREQUAL "solutions" AND NOT BACKPROP_SANITIZE)
  add_test(NAME kata_grade COMMAND ${CMAKE_CURRENT_LIST_DIR}/test/grade_test.sh $<TARGET_FILE:kata>
    ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/test/scratch/grade $<TARGET_FILE:xml_check> $<TARGET_FILE:judge>)
  set_tests_properties(kata_grade PROPERTIES LABELS "kata" TIMEOUT 600)
  # kata debug on a real runner: gdb stops in the step with its inputs, tensors pretty-printed.
  add_test(NAME kata_debug COMMAND ${CMAKE_CURRENT_LIST_DIR}/test/debug_test.sh $<TARGET_FILE:kata>
    ${CMAKE_CURRENT_BINARY_DIR}/test/scratch/debug)
  set_tests_properties(kata_debug PROPERTIES LABELS "kata" TIMEOUT 120 SKIP_RETURN_CODE 77)
endif()
# The pictures of kata show and kata graph, drawn from values and reports, without a terminal.
add_executable(kata_pictures_test test/pictures_test.cpp)
target_include_directories(kata_pictures_test PRIVATE ${CMAKE_CURRENT_LIST_DIR} ${PROJECT_SOURCE_DIR}/tools/plot)
target_link_libraries(kata_pictures_test PRIVATE kata_commands backprop_catch backprop_warnings)
catch_discover_tests(kata_pictures_test PROPERTIES LABELS "kata")
# kata's commands in-process; where kata finds the build's targets and compile commands, and the
# status's saved verdicts.
add_executable(kata_unit_test test/commands_test.cpp test/build_tree_test.cpp)
target_include_directories(kata_unit_test PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(kata_unit_test PRIVATE kata_commands backprop_catch backprop_warnings)
catch_discover_tests(kata_unit_test PROPERTIES LABELS "kata")
set(tensors_dir ${CMAKE_CURRENT_BINARY_DIR}/test/fake_tensors)
file(MAKE_DIRECTORY ${tensors_dir})
foreach(stem IN LISTS BACKPROP_STEP_STEMS ITEMS judge)
  file(CREATE_LINK ${CMAKE_CURRENT_LIST_DIR}/test/fake_tensors_step.sh ${tensors_dir}/${stem} SYMBOLIC)
endforeach()
foreach(scenario show graph graph-no-dot)
  add_test(NAME kata_pictures_${scenario}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/test/pictures_cli_test.sh ${scenario} $<TARGET_FILE:kata> ${fake_dir}
      ${tensors_dir} ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/test/scratch/pictures_${scenario}
      $<TARGET_FILE:xml_check>)
  set_tests_properties(kata_pictures_${scenario} PROPERTIES LABELS "kata" TIMEOUT 60
    SKIP_REGULAR_EXPRESSION "(graph|terminal picture) skipped")
endforeach()
