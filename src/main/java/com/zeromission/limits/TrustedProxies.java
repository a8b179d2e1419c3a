package com.zeromission.limits;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code zeromission.security.trusted-proxies}: the reverse proxies and load balancers in front of the instances, as
 * IP addresses or CIDR blocks (e.g. {@code 10.0.0.0/8, fd00::/8}). Empty by default: then {@code X-Forwarded-For} is
 * never read, because any client can send one.
 */
@ConfigurationProperties(prefix = "zeromission.security")
public record TrustedProxies(List<String> trustedProxies) {

    public TrustedProxies {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        for (int i = 0; i < trustedProxies.size(); i++) {
            Block.parse(trustedProxies.get(i), "zeromission.security.trusted-proxies[" + i + "]");
        }
    }

    /** The blocks, parsed. */
    List<Block> blocks() {
        var blocks = new ArrayList<Block>();
        for (int i = 0; i < trustedProxies.size(); i++) {
            blocks.add(Block.parse(trustedProxies.get(i), "zeromission.security.trusted-proxies[" + i + "]"));
        }
        return blocks;
    }

    /** An address block: the network's bytes and how many leading bits must match. */
    record Block(byte[] network, int prefix) {

        static Block parse(String text, String setting) {
            String value = text == null ? "" : text.strip();
            int slash = value.indexOf('/');
            InetAddress address = ClientAddresses.literal(slash < 0 ? value : value.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(setting + " must be an IP address or a CIDR block such as 10.0.0.0/8 "
                        + "or fd00::/8 (host names are not resolved), was '" + text + "'");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String length = value.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                    throw new IllegalArgumentException(setting + " has a prefix length that is not between 0 and " + bits
                            + ", was '" + text + "'");
                }
                prefix = Integer.parseInt(length);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8, rest = prefix % 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (b[full] & mask) == (network[full] & mask);
        }
    }
}
