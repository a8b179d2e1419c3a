package com.zeromission.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Who the client is: the peer, or behind trusted proxies the right-most address they did not write themselves. */
class ClientAddressesTest {

    final ClientAddresses behindProxies = new ClientAddresses(new TrustedProxies(List.of("10.9.0.0/16", "fd00::/8")));
    final ClientAddresses direct = new ClientAddresses(new TrustedProxies(null));

    static MockHttpServletRequest from(String peer, String... forwardedFor) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnoredSoAClientCannotChooseItsAddress() {
        assertThat(direct.address(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(behindProxies.address(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedForwardedAddress() {
        // the client wrote 1.2.3.4 itself; the outer proxy (10.9.0.5) appended the address it saw, 198.51.100.23
        assertThat(behindProxies.address(from("10.9.0.1", "1.2.3.4, 198.51.100.23, 10.9.0.5"))).isEqualTo("198.51.100.23");
        // several header lines are one list, in order
        assertThat(behindProxies.address(from("10.9.0.1", "1.2.3.4", "198.51.100.23"))).isEqualTo("198.51.100.23");
        assertThat(behindProxies.address(from("10.9.0.1", "2001:db8::1, fd00::2"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void garbageAndHostNamesInTheHeaderAreNeverResolvedAndNeverBecomeTheClient() {
        assertThat(behindProxies.address(from("10.9.0.1", "evil.example, 10.9.0.7"))).isEqualTo("10.9.0.7");
        assertThat(behindProxies.address(from("10.9.0.1", "999.1.1.1"))).isEqualTo("10.9.0.1");
        assertThat(behindProxies.address(from("10.9.0.1"))).isEqualTo("10.9.0.1");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(ClientAddresses.budgetSubject("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientAddresses.budgetSubject("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isNotEqualTo(ClientAddresses.budgetSubject("2001:db8:1:3::1"));
        assertThat(ClientAddresses.budgetSubject("10.0.0.1")).isEqualTo("10.0.0.1")
                .isNotEqualTo(ClientAddresses.budgetSubject("10.0.0.2"));
    }

    @Test
    void refusesATrustedProxySettingThatIsNotAnAddressOrBlockAndSaysWhichValue() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/8", "proxy.internal")))
                .hasMessageContaining("zeromission.security.trusted-proxies[1]").hasMessageContaining("'proxy.internal'");
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33")))
                .hasMessageContaining("prefix length").hasMessageContaining("'10.0.0.0/33'");
    }

    @Test
    void aBlockMatchesExactlyItsPrefix() {
        var proxies = new ClientAddresses(new TrustedProxies(List.of("192.168.4.0/22")));
        assertThat(proxies.address(from("192.168.7.255", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.address(from("192.168.8.0", "198.51.100.1"))).isEqualTo("192.168.8.0");
    }
}
