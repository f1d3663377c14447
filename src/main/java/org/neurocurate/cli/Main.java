package org.neurocurate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face: {@code ./neurocurate SUBCOMMAND ...}. Each subcommand translates its options
 * into one core call and prints or writes the result; no computation lives here.
 */
@Command(name = "neurocurate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Curate, quality-control and pretrain on 3D brain MRI.",
        subcommands = {
            InfoCommand.class,
            DemoCommand.class,
            MacroCommand.class,
            UpdateSiteCommand.class,
            IndexCommand.class,
            SynthCommand.class,
            TiersCommand.class,
            PretrainCommand.class,
            EmbedCommand.class,
            IqmsCommand.class,
            BidsAppCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the picocli command line with NeuroCurate's error handling (one line, non-zero exit). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(bidsAppArgs(args)));
    }

    /**
     * The BIDS-App convention {@code neurocurate BIDS_DIR OUT_DIR participant|group ...} is the
     * {@code qc} subcommand: when the first argument is no subcommand and the third is a level, "qc" is
     * put in front.
     */
    public static String[] bidsAppArgs(String[] args) {
        if (args.length >= 3 && !commandLine().getSubcommands().containsKey(args[0])
                && BidsAppCommand.LEVELS.contains(args[2])) {
            String[] out = new String[args.length + 1];
            out[0] = "qc";
            System.arraycopy(args, 0, out, 1, args.length);
            return out;
        }
        return args;
    }
}
