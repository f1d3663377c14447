package org.neurocurate.cli;

import org.neurocurate.learn.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a subcommand into one line on stderr and exit status 1. The core's
 * exceptions already name the file and the reason, so their message is the whole story; anything
 * else is a bug and keeps its stack trace.
 */
final class CliErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (ex instanceof java.io.IOException || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedUserError || ex instanceof TrainingDivergedException) {
            cl.getErr().println("neurocurate: " + ex.getMessage());
        } else {
            cl.getErr().println("neurocurate: internal error: " + ex);
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return 1;
    }

    /** A user-facing failure raised from inside a subcommand (bad combination of options, missing input). */
    static final class UncheckedUserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedUserError(String message) {
            super(message);
        }
    }
}
