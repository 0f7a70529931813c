# The engine's layers, each an OBJECT library that sees only itself and the layers below it.
#
# A layer compiles with one include directory of its own, build/layers/<layer>/, which holds a
# link to its source folder (engine/src/<layer>) and links to the public headers it may name.
# Linking a lower layer (PUBLIC) adds that layer's directory, and so on down; nothing adds a
# higher one. An `#include "report/…"` in eval/, or of `scalepol/policy.hpp` below api/, is then
# "file not found": the build rejects an include that runs back up. docs/internals.md draws the
# layers; tests/layers/ checks that the rejection happens and that no layer calls a function
# defined above it.
#
#   scalepol_layer(<folder> [BELOW <layer>...] [PUBLIC_HEADERS <file>...]
#                  [LIBS <target>...] [SOURCES <file>...])
#
# BELOW: the layers directly below (the rest come through them). LIBS: third-party libraries only
# this layer uses (the generated parser in syntax/, simdjson in data/). SOURCES: generated files
# that belong to the layer.
set(SCALEPOL_LAYERS "")

function(scalepol_layer name)
  cmake_parse_arguments(L "" "" "BELOW;PUBLIC_HEADERS;LIBS;SOURCES" ${ARGN})
  set(tree ${CMAKE_BINARY_DIR}/layers/${name})
  file(MAKE_DIRECTORY ${tree}/scalepol)
  if(IS_DIRECTORY ${CMAKE_SOURCE_DIR}/engine/src/${name})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/engine/src/${name} ${tree}/${name} SYMBOLIC)
  endif()
  # The public headers of this layer, and no stale link from an earlier configuration.
  file(GLOB _old LIST_DIRECTORIES false ${tree}/scalepol/*)
  foreach(link ${_old})
    get_filename_component(h ${link} NAME)
    if(NOT h IN_LIST L_PUBLIC_HEADERS)
      file(REMOVE ${link})
    endif()
  endforeach()
  foreach(h ${L_PUBLIC_HEADERS})
    if(NOT EXISTS ${CMAKE_SOURCE_DIR}/engine/include/scalepol/${h})
      message(FATAL_ERROR "layer ${name}: no public header scalepol/${h}")
    endif()
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/engine/include/scalepol/${h} ${tree}/scalepol/${h} SYMBOLIC)
  endforeach()

  file(GLOB_RECURSE _src CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/engine/src/${name}/*.cpp)
  add_library(scalepol_${name} OBJECT ${_src} ${L_SOURCES})
  set_target_properties(scalepol_${name} PROPERTIES
    POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_include_directories(scalepol_${name} PUBLIC ${tree})
  target_compile_options(scalepol_${name} PRIVATE ${SCALEPOL_WARNINGS})
  set(_below "")
  foreach(b ${L_BELOW})
    list(APPEND _below scalepol_${b})
  endforeach()
  target_link_libraries(scalepol_${name} PUBLIC ${_below} tl::expected PRIVATE fmt::fmt ${L_LIBS})

  # What the layer sees: itself and every layer below, for tests/layers/.
  set(_sees ${name})
  foreach(b ${L_BELOW})
    get_property(_b_sees GLOBAL PROPERTY SCALEPOL_LAYER_SEES_${b})
    list(APPEND _sees ${_b_sees})
  endforeach()
  list(REMOVE_DUPLICATES _sees)
  set_property(GLOBAL PROPERTY SCALEPOL_LAYER_SEES_${name} ${_sees})

  set(SCALEPOL_LAYERS ${SCALEPOL_LAYERS} ${name} PARENT_SCOPE)
  set(ENGINE_SOURCES ${ENGINE_SOURCES} ${_src} ${L_SOURCES} PARENT_SCOPE)
endfunction()

# build/layers/layers.json: each layer's view (the layers it sees, bottom up), its headers and,
# once built, its object files; tests/layers/layers.py reads it.
function(scalepol_write_layer_map)
  set(json "{\n  \"layers\": [")
  set(sep "")
  foreach(name ${SCALEPOL_LAYERS})
    get_property(sees GLOBAL PROPERTY SCALEPOL_LAYER_SEES_${name})
    list(JOIN sees "\", \"" sees_json)
    file(GLOB_RECURSE headers RELATIVE ${CMAKE_SOURCE_DIR}/engine/src CONFIGURE_DEPENDS
      ${CMAKE_SOURCE_DIR}/engine/src/${name}/*.hpp)
    list(JOIN headers "\", \"" headers_json)
    set(json "${json}${sep}\n    {\"name\": \"${name}\", \"sees\": [\"${sees_json}\"],")
    string(APPEND json "\n     \"headers\": [\"${headers_json}\"],")
    string(APPEND json "\n     \"objects\": [\"$<JOIN:$<TARGET_OBJECTS:scalepol_${name}>,\", \">\"]}")
    set(sep ",")
  endforeach()
  string(APPEND json "\n  ]\n}\n")
  file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/layers/layers.json CONTENT "${json}")
endfunction()
