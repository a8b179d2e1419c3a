/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.replay.internal;

import org.jspecify.annotations.NullMarked;
