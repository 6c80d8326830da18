# Embeds the catalogues in data/ into the binary, so that dermasim works from any directory.
# Each file becomes one entry {name, text} of a generated C++ table.
function(dermasim_embed_data target)
  file(GLOB data_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/data/*.toml)
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/embedded_data.cpp)
  string(REPLACE ";" "|" data_file_list "${data_files}")
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${generated} "-DINPUTS=${data_file_list}"
            -P ${PROJECT_SOURCE_DIR}/cmake/write_embedded_data.cmake
    DEPENDS ${data_files} ${PROJECT_SOURCE_DIR}/cmake/write_embedded_data.cmake
    COMMENT "Embedding data/ catalogues"
    VERBATIM)
  target_sources(${target} PRIVATE ${generated})
endfunction()
