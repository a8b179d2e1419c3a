/**
 * The server-rendered pages people use every day: dashboard, problems, insight board, teams and imports. Pages read
 * and change the business modules only through their public APIs; they hold no state of their own. Who may see or
 * post what is decided at the web edge ({@code web.PageSecurity}); the pages only hide buttons a role cannot use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pages",
        allowedDependencies = {"alarms", "cadence", "callbacks", "deadlines", "insights", "intake", "leaps",
                "metrics", "mystery", "privacy", "problems", "replay", "reports", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.pages;
