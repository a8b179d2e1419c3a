/**
 * Feedback: the public "tell us what went wrong" form, in English and Swedish, without login. What it receives
 * becomes a feedback signal through the normal intake path (masked, stored once). Rate-limited per client,
 * CSRF-protected, size-limited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback",
        allowedDependencies = {"intake", "limits", "privacy"})
@org.jspecify.annotations.NullMarked
package com.zeromission.feedback;
