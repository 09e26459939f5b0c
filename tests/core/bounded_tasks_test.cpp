// BoundedTasks (core/bounded_tasks.h): never more than `limit` tasks at
// once, every task run, the first failure in submission order rethrown.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/bounded_tasks.h"

namespace koho {
namespace {

using namespace std::chrono_literals;

TEST(BoundedTasks, RunsEveryTaskAndNeverMoreThanTheLimitAtOnce) {
    std::atomic<int> running{0}, most{0}, done{0};
    std::vector<int> results(12, 0);
    BoundedTasks tasks(3);
    for (int i = 0; i < 12; ++i) {
        tasks.submit([&, i] {
            const int now = ++running;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {}
            std::this_thread::sleep_for(5ms);
            results[i] = i * i;
            --running;
            ++done;
        });
        EXPECT_LE(running.load(), 3);
    }
    tasks.finish();
    EXPECT_EQ(done.load(), 12);
    EXPECT_LE(most.load(), 3);
    EXPECT_GE(most.load(), 2);  // they did overlap
    for (int i = 0; i < 12; ++i) EXPECT_EQ(results[i], i * i);
}

TEST(BoundedTasks, TheFirstFailureInSubmissionOrderIsRethrown) {
    BoundedTasks tasks(4);
    tasks.submit([] {
        std::this_thread::sleep_for(20ms);
        throw std::runtime_error("first");
    });
    tasks.submit([] { throw std::runtime_error("second"); });
    try {
        tasks.finish();
        FAIL() << "no failure rethrown";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "first");
    }
}

TEST(BoundedTasks, ALimitOfOneRunsTasksOneAfterAnother) {
    std::vector<int> order;
    BoundedTasks tasks(1);
    for (int i = 0; i < 5; ++i) tasks.submit([&order, i] { order.push_back(i); });
    tasks.finish();
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(BoundedTasks, TheDefaultLimitIsBetweenOneAndTheCap) {
    EXPECT_GE(BoundedTasks::default_limit(), 1u);
    EXPECT_LE(BoundedTasks::default_limit(), BoundedTasks::kMaxWorkers);
}

}  // namespace
}  // namespace koho
