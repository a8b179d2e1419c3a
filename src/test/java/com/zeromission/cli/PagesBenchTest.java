package com.zeromission.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

class PagesBenchTest {

    /** Every path a controller of the pages module answers GET on, read from the annotations as Spring reads them. */
    static Set<String> getPageMappings() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        var paths = new TreeSet<String>();
        for (var candidate : scanner.findCandidateComponents("com.zeromission.pages")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), PagesBenchTest.class.getClassLoader());
            var onClass = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String prefix = onClass == null || onClass.path().length == 0 ? "" : onClass.path()[0];
            for (var method : type.getDeclaredMethods()) {
                var mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null || !(mapping.method().length == 0
                        || Set.of(mapping.method()).contains(RequestMethod.GET))) {
                    continue;
                }
                for (String path : mapping.path().length == 0 ? new String[] {""} : mapping.path()) {
                    paths.add(prefix + path);
                }
            }
        }
        return paths;
    }

    @Test
    void timesEveryGetPageOfThePagesModule() throws ClassNotFoundException {
        Set<String> pages = getPageMappings();
        assertThat(pages).as("the scan finds the pages").contains("/", "/reports/yearly", "/problems/{id}");

        var listed = new TreeSet<String>(PagesBench.PAGES.stream().map(PagesBench.Page::mapping).toList());
        listed.addAll(PagesBench.NOT_TIMED.keySet());

        assertThat(listed).as("PagesBench.PAGES (or NOT_TIMED, with the reason) lists every GET page, and no page "
                + "that is gone").isEqualTo(pages);
    }

    @Test
    void timedPagesAreNotAlsoExcluded() {
        assertThat(PagesBench.PAGES).noneMatch(p -> PagesBench.NOT_TIMED.containsKey(p.mapping()));
    }

    @Test
    void everyPlaceholderHasAnIdSource() {
        var ids = Map.<String, Long>of();
        for (var page : PagesBench.PAGES) {
            var matcher = java.util.regex.Pattern.compile("\\{([a-z0-9]+)}").matcher(page.path());
            while (matcher.find()) {
                assertThat(PagesBench.IDS).as(page.path()).containsKey(matcher.group(1));
            }
            assertThat(page.path()).doesNotContain("{id}");
        }
        assertThat(PagesBench.fill("/problems/merge?into={problem}&from={problem2}", Map.of("problem", 7L, "problem2", 9L)))
                .isEqualTo("/problems/merge?into=7&from=9");
        assertThatThrownBy(() -> PagesBench.fill("/leaps/{leap}", ids)).hasMessage("no leap in the data (/api/v1/leaps lists none)");
    }

    @Test
    void percentilesAreNearestRank() {
        double[] millis = new double[100];
        for (int i = 0; i < 100; i++) {
            millis[i] = 100 - i; // 100 down to 1, unsorted on purpose
        }
        var stats = PagesBench.Stats.of(millis);
        assertThat(stats).isEqualTo(new PagesBench.Stats(100, 50, 95, 99, 100));
        assertThat(PagesBench.Stats.of(new double[] {7})).isEqualTo(new PagesBench.Stats(1, 7, 7, 7, 7));
    }

    @Test
    void refusesAProductThatIsNotThere() {
        // a port nothing listens on: the command says where it looked and exits non-zero
        assertThat(ZeromissionCli.run("bench", "pages", "--url", "http://127.0.0.1:1", "-n", "1")).isNotZero();
    }
}
