// BoundedTasks (bounded_tasks.h).
#include "core/bounded_tasks.h"

#include <algorithm>
#include <thread>

namespace koho {

BoundedTasks::BoundedTasks(unsigned limit) : limit_(std::max(1u, limit)) {}

BoundedTasks::~BoundedTasks() {
    for (std::future<void>& task : running_)
        if (task.valid()) task.wait();
}

unsigned BoundedTasks::default_limit() {
    return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxWorkers);
}

void BoundedTasks::wait_oldest() {
    std::future<void> oldest = std::move(running_.front());
    running_.pop_front();
    oldest.get();  // rethrows its failure
}

void BoundedTasks::finish() {
    while (!running_.empty()) wait_oldest();
}

}  // namespace koho
