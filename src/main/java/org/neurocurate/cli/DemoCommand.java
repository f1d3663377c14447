package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.neurocurate.pipeline.Demo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurocurate demo [--out DIR] [--seed S]}: the main job on a generated cohort. */
@Command(name = "demo", description = "Generate a small synthetic cohort and run every stage on it.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", description = "output folder: new, empty, or a previous demo's output, which is replaced (default: ${DEFAULT-VALUE})")
    Path out = Path.of("demo-out");

    @Option(names = "--seed", description = "seed of every random component (default: 1)")
    Long seed;

    @Option(names = "--subjects", description = "subjects in the generated cohort (default: 24)")
    Integer subjects;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Demo.Settings d = Demo.Settings.defaults(out);
        Demo.Settings settings = new Demo.Settings(out, seed == null ? d.seed() : seed,
                subjects == null ? d.subjects() : subjects, d.gridMm());
        for (String finding : Demo.run(settings, new TerminalProgress(spec.commandLine().getErr()))) {
            w.println(finding);
            w.flush();
        }
        w.println("demo: outputs in " + out.toAbsolutePath());
        w.flush();
        return 0;
    }
}
