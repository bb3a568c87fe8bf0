// Lookalike of cppcoro (cppcoro/io_service.hpp): process_events() and
// process_one_event() run the event loop on the calling thread until stopped;
// process_pending_events() runs what is ready and returns without waiting.
#pragma once
#include "task.hpp"

namespace cppcoro {
class io_service {
public:
  io_service();
  std::uint64_t process_events();
  std::uint64_t process_pending_events();
  std::uint64_t process_one_event();
  std::uint64_t process_one_pending_event();
  void stop() noexcept;
  lookalike::awaiter<void> schedule() noexcept;
  lookalike::awaiter<void> schedule_after(std::chrono::milliseconds) noexcept;
};
} // namespace cppcoro
