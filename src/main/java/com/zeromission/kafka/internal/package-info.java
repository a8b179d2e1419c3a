/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.kafka.internal;

import org.jspecify.annotations.NullMarked;
