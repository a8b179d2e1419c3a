/**
 * Demo data: a seeded, reproducible generator of three years of multilingual complaints and feedback about the
 * real problems in the product brief, with daily purchase counts consistent with them, CSV exports (the product's
 * own format and the public CFPB export format), and a loader that fills the product with it in demo mode.
 * Public API: {@link com.zeromission.demo.DemoDataGenerator}, {@link com.zeromission.demo.DemoExport} and their
 * value types; everything else lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"cadence", "callbacks", "deadlines", "insights", "intake", "leaps", "metrics", "replay",
                "mystery", "privacy", "problems", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.demo;
