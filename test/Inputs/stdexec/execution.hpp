// Lookalike of stdexec (stdexec/execution.hpp, exec/async_scope.hpp).
#pragma once
#include "../lookalike_coro_base.h"
#include <optional>
#include <tuple>

namespace stdexec {
struct sender {};
sender just();
template <typename S, typename F> sender then(S, F);
template <typename S> std::optional<std::tuple<>> sync_wait(S &&);
template <typename S> void start_detached(S &&);
} // namespace stdexec
namespace exec {
template <typename S> void start_detached(S &&);
class static_thread_pool {
public:
  explicit static_thread_pool(unsigned);
};
} // namespace exec
