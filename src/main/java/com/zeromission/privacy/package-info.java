/**
 * Privacy: masking of personal data in free text and keyed pseudonyms. Everything that enters the product passes
 * through here before it is stored or logged. Public API: {@link com.zeromission.privacy.TextMasker},
 * {@link com.zeromission.privacy.Pseudonymizer} and their value types; the rest lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy",
        allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package com.zeromission.privacy;
