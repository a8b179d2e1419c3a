/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.problems.naming;

import org.jspecify.annotations.NullMarked;
