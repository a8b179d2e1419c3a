/**
 * The pure-Java core of problem discovery: {@link com.zeromission.problems.grouping.OnlineGrouper} groups analysed
 * texts online into problems, with a state that survives restarts. No Spring, no database: the problems module
 * persists its state and applies analysts' decisions through it. Exposed as a named interface so that the command
 * line's evaluation can configure it ({@link com.zeromission.problems.grouping.Settings}).
 */
@org.springframework.modulith.NamedInterface("grouping")
@org.jspecify.annotations.NullMarked
package com.zeromission.problems.grouping;
