package com.zeromission.web;

import java.util.List;

/**
 * In demo mode, the demo's team members who can sign in: one per demo team, each a member of that team in the team
 * directory. The demo module knows its teams and provides this; the web edge makes each a TEAM_MEMBER account with
 * the password {@code demo}, next to the fixed demo users.
 */
public interface DemoLogins {

    /** User names, e.g. {@code anna} (invoicing); never one of the fixed demo users. */
    List<String> teamMembers();
}
