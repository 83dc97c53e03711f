package com.allthrive.sms.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.allthrive.sms.shared.BatchPace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTests {

  private final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
  private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final CountDownLatch firstMayEnd = new CountDownLatch(1);
  private GroupCommit<Integer, String> commits;

  @AfterEach
  void stop() {
    firstMayEnd.countDown();
    if (commits != null) {
      commits.stop();
    }
    callers.shutdownNow();
  }

  /** Item 0 runs alone and holds the only worker until the test lets it go; 13 fails in a batch. */
  private GroupCommit<Integer, String> commits(int max) {
    return commits(max, Duration.ZERO);
  }

  private GroupCommit<Integer, String> commits(int max, Duration pace) {
    Function<List<Integer>, List<String>> batch =
        items -> {
          batches.add(items);
          if (items.contains(13)) {
            throw new IllegalStateException("a batch with 13");
          }
          return items.stream().map(i -> "batched " + i).toList();
        };
    Function<Integer, String> single =
        item -> {
          if (item == 0) {
            await().atMost(Duration.ofSeconds(10)).until(() -> firstMayEnd.getCount() == 0);
          }
          if (item == 13) {
            throw new IllegalArgumentException("13 alone");
          }
          return "alone " + item;
        };
    commits = new GroupCommit<>("test", max, 1, new BatchPace(pace), batch, single, sizes::add);
    return commits;
  }

  private CompletableFuture<String> call(int item) {
    return CompletableFuture.supplyAsync(() -> commits.run(item), callers);
  }

  /**
   * Calls with item 0, which holds the worker, then with {@code others}, which wait meanwhile, then
   * lets item 0 end; the futures in the same order, item 0's first.
   */
  private List<CompletableFuture<String>> behindTheFirst(int... others) {
    List<CompletableFuture<String>> calls = new ArrayList<>();
    calls.add(call(0));
    await().atMost(Duration.ofSeconds(10)).until(() -> sizes.equals(List.of(1)));
    for (int item : others) {
      calls.add(call(item));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == others.length);
    firstMayEnd.countDown();
    return calls;
  }

  @Test
  void whatWaitsWhileAStatementRunsGoesOutAsOneBatchAndEachCallerGetsItsOwnResult()
      throws Exception {
    commits(64);
    var calls = behindTheFirst(1, 2, 3, 4, 5, 6, 7, 8, 9);

    assertThat(calls.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("alone 0");
    for (int i = 1; i <= 9; i++) {
      assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("batched " + i);
    }
    assertThat(sizes).containsExactly(1, 9);
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void underAPaceALoneItemGoesAtOnceAndWhatComesRightAfterWaitsToGoOutTogether() throws Exception {
    firstMayEnd.countDown();
    commits(64, Duration.ofSeconds(5));
    // after a quiet spell: at once, far sooner than the pace
    assertThat(call(0).get(2, TimeUnit.SECONDS)).isEqualTo("alone 0");

    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int item = 1; item <= 5; item++) {
      calls.add(call(item));
    }
    for (int item = 1; item <= 5; item++) {
      assertThat(calls.get(item - 1).get(10, TimeUnit.SECONDS)).isEqualTo("batched " + item);
    }
    // without the pace the worker would have taken item 1 alone the moment it came
    assertThat(sizes).containsExactly(1, 5);
  }

  @Test
  void aBatchIsNeverLargerThanItsLimit() throws Exception {
    commits(4);
    for (var call : behindTheFirst(1, 2, 3, 4, 5, 6)) {
      call.get(10, TimeUnit.SECONDS);
    }
    assertThat(sizes).containsExactly(1, 4, 2);
  }

  @Test
  void whenABatchFailsEachItemRunsAloneAndOnlyTheFaultyOneFails() throws Exception {
    commits(64);
    var calls = behindTheFirst(12, 13, 14);

    calls.get(0).get(10, TimeUnit.SECONDS);
    assertThat(calls.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("alone 12");
    assertThat(calls.get(3).get(10, TimeUnit.SECONDS)).isEqualTo("alone 14");
    assertThatThrownBy(() -> calls.get(2).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("13 alone");
    assertThat(batches).hasSize(1);
  }

  @Test
  void aLimitBelowTwoRunsEveryItemAloneWithoutAWorker() {
    commits(1);
    assertThat(commits.run(5)).isEqualTo("alone 5");
    assertThatThrownBy(() -> commits.run(13)).isInstanceOf(IllegalArgumentException.class);
    assertThat(sizes).isEmpty();
    assertThat(batches).isEmpty();
  }

  @Test
  void afterStopCallersRunTheirItemsThemselves() {
    commits(64);
    commits.stop();
    assertThat(commits.run(7)).isEqualTo("alone 7");
    await().atMost(Duration.ofSeconds(5)).until(() -> commits.waiting() == 0);
  }
}
