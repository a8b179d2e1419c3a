package com.zeromission.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

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
        // replay: the session-replay scripts built from src/main/frontend (docs/replay.md)
        for (String folder : new String[] {"css", "js", "img", "replay"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
        }
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
