package com.zeromission.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one answer to "who is the client?" for every limit (the feedback form, sign-in lockouts). The direct peer,
 * unless it is one of {@link TrustedProxies}: then {@code X-Forwarded-For} is read from the right, skipping trusted
 * proxies, and the first address that is not one of them is the client. Whatever is further left was written by the
 * client itself and is ignored, so a client cannot pick its own budget by sending the header.
 *
 * <p>Tomcat's own {@code RemoteIpValve} ({@code server.forward-headers-strategy=native}) must stay off: it would
 * rewrite the peer address before this reads it, trusting what it was configured to trust instead.
 */
@Component
public class ClientAddresses {

    private final List<TrustedProxies.Block> trusted;

    public ClientAddresses(TrustedProxies proxies) {
        this.trusted = proxies.blocks();
    }

    /** The client's IP address, as text (IPv6 in full form). */
    public String address(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        InetAddress peer = literal(remote);
        if (peer == null) {
            return String.valueOf(remote);
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        var hops = new ArrayList<String>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop);
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // not an address: written by whoever is left of the last trusted proxy, so it proves nothing
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /**
     * Whom a budget counts: the client's IPv4 address, or its IPv6 address's /64 network, since one IPv6 client
     * usually holds a whole /64 and could otherwise take a fresh address (and a fresh budget) for every request.
     */
    public String budgetSubject(HttpServletRequest request) {
        return budgetSubject(address(request));
    }

    static String budgetSubject(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null || parsed.getAddress().length != 16) {
            return address;
        }
        return HexFormat.of().formatHex(parsed.getAddress(), 0, 8) + "::/64";
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(b -> b.contains(address));
    }

    /**
     * An IP address literal, or null. Checked by hand before {@link InetAddress#getByName} because that method looks
     * anything else up in DNS: a header must never make the server resolve a name.
     */
    static @Nullable InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean v4 = s.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        boolean v6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]{2,45}");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
