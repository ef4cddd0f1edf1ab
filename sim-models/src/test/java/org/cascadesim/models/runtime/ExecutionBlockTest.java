package org.cascadesim.models.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.junit.jupiter.api.Test;

class ExecutionBlockTest {

  private static final long MS = 1_000_000L;

  /** A step that opens a block and logs when its exit hook runs. */
  record Logged(String name, List<Step> body, List<String> log) implements Step {
    @Override
    public void run(Execution execution) {
      log.add("enter " + name);
      execution.enterBlock(body, () -> log.add("exit " + name));
    }
  }

  private final Simulation sim = new Simulation(1);

  private Outcome callOnce(Service service, long timeoutNanos, boolean cancel) {
    Outcome[] seen = new Outcome[1];
    Invocation.send(sim, service.endpoint("/x"), new RequestContext(1, 1, null), timeoutNanos, cancel,
        o -> seen[0] = o);
    sim.runUntil(10_000 * MS);
    return seen[0];
  }

  @Test
  void blockExitHooksRunInnermostFirstAndStepsAfterTheBlockContinue() {
    List<String> log = new ArrayList<>();
    Service service = new Service(sim, "s", s -> new GoroutineRuntime(s, "s"));
    Step inner = new Logged("inner", List.of(new Step.Cpu(new Distribution.Constant(MS))), log);
    Step outer = new Logged("outer", List.of(inner, new Step.Io(new Distribution.Constant(MS))), log);
    Step after = execution -> {
      log.add("after");
      execution.proceed();
    };
    service.endpoint("/x").setProgram(List.of(outer, after));

    assertThat(callOnce(service, Invocation.NO_TIMEOUT, false)).isEqualTo(Outcome.OK);
    assertThat(log).containsExactly("enter outer", "enter inner", "exit inner", "exit outer", "after");
  }

  @Test
  void blockExitHooksRunWhenAStepInsideFails() {
    List<String> log = new ArrayList<>();
    Service service = new Service(sim, "s", s -> new GoroutineRuntime(s, "s"));
    Dependency failing = new Dependency(sim, "d", new Distribution.Constant(MS), 1.0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, List.of());
    Step inner = new Logged("inner", List.of(new Step.Call(failing, Invocation.NO_TIMEOUT, false)), log);
    service.endpoint("/x").setProgram(List.of(new Logged("outer", List.of(inner), log)));

    assertThat(callOnce(service, Invocation.NO_TIMEOUT, false)).isEqualTo(Outcome.ERROR);
    assertThat(log).containsExactly("enter outer", "enter inner", "exit inner", "exit outer");
  }

  @Test
  void blockExitHooksRunWhenTheCallerCancelsTheWork() {
    List<String> log = new ArrayList<>();
    Service service = new Service(sim, "s", s -> new GoroutineRuntime(s, "s"));
    service.endpoint("/x").setProgram(List.of(
        new Logged("outer", List.of(new Step.Io(new Distribution.Constant(100 * MS))), log)));

    assertThat(callOnce(service, 10 * MS, true)).isEqualTo(Outcome.TIMEOUT);
    assertThat(log).containsExactly("enter outer", "exit outer");
    assertThat(service.endpoint("/x").stats().count(Outcome.TIMEOUT)).isEqualTo(1);
    assertThat(service.endpoint("/x").stats().balances()).isTrue();
  }

  @Test
  void earlyAnswerSkipsTheRestAndReleasesTheBlock() {
    List<String> log = new ArrayList<>();
    Service service = new Service(sim, "s", s -> new WorkerPoolRuntime(s, "s", 1, WorkerPoolRuntime.UNBOUNDED, true));
    Step replay = execution -> execution.answer(Outcome.CONFLICT);
    service.endpoint("/x").setProgram(List.of(new Logged("outer", List.of(replay,
        new Step.Cpu(new Distribution.Constant(MS))), log)));

    assertThat(callOnce(service, Invocation.NO_TIMEOUT, false)).isEqualTo(Outcome.CONFLICT);
    assertThat(log).containsExactly("enter outer", "exit outer");
  }
}
