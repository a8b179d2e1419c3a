package com.zeromission.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over their limit with 413, whatever the client says about their size. A declared
 * {@code Content-Length} over the limit is refused before anything is read; a body without one (chunked transfer
 * encoding) or one that lies is counted as it is read, and reading fails with {@link RequestBodyTooLargeException}
 * the moment the limit is crossed. Every reader in the product reads the whole body before it stores anything (JSON
 * and byte-array bodies are read whole by the message converters, CSV uploads are spooled or parsed completely
 * first), so a body that trips the limit stores nothing.
 *
 * <p>Limits: screenshots 5 MB; CSV signal imports {@code zeromission.import.max-upload-bytes}; every other body
 * {@code zeromission.web.max-json-bytes}. Form posts are parsed by Tomcat itself, bounded by
 * {@code server.tomcat.max-http-form-post-size} (which Tomcat also applies to chunked form posts), and multipart
 * parsing is switched off ({@code spring.servlet.multipart.enabled=false}: no endpoint takes multipart), so no
 * body reaches the application around this counter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    @ConfigurationProperties(prefix = "zeromission.web")
    record Limits(long maxJsonBytes) {
        Limits {
            if (maxJsonBytes <= 0) {
                maxJsonBytes = 16L * 1024 * 1024;
            }
        }
    }

    /** Screenshots: as {@code Evidence.Screenshot.MAX_BYTES} in the insights module (5 MB). */
    static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

    private final Limits limits;
    private final long maxUploadBytes;

    RequestSizeLimitFilter(Limits limits, @Value("${zeromission.import.max-upload-bytes:536870912}") long maxUploadBytes) {
        this.limits = limits;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** The limit of this request's body: each reader's own, and the JSON limit for everything else. */
    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.endsWith("/attachments")) {
            // screenshots are read whole into memory
            return MAX_ATTACHMENT_BYTES;
        }
        if (path.equals("/api/v1/imports") || path.equals("/imports")) {
            // bulk CSV uploads are spooled to disk (encrypted) as they arrive, so they may be much larger
            return maxUploadBytes;
        }
        return limits.maxJsonBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limitFor(request);
        if (request.getContentLengthLong() > max) {
            tooLarge(response, "request body is " + request.getContentLengthLong() + " bytes; at most " + max
                    + " bytes are accepted");
            return;
        }
        var limited = new LimitedRequest(request, max);
        try {
            chain.doFilter(limited, new HeldResponse(response, limited));
        } catch (IOException | ServletException | RuntimeException e) {
            // a reader that let the refusal escape unhandled: still a 413, not a 500
            if (limited.tripped && !response.isCommitted()) {
                response.reset();
                tooLarge(response, limited.message());
                return;
            }
            throw e;
        }
        if (limited.tripped && !response.isCommitted() && response.getStatus() != HttpStatus.CONTENT_TOO_LARGE.value()) {
            // a reader that caught the refusal and answered something else (e.g. "unreadable file"): the client
            // must learn that the body was too large; nothing was stored, as every reader reads before it stores
            response.reset();
            tooLarge(response, limited.message());
        }
    }

    static void tooLarge(HttpServletResponse response, String detail) throws IOException {
        SecurityConfiguration.problem(response, HttpStatus.CONTENT_TOO_LARGE.value(),
                java.net.URI.create("https://zeromission.dev/problems/too-large"), "Request body too large", detail);
    }

    /**
     * The response, whose flushes are held back once the request's body tripped its limit: a reader that turns the
     * refusal into its own answer (a message converter flushes what it writes) must not commit that answer before
     * this filter replaces it with the 413.
     */
    static final class HeldResponse extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final LimitedRequest request;
        private ServletOutputStream out;
        private java.io.PrintWriter writer;

        HeldResponse(HttpServletResponse response, LimitedRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!request.tripped) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream real = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        real.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        real.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!request.tripped) {
                            real.flush();
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        if (!request.tripped) {
                            real.close();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(jakarta.servlet.WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return out;
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            if (writer == null) {
                java.io.PrintWriter real = super.getWriter();
                writer = new java.io.PrintWriter(real) {
                    @Override
                    public void flush() {
                        if (!request.tripped) {
                            super.flush();
                        }
                    }

                    @Override
                    public void close() {
                        if (!request.tripped) {
                            super.close();
                        }
                    }
                };
            }
            return writer;
        }
    }

    /** The request with its body counted: {@link #getInputStream()} and {@link #getReader()} read through the counter. */
    static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long max;
        private LimitedInputStream stream;
        private BufferedReader reader;
        volatile boolean tripped;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        String message() {
            return "request body is larger than " + max + " bytes (counted as it was read); at most " + max
                    + " bytes are accepted";
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called for this request");
            }
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                if (stream != null) {
                    throw new IllegalStateException("getInputStream() has already been called for this request");
                }
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(new LimitedInputStream(super.getInputStream()), charset));
            }
            return reader;
        }

        private final class LimitedInputStream extends ServletInputStream {

            private final ServletInputStream in;
            private long count;

            LimitedInputStream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // never read more than one byte past the limit: enough to know it was crossed
                int n = in.read(b, off, (int) Math.min(len, Math.max(1, max - count + 1)));
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void counted(int n) {
                count += n;
                if (count > max) {
                    tripped = true;
                    throw new RequestBodyTooLargeException(message());
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        }
    }
}
