/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.deadlines.internal;

import org.jspecify.annotations.NullMarked;
