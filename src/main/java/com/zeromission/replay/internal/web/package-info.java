/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.replay.internal.web;

import org.jspecify.annotations.NullMarked;
