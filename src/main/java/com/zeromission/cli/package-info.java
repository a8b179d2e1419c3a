/** The command line (bin/zm): picocli commands that start the application or a part of it. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line",
        allowedDependencies = {"database", "demo", "intake", "metrics", "privacy", "problems", "problems :: grouping",
                "text"})
@org.jspecify.annotations.NullMarked
package com.zeromission.cli;
