# Runs `poolscope check [ARGS] FILE` and requires exit code EXIT and every regex in EXPECT (joined by @@) in its
# output.
execute_process(COMMAND ${POOLSCOPE} check ${ARGS} ${FILE} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT code STREQUAL EXIT)
  message(FATAL_ERROR "expected exit code ${EXIT}, got ${code}")
endif()
string(REPLACE "@@" ";" patterns "${EXPECT}")
foreach(pattern IN LISTS patterns)
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "output does not match: ${pattern}")
  endif()
endforeach()
