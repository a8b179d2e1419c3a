package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.support.TestDatabases;

/**
 * Outside demo mode the demo checkout does not exist, even with the tools on the class path (as here): no page, no
 * public path. Signed out it is the sign-in page, signed in a 403, as for any path nothing allows.
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class DemoCheckoutOutsideDemoModeTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void theCheckoutIsNotServedOutsideDemoMode() {
        assertThat(context.getBeanNamesForType(DemoCheckout.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DemoCheckout.Security.class)).isEmpty();
        assertThat(mvc.get().uri("/demo/checkout")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/demo/checkout.js")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/demo/checkout").with(user("analyst").roles("ANALYST"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/demo/checkout").with(user("analyst").roles("ANALYST"))).hasStatus(HttpStatus.FORBIDDEN);
    }
}
