// Work handed to other threads while this one goes on making more.
//
// At most `limit` tasks run at once; submit() first waits for the oldest
// when that many are running, so a producer of big inputs (a proof's
// pixels, tens of MB at 300 dpi) never holds more than `limit` + 1 of them.
// The first failure in submission order is rethrown by submit() or
// finish(). A task must not touch what the submitting thread goes on
// using: koho hands over finished things only (a drawn proof to encode as
// PNG), never Pango or Cairo state still in use.
#pragma once

#include <deque>
#include <future>
#include <utility>

namespace koho {

class BoundedTasks {
public:
    // The default: the machine's hardware threads, at most kMaxWorkers.
    explicit BoundedTasks(unsigned limit = default_limit());
    // Waits for the tasks still running; their failures are dropped (this
    // runs while another exception is on its way, or after finish()).
    ~BoundedTasks();
    BoundedTasks(const BoundedTasks&) = delete;
    BoundedTasks& operator=(const BoundedTasks&) = delete;

    template <class Task>
    void submit(Task&& task) {
        while (running_.size() >= limit_) wait_oldest();
        running_.push_back(std::async(std::launch::async, std::forward<Task>(task)));
    }

    // Waits for every task; rethrows the first failure.
    void finish();

    // Four: enough to keep a workstation's cores busy encoding while one
    // thread draws, few enough that proofs at 300 dpi stay within memory.
    static constexpr unsigned kMaxWorkers = 4;
    static unsigned default_limit();

private:
    void wait_oldest();

    unsigned limit_;
    std::deque<std::future<void>> running_;
};

}  // namespace koho
