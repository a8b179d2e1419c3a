package com.zeromission.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's {@code --help} reads cleanly: picocli formats each help text with {@link String#format} and, when
 * that fails (a lone {@code %}, as in "95 % Poisson"), prints a "Could not format" warning and the raw text. And each
 * paragraph is a whole sentence: picocli starts every element of a description on a new line, so a sentence split
 * over two elements shows cut in the middle.
 */
class CommandHelpTest {

    private final List<CommandSpec> commands = all(ZeromissionCli.commandLine());

    @Test
    void everyCommandIsCovered() {
        assertThat(commands).extracting(CommandSpec::qualifiedName)
                .contains("zm serve", "zm import", "zm cpm", "zm demo generate", "zm problems eval", "zm privacy eval",
                        "zm bench import", "zm bench pages");
    }

    @Test
    void everyHelpTextFormatsWithoutError() {
        List<String> broken = new ArrayList<>();
        for (CommandSpec command : commands) {
            var usage = command.usageMessage();
            List<String> texts = new ArrayList<>(List.of(usage.description()));
            texts.addAll(List.of(usage.header()));
            texts.addAll(List.of(usage.footer()));
            texts.addAll(List.of(usage.exitCodeListHeading(), usage.optionListHeading(), usage.commandListHeading(),
                    usage.parameterListHeading(), usage.descriptionHeading()));
            usage.exitCodeList().forEach((code, text) -> texts.add(text));
            for (ArgSpec arg : args(command)) {
                texts.addAll(List.of(arg.description()));
            }
            for (String text : texts) {
                try {
                    String.format(Locale.ROOT, text);
                } catch (IllegalFormatException e) {
                    broken.add(command.qualifiedName() + ": '" + text + "' (" + e + ")");
                }
            }
        }
        assertThat(broken).as("help texts picocli cannot format (write %% for a percent sign)").isEmpty();
    }

    @Test
    void everyDescriptionParagraphEndsItsSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandSpec command : commands) {
            for (String paragraph : command.usageMessage().description()) {
                if (!endsASentence(paragraph)) {
                    cut.add(command.qualifiedName() + ": '" + paragraph + "'");
                }
            }
        }
        assertThat(cut).as("help paragraphs that stop mid-sentence").isEmpty();
    }

    @Test
    void rootHelpListsTheProductsAndTheToolsCommands() {
        String help = ZeromissionCli.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help).contains("serve", "import", "cpm", "demo", "problems", "bench").doesNotContain("%n");
    }

    private static boolean endsASentence(String paragraph) {
        String text = paragraph.strip();
        return text.isEmpty() || text.endsWith(".") || text.endsWith(":") || text.endsWith("?") || text.endsWith("!")
                || text.endsWith(".)");
    }

    private static List<ArgSpec> args(CommandSpec command) {
        List<ArgSpec> args = new ArrayList<>(command.options());
        args.addAll(command.positionalParameters());
        return args;
    }

    private static List<CommandSpec> all(CommandLine root) {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(root.getCommandSpec());
        root.getSubcommands().values().stream().distinct().forEach(sub -> specs.addAll(all(sub)));
        return specs;
    }
}
