/** Nothing in this package is null unless marked {@code @Nullable} (JSpecify). */
@NullMarked
package com.zeromission;

import org.jspecify.annotations.NullMarked;
