package org.plasticity.trainers.cli;

import org.plasticity.core.tensor.TorchRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code plasticity} command line: one subcommand per job. Exit codes: 0 success, 2 a user
 * error (one clear line, no stack trace), 3 a diverged run, 4 a step check that found a difference, 75 stopped on request with a
 * checkpoint (resume it), 1 an internal error.
 */
@Command(name = "plasticity", mixinStandardHelpOptions = true, version = "plasticity 0.1.0",
        description = "Spiking neural networks that learn continually, on DJL and PyTorch.",
        subcommands = {RunCommand.class, ResumeCommand.class, ValidateCommand.class, BenchCommand.class, StepCheckCommand.class,
                SweepCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class PlasticityCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, resume, validate, bench, sweep, report)");
    }

    /** Builds the command line with Plasticity's error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PlasticityCli());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }

    public static void main(String[] args) {
        TorchRuntime.configureOffline();
        System.exit(commandLine().execute(args));
    }
}
