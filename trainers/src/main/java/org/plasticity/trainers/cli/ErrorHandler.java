package org.plasticity.trainers.cli;

import org.plasticity.core.tensor.NativeSetupException;
import org.plasticity.datasets.DataFileException;
import org.plasticity.trainers.DivergenceError;
import org.plasticity.trainers.RunInterrupted;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.ConfigException;
import picocli.CommandLine;

/**
 * Maps exceptions to exit codes: a user mistake (bad config, missing or corrupt data file, missing
 * device, unusable output directory, a PyTorch without its matching JNI bridge) prints one line and
 * exits 2; a run stopped on request after its checkpoint exits 75 (requeue); a diverged run (NaN or infinite loss) exits 3; anything else
 * is a bug, printed with its stack trace, exit 1.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    public static final int USER_ERROR = 2;
    public static final int INTERNAL_ERROR = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof RunInterrupted) {
            cli.getErr().println("plasticity: " + e.getMessage());
            cli.getErr().flush();
            return RunInterrupted.EXIT_CODE;
        }
        if (e instanceof DivergenceError) {
            cli.getErr().println("error: " + e.getMessage());
            cli.getErr().flush();
            return DivergenceError.EXIT_CODE;
        }
        if (isUserError(e)) {
            cli.getErr().println("error: " + e.getMessage());
            cli.getErr().flush();
            return USER_ERROR;
        }
        cli.getErr().println("internal error: " + e);
        e.printStackTrace(cli.getErr());
        cli.getErr().flush();
        return INTERNAL_ERROR;
    }

    /** True for the exceptions that report a user's mistake. */
    static boolean isUserError(Throwable e) {
        return e instanceof ConfigException || e instanceof DataFileException || e instanceof UserError
                || e instanceof NativeSetupException;
    }
}
