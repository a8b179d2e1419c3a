/**
 * Mystery shopping: scenario templates (market, online or in store, checkout, payment method, card, the steps to
 * follow after the purchase), runs in which a shopper records step by step what happened, and findings (steps with a
 * problem) that become {@code mystery-shopping} signals through intake when the run is completed. Public API: {@link
 * com.zeromission.mystery.MysteryShopping} and its value types; persistence and HTTP live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mystery shopping",
        allowedDependencies = {"audit", "intake", "privacy", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.mystery;
