/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.problems.internal;

import org.jspecify.annotations.NullMarked;
