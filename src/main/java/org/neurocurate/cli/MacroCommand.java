package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import ij.IJ;

import org.neurocurate.fiji.HeadlessImageJ;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code neurocurate macro FILE.ijm [ARGUMENT]}: runs an ImageJ 1 macro headless by ImageJ's own
 * interpreter, with NeuroCurate's {@code run("NeuroCurate …")} commands available, and prints what the
 * macro returns. For batch jobs on servers without Fiji. ImageJ's own menu commands (e.g. "Duplicate...")
 * need its AWT menus and are not available here; macro functions and NeuroCurate's commands are.
 */
@Command(name = "macro", description = "Run an ImageJ macro headless with NeuroCurate's commands.")
final class MacroCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ijm", description = "the macro file")
    Path macro;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARGUMENT", description = "the macro's getArgument()")
    String argument = "";

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(macro)) {
            throw new IllegalArgumentException(macro + ": no such macro file");
        }
        HeadlessImageJ.registerCommands();
        String result = IJ.runMacroFile(macro.toAbsolutePath().toString(), argument);
        PrintWriter out = spec.commandLine().getOut();
        if ("[aborted]".equals(result)) {
            spec.commandLine().getErr().println("neurocurate: " + macro + ": the macro was aborted (headless, ImageJ's"
                    + " own menu commands are unavailable; NeuroCurate's commands and macro functions work)");
            return 1;
        }
        if (result != null && !result.isEmpty()) {
            out.println(result);
        }
        out.flush();
        return 0;
    }
}
