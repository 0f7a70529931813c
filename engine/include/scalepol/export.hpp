// SCALEPOL_API marks what libscalepol exports. The library is built with -fvisibility=hidden:
// the engine's internals (parser, checker, evaluator) stay inside it, so a host cannot come to
// depend on them and the dynamic linker has fewer symbols to resolve.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define SCALEPOL_API __attribute__((visibility("default")))
#else
#define SCALEPOL_API
#endif
