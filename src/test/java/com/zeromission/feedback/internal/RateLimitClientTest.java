package com.zeromission.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitClientTest {

    @Test
    void countsAnIpv6ClientByItsSlash64NetworkAndAnIpv4ClientByItsAddress() {
        assertThat(FeedbackController.client("2001:db8:1:2:aaaa::1"))
                .isEqualTo(FeedbackController.client("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isNotEqualTo(FeedbackController.client("2001:db8:1:3::1"));
        assertThat(FeedbackController.client("10.0.0.1")).isEqualTo("10.0.0.1").isNotEqualTo(FeedbackController.client("10.0.0.2"));
    }
}
