package org.plasticity.trainers.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.trainers.sweep.SlurmClient;
import org.plasticity.trainers.sweep.SweepManifest;
import org.plasticity.trainers.sweep.SweepStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plasticity sweep status}: the state of every run of a sweep, from its folders and the Slurm queue. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every run of a sweep: completed, failed (with the reason), running, queued, stopped or "
                + "pending, read from the run folders and, when available, squeue.")
public final class SweepStatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC|DIR", description = "The sweep spec, the sweep folder or its sweep.json.")
    Path path;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep folder, when SPEC was run with --out.")
    Path out;

    @Option(names = "--no-squeue", description = "Do not ask Slurm about queued runs.")
    boolean noSqueue;

    @Override
    public Integer call() {
        SweepManifest.Located located = SweepCommand.locate(path, out);
        List<SweepStatus.Row> rows = SweepStatus.read(located.dir(), located.manifest(),
                noSqueue ? null : SlurmClient.fromPath());
        System.out.print(SweepStatus.render(located.manifest().name(), rows));
        return 0;
    }
}
