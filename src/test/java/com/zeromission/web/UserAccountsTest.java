package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Configured accounts and the demo's: a user name must be one a team can list as a member, teams are not configured
 * on the account (the team directory holds them), and demo mode adds a login per demo team.
 */
class UserAccountsTest {

    @TempDir
    Path dataDir;

    @Test
    void refusesAUserNameThatNoTeamCouldListAsMember() {
        assertThatThrownBy(() -> new SecurityConfiguration.Account("Anna Svensson", "{noop}x", List.of("VIEWER"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zeromission.security.users[].name must be a user name")
                .hasMessageContaining("was 'Anna Svensson'");
        assertThat(new SecurityConfiguration.Account("anna.s", "{noop}x", List.of("TEAM_MEMBER"), null).name())
                .isEqualTo("anna.s");
    }

    @Test
    void refusesTeamsOnAConfiguredAccountPointingToTheTeamDirectory() {
        assertThatThrownBy(() -> new SecurityConfiguration.Account("anna", "{noop}x", List.of("TEAM_MEMBER"),
                List.of("invoicing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zeromission.security.users[].teams is not read (user 'anna')")
                .hasMessageContaining("PUT /api/v1/teams/{name}");
    }

    @Test
    void demoModeGivesEachDemoTeamsLoginTheTeamMemberRole() throws Exception {
        DemoLogins logins = () -> List.of("anna", "maria", "member");
        var provider = new StaticListableBeanFactory(Map.of("demoLogins", logins)).getBeanProvider(DemoLogins.class);
        var config = new SecurityConfiguration();

        var users = config.users(new SecurityConfiguration.Users(List.of()), config.passwordEncoder(), true, dataDir, provider);

        assertThat(users.loadUserByUsername("maria").getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactly("ROLE_TEAM_MEMBER");
        assertThat(users.loadUserByUsername("anna").getPassword()).isEqualTo("{noop}demo");
        // the fixed demo user keeps its one role however the roster lists it
        assertThat(users.loadUserByUsername("member").getAuthorities()).hasSize(1);
        assertThat(users.loadUserByUsername("analyst").getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactly("ROLE_ANALYST");
    }

    @Test
    void withoutDemoModeTheDemoRosterGivesNoLogins() throws Exception {
        DemoLogins logins = () -> List.of("anna");
        var provider = new StaticListableBeanFactory(Map.of("demoLogins", logins)).getBeanProvider(DemoLogins.class);
        var config = new SecurityConfiguration();
        var users = (org.springframework.security.provisioning.InMemoryUserDetailsManager) config.users(
                new SecurityConfiguration.Users(List.of(new SecurityConfiguration.Account("lead", "{noop}x",
                        List.of("ANALYST"), null))), config.passwordEncoder(), true, dataDir, provider);

        assertThat(users.userExists("lead")).isTrue();
        assertThat(users.userExists("anna")).isFalse();
    }
}
