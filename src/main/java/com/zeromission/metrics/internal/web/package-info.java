/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission.metrics.internal.web;

import org.jspecify.annotations.NullMarked;
