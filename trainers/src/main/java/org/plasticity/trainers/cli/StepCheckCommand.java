package org.plasticity.trainers.cli;

import org.plasticity.trainers.UserError;
import org.plasticity.trainers.fidelity.ReferenceDump;
import org.plasticity.trainers.fidelity.StepCheck;
import org.plasticity.trainers.fidelity.StepComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code plasticity stepcheck}: replays a reference dump's batches from the reference's state and prints how far
 * each step's loss and the state after each phase are from the reference's. Exit 0 when they agree within the
 * tolerances, 4 when they do not.
 */
@Command(name = "stepcheck", mixinStandardHelpOptions = true,
        description = "Step for step against the HLOP authors' code: replay a dump written by "
                + "scripts/bench/stepcheck.sh from the reference's state and compare losses and weights.")
public final class StepCheckCommand implements Callable<Integer> {
    /** The exit code when the comparison finds a difference beyond the tolerances. */
    public static final int DIFFERS = 4;

    @Mixin
    ConfigOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "DIR",
            description = "The reference dump (its manifest.json and state folders).")
    Path reference;

    @Option(names = "--loss-tolerance", defaultValue = "1e-4",
            description = "Bound on each step's relative loss difference (default ${DEFAULT-VALUE}).")
    double lossTolerance;

    @Option(names = "--state-tolerance", defaultValue = "1e-3",
            description = "Bound on each tensor's relative difference after a phase (default ${DEFAULT-VALUE}).")
    double stateTolerance;

    @Override
    public Integer call() {
        if (!(lossTolerance > 0) || !(stateTolerance > 0)) {
            throw new UserError("--loss-tolerance and --state-tolerance must be positive");
        }
        ReferenceDump dump = ReferenceDump.read(reference);
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.printf("stepcheck %s %s against %s: %d phase(s), overrides %s%n", dump.method(), dump.variant(),
                reference, dump.phases().size(), StepCheck.overrides(dump));
        StepComparison comparison = StepCheck.run(options.config, dump, options.overrides, lossTolerance,
                stateTolerance, System.out);
        comparison.lines().forEach(out::println);
        out.flush();
        return comparison.agrees() ? 0 : DIFFERS;
    }
}
