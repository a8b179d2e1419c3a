package com.zeromission.problems;

/**
 * Published after the background grouping caught up with the inbox (outside any transaction): {@code signals} were
 * grouped in this round, {@code waiting} are still in the inbox. Lets others act once problems exist, e.g. the demo.
 */
public record ProblemsGrouped(int signals, int newProblems, long waiting) {
}
