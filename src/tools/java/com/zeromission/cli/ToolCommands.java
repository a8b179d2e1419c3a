package com.zeromission.cli;

import java.util.List;

/**
 * The tools jar's commands on the product's command line: demo data, the masker's and the grouping's evaluations, and
 * the benchmarks. Registered in {@code META-INF/services/com.zeromission.cli.MoreCommands}.
 */
public final class ToolCommands implements MoreCommands {

    @Override
    public List<Object> commands() {
        return List.of(new DemoCommand(), new PrivacyCommand(), new BenchCommand(), new ProblemsCommand());
    }
}
