/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.feedback.internal;

import org.jspecify.annotations.NullMarked;
