// Headers that only the compiler's resource directory provides.
#include <cstddef>
#include <stdarg.h>
#include <stddef.h>

struct S {
  int a;
  int b;
};
static_assert(offsetof(S, b) == sizeof(int));
std::size_t size = sizeof(va_list);
