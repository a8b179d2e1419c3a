package com.zeromission.cli;

import java.util.List;

/**
 * Sub-commands that are not part of the product but join its command line when their jar is on the class path: the
 * tools jar ({@code target/zeromission-tools.jar}, built from {@code src/tools}) adds {@code demo}, {@code bench},
 * {@code problems} and {@code privacy} this way. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/com.zeromission.cli.MoreCommands}), so the product names none of them and runs without
 * them.
 */
public interface MoreCommands {

    /** picocli command objects (classes annotated with {@code @Command}), added after the product's own. */
    List<Object> commands();
}
