package com.zeromission.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The static files the pages use, each folder mapped on its own instead of Spring Boot's default {@code /**}
 * (switched off with {@code spring.web.resources.add-mappings=false}).
 *
 * <p>Why: with the WebJars locator on the class path, Spring Boot wraps every page's links in
 * {@code ResourceUrlEncodingFilter}, which asks each resource mapping whether a link is a static file. Under the default
 * {@code /**} every link matched, so each {@code @{/problems/…}} in a template cost class-path look-ups in five
 * locations, all misses (spring-framework issue 27538): more than half of the largest root cause's page time, with its
 * 92 variant links (docs/benchmarks.md). Mapped per folder, a page link matches no mapping and costs nothing, while
 * {@code /webjars/…} links still get their version resolved.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
        }
        // The session-replay scripts (docs/replay.md), embedded in the company's own pages: sent gzip-compressed
        // (the build writes FILE.gz beside each; 26 KB instead of 81 KB for the recorder) and cached for an hour by
        // browsers and proxies, so that every page of a checkout does not fetch them again.
        registry.addResourceHandler("/replay/**").addResourceLocations("classpath:/static/replay/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .resourceChain(true).addResolver(new EncodedResourceResolver()).addResolver(new PathResourceResolver());
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
