package com.zeromission.web;

import java.net.URI;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import com.zeromission.privacy.TextMasker;

/**
 * Every problem detail names the request it answers in {@code instance}, and a path may carry personal data
 * ({@code /api/v1/problems/anna@example.com}): it is masked like every other echoed value, at the last moment before
 * the answer is written, so no module can forget it.
 */
@RestControllerAdvice
class ProblemDetailMasking implements ResponseBodyAdvice<Object> {

    private static final TextMasker MASKER = TextMasker.standard();

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String path = problem.getInstance() != null ? problem.getInstance().toString() : request.getURI().getRawPath();
            String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            String masked = MASKER.mask(decoded).text();
            problem.setInstance(URI.create(java.net.URLEncoder.encode(masked, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("%2F", "/").replace("+", "%20")));
        }
        return body;
    }
}
