/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.cadence.internal;

import org.jspecify.annotations.NullMarked;
