package com.zeromission.limits;

import com.zeromission.support.TestDatabases;

/** The shared rate limits on the embedded default database (two connection pools on one H2 file). */
class H2RateLimitsTest extends RateLimitsContract {

    @Override
    String[] database() {
        return new String[] {TestDatabases.h2Url(TestDatabases.newDataDir()), "sa", ""};
    }
}
